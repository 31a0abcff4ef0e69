#!/usr/bin/env bash
# What `pnpm bench:media` drives besides the app: nginx (the deployment's edge, and the static-file
# baseline) and wrk (the load generator), from Debian's packages when missing. Nothing is started here.
source "$(dirname "$0")/lib.sh"
ensure_apt nginx wrk
