-- A refresh whose answer was lost (a connection cut after the server committed) used to look like a
-- stolen token: the device's retry presented a retired token and every sign-in of the device was revoked.
-- The server now makes a token's successor from the token itself (an HMAC with the server's secret), so
-- a retry asks for the very successor already stored. Such a repeat is answered again, not treated as
-- reuse, while the successor is unused and for five minutes at most (docs/sync-protocol.md, section 4).
-- The function now also answers the refresh token's expiry, so that a repeat names the stored one.

DROP FUNCTION auth.rotate_refresh_token(BYTEA, BYTEA, TIMESTAMPTZ);

CREATE FUNCTION auth.rotate_refresh_token(p_old_hash BYTEA, p_new_hash BYTEA, p_expires_at TIMESTAMPTZ)
  RETURNS TABLE (outcome TEXT, user_id UUID, device_id UUID, expires_at TIMESTAMPTZ)
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  v_token public.refresh_tokens%ROWTYPE;
  v_next public.refresh_tokens%ROWTYPE;
  v_new UUID;
BEGIN
  SELECT * INTO v_token FROM public.refresh_tokens t WHERE t.token_hash = p_old_hash FOR UPDATE;
  IF NOT FOUND THEN
    RETURN QUERY SELECT 'invalid'::TEXT, NULL::UUID, NULL::UUID, NULL::TIMESTAMPTZ;
    RETURN;
  END IF;
  IF EXISTS (SELECT 1 FROM public.users u WHERE u.id = v_token.user_id AND u.status <> 'active') THEN
    RETURN QUERY SELECT 'suspended'::TEXT, v_token.user_id, v_token.device_id, NULL::TIMESTAMPTZ;
    RETURN;
  END IF;
  IF EXISTS (SELECT 1 FROM public.devices d WHERE d.id = v_token.device_id AND d.revoked_at IS NOT NULL) THEN
    RETURN QUERY SELECT 'device_revoked'::TEXT, v_token.user_id, v_token.device_id, NULL::TIMESTAMPTZ;
    RETURN;
  END IF;
  IF v_token.replaced_by IS NOT NULL THEN
    SELECT * INTO v_next FROM public.refresh_tokens t WHERE t.id = v_token.replaced_by FOR UPDATE;
    IF FOUND AND v_next.token_hash = p_new_hash AND v_next.replaced_by IS NULL AND v_next.revoked_at IS NULL
        AND v_next.expires_at > now() AND v_token.revoked_at > now() - INTERVAL '5 minutes' THEN
      RETURN QUERY SELECT 'repeated'::TEXT, v_token.user_id, v_token.device_id, v_next.expires_at;
      RETURN;
    END IF;
    UPDATE public.refresh_tokens t SET revoked_at = now()
    WHERE t.user_id = v_token.user_id AND t.device_id IS NOT DISTINCT FROM v_token.device_id AND t.revoked_at IS NULL;
    RETURN QUERY SELECT 'reused'::TEXT, v_token.user_id, v_token.device_id, NULL::TIMESTAMPTZ;
    RETURN;
  END IF;
  IF v_token.revoked_at IS NOT NULL OR v_token.expires_at <= now() THEN
    RETURN QUERY SELECT 'invalid'::TEXT, v_token.user_id, v_token.device_id, NULL::TIMESTAMPTZ;
    RETURN;
  END IF;
  INSERT INTO public.refresh_tokens (user_id, device_id, token_hash, expires_at)
  VALUES (v_token.user_id, v_token.device_id, p_new_hash, p_expires_at)
  RETURNING id INTO v_new;
  UPDATE public.refresh_tokens t SET revoked_at = now(), replaced_by = v_new WHERE t.id = v_token.id;
  RETURN QUERY SELECT 'ok'::TEXT, v_token.user_id, v_token.device_id, p_expires_at;
END
$$;

REVOKE EXECUTE ON FUNCTION auth.rotate_refresh_token(BYTEA, BYTEA, TIMESTAMPTZ) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION auth.rotate_refresh_token(BYTEA, BYTEA, TIMESTAMPTZ) TO ${request_role};
