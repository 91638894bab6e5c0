#!/bin/sh
# Every test: static checks, unit, integration (real PostgreSQL), then end-to-end in Chromium
# against the production builds of the three apps.
set -e
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 TURBO_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1
echo "[bazaar] formatting, typecheck and lint"
npx prettier --check . --log-level warn
npx turbo run typecheck lint --output-logs=errors-only
# The folders outside the workspaces: end-to-end tests, benchmarks, the start script.
npx tsc --noEmit -p e2e
npx tsc --noEmit -p bench
npx tsc --noEmit -p scripts
(cd bench && npx eslint .)
echo "[bazaar] unit and integration tests"
npx vitest run
echo "[bazaar] building the apps"
npx turbo run build --output-logs=errors-only
echo "[bazaar] benchmark smoke run (every benchmark path once; fails only on breakage)"
npm run bench -- --smoke --no-build
echo "[bazaar] end-to-end tests"
npx playwright test
