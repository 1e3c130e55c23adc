-- The last course statistics this computer fetched for the signed-in instructor (docs/sync-protocol.md,
-- section 11.1), so that the statistics screen shows them offline with the time they were fetched. Local
-- only and never synced: the server computes the figures, this is only a copy of its last answer.
--   cache_key   'courses' (the instructor's courses with their headline figures) or 'course:<course id>'
--   body        the server's JSON answer, as it came
--   fetched_at  when this computer received it
CREATE TABLE statistics_cache (
  cache_key   CHARACTER VARYING(60) PRIMARY KEY,
  body        CHARACTER LARGE OBJECT NOT NULL,
  fetched_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
