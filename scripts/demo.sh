#!/usr/bin/env bash
# npm run demo: install, migrate, load the sample article and demo accounts, build, serve.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/ensure-env.sh

export PORT="${PORT:-3000}"
export NEXTAUTH_URL="${NEXTAUTH_URL:-http://localhost:$PORT}"

echo "==> Migrating the database ($( [ "${DB_PROVIDER:-}" = postgresql ] && echo PostgreSQL || echo "SQLite, ${SQLITE_URL:-file:./data/factmark.db}"))"
npx prisma migrate deploy
echo "==> Loading the demo workspace, accounts and sample article"
npx tsx --conditions=react-server scripts/seed.ts
echo "==> Building"
npm run build
echo "==> Factmark is starting on $NEXTAUTH_URL  (sign in with an account above; Ctrl+C stops)"
exec node --require ./scripts/client-ip.cjs --require ./scripts/fast-health.cjs node_modules/next/dist/bin/next start -p "$PORT"
