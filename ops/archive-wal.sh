#!/usr/bin/env bash
# PostgreSQL's archive_command for point-in-time recovery (docs/operations-backup.md):
#
#   archive_command = '/opt/sevenp/ops/archive-wal.sh %p /srv/wal-archive/%f'
#
# Copies one WAL file into the archive so that it survives a crash, and never overwrites one:
#   * TARGET exists with the same content: success. PostgreSQL retries a file whose archiving it did
#     not see finish (a crash right after the copy); refusing would stop archiving for good.
#   * TARGET exists with other content: failure. Two clusters are archiving into one directory, or
#     the archive is damaged; PostgreSQL keeps the WAL and retries, and pg_stat_archiver shows the
#     failures until an operator looks.
#   * otherwise: copy to a temporary name in the archive directory, fsync it, link it into place
#     (a hard link fails rather than replace an existing name), fsync the directory.
# Exit status 0 tells PostgreSQL the file is archived and may be recycled; anything else, retry.
set -euo pipefail

if [ $# -ne 2 ]; then
  echo "usage: archive-wal.sh SOURCE TARGET   (archive_command = '.../archive-wal.sh %p /archive/dir/%f')" >&2
  exit 2
fi
source_file=$1
target=$2
directory=$(dirname -- "$target")

if [ ! -d "$directory" ]; then
  echo "archive-wal: archive directory $directory does not exist" >&2
  exit 1
fi
if [ -e "$target" ]; then
  if cmp -s -- "$source_file" "$target"; then
    exit 0
  fi
  echo "archive-wal: $target exists with different content; refusing to overwrite it" >&2
  exit 1
fi

temporary="$directory/.$(basename -- "$target").$$.partial"
trap 'rm -f -- "$temporary"' EXIT
cp -- "$source_file" "$temporary"
sync -- "$temporary"
if ! ln -- "$temporary" "$target" 2>/dev/null; then
  # Someone archived the same name meanwhile: fine only if it is the same file.
  cmp -s -- "$source_file" "$target" && exit 0
  echo "archive-wal: $target appeared meanwhile with different content; refusing to overwrite it" >&2
  exit 1
fi
sync -- "$directory"
