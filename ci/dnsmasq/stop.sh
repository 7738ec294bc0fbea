#!/usr/bin/env bash
# Stop the private dnsmasq that ci/dnsmasq/start.sh started.
#
# Usage (as the user who ran start.sh, or root):  ci/dnsmasq/stop.sh
#   DNSMASQ_STATE_DIR  state directory, default /tmp/xmppcert-ci/dnsmasq
#
# Idempotent: exits 0 when it is not running. Only the process named by the
# pidfile in the state directory, and only if it runs with that directory's
# config file, is signalled (SIGTERM, then SIGKILL after 10 s). The state
# directory (config, log, env file) is kept for inspection.
set -euo pipefail

STATE_DIR="${DNSMASQ_STATE_DIR:-/tmp/xmppcert-ci/dnsmasq}"
CONFIG="$STATE_DIR/dnsmasq.conf"
PIDFILE="$STATE_DIR/dnsmasq.pid"
STOP_TIMEOUT=10   # seconds
# Run by another user than the one who started it, we may not be allowed to
# remove the pidfile: that is not a failure.
PIDFILE_REMOVAL=best-effort

CI_SERVER=dnsmasq
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=SCRIPTDIR/../lib/common.sh
. "$HERE/../lib/common.sh"

# One start or stop at a time per state directory (start.sh, calling us to
# restart, already holds the lock and says so).
lock_state_dir_for_stop 60

stop_by_pidfile "$PIDFILE" "--conf-file=$CONFIG" dnsmasq "$STOP_TIMEOUT"
