#!/usr/bin/env bash
# Makes sure PostgreSQL and NATS (with JetStream) answer on their local ports: uses running ones,
# starts installed-but-stopped ones, installs them from Debian's packages when absent.
source "$(dirname "$0")/lib.sh"

ensure_postgres() {
  port_open 127.0.0.1 5432 && return 0
  if ! command -v pg_ctlcluster >/dev/null; then
    ensure_apt postgresql
    local conf
    conf=$(ls -d /etc/postgresql/*/main | head -1)
    # Local-only development database: trust connections from this machine, as on the dev images.
    cat >"$conf/pg_hba.conf" <<HBA
local all all trust
host all all 127.0.0.1/32 trust
host all all ::1/128 trust
HBA
  fi
  local version
  version=$(ls /etc/postgresql | sort -V | tail -1)
  say "starting PostgreSQL $version"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start || pg_ctlcluster "$version" main start
  wait_for_port 127.0.0.1 5432 PostgreSQL
}

ensure_nats() {
  port_open 127.0.0.1 4222 && return 0
  command -v nats-server >/dev/null || [[ -x /usr/sbin/nats-server ]] || ensure_apt nats-server
  local bin
  bin=$(command -v nats-server || echo /usr/sbin/nats-server)
  mkdir -p /var/lib/nats-server 2>/dev/null || true
  local store=/var/lib/nats-server
  [[ -w $store ]] || store="$ROOT/.data/nats"
  mkdir -p "$store"
  say "starting NATS with JetStream (store: $store)"
  start-stop-daemon --start --oknodo --background --exec "$bin" -- -a 127.0.0.1 -p 4222 -js -sd "$store" \
    -l "$store/nats-server.log" 2>/dev/null ||
    (nohup "$bin" -a 127.0.0.1 -p 4222 -js -sd "$store" >"$store/nats-server.log" 2>&1 &)
  wait_for_port 127.0.0.1 4222 NATS
}

ensure_postgres
ensure_nats
say "PostgreSQL and NATS are up"
