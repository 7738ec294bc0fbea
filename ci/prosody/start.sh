#!/usr/bin/env bash
# Start a private Prosody (Debian's 0.12) on loopback for the xmppcert
# integration tests. Not the system instance, not systemd: its own config,
# data, certificate, log and pidfile, all under one state directory.
#
# Usage (as root; Prosody itself runs as the `prosody` user):
#   ci/prosody/start.sh          start, or re-use the one already running
#   ci/prosody/stop.sh           stop it
#
# Environment (all optional):
#   PROSODY_STATE_DIR   state directory          default /tmp/xmppcert-ci/prosody
#   PROSODY_PORT        c2s port on 127.0.0.1    default 5222
#   PROSODY_DOMAIN      the XMPP domain          default localhost
#   PROSODY_ANON_DOMAIN anonymous-login domain   default anon.$PROSODY_DOMAIN
#   PROSODY_ACCOUNTS    "user:password ..."      default "alice:alice-password-1 bob:bob-password-2"
#   PROSODY_LOG_LEVEL   debug|info|warn|error    default info
#
# What it sets up:
# - c2s on 127.0.0.1:$PROSODY_PORT only. No s2s (mod_s2s disabled: stanzas to
#   other domains bounce locally, no DNS, no outgoing connection), no HTTP, no
#   direct-TLS port, no admin socket (prosodyctl works on the files directly).
# - A self-signed certificate made at each fresh start, with subjectAltName
#   DNS:<domain>, DNS:<anon domain> (and IP:127.0.0.1 for localhost). It is
#   its own CA: that file is XMPP_CAFILE in the env file.
# - STARTTLS required before anything else (c2s_require_encryption); TLS 1.2
#   and 1.3 (Prosody's default "tlsv1_2+").
# - In-band registration (XEP-0077) open on <domain>, unthrottled: the
#   throttle of mod_register_limits is off unless min_seconds_between_
#   registrations/registration_throttle_max is set (neither is), and loopback
#   is in its allowlist anyway. mod_limits (c2s rate limits) is not loaded.
# - Modules: roster, saslauth, tls, disco, ping, version, register,
#   privacy_lists (XEP-0016, from prosody-modules, which Debian installs into
#   /usr/lib/prosody/modules/mod_privacy_lists/), vcard, plus the ones Prosody
#   always loads (c2s, presence, message, iq, offline, posix). No carbons, no
#   blocklist, no dialback, no s2s.
# - Storage: internal (flat files) in $PROSODY_STATE_DIR/data, wiped at each
#   fresh start so every run begins with only the configured accounts.
#
# SASL mechanisms (none are offered before TLS, since TLS is required):
#   <domain> (authentication = internal_hashed, SCRAM-SHA-1 hashes):
#     SCRAM-SHA-1, PLAIN, and SCRAM-SHA-1-PLUS only when the client
#     negotiated TLS 1.2: Prosody 0.12 knows only the tls-unique channel
#     binding, which TLS 1.3 does not define. DIGEST-MD5 does not exist in
#     Prosody 0.12; EXTERNAL is not set up.
#   anon.<domain> (authentication = anonymous): ANONYMOUS only.
#   The env file records what the server really offered, observed over TLS:
#   XMPP_MECHANISMS with the default TLS version (1.3), XMPP_MECHANISMS_TLS12
#   with TLS 1.2, XMPP_ANON_MECHANISMS on the anonymous domain.
#
# Idempotent: if our Prosody is already running with the same configuration,
# it is left alone (accounts re-ensured, passwords reset, info printed again);
# if the configuration changed (other port, domain, ...) it is restarted.
#
# Output: a summary on stdout, and two files in $PROSODY_STATE_DIR:
#   env     key=value lines, raw (no quotes, no escapes), which the Java tests
#           read. Some values hold spaces (XMPP_ACCOUNTS, XMPP_MECHANISMS), so
#           `.` cannot source it; read it line by line, or use env.sh.
#   env.sh  the same, quoted for `. env.sh` in shell scripts.
# Exit status non-zero, with the Prosody log, when the server did not come up.
set -euo pipefail

STATE_DIR="${PROSODY_STATE_DIR:-/tmp/xmppcert-ci/prosody}"
PORT="${PROSODY_PORT:-5222}"
DOMAIN="${PROSODY_DOMAIN:-localhost}"
ANON_DOMAIN="${PROSODY_ANON_DOMAIN:-anon.$DOMAIN}"
ACCOUNTS="${PROSODY_ACCOUNTS:-alice:alice-password-1 bob:bob-password-2}"
LOG_LEVEL="${PROSODY_LOG_LEVEL:-info}"

HOST=127.0.0.1
RUN_USER=prosody
READY_TIMEOUT=20   # seconds

CI_SERVER=prosody
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=SCRIPTDIR/../lib/common.sh
. "$HERE/../lib/common.sh"
# shellcheck source=SCRIPTDIR/../lib/xmpp.sh
. "$HERE/../lib/xmpp.sh"

CONFIG="$STATE_DIR/prosody.cfg.lua"
PIDFILE="$STATE_DIR/prosody.pid"
DATA_DIR="$STATE_DIR/data"
CERT_DIR="$STATE_DIR/certs"
CERT="$CERT_DIR/$DOMAIN.crt"
KEY="$CERT_DIR/$DOMAIN.key"
LOG="$STATE_DIR/prosody.log"
CONSOLE_LOG="$STATE_DIR/prosody.console.log"
ENV_FILE="$STATE_DIR/env"
STARTED_NOW=0
# What show_log_and_die shows.
SHOW_LOGS=("$CONSOLE_LOG" "$LOG")
LOG_TAIL_LINES=60

# --- checks ------------------------------------------------------------------

[ "$(id -u)" -eq 0 ] || die "run as root (Prosody is started as the '$RUN_USER' user through runuser)"
if ! command -v prosody >/dev/null || ! command -v prosodyctl >/dev/null; then
  die "prosody is not installed (run ci/install-deps.sh)"
fi
[ -e /usr/lib/prosody/modules/mod_privacy_lists/mod_privacy_lists.lua ] \
  || die "mod_privacy_lists not found (install prosody-modules: ci/install-deps.sh)"
command -v openssl >/dev/null || die "openssl is not installed (run ci/install-deps.sh)"
id "$RUN_USER" >/dev/null 2>&1 || die "user '$RUN_USER' does not exist (is the prosody package installed?)"

if not_a_port "$PORT"; then
  die "PROSODY_PORT must be a TCP port number, got '$PORT'"
fi
check_domains
case "$LOG_LEVEL" in debug|info|warn|error) ;; *) die "PROSODY_LOG_LEVEL must be debug, info, warn or error";; esac
check_state_dir
parse_accounts

# --- helpers -----------------------------------------------------------------

as_prosody() { runuser -u "$RUN_USER" -- "$@"; }

# The pid of our Prosody (the one started with our config file), or nothing.
running_pid() { pid_of "$PIDFILE" "--config $CONFIG"; }

render_config() {
  cat <<EOF
-- Generated by xmppcert ci/prosody/start.sh; rewritten on every start.
-- A private test server on loopback: see the header of start.sh.

pidfile = "$PIDFILE"
data_path = "$DATA_DIR"
log = { { levels = { min = "$LOG_LEVEL" }, to = "file", filename = "$LOG" } }

-- Network: client connections on loopback, nothing else.
interfaces = { "$HOST" }
local_interfaces = { "$HOST" }
c2s_interfaces = { "$HOST" }
c2s_ports = { $PORT }
s2s_ports = { }
http_ports = { }
https_ports = { }

modules_enabled = {
	"roster";        -- RFC 6121 roster
	"saslauth";      -- SASL
	"tls";           -- STARTTLS
	"disco";         -- XEP-0030
	"ping";          -- XEP-0199
	"version";       -- XEP-0092
	"register";      -- XEP-0077 in-band registration
	"privacy_lists"; -- XEP-0016 (prosody-modules)
	"vcard";         -- XEP-0054
}
-- Loaded by default in 0.12 but unwanted: no server-to-server at all.
modules_disabled = { "s2s"; "s2s_auth_certs"; "dialback" }

c2s_require_encryption = true
ssl = { certificate = "$CERT"; key = "$KEY"; }

authentication = "internal_hashed"
storage = "internal"

allow_registration = false  -- opened on the main host below
-- mod_register_limits: no throttle is configured, and loopback is allowed.
registration_allowlist = { "127.0.0.1", "::1" }

VirtualHost "$DOMAIN"
	allow_registration = true

VirtualHost "$ANON_DOMAIN"
	authentication = "anonymous"
EOF
}

make_certificate() {
  make_self_signed_cert
  chown "$RUN_USER:$RUN_USER" "$KEY" "$CERT"
  chmod 600 "$KEY"
  chmod 644 "$CERT"
}

start_server() {
  if tcp_open "$HOST" "$PORT"; then
    die "something else already listens on $HOST:$PORT; stop it or set PROSODY_PORT"
  fi
  rm -rf "$DATA_DIR"
  mkdir -p "$DATA_DIR"
  make_certificate
  printf '%s\n' "$CONFIG_TEXT" >"$CONFIG"
  : >"$LOG"
  : >"$CONSOLE_LOG"
  rm -f "$PIDFILE"
  chown -R "$RUN_USER:$RUN_USER" "$STATE_DIR"
  chmod 755 "$STATE_DIR" "$CERT_DIR"
  runuser -u "$RUN_USER" -- test -r "$CONFIG" \
    || die "the '$RUN_USER' user cannot read $CONFIG: is every parent of $STATE_DIR searchable by it?"

  say "starting Prosody on $HOST:$PORT"
  STARTED_NOW=1
  # -D: Prosody detaches (setsid) once it is listening and writes the pidfile.
  # Its stdio goes to a file so no caller's pipe is held open.
  # 9>&-: the daemon must not inherit (and so hold) our lock.
  (cd "$STATE_DIR" && as_prosody prosody -D --config "$CONFIG" </dev/null >"$CONSOLE_LOG" 2>&1 9>&-) \
    || show_log_and_die "prosody exited with status $? while starting"

  poll_until $((SECONDS + READY_TIMEOUT)) 0.2 listening \
    || show_log_and_die "Prosody did not listen on $HOST:$PORT within ${READY_TIMEOUT}s"
}

# Ready: our Prosody runs and listens. An error in its log ends the wait.
listening() {
  if [ -n "$(running_pid)" ] && tcp_open "$HOST" "$PORT"; then
    return 0
  fi
  if grep -qE 'Failed to open server port|Could not bind|Error loading|[Ff]ailed to load module' "$LOG" 2>/dev/null; then
    show_log_and_die "Prosody reported a startup error"
  fi
  return 1
}

# An already running Prosody is kept if it has this configuration and listens.
can_reuse() { file_holds "$CONFIG" "$CONFIG_TEXT" && tcp_open "$HOST" "$PORT"; }

ensure_accounts() {
  local a user pass
  for a in "${ACCOUNT_LIST[@]}"; do
    user="${a%%:*}"
    pass="${a#*:}"
    # register creates the account or resets its password.
    (cd "$STATE_DIR" && as_prosody prosodyctl --config "$CONFIG" register "$user" "$DOMAIN" "$pass") \
      >"$STATE_DIR/prosodyctl.out" 2>&1 \
      || { cat "$STATE_DIR/prosodyctl.out" >&2; die "prosodyctl could not register $user@$DOMAIN"; }
  done
}

# What starttls_features says when it got no features.
say_no_features() { say "no stream features after STARTTLS on $1; openssl said:"; }

# --- main ----------------------------------------------------------------------

mkdir -p "$STATE_DIR"
# One start or stop at a time per state directory (parallel test runs).
# stop.sh, when called from here, inherits the lock.
lock_state_dir 180 "3 minutes"
CONFIG_TEXT="$(render_config)"

start_or_reuse "another configuration"

ensure_accounts

features="$(starttls_features "$DOMAIN")" || show_log_and_die "STARTTLS probe on $DOMAIN failed"
mechanisms="$(mechanisms_of <<<"$features")"
features12="$(starttls_features "$DOMAIN" "" -tls1_2)" || show_log_and_die "STARTTLS probe (TLS 1.2) on $DOMAIN failed"
mechanisms12="$(mechanisms_of <<<"$features12")"
anon_features="$(starttls_features "$ANON_DOMAIN")" || show_log_and_die "STARTTLS probe on $ANON_DOMAIN failed"
anon_mechanisms="$(mechanisms_of <<<"$anon_features")"
[ -n "$mechanisms" ] || show_log_and_die "the server offered no SASL mechanism after STARTTLS: $features"
printf '%s\n' "$features" >"$STATE_DIR/features-after-tls.xml"

accounts_line="${ACCOUNT_LIST[*]}"
write_env_files "$ENV_FILE" <<EOF
XMPP_SERVER=prosody
XMPP_HOST=$HOST
XMPP_PORT=$PORT
XMPP_DOMAIN=$DOMAIN
XMPP_CAFILE=$CERT
XMPP_ACCOUNTS=$accounts_line
XMPP_ANON_DOMAIN=$ANON_DOMAIN
XMPP_MECHANISMS=$mechanisms
XMPP_MECHANISMS_TLS12=$mechanisms12
XMPP_ANON_MECHANISMS=$anon_mechanisms
EOF

cat <<EOF
Prosody $(cat /usr/lib/prosody/prosody.version 2>/dev/null || echo '?') is running (pid $pid)
  listens on     $HOST:$PORT (c2s, STARTTLS required)
  domain         $DOMAIN (registration open), anonymous: $ANON_DOMAIN
  SASL after TLS $mechanisms  (TLS 1.2: $mechanisms12; $ANON_DOMAIN: $anon_mechanisms)
  CA file        $CERT
  accounts       $accounts_line
  log            $LOG
  env file       $ENV_FILE (for shells: $ENV_FILE.sh)
  stop with      $HERE/stop.sh
EOF
