#!/usr/bin/env bash
# npm test: everything. Type check, lint, migrations check, unit tests, integration tests on
# SQLite and on PostgreSQL, end-to-end tests in Debian's Chromium, then the reliability suite
# (concurrent edits, kill -9, fuzzing) on both databases. Installs what is missing.
set -uo pipefail
cd "$(dirname "$0")/.."
. scripts/ensure-env.sh || exit 1

failed=()
step() {
  local name=$1; shift
  echo; echo "==> $name"
  local started=$SECONDS
  if "$@"; then echo "--- $name: ok ($((SECONDS - started)) s)"
  else echo "--- $name: FAILED ($((SECONDS - started)) s)"; failed+=("$name"); fi
}

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_updated=
apt_install() {
  [ -n "$apt_updated" ] || { as_root apt-get update -qq && apt_updated=1; }
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" > /dev/null
}

echo "==> Checking system packages"
command -v chromium > /dev/null || { echo "installing Debian's chromium"; apt_install chromium; }
command -v pdftotext > /dev/null || { echo "installing poppler-utils (pdftotext for PDF export tests)"; apt_install poppler-utils; }
if ! pg_isready -q -h 127.0.0.1 -p 5432; then
  echo "starting PostgreSQL"
  if ! command -v pg_ctlcluster > /dev/null; then apt_install postgresql; fi
  as_root pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -n 1)" main start
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
fi

step "Type check" npx tsc --noEmit
step "Lint" npx eslint --max-warnings=0 .
step "Migrations match the models (SQLite and PostgreSQL)" bash scripts/check-migrations.sh
reports=.tmp/test-reports
rm -rf "$reports" && mkdir -p "$reports"
vitest_json() { echo --reporter=default --reporter=json --outputFile.json="$reports/$1.json"; }
step "Unit tests" npx vitest run --project unit $(vitest_json unit)
step "Integration tests on SQLite" env DB_PROVIDER=sqlite npx vitest run --project integration $(vitest_json integration-sqlite)
step "Integration tests on PostgreSQL" env DB_PROVIDER=postgresql npx vitest run --project integration $(vitest_json integration-postgresql)
step "End-to-end tests (Playwright, Chromium)" env PLAYWRIGHT_JSON_OUTPUT_NAME="$reports/e2e.json" npx playwright test --reporter=list,json
# Two app servers on one PostgreSQL (live updates across servers), reusing the e2e build.
step "End-to-end tests on a two-server PostgreSQL cluster" env E2E_SKIP_BUILD=1 PLAYWRIGHT_JSON_OUTPUT_NAME="$reports/e2e-cluster.json" npx playwright test -c playwright.cluster.config.ts --reporter=list,json
# Concurrent edits, kill -9 durability and OpenAPI fuzzing against the e2e build, on both databases.
step "Reliability suite (SQLite and PostgreSQL)" env RELIABILITY_SKIP_BUILD=1 npm run --silent test:reliability

echo
node scripts/test-summary.mjs "$reports"/*.json
if [ ${#failed[@]} -gt 0 ]; then
  echo "npm test: FAILED: ${failed[*]}"
  exit 1
fi
echo "npm test: all steps passed"
