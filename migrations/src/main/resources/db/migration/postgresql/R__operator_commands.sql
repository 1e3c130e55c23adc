-- What an operator runs as the schema owner on the sync server's command line (docs/operations.md, "The
-- first administrator"): before there is an administrator, nobody can grant a role through the API.
-- Not executable by the request role. Repeatable: changed in place.

-- user_roles is FORCEd (V11), so the owner needs a policy for each write: it inserts through V18's
-- owner_grants_learner_role, and renews an expired grant through this one.
DROP POLICY IF EXISTS owner_renews_roles ON user_roles;
CREATE POLICY owner_renews_roles ON user_roles FOR UPDATE TO CURRENT_USER USING (true) WITH CHECK (true);

-- Gives the account of p_email the role p_role for good: 'granted' (a new grant), 'renewed' (a grant with
-- an expiry now has none) or 'held' (nothing to do). Raises no_data_found for an unknown role or address.
CREATE OR REPLACE FUNCTION operator_grant_role(p_email TEXT, p_role TEXT) RETURNS TEXT
  LANGUAGE plpgsql VOLATILE
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  v_user UUID;
  v_role UUID;
  v_expires_at TIMESTAMPTZ;
BEGIN
  SELECT r.id INTO v_role FROM public.roles AS r WHERE r.name = p_role AND r.is_active;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'there is no role %', p_role USING ERRCODE = 'no_data_found';
  END IF;
  SELECT u.id INTO v_user FROM public.users AS u WHERE u.email = lower(p_email);
  IF NOT FOUND THEN
    RAISE EXCEPTION 'there is no account for %', lower(p_email) USING ERRCODE = 'no_data_found';
  END IF;

  SELECT ur.expires_at INTO v_expires_at FROM public.user_roles AS ur
  WHERE ur.user_id = v_user AND ur.role_id = v_role
  FOR UPDATE;
  IF NOT FOUND THEN
    INSERT INTO public.user_roles (user_id, role_id) VALUES (v_user, v_role);
    RETURN 'granted';
  END IF;
  IF v_expires_at IS NULL THEN
    RETURN 'held';
  END IF;
  UPDATE public.user_roles SET expires_at = NULL WHERE user_id = v_user AND role_id = v_role;
  RETURN 'renewed';
END
$$;
REVOKE ALL ON FUNCTION operator_grant_role(TEXT, TEXT) FROM PUBLIC;
