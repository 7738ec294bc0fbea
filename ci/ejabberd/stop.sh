#!/usr/bin/env bash
# Stop the private ejabberd that ci/ejabberd/start.sh started.
#
# Usage (as root):  ci/ejabberd/stop.sh
#   EJABBERD_STATE_DIR  state directory, default /tmp/xmppcert-ci/ejabberd
#
# Idempotent: exits 0 when it is not running. Asks the node to stop through
# ejabberdctl (with the state directory's node name, port and cookie), waits
# (bounded) for the pid in the pidfile to exit, and only if that fails sends
# SIGTERM, then SIGKILL, to that pid, and only if it is the beam using this
# state directory's spool. No epmd was started (start.sh runs without it), so
# none is stopped. The state directory (logs, spool, certificate) is kept.
set -euo pipefail

STATE_DIR="${EJABBERD_STATE_DIR:-/tmp/xmppcert-ci/ejabberd}"
ETC_DIR="$STATE_DIR/etc"
PIDFILE="$STATE_DIR/run/ejabberd.pid"
STOP_TIMEOUT=30   # seconds

CI_SERVER=ejabberd
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=SCRIPTDIR/../lib/common.sh
. "$HERE/../lib/common.sh"

# One start or stop at a time per state directory (start.sh, calling us to
# restart, already holds the lock and says so).
lock_state_dir_for_stop 180

find_pid_to_stop "$PIDFILE" "-mnesia dir \"$STATE_DIR/spool\"" ejabberd

say "stopping ejabberd (pid $pid)"
deadline=$((SECONDS + STOP_TIMEOUT))
if ! out="$(timeout 20 ejabberdctl --config-dir "$ETC_DIR" --logs "$STATE_DIR/log" --spool "$STATE_DIR/spool" stop 2>&1)"; then
  say "ejabberdctl stop failed ($out); signalling pid $pid"
  kill -TERM "$pid" 2>/dev/null || true
fi
if ! poll_until "$deadline" 0.2 pid_gone "$pid"; then
  say "still running after ${STOP_TIMEOUT}s; sending SIGTERM"
  kill -TERM "$pid" 2>/dev/null || true
  if ! poll_until $((SECONDS + 10)) 0.2 pid_gone "$pid"; then
    say "still running; sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
  fi
fi
remove_pidfile "$PIDFILE"
say "stopped"
