#!/usr/bin/env bash
# Started by Playwright (playwright.config.ts webServer): a fresh SQLite database with the demo
# seed, a production build in its own folder, served on E2E_PORT.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 DB_PROVIDER=sqlite FACTMARK_E2E=1
PORT="${E2E_PORT:-3100}"
mkdir -p .tmp
export SQLITE_URL="file:./.tmp/e2e-$PORT.db"
# Builds into .next (listed in tsconfig.json) unless NEXT_DIST_DIR names another folder; separate
# checkouts (git worktrees) each have their own .next, so only E2E_PORT has to differ between them.
export NEXT_DIST_DIR="${NEXT_DIST_DIR:-.next}"
rm -f ".tmp/e2e-$PORT.db"
npx prisma migrate deploy > /dev/null
DEMO_PASSWORD="$E2E_PASSWORD" SEED_DEMO_FACTCHECK=0 npx tsx --conditions=react-server scripts/seed.ts
if [ "${E2E_SKIP_BUILD:-}" != "1" ] || [ ! -f "$NEXT_DIST_DIR/BUILD_ID" ]; then
  build_started=$SECONDS
  npm run build > ".tmp/e2e-build-$PORT.log" 2>&1 || { tail -n 60 ".tmp/e2e-build-$PORT.log"; exit 1; }
  echo "next build finished in $((SECONDS - build_started)) s"
fi
exec node --require ./scripts/client-ip.cjs --require ./scripts/fast-health.cjs node_modules/next/dist/bin/next start -p "$PORT"
