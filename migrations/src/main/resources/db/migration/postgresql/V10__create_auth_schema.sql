-- The auth schema: who is asking, and what roles they hold. The seed's policies call Supabase's
-- auth.uid() and auth.jwt() (seed-review 7), and trust a token claim for admin rights (seed-review 17).
-- Here the server sets the authenticated user for each transaction, after verifying the access token:
--
--   SELECT set_config('app.user_id', :user_id, true);   -- true: transaction-local
--
-- and roles come only from roles/user_roles.

CREATE SCHEMA auth;
REVOKE ALL ON SCHEMA auth FROM PUBLIC;
GRANT USAGE ON SCHEMA auth TO ${request_role};

-- The authenticated user of the current transaction, or NULL for an anonymous request. After a
-- transaction that set it, current_setting() returns '' rather than NULL, hence nullif.
CREATE FUNCTION auth.uid() RETURNS UUID
  LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT nullif(current_setting('app.user_id', true), '')::uuid
$$;

-- Whether the current user holds an active, unexpired role. SECURITY DEFINER so that policies on
-- user_roles itself can call it without recursing into their own checks; search_path is fixed so
-- that nobody can slip a look-alike table or function in front of the real ones (seed-review 18).
CREATE FUNCTION auth.has_role(p_role TEXT) RETURNS BOOLEAN
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
  SELECT EXISTS (
    SELECT 1
    FROM public.user_roles ur
    JOIN public.roles r ON r.id = ur.role_id
    WHERE ur.user_id = auth.uid()
      AND r.name = p_role
      AND r.is_active
      AND (ur.expires_at IS NULL OR ur.expires_at > now())
  )
$$;

CREATE FUNCTION auth.is_admin() RETURNS BOOLEAN
  LANGUAGE sql STABLE
  SET search_path = pg_catalog, pg_temp
AS $$
  SELECT auth.has_role('admin')
$$;

REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA auth FROM PUBLIC;
GRANT EXECUTE ON FUNCTION auth.uid(), auth.has_role(TEXT), auth.is_admin() TO ${request_role};
