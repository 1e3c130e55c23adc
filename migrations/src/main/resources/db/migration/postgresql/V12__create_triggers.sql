-- Triggers (seed: Triggers for Data Consistency): columns derived from other rows, defaults that
-- depend on other columns, rules a CHECK cannot express, and the change feed clients pull from.
-- Each seed trigger, what was wrong with it and what replaces it: docs/schema-notes/triggers-and-constraints.md.
--
-- Row-level security is FORCED on every table (V11), so the owner is subject to policies too.
-- Functions that write rows the caller may not write (a learner cannot update courses.enrollment_count)
-- are SECURITY DEFINER and run as the owner; each such write has a narrow owner policy below. Their
-- search_path is fixed so that nobody can slip a look-alike table in front of the real ones
-- (seed-review 18). Helper functions are not executable by PUBLIC.
--
-- Trigger names matter where several fire on the same event: PostgreSQL fires them in name order, and
-- touch_updated_at must run after the BEFORE triggers that fill columns in (their names sort before it).

-- ---------------------------------------------------------------------------------------------------
-- A foreign key of V5 whose ON DELETE contradicts its table's unique key
-- ---------------------------------------------------------------------------------------------------

-- user_achievements.course_id was ON DELETE SET NULL next to UNIQUE NULLS NOT DISTINCT (user_id,
-- achievement_code, course_id): a learner who earned 'course_finished' in two courses could not have
-- both courses deleted, because the second SET NULL collides with the first. V5 says "the achievement
-- stays when the course goes": it is history, like learning_events, so it keeps the id of the course it
-- was earned in, without a key to it.
ALTER TABLE user_achievements DROP CONSTRAINT user_achievements_course_id_fkey;

-- ---------------------------------------------------------------------------------------------------
-- Owner write policies: what the SECURITY DEFINER functions below write. The owner reads every table
-- through V11's owner_reads_all. Policies may exist before row-level security is enabled.
-- ---------------------------------------------------------------------------------------------------

-- enrollment_count, review_count, rating_total, average_rating.
CREATE POLICY owner_maintains_course_counters ON courses FOR UPDATE TO CURRENT_USER USING (true) WITH CHECK (true);
-- usage_count.
CREATE POLICY owner_maintains_tag_usage ON course_tags FOR UPDATE TO CURRENT_USER USING (true) WITH CHECK (true);
-- progress, status, completed_at and last_accessed_at, rolled up from lesson_progress (and the row lock
-- the roll-up takes first, which needs an UPDATE policy too).
CREATE POLICY owner_maintains_enrollment_progress ON enrollments FOR UPDATE TO CURRENT_USER USING (true) WITH CHECK (true);
-- The completion created when an enrollment reaches 100%.
CREATE POLICY owner_creates_course_completions ON course_completions FOR INSERT TO CURRENT_USER WITH CHECK (true);
-- The change feed.
CREATE POLICY owner_appends_sync_changes ON sync_changes FOR INSERT TO CURRENT_USER WITH CHECK (true);

-- ---------------------------------------------------------------------------------------------------
-- updated_at
-- ---------------------------------------------------------------------------------------------------

-- Moves updated_at to now() when the row really changed. An update that writes the same values again
-- (a retried sync upload) keeps it, so re-applying a row changes nothing. The trigger's arguments name
-- columns that are not edits: generated columns (still NULL in NEW before the row is stored) and
-- statistics that other triggers keep (a course is not "updated" because somebody enrolled).
CREATE FUNCTION touch_updated_at() RETURNS TRIGGER
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  v_ignored TEXT[] := coalesce(TG_ARGV, '{}'::TEXT[]) || 'updated_at'::TEXT;
BEGIN
  IF (to_jsonb(NEW) - v_ignored) IS DISTINCT FROM (to_jsonb(OLD) - v_ignored) THEN
    NEW.updated_at := now();
  ELSE
    NEW.updated_at := OLD.updated_at;
  END IF;
  RETURN NEW;
END
$$;

-- ---------------------------------------------------------------------------------------------------
-- lesson_progress: columns that follow from the others
-- ---------------------------------------------------------------------------------------------------

-- Clients may omit course_id (it is the lesson's course; the foreign key checks a given one). A row that
-- arrives completed gets its completion time (completed_progress_has_date requires one) and 100%; a row
-- that left not_started gets a start time, no later than its completion. Times already recorded are kept
-- when an update leaves them out.
CREATE FUNCTION fill_in_lesson_progress() RETURNS TRIGGER
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
  IF NEW.course_id IS NULL THEN
    SELECT l.course_id INTO NEW.course_id FROM course_lessons l WHERE l.id = NEW.lesson_id;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'lesson % does not exist', NEW.lesson_id
        USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'lesson_progress_lesson_fkey',
              SCHEMA = TG_TABLE_SCHEMA, TABLE = TG_TABLE_NAME;
    END IF;
  END IF;

  IF NEW.status = 'completed' THEN
    NEW.completed_at := coalesce(NEW.completed_at, CASE WHEN TG_OP = 'UPDATE' THEN OLD.completed_at END, now());
    NEW.progress_percentage := 100;
  END IF;

  IF NEW.status <> 'not_started' THEN
    NEW.started_at := coalesce(NEW.started_at, CASE WHEN TG_OP = 'UPDATE' THEN OLD.started_at END,
                               least(NEW.completed_at, now()));
  END IF;
  RETURN NEW;
END
$$;

-- ---------------------------------------------------------------------------------------------------
-- Counters kept incrementally: enrollment_count, usage_count, review_count and average_rating
-- ---------------------------------------------------------------------------------------------------

-- The seed recounted all enrollments of a course on every write (seed-review 11): the cost grows with the
-- course, and under READ COMMITTED two concurrent enrollments each count without the other and store the
-- same total. An increment is applied to the latest committed value under the row lock, so it is right
-- under concurrency, and costs the same for every course.
--
-- A counter moves when a row enters or leaves what it counts: insert, delete, or an update that changes
-- the counted key (course or tag) or whether the row counts at all. Two rows are locked in id order, so
-- two opposite moves cannot deadlock.

-- enrollment_count counts the enrollments that are not 'dropped': active, completed and expired
-- learners took the course; a learner who dropped out left it, and counts again on re-joining.
CREATE FUNCTION count_enrollment() RETURNS TRIGGER
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  v_old_course UUID := CASE WHEN TG_OP <> 'INSERT' AND OLD.status <> 'dropped' THEN OLD.course_id END;
  v_new_course UUID := CASE WHEN TG_OP <> 'DELETE' AND NEW.status <> 'dropped' THEN NEW.course_id END;
  v_move RECORD;
BEGIN
  IF v_old_course IS NOT DISTINCT FROM v_new_course THEN
    RETURN NULL;
  END IF;
  FOR v_move IN
    SELECT m.course_id, m.delta
    FROM (VALUES (v_old_course, -1), (v_new_course, 1)) AS m (course_id, delta)
    WHERE m.course_id IS NOT NULL
    ORDER BY m.course_id
  LOOP
    UPDATE courses SET enrollment_count = enrollment_count + v_move.delta WHERE id = v_move.course_id;
  END LOOP;
  RETURN NULL;
END
$$;

-- usage_count: the number of courses carrying the tag.
CREATE FUNCTION count_tag_usage() RETURNS TRIGGER
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  v_old_tag UUID := CASE WHEN TG_OP <> 'INSERT' THEN OLD.tag_id END;
  v_new_tag UUID := CASE WHEN TG_OP <> 'DELETE' THEN NEW.tag_id END;
  v_move RECORD;
BEGIN
  IF v_old_tag IS NOT DISTINCT FROM v_new_tag THEN
    RETURN NULL;
  END IF;
  FOR v_move IN
    SELECT m.tag_id, m.delta
    FROM (VALUES (v_old_tag, -1), (v_new_tag, 1)) AS m (tag_id, delta)
    WHERE m.tag_id IS NOT NULL
    ORDER BY m.tag_id
  LOOP
    UPDATE course_tags SET usage_count = usage_count + v_move.delta WHERE id = v_move.tag_id;
  END LOOP;
  RETURN NULL;
END
$$;

-- A course's rating comes from its completions' ratings: review_count counts the rated completions,
-- rating_total sums their ratings, and average_rating is rating_total / review_count rounded to two
-- places (0 without ratings). Keeping the exact total avoids the drift of updating a rounded average.
ALTER TABLE courses
  ADD COLUMN rating_total INTEGER NOT NULL DEFAULT 0,
  -- Every rating is 1..5, so the total lies between 1x and 5x the number of reviews.
  ADD CONSTRAINT valid_rating_total CHECK (rating_total BETWEEN review_count AND 5 * review_count);
-- A new column is not covered by column grants made before it existed.
GRANT SELECT (rating_total) ON courses TO ${request_role};

CREATE FUNCTION count_course_rating() RETURNS TRIGGER
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  v_old_course UUID := CASE WHEN TG_OP <> 'INSERT' AND OLD.rating IS NOT NULL THEN OLD.course_id END;
  v_new_course UUID := CASE WHEN TG_OP <> 'DELETE' AND NEW.rating IS NOT NULL THEN NEW.course_id END;
  v_old_rating INTEGER := CASE WHEN TG_OP <> 'INSERT' THEN OLD.rating END;
  v_new_rating INTEGER := CASE WHEN TG_OP <> 'DELETE' THEN NEW.rating END;
  v_move RECORD;
BEGIN
  FOR v_move IN
    SELECT m.course_id, sum(m.reviews) AS reviews, sum(m.total) AS total
    FROM (VALUES (v_old_course, -1, -v_old_rating), (v_new_course, 1, v_new_rating)) AS m (course_id, reviews, total)
    WHERE m.course_id IS NOT NULL
    GROUP BY m.course_id
    HAVING sum(m.reviews) <> 0 OR sum(m.total) <> 0
    ORDER BY m.course_id
  LOOP
    -- Every right-hand side reads the values before this update.
    UPDATE courses
    SET review_count = review_count + v_move.reviews,
        rating_total = rating_total + v_move.total,
        average_rating = CASE WHEN review_count + v_move.reviews = 0 THEN 0
                              ELSE round((rating_total + v_move.total)::NUMERIC / (review_count + v_move.reviews), 2) END
    WHERE id = v_move.course_id;
  END LOOP;
  RETURN NULL;
END
$$;

-- ---------------------------------------------------------------------------------------------------
-- Progress roll-up: lesson_progress -> enrollments.progress -> course_completions
-- ---------------------------------------------------------------------------------------------------

-- Completed lessons out of the course's lessons, in percent. 100 means every lesson is completed and
-- nothing else: a course of 20,001 lessons with one left shows 99.99, not a rounded 100. A course
-- without lessons is at 0.
CREATE FUNCTION enrollment_progress(p_completed BIGINT, p_lessons BIGINT) RETURNS NUMERIC(5,2)
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp
AS $$
  SELECT CASE
           WHEN p_lessons <= 0 THEN 0
           WHEN p_completed >= p_lessons THEN 100
           ELSE least(round(100.0 * p_completed / p_lessons, 2), 99.99)
         END::NUMERIC(5,2)
$$;

-- Recomputes the progress of the given enrollments from their lesson progress, moves last_accessed_at
-- forward to p_accessed_at (never back), and completes those that reached 100%: status 'completed',
-- completed_at, and exactly one course_completions row. Idempotent: an enrollment that is already
-- right is not written, and a completed enrollment creates nothing again. A completed enrollment stays
-- completed when its course later gains lessons; its progress then shows what is left.
--
-- The enrollments are locked first, in id order. Under READ COMMITTED each later statement sees every
-- roll-up that committed while this one waited, so two devices completing the last two lessons at once
-- still complete the course.
CREATE FUNCTION refresh_enrollment_progress(p_enrollment_ids UUID[], p_accessed_at TIMESTAMPTZ) RETURNS VOID
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
  IF coalesce(cardinality(p_enrollment_ids), 0) = 0 THEN
    RETURN;
  END IF;

  PERFORM 1 FROM enrollments WHERE id = ANY (p_enrollment_ids) ORDER BY id FOR UPDATE;

  WITH computed AS (
    SELECT e.id, e.user_id, e.course_id, e.status,
           enrollment_progress(done.completed, lessons.total) AS progress,
           lessons.total > 0 AND done.completed >= lessons.total AS all_done,
           -- When the learner finished, as the (offline) client recorded it; never in the future.
           least(done.last_completed_at, now()) AS finished_at,
           done.time_spent
    FROM enrollments e
    -- A course being deleted by the current statement is no longer visible here: its enrollments are
    -- going too, and a completion for it would fail its foreign key. (Today the cascades happen to remove
    -- enrollments before lessons; the order of cascades is not something to rely on.)
    JOIN courses c ON c.id = e.course_id
    CROSS JOIN LATERAL (SELECT count(*) AS total FROM course_lessons l WHERE l.course_id = e.course_id) AS lessons
    CROSS JOIN LATERAL (
      SELECT count(*) FILTER (WHERE lp.status = 'completed') AS completed,
             max(lp.completed_at) FILTER (WHERE lp.status = 'completed') AS last_completed_at,
             coalesce(sum(lp.total_time_spent), 0) AS time_spent
      FROM lesson_progress lp
      WHERE lp.user_id = e.user_id AND lp.course_id = e.course_id
    ) AS done
    WHERE e.id = ANY (p_enrollment_ids)
  ), changed AS (
    UPDATE enrollments e
    SET progress = c.progress,
        last_accessed_at = greatest(e.last_accessed_at, p_accessed_at),
        status = CASE WHEN c.all_done THEN 'completed' ELSE e.status END,
        completed_at = CASE WHEN c.all_done AND e.status <> 'completed' THEN c.finished_at ELSE e.completed_at END
    FROM computed c
    WHERE e.id = c.id
      AND (e.progress <> c.progress
           OR (c.all_done AND e.status <> 'completed')
           OR e.last_accessed_at IS DISTINCT FROM greatest(e.last_accessed_at, p_accessed_at))
    RETURNING e.user_id, e.course_id, c.all_done AND c.status <> 'completed' AS completes, c.finished_at, c.time_spent
  )
  INSERT INTO course_completions (user_id, course_id, completed_at, total_time_spent)
  SELECT user_id, course_id, finished_at, time_spent FROM changed WHERE completes
  ON CONFLICT (user_id, course_id) DO NOTHING;
END
$$;

-- After a lesson_progress write. Progress depends only on which rows are completed, so the roll-up runs
-- when a row becomes or stops being completed, including a row that arrives already completed (the
-- seed's trigger fired only on an UPDATE that changed the status, seed-review 10), or is deleted while
-- completed. Any other write only moves the enrollment's last access forward: offline uploads arrive
-- late and must not move it back (the seed set it to now()).
--
-- Progress without an enrollment (a preview lesson, or an upload that arrives before its enrollment) is
-- stored and rolls up nothing; the enrollment computes its progress from it when it arrives.
CREATE FUNCTION roll_up_lesson_progress() RETURNS TRIGGER
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  v_was_done BOOLEAN := TG_OP <> 'INSERT' AND OLD.status = 'completed';
  v_is_done BOOLEAN := TG_OP <> 'DELETE' AND NEW.status = 'completed';
  v_moved BOOLEAN := TG_OP = 'UPDATE' AND (OLD.user_id, OLD.course_id) IS DISTINCT FROM (NEW.user_id, NEW.course_id);
BEGIN
  IF v_was_done AND (TG_OP = 'DELETE' OR v_moved) THEN
    PERFORM refresh_enrollment_progress(
      ARRAY(SELECT e.id FROM enrollments e WHERE e.user_id = OLD.user_id AND e.course_id = OLD.course_id), NULL);
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN NULL;
  END IF;

  IF (v_is_done AND (TG_OP = 'INSERT' OR v_moved)) OR (NOT v_moved AND v_was_done <> v_is_done) THEN
    PERFORM refresh_enrollment_progress(
      ARRAY(SELECT e.id FROM enrollments e WHERE e.user_id = NEW.user_id AND e.course_id = NEW.course_id),
      NEW.last_accessed_at);
  ELSE
    UPDATE enrollments
    SET last_accessed_at = NEW.last_accessed_at
    WHERE user_id = NEW.user_id AND course_id = NEW.course_id
      AND (last_accessed_at IS NULL OR last_accessed_at < NEW.last_accessed_at);
  END IF;
  RETURN NULL;
END
$$;

-- A new enrollment, or one moved to another course or user, takes its progress from the lesson
-- progress already there.
CREATE FUNCTION roll_up_enrollment() RETURNS TRIGGER
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
  PERFORM refresh_enrollment_progress(ARRAY[NEW.id], NULL);
  RETURN NULL;
END
$$;

-- Lessons added to or removed from a course change every enrollment's share of completed lessons:
-- a new lesson lowers it, removing the last unfinished lesson completes the course, removing every
-- lesson brings it to 0. One set-based pass per statement over the enrollments of the courses touched.
-- (Progress rows of a removed lesson go with it by cascade; their own roll-up sees the same result.)
CREATE FUNCTION roll_up_lesson_changes() RETURNS TRIGGER
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  v_courses UUID[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT n.course_id) INTO v_courses FROM new_lessons n;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT o.course_id) INTO v_courses FROM old_lessons o;
  ELSE
    -- Only lessons moved to another course change anything; an edited title does not.
    SELECT array_agg(DISTINCT moved.course_id) INTO v_courses
    FROM old_lessons o
    JOIN new_lessons n ON n.id = o.id AND n.course_id <> o.course_id
    CROSS JOIN LATERAL (VALUES (o.course_id), (n.course_id)) AS moved (course_id);
  END IF;

  IF v_courses IS NOT NULL THEN
    PERFORM refresh_enrollment_progress(
      ARRAY(SELECT e.id FROM enrollments e WHERE e.course_id = ANY (v_courses)), NULL);
  END IF;
  RETURN NULL;
END
$$;

-- ---------------------------------------------------------------------------------------------------
-- Rules a CHECK cannot express
-- ---------------------------------------------------------------------------------------------------

-- A category may not be moved beneath itself. category_not_own_parent (V3) stops the one-step loop;
-- this stops longer ones. Moves are serialised by an advisory lock: two concurrent moves (A under B,
-- B under A) would otherwise each find no cycle. A new category cannot close a loop (nothing refers to
-- its id yet), so only updates are checked.
CREATE FUNCTION check_category_tree() RETURNS TRIGGER
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
  PERFORM pg_advisory_xact_lock('public.course_categories'::regclass::oid::BIGINT);
  IF EXISTS (
    WITH RECURSIVE ancestors (id) AS (
      SELECT NEW.parent_id
      UNION
      SELECT c.parent_id FROM course_categories c JOIN ancestors a ON c.id = a.id WHERE c.parent_id IS NOT NULL
    )
    SELECT 1 FROM ancestors WHERE id = NEW.id
  ) THEN
    RAISE EXCEPTION 'category % cannot move under %: that category is inside it', NEW.id, NEW.parent_id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'category_tree_acyclic',
            SCHEMA = TG_TABLE_SCHEMA, TABLE = TG_TABLE_NAME;
  END IF;
  RETURN NEW;
END
$$;

-- The server enforces attempt limits (ARCHITECTURE.md, principle 7). An attempt needs an active quiz,
-- and its number may not exceed attempts_allowed (NULL: unlimited). With UNIQUE (quiz_id, user_id,
-- attempt_number) and attempt_number >= 1 that bounds the number of attempts, also under concurrency,
-- without counting rows. An attempt without a number gets the next one.
CREATE FUNCTION check_quiz_attempt() RETURNS TRIGGER
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  v_quiz RECORD;
BEGIN
  SELECT q.attempts_allowed, q.is_active INTO v_quiz FROM course_quizzes q WHERE q.id = NEW.quiz_id;
  IF NOT FOUND THEN
    RETURN NEW; -- quiz_attempts_quiz_id_fkey reports it
  END IF;
  IF NOT v_quiz.is_active THEN
    RAISE EXCEPTION 'quiz % is not active and accepts no attempts', NEW.quiz_id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'quiz_attempt_needs_active_quiz',
            SCHEMA = TG_TABLE_SCHEMA, TABLE = TG_TABLE_NAME;
  END IF;

  IF NEW.attempt_number IS NULL THEN
    SELECT coalesce(max(a.attempt_number), 0) + 1 INTO NEW.attempt_number
    FROM quiz_attempts a WHERE a.quiz_id = NEW.quiz_id AND a.user_id = NEW.user_id;
  END IF;
  IF NEW.attempt_number > v_quiz.attempts_allowed THEN
    RAISE EXCEPTION 'quiz % allows % attempt(s); attempt % is refused', NEW.quiz_id, v_quiz.attempts_allowed,
                    NEW.attempt_number
      USING ERRCODE = 'check_violation', CONSTRAINT = 'quiz_attempt_limit',
            SCHEMA = TG_TABLE_SCHEMA, TABLE = TG_TABLE_NAME;
  END IF;
  RETURN NEW;
END
$$;

-- ---------------------------------------------------------------------------------------------------
-- The change feed (ARCHITECTURE.md, principle 5)
-- ---------------------------------------------------------------------------------------------------

-- Appends a row to sync_changes for every insert, real update and delete of a syncable row. One
-- function for every table, configured by the trigger's arguments:
--   'user=<column>'            whose private row it is (absent: a catalog row, user_id NULL)
--   'course=<column>'          the course it belongs to (absent: course_id NULL)
--   'course_of_quiz=<column>'  the course of the quiz in <column> (quiz_questions)
--   'ignore=<column>'          a column whose changes alone are not worth a pull (statistics)
-- Operation 'U' (insert or update) or 'D' (delete: a tombstone). An update that changes nothing (a
-- retried upload) records nothing. A row moved to another user or course is a tombstone for the old
-- audience and a 'U' for the new one. A question deleted together with its quiz has no course left to
-- name; the quiz's own tombstone covers it, as its foreign key cascades.
CREATE FUNCTION record_sync_change() RETURNS TRIGGER
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  v_old JSONB := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END;
  v_new JSONB := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END;
  v_user_column TEXT;
  v_course_column TEXT;
  v_quiz_column TEXT;
  v_ignored TEXT[] := ARRAY['updated_at'];
  v_argument TEXT;
  v_old_user UUID;
  v_old_course UUID;
  v_new_user UUID;
  v_new_course UUID;
BEGIN
  FOREACH v_argument IN ARRAY coalesce(TG_ARGV, '{}'::TEXT[]) LOOP
    CASE split_part(v_argument, '=', 1)
      WHEN 'user' THEN v_user_column := split_part(v_argument, '=', 2);
      WHEN 'course' THEN v_course_column := split_part(v_argument, '=', 2);
      WHEN 'course_of_quiz' THEN v_quiz_column := split_part(v_argument, '=', 2);
      WHEN 'ignore' THEN v_ignored := v_ignored || split_part(v_argument, '=', 2);
      ELSE RAISE EXCEPTION 'record_sync_change on %: unknown argument %', TG_TABLE_NAME, v_argument;
    END CASE;
  END LOOP;

  IF TG_OP = 'UPDATE' AND (v_old - v_ignored) = (v_new - v_ignored) THEN
    RETURN NULL;
  END IF;

  v_old_user := (v_old ->> v_user_column)::UUID;
  v_new_user := (v_new ->> v_user_column)::UUID;
  IF v_quiz_column IS NOT NULL THEN
    v_old_course := (SELECT q.course_id FROM course_quizzes q WHERE q.id = (v_old ->> v_quiz_column)::UUID);
    v_new_course := (SELECT q.course_id FROM course_quizzes q WHERE q.id = (v_new ->> v_quiz_column)::UUID);
  ELSE
    v_old_course := (v_old ->> v_course_column)::UUID;
    v_new_course := (v_new ->> v_course_column)::UUID;
  END IF;

  IF (TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND (v_old_user, v_old_course) IS DISTINCT FROM (v_new_user, v_new_course)))
     AND NOT (v_quiz_column IS NOT NULL AND v_old_course IS NULL) THEN
    INSERT INTO sync_changes (user_id, course_id, entity, entity_id, operation)
    VALUES (v_old_user, v_old_course, TG_TABLE_NAME, (v_old ->> 'id')::UUID, 'D');
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO sync_changes (user_id, course_id, entity, entity_id, operation)
    VALUES (v_new_user, v_new_course, TG_TABLE_NAME, (v_new ->> 'id')::UUID, 'U');
  END IF;
  RETURN NULL;
END
$$;

REVOKE EXECUTE ON FUNCTION enrollment_progress(BIGINT, BIGINT), refresh_enrollment_progress(UUID[], TIMESTAMPTZ)
  FROM PUBLIC;

-- ---------------------------------------------------------------------------------------------------
-- Derived values for rows that exist before the triggers take over (none on a new database): from
-- here on the triggers keep them.
-- ---------------------------------------------------------------------------------------------------

UPDATE courses c
SET enrollment_count = counted.enrollments
FROM (
  SELECT co.id, count(e.id) FILTER (WHERE e.status <> 'dropped') AS enrollments
  FROM courses co LEFT JOIN enrollments e ON e.course_id = co.id
  GROUP BY co.id
) AS counted
WHERE c.id = counted.id AND c.enrollment_count <> counted.enrollments;

UPDATE course_tags t
SET usage_count = counted.courses
FROM (
  SELECT tg.id, count(m.course_id) AS courses
  FROM course_tags tg LEFT JOIN course_tag_mappings m ON m.tag_id = tg.id
  GROUP BY tg.id
) AS counted
WHERE t.id = counted.id AND t.usage_count <> counted.courses;

UPDATE courses c
SET review_count = rated.reviews,
    rating_total = rated.total,
    average_rating = CASE WHEN rated.reviews = 0 THEN 0 ELSE round(rated.total::NUMERIC / rated.reviews, 2) END
FROM (
  SELECT co.id, count(cc.rating) AS reviews, coalesce(sum(cc.rating), 0) AS total
  FROM courses co LEFT JOIN course_completions cc ON cc.course_id = co.id
  GROUP BY co.id
) AS rated
WHERE c.id = rated.id;

SELECT refresh_enrollment_progress(ARRAY(SELECT id FROM enrollments), NULL);

-- ---------------------------------------------------------------------------------------------------
-- The triggers
-- ---------------------------------------------------------------------------------------------------

-- updated_at on every table that has one (a test checks that none is missed).
CREATE TRIGGER touch_updated_at BEFORE UPDATE ON users
  FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
CREATE TRIGGER touch_updated_at BEFORE UPDATE ON user_addresses
  FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
CREATE TRIGGER touch_updated_at BEFORE UPDATE ON user_preferences
  FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
CREATE TRIGGER touch_updated_at BEFORE UPDATE ON courses
  FOR EACH ROW EXECUTE FUNCTION touch_updated_at('search_document', 'enrollment_count', 'review_count',
                                                 'rating_total', 'average_rating', 'completion_rate');
CREATE TRIGGER touch_updated_at BEFORE UPDATE ON course_sections
  FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
CREATE TRIGGER touch_updated_at BEFORE UPDATE ON course_lessons
  FOR EACH ROW EXECUTE FUNCTION touch_updated_at('search_document');
CREATE TRIGGER touch_updated_at BEFORE UPDATE ON course_categories
  FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
CREATE TRIGGER touch_updated_at BEFORE UPDATE ON media_files
  FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
CREATE TRIGGER touch_updated_at BEFORE UPDATE ON course_resources
  FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
CREATE TRIGGER touch_updated_at BEFORE UPDATE ON course_quizzes
  FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
CREATE TRIGGER touch_updated_at BEFORE UPDATE ON quiz_questions
  FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
CREATE TRIGGER touch_updated_at BEFORE UPDATE ON enrollments
  FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
CREATE TRIGGER touch_updated_at BEFORE UPDATE ON lesson_progress
  FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
CREATE TRIGGER touch_updated_at BEFORE UPDATE ON quiz_attempts
  FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
CREATE TRIGGER touch_updated_at BEFORE UPDATE ON course_completions
  FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
CREATE TRIGGER touch_updated_at BEFORE UPDATE ON user_notes
  FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
CREATE TRIGGER touch_updated_at BEFORE UPDATE ON user_bookmarks
  FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
CREATE TRIGGER touch_updated_at BEFORE UPDATE ON subscription_plans
  FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
CREATE TRIGGER touch_updated_at BEFORE UPDATE ON subscriptions
  FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
CREATE TRIGGER touch_updated_at BEFORE UPDATE ON course_purchases
  FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

-- lesson_progress
CREATE TRIGGER fill_in_lesson_progress BEFORE INSERT OR UPDATE ON lesson_progress
  FOR EACH ROW EXECUTE FUNCTION fill_in_lesson_progress();
CREATE TRIGGER roll_up_lesson_progress AFTER INSERT OR UPDATE OR DELETE ON lesson_progress
  FOR EACH ROW EXECUTE FUNCTION roll_up_lesson_progress();

-- enrollments
CREATE TRIGGER count_enrollment AFTER INSERT OR DELETE ON enrollments
  FOR EACH ROW EXECUTE FUNCTION count_enrollment();
CREATE TRIGGER count_enrollment_change AFTER UPDATE OF course_id, status ON enrollments
  FOR EACH ROW WHEN (OLD.course_id IS DISTINCT FROM NEW.course_id OR OLD.status IS DISTINCT FROM NEW.status)
  EXECUTE FUNCTION count_enrollment();
CREATE TRIGGER roll_up_enrollment AFTER INSERT ON enrollments
  FOR EACH ROW EXECUTE FUNCTION roll_up_enrollment();
CREATE TRIGGER roll_up_enrollment_move AFTER UPDATE OF user_id, course_id ON enrollments
  FOR EACH ROW WHEN (OLD.user_id IS DISTINCT FROM NEW.user_id OR OLD.course_id IS DISTINCT FROM NEW.course_id)
  EXECUTE FUNCTION roll_up_enrollment();

-- course_lessons: statement-level, with transition tables (one event per trigger).
CREATE TRIGGER roll_up_lessons_added AFTER INSERT ON course_lessons
  REFERENCING NEW TABLE AS new_lessons
  FOR EACH STATEMENT EXECUTE FUNCTION roll_up_lesson_changes();
CREATE TRIGGER roll_up_lessons_removed AFTER DELETE ON course_lessons
  REFERENCING OLD TABLE AS old_lessons
  FOR EACH STATEMENT EXECUTE FUNCTION roll_up_lesson_changes();
CREATE TRIGGER roll_up_lessons_moved AFTER UPDATE ON course_lessons
  REFERENCING OLD TABLE AS old_lessons NEW TABLE AS new_lessons
  FOR EACH STATEMENT EXECUTE FUNCTION roll_up_lesson_changes();

-- course_tag_mappings
CREATE TRIGGER count_tag_usage AFTER INSERT OR DELETE ON course_tag_mappings
  FOR EACH ROW EXECUTE FUNCTION count_tag_usage();
CREATE TRIGGER count_tag_usage_change AFTER UPDATE OF tag_id ON course_tag_mappings
  FOR EACH ROW WHEN (OLD.tag_id IS DISTINCT FROM NEW.tag_id)
  EXECUTE FUNCTION count_tag_usage();

-- course_completions
CREATE TRIGGER count_course_rating AFTER INSERT OR DELETE ON course_completions
  FOR EACH ROW EXECUTE FUNCTION count_course_rating();
CREATE TRIGGER count_course_rating_change AFTER UPDATE OF course_id, rating ON course_completions
  FOR EACH ROW WHEN (OLD.course_id IS DISTINCT FROM NEW.course_id OR OLD.rating IS DISTINCT FROM NEW.rating)
  EXECUTE FUNCTION count_course_rating();

-- course_categories
CREATE TRIGGER check_category_tree BEFORE UPDATE OF parent_id ON course_categories
  -- A category as its own parent is category_not_own_parent's to report.
  FOR EACH ROW WHEN (NEW.parent_id IS NOT NULL AND NEW.parent_id IS DISTINCT FROM OLD.parent_id AND NEW.parent_id <> NEW.id)
  EXECUTE FUNCTION check_category_tree();

-- quiz_attempts
CREATE TRIGGER check_quiz_attempt BEFORE INSERT ON quiz_attempts
  FOR EACH ROW EXECUTE FUNCTION check_quiz_attempt();
CREATE TRIGGER check_quiz_attempt_change BEFORE UPDATE OF quiz_id, attempt_number ON quiz_attempts
  FOR EACH ROW WHEN (OLD.quiz_id IS DISTINCT FROM NEW.quiz_id OR OLD.attempt_number IS DISTINCT FROM NEW.attempt_number)
  EXECUTE FUNCTION check_quiz_attempt();

-- The change feed: a learner's own rows...
CREATE TRIGGER record_sync_change AFTER INSERT OR UPDATE OR DELETE ON enrollments
  FOR EACH ROW EXECUTE FUNCTION record_sync_change('user=user_id', 'course=course_id');
CREATE TRIGGER record_sync_change AFTER INSERT OR UPDATE OR DELETE ON lesson_progress
  FOR EACH ROW EXECUTE FUNCTION record_sync_change('user=user_id', 'course=course_id');
CREATE TRIGGER record_sync_change AFTER INSERT OR UPDATE OR DELETE ON quiz_attempts
  FOR EACH ROW EXECUTE FUNCTION record_sync_change('user=user_id');
CREATE TRIGGER record_sync_change AFTER INSERT OR UPDATE OR DELETE ON course_completions
  FOR EACH ROW EXECUTE FUNCTION record_sync_change('user=user_id', 'course=course_id');
CREATE TRIGGER record_sync_change AFTER INSERT OR UPDATE OR DELETE ON user_achievements
  FOR EACH ROW EXECUTE FUNCTION record_sync_change('user=user_id', 'course=course_id');
CREATE TRIGGER record_sync_change AFTER INSERT OR UPDATE OR DELETE ON user_notes
  FOR EACH ROW EXECUTE FUNCTION record_sync_change('user=user_id', 'course=course_id');
CREATE TRIGGER record_sync_change AFTER INSERT OR UPDATE OR DELETE ON user_bookmarks
  FOR EACH ROW EXECUTE FUNCTION record_sync_change('user=user_id', 'course=course_id');
CREATE TRIGGER record_sync_change AFTER INSERT OR UPDATE OR DELETE ON user_preferences
  FOR EACH ROW EXECUTE FUNCTION record_sync_change('user=user_id');
-- ...and the catalog (user_id NULL; who may pull a row follows its course).
CREATE TRIGGER record_sync_change AFTER INSERT OR UPDATE OR DELETE ON courses
  FOR EACH ROW EXECUTE FUNCTION record_sync_change('course=id', 'ignore=search_document', 'ignore=enrollment_count',
    'ignore=review_count', 'ignore=rating_total', 'ignore=average_rating', 'ignore=completion_rate');
CREATE TRIGGER record_sync_change AFTER INSERT OR UPDATE OR DELETE ON course_sections
  FOR EACH ROW EXECUTE FUNCTION record_sync_change('course=course_id');
CREATE TRIGGER record_sync_change AFTER INSERT OR UPDATE OR DELETE ON course_lessons
  FOR EACH ROW EXECUTE FUNCTION record_sync_change('course=course_id');
CREATE TRIGGER record_sync_change AFTER INSERT OR UPDATE OR DELETE ON course_resources
  FOR EACH ROW EXECUTE FUNCTION record_sync_change('course=course_id');
CREATE TRIGGER record_sync_change AFTER INSERT OR UPDATE OR DELETE ON course_quizzes
  FOR EACH ROW EXECUTE FUNCTION record_sync_change('course=course_id');
CREATE TRIGGER record_sync_change AFTER INSERT OR UPDATE OR DELETE ON quiz_questions
  FOR EACH ROW EXECUTE FUNCTION record_sync_change('course_of_quiz=quiz_id');
CREATE TRIGGER record_sync_change AFTER INSERT OR UPDATE OR DELETE ON media_files
  FOR EACH ROW EXECUTE FUNCTION record_sync_change('course=course_id');
CREATE TRIGGER record_sync_change AFTER INSERT OR UPDATE OR DELETE ON course_categories
  FOR EACH ROW EXECUTE FUNCTION record_sync_change();
CREATE TRIGGER record_sync_change AFTER INSERT OR UPDATE OR DELETE ON course_tags
  FOR EACH ROW EXECUTE FUNCTION record_sync_change('ignore=usage_count');
