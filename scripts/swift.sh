#!/usr/bin/env bash
# A real S3 server for the tests that need one: OpenStack Swift (Debian's packages) with its s3api
# middleware and a tempauth user, on loopback. Installs what is missing, builds three one-device rings on
# a local folder, starts memcached and the proxy/account/container/object servers (no systemd), and
# waits until the S3 API answers. A second run reuses the running server.
#   scripts/swift.sh          start (or reuse) it and print the S3_TEST_* variables
#   source scripts/swift.sh   the same, and export them into the calling shell (scripts/test.sh does)
#   scripts/swift.sh stop     stop the servers and memcached this script started
# Everything lives under $SWIFT_HOME: /srv/wallpaperdb-swift when /srv is writable (one server per
# machine, like NATS under /var/lib), else .data/swift in the checkout.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

SWIFT_PORT=${SWIFT_PORT:-8480}
SWIFT_MEMCACHED_PORT=${SWIFT_MEMCACHED_PORT:-11211}
if [[ -z ${SWIFT_HOME:-} ]]; then
  if mkdir -p /srv/wallpaperdb-swift 2>/dev/null && [[ -w /srv/wallpaperdb-swift ]]; then
    SWIFT_HOME=/srv/wallpaperdb-swift
  else
    SWIFT_HOME="$ROOT/.data/swift"
  fi
fi
# The S3 credentials are tempauth's "account:user" and its key.
export S3_TEST_ENDPOINT="http://127.0.0.1:$SWIFT_PORT"
export S3_TEST_REGION=us-east-1
export S3_TEST_ACCESS_KEY_ID=test:tester
export S3_TEST_SECRET_ACCESS_KEY=testing

# A ListBuckets with a wrong signature: s3api answering SignatureDoesNotMatch means the chain
# proxy → s3api → tempauth (memcached) is up; without an Authorization header s3api stays out of the way.
swift_s3_answers() {
  local body
  body=$(curl -s --max-time 2 -H "Date: $(date -Ru)" -H "Authorization: AWS $S3_TEST_ACCESS_KEY_ID:probe" \
    "$S3_TEST_ENDPOINT/" 2>/dev/null) || return 1
  [[ $body == *"<Code>SignatureDoesNotMatch</Code>"* ]]
}

swift_write_config() {
  local etc=$SWIFT_HOME/etc run=$SWIFT_HOME/run devices=$SWIFT_HOME/devices user
  user=$(id -un)
  mkdir -p "$etc" "$run" "$SWIFT_HOME/log" "$devices/d1" || return 1
  # The hash prefix/suffix only has to stay the same for the life of the stored data.
  cat >"$etc/swift.conf" <<EOF
[swift-hash]
swift_hash_path_prefix = wallpaperdb-tests
swift_hash_path_suffix = wallpaperdb-tests

[storage-policy:0]
name = Policy-0
default = yes
EOF
  local common="swift_dir = $etc
devices = $devices
mount_check = false
disable_fallocate = true
user = $user
bind_ip = 127.0.0.1
workers = 1
log_name = swift
log_facility = LOG_LOCAL0
log_level = WARNING"
  local kind port
  for kind in account container object; do
    case $kind in account) port=6212 ;; container) port=6211 ;; object) port=6210 ;; esac
    cat >"$etc/$kind-server.conf" <<EOF
[DEFAULT]
bind_port = $port
$common

[pipeline:main]
pipeline = $kind-server

[app:$kind-server]
use = egg:swift#$kind

[$kind-replicator]
[$kind-updater]
[$kind-auditor]
EOF
  done
  cat >"$etc/proxy-server.conf" <<EOF
[DEFAULT]
bind_port = $SWIFT_PORT
swift_dir = $etc
user = $user
bind_ip = 127.0.0.1
workers = 2
log_name = swift-proxy
log_level = WARNING

[pipeline:main]
# s3api before tempauth (tempauth checks the S3 signatures); slo after it (S3 multipart uploads are SLOs).
pipeline = catch_errors gatekeeper healthcheck proxy-logging cache listing_formats bulk s3api tempauth copy slo dlo proxy-logging proxy-server

[app:proxy-server]
use = egg:swift#proxy
account_autocreate = true
allow_account_management = true

[filter:s3api]
use = egg:swift#s3api
location = $S3_TEST_REGION

[filter:tempauth]
use = egg:swift#tempauth
user_test_tester = $S3_TEST_SECRET_ACCESS_KEY .admin

[filter:cache]
use = egg:swift#memcache
memcache_servers = 127.0.0.1:$SWIFT_MEMCACHED_PORT

[filter:catch_errors]
use = egg:swift#catch_errors
[filter:gatekeeper]
use = egg:swift#gatekeeper
[filter:healthcheck]
use = egg:swift#healthcheck
[filter:proxy-logging]
use = egg:swift#proxy_logging
[filter:listing_formats]
use = egg:swift#listing_formats
[filter:bulk]
use = egg:swift#bulk
[filter:copy]
use = egg:swift#copy
[filter:slo]
use = egg:swift#slo
[filter:dlo]
use = egg:swift#dlo
EOF
}

# One device, one replica, 2^8 partitions: enough for tests, and built in well under a second.
swift_build_rings() {
  local etc=$SWIFT_HOME/etc kind port
  for kind in account container object; do
    [[ -s $etc/$kind.ring.gz ]] && continue
    case $kind in account) port=6212 ;; container) port=6211 ;; object) port=6210 ;; esac
    rm -f "$etc/$kind.builder"
    swift-ring-builder "$etc/$kind.builder" create 8 1 1 >/dev/null
    swift-ring-builder "$etc/$kind.builder" add "r1z1-127.0.0.1:$port/d1" 100 >/dev/null
    swift-ring-builder "$etc/$kind.builder" rebalance >/dev/null || [[ -s $etc/$kind.ring.gz ]]
  done
}

swift_start_server() {
  local name=$1 conf=$SWIFT_HOME/etc/$1.conf pidfile=$SWIFT_HOME/run/$1.pid
  if [[ -s $pidfile ]] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then return 0; fi
  setsid nohup "swift-$name" "$conf" --verbose >>"$SWIFT_HOME/log/$name.log" 2>&1 </dev/null &
  echo $! >"$pidfile"
}

ensure_swift() {
  swift_s3_answers && return 0
  local begun=$SECONDS
  command -v curl >/dev/null || ensure_apt curl
  ensure_apt swift swift-proxy swift-account swift-container swift-object python3-swift memcached
  command -v swift-proxy-server >/dev/null || return 1
  say "starting OpenStack Swift with s3api on 127.0.0.1:$SWIFT_PORT (data: $SWIFT_HOME)"
  # (set -e is off inside a function called from an if, so each step says when it failed)
  swift_write_config || return 1
  swift_build_rings || return 1
  if ! port_open 127.0.0.1 "$SWIFT_MEMCACHED_PORT"; then
    local as=()
    [[ $(id -u) == 0 ]] && as=(-u root)
    memcached -d "${as[@]}" -l 127.0.0.1 -p "$SWIFT_MEMCACHED_PORT" -m 64 -P "$SWIFT_HOME/run/memcached.pid"
  fi
  local server
  for server in account-server container-server object-server proxy-server; do swift_start_server "$server"; done
  for _ in $(seq 1 120); do
    if swift_s3_answers; then
      say "Swift S3 API is up in $((SECONDS - begun)) s"
      return 0
    fi
    sleep 0.25
  done
  tail -n 20 "$SWIFT_HOME"/log/*.log >&2 || true
  return 1
}

stop_swift() {
  local pidfile pid pids=() alive
  for pidfile in "$SWIFT_HOME"/run/*.pid; do
    [[ -s $pidfile ]] || continue
    pid=$(cat "$pidfile")
    pids+=("$pid")
    # The servers were started with setsid: their process group holds the forked workers too.
    kill -- "-$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true
    rm -f "$pidfile"
  done
  for _ in $(seq 1 40); do
    alive=0
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    ((alive)) || return 0
    sleep 0.25
  done
}

if [[ ${BASH_SOURCE[0]} == "$0" && ${1:-} == stop ]]; then
  stop_swift
  exit 0
fi

if ensure_swift; then
  [[ ${BASH_SOURCE[0]} != "$0" ]] || env | grep '^S3_TEST_' | sort
elif [[ ${BASH_SOURCE[0]} != "$0" ]]; then
  # Sourced by scripts/test.sh: the run goes on and the S3 suites fail with this line, not skipped.
  export S3_TEST_UNAVAILABLE="OpenStack Swift (scripts/swift.sh) did not start; logs in $SWIFT_HOME/log"
  warn "$S3_TEST_UNAVAILABLE"
else
  die "OpenStack Swift did not start; logs in $SWIFT_HOME/log"
fi
