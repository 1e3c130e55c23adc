-- Database health and query statistics (seed: Database Health Monitoring). The JSON is documented in
-- docs/schema-notes/statistics-and-functions.md.
--
-- Who may call them: an administrator through the request role (the server's admin pages), and the
-- schema owner or a superuser (operations, from psql). Both functions are SECURITY DEFINER so that
-- they see the server activity of the owner's and the request role's sessions, which the request
-- role alone may not; the check below keeps everybody else out.
--
-- Repeatable: changed in place with CREATE OR REPLACE.

-- Whether the caller of a monitoring function may see the results. Only called from the SECURITY
-- DEFINER functions below, where current_user is their owner; the caller is the role the session acts
-- as (a SET ROLE role, otherwise the login), which a SECURITY DEFINER call does not change. Requests
-- log in as the request role, which is no member of the owner, so they need an administrator as user.
CREATE OR REPLACE FUNCTION monitoring_access_allowed() RETURNS BOOLEAN
  LANGUAGE sql
  STABLE
  SET search_path = pg_catalog, pg_temp
AS $$
  SELECT pg_has_role(CASE current_setting('role') WHEN 'none' THEN session_user ELSE current_setting('role') END,
                     current_user, 'USAGE')
      OR auth.is_admin()
$$;

REVOKE ALL ON FUNCTION monitoring_access_allowed() FROM PUBLIC;

-- {"timestamp":          when the check ran (UTC),
--  "database_size":      bytes,
--  "active_connections": client sessions of this database running a statement now (this one included),
--  "slow_queries":       those of them whose statement has run for more than 30 seconds,
--  "table_sizes":        {table: bytes, indexes and TOAST included} for the tables and materialized
--                        views of schema public,
--  "index_usage":        {"indexes": {index: {"table", "idx_scan"}},
--                         "tables":  {table: {"seq_scan", "idx_scan", "idx_scan_pct"}}}}
-- idx_scan_pct = 100 * idx_scan / (seq_scan + idx_scan), rounded to 2 decimals, and null for a table
-- never scanned at all. The seed read seq_scan from pg_stat_user_indexes, which has no such column
-- (seed-review 4): sequential scans are a property of tables, so they are reported per table.
-- Counters are cumulative since the last statistics reset (pg_stat_reset()).
CREATE OR REPLACE FUNCTION database_health_check() RETURNS JSON
  LANGUAGE plpgsql
  SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
  SET TimeZone = 'UTC'
AS $$
BEGIN
  IF NOT monitoring_access_allowed() THEN
    RAISE EXCEPTION 'database_health_check: only an administrator or the schema owner may run the health check'
      USING ERRCODE = 'insufficient_privilege';
  END IF;

  RETURN json_build_object(
    'timestamp', clock_timestamp(),
    'database_size', pg_database_size(current_database()),
    'active_connections', (
      SELECT count(*)
      FROM pg_stat_activity a
      WHERE a.datname = current_database()
        AND a.backend_type = 'client backend'
        AND a.state = 'active'
    ),
    'slow_queries', (
      SELECT count(*)
      FROM pg_stat_activity a
      WHERE a.datname = current_database()
        AND a.backend_type = 'client backend'
        AND a.state = 'active'
        AND a.query_start < clock_timestamp() - interval '30 seconds'
    ),
    'table_sizes', (
      SELECT coalesce(json_object_agg(c.relname, pg_total_relation_size(c.oid) ORDER BY c.relname), '{}'::json)
      FROM pg_class c
      WHERE c.relnamespace = 'public'::regnamespace
        AND c.relkind IN ('r', 'm')
    ),
    'index_usage', json_build_object(
      'indexes', (
        SELECT coalesce(json_object_agg(i.indexrelname,
                                        json_build_object('table', i.relname, 'idx_scan', i.idx_scan)
                                        ORDER BY i.indexrelname), '{}'::json)
        FROM pg_stat_user_indexes i
        WHERE i.schemaname = 'public'
      ),
      'tables', (
        SELECT coalesce(json_object_agg(t.relname,
                                        json_build_object(
                                          'seq_scan', t.seq_scan,
                                          -- NULL for a table without indexes: it had no index scans.
                                          'idx_scan', coalesce(t.idx_scan, 0),
                                          'idx_scan_pct', round(100.0 * coalesce(t.idx_scan, 0)
                                                                / nullif(t.seq_scan + coalesce(t.idx_scan, 0), 0), 2))
                                        ORDER BY t.relname), '{}'::json)
        FROM pg_stat_user_tables t
        WHERE t.schemaname = 'public'
      )
    )
  );
END
$$;

REVOKE ALL ON FUNCTION database_health_check() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION database_health_check() TO ${request_role};

-- The 20 statements of this database with the most total execution time (milliseconds), from
-- pg_stat_statements. Without it, one row whose query says what is missing and how to enable it, and
-- NULL figures. Dynamic SQL, so that this function compiles and runs where the extension is absent.
--
-- Query texts of roles other than the owner read '<insufficient privilege>' unless the owner has
-- pg_read_all_stats (GRANT pg_read_all_stats TO <owner>, as a superuser); the figures are always there.
CREATE OR REPLACE FUNCTION analyze_query_performance()
  RETURNS TABLE (query TEXT, calls BIGINT, total_time DOUBLE PRECISION, avg_time DOUBLE PRECISION)
  LANGUAGE plpgsql
  SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  v_schema NAME;
BEGIN
  IF NOT monitoring_access_allowed() THEN
    RAISE EXCEPTION 'analyze_query_performance: only an administrator or the schema owner may read query statistics'
      USING ERRCODE = 'insufficient_privilege';
  END IF;

  SELECT n.nspname INTO v_schema
  FROM pg_extension e
  JOIN pg_namespace n ON n.oid = e.extnamespace
  WHERE e.extname = 'pg_stat_statements';

  IF v_schema IS NULL THEN
    RETURN QUERY SELECT format('pg_stat_statements is not installed in database %I: add pg_stat_statements to '
                               'shared_preload_libraries in postgresql.conf, restart PostgreSQL, then run '
                               'CREATE EXTENSION pg_stat_statements; in this database as a superuser',
                               current_database()),
                        NULL::BIGINT, NULL::DOUBLE PRECISION, NULL::DOUBLE PRECISION;
    RETURN;
  END IF;

  BEGIN
    RETURN QUERY EXECUTE format(
      'SELECT s.query, s.calls, s.total_exec_time, s.mean_exec_time
       FROM %I.pg_stat_statements s
       WHERE s.dbid = (SELECT d.oid FROM pg_catalog.pg_database d WHERE d.datname = pg_catalog.current_database())
       ORDER BY s.total_exec_time DESC, s.calls DESC
       LIMIT 20', v_schema);
  EXCEPTION
    -- The extension was created, but the server was started without the library.
    WHEN object_not_in_prerequisite_state THEN
      RETURN QUERY SELECT 'pg_stat_statements is installed but not loaded: add pg_stat_statements to '
                          'shared_preload_libraries in postgresql.conf and restart PostgreSQL'::TEXT,
                          NULL::BIGINT, NULL::DOUBLE PRECISION, NULL::DOUBLE PRECISION;
  END;
END
$$;

REVOKE ALL ON FUNCTION analyze_query_performance() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION analyze_query_performance() TO ${request_role};
