# Sourced by demo.sh and test.sh: installs dependencies when missing and generates the
# git-ignored secrets file. Never prints secrets.
export NEXT_TELEMETRY_DISABLED=1

if [ ! -x node_modules/.bin/next ] || [ ! -d lib/generated/sqlite ] || [ ! -d lib/generated/postgres ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "==> Installing dependencies (npm ci, about 2 minutes on a fresh machine)"
  install_started=$SECONDS
  npm ci --no-audit --no-fund
  echo "==> Dependencies installed in $((SECONDS - install_started)) s"
fi

mkdir -p data
if [ ! -f data/secrets.env ]; then
  echo "==> Generating data/secrets.env (NEXTAUTH_SECRET)"
  umask 077
  printf 'NEXTAUTH_SECRET=%s\n' "$(node -e 'process.stdout.write(require("crypto").randomBytes(32).toString("base64url"))')" > data/secrets.env
fi
set -a
# shellcheck disable=SC1091
. data/secrets.env
set +a
