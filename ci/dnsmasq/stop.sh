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

# One start or stop at a time per state directory (start.sh, calling us to
# restart, already holds the lock and says so).
if [ -z "${XMPPCERT_DNSMASQ_LOCKED:-}" ] && [ -d "$STATE_DIR" ]; then
  exec 9>>"$STATE_DIR/.lock"
  flock -w 60 9 || { echo "dnsmasq: ERROR: another start.sh/stop.sh holds $STATE_DIR/.lock" >&2; exit 1; }
fi

say() { printf 'dnsmasq: %s\n' "$*" >&2; }

pid=""
if [ -r "$PIDFILE" ]; then
  pid="$(tr -dc '0-9' <"$PIDFILE" 2>/dev/null || true)"
fi
if [ -z "$pid" ] || ! kill -0 "$pid" 2>/dev/null; then
  say "not running (state dir $STATE_DIR)"
  rm -f "$PIDFILE" 2>/dev/null || true
  exit 0
fi
if ! tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "--conf-file=$CONFIG"; then
  say "pid $pid from $PIDFILE is not our dnsmasq; leaving it alone"
  rm -f "$PIDFILE" 2>/dev/null || true
  exit 0
fi

say "stopping dnsmasq (pid $pid)"
kill -TERM "$pid" 2>/dev/null || true
deadline=$((SECONDS + STOP_TIMEOUT))
while kill -0 "$pid" 2>/dev/null; do
  if [ "$SECONDS" -ge "$deadline" ]; then
    say "still running after ${STOP_TIMEOUT}s; sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    break
  fi
  sleep 0.1
done
rm -f "$PIDFILE" 2>/dev/null || true
say "stopped"
