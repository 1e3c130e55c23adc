-- The learning-event log: what learners did and when (lesson opened, video watched, quiz
-- submitted...). It is the partitioned table (seed-review 2): append-only, by far the largest
-- (millions of rows a month), read by time range, and aged out as a whole month at a time.
-- lesson_progress, which the seed partitioned, is updated in place for months and must stay unique
-- per (user, lesson), which a partitioned table cannot guarantee without the partition key.
--
-- Partitions are monthly (learning_events_pYYYY_MM), created ahead of time by
-- ensure_learning_event_partitions() and detached by detach_learning_event_partitions() (V14).

CREATE TABLE learning_events (
  -- Made by the client, so a re-sent event is recognised (ON CONFLICT DO NOTHING).
  id                UUID NOT NULL DEFAULT gen_random_uuid(),
  user_id           UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  -- No keys to content: events are history and outlive the lessons and courses they mention.
  course_id         UUID,
  lesson_id         UUID,
  device_id         UUID,
  event_type        VARCHAR(40) NOT NULL,
  occurred_at       TIMESTAMPTZ NOT NULL,
  received_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
  position_seconds  INTEGER,
  duration_seconds  INTEGER,
  payload           JSONB NOT NULL DEFAULT '{}',

  -- A unique key of a partitioned table must contain the partition key.
  PRIMARY KEY (id, occurred_at),
  CONSTRAINT valid_event_type CHECK (event_type IN ('lesson_opened', 'lesson_closed', 'video_played',
    'video_paused', 'video_seeked', 'video_completed', 'quiz_started', 'quiz_submitted', 'note_created',
    'bookmark_created', 'search', 'resource_downloaded')),
  CONSTRAINT valid_event_durations CHECK ((position_seconds IS NULL OR position_seconds >= 0)
                                          AND (duration_seconds IS NULL OR duration_seconds >= 0))
) PARTITION BY RANGE (occurred_at);

CREATE INDEX idx_learning_events_user_time ON learning_events (user_id, occurred_at);
CREATE INDEX idx_learning_events_course_time ON learning_events (course_id, occurred_at);
