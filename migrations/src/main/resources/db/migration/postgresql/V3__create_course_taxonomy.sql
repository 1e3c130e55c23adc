-- Categories (a tree) and tags (seed section 2).

CREATE TABLE course_categories (
  id           UUID DEFAULT gen_random_uuid() PRIMARY KEY,
  name         VARCHAR(100) NOT NULL,
  slug         VARCHAR(100) NOT NULL,
  description  TEXT,
  -- A category with sub-categories cannot be deleted until they are moved or deleted.
  parent_id    UUID REFERENCES course_categories (id) ON DELETE RESTRICT,
  icon_url     TEXT,
  color        VARCHAR(7),
  sort_order   INTEGER NOT NULL DEFAULT 0,
  is_active    BOOLEAN NOT NULL DEFAULT TRUE,
  created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at   TIMESTAMPTZ NOT NULL DEFAULT now(),

  CONSTRAINT course_categories_name_key UNIQUE (name),
  CONSTRAINT course_categories_slug_key UNIQUE (slug),
  CONSTRAINT valid_category_slug CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  CONSTRAINT valid_category_color CHECK (color IS NULL OR color ~ '^#[0-9A-Fa-f]{6}$'),
  CONSTRAINT category_not_own_parent CHECK (parent_id IS NULL OR parent_id <> id)
);

CREATE INDEX idx_course_categories_parent ON course_categories (parent_id);

CREATE TABLE course_tags (
  id           UUID DEFAULT gen_random_uuid() PRIMARY KEY,
  name         VARCHAR(50) NOT NULL,
  slug         VARCHAR(50) NOT NULL,
  usage_count  INTEGER NOT NULL DEFAULT 0,
  created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),

  CONSTRAINT course_tags_name_key UNIQUE (name),
  CONSTRAINT course_tags_slug_key UNIQUE (slug),
  CONSTRAINT valid_tag_slug CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  CONSTRAINT valid_tag_usage CHECK (usage_count >= 0)
);

CREATE TABLE course_tag_mappings (
  course_id  UUID NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
  tag_id     UUID NOT NULL REFERENCES course_tags (id) ON DELETE CASCADE,
  PRIMARY KEY (course_id, tag_id)
);

-- Courses by tag; also serves the foreign key on tag_id.
CREATE INDEX idx_course_tag_mappings_tag ON course_tag_mappings (tag_id);

-- A course loses its category (not itself) when the category is deleted.
ALTER TABLE courses
  ADD CONSTRAINT courses_category_fkey FOREIGN KEY (category_id) REFERENCES course_categories (id) ON DELETE SET NULL;
