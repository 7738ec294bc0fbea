#!/usr/bin/env bash
# Start a private ejabberd (Debian's 23.01) on loopback for the xmppcert
# integration tests. Not the system instance, not systemd: its own config,
# Erlang node name and cookie, Mnesia spool, certificate and logs, all under
# one state directory.
#
# Usage (as root; ejabberdctl itself switches to the `ejabberd` user):
#   ci/ejabberd/start.sh         start, or re-use the one already running
#   ci/ejabberd/stop.sh          stop it
#
# Environment (all optional):
#   EJABBERD_STATE_DIR    state directory            default /tmp/xmppcert-ci/ejabberd
#   EJABBERD_PORT         c2s port on 127.0.0.1      default 5242
#   EJABBERD_DIST_PORT    Erlang distribution port   default 5243 (127.0.0.1 only)
#   EJABBERD_DOMAIN       the XMPP domain            default localhost
#   EJABBERD_ANON_DOMAIN  anonymous-login domain     default anon.$EJABBERD_DOMAIN
#   EJABBERD_ACCOUNTS     "user:password ..."        default "alice:alice-password-1 bob:bob-password-2"
#   EJABBERD_NODE         Erlang node name           default xmppcert-ejabberd@localhost
#   EJABBERD_LOG_LEVEL    ejabberd loglevel          default info
#
# What it sets up:
# - One listener: ejabberd_c2s on 127.0.0.1:$EJABBERD_PORT. No s2s listener
#   and s2s_access: none (stanzas to other domains bounce locally: no DNS, no
#   outgoing connection), no HTTP, no STUN, no MQTT.
# - The Erlang distribution (for ejabberdctl) on 127.0.0.1:$EJABBERD_DIST_PORT,
#   without epmd: ejabberdctl's ERL_DIST_PORT, i.e. -erl_epmd_port and
#   -start_epmd false. Its cookie is random, made at each fresh start and
#   kept in etc/vm.args (mode 600); Erlang puts it on the beam command line,
#   which is acceptable for a throwaway node listening on loopback only.
# - A self-signed certificate made at each fresh start, subjectAltName
#   DNS:<domain>, DNS:<anon domain> (and IP:127.0.0.1 for localhost); the
#   certificate is its own CA (XMPP_CAFILE). ejabberd gets key+cert in one PEM.
# - STARTTLS required (starttls_required), stream compression (XEP-0138)
#   zlib on the listener, offered after SASL (it needs the ezlib library of
#   Debian's erlang-p1-zlib; start.sh checks that it is really offered).
# - In-band registration (XEP-0077) open to every address and unthrottled
#   (mod_register ip_access: all, registration_timeout: infinity).
#   mod_fail2ban is not loaded (the tests log in with wrong passwords on
#   purpose), no shaper on c2s, max_fsm_queue raised.
# - Modules: roster, privacy (XEP-0016), disco, ping, version, caps, vcard
#   (no search service), offline, register, admin_extra (ejabberdctl
#   change_password). No carbons, stream management, blocking, MUC, pubsub.
# - Storage: Mnesia in $EJABBERD_STATE_DIR/spool, wiped at each fresh start.
#
# SASL mechanisms (none before TLS, since TLS is required). Passwords are
# stored in plain text (auth_password_format: plain) so that DIGEST-MD5 works:
#   <domain>: DIGEST-MD5, PLAIN, SCRAM-SHA-512(-PLUS), SCRAM-SHA-256(-PLUS),
#     SCRAM-SHA-1(-PLUS), in that order (X-OAUTH2 disabled). The -PLUS
#     variants know only the tls-unique channel binding, and ejabberd offers
#     them under TLS 1.3 too (where tls-unique is undefined; it then uses
#     the last Finished message, as OpenSSL reports it).
#   anon.<domain> (auth_method: anonymous, anonymous_protocol: sasl_anon):
#     ANONYMOUS only (the password mechanisms, which ejabberd would list
#     there but always fail, are disabled); no in-band registration.
#   The env file records what was really offered over TLS (XMPP_MECHANISMS,
#   XMPP_ANON_MECHANISMS) and XMPP_COMPRESSION=zlib if compression was
#   offered after authentication.
#
# Idempotent: if our ejabberd is already running with the same configuration,
# it is left alone (accounts re-ensured, passwords reset, info printed again);
# if the configuration changed it is restarted.
#
# Output: a summary on stdout, and two files in $EJABBERD_STATE_DIR:
#   env     key=value lines, raw (no quotes, no escapes), which the Java tests
#           read. Some values hold spaces (XMPP_ACCOUNTS, XMPP_MECHANISMS), so
#           `.` cannot source it; read it line by line, or use env.sh.
#   env.sh  the same, quoted for `. env.sh` in shell scripts.
# Non-zero exit status, with the ejabberd log, when the server did not come up.
set -euo pipefail

STATE_DIR="${EJABBERD_STATE_DIR:-/tmp/xmppcert-ci/ejabberd}"
PORT="${EJABBERD_PORT:-5242}"
DIST_PORT="${EJABBERD_DIST_PORT:-5243}"
DOMAIN="${EJABBERD_DOMAIN:-localhost}"
ANON_DOMAIN="${EJABBERD_ANON_DOMAIN:-anon.$DOMAIN}"
ACCOUNTS="${EJABBERD_ACCOUNTS:-alice:alice-password-1 bob:bob-password-2}"
NODE="${EJABBERD_NODE:-xmppcert-ejabberd@localhost}"
LOG_LEVEL="${EJABBERD_LOG_LEVEL:-info}"

HOST=127.0.0.1
RUN_USER=ejabberd
READY_TIMEOUT=60   # seconds; the Erlang VM and Mnesia take a few

CI_SERVER=ejabberd
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=SCRIPTDIR/../lib/common.sh
. "$HERE/../lib/common.sh"
# shellcheck source=SCRIPTDIR/../lib/xmpp.sh
. "$HERE/../lib/xmpp.sh"

ETC_DIR="$STATE_DIR/etc"
CONFIG="$ETC_DIR/ejabberd.yml"
CTL_CONFIG="$ETC_DIR/ejabberdctl.cfg"
VMARGS="$ETC_DIR/vm.args"
SPOOL_DIR="$STATE_DIR/spool"
LOG_DIR="$STATE_DIR/log"
RUN_DIR="$STATE_DIR/run"
PIDFILE="$RUN_DIR/ejabberd.pid"
CERT_DIR="$STATE_DIR/certs"
CERT="$CERT_DIR/$DOMAIN.crt"
KEY="$CERT_DIR/$DOMAIN.key"
PEM="$CERT_DIR/ejabberd.pem"
LOG="$LOG_DIR/ejabberd.log"
ENV_FILE="$STATE_DIR/env"
STARTED_NOW=0
# What show_log_and_die shows.
SHOW_LOGS=("$LOG_DIR/console.log" "$LOG" "$LOG_DIR/error.log")
LOG_TAIL_LINES=60

# --- checks ------------------------------------------------------------------

[ "$(id -u)" -eq 0 ] || die "run as root (ejabberdctl switches to the '$RUN_USER' user)"
command -v ejabberdctl >/dev/null || die "ejabberd is not installed (run ci/install-deps.sh)"
command -v openssl >/dev/null || die "openssl is not installed (run ci/install-deps.sh)"
id "$RUN_USER" >/dev/null 2>&1 || die "user '$RUN_USER' does not exist (is the ejabberd package installed?)"
if ! ls -d /usr/lib/erlang/lib/p1_zlib-*/priv/lib/ezlib.so >/dev/null 2>&1; then
  die "the ezlib library (erlang-p1-zlib) is missing: ejabberd cannot offer zlib stream compression"
fi

for p in "$PORT" "$DIST_PORT"; do
  if not_a_port "$p"; then
    die "EJABBERD_PORT and EJABBERD_DIST_PORT must be TCP port numbers, got '$p'"
  fi
done
[ "$PORT" != "$DIST_PORT" ] || die "EJABBERD_PORT and EJABBERD_DIST_PORT must differ"
check_domains
[[ "$NODE" =~ ^[A-Za-z0-9_-]+@[A-Za-z0-9-]+$ ]] || die "EJABBERD_NODE must look like name@shorthost, got '$NODE'"
case "$LOG_LEVEL" in none|emergency|alert|critical|error|warning|notice|info|debug) ;;
  *) die "EJABBERD_LOG_LEVEL must be an ejabberd loglevel (error, warning, info, debug, ...)";; esac
check_state_dir
parse_accounts

# --- helpers -----------------------------------------------------------------

# ejabberdctl with our directories; it reads $CTL_CONFIG (node name, dist
# port, pidfile) and $VMARGS (cookie) from --config-dir.
ctl() {
  ejabberdctl --config-dir "$ETC_DIR" --logs "$LOG_DIR" --spool "$SPOOL_DIR" "$@"
}

# The pid of our ejabberd (the beam using our spool), or nothing.
running_pid() { pid_of "$PIDFILE" "-mnesia dir \"$SPOOL_DIR\""; }

render_config() {
  cat <<EOF
# Generated by xmppcert ci/ejabberd/start.sh; rewritten on every start.
# A private test server on loopback: see the header of start.sh.

hosts:
  - "$DOMAIN"
  - "$ANON_DOMAIN"

loglevel: $LOG_LEVEL
log_rotate_count: 0
hide_sensitive_log_data: false

certfiles:
  - "$PEM"
acme:
  auto: false

listen:
  -
    port: $PORT
    ip: "$HOST"
    module: ejabberd_c2s
    starttls_required: true
    zlib: true
    shaper: none
    access: c2s
    max_stanza_size: 262144
    max_fsm_queue: 100000
    backlog: 1024

# No server-to-server at all.
s2s_access: none

auth_method: internal
auth_password_format: plain
disable_sasl_mechanisms:
  - "X-OAUTH2"

registration_timeout: infinity
max_fsm_queue: 100000

acl:
  local:
    user_regexp: ""

access_rules:
  c2s:
    allow: all
  register:
    allow: all
  local:
    allow: local

shaper_rules:
  max_user_sessions: 1000
  max_user_offline_messages: 10000

host_config:
  "$ANON_DOMAIN":
    auth_method: anonymous
    anonymous_protocol: sasl_anon
    allow_multiple_connections: true
    # ejabberd would still list the password mechanisms (which then always
    # fail) on an anonymous host: offer ANONYMOUS alone.
    disable_sasl_mechanisms:
      - "PLAIN"
      - "DIGEST-MD5"
      - "SCRAM-SHA-1"
      - "SCRAM-SHA-256"
      - "SCRAM-SHA-512"
      - "X-OAUTH2"
    # No in-band registration on the anonymous host.
    modules:
      mod_caps: {}
      mod_disco: {}
      mod_ping: {}
      mod_privacy: {}
      mod_roster:
        versioning: true
      mod_version: {}

modules:
  mod_admin_extra: {}
  mod_caps: {}
  mod_disco: {}
  mod_offline: {}
  mod_ping: {}
  mod_privacy: {}
  mod_register:
    access: register
    ip_access: all
    password_strength: 0
    welcome_message: {subject: "", body: ""}
  mod_roster:
    versioning: true
  mod_vcard:
    search: false
  mod_version: {}
EOF
}

render_ctl_config() {
  cat <<EOF
# Generated by xmppcert ci/ejabberd/start.sh; sourced by ejabberdctl.
ERLANG_NODE=$NODE
# A fixed distribution port and no epmd (ejabberdctl adds -erl_epmd_port
# \$ERL_DIST_PORT -start_epmd false, and -dist_listen false for its clients).
ERL_DIST_PORT=$DIST_PORT
ERL_OPTIONS="-env ERL_CRASH_DUMP_BYTES 0"
EJABBERD_PID_PATH=$PIDFILE
EJABBERD_BYPASS_WARNINGS=true
EOF
}

# vm.args: read by every erl that ejabberdctl starts (server and clients).
render_vmargs() {
  cat <<EOF
-setcookie $COOKIE
-kernel inet_dist_use_interface {127,0,0,1}
EOF
}

make_certificate() {
  rm -f "$PEM"
  make_self_signed_cert
  cat "$KEY" "$CERT" >"$PEM"
  chown "$RUN_USER:$RUN_USER" "$KEY" "$CERT" "$PEM"
  chmod 600 "$KEY" "$PEM"
  chmod 644 "$CERT"
}

start_server() {
  local p
  for p in "$PORT" "$DIST_PORT"; do
    if tcp_open "$HOST" "$p"; then
      die "something else already listens on $HOST:$p; stop it or set EJABBERD_PORT / EJABBERD_DIST_PORT"
    fi
  done
  rm -rf "$SPOOL_DIR" "$LOG_DIR" "$RUN_DIR"
  mkdir -p "$ETC_DIR" "$SPOOL_DIR" "$LOG_DIR" "$RUN_DIR"
  make_certificate
  printf '%s\n' "$CONFIG_TEXT" >"$CONFIG"
  printf '%s\n' "$CTL_CONFIG_TEXT" >"$CTL_CONFIG"
  COOKIE="$(openssl rand -hex 24)"
  ( umask 077; render_vmargs >"$VMARGS" )
  # ejabberdctl points ERL_INETRC here; Erlang complains if it is missing.
  printf '%% Erlang resolver settings: the defaults.\n' >"$ETC_DIR/inetrc"
  chown -R "$RUN_USER:$RUN_USER" "$STATE_DIR"
  chmod 755 "$STATE_DIR" "$CERT_DIR"
  runuser -u "$RUN_USER" -- test -r "$CONFIG" \
    || die "the '$RUN_USER' user cannot read $CONFIG: is every parent of $STATE_DIR searchable by it?"
  chmod 600 "$VMARGS"

  say "starting ejabberd on $HOST:$PORT (node $NODE, distribution on $HOST:$DIST_PORT)"
  STARTED_NOW=1
  # "start" runs erl -detached: it returns at once, the node boots on.
  # 9>&-: the node must not inherit (and so hold) our lock.
  ctl start </dev/null >"$LOG_DIR/console.log" 2>&1 9>&- \
    || show_log_and_die "ejabberdctl start failed"

  local deadline=$((SECONDS + READY_TIMEOUT)) status=""
  poll_until "$deadline" 0.5 reports_started \
    || show_log_and_die "ejabberd did not report started within ${READY_TIMEOUT}s: $(grep -m1 -v '^[[:space:]]*$' <<<"$status")"
  poll_until "$deadline" 0.2 tcp_open "$HOST" "$PORT" \
    || show_log_and_die "ejabberd is started but does not listen on $HOST:$PORT"
  [ -n "$(running_pid)" ] || show_log_and_die "ejabberd runs but wrote no pidfile at $PIDFILE"
}

# Ready: ejabberdctl status says started. Leaves what it said in $status
# (start_server's). A critical error in the log ends the wait.
reports_started() {
  if status="$(ctl status 2>&1)"; then
    return 0
  fi
  if grep -qs '\[critical\]' "$LOG"; then
    show_log_and_die "ejabberd failed to start"
  fi
  return 1
}

# An already running ejabberd is kept if it has this configuration (both
# files), says it is started and listens.
can_reuse() {
  file_holds "$CONFIG" "$CONFIG_TEXT" && file_holds "$CTL_CONFIG" "$CTL_CONFIG_TEXT" \
    && ctl status >/dev/null 2>&1 && tcp_open "$HOST" "$PORT"
}

ensure_accounts() {
  local a user pass out
  for a in "${ACCOUNT_LIST[@]}"; do
    user="${a%%:*}"
    pass="${a#*:}"
    if out="$(ctl check_account "$user" "$DOMAIN" 2>&1)"; then
      out="$(ctl change_password "$user" "$DOMAIN" "$pass" 2>&1)" \
        || die "could not reset the password of $user@$DOMAIN: $out"
    else
      out="$(ctl register "$user" "$DOMAIN" "$pass" 2>&1)" \
        || die "could not register $user@$DOMAIN: $out"
    fi
  done
}

# --- main ----------------------------------------------------------------------

mkdir -p "$STATE_DIR"
# One start or stop at a time per state directory (parallel test runs).
# stop.sh, when called from here, inherits the lock.
lock_state_dir 180 "3 minutes"
CONFIG_TEXT="$(render_config)"
CTL_CONFIG_TEXT="$(render_ctl_config)"

start_or_reuse "another configuration"

ensure_accounts

first_account="${ACCOUNT_LIST[0]}"
features="$(starttls_features "$DOMAIN")" || show_log_and_die "STARTTLS probe on $DOMAIN failed"
mechanisms="$(mechanisms_of <<<"$features")"
[ -n "$mechanisms" ] || show_log_and_die "the server offered no SASL mechanism after STARTTLS: $features"
sasl_features="$(starttls_features "$DOMAIN" "$first_account")" \
  || show_log_and_die "logging in as ${first_account%%:*}@$DOMAIN with PLAIN failed"
anon_features="$(starttls_features "$ANON_DOMAIN")" || show_log_and_die "STARTTLS probe on $ANON_DOMAIN failed"
anon_mechanisms="$(mechanisms_of <<<"$anon_features")"
printf '%s\n' "$features" >"$STATE_DIR/features-after-tls.xml"
printf '%s\n' "$sasl_features" >"$STATE_DIR/features-after-sasl.xml"

compression=""
if grep -q "<compression xmlns='http://jabber.org/features/compress'><method>zlib</method>" <<<"$sasl_features"; then
  compression=zlib
else
  say "WARNING: ejabberd does not offer zlib stream compression after SASL (is erlang-p1-zlib installed?)"
  say "features after SASL: $sasl_features"
fi

accounts_line="${ACCOUNT_LIST[*]}"
{
  echo "XMPP_SERVER=ejabberd"
  echo "XMPP_HOST=$HOST"
  echo "XMPP_PORT=$PORT"
  echo "XMPP_DOMAIN=$DOMAIN"
  echo "XMPP_CAFILE=$CERT"
  echo "XMPP_ACCOUNTS=$accounts_line"
  echo "XMPP_ANON_DOMAIN=$ANON_DOMAIN"
  echo "XMPP_MECHANISMS=$mechanisms"
  echo "XMPP_ANON_MECHANISMS=$anon_mechanisms"
  [ -z "$compression" ] || echo "XMPP_COMPRESSION=$compression"
} | write_env_files "$ENV_FILE"

version="$(dpkg-query -W -f='${Version}' ejabberd 2>/dev/null || echo '?')"
cat <<EOF
ejabberd $version is running (pid $pid, node $NODE)
  listens on     $HOST:$PORT (c2s, STARTTLS required), Erlang distribution on $HOST:$DIST_PORT
  domain         $DOMAIN (registration open), anonymous: $ANON_DOMAIN
  SASL after TLS $mechanisms  ($ANON_DOMAIN: $anon_mechanisms)
  compression    ${compression:-none offered}
  CA file        $CERT
  accounts       $accounts_line
  log            $LOG
  env file       $ENV_FILE (for shells: $ENV_FILE.sh)
  stop with      $HERE/stop.sh
EOF
