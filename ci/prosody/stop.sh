#!/usr/bin/env bash
# Stop the private Prosody that ci/prosody/start.sh started.
#
# Usage (as root):  ci/prosody/stop.sh
#   PROSODY_STATE_DIR  state directory, default /tmp/xmppcert-ci/prosody
#
# Idempotent: exits 0 when it is not running. Only the process named by the
# pidfile in the state directory, and only if it runs with that directory's
# config file, is signalled (SIGTERM, then SIGKILL after 15 s). The state
# directory (log, data, certificate) is kept for inspection.
set -euo pipefail

STATE_DIR="${PROSODY_STATE_DIR:-/tmp/xmppcert-ci/prosody}"
CONFIG="$STATE_DIR/prosody.cfg.lua"
PIDFILE="$STATE_DIR/prosody.pid"
STOP_TIMEOUT=15   # seconds

CI_SERVER=prosody
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=SCRIPTDIR/../lib/common.sh
. "$HERE/../lib/common.sh"

# One start or stop at a time per state directory (start.sh, calling us to
# restart, already holds the lock and says so).
lock_state_dir_for_stop 180

stop_by_pidfile "$PIDFILE" "--config $CONFIG" Prosody "$STOP_TIMEOUT"
