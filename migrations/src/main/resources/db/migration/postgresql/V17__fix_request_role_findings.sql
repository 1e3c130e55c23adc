-- Security findings of the server issue, found by probing the schema as the request role. V1-V16 are
-- applied in production and stay as they are; each fix replaces here what it must. What was wrong, what
-- we do now and the tests that show it: docs/schema-notes.md, "Findings fixed in V17".

-- =================================================================================================
-- 1. The change feed leaked private uploads.
-- =================================================================================================

-- V12 recorded every media_files change as a catalog row of its course ('course=course_id'). A private
-- upload has no course, so its change carried neither user nor course, and V11's policy handed every
-- course-less catalog row to every signed-in user: anybody could see the id and time of anybody's
-- private file. Media files get a trigger function of their own, because their audience depends on
-- their visibility:
--   * a file of a course that is not private (course_only or public) is a catalog row of that course
--     (user_id NULL, course_id): it reaches whoever sees the course's catalog changes, like a lesson;
--   * any other file (no course, or private) is its uploader's own change (user_id = uploader,
--     course_id NULL), like a note. An uploader whose account is gone (user_id NULL) leaves a row only
--     administrators see.
-- As in record_sync_change: 'U' for an insert or a real update (updated_at alone is none), 'D' for a
-- delete, and a file whose audience changes (moved into a course, made private, moved back) is a
-- tombstone for the old audience and a 'U' for the new one.
CREATE FUNCTION record_media_sync_change() RETURNS TRIGGER
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  v_old_user UUID;
  v_old_course UUID;
  v_new_user UUID;
  v_new_course UUID;
BEGIN
  IF TG_OP = 'UPDATE' AND (to_jsonb(OLD) - 'updated_at') = (to_jsonb(NEW) - 'updated_at') THEN
    RETURN NULL;
  END IF;

  IF TG_OP <> 'INSERT' THEN
    IF OLD.course_id IS NOT NULL AND OLD.visibility <> 'private' THEN
      v_old_course := OLD.course_id;
    ELSE
      v_old_user := OLD.user_id;
    END IF;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    IF NEW.course_id IS NOT NULL AND NEW.visibility <> 'private' THEN
      v_new_course := NEW.course_id;
    ELSE
      v_new_user := NEW.user_id;
    END IF;
  END IF;

  IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND (v_old_user, v_old_course) IS DISTINCT FROM (v_new_user, v_new_course)) THEN
    INSERT INTO public.sync_changes (user_id, course_id, entity, entity_id, operation)
    VALUES (v_old_user, v_old_course, TG_TABLE_NAME, OLD.id, 'D');
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO public.sync_changes (user_id, course_id, entity, entity_id, operation)
    VALUES (v_new_user, v_new_course, TG_TABLE_NAME, NEW.id, 'U');
  END IF;
  RETURN NULL;
END
$$;
REVOKE EXECUTE ON FUNCTION record_media_sync_change() FROM PUBLIC;

DROP TRIGGER record_sync_change ON media_files;
CREATE TRIGGER record_sync_change AFTER INSERT OR UPDATE OR DELETE ON media_files
  FOR EACH ROW EXECUTE FUNCTION record_media_sync_change();

-- A catalog change without a course reaches every signed-in user only for the entities that are global
-- by nature: categories and tags. Any other course-less catalog row (a private upload as V12 recorded
-- it, or whatever a future trigger gets wrong) is for administrators only. The rest is V11's rule.
ALTER POLICY user_pulls_visible_changes ON sync_changes
  USING (user_id = (SELECT auth.uid())
         OR (user_id IS NULL AND (SELECT auth.uid()) IS NOT NULL
             AND ((course_id IS NULL AND entity IN ('course_categories', 'course_tags'))
                  OR (entity = 'courses' AND operation = 'D')
                  OR EXISTS (SELECT 1 FROM courses c WHERE c.id = course_id)))
         OR (SELECT auth.is_admin()));

-- =================================================================================================
-- 2. An instructor whose role expired still read their courses' statistics.
-- =================================================================================================

-- V13's view matched instructor_id = auth.uid() alone, where every other instructor right also needs
-- an active, unexpired instructor role (auth.has_role, as in auth.taught_course_ids()). Same columns,
-- same security_barrier, the same two branches: the instructor's through idx_course_statistics_instructor
-- (the role check is one InitPlan, not a per-row filter), the administrator's over everything else. A
-- course is in exactly one branch: the first when the caller teaches it with the role, the second when
-- the caller is an administrator and it is not, so an administrator named as a course's instructor
-- without the instructor role still sees it, once.
CREATE OR REPLACE VIEW instructor_course_statistics WITH (security_barrier = true) AS
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
  AND (SELECT auth.has_role('instructor'))
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
  AND (s.instructor_id IS DISTINCT FROM (SELECT auth.uid()) OR NOT (SELECT auth.has_role('instructor')));

-- CREATE OR REPLACE keeps the view's privileges; stated again so that this file says who reads it.
REVOKE ALL ON instructor_course_statistics FROM PUBLIC;
GRANT SELECT ON instructor_course_statistics TO ${request_role};
