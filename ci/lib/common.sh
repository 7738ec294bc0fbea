# shellcheck shell=bash
# What the scripts that run xmppcert's private CI servers share (start.sh and
# stop.sh of ci/prosody, ci/ejabberd, ci/dnsmasq): messages, the lock on the
# state directory, pidfile checks, bounded waits, stopping by pidfile. So far
# the stop.sh scripts use it. Sourced, never run. Before sourcing it, a script
# sets
#   CI_SERVER  the server's name, which starts every message ("prosody: ...");
#              upper-cased it starts the server's variables (PROSODY_STATE_DIR)
#              and the lock marker (XMPPCERT_PROSODY_LOCKED)
#   STATE_DIR  the state directory
set -euo pipefail

CI_PREFIX="${CI_SERVER^^}"

# --- messages ------------------------------------------------------------------

say() { printf '%s: %s\n' "$CI_SERVER" "$*" >&2; }
die() { say "ERROR: $*"; exit 1; }

# --- locking -------------------------------------------------------------------
# One start or stop at a time per state directory (parallel test runs), on
# $STATE_DIR/.lock through fd 9, held until the script exits. A daemon must
# not inherit fd 9 (start it with 9>&-), or it would hold the lock.

# stop.sh: waits up to $1 seconds for the lock, unless start.sh holds it for
# us or there is no state directory (then there is nothing to stop).
lock_state_dir_for_stop() {
  local locked="XMPPCERT_${CI_PREFIX}_LOCKED"
  if [ -z "${!locked:-}" ] && [ -d "$STATE_DIR" ]; then
    exec 9>>"$STATE_DIR/.lock"
    flock -w "$1" 9 || die "another start.sh/stop.sh holds $STATE_DIR/.lock"
  fi
}

# --- processes and ports -------------------------------------------------------

# True when process $1 has $2 in its command line (arguments joined by spaces):
# a pid from a pidfile may have been reused by another program.
cmdline_has() {
  tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null | grep -qF -- "$2"
}

pid_gone() { ! kill -0 "$1" 2>/dev/null; }

# A bounded wait: runs "$@" until it succeeds, every $2 seconds, until $SECONDS
# reaches $1 (a deadline, so that several waits can share one); status 1 when
# the deadline passed first. "$@" runs at least once. It may exit the script
# (show_log_and_die) when it sees that waiting longer is pointless.
poll_until() {
  local _deadline=$1 _every=$2
  shift 2
  until "$@"; do
    [ "$SECONDS" -lt "$_deadline" ] || return 1
    sleep "$_every"
  done
}

# --- stop.sh -------------------------------------------------------------------

# Removes pidfile $1. With PIDFILE_REMOVAL=best-effort (a stop.sh that may run
# as another user than the one who started the server) a failure is ignored.
remove_pidfile() {
  if [ "${PIDFILE_REMOVAL:-}" = best-effort ]; then
    rm -f "$1" 2>/dev/null || true
  else
    rm -f "$1"
  fi
}

# Sets pid to the process that pidfile $1 names, if it runs and its command
# line holds $2; otherwise says so, removes the pidfile and exits 0 (stopping
# what does not run succeeds). $3 names the server in messages.
find_pid_to_stop() {
  pid=""
  if [ -r "$1" ]; then
    pid="$(tr -dc '0-9' <"$1" 2>/dev/null || true)"
  fi
  if [ -z "$pid" ] || ! kill -0 "$pid" 2>/dev/null; then
    say "not running (state dir $STATE_DIR)"
    remove_pidfile "$1"
    exit 0
  fi
  if ! cmdline_has "$pid" "$2"; then
    say "pid $pid from $1 is not our $3; leaving it alone"
    remove_pidfile "$1"
    exit 0
  fi
}

# Stops the server that pidfile $1 names if its command line holds $2 ($3
# names it in messages): SIGTERM, then SIGKILL after $4 seconds. Removes the
# pidfile. Exits 0 when it does not run.
stop_by_pidfile() {
  find_pid_to_stop "$1" "$2" "$3"
  say "stopping $3 (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  if ! poll_until $((SECONDS + $4)) 0.1 pid_gone "$pid"; then
    say "still running after ${4}s; sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  remove_pidfile "$1"
  say "stopped"
}
