-- Row-level security and least-privilege grants (seed: Security and Access Control; seed-review 7,
-- 15-19). The model, the entitlement rule and the full access matrix: docs/schema-notes/rls.md.
--
-- Who is asking: auth.uid() (V10), set per transaction by the server after it verified the access
-- token; NULL for an anonymous request. Roles come only from roles/user_roles (auth.has_role).
-- The server serves every request as ${request_role}: not superuser, not owner, not BYPASSRLS.
-- Every table is FORCEd, so the owner is bound too: it reads everything (owner_reads_all, for
-- SECURITY DEFINER functions, owner-run views and materialized views) and writes only through
-- narrow policies that each writing migration adds for itself.
--
-- Policy expressions call auth.uid(), auth.has_role() and the entitlement lists as uncorrelated
-- sub-selects, (SELECT auth.uid()), so they are evaluated once per statement (an InitPlan), not
-- once per row, and compare against indexed columns (user_id, course_id) with = and = ANY(array).
-- In "course_id = ANY ((SELECT auth.taught_course_ids())::UUID[])" the cast is what makes
-- PostgreSQL read the sub-select as one array value rather than as ANY (subquery).

-- -------------------------------------------------------------------------------------------------
-- Privileges of PUBLIC: none.
-- -------------------------------------------------------------------------------------------------

-- Functions are created executable by PUBLIC unless told otherwise; every function the owner creates
-- from here on (in any schema, by any later migration) is granted explicitly to the role that needs it.
ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;

REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO ${request_role};

-- -------------------------------------------------------------------------------------------------
-- Every table in public: RLS enabled and forced, nothing for PUBLIC, the owner reads all.
-- Partitions of learning_events are reached only through the parent, whose policies apply.
-- Flyway's history table is left alone: Flyway holds a lock on it while this script runs (an ALTER
-- would wait forever), it holds no user data, and nobody but the owner has any privilege on it.
-- -------------------------------------------------------------------------------------------------
DO $$
DECLARE
  t regclass;
BEGIN
  FOR t IN
    SELECT c.oid::regclass
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
      AND c.relname <> 'flyway_schema_history'
    ORDER BY c.relname
  LOOP
    EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('REVOKE ALL ON TABLE %s FROM PUBLIC', t);
    EXECUTE format('CREATE POLICY owner_reads_all ON %s FOR SELECT TO CURRENT_USER USING (true)', t);
  END LOOP;
END
$$;

-- -------------------------------------------------------------------------------------------------
-- Entitlements. SECURITY DEFINER: they read enrollments, purchases and subscriptions as the owner,
-- so a policy that calls them neither recurses nor depends on what the caller may read. Each
-- answers only about the current user (auth.uid()), never about a user named by the caller.
-- -------------------------------------------------------------------------------------------------

-- Courses the current user teaches: instructor_id is theirs and they hold the instructor role.
CREATE FUNCTION auth.taught_course_ids() RETURNS UUID[]
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
  SELECT coalesce(array_agg(c.id), '{}')
  FROM public.courses c
  WHERE auth.has_role('instructor') AND c.instructor_id = auth.uid()
$$;

-- Courses whose learners' records (enrollments, progress, attempts, completions) the current user
-- reads: those they teach, and every course for an administrator. One array instead of
-- "... OR auth.is_admin()" keeps the whole policy indexable: "user_id = me OR course_id = ANY (this)"
-- becomes a BitmapOr of two index scans, where an OR with a plain boolean forces a sequential scan
-- of the table whenever the query itself does not name the user or the course.
CREATE FUNCTION auth.overseen_course_ids() RETURNS UUID[]
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
  SELECT CASE WHEN auth.is_admin() THEN (SELECT coalesce(array_agg(c.id), '{}') FROM public.courses c)
              ELSE auth.taught_course_ids()
         END
$$;

-- The quizzes of those courses, for quiz_attempts (which carries quiz_id, not course_id).
CREATE FUNCTION auth.overseen_quiz_ids() RETURNS UUID[]
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
  SELECT coalesce(array_agg(q.id), '{}')
  FROM public.course_quizzes q
  WHERE q.course_id = ANY (auth.overseen_course_ids())
$$;

-- Whether the current user holds an active subscription: status active or trialing, and now within
-- the current billing period.
CREATE FUNCTION auth.has_active_subscription() RETURNS BOOLEAN
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
  SELECT EXISTS (
    SELECT 1 FROM public.subscriptions s
    WHERE s.user_id = auth.uid()
      AND s.status IN ('active', 'trialing')
      AND s.current_period_start <= now() AND now() < s.current_period_end
  )
$$;

-- Courses whose paid content (lessons, resources, quizzes, questions) the current user may use:
--   * courses they teach (any status);
--   * published or archived courses for which they hold
--       - an active or completed enrollment in a free course, or
--       - a completed, unexpired purchase, or
--       - an active or completed enrollment while their subscription is active.
-- A subscription reaches a paid course through an enrollment: subscribers enroll (auth.can_enroll,
-- up to the plan's course_limit), and lose access, not their records, when the subscription lapses.
-- Archived courses stay open to those already entitled; new enrollments need a published course.
-- Administrators are handled by the policies themselves (auth.is_admin()), not by this list.
CREATE FUNCTION auth.accessible_course_ids() RETURNS UUID[]
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
  SELECT coalesce(array_agg(DISTINCT course_id), '{}')
  FROM (
    SELECT unnest(auth.taught_course_ids()) AS course_id
    UNION ALL
    SELECT e.course_id
    FROM public.enrollments e
    JOIN public.courses c ON c.id = e.course_id
    WHERE e.user_id = auth.uid()
      AND e.status IN ('active', 'completed')
      AND c.status IN ('published', 'archived')
      AND (c.is_free OR auth.has_active_subscription())
    UNION ALL
    SELECT p.course_id
    FROM public.course_purchases p
    JOIN public.courses c ON c.id = p.course_id
    WHERE p.user_id = auth.uid()
      AND p.status = 'completed'
      AND (p.expires_at IS NULL OR p.expires_at > now())
      AND c.status IN ('published', 'archived')
  ) entitled
$$;

CREATE FUNCTION auth.can_access_course(p_course_id UUID) RETURNS BOOLEAN
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
  SELECT auth.is_admin() OR p_course_id = ANY (auth.accessible_course_ids())
$$;

-- Whether a lesson is a preview of a published course (its own flag or its section's): readable by
-- anyone, signed in or not.
CREATE FUNCTION auth.is_preview_lesson(p_lesson_id UUID) RETURNS BOOLEAN
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
  SELECT EXISTS (
    SELECT 1
    FROM public.course_lessons l
    JOIN public.course_sections s ON s.id = l.section_id
    JOIN public.courses c ON c.id = l.course_id
    WHERE l.id = p_lesson_id
      AND (l.is_preview OR s.is_preview)
      AND c.status = 'published'
  )
$$;

-- Whether the current user may enroll in (or re-activate an enrollment of) a course: it is
-- published and free, or they bought it, or their active subscriptions leave room under the
-- largest course_limit (NULL: unlimited) for one more subscription-backed active enrollment.
CREATE FUNCTION auth.can_enroll(p_course_id UUID) RETURNS BOOLEAN
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
  WITH me AS (SELECT auth.uid() AS id),
  subscription_limit AS (
    -- One row per active subscription; a NULL limit (unlimited) wins over any number.
    SELECT CASE WHEN bool_or(p.course_limit IS NULL) THEN NULL ELSE max(p.course_limit) END AS course_limit,
           count(*) > 0 AS subscribed
    FROM public.subscriptions s
    JOIN public.subscription_plans p ON p.id = s.plan_id
    WHERE s.user_id = (SELECT id FROM me)
      AND s.status IN ('active', 'trialing')
      AND s.current_period_start <= now() AND now() < s.current_period_end
  ),
  subscription_backed AS (
    -- Active enrollments in paid courses the user did not buy.
    SELECT count(*) AS enrollments
    FROM public.enrollments e
    JOIN public.courses c ON c.id = e.course_id
    WHERE e.user_id = (SELECT id FROM me)
      AND e.status = 'active'
      AND NOT c.is_free
      AND NOT EXISTS (
        SELECT 1 FROM public.course_purchases p
        WHERE p.user_id = e.user_id AND p.course_id = e.course_id
          AND p.status = 'completed' AND (p.expires_at IS NULL OR p.expires_at > now()))
  )
  SELECT (SELECT id FROM me) IS NOT NULL AND EXISTS (
    SELECT 1 FROM public.courses c
    WHERE c.id = p_course_id
      AND c.status = 'published'
      AND (
        c.is_free
        OR EXISTS (
          SELECT 1 FROM public.course_purchases p
          WHERE p.user_id = (SELECT id FROM me) AND p.course_id = c.id
            AND p.status = 'completed' AND (p.expires_at IS NULL OR p.expires_at > now()))
        OR EXISTS (
          SELECT 1 FROM subscription_limit l, subscription_backed b
          WHERE l.subscribed AND (l.course_limit IS NULL OR b.enrollments < l.course_limit))
      )
  )
$$;

-- Whether the current user may start attempt number p_attempt_number of a quiz: the quiz is active,
-- its course is open to them, and the number is within attempts_allowed (NULL: unlimited).
CREATE FUNCTION auth.can_attempt_quiz(p_quiz_id UUID, p_attempt_number INTEGER) RETURNS BOOLEAN
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
  SELECT EXISTS (
    SELECT 1 FROM public.course_quizzes q
    WHERE q.id = p_quiz_id
      AND q.is_active
      AND (q.attempts_allowed IS NULL OR p_attempt_number <= q.attempts_allowed)
      AND q.course_id = ANY (auth.accessible_course_ids())
  )
$$;

-- Whether the current user may see and version a piece of content (content_versions has no
-- foreign key: content_type says which table content_id is in): an administrator, or the
-- instructor of the content's course.
CREATE FUNCTION auth.can_manage_content(p_content_type TEXT, p_content_id UUID) RETURNS BOOLEAN
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
  SELECT auth.is_admin() OR (
    CASE p_content_type
      WHEN 'course'   THEN p_content_id
      WHEN 'section'  THEN (SELECT course_id FROM public.course_sections WHERE id = p_content_id)
      WHEN 'lesson'   THEN (SELECT course_id FROM public.course_lessons WHERE id = p_content_id)
      WHEN 'quiz'     THEN (SELECT course_id FROM public.course_quizzes WHERE id = p_content_id)
      WHEN 'question' THEN (SELECT q.course_id FROM public.quiz_questions qq
                              JOIN public.course_quizzes q ON q.id = qq.quiz_id WHERE qq.id = p_content_id)
      WHEN 'resource' THEN (SELECT course_id FROM public.course_resources WHERE id = p_content_id)
    END) = ANY (auth.taught_course_ids())
$$;

GRANT EXECUTE ON FUNCTION
  auth.taught_course_ids(), auth.overseen_course_ids(), auth.overseen_quiz_ids(), auth.has_active_subscription(),
  auth.accessible_course_ids(), auth.can_access_course(UUID), auth.is_preview_lesson(UUID), auth.can_enroll(UUID),
  auth.can_attempt_quiz(UUID, INTEGER), auth.can_manage_content(TEXT, UUID)
  TO ${request_role};

-- =================================================================================================
-- People
-- =================================================================================================

-- users: a user reads and edits their own profile; administrators read everyone. Other people's
-- name, avatar and bio are read through the public_profiles view. email (verified sign-in
-- identity), email_verified, phone_verified, status and last_login_at are not writable by the
-- request role: sign-up, verification and sign-in belong to the auth functions, and an
-- administrator changes status with admin_set_user_status(). The encrypted columns are writable
-- because V15's SECURITY INVOKER functions write them as the user.
GRANT SELECT ON users TO ${request_role};
GRANT UPDATE (name, first_name, last_name, phone_encrypted, date_of_birth_encrypted, gender, timezone, language,
              bio, avatar_url, website_url, linkedin_url, twitter_url)
  ON users TO ${request_role};

CREATE POLICY user_reads_self ON users FOR SELECT TO ${request_role}
  USING (id = (SELECT auth.uid()) OR (SELECT auth.is_admin()));
CREATE POLICY user_updates_self ON users FOR UPDATE TO ${request_role}
  USING (id = (SELECT auth.uid())) WITH CHECK (id = (SELECT auth.uid()));

-- admin_set_user_status() updates users as the owner.
CREATE POLICY owner_sets_user_status ON users FOR UPDATE TO CURRENT_USER USING (true) WITH CHECK (true);

CREATE FUNCTION public.admin_set_user_status(p_user_id UUID, p_status TEXT) RETURNS VOID
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
  IF NOT auth.is_admin() THEN
    RAISE EXCEPTION 'only an administrator may change a user''s status' USING ERRCODE = 'insufficient_privilege';
  END IF;
  UPDATE public.users SET status = p_status WHERE id = p_user_id;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'no user %', p_user_id USING ERRCODE = 'no_data_found';
  END IF;
END
$$;
GRANT EXECUTE ON FUNCTION public.admin_set_user_status(UUID, TEXT) TO ${request_role};

-- The narrow, readable path to other people (seed-review 16): name, avatar and bio of active users.
-- Owner-run, so it reads users past their row policy; security_barrier keeps a caller's functions
-- from seeing rows the WHERE clause drops.
CREATE VIEW public_profiles WITH (security_barrier) AS
  SELECT id, name, avatar_url, bio
  FROM users
  WHERE status = 'active';
GRANT SELECT ON public_profiles TO ${request_role};

GRANT SELECT, DELETE ON user_addresses TO ${request_role};
GRANT INSERT (id, user_id, type, encrypted_details, city, state_province, country, is_default),
      UPDATE (type, encrypted_details, city, state_province, country, is_default)
  ON user_addresses TO ${request_role};
CREATE POLICY user_reads_own_addresses ON user_addresses FOR SELECT TO ${request_role}
  USING (user_id = (SELECT auth.uid()) OR (SELECT auth.is_admin()));
CREATE POLICY user_adds_own_addresses ON user_addresses FOR INSERT TO ${request_role}
  WITH CHECK (user_id = (SELECT auth.uid()));
CREATE POLICY user_updates_own_addresses ON user_addresses FOR UPDATE TO ${request_role}
  USING (user_id = (SELECT auth.uid())) WITH CHECK (user_id = (SELECT auth.uid()));
CREATE POLICY user_deletes_own_addresses ON user_addresses FOR DELETE TO ${request_role}
  USING (user_id = (SELECT auth.uid()));

GRANT SELECT, DELETE ON user_preferences TO ${request_role};
GRANT INSERT (id, user_id, category, key, value), UPDATE (category, key, value)
  ON user_preferences TO ${request_role};
CREATE POLICY user_reads_own_preferences ON user_preferences FOR SELECT TO ${request_role}
  USING (user_id = (SELECT auth.uid()) OR (SELECT auth.is_admin()));
CREATE POLICY user_adds_own_preferences ON user_preferences FOR INSERT TO ${request_role}
  WITH CHECK (user_id = (SELECT auth.uid()));
CREATE POLICY user_updates_own_preferences ON user_preferences FOR UPDATE TO ${request_role}
  USING (user_id = (SELECT auth.uid())) WITH CHECK (user_id = (SELECT auth.uid()));
CREATE POLICY user_deletes_own_preferences ON user_preferences FOR DELETE TO ${request_role}
  USING (user_id = (SELECT auth.uid()));

-- roles: the three names auth.has_role() knows are defined by migrations, so nobody edits them;
-- any signed-in user may read them.
GRANT SELECT ON roles TO ${request_role};
CREATE POLICY signed_in_reads_roles ON roles FOR SELECT TO ${request_role}
  USING ((SELECT auth.uid()) IS NOT NULL);

-- user_roles: the one source of role truth (seed-review 17). A user reads their own; only an
-- administrator grants, changes or revokes, and signs the grant (assigned_by). The policies call
-- auth.is_admin(), whose SECURITY DEFINER has_role() reads user_roles as the owner through
-- owner_reads_all: these policies are TO ${request_role}, so they do not apply there and cannot recurse.
GRANT SELECT, DELETE ON user_roles TO ${request_role};
GRANT INSERT (id, user_id, role_id, assigned_by, expires_at), UPDATE (expires_at) ON user_roles TO ${request_role};
CREATE POLICY user_reads_own_roles ON user_roles FOR SELECT TO ${request_role}
  USING (user_id = (SELECT auth.uid()) OR (SELECT auth.is_admin()));
CREATE POLICY admin_grants_roles ON user_roles FOR INSERT TO ${request_role}
  WITH CHECK ((SELECT auth.is_admin()) AND assigned_by = (SELECT auth.uid()));
CREATE POLICY admin_changes_roles ON user_roles FOR UPDATE TO ${request_role}
  USING ((SELECT auth.is_admin())) WITH CHECK ((SELECT auth.is_admin()));
CREATE POLICY admin_revokes_roles ON user_roles FOR DELETE TO ${request_role}
  USING ((SELECT auth.is_admin()));

-- user_credentials and refresh_tokens: no privilege at all for the request role. Sign-in and token
-- refresh go through SECURITY DEFINER functions of the auth issue (which add their own owner policies).
REVOKE ALL ON user_credentials, refresh_tokens FROM ${request_role};

-- devices: a user registers, renames and revokes their own installations; a revoked device stays
-- revoked (its row is no longer updatable by the user). The server records last_applied_seq as the
-- user, in the transaction that applies the change.
GRANT SELECT, DELETE ON devices TO ${request_role};
GRANT INSERT (id, user_id, name, platform, app_version),
      UPDATE (name, platform, app_version, last_applied_seq, last_seen_at, revoked_at)
  ON devices TO ${request_role};
CREATE POLICY user_reads_own_devices ON devices FOR SELECT TO ${request_role}
  USING (user_id = (SELECT auth.uid()) OR (SELECT auth.is_admin()));
CREATE POLICY user_registers_own_devices ON devices FOR INSERT TO ${request_role}
  WITH CHECK (user_id = (SELECT auth.uid()));
CREATE POLICY user_updates_own_active_devices ON devices FOR UPDATE TO ${request_role}
  USING (user_id = (SELECT auth.uid()) AND revoked_at IS NULL) WITH CHECK (user_id = (SELECT auth.uid()));
CREATE POLICY user_deletes_own_devices ON devices FOR DELETE TO ${request_role}
  USING (user_id = (SELECT auth.uid()));

-- =================================================================================================
-- Catalog: categories, tags, courses, sections. Anyone, signed in or not, reads what is published.
-- =================================================================================================

GRANT SELECT, DELETE ON course_categories TO ${request_role};
GRANT INSERT (id, name, slug, description, parent_id, icon_url, color, sort_order, is_active),
      UPDATE (name, slug, description, parent_id, icon_url, color, sort_order, is_active)
  ON course_categories TO ${request_role};
CREATE POLICY anyone_reads_active_categories ON course_categories FOR SELECT TO ${request_role}
  USING (is_active OR (SELECT auth.is_admin()));
CREATE POLICY admin_adds_categories ON course_categories FOR INSERT TO ${request_role}
  WITH CHECK ((SELECT auth.is_admin()));
CREATE POLICY admin_updates_categories ON course_categories FOR UPDATE TO ${request_role}
  USING ((SELECT auth.is_admin())) WITH CHECK ((SELECT auth.is_admin()));
CREATE POLICY admin_deletes_categories ON course_categories FOR DELETE TO ${request_role}
  USING ((SELECT auth.is_admin()));

-- course_tags: a shared vocabulary, readable by anyone; instructors add tags while tagging their
-- courses, administrators curate them. usage_count is maintained by a trigger.
GRANT SELECT, DELETE ON course_tags TO ${request_role};
GRANT INSERT (id, name, slug), UPDATE (name, slug) ON course_tags TO ${request_role};
CREATE POLICY anyone_reads_tags ON course_tags FOR SELECT TO ${request_role} USING (true);
CREATE POLICY teacher_adds_tags ON course_tags FOR INSERT TO ${request_role}
  WITH CHECK ((SELECT auth.has_role('instructor')) OR (SELECT auth.is_admin()));
CREATE POLICY admin_updates_tags ON course_tags FOR UPDATE TO ${request_role}
  USING ((SELECT auth.is_admin())) WITH CHECK ((SELECT auth.is_admin()));
CREATE POLICY admin_deletes_tags ON course_tags FOR DELETE TO ${request_role}
  USING ((SELECT auth.is_admin()));

-- courses: anyone reads published courses; an instructor reads and edits their own (any status),
-- and deletes them while they are drafts; entitled learners keep reading archived courses;
-- administrators do everything. The statistics (enrollment_count, average_rating, review_count,
-- completion_rate) are maintained by triggers and search_document is generated: not writable.
GRANT SELECT, DELETE ON courses TO ${request_role};
GRANT INSERT (id, title, slug, short_description, description, instructor_id, category_id, price, original_price,
              currency, difficulty, language, duration_hours, status, is_featured, is_free, thumbnail_url,
              preview_video_url, meta_title, meta_description, learning_objectives, requirements, target_audience,
              published_at),
      UPDATE (title, slug, short_description, description, instructor_id, category_id, price, original_price,
              currency, difficulty, language, duration_hours, status, is_featured, is_free, thumbnail_url,
              preview_video_url, meta_title, meta_description, learning_objectives, requirements, target_audience,
              published_at)
  ON courses TO ${request_role};
CREATE POLICY anyone_reads_published_courses ON courses FOR SELECT TO ${request_role}
  USING (status = 'published'
         OR id = ANY ((SELECT auth.accessible_course_ids())::UUID[])
         OR (SELECT auth.is_admin()));
CREATE POLICY teacher_creates_courses ON courses FOR INSERT TO ${request_role}
  WITH CHECK ((instructor_id = (SELECT auth.uid()) AND (SELECT auth.has_role('instructor')))
              OR (SELECT auth.is_admin()));
CREATE POLICY teacher_updates_own_courses ON courses FOR UPDATE TO ${request_role}
  USING (id = ANY ((SELECT auth.taught_course_ids())::UUID[]) OR (SELECT auth.is_admin()))
  -- An instructor cannot hand their course to someone else; an administrator can.
  WITH CHECK ((instructor_id = (SELECT auth.uid()) AND (SELECT auth.has_role('instructor')))
              OR (SELECT auth.is_admin()));
CREATE POLICY teacher_deletes_own_drafts ON courses FOR DELETE TO ${request_role}
  USING ((id = ANY ((SELECT auth.taught_course_ids())::UUID[]) AND status = 'draft') OR (SELECT auth.is_admin()));

-- course_tag_mappings: visible with their course; written by the course's instructor or an administrator.
GRANT SELECT, INSERT, DELETE ON course_tag_mappings TO ${request_role};
CREATE POLICY anyone_reads_tags_of_visible_courses ON course_tag_mappings FOR SELECT TO ${request_role}
  USING (EXISTS (SELECT 1 FROM courses c WHERE c.id = course_id));
CREATE POLICY teacher_tags_own_courses ON course_tag_mappings FOR INSERT TO ${request_role}
  WITH CHECK (course_id = ANY ((SELECT auth.taught_course_ids())::UUID[]) OR (SELECT auth.is_admin()));
CREATE POLICY teacher_untags_own_courses ON course_tag_mappings FOR DELETE TO ${request_role}
  USING (course_id = ANY ((SELECT auth.taught_course_ids())::UUID[]) OR (SELECT auth.is_admin()));

-- course_sections: visible with their course (the outline is not paid content).
GRANT SELECT, DELETE ON course_sections TO ${request_role};
GRANT INSERT (id, course_id, title, description, order_index, is_preview),
      UPDATE (title, description, order_index, is_preview)
  ON course_sections TO ${request_role};
CREATE POLICY anyone_reads_sections_of_visible_courses ON course_sections FOR SELECT TO ${request_role}
  USING (EXISTS (SELECT 1 FROM courses c WHERE c.id = course_id));
CREATE POLICY teacher_adds_sections ON course_sections FOR INSERT TO ${request_role}
  WITH CHECK (course_id = ANY ((SELECT auth.taught_course_ids())::UUID[]) OR (SELECT auth.is_admin()));
CREATE POLICY teacher_updates_sections ON course_sections FOR UPDATE TO ${request_role}
  USING (course_id = ANY ((SELECT auth.taught_course_ids())::UUID[]) OR (SELECT auth.is_admin()))
  WITH CHECK (course_id = ANY ((SELECT auth.taught_course_ids())::UUID[]) OR (SELECT auth.is_admin()));
CREATE POLICY teacher_deletes_sections ON course_sections FOR DELETE TO ${request_role}
  USING (course_id = ANY ((SELECT auth.taught_course_ids())::UUID[]) OR (SELECT auth.is_admin()));

-- =================================================================================================
-- Paid content: lessons, resources, quizzes, questions, versions and media (seed-review 15).
-- Readable by entitled users (auth.accessible_course_ids()), administrators, and for preview
-- lessons (and their resources) by anyone.
-- =================================================================================================

GRANT SELECT, DELETE ON course_lessons TO ${request_role};
GRANT INSERT (id, course_id, section_id, title, slug, content, content_type, video_url, video_duration, video_quality,
              reading_time, order_index, is_preview, is_downloadable, attachments, external_links),
      UPDATE (section_id, title, slug, content, content_type, video_url, video_duration, video_quality,
              reading_time, order_index, is_preview, is_downloadable, attachments, external_links)
  ON course_lessons TO ${request_role};
CREATE POLICY entitled_reads_lessons ON course_lessons FOR SELECT TO ${request_role}
  USING (course_id = ANY ((SELECT auth.accessible_course_ids())::UUID[])
         OR (SELECT auth.is_admin())
         OR auth.is_preview_lesson(id));
CREATE POLICY teacher_adds_lessons ON course_lessons FOR INSERT TO ${request_role}
  WITH CHECK (course_id = ANY ((SELECT auth.taught_course_ids())::UUID[]) OR (SELECT auth.is_admin()));
CREATE POLICY teacher_updates_lessons ON course_lessons FOR UPDATE TO ${request_role}
  USING (course_id = ANY ((SELECT auth.taught_course_ids())::UUID[]) OR (SELECT auth.is_admin()))
  WITH CHECK (course_id = ANY ((SELECT auth.taught_course_ids())::UUID[]) OR (SELECT auth.is_admin()));
CREATE POLICY teacher_deletes_lessons ON course_lessons FOR DELETE TO ${request_role}
  USING (course_id = ANY ((SELECT auth.taught_course_ids())::UUID[]) OR (SELECT auth.is_admin()));

-- The outline of every published course for people who are not (yet) entitled: titles, order and
-- durations, never content, video URLs or attachments. Owner-run and security_barrier like
-- public_profiles.
CREATE VIEW course_outline_public WITH (security_barrier) AS
  SELECT c.id              AS course_id,
         s.id              AS section_id,
         s.title           AS section_title,
         s.order_index     AS section_order,
         l.id              AS lesson_id,
         l.title           AS lesson_title,
         l.slug            AS lesson_slug,
         l.order_index     AS lesson_order,
         l.content_type,
         l.video_duration,
         l.reading_time,
         (l.is_preview OR s.is_preview) AS is_preview
  FROM courses c
  JOIN course_sections s ON s.course_id = c.id
  LEFT JOIN course_lessons l ON l.section_id = s.id
  WHERE c.status = 'published';
GRANT SELECT ON course_outline_public TO ${request_role};

-- course_resources: download_count is maintained by the server.
GRANT SELECT, DELETE ON course_resources TO ${request_role};
GRANT INSERT (id, course_id, lesson_id, media_file_id, title, description, file_url, file_type, file_size,
              is_downloadable),
      UPDATE (lesson_id, media_file_id, title, description, file_url, file_type, file_size, is_downloadable)
  ON course_resources TO ${request_role};
CREATE POLICY entitled_reads_resources ON course_resources FOR SELECT TO ${request_role}
  USING (course_id = ANY ((SELECT auth.accessible_course_ids())::UUID[])
         OR (SELECT auth.is_admin())
         OR (lesson_id IS NOT NULL AND auth.is_preview_lesson(lesson_id)));
CREATE POLICY teacher_adds_resources ON course_resources FOR INSERT TO ${request_role}
  WITH CHECK (course_id = ANY ((SELECT auth.taught_course_ids())::UUID[]) OR (SELECT auth.is_admin()));
CREATE POLICY teacher_updates_resources ON course_resources FOR UPDATE TO ${request_role}
  USING (course_id = ANY ((SELECT auth.taught_course_ids())::UUID[]) OR (SELECT auth.is_admin()))
  WITH CHECK (course_id = ANY ((SELECT auth.taught_course_ids())::UUID[]) OR (SELECT auth.is_admin()));
CREATE POLICY teacher_deletes_resources ON course_resources FOR DELETE TO ${request_role}
  USING (course_id = ANY ((SELECT auth.taught_course_ids())::UUID[]) OR (SELECT auth.is_admin()));

-- course_quizzes: entitled learners see active quizzes; the instructor and administrators see all.
GRANT SELECT, DELETE ON course_quizzes TO ${request_role};
GRANT INSERT (id, course_id, lesson_id, title, description, instructions, quiz_mode, time_limit, attempts_allowed,
              passing_score, randomize_questions, show_correct_answers, is_required, is_active),
      UPDATE (lesson_id, title, description, instructions, quiz_mode, time_limit, attempts_allowed,
              passing_score, randomize_questions, show_correct_answers, is_required, is_active)
  ON course_quizzes TO ${request_role};
CREATE POLICY entitled_reads_active_quizzes ON course_quizzes FOR SELECT TO ${request_role}
  USING ((is_active AND course_id = ANY ((SELECT auth.accessible_course_ids())::UUID[]))
         OR course_id = ANY ((SELECT auth.taught_course_ids())::UUID[])
         OR (SELECT auth.is_admin()));
CREATE POLICY teacher_adds_quizzes ON course_quizzes FOR INSERT TO ${request_role}
  WITH CHECK (course_id = ANY ((SELECT auth.taught_course_ids())::UUID[]) OR (SELECT auth.is_admin()));
CREATE POLICY teacher_updates_quizzes ON course_quizzes FOR UPDATE TO ${request_role}
  USING (course_id = ANY ((SELECT auth.taught_course_ids())::UUID[]) OR (SELECT auth.is_admin()))
  WITH CHECK (course_id = ANY ((SELECT auth.taught_course_ids())::UUID[]) OR (SELECT auth.is_admin()));
CREATE POLICY teacher_deletes_quizzes ON course_quizzes FOR DELETE TO ${request_role}
  USING (course_id = ANY ((SELECT auth.taught_course_ids())::UUID[]) OR (SELECT auth.is_admin()));

-- quiz_questions: visible exactly when their quiz is. correct_answer, and explanation (which usually
-- gives the answer away), are left out of the request role's SELECT: nobody reads them with a query,
-- not even with SELECT *, RETURNING or a whole-row reference. The instructor writes them, and reads
-- them back through quiz_answer_key(); practice quizzes hand them to entitled learners through
-- practice_quiz_answers() (ARCHITECTURE.md, sync principle 8).
GRANT SELECT (id, quiz_id, question_text, question_type, points, order_index, options, created_at, updated_at),
      INSERT (id, quiz_id, question_text, question_type, explanation, points, order_index, options, correct_answer),
      UPDATE (question_text, question_type, explanation, points, order_index, options, correct_answer),
      DELETE
  ON quiz_questions TO ${request_role};
CREATE POLICY entitled_reads_questions ON quiz_questions FOR SELECT TO ${request_role}
  USING (EXISTS (SELECT 1 FROM course_quizzes q WHERE q.id = quiz_id));
CREATE POLICY teacher_adds_questions ON quiz_questions FOR INSERT TO ${request_role}
  WITH CHECK (EXISTS (SELECT 1 FROM course_quizzes q
                      WHERE q.id = quiz_id
                        AND (q.course_id = ANY ((SELECT auth.taught_course_ids())::UUID[]) OR (SELECT auth.is_admin()))));
CREATE POLICY teacher_updates_questions ON quiz_questions FOR UPDATE TO ${request_role}
  USING (EXISTS (SELECT 1 FROM course_quizzes q
                 WHERE q.id = quiz_id
                   AND (q.course_id = ANY ((SELECT auth.taught_course_ids())::UUID[]) OR (SELECT auth.is_admin()))))
  WITH CHECK (EXISTS (SELECT 1 FROM course_quizzes q
                      WHERE q.id = quiz_id
                        AND (q.course_id = ANY ((SELECT auth.taught_course_ids())::UUID[]) OR (SELECT auth.is_admin()))));
CREATE POLICY teacher_deletes_questions ON quiz_questions FOR DELETE TO ${request_role}
  USING (EXISTS (SELECT 1 FROM course_quizzes q
                 WHERE q.id = quiz_id
                   AND (q.course_id = ANY ((SELECT auth.taught_course_ids())::UUID[]) OR (SELECT auth.is_admin()))));

-- The answer key of a quiz, for its course's instructor and administrators only.
CREATE FUNCTION public.quiz_answer_key(p_quiz_id UUID)
  RETURNS TABLE (question_id UUID, correct_answer JSONB, explanation TEXT)
  LANGUAGE plpgsql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM public.course_quizzes q
                 WHERE q.id = p_quiz_id
                   AND (auth.is_admin() OR q.course_id = ANY (auth.taught_course_ids()))) THEN
    RAISE EXCEPTION 'only the course''s instructor or an administrator may read this answer key'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN QUERY
    SELECT qq.id, qq.correct_answer, qq.explanation
    FROM public.quiz_questions qq
    WHERE qq.quiz_id = p_quiz_id
    ORDER BY qq.order_index;
END
$$;

-- The answers of a practice quiz, for anyone entitled to its course: clients grade practice quizzes
-- locally. A graded quiz's answers never leave the server.
CREATE FUNCTION public.practice_quiz_answers(p_quiz_id UUID)
  RETURNS TABLE (question_id UUID, correct_answer JSONB, explanation TEXT)
  LANGUAGE plpgsql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM public.course_quizzes q
                 WHERE q.id = p_quiz_id
                   AND q.quiz_mode = 'practice'
                   AND (auth.is_admin()
                        OR q.course_id = ANY (auth.taught_course_ids())
                        OR (q.is_active AND q.course_id = ANY (auth.accessible_course_ids())))) THEN
    RAISE EXCEPTION 'not a practice quiz of a course open to the current user'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN QUERY
    SELECT qq.id, qq.correct_answer, qq.explanation
    FROM public.quiz_questions qq
    WHERE qq.quiz_id = p_quiz_id
    ORDER BY qq.order_index;
END
$$;
GRANT EXECUTE ON FUNCTION public.quiz_answer_key(UUID), public.practice_quiz_answers(UUID) TO ${request_role};

-- content_versions: snapshots of content, answer keys included: the course's instructor and
-- administrators only. History is not edited; only an administrator removes it.
GRANT SELECT, DELETE ON content_versions TO ${request_role};
GRANT INSERT (id, content_id, content_type, version_number, content_data, change_summary, created_by)
  ON content_versions TO ${request_role};
CREATE POLICY teacher_reads_versions ON content_versions FOR SELECT TO ${request_role}
  USING ((SELECT auth.is_admin()) OR auth.can_manage_content(content_type, content_id));
CREATE POLICY teacher_records_versions ON content_versions FOR INSERT TO ${request_role}
  WITH CHECK (created_by = (SELECT auth.uid()) AND auth.can_manage_content(content_type, content_id));
CREATE POLICY admin_deletes_versions ON content_versions FOR DELETE TO ${request_role}
  USING ((SELECT auth.is_admin()));

-- media_files: public files for anyone; course_only files for those entitled to the course; private
-- files for their uploader. A user uploads as themselves, into a course only if they teach it.
-- Processing results and download_count are the server's.
GRANT SELECT, DELETE ON media_files TO ${request_role};
GRANT INSERT (id, user_id, course_id, filename, original_filename, file_path, file_size, mime_type, file_hash,
              width, height, duration, visibility),
      UPDATE (course_id, filename, visibility)
  ON media_files TO ${request_role};
CREATE POLICY anyone_reads_visible_media ON media_files FOR SELECT TO ${request_role}
  USING (visibility = 'public'
         OR user_id = (SELECT auth.uid())
         OR (visibility = 'course_only' AND course_id = ANY ((SELECT auth.accessible_course_ids())::UUID[]))
         OR (SELECT auth.is_admin()));
CREATE POLICY user_uploads_media ON media_files FOR INSERT TO ${request_role}
  WITH CHECK (user_id = (SELECT auth.uid())
              AND (course_id IS NULL OR course_id = ANY ((SELECT auth.taught_course_ids())::UUID[])));
CREATE POLICY uploader_updates_media ON media_files FOR UPDATE TO ${request_role}
  USING (user_id = (SELECT auth.uid()) OR (SELECT auth.is_admin()))
  WITH CHECK ((user_id = (SELECT auth.uid())
               AND (course_id IS NULL OR course_id = ANY ((SELECT auth.taught_course_ids())::UUID[])))
              OR (SELECT auth.is_admin()));
CREATE POLICY uploader_deletes_media ON media_files FOR DELETE TO ${request_role}
  USING (user_id = (SELECT auth.uid()) OR (SELECT auth.is_admin()));

-- =================================================================================================
-- Learning records. A learner owns theirs; the course's instructor reads them; administrators read
-- all. Counters, grades and completion are maintained by triggers and the server, not by learners.
-- =================================================================================================

-- enrollments: a learner enrolls themselves where auth.can_enroll() allows (published and free,
-- bought, or subscribed), and changes only the status: drops out, or comes back while still allowed.
-- progress, completed_at and last_accessed_at are maintained by triggers.
GRANT SELECT ON enrollments TO ${request_role};
GRANT INSERT (id, user_id, course_id), UPDATE (status) ON enrollments TO ${request_role};
CREATE POLICY learner_reads_own_enrollments ON enrollments FOR SELECT TO ${request_role}
  USING (user_id = (SELECT auth.uid()) OR course_id = ANY ((SELECT auth.overseen_course_ids())::UUID[]));
CREATE POLICY learner_enrolls_self ON enrollments FOR INSERT TO ${request_role}
  WITH CHECK (user_id = (SELECT auth.uid()) AND status = 'active' AND auth.can_enroll(course_id));
CREATE POLICY learner_drops_or_resumes ON enrollments FOR UPDATE TO ${request_role}
  USING (user_id = (SELECT auth.uid()))
  WITH CHECK (user_id = (SELECT auth.uid())
              AND (status = 'dropped' OR (status = 'active' AND auth.can_enroll(course_id))));

-- lesson_progress: written by the learner for lessons open to them (entitled course or preview).
-- notes_count and bookmarks_count are maintained by triggers. No deletes: progress only moves forward.
GRANT SELECT ON lesson_progress TO ${request_role};
GRANT INSERT (id, user_id, lesson_id, course_id, status, progress_percentage, total_time_spent, last_position,
              started_at, completed_at, last_accessed_at, interaction_count),
      UPDATE (status, progress_percentage, total_time_spent, last_position, started_at, completed_at,
              last_accessed_at, interaction_count)
  ON lesson_progress TO ${request_role};
CREATE POLICY learner_reads_own_progress ON lesson_progress FOR SELECT TO ${request_role}
  USING (user_id = (SELECT auth.uid()) OR course_id = ANY ((SELECT auth.overseen_course_ids())::UUID[]));
CREATE POLICY learner_records_progress ON lesson_progress FOR INSERT TO ${request_role}
  WITH CHECK (user_id = (SELECT auth.uid())
              AND (course_id = ANY ((SELECT auth.accessible_course_ids())::UUID[]) OR auth.is_preview_lesson(lesson_id)));
CREATE POLICY learner_updates_progress ON lesson_progress FOR UPDATE TO ${request_role}
  USING (user_id = (SELECT auth.uid()))
  WITH CHECK (user_id = (SELECT auth.uid())
              AND (course_id = ANY ((SELECT auth.accessible_course_ids())::UUID[]) OR auth.is_preview_lesson(lesson_id)));

-- quiz_attempts: a learner starts and submits their own attempts at open quizzes, within the
-- allowed number; score, max_score, percentage and passed are the server's grading, and so is
-- status 'graded'. A submitted attempt is no longer editable by the learner.
GRANT SELECT ON quiz_attempts TO ${request_role};
GRANT INSERT (id, quiz_id, user_id, attempt_number, status, started_at, completed_at, time_taken, responses),
      UPDATE (status, completed_at, time_taken, responses)
  ON quiz_attempts TO ${request_role};
CREATE POLICY learner_reads_own_attempts ON quiz_attempts FOR SELECT TO ${request_role}
  USING (user_id = (SELECT auth.uid()) OR quiz_id = ANY ((SELECT auth.overseen_quiz_ids())::UUID[]));
CREATE POLICY learner_starts_attempts ON quiz_attempts FOR INSERT TO ${request_role}
  WITH CHECK (user_id = (SELECT auth.uid())
              AND status IN ('in_progress', 'submitted')
              AND auth.can_attempt_quiz(quiz_id, attempt_number));
CREATE POLICY learner_submits_attempts ON quiz_attempts FOR UPDATE TO ${request_role}
  USING (user_id = (SELECT auth.uid()) AND status = 'in_progress')
  WITH CHECK (user_id = (SELECT auth.uid()) AND status IN ('in_progress', 'submitted'));

-- course_completions: recorded by the server; the learner reviews their own completion.
GRANT SELECT ON course_completions TO ${request_role};
GRANT UPDATE (rating, review, would_recommend) ON course_completions TO ${request_role};
CREATE POLICY learner_reads_own_completions ON course_completions FOR SELECT TO ${request_role}
  USING (user_id = (SELECT auth.uid()) OR course_id = ANY ((SELECT auth.overseen_course_ids())::UUID[]));
CREATE POLICY learner_reviews_own_completion ON course_completions FOR UPDATE TO ${request_role}
  USING (user_id = (SELECT auth.uid())) WITH CHECK (user_id = (SELECT auth.uid()));

-- user_achievements: awarded by the server; read by their holder and administrators.
GRANT SELECT ON user_achievements TO ${request_role};
CREATE POLICY learner_reads_own_achievements ON user_achievements FOR SELECT TO ${request_role}
  USING (user_id = (SELECT auth.uid()) OR (SELECT auth.is_admin()));

-- user_notes and user_bookmarks: private to the learner (instructors do not read them), written
-- only on lessons open to the learner.
GRANT SELECT, DELETE ON user_notes TO ${request_role};
GRANT INSERT (id, user_id, lesson_id, course_id, content, timestamp_in_video, is_private),
      UPDATE (content, timestamp_in_video, is_private)
  ON user_notes TO ${request_role};
CREATE POLICY learner_reads_own_notes ON user_notes FOR SELECT TO ${request_role}
  USING (user_id = (SELECT auth.uid()) OR (SELECT auth.is_admin()));
CREATE POLICY learner_writes_notes ON user_notes FOR INSERT TO ${request_role}
  WITH CHECK (user_id = (SELECT auth.uid())
              AND (course_id = ANY ((SELECT auth.accessible_course_ids())::UUID[]) OR auth.is_preview_lesson(lesson_id)));
CREATE POLICY learner_edits_notes ON user_notes FOR UPDATE TO ${request_role}
  USING (user_id = (SELECT auth.uid()))
  WITH CHECK (user_id = (SELECT auth.uid())
              AND (course_id = ANY ((SELECT auth.accessible_course_ids())::UUID[]) OR auth.is_preview_lesson(lesson_id)));
CREATE POLICY learner_deletes_notes ON user_notes FOR DELETE TO ${request_role}
  USING (user_id = (SELECT auth.uid()));

GRANT SELECT, DELETE ON user_bookmarks TO ${request_role};
GRANT INSERT (id, user_id, lesson_id, course_id, title, timestamp_in_video, notes),
      UPDATE (title, timestamp_in_video, notes)
  ON user_bookmarks TO ${request_role};
CREATE POLICY learner_reads_own_bookmarks ON user_bookmarks FOR SELECT TO ${request_role}
  USING (user_id = (SELECT auth.uid()) OR (SELECT auth.is_admin()));
CREATE POLICY learner_writes_bookmarks ON user_bookmarks FOR INSERT TO ${request_role}
  WITH CHECK (user_id = (SELECT auth.uid())
              AND (course_id = ANY ((SELECT auth.accessible_course_ids())::UUID[]) OR auth.is_preview_lesson(lesson_id)));
CREATE POLICY learner_edits_bookmarks ON user_bookmarks FOR UPDATE TO ${request_role}
  USING (user_id = (SELECT auth.uid()))
  WITH CHECK (user_id = (SELECT auth.uid())
              AND (course_id = ANY ((SELECT auth.accessible_course_ids())::UUID[]) OR auth.is_preview_lesson(lesson_id)));
CREATE POLICY learner_deletes_bookmarks ON user_bookmarks FOR DELETE TO ${request_role}
  USING (user_id = (SELECT auth.uid()));

-- learning_events: append-only; a learner writes and reads their own, administrators read all.
-- Granted on the partitioned parent only: partitions are reached through it.
GRANT SELECT ON learning_events TO ${request_role};
GRANT INSERT (id, user_id, course_id, lesson_id, device_id, event_type, occurred_at, position_seconds,
              duration_seconds, payload)
  ON learning_events TO ${request_role};
CREATE POLICY learner_reads_own_events ON learning_events FOR SELECT TO ${request_role}
  USING (user_id = (SELECT auth.uid()) OR (SELECT auth.is_admin()));
CREATE POLICY learner_logs_own_events ON learning_events FOR INSERT TO ${request_role}
  WITH CHECK (user_id = (SELECT auth.uid()));

-- sync_changes: written by the change-feed trigger. A user pulls their own private changes and the
-- catalog changes (user_id IS NULL) of courses they can see; a course's own tombstone reaches
-- every signed-in user, since the course is gone and cannot be checked any more.
GRANT SELECT ON sync_changes TO ${request_role};
CREATE POLICY user_pulls_visible_changes ON sync_changes FOR SELECT TO ${request_role}
  USING (user_id = (SELECT auth.uid())
         OR (user_id IS NULL AND (SELECT auth.uid()) IS NOT NULL
             AND (course_id IS NULL
                  OR (entity = 'courses' AND operation = 'D')
                  OR EXISTS (SELECT 1 FROM courses c WHERE c.id = course_id)))
         OR (SELECT auth.is_admin()));

-- =================================================================================================
-- Commerce: plans are public while active; subscriptions, purchases and payments are read by their
-- owner and written only by administrators (and the server's payment functions, later).
-- =================================================================================================

GRANT SELECT, DELETE ON subscription_plans TO ${request_role};
GRANT INSERT (id, name, description, price, currency, billing_interval, trial_days, features, course_limit,
              is_active, is_featured, stripe_price_id),
      UPDATE (name, description, price, currency, billing_interval, trial_days, features, course_limit,
              is_active, is_featured, stripe_price_id)
  ON subscription_plans TO ${request_role};
CREATE POLICY anyone_reads_active_plans ON subscription_plans FOR SELECT TO ${request_role}
  USING (is_active OR (SELECT auth.is_admin()));
CREATE POLICY admin_adds_plans ON subscription_plans FOR INSERT TO ${request_role}
  WITH CHECK ((SELECT auth.is_admin()));
CREATE POLICY admin_updates_plans ON subscription_plans FOR UPDATE TO ${request_role}
  USING ((SELECT auth.is_admin())) WITH CHECK ((SELECT auth.is_admin()));
CREATE POLICY admin_deletes_plans ON subscription_plans FOR DELETE TO ${request_role}
  USING ((SELECT auth.is_admin()));

GRANT SELECT ON subscriptions TO ${request_role};
GRANT INSERT (id, user_id, plan_id, status, current_period_start, current_period_end, cancel_at_period_end,
              canceled_at, trial_start, trial_end, stripe_subscription_id, stripe_customer_id),
      UPDATE (plan_id, status, current_period_start, current_period_end, cancel_at_period_end, canceled_at,
              trial_start, trial_end, stripe_subscription_id, stripe_customer_id)
  ON subscriptions TO ${request_role};
CREATE POLICY subscriber_reads_own_subscriptions ON subscriptions FOR SELECT TO ${request_role}
  USING (user_id = (SELECT auth.uid()) OR (SELECT auth.is_admin()));
CREATE POLICY admin_adds_subscriptions ON subscriptions FOR INSERT TO ${request_role}
  WITH CHECK ((SELECT auth.is_admin()));
CREATE POLICY admin_updates_subscriptions ON subscriptions FOR UPDATE TO ${request_role}
  USING ((SELECT auth.is_admin())) WITH CHECK ((SELECT auth.is_admin()));

GRANT SELECT ON course_purchases TO ${request_role};
GRANT INSERT (id, user_id, course_id, amount, currency, purchase_type, status, payment_method, transaction_id,
              stripe_payment_intent_id, stripe_invoice_id, purchased_at, expires_at),
      UPDATE (status, payment_method, transaction_id, stripe_payment_intent_id, stripe_invoice_id, expires_at)
  ON course_purchases TO ${request_role};
CREATE POLICY buyer_reads_own_purchases ON course_purchases FOR SELECT TO ${request_role}
  USING (user_id = (SELECT auth.uid()) OR (SELECT auth.is_admin()));
-- A buyer's own purchases of every status. V6's only index led by user_id is partial (pending and
-- completed), so "my purchases" (refunds and failures included) would otherwise scan the table.
CREATE INDEX idx_course_purchases_user ON course_purchases (user_id, purchased_at DESC);
CREATE POLICY admin_adds_purchases ON course_purchases FOR INSERT TO ${request_role}
  WITH CHECK ((SELECT auth.is_admin()));
CREATE POLICY admin_updates_purchases ON course_purchases FOR UPDATE TO ${request_role}
  USING ((SELECT auth.is_admin())) WITH CHECK ((SELECT auth.is_admin()));

-- payment_transactions: an append-only ledger; an administrator records and settles, never deletes.
GRANT SELECT ON payment_transactions TO ${request_role};
GRANT INSERT (id, user_id, subscription_id, course_purchase_id, amount, currency, transaction_type, status,
              payment_method, payment_provider, external_transaction_id, external_invoice_id, metadata),
      UPDATE (status, external_transaction_id, external_invoice_id, metadata)
  ON payment_transactions TO ${request_role};
CREATE POLICY payer_reads_own_transactions ON payment_transactions FOR SELECT TO ${request_role}
  USING (user_id = (SELECT auth.uid()) OR (SELECT auth.is_admin()));
CREATE POLICY admin_records_transactions ON payment_transactions FOR INSERT TO ${request_role}
  WITH CHECK ((SELECT auth.is_admin()));
CREATE POLICY admin_settles_transactions ON payment_transactions FOR UPDATE TO ${request_role}
  USING ((SELECT auth.is_admin())) WITH CHECK ((SELECT auth.is_admin()));
