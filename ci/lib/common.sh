# shellcheck shell=bash
# What the scripts that run xmppcert's private CI servers share (start.sh and
# stop.sh of ci/prosody, ci/ejabberd, ci/dnsmasq): messages, the lock on the
# state directory, pidfile checks, bounded waits, the env files, stopping by
# pidfile. Sourced, never run. Before sourcing it, a script sets
#   CI_SERVER  the server's name, which starts every message ("prosody: ...");
#              upper-cased it starts the server's variables (PROSODY_STATE_DIR)
#              and the lock marker (XMPPCERT_PROSODY_LOCKED)
#   HERE       the script's directory, which holds start.sh and stop.sh
#   STATE_DIR  the state directory
# A few functions call back into the script; each says which.
set -euo pipefail

CI_PREFIX="${CI_SERVER^^}"

# --- messages ------------------------------------------------------------------

say() { printf '%s: %s\n' "$CI_SERVER" "$*" >&2; }
die() { say "ERROR: $*"; exit 1; }

# Says what went wrong, shows the end (LOG_TAIL_LINES lines) of each non-empty
# file in SHOW_LOGS, and exits 1. A server this run started (STARTED_NOW=1)
# but that is not usable is not left behind: it is stopped first.
show_log_and_die() {
  say "ERROR: $*"
  local f
  for f in "${SHOW_LOGS[@]}"; do
    if [ -s "$f" ]; then
      say "---- last lines of $f ----"
      tail -n "$LOG_TAIL_LINES" "$f" >&2
    fi
  done
  if [ "$STARTED_NOW" = 1 ]; then
    stop_server || true
  fi
  exit 1
}

# --- checks --------------------------------------------------------------------

# STATE_DIR must be absolute and hold no character that the generated
# configuration files would have to quote.
check_state_dir() {
  case "$STATE_DIR" in
    /*) ;; *) die "${CI_PREFIX}_STATE_DIR must be an absolute path, got '$STATE_DIR'";;
  esac
  [[ "$STATE_DIR" =~ ^[A-Za-z0-9_./+-]+$ ]] || die "${CI_PREFIX}_STATE_DIR may hold only letters, digits and _ . / + -"
}

# True when $1 is not a TCP/UDP port number (1 to 65535).
# At most five digits before the numeric test: `[` fails (and so would pass) on numbers past 2^63.
not_a_port() { ! [[ "$1" =~ ^[0-9]{1,5}$ ]] || [ "$1" -lt 1 ] || [ "$1" -gt 65535 ]; }

# --- locking -------------------------------------------------------------------
# One start or stop at a time per state directory (parallel test runs), on
# $STATE_DIR/.lock through fd 9, held until the script exits. A daemon must
# not inherit fd 9 (start it with 9>&-), or it would hold the lock.

# start.sh: waits up to $1 seconds for the lock ($2: that time in words, for
# the message). stop.sh, when start.sh calls it, inherits the lock, and
# XMPPCERT_<SERVER>_LOCKED tells it so.
lock_state_dir() {
  exec 9>>"$STATE_DIR/.lock"
  flock -w "$1" 9 || die "another start.sh/stop.sh holds $STATE_DIR/.lock for $2"
  export "XMPPCERT_${CI_PREFIX}_LOCKED=1"
}

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

# Prints the pid in pidfile $1 if that process runs and its command line holds
# $2 (our server, started with our configuration); prints nothing otherwise.
pid_of() {
  local pid
  [ -r "$1" ] || return 0
  pid="$(tr -dc '0-9' <"$1" 2>/dev/null || true)"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  if cmdline_has "$pid" "$2"; then
    echo "$pid"
  fi
}

pid_gone() { ! kill -0 "$1" 2>/dev/null; }

tcp_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

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

# --- start.sh ------------------------------------------------------------------

# Runs stop.sh on our state directory.
stop_server() {
  env "${CI_PREFIX}_STATE_DIR=$STATE_DIR" "$HERE/stop.sh"
}

# True when file $1 exists and holds exactly $2 (plus a final newline).
file_holds() { [ -f "$1" ] && [ "$(cat "$1")" = "$2" ]; }

# The idempotent start: re-uses our server when it runs and the script's
# can_reuse says so (same configuration, answering), restarts it when it runs
# otherwise ($1 says how, for the message), starts it when it does not run.
# Calls the script's running_pid, can_reuse and start_server; sets pid.
start_or_reuse() {
  pid="$(running_pid)"
  if [ -n "$pid" ]; then
    if can_reuse; then
      say "already running (pid $pid) with this configuration; re-using it"
    else
      say "running (pid $pid) with $1; restarting"
      stop_server
      pid=""
    fi
  fi
  if [ -z "$pid" ]; then
    start_server
    pid="$(running_pid)"
  fi
}

# Writes the env file $1 from the key=value lines on stdin, raw (no quotes, no
# escapes: what the Java tests read), and $1.sh, the same quoted for `. env.sh`.
# The env file is replaced at once (written aside, then renamed).
write_env_files() {
  local key value
  cat >"$1.tmp"
  while IFS='=' read -r key value; do
    printf 'export %s=%q\n' "$key" "$value"
  done <"$1.tmp" >"$1.sh"
  mv -f "$1.tmp" "$1"
  chmod 644 "$1" "$1.sh"
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
