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

-- =================================================================================================
-- 3. A user could write raw bytes into their own encrypted columns.
-- =================================================================================================

-- V11 granted the request role UPDATE on users.phone_encrypted and users.date_of_birth_encrypted, and
-- INSERT and UPDATE on user_addresses.encrypted_details, because V15's setters ran as their caller
-- (SECURITY INVOKER). A learner could therefore store any bytes there directly, skipping the checks
-- the setters make before encrypting (valid_phone, valid_date_of_birth, valid_address_details), which
-- no CHECK constraint can make on ciphertext. Now the setters are the only way in: the request role
-- loses those column privileges, and the setters run as their owner (SECURITY DEFINER, fixed
-- search_path, tables qualified) with an authorization check of their own. The getters stay SECURITY
-- INVOKER: row-level security still decides whose values a caller may read.

REVOKE UPDATE (phone_encrypted, date_of_birth_encrypted) ON users FROM ${request_role};
REVOKE INSERT (encrypted_details), UPDATE (encrypted_details) ON user_addresses FROM ${request_role};

-- What the setters write as the owner (forced row-level security binds the owner too). On users,
-- V11's owner_sets_user_status would already allow it; each owner write names its own policy all the
-- same (docs/schema-notes/rls.md, "For the other migrations"), so that narrowing one breaks nothing else.
CREATE POLICY owner_writes_personal_data ON users FOR UPDATE TO CURRENT_USER USING (true) WITH CHECK (true);
CREATE POLICY owner_writes_address_details ON user_addresses FOR UPDATE TO CURRENT_USER USING (true) WITH CHECK (true);

-- Whether the caller may change the personal data of p_user_id: the user themselves, an administrator,
-- or a session acting as the schema owner or a superuser (operations and fixtures, which could write
-- the column directly anyway). Called only from the SECURITY DEFINER setters, where current_user is
-- their owner; the caller is the role the session acts as (a SET ROLE role, otherwise the login), which
-- a SECURITY DEFINER call does not change (the same test as monitoring_access_allowed()).
CREATE FUNCTION may_change_personal_data(p_user_id UUID) RETURNS BOOLEAN
  LANGUAGE sql STABLE
  SET search_path = pg_catalog, pg_temp
AS $$
  -- coalesce: without a user, p_user_id = auth.uid() is NULL, and NOT NULL would let the caller through.
  SELECT coalesce(p_user_id = auth.uid(), false)
      OR auth.is_admin()
      OR pg_has_role(CASE current_setting('role') WHEN 'none' THEN session_user ELSE current_setting('role') END,
                     current_user, 'USAGE')
$$;
REVOKE EXECUTE ON FUNCTION may_change_personal_data(UUID) FROM PUBLIC;

-- The setters keep V15's signatures, checks and messages. A row the caller may not change is reported
-- exactly as V15's row-level security reported it, as not found, whether or not it exists: the answer
-- says nothing about other users. No message carries the key or the value being set.
CREATE OR REPLACE FUNCTION set_user_phone(p_user_id UUID, p_phone TEXT, p_key TEXT) RETURNS VOID
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
  IF p_user_id IS NULL THEN
    RAISE EXCEPTION 'set_user_phone: p_user_id must not be NULL' USING ERRCODE = 'null_value_not_allowed';
  END IF;
  IF NOT public.may_change_personal_data(p_user_id) THEN
    RAISE EXCEPTION 'user % not found', p_user_id USING ERRCODE = 'no_data_found';
  END IF;
  -- The number itself stays out of the message: it is the personal data being protected.
  IF p_phone IS NOT NULL AND p_phone !~ '^\+?[1-9][0-9]{1,14}$' THEN
    RAISE EXCEPTION 'invalid phone number: expected 2 to 15 digits, an optional leading +, and no leading 0 (E.164, e.g. +4915112345678)'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'valid_phone';
  END IF;

  UPDATE public.users SET phone_encrypted = public.encrypt_sensitive_data(p_phone, p_key) WHERE id = p_user_id;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'user % not found', p_user_id USING ERRCODE = 'no_data_found';
  END IF;
END
$$;

CREATE OR REPLACE FUNCTION set_user_date_of_birth(p_user_id UUID, p_date_of_birth DATE, p_key TEXT) RETURNS VOID
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
  IF p_user_id IS NULL THEN
    RAISE EXCEPTION 'set_user_date_of_birth: p_user_id must not be NULL' USING ERRCODE = 'null_value_not_allowed';
  END IF;
  IF NOT public.may_change_personal_data(p_user_id) THEN
    RAISE EXCEPTION 'user % not found', p_user_id USING ERRCODE = 'no_data_found';
  END IF;
  IF p_date_of_birth IS NOT NULL AND (p_date_of_birth < DATE '1900-01-01' OR p_date_of_birth > current_date) THEN
    RAISE EXCEPTION 'invalid date of birth: must lie between 1900-01-01 and today'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'valid_date_of_birth';
  END IF;

  UPDATE public.users
  SET date_of_birth_encrypted = public.encrypt_sensitive_data(to_char(p_date_of_birth, 'YYYY-MM-DD'), p_key)
  WHERE id = p_user_id;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'user % not found', p_user_id USING ERRCODE = 'no_data_found';
  END IF;
END
$$;

CREATE OR REPLACE FUNCTION set_address_details(p_address_id UUID, p_details JSONB, p_key TEXT) RETURNS VOID
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  v_owner  UUID;
  v_key    TEXT;
  v_value  JSONB;
  v_limit  INTEGER;
BEGIN
  IF p_address_id IS NULL THEN
    RAISE EXCEPTION 'set_address_details: p_address_id must not be NULL' USING ERRCODE = 'null_value_not_allowed';
  END IF;
  -- Locked, so that the address cannot change hands between this check and the update.
  SELECT a.user_id INTO v_owner FROM public.user_addresses a WHERE a.id = p_address_id FOR UPDATE;
  IF NOT FOUND OR NOT public.may_change_personal_data(v_owner) THEN
    RAISE EXCEPTION 'address % not found', p_address_id USING ERRCODE = 'no_data_found';
  END IF;
  IF p_details IS NOT NULL THEN
    IF jsonb_typeof(p_details) <> 'object' OR p_details = '{}'::jsonb THEN
      RAISE EXCEPTION 'invalid address details: expected a JSON object with street_address and/or postal_code'
        USING ERRCODE = 'check_violation', CONSTRAINT = 'valid_address_details';
    END IF;
    FOR v_key, v_value IN SELECT e.key, e.value FROM jsonb_each(p_details) e LOOP
      v_limit := CASE v_key WHEN 'street_address' THEN 255 WHEN 'postal_code' THEN 20 END;
      IF v_limit IS NULL THEN
        RAISE EXCEPTION 'invalid address details: unknown key "%" (allowed: street_address, postal_code)', left(v_key, 50)
          USING ERRCODE = 'check_violation', CONSTRAINT = 'valid_address_details';
      END IF;
      IF jsonb_typeof(v_value) <> 'string' OR btrim(v_value #>> '{}') = '' OR length(v_value #>> '{}') > v_limit THEN
        RAISE EXCEPTION 'invalid address details: % must be a non-blank string of at most % characters', v_key, v_limit
          USING ERRCODE = 'check_violation', CONSTRAINT = 'valid_address_details';
      END IF;
    END LOOP;
  END IF;

  UPDATE public.user_addresses SET encrypted_details = public.encrypt_sensitive_data(p_details::text, p_key)
  WHERE id = p_address_id;
END
$$;

-- CREATE OR REPLACE keeps V15's grants (the request role executes the setters; PUBLIC does not).

-- =================================================================================================
-- 4. check_quiz_attempt explained the limit to learners who may not attempt the quiz at all.
-- =================================================================================================

-- V12's BEFORE INSERT trigger runs before row-level security checks the new row, so a learner with no
-- access to a quiz's course who inserted attempt 99 was told "quiz ... allows 3 attempt(s)" (or that
-- the quiz is inactive) before the policy learner_starts_attempts refused the row. Refuse first,
-- explain second: a signed-in caller who is not an administrator and may not attempt this quiz (its
-- course is not among auth.accessible_course_ids(), the quiz does not exist, or the attempt is in
-- another user's name) gets the refusal PostgreSQL's own policy check gives, which says nothing about
-- the quiz. Everything else is V12's: entitled learners learn the limit and the inactive state, and
-- sessions without a user (owner, superuser, fixtures) are not asked.
CREATE OR REPLACE FUNCTION check_quiz_attempt() RETURNS TRIGGER
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  v_user UUID := auth.uid();
  v_course UUID;
  v_attempts_allowed INTEGER;
  v_is_active BOOLEAN;
BEGIN
  SELECT q.course_id, q.attempts_allowed, q.is_active INTO v_course, v_attempts_allowed, v_is_active
  FROM public.course_quizzes q WHERE q.id = NEW.quiz_id;

  -- v_course is NULL when there is no such quiz: refused like a quiz of a course out of reach.
  IF v_user IS NOT NULL AND NOT auth.is_admin()
     AND (NEW.user_id IS DISTINCT FROM v_user OR NOT coalesce(v_course = ANY (auth.accessible_course_ids()), false)) THEN
    RAISE EXCEPTION 'new row violates row-level security policy for table "%"', TG_TABLE_NAME
      USING ERRCODE = 'insufficient_privilege';
  END IF;

  IF v_course IS NULL THEN
    RETURN NEW; -- quiz_attempts_quiz_id_fkey reports it
  END IF;
  IF NOT v_is_active THEN
    RAISE EXCEPTION 'quiz % is not active and accepts no attempts', NEW.quiz_id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'quiz_attempt_needs_active_quiz',
            SCHEMA = TG_TABLE_SCHEMA, TABLE = TG_TABLE_NAME;
  END IF;

  IF NEW.attempt_number IS NULL THEN
    SELECT coalesce(max(a.attempt_number), 0) + 1 INTO NEW.attempt_number
    FROM public.quiz_attempts a WHERE a.quiz_id = NEW.quiz_id AND a.user_id = NEW.user_id;
  END IF;
  IF NEW.attempt_number > v_attempts_allowed THEN
    RAISE EXCEPTION 'quiz % allows % attempt(s); attempt % is refused', NEW.quiz_id, v_attempts_allowed,
                    NEW.attempt_number
      USING ERRCODE = 'check_violation', CONSTRAINT = 'quiz_attempt_limit',
            SCHEMA = TG_TABLE_SCHEMA, TABLE = TG_TABLE_NAME;
  END IF;
  RETURN NEW;
END
$$;
