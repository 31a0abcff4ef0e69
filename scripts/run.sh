#!/usr/bin/env bash
# `make start`: build, then run the web app and the workers in production mode until Ctrl-C.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
export NODE_ENV=production PORT=${PORT:-3000}

# Production mode needs real secrets. On a local machine we make them once and keep them in .data/
# (git-ignored); a deployment sets AUTH_SECRET and BLOB_SIGNING_SECRET itself and this is skipped.
secrets="$ROOT/.data/local-secrets.env"
if [[ -z ${AUTH_SECRET:-} || -z ${BLOB_SIGNING_SECRET:-} ]]; then
  if [[ ! -s $secrets ]]; then
    mkdir -p "$ROOT/.data"
    (
      umask 077
      printf 'AUTH_SECRET=%s\nBLOB_SIGNING_SECRET=%s\n' "$(od -An -tx1 -N32 /dev/urandom | tr -d ' \n')" \
        "$(od -An -tx1 -N32 /dev/urandom | tr -d ' \n')" >"$secrets"
    )
  fi
  set -a
  # shellcheck source=/dev/null
  source "$secrets"
  set +a
fi
# glibc's per-thread malloc arenas and its sliding mmap threshold make libvips's memory balloon; two
# arenas and a fixed threshold keep workers small (apps/workers/src/process-settings.ts).
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2} MALLOC_MMAP_THRESHOLD_=${MALLOC_MMAP_THRESHOLD_:-1048576}

say "building the web app"
pnpm turbo run build --filter @wallpaperdb/web --output-logs=errors-only

pids=()
alive() {
  local pid
  for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && return 0; done
  return 1
}
stop() {
  trap - INT TERM EXIT
  say "stopping"
  if [[ $1 == INT ]]; then
    # Ctrl-C has already reached every process of the terminal's group, and a second signal makes the
    # workers exit at once instead of finishing the images they hold (WORKERS_SHUTDOWN_TIMEOUT_MS,
    # 10 s by default). Only a process still running after that gets TERM.
    for _ in {1..150}; do alive || break; sleep 0.1; done
  fi
  kill -TERM "${pids[@]}" 2>/dev/null || true
  wait "${pids[@]}" 2>/dev/null || true
}
trap 'stop INT' INT
trap 'stop TERM' TERM EXIT

(cd apps/web && exec ./node_modules/.bin/next start -p "$PORT") &
pids+=($!)
# V8 settings for a process whose image memory lives in libvips (apps/workers/src/process-settings.ts).
# On the command line: NODE_OPTIONS refuses most V8 flags.
node --max-semi-space-size=8 --max-old-space-size=256 --heap-growing-percent=200 apps/workers/src/main.ts &
pids+=($!)

wait_for_port 127.0.0.1 "$PORT" "the web app"
say "WallpaperDB is running on http://localhost:$PORT (readiness: http://localhost:$PORT/api/ready). Ctrl-C stops it."
# Whichever process ends first (crash or signal) brings the other down with it.
wait -n "${pids[@]}" || true
