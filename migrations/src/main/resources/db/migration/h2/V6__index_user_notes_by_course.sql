-- The offline search index takes a course in again (after an import or an update) together with the
-- learner's notes on it, so a note's lesson title stays current and notes that went with a dropped
-- lesson (ON DELETE CASCADE, which queues nothing) leave the index. Those reads select notes by
-- course; the existing indexes lead with user_id, so without this one each was a scan of user_notes.
CREATE INDEX idx_user_notes_course ON user_notes (course_id);
