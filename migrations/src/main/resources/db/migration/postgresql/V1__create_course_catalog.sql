-- Courses, their sections and their lessons: the seed's enhanced course schema (seed section 2).
-- Deviations from the seed are recorded in docs/schema-notes.md.
-- instructor_id and category_id get their foreign keys when users and course_categories exist (V2+).

CREATE TABLE courses (
  id                  UUID DEFAULT gen_random_uuid() PRIMARY KEY,
  title               VARCHAR(200) NOT NULL,
  slug                VARCHAR(200) NOT NULL,
  short_description   TEXT,
  description         TEXT,
  instructor_id       UUID NOT NULL,
  category_id         UUID,

  price               NUMERIC(10,2) NOT NULL DEFAULT 0,
  original_price      NUMERIC(10,2),
  currency            VARCHAR(3) NOT NULL DEFAULT 'USD',

  difficulty          VARCHAR(20) NOT NULL DEFAULT 'beginner',
  language            VARCHAR(10) NOT NULL DEFAULT 'en',
  duration_hours      NUMERIC(4,1),

  status              VARCHAR(20) NOT NULL DEFAULT 'draft',
  is_featured         BOOLEAN NOT NULL DEFAULT FALSE,
  -- The seed defaults this to FALSE next to price 0, which its own consistency rule rejects:
  -- a new draft course is free until it is given a price.
  is_free             BOOLEAN NOT NULL DEFAULT TRUE,

  thumbnail_url       TEXT,
  preview_video_url   TEXT,
  meta_title          VARCHAR(200),
  meta_description    TEXT,

  learning_objectives JSONB NOT NULL DEFAULT '[]',
  requirements        JSONB NOT NULL DEFAULT '[]',
  target_audience     JSONB NOT NULL DEFAULT '[]',

  enrollment_count    INTEGER NOT NULL DEFAULT 0,
  average_rating      NUMERIC(3,2) NOT NULL DEFAULT 0,
  review_count        INTEGER NOT NULL DEFAULT 0,
  completion_rate     NUMERIC(5,2) NOT NULL DEFAULT 0,

  published_at        TIMESTAMPTZ,
  created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at          TIMESTAMPTZ NOT NULL DEFAULT now(),

  CONSTRAINT courses_slug_key UNIQUE (slug),
  CONSTRAINT valid_price CHECK (price >= 0),
  CONSTRAINT valid_original_price CHECK (original_price IS NULL OR original_price >= 0),
  CONSTRAINT course_price_consistency CHECK ((is_free AND price = 0) OR (NOT is_free AND price > 0)),
  CONSTRAINT valid_currency CHECK (currency ~ '^[A-Z]{3}$'),
  CONSTRAINT valid_difficulty CHECK (difficulty IN ('beginner', 'intermediate', 'advanced')),
  CONSTRAINT valid_course_status CHECK (status IN ('draft', 'published', 'archived')),
  CONSTRAINT valid_duration CHECK (duration_hours IS NULL OR duration_hours >= 0),
  CONSTRAINT valid_rating CHECK (average_rating >= 0 AND average_rating <= 5),
  CONSTRAINT valid_course_counts CHECK (enrollment_count >= 0 AND review_count >= 0),
  CONSTRAINT valid_completion_rate CHECK (completion_rate >= 0 AND completion_rate <= 100)
);

CREATE TABLE course_sections (
  id           UUID DEFAULT gen_random_uuid() PRIMARY KEY,
  course_id    UUID NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
  title        VARCHAR(200) NOT NULL,
  description  TEXT,
  order_index  INTEGER NOT NULL,
  is_preview   BOOLEAN NOT NULL DEFAULT FALSE,
  created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at   TIMESTAMPTZ NOT NULL DEFAULT now(),

  CONSTRAINT valid_section_order CHECK (order_index >= 1),
  -- Deferrable so that an editor can swap two sections in one transaction.
  CONSTRAINT unique_section_order UNIQUE (course_id, order_index) DEFERRABLE INITIALLY IMMEDIATE,
  -- Target of course_lessons' (section_id, course_id) key: a lesson's course is its section's course.
  CONSTRAINT course_sections_id_course_key UNIQUE (id, course_id)
);

-- order_index is a lesson's position within its section (seed-review 14): the course-wide order
-- is (section order, lesson order), so the seed's UNIQUE (course_id, order_index) is not kept.
CREATE TABLE course_lessons (
  id               UUID DEFAULT gen_random_uuid() PRIMARY KEY,
  course_id        UUID NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
  section_id       UUID NOT NULL,
  title            VARCHAR(200) NOT NULL,
  slug             VARCHAR(200) NOT NULL,
  content          TEXT,
  content_type     VARCHAR(20) NOT NULL DEFAULT 'video',

  video_url        TEXT,
  video_duration   INTEGER,
  video_quality    JSONB,
  reading_time     INTEGER,

  order_index      INTEGER NOT NULL,
  is_preview       BOOLEAN NOT NULL DEFAULT FALSE,
  is_downloadable  BOOLEAN NOT NULL DEFAULT FALSE,

  attachments      JSONB NOT NULL DEFAULT '[]',
  external_links   JSONB NOT NULL DEFAULT '[]',

  created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at       TIMESTAMPTZ NOT NULL DEFAULT now(),

  CONSTRAINT course_lessons_section_fkey FOREIGN KEY (section_id, course_id)
    REFERENCES course_sections (id, course_id) ON DELETE CASCADE,
  CONSTRAINT unique_lesson_slug UNIQUE (course_id, slug),
  CONSTRAINT unique_lesson_order UNIQUE (section_id, order_index) DEFERRABLE INITIALLY IMMEDIATE,
  CONSTRAINT valid_lesson_order CHECK (order_index >= 1),
  CONSTRAINT valid_content_type CHECK (content_type IN ('video', 'text', 'quiz', 'assignment')),
  CONSTRAINT valid_video_duration CHECK (video_duration IS NULL OR video_duration >= 0),
  CONSTRAINT valid_reading_time CHECK (reading_time IS NULL OR reading_time >= 0)
);

-- The outline of a course in order; also serves the foreign key on course_id.
CREATE INDEX idx_lessons_course_section_order ON course_lessons (course_id, section_id, order_index);
