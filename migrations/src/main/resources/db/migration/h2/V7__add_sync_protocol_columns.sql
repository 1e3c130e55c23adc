-- The columns the sync protocol puts on the wire (docs/sync-protocol.md, sections 8 and 14), mirrored
-- from the server's V18 so that a pulled row is stored as it came:
--   row_version        the server's version this row is based on, 0 until the server has answered for it;
--                      an edit names it as its base (conflict detection)
--   edited_at          the server-clock time the learner wrote a note or bookmark (conflict ordering)
--   conflict_of        a conflict copy's note: the note whose concurrent edit it lost to
--   status_changed_at  when the learner last set an enrollment's status (server clock)
--   reviewed_at        when the learner last reviewed a completed course (server clock)
ALTER TABLE user_notes ADD COLUMN row_version BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE user_notes ADD COLUMN edited_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE user_notes ADD COLUMN conflict_of UUID;
ALTER TABLE user_notes ADD CONSTRAINT valid_note_version CHECK (row_version >= 0);
ALTER TABLE user_bookmarks ADD COLUMN row_version BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE user_bookmarks ADD COLUMN edited_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE user_bookmarks ADD CONSTRAINT valid_bookmark_version CHECK (row_version >= 0);
ALTER TABLE lesson_progress ADD COLUMN row_version BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE lesson_progress ADD CONSTRAINT valid_progress_version CHECK (row_version >= 0);
ALTER TABLE enrollments ADD COLUMN row_version BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE enrollments ADD COLUMN status_changed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE enrollments ADD CONSTRAINT valid_enrollment_version CHECK (row_version >= 0);
ALTER TABLE quiz_attempts ADD COLUMN row_version BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE quiz_attempts ADD CONSTRAINT valid_attempt_version CHECK (row_version >= 0);
ALTER TABLE course_completions ADD COLUMN row_version BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE course_completions ADD COLUMN reviewed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE course_completions ADD CONSTRAINT valid_completion_version CHECK (row_version >= 0);
CREATE INDEX idx_user_notes_conflict_of ON user_notes (conflict_of);
