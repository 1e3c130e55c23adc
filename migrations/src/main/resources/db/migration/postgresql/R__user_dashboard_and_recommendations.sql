-- A learner's dashboard and course recommendations (seed: Database Functions for Complex Queries).
-- The JSON shape, the recommendation formula and the seed defects fixed here are documented in
-- docs/schema-notes/statistics-and-functions.md.
--
-- Both are SECURITY INVOKER: they run with the caller's rights, so row-level security decides what
-- they can read, and they add one rule of their own: only the user themselves, or an administrator,
-- may ask about a user.
--
-- Repeatable: changed in place with CREATE OR REPLACE. Changing a signature or a return type needs a
-- DROP FUNCTION first (CREATE OR REPLACE cannot do that).

-- The dashboard of one user:
--   {"user": {...},                     the user's own profile fields, listed one by one (never the
--                                       encrypted columns), or null when there is no such user
--    "active_enrollments": [...],       the 5 most recently accessed active enrollments in published
--                                       courses: {"course": {...}, "progress", "last_accessed"}
--    "completed_courses": n,            course_completions of the user
--    "total_study_time": seconds,       sum of lesson_progress.total_time_spent
--    "achievements": [...]}             user_achievements, newest first
-- Lists are [] when empty, counts 0. Timestamps are ISO 8601 in UTC.
CREATE OR REPLACE FUNCTION get_user_dashboard(p_user_id UUID) RETURNS JSON
  LANGUAGE plpgsql
  STABLE
  SECURITY INVOKER
  SET search_path = pg_catalog, public, pg_temp
  -- Timestamps render with the session's time zone; the API answers in UTC whatever the session.
  SET TimeZone = 'UTC'
AS $$
BEGIN
  IF p_user_id IS NULL THEN
    RAISE EXCEPTION 'get_user_dashboard: p_user_id must not be NULL'
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF p_user_id IS DISTINCT FROM auth.uid() AND NOT auth.is_admin() THEN
    RAISE EXCEPTION 'get_user_dashboard: only the user themselves or an administrator may read a user''s dashboard'
      USING ERRCODE = 'insufficient_privilege';
  END IF;

  RETURN json_build_object(
    'user', (
      SELECT json_build_object(
               'id', u.id,
               'email', u.email,
               'name', u.name,
               'first_name', u.first_name,
               'last_name', u.last_name,
               'avatar_url', u.avatar_url,
               'bio', u.bio,
               'timezone', u.timezone,
               'language', u.language,
               'status', u.status,
               'email_verified', u.email_verified,
               'created_at', u.created_at,
               'last_login_at', u.last_login_at)
      FROM users u
      WHERE u.id = p_user_id
    ),
    'active_enrollments', (
      -- The seed put ORDER BY and LIMIT beside json_agg in one SELECT, which PostgreSQL rejects
      -- (seed-review 3): pick the five rows in a subquery, then aggregate them in order.
      SELECT coalesce(
               json_agg(json_build_object(
                          'course', json_build_object(
                                      'id', recent.course_id,
                                      'title', recent.title,
                                      'slug', recent.slug,
                                      'thumbnail_url', recent.thumbnail_url,
                                      'difficulty', recent.difficulty),
                          'progress', recent.progress,
                          'last_accessed', recent.last_accessed_at)
                        ORDER BY recent.last_accessed_at DESC NULLS LAST, recent.enrolled_at DESC, recent.course_id),
               '[]'::json)
      FROM (
        SELECT c.id AS course_id, c.title, c.slug, c.thumbnail_url, c.difficulty,
               e.progress, e.last_accessed_at, e.enrolled_at
        FROM enrollments e
        JOIN courses c ON c.id = e.course_id
        WHERE e.user_id = p_user_id
          AND e.status = 'active'
          AND c.status = 'published'
        -- Never-opened enrollments come after opened ones; ties broken so the five are always the same.
        ORDER BY e.last_accessed_at DESC NULLS LAST, e.enrolled_at DESC, c.id
        LIMIT 5
      ) recent
    ),
    'completed_courses', (
      SELECT count(*)
      FROM course_completions cc
      WHERE cc.user_id = p_user_id
    ),
    'total_study_time', (
      SELECT coalesce(sum(lp.total_time_spent), 0)
      FROM lesson_progress lp
      WHERE lp.user_id = p_user_id
    ),
    'achievements', (
      SELECT coalesce(
               json_agg(json_build_object(
                          'id', ua.id,
                          'achievement_code', ua.achievement_code,
                          'title', ua.title,
                          'description', ua.description,
                          'icon_url', ua.icon_url,
                          'course_id', ua.course_id,
                          'metadata', ua.metadata,
                          'earned_at', ua.earned_at)
                        ORDER BY ua.earned_at DESC, ua.id),
               '[]'::json)
      FROM user_achievements ua
      WHERE ua.user_id = p_user_id
    )
  );
END
$$;

REVOKE ALL ON FUNCTION get_user_dashboard(UUID) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION get_user_dashboard(UUID) TO ${request_role};

-- Published courses a user might take next, best first, at most p_limit (1-100) of them:
--
--   relevance = 0.4 * category share   the share of the user's enrollments that are in the course's
--                                      category (0 for a course without a category)
--             + 0.3 * rating / 5       courses.average_rating
--             + 0.2 * popularity       min(1, log10(enrollment_count + 1) / 6): a million saturates
--             + 0.1 * recency          exp(-age in days / 180), age since publication: newer is higher
--
-- rounded to 6 decimals; ties go to the newer course, then the lower id. Courses the user is or was
-- enrolled in (any status), teaches, or that are not published are never recommended.
CREATE OR REPLACE FUNCTION get_course_recommendations(p_user_id UUID, p_limit INTEGER DEFAULT 10)
  RETURNS TABLE (course_id UUID, relevance_score NUMERIC)
  LANGUAGE plpgsql
  STABLE
  SECURITY INVOKER
  SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
  IF p_user_id IS NULL THEN
    RAISE EXCEPTION 'get_course_recommendations: p_user_id must not be NULL'
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF p_limit IS NULL OR p_limit < 1 OR p_limit > 100 THEN
    RAISE EXCEPTION 'get_course_recommendations: p_limit must be between 1 and 100, got %', coalesce(p_limit::text, 'NULL')
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF p_user_id IS DISTINCT FROM auth.uid() AND NOT auth.is_admin() THEN
    RAISE EXCEPTION 'get_course_recommendations: only the user themselves or an administrator may ask for a user''s recommendations'
      USING ERRCODE = 'insufficient_privilege';
  END IF;

  RETURN QUERY
  WITH my_enrollments AS (
    SELECT c.category_id
    FROM enrollments e
    JOIN courses c ON c.id = e.course_id
    WHERE e.user_id = p_user_id
  ),
  -- One row per category (seed-review 9: the seed grouped by category and difficulty, so a course
  -- matched once per difficulty the user had taken in its category and came out several times).
  category_share AS (
    SELECT m.category_id,
           count(*)::double precision / (SELECT count(*) FROM my_enrollments) AS share
    FROM my_enrollments m
    WHERE m.category_id IS NOT NULL
    GROUP BY m.category_id
  ),
  candidates AS (
    SELECT c.id,
           coalesce(c.published_at, c.created_at) AS released_at,
           0.4 * coalesce(s.share, 0)
         + 0.3 * (c.average_rating::double precision / 5)
         + 0.2 * least(1.0, log((c.enrollment_count + 1)::double precision) / 6)
           -- The seed added the age itself, so the oldest courses ranked highest.
         + 0.1 * exp(-greatest(0.0, extract(epoch FROM now() - coalesce(c.published_at, c.created_at))::double precision)
                     / 86400.0 / 180.0) AS score
    FROM courses c
    LEFT JOIN category_share s ON s.category_id = c.category_id
    WHERE c.status = 'published'
      AND c.instructor_id <> p_user_id
      -- NOT EXISTS, not NOT IN: NOT IN (subquery) yields no rows at all once the subquery has a NULL.
      AND NOT EXISTS (
        SELECT 1
        FROM enrollments e
        WHERE e.user_id = p_user_id
          AND e.course_id = c.id
      )
  )
  SELECT cand.id, round(cand.score::numeric, 6)
  FROM candidates cand
  ORDER BY round(cand.score::numeric, 6) DESC, cand.released_at DESC, cand.id
  LIMIT p_limit;
END
$$;

REVOKE ALL ON FUNCTION get_course_recommendations(UUID, INTEGER) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION get_course_recommendations(UUID, INTEGER) TO ${request_role};
