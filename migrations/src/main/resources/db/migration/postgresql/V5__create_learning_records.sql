-- What learners do: enrollments, progress, quiz attempts, completions, achievements, notes and
-- bookmarks (seed sections 1, 3 and 5). Every row carries user_id so that per-user tables can be
-- sharded by user (ARCHITECTURE.md, Security).

-- Used by the seed's dashboard, trigger and indexes but never defined there (seed-review 3, 5).
CREATE TABLE enrollments (
  id                UUID DEFAULT gen_random_uuid() PRIMARY KEY,
  user_id           UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  -- Enrollments of a deleted course go with it; payments keep their own records.
  course_id         UUID NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
  status            VARCHAR(20) NOT NULL DEFAULT 'active',
  enrolled_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
  completed_at      TIMESTAMPTZ,
  progress          NUMERIC(5,2) NOT NULL DEFAULT 0,
  last_accessed_at  TIMESTAMPTZ,
  updated_at        TIMESTAMPTZ NOT NULL DEFAULT now(),

  CONSTRAINT unique_user_course_enrollment UNIQUE (user_id, course_id),
  CONSTRAINT valid_enrollment_status CHECK (status IN ('active', 'completed', 'dropped', 'expired')),
  CONSTRAINT valid_enrollment_progress CHECK (progress >= 0 AND progress <= 100),
  CONSTRAINT completed_enrollment_has_date CHECK (status <> 'completed' OR completed_at IS NOT NULL)
);

CREATE TABLE lesson_progress (
  id                   UUID DEFAULT gen_random_uuid() PRIMARY KEY,
  user_id              UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  lesson_id            UUID NOT NULL,
  -- The lesson's course, kept here so that a learner's progress in one course and an instructor's
  -- view of their course need no join; the key below keeps it equal to the lesson's course.
  course_id            UUID NOT NULL,
  status               VARCHAR(20) NOT NULL DEFAULT 'not_started',
  progress_percentage  NUMERIC(5,2) NOT NULL DEFAULT 0,
  total_time_spent     INTEGER NOT NULL DEFAULT 0,
  last_position        INTEGER NOT NULL DEFAULT 0,
  started_at           TIMESTAMPTZ,
  completed_at         TIMESTAMPTZ,
  last_accessed_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
  interaction_count    INTEGER NOT NULL DEFAULT 0,
  notes_count          INTEGER NOT NULL DEFAULT 0,
  bookmarks_count      INTEGER NOT NULL DEFAULT 0,
  created_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at           TIMESTAMPTZ NOT NULL DEFAULT now(),

  CONSTRAINT lesson_progress_lesson_fkey FOREIGN KEY (lesson_id, course_id)
    REFERENCES course_lessons (id, course_id) ON DELETE CASCADE,
  CONSTRAINT lesson_progress_user_lesson_key UNIQUE (user_id, lesson_id),
  CONSTRAINT valid_progress_status CHECK (status IN ('not_started', 'in_progress', 'completed')),
  CONSTRAINT valid_progress_percentage CHECK (progress_percentage >= 0 AND progress_percentage <= 100),
  CONSTRAINT valid_progress_counters CHECK (total_time_spent >= 0 AND last_position >= 0 AND interaction_count >= 0
                                            AND notes_count >= 0 AND bookmarks_count >= 0),
  CONSTRAINT completed_progress_has_date CHECK (status <> 'completed' OR completed_at IS NOT NULL)
);

CREATE TABLE quiz_attempts (
  id              UUID DEFAULT gen_random_uuid() PRIMARY KEY,
  quiz_id         UUID NOT NULL REFERENCES course_quizzes (id) ON DELETE CASCADE,
  user_id         UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  attempt_number  INTEGER NOT NULL,
  -- in_progress, submitted (awaiting the server's grading), graded.
  status          VARCHAR(20) NOT NULL DEFAULT 'in_progress',
  started_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
  completed_at    TIMESTAMPTZ,
  time_taken      INTEGER,
  score           NUMERIC(5,2),
  max_score       NUMERIC(5,2),
  percentage      NUMERIC(5,2),
  passed          BOOLEAN NOT NULL DEFAULT FALSE,
  responses       JSONB NOT NULL DEFAULT '{}',
  updated_at      TIMESTAMPTZ NOT NULL DEFAULT now(),

  CONSTRAINT quiz_attempts_quiz_user_attempt_key UNIQUE (quiz_id, user_id, attempt_number),
  CONSTRAINT valid_attempt_number CHECK (attempt_number >= 1),
  CONSTRAINT valid_attempt_status CHECK (status IN ('in_progress', 'submitted', 'graded')),
  CONSTRAINT valid_attempt_times CHECK (completed_at IS NULL OR completed_at >= started_at),
  CONSTRAINT valid_time_taken CHECK (time_taken IS NULL OR time_taken >= 0),
  -- The seed's CHECK (score >= 0 AND score <= max_score) passes whenever max_score is NULL.
  CONSTRAINT valid_quiz_score CHECK (score IS NULL OR (max_score IS NOT NULL AND score >= 0 AND score <= max_score)),
  CONSTRAINT valid_max_score CHECK (max_score IS NULL OR max_score > 0),
  CONSTRAINT valid_quiz_percentage CHECK (percentage IS NULL OR (percentage >= 0 AND percentage <= 100)),
  CONSTRAINT graded_attempt_has_score CHECK (status <> 'graded' OR score IS NOT NULL)
);

CREATE INDEX idx_quiz_attempts_user ON quiz_attempts (user_id, quiz_id);

CREATE TABLE course_completions (
  id                     UUID DEFAULT gen_random_uuid() PRIMARY KEY,
  user_id                UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  course_id              UUID NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
  completed_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
  completion_percentage  NUMERIC(5,2) NOT NULL DEFAULT 100,
  total_time_spent       INTEGER NOT NULL DEFAULT 0,
  final_score            NUMERIC(5,2),
  certificate_issued     BOOLEAN NOT NULL DEFAULT FALSE,
  certificate_url        TEXT,
  rating                 INTEGER,
  review                 TEXT,
  would_recommend        BOOLEAN,
  updated_at             TIMESTAMPTZ NOT NULL DEFAULT now(),

  CONSTRAINT course_completions_user_course_key UNIQUE (user_id, course_id),
  CONSTRAINT valid_completion_rating CHECK (rating IS NULL OR (rating >= 1 AND rating <= 5)),
  CONSTRAINT valid_completion_percentage CHECK (completion_percentage >= 0 AND completion_percentage <= 100),
  CONSTRAINT valid_final_score CHECK (final_score IS NULL OR (final_score >= 0 AND final_score <= 100)),
  CONSTRAINT valid_completion_time CHECK (total_time_spent >= 0),
  CONSTRAINT certificate_has_url CHECK (NOT certificate_issued OR certificate_url IS NOT NULL)
);

CREATE INDEX idx_course_completions_course ON course_completions (course_id);

-- Read by the seed's dashboard but never defined there (seed-review 3).
CREATE TABLE user_achievements (
  id                UUID DEFAULT gen_random_uuid() PRIMARY KEY,
  user_id           UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  achievement_code  VARCHAR(50) NOT NULL,
  title             VARCHAR(200) NOT NULL,
  description       TEXT,
  icon_url          TEXT,
  -- The course it was earned in, if any; the achievement stays when the course goes.
  course_id         UUID REFERENCES courses (id) ON DELETE SET NULL,
  metadata          JSONB NOT NULL DEFAULT '{}',
  earned_at         TIMESTAMPTZ NOT NULL DEFAULT now(),

  -- Once per user, code and course; PostgreSQL 15's NULLS NOT DISTINCT makes course-less ones unique too.
  CONSTRAINT user_achievements_once UNIQUE NULLS NOT DISTINCT (user_id, achievement_code, course_id),
  CONSTRAINT valid_achievement_code CHECK (achievement_code ~ '^[a-z0-9_]+$')
);

CREATE INDEX idx_user_achievements_user_earned ON user_achievements (user_id, earned_at DESC);
CREATE INDEX idx_user_achievements_course ON user_achievements (course_id);

CREATE TABLE user_notes (
  id                  UUID DEFAULT gen_random_uuid() PRIMARY KEY,
  user_id             UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  lesson_id           UUID NOT NULL,
  course_id           UUID NOT NULL,
  content             TEXT NOT NULL,
  timestamp_in_video  INTEGER,
  is_private          BOOLEAN NOT NULL DEFAULT TRUE,
  created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at          TIMESTAMPTZ NOT NULL DEFAULT now(),

  CONSTRAINT user_notes_lesson_fkey FOREIGN KEY (lesson_id, course_id)
    REFERENCES course_lessons (id, course_id) ON DELETE CASCADE,
  CONSTRAINT valid_note_content CHECK (length(content) BETWEEN 1 AND 20000),
  CONSTRAINT valid_note_timestamp CHECK (timestamp_in_video IS NULL OR timestamp_in_video >= 0)
);

CREATE INDEX idx_user_notes_user_lesson ON user_notes (user_id, lesson_id);
CREATE INDEX idx_user_notes_user_course ON user_notes (user_id, course_id);
CREATE INDEX idx_user_notes_lesson ON user_notes (lesson_id);

CREATE TABLE user_bookmarks (
  id                  UUID DEFAULT gen_random_uuid() PRIMARY KEY,
  user_id             UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  lesson_id           UUID NOT NULL,
  course_id           UUID NOT NULL,
  title               VARCHAR(200),
  timestamp_in_video  INTEGER,
  notes               TEXT,
  created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at          TIMESTAMPTZ NOT NULL DEFAULT now(),

  CONSTRAINT user_bookmarks_lesson_fkey FOREIGN KEY (lesson_id, course_id)
    REFERENCES course_lessons (id, course_id) ON DELETE CASCADE,
  CONSTRAINT valid_bookmark_timestamp CHECK (timestamp_in_video IS NULL OR timestamp_in_video >= 0)
);

CREATE INDEX idx_user_bookmarks_user_lesson ON user_bookmarks (user_id, lesson_id);
CREATE INDEX idx_user_bookmarks_user_course ON user_bookmarks (user_id, course_id);
CREATE INDEX idx_user_bookmarks_lesson ON user_bookmarks (lesson_id);
