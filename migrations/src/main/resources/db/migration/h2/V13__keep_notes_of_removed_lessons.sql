-- A note outlives its lesson (issue 11), as on the server (PostgreSQL V21; docs/schema-notes.md, "A note
-- outlives its lesson"). A lesson removed by a pulled change or a re-import leaves its notes detached:
-- lesson_id NULL, removed_lesson_title the lesson's title as it was. H2 has no SQL triggers, so the store
-- detaches them itself just before it deletes lessons (RemovedLessons); the key below refuses a delete that
-- would leave a note pointing at nothing, instead of cascading it away.
ALTER TABLE user_notes ADD COLUMN removed_lesson_title CHARACTER VARYING(200);
ALTER TABLE user_notes ALTER COLUMN lesson_id SET NULL;

ALTER TABLE user_notes DROP CONSTRAINT user_notes_lesson_fkey;
ALTER TABLE user_notes ADD CONSTRAINT user_notes_lesson_fkey FOREIGN KEY (lesson_id, course_id)
  REFERENCES course_lessons (id, course_id);
-- With lesson_id NULL the composite key checks nothing: the course gets a key of its own (V6 indexes it).
ALTER TABLE user_notes ADD CONSTRAINT user_notes_course_fkey FOREIGN KEY (course_id)
  REFERENCES courses (id) ON DELETE CASCADE;
ALTER TABLE user_notes ADD CONSTRAINT note_on_lesson_or_from_removed_one
  CHECK ((lesson_id IS NULL) = (removed_lesson_title IS NOT NULL));
