-- What the sync protocol (docs/sync-protocol.md) needs of the schema: row versions for conflict
-- detection, the converted edit times the merge rules compare, conflict copies of notes, exactly-once
-- bookkeeping of rejected changes, the tombstone horizon, sign-in and refresh tokens through narrow
-- SECURITY DEFINER functions, server-side grading, and the push channel's notifications.
--
-- Every function here that the request role may call is SECURITY DEFINER with a fixed search_path, and
-- answers only about the acting user (auth.uid()) or the arguments it checks itself.

-- ---------------------------------------------------------------------------------------------------
-- The learner role's name is the protocol's: learner, instructor, admin.
-- ---------------------------------------------------------------------------------------------------
-- roles is FORCEd (V11): the owner needs a policy to update it, for this one statement.
CREATE POLICY owner_renames_role ON roles FOR UPDATE TO CURRENT_USER USING (true) WITH CHECK (true);
UPDATE roles SET name = 'learner' WHERE name = 'student';
DROP POLICY owner_renames_role ON roles;

-- ---------------------------------------------------------------------------------------------------
-- Row versions (protocol section 8): a counter per row, raised by every real change, which an edit
-- names as its base. Conflicts are detected by comparing versions, never device clocks.
-- ---------------------------------------------------------------------------------------------------
ALTER TABLE user_notes ADD COLUMN row_version BIGINT NOT NULL DEFAULT 1,
  -- The converted (server-clock) time the learner wrote this text; what a true conflict is ordered by.
  ADD COLUMN edited_at TIMESTAMPTZ,
  -- A conflict copy keeps the losing text of a concurrent edit and points at the note it lost to.
  ADD COLUMN conflict_of UUID REFERENCES user_notes (id) ON DELETE SET NULL,
  -- The device that wrote the current version: a device's own later edits never conflict with it.
  ADD COLUMN edited_by UUID,
  ADD CONSTRAINT valid_note_version CHECK (row_version >= 1);
CREATE INDEX idx_user_notes_conflict_of ON user_notes (conflict_of);
ALTER TABLE user_bookmarks ADD COLUMN row_version BIGINT NOT NULL DEFAULT 1, ADD COLUMN edited_at TIMESTAMPTZ,
  ADD COLUMN edited_by UUID,
  ADD CONSTRAINT valid_bookmark_version CHECK (row_version >= 1);
ALTER TABLE lesson_progress ADD COLUMN row_version BIGINT NOT NULL DEFAULT 1,
  ADD CONSTRAINT valid_progress_version CHECK (row_version >= 1);
-- When the status was last set by a learner (server clock): the later status change wins.
ALTER TABLE enrollments ADD COLUMN row_version BIGINT NOT NULL DEFAULT 1, ADD COLUMN status_changed_at TIMESTAMPTZ,
  ADD CONSTRAINT valid_enrollment_version CHECK (row_version >= 1);
ALTER TABLE quiz_attempts ADD COLUMN row_version BIGINT NOT NULL DEFAULT 1,
  ADD CONSTRAINT valid_attempt_version CHECK (row_version >= 1);
-- When the learner last reviewed the course (server clock): the later review wins.
ALTER TABLE course_completions ADD COLUMN row_version BIGINT NOT NULL DEFAULT 1, ADD COLUMN reviewed_at TIMESTAMPTZ,
  ADD CONSTRAINT valid_completion_version CHECK (row_version >= 1);
ALTER TABLE user_preferences ADD COLUMN row_version BIGINT NOT NULL DEFAULT 1,
  ADD CONSTRAINT valid_preference_version CHECK (row_version >= 1);

-- Raises row_version when the row really changed. Named to fire after the BEFORE triggers that fill
-- columns in (fill_in_lesson_progress, check_quiz_attempt_change) and before touch_updated_at, whose
-- column it ignores like its own.
CREATE FUNCTION touch_row_version() RETURNS TRIGGER
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  v_ignored TEXT[] := ARRAY['row_version', 'updated_at'];
BEGIN
  IF (to_jsonb(NEW) - v_ignored) IS DISTINCT FROM (to_jsonb(OLD) - v_ignored) THEN
    NEW.row_version := OLD.row_version + 1;
  ELSE
    NEW.row_version := OLD.row_version;
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER touch_row_version BEFORE UPDATE ON user_notes FOR EACH ROW EXECUTE FUNCTION touch_row_version();
CREATE TRIGGER touch_row_version BEFORE UPDATE ON user_bookmarks FOR EACH ROW EXECUTE FUNCTION touch_row_version();
CREATE TRIGGER touch_row_version BEFORE UPDATE ON lesson_progress FOR EACH ROW EXECUTE FUNCTION touch_row_version();
CREATE TRIGGER touch_row_version BEFORE UPDATE ON enrollments FOR EACH ROW EXECUTE FUNCTION touch_row_version();
CREATE TRIGGER touch_row_version BEFORE UPDATE ON quiz_attempts FOR EACH ROW EXECUTE FUNCTION touch_row_version();
CREATE TRIGGER touch_row_version BEFORE UPDATE ON course_completions FOR EACH ROW EXECUTE FUNCTION touch_row_version();
CREATE TRIGGER touch_row_version BEFORE UPDATE ON user_preferences FOR EACH ROW EXECUTE FUNCTION touch_row_version();

-- What the server writes as the learner when it merges their changes.
GRANT INSERT (edited_at, edited_by, conflict_of), UPDATE (edited_at, edited_by) ON user_notes TO ${request_role};
GRANT INSERT (edited_at, edited_by), UPDATE (edited_at, edited_by) ON user_bookmarks TO ${request_role};
GRANT INSERT (status_changed_at), UPDATE (status_changed_at) ON enrollments TO ${request_role};
GRANT UPDATE (reviewed_at) ON course_completions TO ${request_role};

-- ---------------------------------------------------------------------------------------------------
-- Content the player needs that the server did not hold yet.
-- ---------------------------------------------------------------------------------------------------

-- Course packages of format 2 have HTML bodies as well as Markdown.
ALTER TABLE course_lessons ADD COLUMN content_format VARCHAR(10) NOT NULL DEFAULT 'markdown',
  ADD CONSTRAINT valid_content_format CHECK (content_format IN ('markdown', 'html'));
GRANT INSERT (content_format), UPDATE (content_format) ON course_lessons TO ${request_role};

-- The published package: its author's version string and the server's version number (content_versions).
ALTER TABLE courses ADD COLUMN package_version VARCHAR(50), ADD COLUMN version_number INTEGER,
  ADD CONSTRAINT valid_course_version_number CHECK (version_number IS NULL OR version_number >= 1);
GRANT INSERT (package_version, version_number), UPDATE (package_version, version_number) ON courses TO ${request_role};

-- ---------------------------------------------------------------------------------------------------
-- Devices: the clock offset each push reports (diagnostics: the merge uses the push's own value).
-- ---------------------------------------------------------------------------------------------------
ALTER TABLE devices ADD COLUMN clock_offset_ms BIGINT;
GRANT UPDATE (clock_offset_ms) ON devices TO ${request_role};

-- ---------------------------------------------------------------------------------------------------
-- Exactly-once: changes the server rejected. A replay of a rejected change (its sequence number is at or
-- below the device's last_applied_seq) is answered with the same reason. Kept as long as tombstones.
-- ---------------------------------------------------------------------------------------------------
CREATE TABLE sync_rejections (
  device_id    UUID NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
  seq          BIGINT NOT NULL,
  user_id      UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  code         VARCHAR(40) NOT NULL,
  message      TEXT NOT NULL,
  field        VARCHAR(200),
  rejected_at  TIMESTAMPTZ NOT NULL DEFAULT now(),

  PRIMARY KEY (device_id, seq),
  CONSTRAINT valid_rejection_seq CHECK (seq >= 1)
);
CREATE INDEX idx_sync_rejections_user ON sync_rejections (user_id);
CREATE INDEX idx_sync_rejections_rejected_at ON sync_rejections (rejected_at);

ALTER TABLE sync_rejections ENABLE ROW LEVEL SECURITY;
ALTER TABLE sync_rejections FORCE ROW LEVEL SECURITY;
REVOKE ALL ON sync_rejections FROM PUBLIC;
CREATE POLICY owner_reads_all ON sync_rejections FOR SELECT TO CURRENT_USER USING (true);
CREATE POLICY owner_purges_rejections ON sync_rejections FOR DELETE TO CURRENT_USER USING (true);
GRANT SELECT, INSERT (device_id, seq, user_id, code, message, field) ON sync_rejections TO ${request_role};
CREATE POLICY user_reads_own_rejections ON sync_rejections FOR SELECT TO ${request_role}
  USING (user_id = (SELECT auth.uid()));
CREATE POLICY user_records_own_rejections ON sync_rejections FOR INSERT TO ${request_role}
  WITH CHECK (user_id = (SELECT auth.uid())
              AND EXISTS (SELECT 1 FROM devices d WHERE d.id = device_id AND d.user_id = (SELECT auth.uid())));

-- ---------------------------------------------------------------------------------------------------
-- The tombstone horizon (protocol section 6). sync_changes rows older than the horizon are purged;
-- purged_below is one more than the newest transaction id purged, so a cursor below it may have missed
-- a purged tombstone and its stream must start over.
-- ---------------------------------------------------------------------------------------------------
CREATE TABLE sync_horizon (
  singleton     BOOLEAN PRIMARY KEY DEFAULT TRUE,
  purged_below  XID8 NOT NULL DEFAULT '0',
  purged_at     TIMESTAMPTZ,

  CONSTRAINT one_horizon CHECK (singleton)
);
INSERT INTO sync_horizon DEFAULT VALUES;

ALTER TABLE sync_horizon ENABLE ROW LEVEL SECURITY;
ALTER TABLE sync_horizon FORCE ROW LEVEL SECURITY;
REVOKE ALL ON sync_horizon FROM PUBLIC;
CREATE POLICY owner_reads_all ON sync_horizon FOR SELECT TO CURRENT_USER USING (true);
CREATE POLICY owner_moves_horizon ON sync_horizon FOR UPDATE TO CURRENT_USER USING (true) WITH CHECK (true);
GRANT SELECT ON sync_horizon TO ${request_role};
CREATE POLICY anyone_reads_horizon ON sync_horizon FOR SELECT TO ${request_role} USING (true);

CREATE POLICY owner_purges_sync_changes ON sync_changes FOR DELETE TO CURRENT_USER USING (true);

-- Deletes up to p_batch changes older than p_keep, oldest first, and moves the horizon past them.
-- Returns how many it deleted; the server calls it until it returns less than p_batch. Owner only.
CREATE FUNCTION purge_sync_changes(p_keep INTERVAL, p_batch INTEGER DEFAULT 10000) RETURNS INTEGER
  LANGUAGE plpgsql
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  v_deleted INTEGER;
  v_newest XID8;
BEGIN
  IF p_keep IS NULL OR p_keep < INTERVAL '1 hour' THEN
    RAISE EXCEPTION 'purge_sync_changes: keep at least one hour of changes, not %', p_keep
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  WITH purged AS (
    DELETE FROM sync_changes
    WHERE id IN (SELECT id FROM sync_changes WHERE changed_at < now() - p_keep ORDER BY changed_at LIMIT p_batch)
    RETURNING txid
  )
  SELECT count(*), max(txid) INTO v_deleted, v_newest FROM purged;
  IF v_deleted > 0 THEN
    -- xid8 has no arithmetic: one more than v_newest, through its text form.
    UPDATE sync_horizon SET purged_below = greatest(purged_below, (v_newest::TEXT::NUMERIC + 1)::TEXT::XID8),
                            purged_at = now();
  END IF;
  DELETE FROM sync_rejections WHERE rejected_at < now() - p_keep;
  RETURN v_deleted;
END
$$;
REVOKE EXECUTE ON FUNCTION purge_sync_changes(INTERVAL, INTEGER) FROM PUBLIC;

-- ---------------------------------------------------------------------------------------------------
-- The change feed as a user pulls it (protocol section 6). Functions rather than queries of the request
-- role: under row-level security the planner may not use sync_changes' cursor indexes with the
-- (not LEAKPROOF) xid8 comparisons, so every pull would scan. These apply the visibility rule in the
-- query itself, and only return changes whose transaction id is below the oldest transaction still
-- running: a change committed late can never slip in behind a cursor.
-- ---------------------------------------------------------------------------------------------------

-- The oldest transaction id still running: the bound every feed read stays below, and the starting
-- point of a full copy (a bootstrap).
CREATE FUNCTION sync_snapshot_xmin() RETURNS XID8
  LANGUAGE sql VOLATILE
  SET search_path = pg_catalog, pg_temp
AS $$
  SELECT pg_snapshot_xmin(pg_current_snapshot())
$$;

-- The user's own changes after (p_after_txid, p_after_id), oldest first.
CREATE FUNCTION sync_user_feed(p_after_txid XID8, p_after_id BIGINT, p_limit INTEGER)
  RETURNS TABLE (txid XID8, id BIGINT, entity VARCHAR, entity_id UUID, operation CHAR(1))
  LANGUAGE plpgsql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  v_user UUID := auth.uid();
  v_bound XID8 := pg_snapshot_xmin(pg_current_snapshot());
BEGIN
  IF v_user IS NULL OR p_limit IS NULL OR p_limit NOT BETWEEN 1 AND 10000 THEN
    RAISE EXCEPTION 'sync_user_feed needs a signed-in user and a limit of 1 to 10000'
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  RETURN QUERY
    SELECT c.txid, c.id, c.entity, c.entity_id, c.operation
    FROM public.sync_changes c
    WHERE c.user_id = v_user
      AND (c.txid, c.id) > (p_after_txid, p_after_id)
      AND c.txid < v_bound
    ORDER BY c.txid, c.id
    LIMIT p_limit;
END
$$;

-- The catalog changes of several courses after each one's cursor, in the order of p_course_ids, at most
-- p_limit per course. Courses the user is not entitled to are skipped.
CREATE FUNCTION sync_course_feed(p_course_ids UUID[], p_after_txids XID8[], p_after_ids BIGINT[], p_limit INTEGER)
  RETURNS TABLE (course_id UUID, txid XID8, id BIGINT, entity VARCHAR, entity_id UUID, operation CHAR(1))
  LANGUAGE plpgsql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  v_entitled UUID[] := auth.accessible_course_ids();
  v_bound XID8 := pg_snapshot_xmin(pg_current_snapshot());
BEGIN
  IF auth.uid() IS NULL OR p_limit IS NULL OR p_limit NOT BETWEEN 1 AND 10000
     OR cardinality(p_course_ids) <> cardinality(p_after_txids)
     OR cardinality(p_course_ids) <> cardinality(p_after_ids) THEN
    RAISE EXCEPTION 'sync_course_feed needs a signed-in user, matching cursor arrays and a limit of 1 to 10000'
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  RETURN QUERY
    SELECT stream.course_id, c.txid, c.id, c.entity, c.entity_id, c.operation
    FROM unnest(p_course_ids, p_after_txids, p_after_ids) WITH ORDINALITY AS stream (course_id, after_txid, after_id, ord)
    CROSS JOIN LATERAL (
      SELECT s.txid, s.id, s.entity, s.entity_id, s.operation
      FROM public.sync_changes s
      WHERE s.user_id IS NULL
        AND s.course_id = stream.course_id
        AND (s.txid, s.id) > (stream.after_txid, stream.after_id)
        AND s.txid < v_bound
      ORDER BY s.txid, s.id
      LIMIT p_limit
    ) AS c
    WHERE stream.course_id = ANY (v_entitled)
    ORDER BY stream.ord, c.txid, c.id;
END
$$;

REVOKE EXECUTE ON FUNCTION sync_snapshot_xmin(), sync_user_feed(XID8, BIGINT, INTEGER),
  sync_course_feed(UUID[], XID8[], BIGINT[], INTEGER) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION sync_snapshot_xmin(), sync_user_feed(XID8, BIGINT, INTEGER),
  sync_course_feed(UUID[], XID8[], BIGINT[], INTEGER) TO ${request_role};

-- The push channel (protocol section 12): every change tells listeners whose it is. Payloads repeat
-- within a transaction (a publish writes hundreds of rows of one course) and PostgreSQL delivers each
-- distinct payload of a transaction once, at commit.
CREATE FUNCTION notify_sync_change() RETURNS TRIGGER
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  PERFORM pg_notify('sevenp_sync', CASE WHEN NEW.user_id IS NOT NULL THEN 'u:' || NEW.user_id::TEXT
                                        WHEN NEW.course_id IS NOT NULL THEN 'c:' || NEW.course_id::TEXT
                                        ELSE 'g' END);
  RETURN NULL;
END
$$;
REVOKE EXECUTE ON FUNCTION notify_sync_change() FROM PUBLIC;
CREATE TRIGGER notify_sync_change AFTER INSERT ON sync_changes FOR EACH ROW EXECUTE FUNCTION notify_sync_change();

-- ---------------------------------------------------------------------------------------------------
-- Sign-in (protocol section 4). user_credentials and refresh_tokens stay out of the request role's reach
-- (V11): these functions are the only way in, each doing one step of the protocol.
-- ---------------------------------------------------------------------------------------------------

-- What the owner writes through them (every table is FORCEd, so the owner needs policies too).
CREATE POLICY owner_registers_users ON users FOR INSERT TO CURRENT_USER WITH CHECK (true);
CREATE POLICY owner_manages_credentials ON user_credentials FOR ALL TO CURRENT_USER USING (true) WITH CHECK (true);
CREATE POLICY owner_grants_learner_role ON user_roles FOR INSERT TO CURRENT_USER WITH CHECK (true);
CREATE POLICY owner_manages_refresh_tokens ON refresh_tokens FOR ALL TO CURRENT_USER USING (true) WITH CHECK (true);
CREATE POLICY owner_registers_devices ON devices FOR INSERT TO CURRENT_USER WITH CHECK (true);
CREATE POLICY owner_updates_devices ON devices FOR UPDATE TO CURRENT_USER USING (true) WITH CHECK (true);

-- Failed sign-ins, per client address ('address:<ip>') and per account ('account:<user id>').
CREATE TABLE login_throttle (
  key                VARCHAR(200) PRIMARY KEY,
  failures           INTEGER NOT NULL DEFAULT 0,
  window_started_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  blocked_until      TIMESTAMPTZ,

  CONSTRAINT valid_throttle_failures CHECK (failures >= 0)
);
ALTER TABLE login_throttle ENABLE ROW LEVEL SECURITY;
ALTER TABLE login_throttle FORCE ROW LEVEL SECURITY;
REVOKE ALL ON login_throttle FROM PUBLIC;
CREATE POLICY owner_reads_all ON login_throttle FOR SELECT TO CURRENT_USER USING (true);
CREATE POLICY owner_manages_throttle ON login_throttle FOR ALL TO CURRENT_USER USING (true) WITH CHECK (true);

-- A new account: the user, the password hash (made by the server; argon2id) and the learner role.
-- Raises unique_violation (users_email_key) for an e-mail address that has an account.
CREATE FUNCTION auth.register_account(p_email TEXT, p_name TEXT, p_password_hash TEXT) RETURNS UUID
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  v_user UUID;
BEGIN
  INSERT INTO public.users (email, name) VALUES (lower(p_email), p_name) RETURNING id INTO v_user;
  INSERT INTO public.user_credentials (user_id, password_hash) VALUES (v_user, p_password_hash);
  INSERT INTO public.user_roles (user_id, role_id) SELECT v_user, r.id FROM public.roles r WHERE r.name = 'learner';
  RETURN v_user;
END
$$;

-- The account an e-mail address signs in to, its hash and status, and whether p_device is one of its
-- registered, unrevoked devices (those skip the per-account slow-down). No row for an unknown address.
CREATE FUNCTION auth.login_candidate(p_email TEXT, p_device UUID)
  RETURNS TABLE (user_id UUID, password_hash TEXT, status VARCHAR, known_device BOOLEAN)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
  SELECT u.id, c.password_hash, u.status,
         EXISTS (SELECT 1 FROM public.devices d WHERE d.id = p_device AND d.user_id = u.id AND d.revoked_at IS NULL)
  FROM public.users u
  JOIN public.user_credentials c ON c.user_id = u.id
  WHERE u.email = lower(p_email)
$$;

-- Seconds until the most distant block among p_keys ends; 0 when none is blocked.
CREATE FUNCTION auth.login_wait_seconds(p_keys TEXT[]) RETURNS INTEGER
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
  SELECT coalesce(ceil(extract(epoch FROM max(t.blocked_until) - now()))::INTEGER, 0)
  FROM public.login_throttle t
  WHERE t.key = ANY (p_keys) AND t.blocked_until > now()
$$;

-- Counts one failure for p_key within a window of p_window_seconds. From the p_threshold-th failure of a
-- window on, the key is blocked for 1, 2, 4, ... seconds, at most p_max_delay_seconds.
CREATE FUNCTION auth.note_login_failure(p_key TEXT, p_threshold INTEGER, p_window_seconds INTEGER,
    p_max_delay_seconds INTEGER) RETURNS VOID
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  v_failures INTEGER;
BEGIN
  INSERT INTO public.login_throttle AS t (key, failures, window_started_at)
  VALUES (p_key, 1, now())
  ON CONFLICT (key) DO UPDATE
    SET failures = CASE WHEN t.window_started_at < now() - make_interval(secs => p_window_seconds) THEN 1
                        ELSE t.failures + 1 END,
        window_started_at = CASE WHEN t.window_started_at < now() - make_interval(secs => p_window_seconds) THEN now()
                                 ELSE t.window_started_at END
  RETURNING failures INTO v_failures;
  IF v_failures >= p_threshold THEN
    UPDATE public.login_throttle
    SET blocked_until = now() + make_interval(secs => least(power(2, least(v_failures - p_threshold, 20)),
                                                            p_max_delay_seconds))
    WHERE key = p_key;
  END IF;
END
$$;

CREATE FUNCTION auth.clear_login_failures(p_keys TEXT[]) RETURNS VOID
  LANGUAGE sql VOLATILE SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
  DELETE FROM public.login_throttle WHERE key = ANY (p_keys)
$$;

-- Registers p_device for p_user on a successful sign-in (or refreshes its name and version), and
-- records the sign-in. 'ok', or 'device_taken' (the id belongs to another account) or 'device_revoked'.
CREATE FUNCTION auth.record_login(p_user UUID, p_device UUID, p_name TEXT, p_platform TEXT, p_app_version TEXT)
  RETURNS TEXT
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  v_device RECORD;
BEGIN
  SELECT d.user_id, d.revoked_at INTO v_device FROM public.devices d WHERE d.id = p_device FOR UPDATE;
  IF FOUND AND v_device.user_id <> p_user THEN
    RETURN 'device_taken';
  END IF;
  IF FOUND AND v_device.revoked_at IS NOT NULL THEN
    RETURN 'device_revoked';
  END IF;
  IF FOUND THEN
    UPDATE public.devices SET name = p_name, platform = p_platform, app_version = p_app_version, last_seen_at = now()
    WHERE id = p_device;
  ELSE
    INSERT INTO public.devices (id, user_id, name, platform, app_version) VALUES (p_device, p_user, p_name, p_platform, p_app_version);
  END IF;
  UPDATE public.users SET last_login_at = now() WHERE id = p_user;
  RETURN 'ok';
END
$$;

CREATE FUNCTION auth.store_refresh_token(p_user UUID, p_device UUID, p_hash BYTEA, p_expires_at TIMESTAMPTZ)
  RETURNS VOID
  LANGUAGE sql VOLATILE SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
  INSERT INTO public.refresh_tokens (user_id, device_id, token_hash, expires_at) VALUES (p_user, p_device, p_hash, p_expires_at)
$$;

-- Exchanges a refresh token for a new one (rotation). outcome:
--   ok              the old token is retired (replaced_by the new one)
--   invalid         unknown, expired or revoked
--   reused          the token had already been exchanged: every live token of its device is revoked
--   device_revoked, suspended
CREATE FUNCTION auth.rotate_refresh_token(p_old_hash BYTEA, p_new_hash BYTEA, p_expires_at TIMESTAMPTZ)
  RETURNS TABLE (outcome TEXT, user_id UUID, device_id UUID)
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  v_token public.refresh_tokens%ROWTYPE;
  v_new UUID;
BEGIN
  SELECT * INTO v_token FROM public.refresh_tokens t WHERE t.token_hash = p_old_hash FOR UPDATE;
  IF NOT FOUND THEN
    RETURN QUERY SELECT 'invalid'::TEXT, NULL::UUID, NULL::UUID;
    RETURN;
  END IF;
  IF v_token.replaced_by IS NOT NULL THEN
    UPDATE public.refresh_tokens t SET revoked_at = now()
    WHERE t.user_id = v_token.user_id AND t.device_id IS NOT DISTINCT FROM v_token.device_id AND t.revoked_at IS NULL;
    RETURN QUERY SELECT 'reused'::TEXT, v_token.user_id, v_token.device_id;
    RETURN;
  END IF;
  IF v_token.revoked_at IS NOT NULL OR v_token.expires_at <= now() THEN
    RETURN QUERY SELECT 'invalid'::TEXT, v_token.user_id, v_token.device_id;
    RETURN;
  END IF;
  IF EXISTS (SELECT 1 FROM public.users u WHERE u.id = v_token.user_id AND u.status <> 'active') THEN
    RETURN QUERY SELECT 'suspended'::TEXT, v_token.user_id, v_token.device_id;
    RETURN;
  END IF;
  IF EXISTS (SELECT 1 FROM public.devices d WHERE d.id = v_token.device_id AND d.revoked_at IS NOT NULL) THEN
    RETURN QUERY SELECT 'device_revoked'::TEXT, v_token.user_id, v_token.device_id;
    RETURN;
  END IF;
  INSERT INTO public.refresh_tokens (user_id, device_id, token_hash, expires_at)
  VALUES (v_token.user_id, v_token.device_id, p_new_hash, p_expires_at)
  RETURNING id INTO v_new;
  UPDATE public.refresh_tokens t SET revoked_at = now(), replaced_by = v_new WHERE t.id = v_token.id;
  RETURN QUERY SELECT 'ok'::TEXT, v_token.user_id, v_token.device_id;
END
$$;

-- Whether a signed-in request may go on: the account's status, the device's owner and whether it was
-- revoked. Notes that the device was seen (at most every five minutes, to spare the row).
CREATE FUNCTION auth.session_state(p_user UUID, p_device UUID)
  RETURNS TABLE (user_status VARCHAR, device_owner UUID, device_revoked_at TIMESTAMPTZ)
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
  UPDATE public.devices d SET last_seen_at = now()
  WHERE d.id = p_device AND d.user_id = p_user AND d.last_seen_at < now() - INTERVAL '5 minutes';
  RETURN QUERY
    SELECT u.status, d.user_id, d.revoked_at
    FROM public.users u
    LEFT JOIN public.devices d ON d.id = p_device
    WHERE u.id = p_user;
END
$$;

-- Revokes a device of the acting user (an administrator: anyone's) and its refresh tokens. False when
-- there is no such device the caller may revoke.
CREATE FUNCTION auth.revoke_device(p_device UUID) RETURNS BOOLEAN
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
  UPDATE public.devices d SET revoked_at = coalesce(d.revoked_at, now())
  WHERE d.id = p_device AND (d.user_id = auth.uid() OR auth.is_admin());
  IF NOT FOUND THEN
    RETURN FALSE;
  END IF;
  UPDATE public.refresh_tokens t SET revoked_at = now() WHERE t.device_id = p_device AND t.revoked_at IS NULL;
  RETURN TRUE;
END
$$;

-- Signs the acting user's device out: its refresh tokens stop working; the device stays registered.
CREATE FUNCTION auth.revoke_device_tokens(p_device UUID) RETURNS VOID
  LANGUAGE sql VOLATILE SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
  UPDATE public.refresh_tokens t SET revoked_at = now()
  WHERE t.device_id = p_device AND t.user_id = auth.uid() AND t.revoked_at IS NULL
$$;

-- Every refresh token of a user, for an administrator suspending them.
CREATE FUNCTION auth.revoke_user_tokens(p_user UUID) RETURNS VOID
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
  IF NOT auth.is_admin() THEN
    RAISE EXCEPTION 'only an administrator may revoke another user''s sign-ins' USING ERRCODE = 'insufficient_privilege';
  END IF;
  UPDATE public.refresh_tokens t SET revoked_at = now() WHERE t.user_id = p_user AND t.revoked_at IS NULL;
END
$$;

REVOKE EXECUTE ON FUNCTION auth.register_account(TEXT, TEXT, TEXT), auth.login_candidate(TEXT, UUID),
  auth.login_wait_seconds(TEXT[]), auth.note_login_failure(TEXT, INTEGER, INTEGER, INTEGER),
  auth.clear_login_failures(TEXT[]), auth.record_login(UUID, UUID, TEXT, TEXT, TEXT),
  auth.store_refresh_token(UUID, UUID, BYTEA, TIMESTAMPTZ), auth.rotate_refresh_token(BYTEA, BYTEA, TIMESTAMPTZ),
  auth.session_state(UUID, UUID), auth.revoke_device(UUID), auth.revoke_device_tokens(UUID),
  auth.revoke_user_tokens(UUID) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION auth.register_account(TEXT, TEXT, TEXT), auth.login_candidate(TEXT, UUID),
  auth.login_wait_seconds(TEXT[]), auth.note_login_failure(TEXT, INTEGER, INTEGER, INTEGER),
  auth.clear_login_failures(TEXT[]), auth.record_login(UUID, UUID, TEXT, TEXT, TEXT),
  auth.store_refresh_token(UUID, UUID, BYTEA, TIMESTAMPTZ), auth.rotate_refresh_token(BYTEA, BYTEA, TIMESTAMPTZ),
  auth.session_state(UUID, UUID), auth.revoke_device(UUID), auth.revoke_device_tokens(UUID),
  auth.revoke_user_tokens(UUID) TO ${request_role};

-- ---------------------------------------------------------------------------------------------------
-- Grading graded quizzes (protocol section 9). The key never reaches a learner: the server reads it only
-- for the acting user's own attempt that was just submitted and is not graded yet, and records the grade
-- through a function, since score, percentage, passed and status 'graded' are not the request role's to
-- write (V11).
-- ---------------------------------------------------------------------------------------------------
CREATE POLICY owner_grades_attempts ON quiz_attempts FOR UPDATE TO CURRENT_USER USING (true) WITH CHECK (true);

CREATE FUNCTION quiz_grading_key(p_attempt_id UUID)
  RETURNS TABLE (question_id UUID, question_type VARCHAR, points NUMERIC, correct_answer JSONB)
  LANGUAGE plpgsql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM public.quiz_attempts a
                 WHERE a.id = p_attempt_id AND a.user_id = auth.uid() AND a.status = 'submitted') THEN
    RAISE EXCEPTION 'no submitted attempt of the current user to grade' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN QUERY
    SELECT q.id, q.question_type, q.points, q.correct_answer
    FROM public.quiz_questions q
    JOIN public.quiz_attempts a ON a.quiz_id = q.quiz_id
    WHERE a.id = p_attempt_id
    ORDER BY q.order_index;
END
$$;

CREATE FUNCTION record_quiz_grade(p_attempt_id UUID, p_score NUMERIC, p_max_score NUMERIC, p_percentage NUMERIC,
    p_passed BOOLEAN) RETURNS VOID
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
  UPDATE public.quiz_attempts a
  SET score = p_score, max_score = p_max_score, percentage = p_percentage, passed = p_passed, status = 'graded'
  WHERE a.id = p_attempt_id AND a.user_id = auth.uid() AND a.status = 'submitted';
  IF NOT FOUND THEN
    RAISE EXCEPTION 'no submitted attempt of the current user to grade' USING ERRCODE = 'insufficient_privilege';
  END IF;
END
$$;

REVOKE EXECUTE ON FUNCTION quiz_grading_key(UUID), record_quiz_grade(UUID, NUMERIC, NUMERIC, NUMERIC, BOOLEAN) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION quiz_grading_key(UUID), record_quiz_grade(UUID, NUMERIC, NUMERIC, NUMERIC, BOOLEAN)
  TO ${request_role};

-- ---------------------------------------------------------------------------------------------------
-- Media of preview lessons (protocol section 10): the video of a preview lesson of a published course is
-- readable by anyone signed in, like the lesson itself.
-- ---------------------------------------------------------------------------------------------------
CREATE FUNCTION auth.is_preview_media(p_file_hash TEXT) RETURNS BOOLEAN
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
  SELECT EXISTS (
    SELECT 1
    FROM public.course_lessons l
    JOIN public.course_sections s ON s.id = l.section_id
    JOIN public.courses c ON c.id = l.course_id
    WHERE l.video_url = 'media:' || p_file_hash
      AND (l.is_preview OR s.is_preview)
      AND c.status = 'published'
  )
$$;
REVOKE EXECUTE ON FUNCTION auth.is_preview_media(TEXT) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION auth.is_preview_media(TEXT) TO ${request_role};

CREATE POLICY anyone_reads_preview_media ON media_files FOR SELECT TO ${request_role}
  USING (visibility = 'course_only' AND (SELECT auth.uid()) IS NOT NULL AND auth.is_preview_media(file_hash));
