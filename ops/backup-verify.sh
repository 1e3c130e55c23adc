#!/usr/bin/env bash
# Takes a logical backup of a 7P database and proves it restores: pg_dump (custom format), a scratch
# database on the same server, pg_restore into it, then table_checksums() (migration V16) on both
# sides, compared table by table. The procedure around it is in docs/operations-backup.md.
#
# The source's checksums are computed in the very snapshot pg_dump copies (an exported snapshot of
# a read-only repeatable-read transaction), so the comparison holds on a live database that keeps
# taking writes while the dump runs.
#
# Connection: the usual libpq environment (PGHOST, PGPORT, PGUSER, PGPASSWORD or ~/.pgpass,
# PGSSLMODE, ...). The role must read every row (a superuser, or a role with pg_read_all_data and
# BYPASSRLS), create databases and restore objects owned by the schema owner. No command ever
# prompts for a password.
#
# Exit status: 0 every table matches; 1 at least one table differs; 2 usage error;
#              3 a step failed (connection, dump, restore, checksums).
set -euo pipefail

readonly PROGRAM=backup-verify
readonly EXIT_MISMATCH=1 EXIT_USAGE=2 EXIT_FAILURE=3

usage() {
  cat <<'EOF'
Usage: backup-verify.sh [options] DATABASE
       backup-verify.sh --verify-only OTHER_DATABASE DATABASE
       backup-verify.sh --expect-checksums FILE DATABASE

Dumps DATABASE, restores the dump into a scratch database on the same server, and compares the row
count and checksum of every table (table_checksums()) between the two. Prints one line per table.

Options:
  --dump-file PATH        write the dump to PATH and keep it, with the source's checksums beside it
                          in PATH.checksums (default: a temporary file, removed); never overwrites
  --scratch-db NAME       name of the scratch database (default: DATABASE_verify_<time>_<pid>)
  --keep                  keep the scratch database afterwards (default: dropped)
  --jobs N                restore with N parallel jobs (default: 1)
  --maintenance-db NAME   database to connect to for CREATE/DROP DATABASE (default: postgres)
  --verify-only NAME      take no dump and restore nothing: compare DATABASE with the existing
                          database NAME now (for example one kept earlier with --keep)
  --expect-checksums FILE take no dump and restore nothing: compare DATABASE (say, restored from a
                          kept dump after a disaster) with the checksums FILE written beside that dump
  -h, --help              show this help

Connection settings come from PGHOST, PGPORT, PGUSER, PGPASSWORD (or ~/.pgpass) and friends.
pg_dump, pg_restore and psql are taken from PG_BINDIR, else from PATH, else from
/usr/lib/postgresql/15/bin.

Exit status: 0 all tables match, 1 a table differs, 2 usage error, 3 a step failed.
EOF
}

log() { printf '%s: %s\n' "$PROGRAM" "$*"; }
fail() { printf '%s: error: %s\n' "$PROGRAM" "$*" >&2; exit "$EXIT_FAILURE"; }
usage_error() { printf '%s: %s (see --help)\n' "$PROGRAM" "$*" >&2; exit "$EXIT_USAGE"; }

# ---------------------------------------------------------------------------------------- arguments
source_db=""
dump_file=""
scratch_db=""
keep_scratch=false
jobs=1
maintenance_db=postgres
verify_only=""
expect_file=""

while [ $# -gt 0 ]; do
  case "$1" in
    --dump-file) [ $# -ge 2 ] || usage_error "--dump-file needs a path"; dump_file=$2; shift 2 ;;
    --scratch-db) [ $# -ge 2 ] || usage_error "--scratch-db needs a name"; scratch_db=$2; shift 2 ;;
    --keep) keep_scratch=true; shift ;;
    --jobs) [ $# -ge 2 ] || usage_error "--jobs needs a number"; jobs=$2; shift 2 ;;
    --maintenance-db) [ $# -ge 2 ] || usage_error "--maintenance-db needs a name"; maintenance_db=$2; shift 2 ;;
    --verify-only) [ $# -ge 2 ] || usage_error "--verify-only needs a database name"; verify_only=$2; shift 2 ;;
    --expect-checksums) [ $# -ge 2 ] || usage_error "--expect-checksums needs a file"; expect_file=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    --) shift; break ;;
    -*) usage_error "unknown option $1" ;;
    *) [ -z "$source_db" ] || usage_error "only one DATABASE, got '$source_db' and '$1'"; source_db=$1; shift ;;
  esac
done
if [ $# -gt 0 ]; then
  [ -z "$source_db" ] && [ $# -eq 1 ] || usage_error "only one DATABASE"
  source_db=$1
fi
[ -n "$source_db" ] || usage_error "which DATABASE?"
[[ "$jobs" =~ ^[1-9][0-9]?$ ]] || usage_error "--jobs must be a number from 1 to 99, got '$jobs'"
if [ -n "$verify_only" ] || [ -n "$expect_file" ]; then
  [ -z "$verify_only" ] || [ -z "$expect_file" ] || usage_error "--verify-only and --expect-checksums exclude each other"
  [ -z "$dump_file" ] && [ -z "$scratch_db" ] && [ "$keep_scratch" = false ] \
    || usage_error "--verify-only and --expect-checksums take no --dump-file, --scratch-db or --keep"
  [ "$verify_only" != "$source_db" ] || usage_error "--verify-only must name a database other than DATABASE"
  [ -z "$expect_file" ] || [ -r "$expect_file" ] || usage_error "cannot read $expect_file"
fi
# Whether this run takes a dump and restores it (the default), or only compares.
dumping=true
[ -z "$verify_only$expect_file" ] || dumping=false
if [ "$dumping" = true ]; then
  # Our own default name is plain; a given one only has to fit PostgreSQL's 63-byte limit (it is
  # always passed as a quoted identifier, never spliced into SQL).
  if [ -z "$scratch_db" ]; then
    scratch_db="${source_db:0:30}_verify_$(date -u +%Y%m%d%H%M%S)_$$"
  fi
  [ "${#scratch_db}" -le 63 ] || usage_error "--scratch-db is longer than 63 characters"
  [ "$scratch_db" != "$source_db" ] || usage_error "the scratch database must not be DATABASE itself"
fi

# ----------------------------------------------------------------------------------------- programs
find_program() {
  local name=$1
  if [ -n "${PG_BINDIR:-}" ] && [ -x "$PG_BINDIR/$name" ]; then
    printf '%s\n' "$PG_BINDIR/$name"
  elif command -v "$name" >/dev/null 2>&1 && "$name" --version >/dev/null 2>&1; then
    # (Debian's wrapper in /usr/bin exists even when no client version is installed: it must run.)
    command -v "$name"
  elif [ -x "/usr/lib/postgresql/15/bin/$name" ]; then
    printf '%s\n' "/usr/lib/postgresql/15/bin/$name"
  else
    fail "$name not found (set PG_BINDIR, put it on PATH, or install Debian's postgresql-client-15)"
  fi
}
PSQL=$(find_program psql)
if [ "$dumping" = true ]; then
  PG_DUMP=$(find_program pg_dump)
  PG_RESTORE=$(find_program pg_restore)
  export PG_DUMP
fi

# Never prompt; fail on the first error; plain unaligned output; no ~/.psqlrc.
psql_at() { "$PSQL" -X -w -q -A -t -v ON_ERROR_STOP=1 "$@"; }

work=$(mktemp -d "${TMPDIR:-/tmp}/backup-verify.XXXXXX")
scratch_created=false
cleanup() {
  local status=$?
  if [ "$scratch_created" = true ] && [ "$keep_scratch" = false ]; then
    psql_at -d "$maintenance_db" -v db="$scratch_db" >/dev/null 2>&1 <<'SQL' \
      || printf '%s: warning: could not drop scratch database %s\n' "$PROGRAM" "$scratch_db" >&2
DROP DATABASE IF EXISTS :"db" WITH (FORCE);
SQL
  fi
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# -------------------------------------------------------------------------------------- the source
server_version=$(psql_at -d "$source_db" -c 'SHOW server_version_num' 2>"$work/connect.err") \
  || fail "cannot connect to database $source_db: $(cat "$work/connect.err")"
psql_at -d "$source_db" -c "SELECT 'public.table_checksums()'::regprocedure" >/dev/null 2>"$work/connect.err" \
  || fail "database $source_db has no table_checksums() (migration V16): $(cat "$work/connect.err")"

checksum_query="SELECT table_name || '|' || row_count || '|' || checksum FROM public.table_checksums()"
where="${PGHOST:-local socket}:${PGPORT:-5432}"

if [ -n "$expect_file" ]; then
  target_db=$source_db
  source_label="BACKUP ROWS"; target_label="DATABASE ROWS"
  log "comparing database $target_db on $where with the checksums in $expect_file (no dump taken)"
  if grep -Evq '^[^|]+[|][0-9]+[|][0-9a-f]{32}$' "$expect_file" || [ ! -s "$expect_file" ]; then
    fail "$expect_file is not a checksums file written by backup-verify.sh --dump-file"
  fi
  cp -- "$expect_file" "$work/source.txt"
elif [ -n "$verify_only" ]; then
  target_db=$verify_only
  source_label="SOURCE ROWS"; target_label="COMPARED ROWS"
  log "comparing database $source_db with database $target_db on $where (no dump taken)"
  psql_at -d "$source_db" -c "$checksum_query" >"$work/source.txt" 2>"$work/source.err" \
    || fail "checksums of $source_db failed: $(cat "$work/source.err")"
else
  source_label="SOURCE ROWS"; target_label="RESTORED ROWS"
  dump_major=$("$PG_DUMP" --version | sed -E 's/^[^0-9]*([0-9]+).*/\1/')
  if [ "$dump_major" -lt $((server_version / 10000)) ]; then
    fail "$PG_DUMP is version $dump_major, older than the server ($server_version): use a pg_dump at least as new as the server"
  fi
  keep_dump=false
  if [ -z "$dump_file" ]; then
    dump_file="$work/$source_db.dump"
  else
    keep_dump=true
    for existing in "$dump_file" "$dump_file.checksums"; do
      [ ! -e "$existing" ] || fail "$existing exists already; a backup is never overwritten"
    done
  fi
  export DUMP_FILE=$dump_file SOURCE_DB=$source_db DUMP_STATUS="$work/dump.status" DUMP_LOG="$work/dump.log"

  log "dumping database $source_db on $where to $dump_file"
  # One read-only repeatable-read transaction exports its snapshot; pg_dump runs inside it (psql's \!)
  # on that snapshot, and the checksums are computed in the same transaction, so both see exactly
  # the same rows.
  # Its standard output is the checksum query's and nothing else (pg_dump writes to --file).
  psql_at -d "$source_db" >"$work/source.txt" 2>"$work/session.err" <<SQL \
    || fail "the dump session failed: $(cat "$work/session.err")"
BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY;
SELECT pg_export_snapshot() AS snapshot \gset
\setenv SNAPSHOT :snapshot
$checksum_query;
\! "\$PG_DUMP" -w --format=custom --snapshot="\$SNAPSHOT" --file="\$DUMP_FILE" --dbname="\$SOURCE_DB" 2>"\$DUMP_LOG"; echo \$? >"\$DUMP_STATUS"
COMMIT;
SQL
  [ "$(cat "$work/dump.status" 2>/dev/null)" = 0 ] || fail "pg_dump failed: $(cat "$work/dump.log" 2>/dev/null)"
  log "dump written: $(du -h "$dump_file" | cut -f1)"
  if [ "$keep_dump" = true ]; then
    # What a restore of this dump must reproduce, for --expect-checksums after a disaster.
    cp -- "$work/source.txt" "$dump_file.checksums"
    log "checksums of the dumped data written to $dump_file.checksums"
  fi

  # The scratch database mirrors the source's owner, encoding and collation.
  db_settings=$(psql_at -d "$source_db" -c "SELECT pg_get_userbyid(datdba), pg_encoding_to_char(encoding),
      datcollate, datctype FROM pg_database WHERE datname = current_database()" 2>"$work/settings.err") \
    || fail "cannot read the settings of database $source_db: $(cat "$work/settings.err")"
  IFS='|' read -r db_owner db_encoding db_collate db_ctype <<<"$db_settings"
  psql_at -d "$maintenance_db" -v db="$scratch_db" -v owner="$db_owner" -v encoding="$db_encoding" \
    -v collate="$db_collate" -v ctype="$db_ctype" >/dev/null 2>"$work/create.err" <<'SQL' \
    || fail "cannot create scratch database $scratch_db: $(cat "$work/create.err")"
CREATE DATABASE :"db" TEMPLATE template0 OWNER :"owner" ENCODING :'encoding' LC_COLLATE :'collate' LC_CTYPE :'ctype';
SQL
  scratch_created=true
  target_db=$scratch_db

  log "restoring into scratch database $scratch_db"
  # pg_restore runs with row_security off and refreshes materialized views as their owner, whom
  # FORCE ROW LEVEL SECURITY binds: that refresh would fail. Restore everything but the views' data,
  # then refresh them with row security on, where the owner's own policies let it read.
  "$PG_RESTORE" -l "$dump_file" | grep -v 'MATERIALIZED VIEW DATA' >"$work/restore.list"
  "$PG_RESTORE" -w --exit-on-error --jobs="$jobs" --use-list="$work/restore.list" --dbname="$scratch_db" \
      "$dump_file" 2>"$work/restore.err" \
    || fail "pg_restore into $scratch_db failed: $(cat "$work/restore.err")"
  psql_at -d "$scratch_db" >/dev/null 2>"$work/refresh.err" <<'SQL' \
    || fail "refreshing the materialized views of $scratch_db failed: $(cat "$work/refresh.err")"
SET row_security = on;
SELECT format('REFRESH MATERIALIZED VIEW %I.%I', schemaname, matviewname) FROM pg_matviews \gexec
SQL
fi

psql_at -d "$target_db" -c "$checksum_query" >"$work/target.txt" 2>"$work/target.err" \
  || fail "checksums of $target_db failed: $(cat "$work/target.err")"

# ------------------------------------------------------------------------------------- the report
set +e
LC_ALL=C awk -F'|' -v source_label="$source_label" -v target_label="$target_label" '
  NR == FNR { source_rows[$1] = $2; source_sum[$1] = $3; names[$1] = 1; next }
            { target_rows[$1] = $2; target_sum[$1] = $3; names[$1] = 1 }
  END {
    count = 0
    for (name in names) sorted[++count] = name
    # insertion sort: portable awk has no sort of its own
    for (i = 2; i <= count; i++) {
      key = sorted[i]
      for (j = i - 1; j >= 1 && sorted[j] > key; j--) sorted[j + 1] = sorted[j]
      sorted[j + 1] = key
    }
    printf "%-40s %14s %14s  %s\n", "TABLE", source_label, target_label, "RESULT"
    bad = 0; rows = 0
    for (i = 1; i <= count; i++) {
      name = sorted[i]
      s = (name in source_rows) ? source_rows[name] : "-"
      t = (name in target_rows) ? target_rows[name] : "-"
      if (!(name in source_rows))      result = "MISMATCH: not in the original"
      else if (!(name in target_rows)) result = "MISMATCH: missing from the copy"
      else if (s != t)                 result = "MISMATCH: row count"
      else if (source_sum[name] != target_sum[name]) result = "MISMATCH: checksum"
      else                             result = "ok"
      if (result != "ok") bad++; else rows += s
      printf "%-40s %14s %14s  %s\n", name, s, t, result
    }
    if (count == 0) { print "no tables to compare"; exit 3 }
    if (bad > 0) { printf "RESULT: MISMATCH: %d of %d tables differ\n", bad, count; exit 1 }
    printf "RESULT: OK: %d tables, %d rows, every row count and checksum matches\n", count, rows
    exit 0
  }' "$work/source.txt" "$work/target.txt"
status=$?
set -e

if [ "$scratch_created" = true ] && [ "$keep_scratch" = true ]; then
  log "scratch database kept: $scratch_db (drop it with: DROP DATABASE \"$scratch_db\";)"
fi
case "$status" in
  0) exit 0 ;;
  1) exit "$EXIT_MISMATCH" ;;
  *) exit "$EXIT_FAILURE" ;;
esac
