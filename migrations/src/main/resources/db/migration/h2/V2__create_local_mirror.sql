-- The rest of the local mirror: what a learner needs offline (catalog data, content, quizzes, their
-- own learning records) with the server's table and column names (db/migration/postgresql), plus the
-- tables only a device has (outbox, sync state, media cache, settings).
--
-- Type spellings: TEXT -> CHARACTER VARYING, JSONB -> JSON, TIMESTAMPTZ -> TIMESTAMP WITH TIME ZONE,
-- regular-expression checks with REGEXP_LIKE. The business rules of the server are repeated here, so a
-- change the device accepts is one the server accepts too (a rejected upload would be kept and shown,
-- ARCHITECTURE.md principle 4, but it is better never to queue one).
-- Columns the device never holds (password hashes, encrypted personal data, payment details) are not
-- mirrored; SchemaParityIT lists every deliberate difference.

-- People the device knows: the profile's own learner and the instructors of its courses (their
-- public profile only: id, name, avatar, bio).
CREATE TABLE users (
  id          UUID PRIMARY KEY,
  name        CHARACTER VARYING(100) NOT NULL,
  bio         CHARACTER VARYING,
  avatar_url  CHARACTER VARYING,
  created_at  TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
  updated_at  TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL
);

CREATE TABLE course_categories (
  id           UUID DEFAULT gen_random_uuid() PRIMARY KEY,
  name         CHARACTER VARYING(100) NOT NULL,
  slug         CHARACTER VARYING(100) NOT NULL,
  description  CHARACTER VARYING,
  parent_id    UUID,
  icon_url     CHARACTER VARYING,
  color        CHARACTER VARYING(7),
  sort_order   INTEGER DEFAULT 0 NOT NULL,
  is_active    BOOLEAN DEFAULT TRUE NOT NULL,
  created_at   TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
  updated_at   TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,

  CONSTRAINT course_categories_parent_fkey FOREIGN KEY (parent_id) REFERENCES course_categories (id) ON DELETE RESTRICT,
  CONSTRAINT course_categories_name_key UNIQUE (name),
  CONSTRAINT course_categories_slug_key UNIQUE (slug),
  CONSTRAINT valid_category_color CHECK (color IS NULL OR REGEXP_LIKE(color, '^#[0-9A-Fa-f]{6}$'))
);

CREATE TABLE course_tags (
  id           UUID DEFAULT gen_random_uuid() PRIMARY KEY,
  name         CHARACTER VARYING(50) NOT NULL,
  slug         CHARACTER VARYING(50) NOT NULL,
  usage_count  INTEGER DEFAULT 0 NOT NULL,
  created_at   TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,

  CONSTRAINT course_tags_name_key UNIQUE (name),
  CONSTRAINT course_tags_slug_key UNIQUE (slug)
);

CREATE TABLE course_tag_mappings (
  course_id  UUID NOT NULL,
  tag_id     UUID NOT NULL,
  PRIMARY KEY (course_id, tag_id),
  CONSTRAINT course_tag_mappings_course_fkey FOREIGN KEY (course_id) REFERENCES courses (id) ON DELETE CASCADE,
  CONSTRAINT course_tag_mappings_tag_fkey FOREIGN KEY (tag_id) REFERENCES course_tags (id) ON DELETE CASCADE
);

-- The server keeps a running total of ratings (V12); the mirror holds the same columns.
ALTER TABLE courses ADD COLUMN rating_total INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE courses ADD CONSTRAINT courses_instructor_fkey FOREIGN KEY (instructor_id) REFERENCES users (id) ON DELETE RESTRICT;
ALTER TABLE courses ADD CONSTRAINT courses_category_fkey
  FOREIGN KEY (category_id) REFERENCES course_categories (id) ON DELETE SET NULL;
ALTER TABLE course_lessons ADD CONSTRAINT course_lessons_id_course_key UNIQUE (id, course_id);

-- Metadata of media; where a file is on this device is the media cache's business (below).
CREATE TABLE media_files (
  id                 UUID DEFAULT gen_random_uuid() PRIMARY KEY,
  course_id          UUID,
  filename           CHARACTER VARYING(255) NOT NULL,
  original_filename  CHARACTER VARYING(255) NOT NULL,
  file_path          CHARACTER VARYING NOT NULL,
  file_size          BIGINT NOT NULL,
  mime_type          CHARACTER VARYING(100) NOT NULL,
  file_hash          CHARACTER(64) NOT NULL,
  width              INTEGER,
  height             INTEGER,
  duration           INTEGER,
  visibility         CHARACTER VARYING(20) DEFAULT 'private' NOT NULL,
  created_at         TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
  updated_at         TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,

  CONSTRAINT media_files_course_fkey FOREIGN KEY (course_id) REFERENCES courses (id) ON DELETE CASCADE,
  CONSTRAINT valid_file_size CHECK (file_size > 0),
  CONSTRAINT valid_file_hash CHECK (REGEXP_LIKE(file_hash, '^[0-9a-f]{64}$')),
  CONSTRAINT valid_visibility CHECK (visibility IN ('public', 'private', 'course_only'))
);

CREATE INDEX idx_media_files_course ON media_files (course_id);
CREATE INDEX idx_media_files_hash ON media_files (file_hash);

CREATE TABLE course_resources (
  id               UUID DEFAULT gen_random_uuid() PRIMARY KEY,
  course_id        UUID NOT NULL,
  lesson_id        UUID,
  media_file_id    UUID,
  title            CHARACTER VARYING(200) NOT NULL,
  description      CHARACTER VARYING,
  file_url         CHARACTER VARYING NOT NULL,
  file_type        CHARACTER VARYING(50),
  file_size        BIGINT,
  download_count   INTEGER DEFAULT 0 NOT NULL,
  is_downloadable  BOOLEAN DEFAULT TRUE NOT NULL,
  created_at       TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
  updated_at       TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,

  CONSTRAINT course_resources_course_fkey FOREIGN KEY (course_id) REFERENCES courses (id) ON DELETE CASCADE,
  CONSTRAINT course_resources_lesson_fkey FOREIGN KEY (lesson_id, course_id)
    REFERENCES course_lessons (id, course_id) ON DELETE CASCADE,
  CONSTRAINT course_resources_media_fkey FOREIGN KEY (media_file_id) REFERENCES media_files (id) ON DELETE SET NULL,
  CONSTRAINT valid_resource_size CHECK (file_size IS NULL OR file_size >= 0)
);

CREATE INDEX idx_course_resources_course ON course_resources (course_id);
CREATE INDEX idx_course_resources_lesson ON course_resources (lesson_id);

CREATE TABLE course_quizzes (
  id                    UUID DEFAULT gen_random_uuid() PRIMARY KEY,
  course_id             UUID NOT NULL,
  lesson_id             UUID,
  title                 CHARACTER VARYING(200) NOT NULL,
  description           CHARACTER VARYING,
  instructions          CHARACTER VARYING,
  quiz_mode             CHARACTER VARYING(20) DEFAULT 'graded' NOT NULL,
  time_limit            INTEGER,
  attempts_allowed      INTEGER DEFAULT 1,
  passing_score         NUMERIC(5,2) DEFAULT 70.00 NOT NULL,
  randomize_questions   BOOLEAN DEFAULT FALSE NOT NULL,
  show_correct_answers  BOOLEAN DEFAULT TRUE NOT NULL,
  is_required           BOOLEAN DEFAULT FALSE NOT NULL,
  is_active             BOOLEAN DEFAULT TRUE NOT NULL,
  created_at            TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
  updated_at            TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,

  CONSTRAINT course_quizzes_course_fkey FOREIGN KEY (course_id) REFERENCES courses (id) ON DELETE CASCADE,
  CONSTRAINT course_quizzes_lesson_fkey FOREIGN KEY (lesson_id, course_id)
    REFERENCES course_lessons (id, course_id) ON DELETE CASCADE,
  CONSTRAINT valid_quiz_mode CHECK (quiz_mode IN ('graded', 'practice')),
  CONSTRAINT valid_time_limit CHECK (time_limit IS NULL OR time_limit > 0),
  CONSTRAINT valid_attempts_allowed CHECK (attempts_allowed IS NULL OR attempts_allowed >= 1),
  CONSTRAINT valid_passing_score CHECK (passing_score >= 0 AND passing_score <= 100)
);

CREATE INDEX idx_course_quizzes_course ON course_quizzes (course_id);
CREATE INDEX idx_course_quizzes_lesson ON course_quizzes (lesson_id);

-- correct_answer and explanation are held for practice quizzes only: answer keys of graded quizzes
-- never leave the server (ARCHITECTURE.md, principle 8), and the importer refuses packages that carry them.
CREATE TABLE quiz_questions (
  id              UUID DEFAULT gen_random_uuid() PRIMARY KEY,
  quiz_id         UUID NOT NULL,
  question_text   CHARACTER VARYING NOT NULL,
  question_type   CHARACTER VARYING(20) NOT NULL,
  explanation     CHARACTER VARYING,
  points          NUMERIC(5,2) DEFAULT 1.00 NOT NULL,
  order_index     INTEGER NOT NULL,
  options         JSON,
  correct_answer  JSON,
  created_at      TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
  updated_at      TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,

  CONSTRAINT quiz_questions_quiz_fkey FOREIGN KEY (quiz_id) REFERENCES course_quizzes (id) ON DELETE CASCADE,
  CONSTRAINT unique_question_order UNIQUE (quiz_id, order_index),
  CONSTRAINT valid_question_type CHECK (question_type IN ('multiple_choice', 'true_false', 'short_answer', 'essay')),
  CONSTRAINT valid_question_order CHECK (order_index >= 1),
  CONSTRAINT valid_points CHECK (points > 0)
);

CREATE TABLE enrollments (
  id                UUID DEFAULT gen_random_uuid() PRIMARY KEY,
  user_id           UUID NOT NULL,
  course_id         UUID NOT NULL,
  status            CHARACTER VARYING(20) DEFAULT 'active' NOT NULL,
  enrolled_at       TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
  completed_at      TIMESTAMP WITH TIME ZONE,
  progress          NUMERIC(5,2) DEFAULT 0 NOT NULL,
  last_accessed_at  TIMESTAMP WITH TIME ZONE,
  updated_at        TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,

  CONSTRAINT enrollments_user_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
  CONSTRAINT enrollments_course_fkey FOREIGN KEY (course_id) REFERENCES courses (id) ON DELETE CASCADE,
  CONSTRAINT unique_user_course_enrollment UNIQUE (user_id, course_id),
  CONSTRAINT valid_enrollment_status CHECK (status IN ('active', 'completed', 'dropped', 'expired')),
  CONSTRAINT valid_enrollment_progress CHECK (progress >= 0 AND progress <= 100),
  CONSTRAINT completed_enrollment_has_date CHECK (status <> 'completed' OR completed_at IS NOT NULL)
);

CREATE INDEX idx_enrollments_course ON enrollments (course_id);
CREATE INDEX idx_enrollments_user_last_access ON enrollments (user_id, last_accessed_at DESC NULLS LAST);

CREATE TABLE lesson_progress (
  id                   UUID DEFAULT gen_random_uuid() PRIMARY KEY,
  user_id              UUID NOT NULL,
  lesson_id            UUID NOT NULL,
  course_id            UUID NOT NULL,
  status               CHARACTER VARYING(20) DEFAULT 'not_started' NOT NULL,
  progress_percentage  NUMERIC(5,2) DEFAULT 0 NOT NULL,
  total_time_spent     INTEGER DEFAULT 0 NOT NULL,
  last_position        INTEGER DEFAULT 0 NOT NULL,
  started_at           TIMESTAMP WITH TIME ZONE,
  completed_at         TIMESTAMP WITH TIME ZONE,
  last_accessed_at     TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
  interaction_count    INTEGER DEFAULT 0 NOT NULL,
  notes_count          INTEGER DEFAULT 0 NOT NULL,
  bookmarks_count      INTEGER DEFAULT 0 NOT NULL,
  created_at           TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
  updated_at           TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,

  CONSTRAINT lesson_progress_user_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
  CONSTRAINT lesson_progress_lesson_fkey FOREIGN KEY (lesson_id, course_id)
    REFERENCES course_lessons (id, course_id) ON DELETE CASCADE,
  CONSTRAINT lesson_progress_user_lesson_key UNIQUE (user_id, lesson_id),
  CONSTRAINT valid_progress_status CHECK (status IN ('not_started', 'in_progress', 'completed')),
  CONSTRAINT valid_progress_percentage CHECK (progress_percentage >= 0 AND progress_percentage <= 100),
  CONSTRAINT valid_progress_counters CHECK (total_time_spent >= 0 AND last_position >= 0 AND interaction_count >= 0
                                            AND notes_count >= 0 AND bookmarks_count >= 0),
  CONSTRAINT completed_progress_has_date CHECK (status <> 'completed' OR completed_at IS NOT NULL)
);

CREATE INDEX idx_lesson_progress_user_course ON lesson_progress (user_id, course_id, status);
CREATE INDEX idx_lesson_progress_lesson ON lesson_progress (lesson_id);

CREATE TABLE quiz_attempts (
  id              UUID DEFAULT gen_random_uuid() PRIMARY KEY,
  quiz_id         UUID NOT NULL,
  user_id         UUID NOT NULL,
  attempt_number  INTEGER NOT NULL,
  status          CHARACTER VARYING(20) DEFAULT 'in_progress' NOT NULL,
  started_at      TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
  completed_at    TIMESTAMP WITH TIME ZONE,
  time_taken      INTEGER,
  score           NUMERIC(5,2),
  max_score       NUMERIC(5,2),
  percentage      NUMERIC(5,2),
  passed          BOOLEAN DEFAULT FALSE NOT NULL,
  responses       JSON DEFAULT JSON '{}' NOT NULL,
  updated_at      TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,

  CONSTRAINT quiz_attempts_quiz_fkey FOREIGN KEY (quiz_id) REFERENCES course_quizzes (id) ON DELETE CASCADE,
  CONSTRAINT quiz_attempts_user_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
  CONSTRAINT quiz_attempts_quiz_user_attempt_key UNIQUE (quiz_id, user_id, attempt_number),
  CONSTRAINT valid_attempt_number CHECK (attempt_number >= 1),
  CONSTRAINT valid_attempt_status CHECK (status IN ('in_progress', 'submitted', 'graded')),
  CONSTRAINT valid_attempt_times CHECK (completed_at IS NULL OR completed_at >= started_at),
  CONSTRAINT valid_time_taken CHECK (time_taken IS NULL OR time_taken >= 0),
  CONSTRAINT valid_quiz_score CHECK (score IS NULL OR (max_score IS NOT NULL AND score >= 0 AND score <= max_score)),
  CONSTRAINT valid_max_score CHECK (max_score IS NULL OR max_score > 0),
  CONSTRAINT valid_quiz_percentage CHECK (percentage IS NULL OR (percentage >= 0 AND percentage <= 100)),
  CONSTRAINT graded_attempt_has_score CHECK (status <> 'graded' OR score IS NOT NULL)
);

CREATE INDEX idx_quiz_attempts_user ON quiz_attempts (user_id, quiz_id);

CREATE TABLE course_completions (
  id                     UUID DEFAULT gen_random_uuid() PRIMARY KEY,
  user_id                UUID NOT NULL,
  course_id              UUID NOT NULL,
  completed_at           TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
  completion_percentage  NUMERIC(5,2) DEFAULT 100 NOT NULL,
  total_time_spent       INTEGER DEFAULT 0 NOT NULL,
  final_score            NUMERIC(5,2),
  certificate_issued     BOOLEAN DEFAULT FALSE NOT NULL,
  certificate_url        CHARACTER VARYING,
  rating                 INTEGER,
  review                 CHARACTER VARYING,
  would_recommend        BOOLEAN,
  updated_at             TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,

  CONSTRAINT course_completions_user_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
  CONSTRAINT course_completions_course_fkey FOREIGN KEY (course_id) REFERENCES courses (id) ON DELETE CASCADE,
  CONSTRAINT course_completions_user_course_key UNIQUE (user_id, course_id),
  CONSTRAINT valid_completion_rating CHECK (rating IS NULL OR (rating >= 1 AND rating <= 5)),
  CONSTRAINT valid_completion_percentage CHECK (completion_percentage >= 0 AND completion_percentage <= 100),
  CONSTRAINT valid_final_score CHECK (final_score IS NULL OR (final_score >= 0 AND final_score <= 100)),
  CONSTRAINT valid_completion_time CHECK (total_time_spent >= 0),
  CONSTRAINT certificate_has_url CHECK (NOT certificate_issued OR certificate_url IS NOT NULL)
);

CREATE INDEX idx_course_completions_course ON course_completions (course_id);

-- As on the server, an achievement keeps the id of the course it was earned in, even after that
-- course is gone (no foreign key to courses).
CREATE TABLE user_achievements (
  id                UUID DEFAULT gen_random_uuid() PRIMARY KEY,
  user_id           UUID NOT NULL,
  achievement_code  CHARACTER VARYING(50) NOT NULL,
  title             CHARACTER VARYING(200) NOT NULL,
  description       CHARACTER VARYING,
  icon_url          CHARACTER VARYING,
  course_id         UUID,
  metadata          JSON DEFAULT JSON '{}' NOT NULL,
  earned_at         TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,

  CONSTRAINT user_achievements_user_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
  CONSTRAINT user_achievements_once UNIQUE NULLS NOT DISTINCT (user_id, achievement_code, course_id),
  CONSTRAINT valid_achievement_code CHECK (REGEXP_LIKE(achievement_code, '^[a-z0-9_]+$'))
);

CREATE INDEX idx_user_achievements_user_earned ON user_achievements (user_id, earned_at DESC);

CREATE TABLE user_notes (
  id                  UUID DEFAULT gen_random_uuid() PRIMARY KEY,
  user_id             UUID NOT NULL,
  lesson_id           UUID NOT NULL,
  course_id           UUID NOT NULL,
  content             CHARACTER VARYING NOT NULL,
  timestamp_in_video  INTEGER,
  is_private          BOOLEAN DEFAULT TRUE NOT NULL,
  created_at          TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
  updated_at          TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,

  CONSTRAINT user_notes_user_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
  CONSTRAINT user_notes_lesson_fkey FOREIGN KEY (lesson_id, course_id)
    REFERENCES course_lessons (id, course_id) ON DELETE CASCADE,
  CONSTRAINT valid_note_content CHECK (CHAR_LENGTH(content) BETWEEN 1 AND 20000),
  CONSTRAINT valid_note_timestamp CHECK (timestamp_in_video IS NULL OR timestamp_in_video >= 0)
);

CREATE INDEX idx_user_notes_user_lesson ON user_notes (user_id, lesson_id);
CREATE INDEX idx_user_notes_user_course ON user_notes (user_id, course_id);

CREATE TABLE user_bookmarks (
  id                  UUID DEFAULT gen_random_uuid() PRIMARY KEY,
  user_id             UUID NOT NULL,
  lesson_id           UUID NOT NULL,
  course_id           UUID NOT NULL,
  title               CHARACTER VARYING(200),
  timestamp_in_video  INTEGER,
  notes               CHARACTER VARYING,
  created_at          TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
  updated_at          TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,

  CONSTRAINT user_bookmarks_user_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
  CONSTRAINT user_bookmarks_lesson_fkey FOREIGN KEY (lesson_id, course_id)
    REFERENCES course_lessons (id, course_id) ON DELETE CASCADE,
  CONSTRAINT valid_bookmark_timestamp CHECK (timestamp_in_video IS NULL OR timestamp_in_video >= 0)
);

CREATE INDEX idx_user_bookmarks_user_lesson ON user_bookmarks (user_id, lesson_id);
CREATE INDEX idx_user_bookmarks_user_course ON user_bookmarks (user_id, course_id);

-- ---------------------------------------------------------------------------------- local only

-- The upload queue (ARCHITECTURE.md, principles 2-4). Every change the learner makes that must reach
-- the server is written here in the same transaction as the change itself. seq is this device's
-- sequence number for it: the server applies (device_id, seq) exactly once.
CREATE TABLE outbox (
  seq               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  device_id         UUID NOT NULL,
  entity            CHARACTER VARYING(50) NOT NULL,
  entity_id         UUID NOT NULL,
  operation         CHARACTER VARYING(20) NOT NULL,
  -- The change itself, as the server will receive it (a protocol message of shared-model).
  payload           JSON NOT NULL,
  created_at        TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
  -- pending: not yet answered; applied: the server applied it; rejected: refused for good (kept and shown).
  state             CHARACTER VARYING(20) DEFAULT 'pending' NOT NULL,
  attempts          INTEGER DEFAULT 0 NOT NULL,
  last_attempt_at   TIMESTAMP WITH TIME ZONE,
  rejection_reason  CHARACTER VARYING,

  CONSTRAINT valid_outbox_operation CHECK (operation IN ('upsert', 'delete')),
  CONSTRAINT valid_outbox_state CHECK (state IN ('pending', 'applied', 'rejected')),
  CONSTRAINT rejected_has_reason CHECK (state <> 'rejected' OR rejection_reason IS NOT NULL)
);

CREATE INDEX idx_outbox_state ON outbox (state, seq);
CREATE INDEX idx_outbox_entity ON outbox (entity, entity_id);

-- Where each pull stream stopped (principle 5): a cursor per stream, written with the page it ends.
CREATE TABLE sync_state (
  stream      CHARACTER VARYING(100) PRIMARY KEY,
  cursor      CHARACTER VARYING(200) NOT NULL,
  updated_at  TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL
);

-- Media files on this device, by content (principle 9): a file is used only once verified against its
-- SHA-256, and a download resumes from bytes_present.
CREATE TABLE media_cache (
  file_hash      CHARACTER(64) PRIMARY KEY,
  file_path      CHARACTER VARYING(1000) NOT NULL,
  file_size      BIGINT NOT NULL,
  bytes_present  BIGINT DEFAULT 0 NOT NULL,
  state          CHARACTER VARYING(20) NOT NULL,
  updated_at     TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
  last_used_at   TIMESTAMP WITH TIME ZONE,

  CONSTRAINT valid_cache_hash CHECK (REGEXP_LIKE(file_hash, '^[0-9a-f]{64}$')),
  CONSTRAINT valid_cache_state CHECK (state IN ('missing', 'downloading', 'verified', 'corrupt')),
  CONSTRAINT valid_cache_bytes CHECK (file_size > 0 AND bytes_present BETWEEN 0 AND file_size),
  CONSTRAINT verified_is_complete CHECK (state <> 'verified' OR bytes_present = file_size)
);

-- Profile and device settings: the profile's user id, the device id, preferences of the player.
-- (KEY and VALUE are reserved words in H2, hence the prefixed names.)
CREATE TABLE settings (
  setting_key    CHARACTER VARYING(100) PRIMARY KEY,
  setting_value  JSON NOT NULL,
  updated_at     TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL
);
