-- The seed's indexes (seed: Indexing Strategy), less the redundant ones, and full-text search.
-- Indexes created with their tables in V1-V8 are not repeated here. Left out, with reasons in
-- docs/schema-notes.md:
--   idx_users_email, idx_enrollments_user_course, idx_subscriptions_stripe,
--   idx_course_purchases_user_course  duplicate an index a UNIQUE constraint already has (seed-review 20);
--   idx_lesson_progress_user           is the leading column of UNIQUE (user_id, lesson_id);
--   idx_users_role                     indexes a column that does not exist (roles are in user_roles);
--   idx_courses_search, idx_lessons_search  replaced by the search_document columns below.

CREATE INDEX idx_users_created_at ON users (created_at);
-- The seed indexed the active users, which is nearly every row and never worth an index scan;
-- the few suspended and deleted accounts are what administrators look up.
CREATE INDEX idx_users_status ON users (status) WHERE status <> 'active';

CREATE INDEX idx_courses_status_published ON courses (published_at DESC) WHERE status = 'published';
CREATE INDEX idx_courses_category_difficulty ON courses (category_id, difficulty);
CREATE INDEX idx_courses_featured ON courses (is_featured) WHERE is_featured;
CREATE INDEX idx_courses_price ON courses (price);
CREATE INDEX idx_courses_category_price_rating ON courses (category_id, price, average_rating);

CREATE INDEX idx_enrollments_course_status ON enrollments (course_id, status);
CREATE INDEX idx_enrollments_user_last_access ON enrollments (user_id, last_accessed_at DESC NULLS LAST);

CREATE INDEX idx_lesson_progress_lesson ON lesson_progress (lesson_id);
CREATE INDEX idx_lesson_progress_user_status ON lesson_progress (user_id, status);
-- A learner's progress in one course, and the course roll-up, without touching course_lessons.
CREATE INDEX idx_lesson_progress_user_course ON lesson_progress (user_id, course_id, status);
CREATE INDEX idx_lesson_progress_course ON lesson_progress (course_id);

-- Full-text search. The seed indexed to_tsvector(title || ' ' || description), which is NULL for
-- every course without a description (seed-review 13); coalesce keeps the title searchable, and
-- weights rank a title match above a body match. Generated columns keep the document and its index
-- in step with every write.
ALTER TABLE courses ADD COLUMN search_document TSVECTOR GENERATED ALWAYS AS (
  setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
  setweight(to_tsvector('english', coalesce(short_description, '')), 'B') ||
  setweight(to_tsvector('english', coalesce(description, '')), 'C')
) STORED;
CREATE INDEX idx_courses_search ON courses USING gin (search_document);

ALTER TABLE course_lessons ADD COLUMN search_document TSVECTOR GENERATED ALWAYS AS (
  setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
  setweight(to_tsvector('english', coalesce(content, '')), 'C')
) STORED;
CREATE INDEX idx_lessons_search ON course_lessons USING gin (search_document);
