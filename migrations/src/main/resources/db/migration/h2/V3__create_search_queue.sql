-- Local only: what the offline search index has yet to take in. A repository that changes something
-- searchable (a note, an imported course) queues it here in the same transaction as the change, and
-- the indexer removes an entry only after its index commit, so a crash between the two never leaves
-- the index silently behind: the entry is simply processed again.
CREATE TABLE search_queue (
  seq        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  doc_type   CHARACTER VARYING(20) NOT NULL,
  doc_id     UUID NOT NULL,
  queued_at  TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,

  -- note: one note; course: every lesson and quiz of a course (after an import or an update).
  CONSTRAINT valid_search_doc_type CHECK (doc_type IN ('note', 'course'))
);
