#!/usr/bin/env bash
# Started by Playwright (playwright.cluster.config.ts): a fresh PostgreSQL database with the demo
# seed and two app servers on it (ports E2E_PORT and E2E_PORT+1), the way production runs several.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 DB_PROVIDER=postgresql FACTMARK_E2E=1
PORT="${E2E_PORT:-3150}"
ADMIN_URL="${PG_ADMIN_URL:-postgresql://postgres@127.0.0.1:5432/postgres}"
DB="factmark_e2e_cluster_$PORT"
node -e '
  const pg = require("pg");
  const c = new pg.Client({ connectionString: process.argv[1] });
  c.connect().then(() => c.query(`DROP DATABASE IF EXISTS "${process.argv[2]}" WITH (FORCE)`)).then(() => c.query(`CREATE DATABASE "${process.argv[2]}"`)).then(() => c.end());
' "$ADMIN_URL" "$DB"
DATABASE_URL="$(node -e 'const u = new URL(process.argv[1]); u.pathname = "/" + process.argv[2]; console.log(u.toString())' "$ADMIN_URL" "$DB")"
export DATABASE_URL
npx prisma migrate deploy > /dev/null
DEMO_PASSWORD="$E2E_PASSWORD" SEED_DEMO_FACTCHECK=0 npx tsx --conditions=react-server scripts/seed.ts
export NEXT_DIST_DIR="${NEXT_DIST_DIR:-.next}"
if [ "${E2E_SKIP_BUILD:-}" != "1" ] || [ ! -f "$NEXT_DIST_DIR/BUILD_ID" ]; then
  mkdir -p .tmp
  npm run build > ".tmp/e2e-build-$PORT.log" 2>&1 || { tail -n 60 ".tmp/e2e-build-$PORT.log"; exit 1; }
fi
exec node scripts/cluster.mjs --servers 2 --port "$PORT" --no-migrate
