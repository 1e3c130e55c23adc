-- Course statistics for instructors and administrators (seed: Materialized Views for Analytics).
-- Definitions, and the seed defects fixed here, are in docs/schema-notes/statistics-and-functions.md.
--
-- The seed LEFT JOINed enrollments, completions, lesson progress and purchases in one query, so every
-- row of one source was repeated once per row of the others: revenue, averages and counts came out
-- multiplied (seed-review 8). Here each source is aggregated on its own, to at most one row per
-- course (per course and currency for purchases), before anything is joined to courses.
--
-- Only published courses appear. Counts and revenue are 0 when there is nothing to count; averages
-- are NULL when there is nothing to average (no ratings, no enrollments), never a misleading 0.

CREATE MATERIALIZED VIEW course_statistics AS
WITH enrollment_stats AS (
  -- Every enrollment, whatever its status: a learner who dropped out still enrolled, and still
  -- belongs in the average of how far learners get.
  SELECT e.course_id,
         count(*)         AS enrollment_count,
         avg(e.progress)  AS avg_progress
  FROM enrollments e
  GROUP BY e.course_id
),
completion_stats AS (
  -- A review is a completion with a rating; the average rating is over exactly those.
  SELECT cc.course_id,
         count(*)         AS completion_count,
         count(cc.rating) AS review_count,
         avg(cc.rating)   AS average_rating
  FROM course_completions cc
  GROUP BY cc.course_id
),
revenue_per_currency AS (
  -- Revenue is what was paid and kept: completed purchases only (not pending, failed or refunded).
  -- Amounts in different currencies are never added together.
  SELECT cp.course_id,
         cp.currency,
         count(*)       AS purchase_count,
         sum(cp.amount) AS revenue
  FROM course_purchases cp
  WHERE cp.status = 'completed'
  GROUP BY cp.course_id, cp.currency
),
purchase_stats AS (
  SELECT r.course_id,
         sum(r.purchase_count)::bigint                                AS purchase_count,
         jsonb_object_agg(r.currency, r.revenue ORDER BY r.currency)  AS revenue_by_currency
  FROM revenue_per_currency r
  GROUP BY r.course_id
)
SELECT c.id,
       c.title,
       c.instructor_id,
       c.category_id,
       coalesce(es.enrollment_count, 0)                         AS enrollment_count,
       cs.average_rating::numeric(3,2)                          AS average_rating,
       coalesce(cs.review_count, 0)                             AS review_count,
       -- The mean of enrollments.progress (0-100) over all of the course's enrollments.
       es.avg_progress::numeric(5,2)                            AS avg_completion_rate,
       coalesce(cs.completion_count, 0)                         AS completion_count,
       c.currency,
       -- Completed purchases in the course's own currency; other currencies are in revenue_by_currency.
       coalesce(rc.revenue, 0)::numeric(14,2)                   AS total_revenue,
       coalesce(ps.revenue_by_currency, '{}'::jsonb)            AS revenue_by_currency,
       coalesce(ps.purchase_count, 0)                           AS purchase_count,
       now()                                                    AS refreshed_at
FROM courses c
LEFT JOIN enrollment_stats es     ON es.course_id = c.id
LEFT JOIN completion_stats cs     ON cs.course_id = c.id
LEFT JOIN revenue_per_currency rc ON rc.course_id = c.id AND rc.currency = c.currency
LEFT JOIN purchase_stats ps       ON ps.course_id = c.id
WHERE c.status = 'published';

-- REFRESH ... CONCURRENTLY needs a unique index on plain columns covering every row.
CREATE UNIQUE INDEX idx_course_statistics_id ON course_statistics (id);
-- An instructor's own courses (instructor_course_statistics).
CREATE INDEX idx_course_statistics_instructor ON course_statistics (instructor_id);

-- A materialized view cannot have row-level security: nobody but the owner reads it directly.
-- (Explicit for the request role too, in case default privileges ever grant it SELECT on new tables.)
REVOKE ALL ON course_statistics FROM PUBLIC;
REVOKE ALL ON course_statistics FROM ${request_role};

-- What the request role reads instead: an instructor sees the statistics of their own courses, an
-- administrator all of them, anybody else nothing. The view runs with its owner's rights on
-- course_statistics; security_barrier keeps a caller's own conditions (possibly leaky functions) from
-- being evaluated before this filter. The sub-selects evaluate auth.uid() and auth.is_admin() once.
-- Two branches rather than "instructor_id = me OR is_admin": with the OR, no index can serve the
-- instructor's lookup, and every instructor read would scan the whole view.
CREATE VIEW instructor_course_statistics WITH (security_barrier = true) AS
SELECT s.id,
       s.title,
       s.instructor_id,
       s.category_id,
       s.enrollment_count,
       s.average_rating,
       s.review_count,
       s.avg_completion_rate,
       s.completion_count,
       s.currency,
       s.total_revenue,
       s.revenue_by_currency,
       s.purchase_count,
       s.refreshed_at
FROM course_statistics s
WHERE s.instructor_id = (SELECT auth.uid())
UNION ALL
SELECT s.id,
       s.title,
       s.instructor_id,
       s.category_id,
       s.enrollment_count,
       s.average_rating,
       s.review_count,
       s.avg_completion_rate,
       s.completion_count,
       s.currency,
       s.total_revenue,
       s.revenue_by_currency,
       s.purchase_count,
       s.refreshed_at
FROM course_statistics s
WHERE (SELECT auth.is_admin())
  AND s.instructor_id IS DISTINCT FROM (SELECT auth.uid());

REVOKE ALL ON instructor_course_statistics FROM PUBLIC;
GRANT SELECT ON instructor_course_statistics TO ${request_role};

-- Brings course_statistics up to date without blocking its readers (CONCURRENTLY: readers keep
-- seeing the previous contents until the refresh commits). There is no pg_cron on a plain server
-- (seed-review 6): the sync server calls this on a timer, every 15 minutes by default (see the
-- schema notes for the interval and measured durations).
--
-- Returns TRUE when it refreshed, FALSE when another refresh was already running (several server
-- instances may share one database): the second caller skips instead of queueing up behind the
-- first and then repeating its work.
--
-- SECURITY DEFINER because only the owner of a materialized view may refresh it.
CREATE FUNCTION refresh_course_statistics() RETURNS BOOLEAN
  LANGUAGE plpgsql
  SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
  -- Keyed on (pg_class, the view's oid), the usual convention for a lock about one relation.
  IF NOT pg_try_advisory_xact_lock('pg_catalog.pg_class'::regclass::oid::integer,
                                   'public.course_statistics'::regclass::oid::integer) THEN
    RETURN FALSE;
  END IF;
  -- CONCURRENTLY needs a populated view; right after a restore (which leaves it unpopulated) the
  -- view cannot be read anyway, so a plain refresh blocks nobody.
  IF (SELECT relispopulated FROM pg_catalog.pg_class WHERE oid = 'public.course_statistics'::regclass) THEN
    REFRESH MATERIALIZED VIEW CONCURRENTLY public.course_statistics;
  ELSE
    REFRESH MATERIALIZED VIEW public.course_statistics;
  END IF;
  RETURN TRUE;
END
$$;

REVOKE EXECUTE ON FUNCTION refresh_course_statistics() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION refresh_course_statistics() TO ${request_role};
