-- Encryption of the sensitive personal fields with pgcrypto (seed: Data Encryption; seed-review 18):
-- users.phone_encrypted, users.date_of_birth_encrypted and user_addresses.encrypted_details (V2).
--
-- The key is supplied by the server at run time, as a bind parameter of each call. It is never
-- stored in the database, never in a setting (the seed's current_setting('app.encryption_key') is
-- readable by anyone who can read settings, and lands in logs with SET statements), never in these
-- migrations, and no message raised here contains it. Key handling and rotation:
-- docs/operations-backup.md and docs/schema-notes/partitions-encryption-backup.md.
--
-- Two layers:
--   encrypt_sensitive_data / decrypt_sensitive_data: SECURITY DEFINER, the only way to reach
--     pgcrypto (the request role has no USAGE on schema extensions), with a fixed search_path;
--   set_/get_ functions per field: SECURITY INVOKER, so row-level security decides whose row a
--     caller may read or change; they validate the plaintext before it disappears into ciphertext,
--     where no CHECK constraint can see it any more.

CREATE FUNCTION encrypt_sensitive_data(p_plaintext TEXT, p_key TEXT) RETURNS BYTEA
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER
  SET search_path = pg_catalog, extensions, pg_temp
AS $$
BEGIN
  IF p_plaintext IS NULL THEN
    RETURN NULL;
  END IF;
  IF p_key IS NULL OR length(p_key) < 16 OR length(p_key) > 1024 THEN
    -- Says nothing about the key but its absence or length.
    RAISE EXCEPTION 'encryption key missing or of the wrong length (16 to 1024 characters expected)'
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  -- AES-256; no compression, so the ciphertext's length says no more about the content than its
  -- length does. pgcrypto adds a random salt and an integrity check (MDC) to every message.
  RETURN extensions.pgp_sym_encrypt(p_plaintext, p_key, 'cipher-algo=aes256, compress-algo=0');
END
$$;

CREATE FUNCTION decrypt_sensitive_data(p_ciphertext BYTEA, p_key TEXT) RETURNS TEXT
  LANGUAGE plpgsql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, extensions, pg_temp
AS $$
BEGIN
  IF p_ciphertext IS NULL THEN
    RETURN NULL;
  END IF;
  IF p_key IS NULL OR length(p_key) < 16 OR length(p_key) > 1024 THEN
    RAISE EXCEPTION 'encryption key missing or of the wrong length (16 to 1024 characters expected)'
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  BEGIN
    RETURN extensions.pgp_sym_decrypt(p_ciphertext, p_key);
  EXCEPTION WHEN external_routine_invocation_exception THEN
    -- pgcrypto's own words are 'Wrong key or corrupt data'; thanks to the integrity check a wrong key
    -- always ends here and never yields garbage.
    RAISE EXCEPTION 'cannot decrypt: wrong encryption key or corrupted ciphertext'
      USING ERRCODE = 'external_routine_invocation_exception',
            HINT = 'Data encrypted under another key (before a rotation?) must be re-encrypted with reencrypt_sensitive_data().';
  END;
END
$$;

COMMENT ON FUNCTION encrypt_sensitive_data(TEXT, TEXT) IS
  'pgp_sym_encrypt (AES-256) with a key supplied by the caller; NULL in, NULL out. Never stores or logs the key.';
COMMENT ON FUNCTION decrypt_sensitive_data(BYTEA, TEXT) IS
  'pgp_sym_decrypt with a key supplied by the caller; a wrong key raises SQLSTATE 39000, never garbage.';

-- Phone: the seed's format (valid_phone), which the encrypted column can no longer check itself.
CREATE FUNCTION set_user_phone(p_user_id UUID, p_phone TEXT, p_key TEXT) RETURNS VOID
  LANGUAGE plpgsql VOLATILE SECURITY INVOKER
  SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
  IF p_user_id IS NULL THEN
    RAISE EXCEPTION 'set_user_phone: p_user_id must not be NULL' USING ERRCODE = 'null_value_not_allowed';
  END IF;
  -- The number itself stays out of the message: it is the personal data being protected.
  IF p_phone IS NOT NULL AND p_phone !~ '^\+?[1-9][0-9]{1,14}$' THEN
    RAISE EXCEPTION 'invalid phone number: expected 2 to 15 digits, an optional leading +, and no leading 0 (E.164, e.g. +4915112345678)'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'valid_phone';
  END IF;

  UPDATE users SET phone_encrypted = encrypt_sensitive_data(p_phone, p_key) WHERE id = p_user_id;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'user % not found', p_user_id USING ERRCODE = 'no_data_found';
  END IF;
END
$$;

CREATE FUNCTION get_user_phone(p_user_id UUID, p_key TEXT) RETURNS TEXT
  LANGUAGE plpgsql STABLE SECURITY INVOKER
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  v_ciphertext BYTEA;
BEGIN
  SELECT u.phone_encrypted INTO v_ciphertext FROM users u WHERE u.id = p_user_id;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'user % not found', p_user_id USING ERRCODE = 'no_data_found';
  END IF;
  RETURN decrypt_sensitive_data(v_ciphertext, p_key);
END
$$;

-- Date of birth: encrypted as ISO text (YYYY-MM-DD), which reads back the same under any DateStyle.
CREATE FUNCTION set_user_date_of_birth(p_user_id UUID, p_date_of_birth DATE, p_key TEXT) RETURNS VOID
  LANGUAGE plpgsql VOLATILE SECURITY INVOKER
  SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
  IF p_user_id IS NULL THEN
    RAISE EXCEPTION 'set_user_date_of_birth: p_user_id must not be NULL' USING ERRCODE = 'null_value_not_allowed';
  END IF;
  IF p_date_of_birth IS NOT NULL AND (p_date_of_birth < DATE '1900-01-01' OR p_date_of_birth > current_date) THEN
    RAISE EXCEPTION 'invalid date of birth: must lie between 1900-01-01 and today'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'valid_date_of_birth';
  END IF;

  UPDATE users SET date_of_birth_encrypted = encrypt_sensitive_data(to_char(p_date_of_birth, 'YYYY-MM-DD'), p_key)
  WHERE id = p_user_id;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'user % not found', p_user_id USING ERRCODE = 'no_data_found';
  END IF;
END
$$;

CREATE FUNCTION get_user_date_of_birth(p_user_id UUID, p_key TEXT) RETURNS DATE
  LANGUAGE plpgsql STABLE SECURITY INVOKER
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  v_ciphertext BYTEA;
BEGIN
  SELECT u.date_of_birth_encrypted INTO v_ciphertext FROM users u WHERE u.id = p_user_id;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'user % not found', p_user_id USING ERRCODE = 'no_data_found';
  END IF;
  RETURN to_date(decrypt_sensitive_data(v_ciphertext, p_key), 'YYYY-MM-DD');
END
$$;

-- Address details: the street address and postal code of user_addresses, as one JSON object
-- {"street_address": "...", "postal_code": "..."} with the seed's column lengths (255 and 20).
-- Either key may be left out; no other key is accepted; NULL clears the details.
CREATE FUNCTION set_address_details(p_address_id UUID, p_details JSONB, p_key TEXT) RETURNS VOID
  LANGUAGE plpgsql VOLATILE SECURITY INVOKER
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  v_key    TEXT;
  v_value  JSONB;
  v_limit  INTEGER;
BEGIN
  IF p_address_id IS NULL THEN
    RAISE EXCEPTION 'set_address_details: p_address_id must not be NULL' USING ERRCODE = 'null_value_not_allowed';
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

  UPDATE user_addresses SET encrypted_details = encrypt_sensitive_data(p_details::text, p_key) WHERE id = p_address_id;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'address % not found', p_address_id USING ERRCODE = 'no_data_found';
  END IF;
END
$$;

CREATE FUNCTION get_address_details(p_address_id UUID, p_key TEXT) RETURNS JSONB
  LANGUAGE plpgsql STABLE SECURITY INVOKER
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  v_ciphertext BYTEA;
BEGIN
  SELECT a.encrypted_details INTO v_ciphertext FROM user_addresses a WHERE a.id = p_address_id;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'address % not found', p_address_id USING ERRCODE = 'no_data_found';
  END IF;
  RETURN decrypt_sensitive_data(v_ciphertext, p_key)::jsonb;
END
$$;

-- Key rotation: re-encrypts every encrypted value from p_old_key to p_new_key in one transaction and
-- returns how many values it re-encrypted per column. A value that already opens with the new key is
-- left alone, so a rotation can be run again after servers wrote with the new key meanwhile; a value
-- that opens with neither key stops the whole rotation (nothing is half-done).
--
-- Owner only, and it must see and update every row: once row-level security is forced on these
-- tables, run it as a role that bypasses RLS (the procedure is in docs/operations-backup.md). It
-- refuses to run where RLS applies, rather than skip the rows it cannot see.
CREATE FUNCTION reencrypt_sensitive_data(p_old_key TEXT, p_new_key TEXT)
  RETURNS TABLE (table_name TEXT, column_name TEXT, values_reencrypted BIGINT)
  LANGUAGE plpgsql VOLATILE SECURITY INVOKER
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  v_target   RECORD;
  v_row      RECORD;
  v_count    BIGINT;
  v_updated  BIGINT;
BEGIN
  IF p_old_key IS NULL OR p_new_key IS NULL OR p_old_key = p_new_key THEN
    RAISE EXCEPTION 'reencrypt_sensitive_data: the old and the new key must be given and differ'
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  -- Under row-level security, SELECT ... FOR UPDATE silently skips rows the caller may not update,
  -- which would leave them under the old key: refuse instead.
  IF row_security_active('public.users') OR row_security_active('public.user_addresses') THEN
    RAISE EXCEPTION 'reencrypt_sensitive_data: row-level security applies to %, so some rows could be skipped', current_user
      USING ERRCODE = 'insufficient_privilege',
            HINT = 'Run the rotation as a role that bypasses row-level security (a superuser or a BYPASSRLS role).';
  END IF;
  -- Fails early, before any row is touched, on a new key of the wrong length.
  PERFORM encrypt_sensitive_data('probe', p_new_key);

  FOR v_target IN
    SELECT * FROM (VALUES ('users', 'phone_encrypted'),
                          ('users', 'date_of_birth_encrypted'),
                          ('user_addresses', 'encrypted_details')) AS t (table_name, column_name)
  LOOP
    v_count := 0;
    FOR v_row IN EXECUTE format('SELECT id, %I AS ciphertext FROM public.%I WHERE %I IS NOT NULL ORDER BY id FOR UPDATE',
                                v_target.column_name, v_target.table_name, v_target.column_name)
    LOOP
      BEGIN
        PERFORM decrypt_sensitive_data(v_row.ciphertext, p_new_key);
        CONTINUE;  -- already under the new key
      EXCEPTION WHEN external_routine_invocation_exception THEN
        NULL;      -- not yet: re-encrypt below
      END;
      BEGIN
        EXECUTE format('UPDATE public.%I SET %I = $1 WHERE id = $2', v_target.table_name, v_target.column_name)
          USING encrypt_sensitive_data(decrypt_sensitive_data(v_row.ciphertext, p_old_key), p_new_key), v_row.id;
      EXCEPTION WHEN external_routine_invocation_exception THEN
        RAISE EXCEPTION 'reencrypt_sensitive_data: %.% of row % opens with neither the old nor the new key',
          v_target.table_name, v_target.column_name, v_row.id
          USING ERRCODE = 'external_routine_invocation_exception';
      END;
      GET DIAGNOSTICS v_updated = ROW_COUNT;
      IF v_updated <> 1 THEN
        RAISE EXCEPTION 'reencrypt_sensitive_data: row-level security kept row % of % from being updated',
          v_row.id, v_target.table_name
          USING ERRCODE = 'insufficient_privilege',
                HINT = 'Run the rotation as a role that bypasses row-level security.';
      END IF;
      v_count := v_count + 1;
    END LOOP;
    table_name := v_target.table_name;
    column_name := v_target.column_name;
    values_reencrypted := v_count;
    RETURN NEXT;
  END LOOP;
END
$$;

COMMENT ON FUNCTION reencrypt_sensitive_data(TEXT, TEXT) IS
  'Key rotation: re-encrypts every encrypted field from the old key to the new one, in one transaction. Owner only.';

REVOKE EXECUTE ON FUNCTION
  encrypt_sensitive_data(TEXT, TEXT), decrypt_sensitive_data(BYTEA, TEXT),
  set_user_phone(UUID, TEXT, TEXT), get_user_phone(UUID, TEXT),
  set_user_date_of_birth(UUID, DATE, TEXT), get_user_date_of_birth(UUID, TEXT),
  set_address_details(UUID, JSONB, TEXT), get_address_details(UUID, TEXT),
  reencrypt_sensitive_data(TEXT, TEXT)
FROM PUBLIC;

-- The request role calls the domain functions; they call the helpers with the caller's rights, so
-- the helpers need the grant too. Neither gives anything away without the key, which only the
-- server holds.
GRANT EXECUTE ON FUNCTION
  encrypt_sensitive_data(TEXT, TEXT), decrypt_sensitive_data(BYTEA, TEXT),
  set_user_phone(UUID, TEXT, TEXT), get_user_phone(UUID, TEXT),
  set_user_date_of_birth(UUID, DATE, TEXT), get_user_date_of_birth(UUID, TEXT),
  set_address_details(UUID, JSONB, TEXT), get_address_details(UUID, TEXT)
TO ${request_role};
