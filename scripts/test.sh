#!/usr/bin/env bash
# `make test`: every tier, fastest first. Services and dependencies are set up by scripts/setup.sh;
# the S3 server (OpenStack Swift) only here, since only tests need it.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
export CI=${CI:-} NODE_ENV=test
results="$ROOT/.cache/test-results"
rm -rf "$results" && mkdir -p "$results"
started=$SECONDS

say "lint and typecheck"
pnpm --silent lint
pnpm --silent typecheck  # every program: packages, apps (the web app with its Next route types), e2e, scripts, benches

say "unit tests (no infrastructure)"
pnpm vitest run --project unit

# Built once here: the CLI's integration tests and the end-to-end tests serve this production build
# (their own `turbo run build` is then a cache hit).
say "building the web app"
pnpm turbo run build --filter @wallpaperdb/web --output-logs=errors-only

# A real S3 server for the S3 adapter, tus-on-S3 and pipeline-on-S3 suites; exports S3_TEST_*. If it
# cannot start, those suites fail with the reason (S3_TEST_UNAVAILABLE) instead of skipping.
source "$ROOT/scripts/swift.sh"

say "unit + integration tests against real PostgreSQL, NATS, S3 (Swift), ffmpeg (with coverage)"
pnpm vitest run --coverage --reporter=default --reporter=json --outputFile.json="$results/vitest.json"

say "end-to-end tests in Chromium"
PLAYWRIGHT_JSON_OUTPUT_FILE="$results/e2e.json" pnpm playwright test

node scripts/summarize-tests.ts "$results" "$((SECONDS - started))"
