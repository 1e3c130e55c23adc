-- The local mirror of courses, sections and lessons: same table and column names as the server's
-- PostgreSQL schema (db/migration/postgresql/V1), with H2 spellings of the types.
-- TEXT becomes CHARACTER VARYING (H2 maps TEXT to CLOB, which cannot be compared or indexed) and
-- JSONB becomes JSON. PostgreSQL-only features (regular expressions with ~, deferrable keys)
-- are spelled the H2 way or left to the server, which stays authoritative.

CREATE TABLE courses (
  id                  UUID DEFAULT gen_random_uuid() PRIMARY KEY,
  title               CHARACTER VARYING(200) NOT NULL,
  slug                CHARACTER VARYING(200) NOT NULL,
  short_description   CHARACTER VARYING,
  description         CHARACTER VARYING,
  instructor_id       UUID NOT NULL,
  category_id         UUID,

  price               NUMERIC(10,2) DEFAULT 0 NOT NULL,
  original_price      NUMERIC(10,2),
  currency            CHARACTER VARYING(3) DEFAULT 'USD' NOT NULL,

  difficulty          CHARACTER VARYING(20) DEFAULT 'beginner' NOT NULL,
  language            CHARACTER VARYING(10) DEFAULT 'en' NOT NULL,
  duration_hours      NUMERIC(4,1),

  status              CHARACTER VARYING(20) DEFAULT 'draft' NOT NULL,
  is_featured         BOOLEAN DEFAULT FALSE NOT NULL,
  is_free             BOOLEAN DEFAULT TRUE NOT NULL,

  thumbnail_url       CHARACTER VARYING,
  preview_video_url   CHARACTER VARYING,
  meta_title          CHARACTER VARYING(200),
  meta_description    CHARACTER VARYING,

  learning_objectives JSON DEFAULT JSON '[]' NOT NULL,
  requirements        JSON DEFAULT JSON '[]' NOT NULL,
  target_audience     JSON DEFAULT JSON '[]' NOT NULL,

  enrollment_count    INTEGER DEFAULT 0 NOT NULL,
  average_rating      NUMERIC(3,2) DEFAULT 0 NOT NULL,
  review_count        INTEGER DEFAULT 0 NOT NULL,
  completion_rate     NUMERIC(5,2) DEFAULT 0 NOT NULL,

  published_at        TIMESTAMP WITH TIME ZONE,
  created_at          TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
  updated_at          TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,

  CONSTRAINT courses_slug_key UNIQUE (slug),
  CONSTRAINT valid_price CHECK (price >= 0),
  CONSTRAINT valid_original_price CHECK (original_price IS NULL OR original_price >= 0),
  CONSTRAINT course_price_consistency CHECK ((is_free AND price = 0) OR (NOT is_free AND price > 0)),
  CONSTRAINT valid_currency CHECK (REGEXP_LIKE(currency, '^[A-Z]{3}$')),
  CONSTRAINT valid_difficulty CHECK (difficulty IN ('beginner', 'intermediate', 'advanced')),
  CONSTRAINT valid_course_status CHECK (status IN ('draft', 'published', 'archived')),
  CONSTRAINT valid_duration CHECK (duration_hours IS NULL OR duration_hours >= 0),
  CONSTRAINT valid_rating CHECK (average_rating >= 0 AND average_rating <= 5),
  CONSTRAINT valid_course_counts CHECK (enrollment_count >= 0 AND review_count >= 0),
  CONSTRAINT valid_completion_rate CHECK (completion_rate >= 0 AND completion_rate <= 100)
);

CREATE TABLE course_sections (
  id           UUID DEFAULT gen_random_uuid() PRIMARY KEY,
  course_id    UUID NOT NULL,
  title        CHARACTER VARYING(200) NOT NULL,
  description  CHARACTER VARYING,
  order_index  INTEGER NOT NULL,
  is_preview   BOOLEAN DEFAULT FALSE NOT NULL,
  created_at   TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
  updated_at   TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,

  CONSTRAINT course_sections_course_fkey FOREIGN KEY (course_id) REFERENCES courses (id) ON DELETE CASCADE,
  CONSTRAINT valid_section_order CHECK (order_index >= 1),
  CONSTRAINT unique_section_order UNIQUE (course_id, order_index),
  CONSTRAINT course_sections_id_course_key UNIQUE (id, course_id)
);

CREATE TABLE course_lessons (
  id               UUID DEFAULT gen_random_uuid() PRIMARY KEY,
  course_id        UUID NOT NULL,
  section_id       UUID NOT NULL,
  title            CHARACTER VARYING(200) NOT NULL,
  slug             CHARACTER VARYING(200) NOT NULL,
  content          CHARACTER VARYING,
  content_type     CHARACTER VARYING(20) DEFAULT 'video' NOT NULL,

  video_url        CHARACTER VARYING,
  video_duration   INTEGER,
  video_quality    JSON,
  reading_time     INTEGER,

  order_index      INTEGER NOT NULL,
  is_preview       BOOLEAN DEFAULT FALSE NOT NULL,
  is_downloadable  BOOLEAN DEFAULT FALSE NOT NULL,

  attachments      JSON DEFAULT JSON '[]' NOT NULL,
  external_links   JSON DEFAULT JSON '[]' NOT NULL,

  created_at       TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
  updated_at       TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,

  CONSTRAINT course_lessons_course_fkey FOREIGN KEY (course_id) REFERENCES courses (id) ON DELETE CASCADE,
  CONSTRAINT course_lessons_section_fkey FOREIGN KEY (section_id, course_id)
    REFERENCES course_sections (id, course_id) ON DELETE CASCADE,
  CONSTRAINT unique_lesson_slug UNIQUE (course_id, slug),
  CONSTRAINT unique_lesson_order UNIQUE (section_id, order_index),
  CONSTRAINT valid_lesson_order CHECK (order_index >= 1),
  CONSTRAINT valid_content_type CHECK (content_type IN ('video', 'text', 'quiz', 'assignment')),
  CONSTRAINT valid_video_duration CHECK (video_duration IS NULL OR video_duration >= 0),
  CONSTRAINT valid_reading_time CHECK (reading_time IS NULL OR reading_time >= 0)
);

CREATE INDEX idx_lessons_course_section_order ON course_lessons (course_id, section_id, order_index);

-- Local only: which version of which course package this store holds, so that a re-import of the
-- same or an older package is recognised and a newer one updates the content.
CREATE TABLE course_packages (
  course_id     UUID PRIMARY KEY,
  version       CHARACTER VARYING(50) NOT NULL,
  source        CHARACTER VARYING(1000) NOT NULL,
  imported_at   TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,

  CONSTRAINT course_packages_course_fkey FOREIGN KEY (course_id) REFERENCES courses (id) ON DELETE CASCADE
);
