#!/usr/bin/env bash
# Fails when the Prisma models and either provider's migrations disagree (a forgotten migration).
# The full-text tables (SQLite: *_fts and their FTS5 shadow tables; PostgreSQL: *_fts holding the
# stored tsvectors; lib/server/search) are hand-written
# and no Prisma models: a diff that only drops them counts as up to date.
set -uo pipefail
cd "$(dirname "$0")/.."
status=0
mkdir -p .tmp
check() {
  local folder=$1; shift
  local out code rest
  out=$(env "$@" npx prisma migrate diff --from-migrations "prisma/$folder/migrations" --to-schema-datamodel "prisma/$folder" --exit-code 2>&1)
  code=$?
  if [ $code -eq 2 ]; then
    rest=$(env "$@" npx prisma migrate diff --from-migrations "prisma/$folder/migrations" --to-schema-datamodel "prisma/$folder" --script 2>/dev/null \
      | grep -vE '^\s*(--.*)?$' | grep -vE '^PRAGMA ' | grep -vE '^DROP TABLE "[a-z]+_fts(_[a-z]+)?";$')
    [ -z "$rest" ] && code=0
  fi
  if [ $code -eq 0 ]; then echo "migrations/$folder: up to date"
  elif [ $code -eq 2 ]; then echo "migrations/$folder: MISSING a migration for:"; echo "$out" | tail -n 30; status=1
  else echo "migrations/$folder: check failed"; echo "$out" | tail -n 30; status=1
  fi
}
check sqlite DB_PROVIDER=sqlite SQLITE_URL="file:./.tmp/migration-check.db"
check postgres DB_PROVIDER=postgresql DATABASE_URL="${PG_CHECK_URL:-postgresql://postgres@127.0.0.1:5432/postgres}"
rm -f .tmp/migration-check.db
exit $status
