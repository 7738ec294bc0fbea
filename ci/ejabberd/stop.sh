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

# One start or stop at a time per state directory (start.sh, calling us to
# restart, already holds the lock and says so).
if [ -z "${XMPPCERT_EJABBERD_LOCKED:-}" ] && [ -d "$STATE_DIR" ]; then
  exec 9>>"$STATE_DIR/.lock"
  flock -w 180 9 || { echo "ejabberd: ERROR: another start.sh/stop.sh holds $STATE_DIR/.lock" >&2; exit 1; }
fi

say() { printf 'ejabberd: %s\n' "$*" >&2; }

pid=""
if [ -r "$PIDFILE" ]; then
  pid="$(tr -dc '0-9' <"$PIDFILE" 2>/dev/null || true)"
fi
if [ -z "$pid" ] || ! kill -0 "$pid" 2>/dev/null; then
  say "not running (state dir $STATE_DIR)"
  rm -f "$PIDFILE"
  exit 0
fi
if ! tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "-mnesia dir \"$STATE_DIR/spool\""; then
  say "pid $pid from $PIDFILE is not our ejabberd; leaving it alone"
  rm -f "$PIDFILE"
  exit 0
fi

say "stopping ejabberd (pid $pid)"
deadline=$((SECONDS + STOP_TIMEOUT))
if ! out="$(timeout 20 ejabberdctl --config-dir "$ETC_DIR" --logs "$STATE_DIR/log" --spool "$STATE_DIR/spool" stop 2>&1)"; then
  say "ejabberdctl stop failed ($out); signalling pid $pid"
  kill -TERM "$pid" 2>/dev/null || true
fi
signalled=0
while kill -0 "$pid" 2>/dev/null; do
  if [ "$SECONDS" -ge "$deadline" ]; then
    if [ "$signalled" = 0 ]; then
      say "still running after ${STOP_TIMEOUT}s; sending SIGTERM"
      kill -TERM "$pid" 2>/dev/null || true
      signalled=1
      deadline=$((SECONDS + 10))
    else
      say "still running; sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      break
    fi
  fi
  sleep 0.2
done
rm -f "$PIDFILE"
say "stopped"
