#!/bin/sh
# Installs dependencies when node_modules is missing or older than the lockfile, then
# generates the Prisma client. Fast (no network) when everything is already in place.
set -e
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 TURBO_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "[bazaar] installing dependencies (npm ci)"
  npm ci --no-audit --no-fund
fi
if [ ! -f packages/db/src/generated/prisma/client.ts ] || [ packages/db/prisma/schema.prisma -nt packages/db/src/generated/prisma/client.ts ]; then
  echo "[bazaar] generating the Prisma client"
  (cd packages/db && npx prisma generate >/dev/null)
fi
