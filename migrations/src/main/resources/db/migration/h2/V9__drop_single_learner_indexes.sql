-- A profile holds one learner, so an index that starts with user_id sorts every row under the same key
-- first: it costs each write of a note or bookmark and finds nothing the lesson and course indexes do
-- not (the foreign keys' indexes on (lesson_id, course_id), V6's index on user_notes (course_id)). A first
-- sync writes thousands of notes at once (docs/benchmarks.md, "Client sync").
DROP INDEX idx_user_notes_user_lesson;
DROP INDEX idx_user_notes_user_course;
DROP INDEX idx_user_bookmarks_user_lesson;
