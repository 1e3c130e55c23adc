-- Media, resources, quizzes and content versions (seed sections 2, 3 and 5).

-- Target of (lesson_id, course_id) keys: whatever hangs off a lesson belongs to that lesson's course.
ALTER TABLE course_lessons ADD CONSTRAINT course_lessons_id_course_key UNIQUE (id, course_id);

CREATE TABLE media_files (
  id                  UUID DEFAULT gen_random_uuid() PRIMARY KEY,
  -- The uploader; the file stays when their account goes.
  user_id             UUID REFERENCES users (id) ON DELETE SET NULL,
  -- The course a course_only file belongs to.
  course_id           UUID REFERENCES courses (id) ON DELETE CASCADE,
  filename            VARCHAR(255) NOT NULL,
  original_filename   VARCHAR(255) NOT NULL,
  file_path           TEXT NOT NULL,
  file_size           BIGINT NOT NULL,
  mime_type           VARCHAR(100) NOT NULL,
  -- SHA-256 of the content, lower-case hex: media is content-addressed (ARCHITECTURE.md, principle 9),
  -- so the seed's optional hash is required here.
  file_hash           CHAR(64) NOT NULL,
  width               INTEGER,
  height              INTEGER,
  duration            INTEGER,
  processing_status   VARCHAR(20) NOT NULL DEFAULT 'pending',
  processed_variants  JSONB NOT NULL DEFAULT '{}',
  cdn_url             TEXT,
  cache_expires_at    TIMESTAMPTZ,
  visibility          VARCHAR(20) NOT NULL DEFAULT 'private',
  download_count      INTEGER NOT NULL DEFAULT 0,
  created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at          TIMESTAMPTZ NOT NULL DEFAULT now(),

  CONSTRAINT valid_file_size CHECK (file_size > 0),
  CONSTRAINT valid_file_hash CHECK (file_hash ~ '^[0-9a-f]{64}$'),
  CONSTRAINT valid_media_dimensions CHECK ((width IS NULL OR width > 0) AND (height IS NULL OR height > 0)
                                           AND (duration IS NULL OR duration >= 0)),
  CONSTRAINT valid_processing_status CHECK (processing_status IN ('pending', 'processing', 'completed', 'failed')),
  CONSTRAINT valid_visibility CHECK (visibility IN ('public', 'private', 'course_only')),
  CONSTRAINT course_only_needs_course CHECK (visibility <> 'course_only' OR course_id IS NOT NULL),
  CONSTRAINT valid_download_count CHECK (download_count >= 0)
);

CREATE INDEX idx_media_files_user ON media_files (user_id);
CREATE INDEX idx_media_files_course ON media_files (course_id);
-- Deduplication and content-addressed lookups.
CREATE INDEX idx_media_files_hash ON media_files (file_hash);

CREATE TABLE course_resources (
  id               UUID DEFAULT gen_random_uuid() PRIMARY KEY,
  course_id        UUID NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
  -- NULL for a resource of the whole course.
  lesson_id        UUID,
  media_file_id    UUID REFERENCES media_files (id) ON DELETE SET NULL,
  title            VARCHAR(200) NOT NULL,
  description      TEXT,
  file_url         TEXT NOT NULL,
  file_type        VARCHAR(50),
  file_size        BIGINT,
  download_count   INTEGER NOT NULL DEFAULT 0,
  is_downloadable  BOOLEAN NOT NULL DEFAULT TRUE,
  created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at       TIMESTAMPTZ NOT NULL DEFAULT now(),

  CONSTRAINT course_resources_lesson_fkey FOREIGN KEY (lesson_id, course_id)
    REFERENCES course_lessons (id, course_id) ON DELETE CASCADE,
  CONSTRAINT valid_resource_size CHECK (file_size IS NULL OR file_size >= 0),
  CONSTRAINT valid_resource_downloads CHECK (download_count >= 0)
);

CREATE INDEX idx_course_resources_course ON course_resources (course_id);
CREATE INDEX idx_course_resources_lesson ON course_resources (lesson_id);
CREATE INDEX idx_course_resources_media ON course_resources (media_file_id);

CREATE TABLE course_quizzes (
  id                    UUID DEFAULT gen_random_uuid() PRIMARY KEY,
  course_id             UUID NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
  -- NULL for a quiz of the whole course (a final exam).
  lesson_id             UUID,
  title                 VARCHAR(200) NOT NULL,
  description           TEXT,
  instructions          TEXT,
  -- graded: answer keys stay on the server, which grades (ARCHITECTURE.md, principle 8);
  -- practice: answer keys may travel to clients, which grade locally.
  quiz_mode             VARCHAR(20) NOT NULL DEFAULT 'graded',
  time_limit            INTEGER,
  attempts_allowed      INTEGER DEFAULT 1,
  passing_score         NUMERIC(5,2) NOT NULL DEFAULT 70.00,
  randomize_questions   BOOLEAN NOT NULL DEFAULT FALSE,
  show_correct_answers  BOOLEAN NOT NULL DEFAULT TRUE,
  is_required           BOOLEAN NOT NULL DEFAULT FALSE,
  is_active             BOOLEAN NOT NULL DEFAULT TRUE,
  created_at            TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at            TIMESTAMPTZ NOT NULL DEFAULT now(),

  CONSTRAINT course_quizzes_lesson_fkey FOREIGN KEY (lesson_id, course_id)
    REFERENCES course_lessons (id, course_id) ON DELETE CASCADE,
  CONSTRAINT valid_quiz_mode CHECK (quiz_mode IN ('graded', 'practice')),
  CONSTRAINT valid_time_limit CHECK (time_limit IS NULL OR time_limit > 0),
  -- NULL means unlimited attempts.
  CONSTRAINT valid_attempts_allowed CHECK (attempts_allowed IS NULL OR attempts_allowed >= 1),
  CONSTRAINT valid_passing_score CHECK (passing_score >= 0 AND passing_score <= 100)
);

CREATE INDEX idx_course_quizzes_course ON course_quizzes (course_id);
CREATE INDEX idx_course_quizzes_lesson ON course_quizzes (lesson_id);

CREATE TABLE quiz_questions (
  id              UUID DEFAULT gen_random_uuid() PRIMARY KEY,
  quiz_id         UUID NOT NULL REFERENCES course_quizzes (id) ON DELETE CASCADE,
  question_text   TEXT NOT NULL,
  question_type   VARCHAR(20) NOT NULL,
  explanation     TEXT,
  points          NUMERIC(5,2) NOT NULL DEFAULT 1.00,
  order_index     INTEGER NOT NULL,
  options         JSONB,
  -- Never readable by learners: column privileges (V11) leave it out of the request role's SELECT.
  correct_answer  JSONB,
  created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at      TIMESTAMPTZ NOT NULL DEFAULT now(),

  CONSTRAINT unique_question_order UNIQUE (quiz_id, order_index) DEFERRABLE INITIALLY IMMEDIATE,
  CONSTRAINT valid_question_type CHECK (question_type IN ('multiple_choice', 'true_false', 'short_answer', 'essay')),
  CONSTRAINT valid_question_order CHECK (order_index >= 1),
  CONSTRAINT valid_points CHECK (points > 0),
  CONSTRAINT choices_have_options CHECK (question_type <> 'multiple_choice'
                                         OR (options IS NOT NULL AND jsonb_typeof(options) = 'array'))
);

CREATE TABLE content_versions (
  id              UUID DEFAULT gen_random_uuid() PRIMARY KEY,
  -- References rows of several tables (content_type says which), so it has no foreign key.
  content_id      UUID NOT NULL,
  content_type    VARCHAR(50) NOT NULL,
  version_number  INTEGER NOT NULL,
  content_data    JSONB NOT NULL,
  change_summary  TEXT,
  created_by      UUID REFERENCES users (id) ON DELETE SET NULL,
  created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),

  CONSTRAINT content_versions_content_version_key UNIQUE (content_id, content_type, version_number),
  CONSTRAINT valid_content_version_type CHECK (content_type IN ('course', 'section', 'lesson', 'quiz', 'question',
                                                                'resource')),
  CONSTRAINT valid_version_number CHECK (version_number >= 1)
);

CREATE INDEX idx_content_versions_created_by ON content_versions (created_by);
