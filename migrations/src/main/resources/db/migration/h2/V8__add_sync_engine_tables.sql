-- What the device's sync engine keeps beside the mirrored rows (docs/sync-client.md).
--
-- sync_parked: a pulled row that cannot be stored yet because a row it refers to is not on this
--   device (the lesson of a progress row of a course not downloaded here, a quiz that arrives in a later
--   page). It is kept whole and stored as soon as what it refers to arrives; nothing pulled is dropped.
CREATE TABLE sync_parked (
  entity     CHARACTER VARYING(50) NOT NULL,
  id         UUID NOT NULL,
  stream     CHARACTER VARYING(100) NOT NULL,
  -- The course the row belongs to, when it names one: the row is tried again when that course's content arrives.
  course_id  UUID,
  row_json   JSON NOT NULL,
  reason     CHARACTER VARYING(1000) NOT NULL,
  parked_at  TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,

  CONSTRAINT sync_parked_pkey PRIMARY KEY (entity, id)
);

CREATE INDEX idx_sync_parked_course ON sync_parked (course_id);

-- sync_reset_marks: the rows a stream held when the server restarted it from a full copy (a device
--   offline past the tombstone horizon). Each row the copy sends again loses its mark; when the copy is
--   complete, the rows still marked were deleted on the server and go, except those with a change queued.
CREATE TABLE sync_reset_marks (
  stream  CHARACTER VARYING(100) NOT NULL,
  entity  CHARACTER VARYING(50) NOT NULL,
  id      UUID NOT NULL,

  CONSTRAINT sync_reset_marks_pkey PRIMARY KEY (stream, entity, id)
);

-- A change of a course this device does not receive from a server (an imported package's course, a course
--   whose access ended, any course before the first sign-in) waits 'held': it is not pushed. When the
--   course's stream arrives, its held changes are queued again, in their order, under new sequence numbers:
--   the server ignores numbers at or below the last it applied, and these were never sent.
ALTER TABLE outbox ADD COLUMN course_id UUID;
ALTER TABLE outbox DROP CONSTRAINT valid_outbox_state;
ALTER TABLE outbox ADD CONSTRAINT valid_outbox_state CHECK (state IN ('pending', 'held', 'applied', 'rejected'));
CREATE INDEX idx_outbox_course ON outbox (course_id, state);

-- When the learner lost access to a course (a refund, a lapsed subscription): its content is removed,
-- the outline stays so that the learner's notes, bookmarks, progress and attempts keep their places.
ALTER TABLE courses ADD COLUMN access_ended_at TIMESTAMP WITH TIME ZONE;

-- The device is a replica of what the server committed. The server checks these authoring rules with
-- deferred constraints, so a reordering publish passes through states that break them row by row; a
-- pull page may end in such a state. Imports check them before writing (ImportConflicts, the package
-- validator), so they stay enforced where the device itself is the author.
ALTER TABLE courses DROP CONSTRAINT courses_slug_key;
ALTER TABLE course_sections DROP CONSTRAINT unique_section_order;
ALTER TABLE course_lessons DROP CONSTRAINT unique_lesson_slug;
ALTER TABLE course_lessons DROP CONSTRAINT unique_lesson_order;
ALTER TABLE quiz_questions DROP CONSTRAINT unique_question_order;
ALTER TABLE course_categories DROP CONSTRAINT course_categories_name_key;
ALTER TABLE course_categories DROP CONSTRAINT course_categories_slug_key;
