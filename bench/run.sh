#!/usr/bin/env bash
# npm run bench: runs every benchmark in bench/ and prints its figures and peer ratios.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 NODE_ENV=production
status=0
for file in bench/*.bench.ts; do
  [ -e "$file" ] || continue
  echo "==> $file"
  npx tsx --conditions=react-server "$file" || status=1
  echo
done
exit $status
