-- Monthly partitions of learning_events (V8), made ahead of time and aged out by functions the server
-- calls on a schedule through an owner connection (seed: Partitioning Strategy; seed-review 2).
-- Why learning_events, why no DEFAULT partition, and the operating rules are in
-- docs/schema-notes/partitions-encryption-backup.md and docs/operations-backup.md.
--
-- Months are UTC months: both functions run with TimeZone = 'UTC', so a partition's bounds never
-- depend on the caller's session time zone (bounds of a timestamptz range are fixed when the
-- partition is created; two callers in different zones would otherwise make overlapping months).
--
-- Indexes live on the parent only. V8's primary key and indexes are partitioned indexes: every
-- partition made here gets its own copy automatically, and a detached partition keeps its copies as
-- ordinary indexes. Nobody creates an index on a single partition by hand.
--
-- Only the owner runs these (EXECUTE is revoked from PUBLIC and never granted to the request role).
-- They are SECURITY DEFINER so that a superuser who calls them still makes partitions owned by the
-- schema owner, which the owner can later detach and drop.

CREATE FUNCTION ensure_learning_event_partitions(
  p_from          DATE    DEFAULT date_trunc('month', now() AT TIME ZONE 'UTC')::date,
  p_months_ahead  INTEGER DEFAULT 3
) RETURNS SETOF TEXT
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
  SET TimeZone = 'UTC'
  -- CREATE TABLE ... PARTITION OF locks the parent. Waiting behind a long query would queue every
  -- insert behind us; failing fast is better: the next scheduled call tries again, and partitions
  -- exist months ahead, so one missed call costs nothing.
  SET lock_timeout = '10s'
AS $$
DECLARE
  -- A mistyped year (0224 for 2024) should fail, not create two thousand tables.
  c_max_months CONSTANT INTEGER := 120;
  v_first      DATE;
  v_last       DATE;
  v_month      DATE;
  v_name       TEXT;
BEGIN
  IF p_from IS NULL THEN
    RAISE EXCEPTION 'ensure_learning_event_partitions: p_from must not be NULL'
      USING ERRCODE = 'null_value_not_allowed';
  END IF;
  IF p_months_ahead IS NULL OR p_months_ahead < 0 OR p_months_ahead > 24 THEN
    RAISE EXCEPTION 'ensure_learning_event_partitions: p_months_ahead must be between 0 and 24, got %', p_months_ahead
      USING ERRCODE = 'invalid_parameter_value';
  END IF;

  v_first := date_trunc('month', p_from)::date;
  v_last := (date_trunc('month', now()) + make_interval(months => p_months_ahead))::date;
  IF v_first > v_last THEN
    RAISE EXCEPTION 'ensure_learning_event_partitions: p_from (%) is after the last month to create (%)', v_first, v_last
      USING ERRCODE = 'invalid_parameter_value',
            HINT = 'Partitions are made up to the current month plus p_months_ahead.';
  END IF;
  IF (extract(year FROM age(v_last, v_first)) * 12 + extract(month FROM age(v_last, v_first))) >= c_max_months THEN
    RAISE EXCEPTION 'ensure_learning_event_partitions: % to % is more than % months; create older months in several calls',
      v_first, v_last, c_max_months
      USING ERRCODE = 'invalid_parameter_value';
  END IF;

  -- One maintenance call at a time: two servers on the same schedule must not both decide that a
  -- month is missing. Keyed like a lock on the table itself (pg_class, learning_events), so it cannot
  -- collide with a single-number advisory lock such as Flyway's.
  PERFORM pg_advisory_xact_lock('pg_catalog.pg_class'::regclass::oid::integer,
                                'public.learning_events'::regclass::oid::integer);

  FOR v_month IN SELECT generate_series(v_first::timestamp, v_last::timestamp, interval '1 month')::date LOOP
    v_name := 'learning_events_p' || to_char(v_month, 'YYYY_MM');

    CONTINUE WHEN EXISTS (
      SELECT 1
      FROM pg_inherits i
      JOIN pg_class c ON c.oid = i.inhrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE i.inhparent = 'public.learning_events'::regclass
        AND n.nspname = 'public'
        AND c.relname = v_name
    );
    IF to_regclass(format('public.%I', v_name)) IS NOT NULL THEN
      RAISE EXCEPTION 'ensure_learning_event_partitions: table % exists but is not a partition of learning_events', v_name
        USING ERRCODE = 'duplicate_table',
              HINT = 'It was probably detached by detach_learning_event_partitions(). Re-attach it with '
                     'ALTER TABLE learning_events ATTACH PARTITION ..., or archive and drop it.';
    END IF;

    EXECUTE format('CREATE TABLE public.%I PARTITION OF public.learning_events FOR VALUES FROM (%L) TO (%L)',
                   v_name,
                   v_month::timestamp AT TIME ZONE 'UTC',
                   (v_month + interval '1 month')::timestamp AT TIME ZONE 'UTC');

    -- Rows reach a partition only through the parent, whose privileges and policies apply there.
    -- Nobody reads a partition directly: take back whatever default privileges handed out, and
    -- give it the same row-level security as every other table (enabled, forced, readable by the
    -- owner for maintenance such as table_checksums()).
    EXECUTE format('REVOKE ALL ON TABLE public.%I FROM PUBLIC, %I', v_name, '${request_role}');
    EXECUTE format('ALTER TABLE public.%I ENABLE ROW LEVEL SECURITY', v_name);
    EXECUTE format('ALTER TABLE public.%I FORCE ROW LEVEL SECURITY', v_name);
    EXECUTE format('CREATE POLICY owner_reads_all ON public.%I FOR SELECT TO CURRENT_USER USING (true)', v_name);

    RETURN NEXT v_name;
  END LOOP;
END
$$;

COMMENT ON FUNCTION ensure_learning_event_partitions(DATE, INTEGER) IS
  'Creates the monthly (UTC) partitions learning_events_pYYYY_MM from p_from through the current month '
  '+ p_months_ahead; returns the names it created. Idempotent; safe to call concurrently. Owner only.';

CREATE FUNCTION detach_learning_event_partitions(
  p_retain_months  INTEGER DEFAULT 13,
  p_drop           BOOLEAN DEFAULT false
) RETURNS SETOF TEXT
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
  SET TimeZone = 'UTC'
  SET lock_timeout = '10s'
AS $$
DECLARE
  v_cutoff TIMESTAMPTZ;
  v_part   RECORD;
BEGIN
  IF p_retain_months IS NULL OR p_retain_months < 1 OR p_retain_months > 1200 THEN
    RAISE EXCEPTION 'detach_learning_event_partitions: p_retain_months must be between 1 and 1200, got %', p_retain_months
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF p_drop IS NULL THEN
    RAISE EXCEPTION 'detach_learning_event_partitions: p_drop must not be NULL'
      USING ERRCODE = 'null_value_not_allowed';
  END IF;

  -- Kept: the current month and the p_retain_months months before it. A partition goes only when its
  -- whole range ends at or before the cutoff, which is at or before the start of the current month:
  -- the current month (and anything later) is never touched.
  v_cutoff := date_trunc('month', now()) - make_interval(months => p_retain_months);

  PERFORM pg_advisory_xact_lock('pg_catalog.pg_class'::regclass::oid::integer,
                                'public.learning_events'::regclass::oid::integer);

  FOR v_part IN
    SELECT n.nspname AS schema_name,
           c.relname AS table_name,
           -- The upper bound, as PostgreSQL prints it (in UTC here); NULL for MAXVALUE or DEFAULT.
           (regexp_match(pg_get_expr(c.relpartbound, c.oid), $re$ TO \('([^']+)'\)$re$))[1]::timestamptz AS upper_bound
    FROM pg_inherits i
    JOIN pg_class c ON c.oid = i.inhrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE i.inhparent = 'public.learning_events'::regclass
    ORDER BY 3, 2
  LOOP
    CONTINUE WHEN v_part.upper_bound IS NULL OR v_part.upper_bound > v_cutoff;

    -- Not CONCURRENTLY: that form cannot run inside a function's transaction. The plain form holds
    -- the parent's lock only for a catalog update (no data is moved or scanned).
    EXECUTE format('ALTER TABLE public.learning_events DETACH PARTITION %I.%I', v_part.schema_name, v_part.table_name);
    IF p_drop THEN
      EXECUTE format('DROP TABLE %I.%I', v_part.schema_name, v_part.table_name);
    END IF;
    RETURN NEXT v_part.table_name;
  END LOOP;
END
$$;

COMMENT ON FUNCTION detach_learning_event_partitions(INTEGER, BOOLEAN) IS
  'Detaches (and with p_drop, drops) the partitions of learning_events whose whole range ends before '
  'the current UTC month minus p_retain_months; returns their names. Never touches the current month. Owner only.';

REVOKE EXECUTE ON FUNCTION ensure_learning_event_partitions(DATE, INTEGER) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION detach_learning_event_partitions(INTEGER, BOOLEAN) FROM PUBLIC;

-- The previous month (events recorded offline arrive late) through three months ahead.
SELECT ensure_learning_event_partitions((date_trunc('month', now() AT TIME ZONE 'UTC') - interval '1 month')::date, 3);
