-- Row counts and content checksums of every table, to verify a backup by restoring it into a scratch
-- database and comparing the two (seed: Backup and Recovery Strategy; seed-review 21: the seed's
-- verify_backup_integrity() only counted the tables that exist). Used by ops/backup-verify.sh.
--
-- Every ordinary table of schema public: each leaf partition and detached partition on its own, the
-- partitioned parent not at all (it holds no rows of its own), no views or materialized views (they
-- are recomputed from the tables). Flyway's history is a table like any other and is included.
--
-- The checksum of a table is independent of the physical order of its rows, of collations and of
-- session settings, so a correct restore gives exactly the source's values:
--   * each row's text form is hashed (md5), and the 128-bit hashes are added up (exact numeric sum):
--     one streaming pass, constant memory, no sort, however large the table;
--   * the function fixes every setting that changes a row's text form (time zone, date and
--     interval styles, float digits, bytea and money formats), whatever the caller's session or database says.
-- A sum is not a cryptographic digest: it detects lost, added, duplicated or altered rows (what a
-- broken backup or restore produces), not a forgery crafted to collide.
--
-- Owner and superuser only (EXECUTE revoked from PUBLIC). SECURITY INVOKER: it reads with the
-- caller's rights, so a caller to whom row-level security hides rows gets checksums of what it sees;
-- the backup procedure runs it as a role that sees everything.

CREATE FUNCTION table_checksums()
  RETURNS TABLE (table_name TEXT, row_count BIGINT, checksum TEXT)
  LANGUAGE plpgsql STABLE SECURITY INVOKER
  SET search_path = pg_catalog, pg_temp
  SET TimeZone = 'UTC'
  SET DateStyle = 'ISO, YMD'
  SET IntervalStyle = 'postgres'
  SET extra_float_digits = 3
  SET bytea_output = 'hex'
  SET lc_monetary = 'C'
AS $$
DECLARE
  v_table  TEXT;
  v_sum_hi NUMERIC;
  v_sum_lo NUMERIC;
BEGIN
  FOR v_table IN
    SELECT c.relname
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public'
      AND c.relkind = 'r'
    ORDER BY c.relname COLLATE "C"
  LOOP
    EXECUTE format(
      'SELECT count(*), '
      || 'coalesce(sum((''x'' || substr(h, 1, 16))::bit(64)::bigint::numeric), 0), '
      || 'coalesce(sum((''x'' || substr(h, 17, 16))::bit(64)::bigint::numeric), 0) '
      || 'FROM (SELECT md5(t::text) AS h FROM public.%I AS t) AS rows', v_table)
      INTO row_count, v_sum_hi, v_sum_lo;
    table_name := v_table;
    checksum := md5(row_count || ':' || v_sum_hi || ':' || v_sum_lo);
    RETURN NEXT;
  END LOOP;
END
$$;

COMMENT ON FUNCTION table_checksums() IS
  'Row count and an order-independent content checksum of every table in public (leaf partitions each on '
  'their own); equal before a backup and after its restore. Owner and superuser only.';

REVOKE EXECUTE ON FUNCTION table_checksums() FROM PUBLIC;
