#!/usr/bin/env bash
# Start a private dnsmasq (Debian's dnsmasq-base) on loopback that serves a
# small test zone for the SRV resolution tests of xmppcert (RFC 6120 §3.2,
# RFC 3920 §14.3). Not the system resolver, not systemd: its own config,
# pidfile and log, all under one state directory.
#
# Usage (as root, or as any user; as root, dnsmasq itself runs as the
# `dnsmasq` user, or `nobody` where that user does not exist):
#   ci/dnsmasq/start.sh          start, or re-use the one already running
#   ci/dnsmasq/stop.sh           stop it
#
# Environment (all optional):
#   DNSMASQ_STATE_DIR    state directory                 default /tmp/xmppcert-ci/dnsmasq
#   DNSMASQ_PORT         DNS port (UDP+TCP) on 127.0.0.1 default 5353
#   DNSMASQ_XMPP_PORT    port of the working SRV targets default 5222 (the CI Prosody)
#   DNSMASQ_CLOSED_PORT  port of the dead SRV target     default 1 (must refuse connections)
#
# Network: it listens on 127.0.0.1 only (bind-interfaces), forwards nothing
# (no-resolv, no upstream server, no-hosts: /etc/hosts and /etc/resolv.conf
# are not read), and answers only from the records below. Names under `test`
# (RFC 6761 §6.2, reserved for testing) it does not know get NXDOMAIN
# (local=/test/); any other name gets REFUSED. No DHCP, no TFTP.
#
# The zone (every address is on loopback):
#   srv.test            SRV _xmpp-client._tcp: priority 20 xmpp2.srv.test:$DNSMASQ_XMPP_PORT
#                                              priority 10 xmpp1.srv.test:$DNSMASQ_XMPP_PORT
#                       (listed in that order, so a client that does not sort
#                       by priority tries the backup first), no A/AAAA record
#                       of its own, so a fallback to srv.test:5222 cannot reach
#                       anything: a connection proves the SRV target was used.
#   xmpp1.srv.test      A 127.0.0.1
#   xmpp2.srv.test      A 127.0.0.1
#   noservice.test      SRV _xmpp-client._tcp: one record with target "."
#                       ("decidedly not available", RFC 2782), A 127.0.0.1
#   fallthrough.test    SRV _xmpp-client._tcp: priority 10 dead.fallthrough.test:$DNSMASQ_CLOSED_PORT
#                                              priority 20 xmpp.fallthrough.test:$DNSMASQ_XMPP_PORT
#                       (RFC 6120 §3.2.1 items 6-7: the client must go on to
#                       the second target), no A/AAAA record of its own.
#   dead.fallthrough.test  A 127.0.0.1 (nothing listens on the closed port)
#   xmpp.fallthrough.test  A 127.0.0.1
#   fallback.test       no SRV record, A 127.0.0.1 (RFC 6120 §3.2.2: port 5222)
#   dual.test           A 127.0.0.1 and AAAA ::1
#   v6.test             AAAA ::1 only
#   missing.test        nothing (NXDOMAIN)
# The XMPP servers do not serve any of these domains: a stream to them is
# answered with <host-unknown/>, which is what the tests expect.
#
# Idempotent: if our dnsmasq is already running with the same configuration
# it is left alone (the zone is probed and the info printed again); if the
# configuration changed (other port, ...) it is restarted.
#
# Output: a summary on stdout, and two files in $DNSMASQ_STATE_DIR:
#   env     key=value lines, raw (no quotes, no escapes), which the Java tests
#           read: DNS_HOST, DNS_PORT, the names above and the ports.
#   env.sh  the same, quoted for `. env.sh` in shell scripts.
# Exit status non-zero, with the dnsmasq log, when the server did not come up
# or does not answer as the zone above says.
set -euo pipefail

STATE_DIR="${DNSMASQ_STATE_DIR:-/tmp/xmppcert-ci/dnsmasq}"
PORT="${DNSMASQ_PORT:-5353}"
XMPP_PORT="${DNSMASQ_XMPP_PORT:-5222}"
CLOSED_PORT="${DNSMASQ_CLOSED_PORT:-1}"

HOST=127.0.0.1
XMPP_HOST=127.0.0.1
DNSMASQ=/usr/sbin/dnsmasq
READY_TIMEOUT=10   # seconds

# The zone's names (see the header).
SRV_DOMAIN=srv.test
SRV_PRIMARY=xmpp1.srv.test
SRV_BACKUP=xmpp2.srv.test
NO_SERVICE_DOMAIN=noservice.test
FALLTHROUGH_DOMAIN=fallthrough.test
FALLTHROUGH_DEAD=dead.fallthrough.test
FALLTHROUGH_LIVE=xmpp.fallthrough.test
FALLBACK_DOMAIN=fallback.test
DUAL_HOST=dual.test
V6_HOST=v6.test
MISSING_DOMAIN=missing.test
SERVICE=_xmpp-client._tcp

CI_SERVER=dnsmasq
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=SCRIPTDIR/../lib/common.sh
. "$HERE/../lib/common.sh"

CONFIG="$STATE_DIR/dnsmasq.conf"
PIDFILE="$STATE_DIR/dnsmasq.pid"
LOG="$STATE_DIR/dnsmasq.log"
CONSOLE_LOG="$STATE_DIR/dnsmasq.console.log"
ENV_FILE="$STATE_DIR/env"
STARTED_NOW=0
# What show_log_and_die shows.
SHOW_LOGS=("$CONSOLE_LOG" "$LOG")
LOG_TAIL_LINES=40

# --- checks ------------------------------------------------------------------

[ -x "$DNSMASQ" ] || die "$DNSMASQ is not installed (package dnsmasq-base: run ci/install-deps.sh)"
command -v perl >/dev/null || die "perl is not installed (the readiness probe needs it)"

for v in PORT XMPP_PORT CLOSED_PORT; do
  p="${!v}"
  if not_a_port "$p"; then
    die "DNSMASQ_$v must be a port number, got '$p'"
  fi
done
[ "$CLOSED_PORT" != "$XMPP_PORT" ] || die "DNSMASQ_CLOSED_PORT must differ from DNSMASQ_XMPP_PORT"
check_state_dir

if [ "$(id -u)" -eq 0 ]; then
  if id dnsmasq >/dev/null 2>&1; then RUN_USER=dnsmasq; else RUN_USER=nobody; fi
  if [ "$PORT" -lt 1024 ]; then
    die "DNSMASQ_PORT $PORT is privileged; dnsmasq runs as '$RUN_USER' and cannot bind it (use 1024 or more)"
  fi
  as_run_user() { runuser -u "$RUN_USER" -- "$@"; }
else
  RUN_USER="$(id -un)"
  [ "$PORT" -ge 1024 ] || die "DNSMASQ_PORT $PORT is privileged; use 1024 or more"
  as_run_user() { "$@"; }
fi

# --- helpers -----------------------------------------------------------------

# The pid of our dnsmasq (the one started with our config file), or nothing.
running_pid() { pid_of "$PIDFILE" "--conf-file=$CONFIG"; }

render_config() {
  cat <<EOF
# Generated by xmppcert ci/dnsmasq/start.sh; rewritten on every start.
# A private DNS server on loopback for the SRV tests: see the header of start.sh.

# Network: 127.0.0.1 only, a non-privileged port, nothing forwarded.
port=$PORT
listen-address=$HOST
bind-interfaces
no-resolv
no-hosts
no-poll
local=/test/
user=$RUN_USER
pid-file=$PIDFILE
log-facility=$LOG
log-queries

# $SRV_DOMAIN: two targets, the backup listed first (the client sorts by priority).
srv-host=$SERVICE.$SRV_DOMAIN,$SRV_BACKUP,$XMPP_PORT,20,0
srv-host=$SERVICE.$SRV_DOMAIN,$SRV_PRIMARY,$XMPP_PORT,10,0
host-record=$SRV_PRIMARY,$XMPP_HOST
host-record=$SRV_BACKUP,$XMPP_HOST

# $NO_SERVICE_DOMAIN: a single SRV record with the target "." (no target given).
srv-host=$SERVICE.$NO_SERVICE_DOMAIN
host-record=$NO_SERVICE_DOMAIN,$XMPP_HOST

# $FALLTHROUGH_DOMAIN: the first target refuses connections, the second works.
srv-host=$SERVICE.$FALLTHROUGH_DOMAIN,$FALLTHROUGH_DEAD,$CLOSED_PORT,10,0
srv-host=$SERVICE.$FALLTHROUGH_DOMAIN,$FALLTHROUGH_LIVE,$XMPP_PORT,20,0
host-record=$FALLTHROUGH_DEAD,$XMPP_HOST
host-record=$FALLTHROUGH_LIVE,$XMPP_HOST

# $FALLBACK_DOMAIN: no SRV record, an address: the client uses port 5222.
host-record=$FALLBACK_DOMAIN,$XMPP_HOST

# Address lookups: IPv4 and IPv6, and IPv6 only.
host-record=$DUAL_HOST,127.0.0.1,::1
host-record=$V6_HOST,::1
EOF
}

# Asks our server one question over UDP; prints "<rcode> <answer count>",
# or "timeout". Perl (perl-base is Essential on Debian): no dig needed.
dns_query() {
  perl -e '
    use strict; use warnings; use IO::Socket::INET;
    my ($host, $port, $name, $type) = @ARGV;
    my %types = (A => 1, AAAA => 28, SRV => 33);
    my $q = pack("nnnnnn", int(rand(65536)), 0x0100, 1, 0, 0, 0);
    $q .= pack("C/a*", $_) for split /\./, $name;
    $q .= pack("Cnn", 0, $types{$type}, 1);
    my $s = IO::Socket::INET->new(PeerAddr => $host, PeerPort => $port, Proto => "udp") or die "socket: $!\n";
    $s->send($q) or die "send: $!\n";
    my $rin = ""; vec($rin, fileno($s), 1) = 1;
    unless (select(my $rout = $rin, undef, undef, 1)) { print "timeout\n"; exit 0 }
    my $r; defined $s->recv($r, 4096) or do { print "timeout\n"; exit 0 };
    my (undef, $flags, undef, $answers) = unpack("nnnn", $r);
    printf "%d %d\n", $flags & 15, $answers;
  ' "$HOST" "$PORT" "$1" "$2" 2>/dev/null || echo "error"
}

# name type expected("<rcode> <count>") description
PROBES=(
  "$SERVICE.$SRV_DOMAIN|SRV|0 2|two SRV records"
  "$SRV_PRIMARY|A|0 1|an A record"
  "$SRV_DOMAIN|A|0 0|no A record of its own"
  "$SERVICE.$NO_SERVICE_DOMAIN|SRV|0 1|one SRV record (target \".\")"
  "$SERVICE.$FALLTHROUGH_DOMAIN|SRV|0 2|two SRV records"
  "$FALLTHROUGH_LIVE|A|0 1|an A record"
  "$SERVICE.$FALLBACK_DOMAIN|SRV|3 0|NXDOMAIN (no SRV record)"
  "$FALLBACK_DOMAIN|A|0 1|an A record"
  "$DUAL_HOST|AAAA|0 1|an AAAA record"
  "$V6_HOST|A|0 0|no A record"
  "$MISSING_DOMAIN|A|3 0|NXDOMAIN"
  "example.com|A|5 0|REFUSED (nothing is forwarded)"
)

# Prints the first probe that does not get the expected answer; status 1 then.
probe_zone() {
  local p name type want what got
  for p in "${PROBES[@]}"; do
    IFS='|' read -r name type want what <<<"$p"
    got="$(dns_query "$name" "$type")"
    if [ "$got" != "$want" ]; then
      echo "$name $type: expected $what (rcode answers: $want), got: $got"
      return 1
    fi
  done
}

start_server() {
  if tcp_open "$HOST" "$PORT"; then
    die "something else already listens on $HOST:$PORT (TCP); stop it or set DNSMASQ_PORT"
  fi
  printf '%s\n' "$CONFIG_TEXT" >"$CONFIG"
  : >"$LOG"
  : >"$CONSOLE_LOG"
  rm -f "$PIDFILE"
  chown "$RUN_USER" "$STATE_DIR" "$LOG" "$CONSOLE_LOG"
  chmod 755 "$STATE_DIR"
  chmod 644 "$CONFIG"
  as_run_user test -r "$CONFIG" -a -w "$STATE_DIR" \
    || die "the '$RUN_USER' user cannot read $CONFIG or write $STATE_DIR: is every parent of $STATE_DIR searchable by it?"

  say "starting dnsmasq on $HOST:$PORT as $RUN_USER"
  STARTED_NOW=1
  # dnsmasq forks into the background once its sockets are bound and writes
  # the pidfile; errors in the configuration or binding make it exit non-zero
  # here. --conf-file keeps it from reading /etc/dnsmasq.conf and
  # /etc/dnsmasq.d. 9>&-: the daemon must not inherit (and so hold) our lock.
  (cd "$STATE_DIR" && as_run_user "$DNSMASQ" --conf-file="$CONFIG" </dev/null >"$CONSOLE_LOG" 2>&1 9>&-) \
    || show_log_and_die "dnsmasq exited with status $? while starting"

  local why=""
  poll_until $((SECONDS + READY_TIMEOUT)) 0.2 answers_as_expected \
    || show_log_and_die "dnsmasq did not answer as expected on $HOST:$PORT within ${READY_TIMEOUT}s${why:+: $why}"
}

# Ready: our dnsmasq runs and answers as the zone says. Otherwise leaves in
# $why (start_server's) the first answer that was wrong, if it got that far.
answers_as_expected() { [ -n "$(running_pid)" ] && why="$(probe_zone)"; }

# An already running dnsmasq is kept if it has this configuration and answers.
can_reuse() { file_holds "$CONFIG" "$CONFIG_TEXT" && probe_zone >/dev/null; }

# --- main ----------------------------------------------------------------------

mkdir -p "$STATE_DIR"
# One start or stop at a time per state directory (parallel test runs).
# stop.sh, when called from here, inherits the lock.
lock_state_dir 60 "a minute"
CONFIG_TEXT="$(render_config)"

# The dead target must really refuse: probe it before handing it out.
if tcp_open "$XMPP_HOST" "$CLOSED_PORT"; then
  die "something listens on $XMPP_HOST:$CLOSED_PORT, which the zone uses as the port that refuses connections; set DNSMASQ_CLOSED_PORT"
fi

start_or_reuse "another configuration or not answering"

write_env_files "$ENV_FILE" <<EOF
DNS_SERVER=dnsmasq
DNS_HOST=$HOST
DNS_PORT=$PORT
DNS_XMPP_HOST=$XMPP_HOST
DNS_XMPP_PORT=$XMPP_PORT
DNS_CLOSED_PORT=$CLOSED_PORT
DNS_SRV_DOMAIN=$SRV_DOMAIN
DNS_SRV_PRIMARY=$SRV_PRIMARY
DNS_SRV_BACKUP=$SRV_BACKUP
DNS_NO_SERVICE_DOMAIN=$NO_SERVICE_DOMAIN
DNS_FALLTHROUGH_DOMAIN=$FALLTHROUGH_DOMAIN
DNS_FALLTHROUGH_DEAD=$FALLTHROUGH_DEAD
DNS_FALLTHROUGH_LIVE=$FALLTHROUGH_LIVE
DNS_FALLBACK_DOMAIN=$FALLBACK_DOMAIN
DNS_DUAL_HOST=$DUAL_HOST
DNS_V6_HOST=$V6_HOST
DNS_MISSING_DOMAIN=$MISSING_DOMAIN
EOF

cat <<EOF
dnsmasq $("$DNSMASQ" --version | sed -n '1s/^Dnsmasq version \([^ ]*\).*/\1/p') is running (pid $pid, user $RUN_USER)
  listens on     $HOST:$PORT (UDP and TCP), forwards nothing
  SRV            $SERVICE.$SRV_DOMAIN -> $SRV_PRIMARY:$XMPP_PORT (10), $SRV_BACKUP:$XMPP_PORT (20)
                 $SERVICE.$NO_SERVICE_DOMAIN -> "." (no service)
                 $SERVICE.$FALLTHROUGH_DOMAIN -> $FALLTHROUGH_DEAD:$CLOSED_PORT (10, refuses), $FALLTHROUGH_LIVE:$XMPP_PORT (20)
  no SRV         $FALLBACK_DOMAIN (A $XMPP_HOST), $MISSING_DOMAIN (NXDOMAIN)
  addresses      $DUAL_HOST (A 127.0.0.1, AAAA ::1), $V6_HOST (AAAA ::1)
  log            $LOG (every query)
  env file       $ENV_FILE (for shells: $ENV_FILE.sh)
  stop with      $HERE/stop.sh
EOF
