#!/usr/bin/env bash
# `make dev`: the web app (next dev) and the workers (node --watch) in watch mode.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
exec pnpm turbo run dev --filter @wallpaperdb/web --filter @wallpaperdb/workers
