#!/usr/bin/env bash
# Install, as root on Debian 12, what the build and the integration tests need:
# the JDK and Maven, the XMPP servers that ci/prosody/start.sh and
# ci/ejabberd/start.sh run privately on loopback, the DNS server that
# ci/dnsmasq/start.sh runs there for the SRV tests, and the headless browser
# the report's HTML test (reports/ HtmlReportBrowserIT) drives.
#
# Usage:  sudo ci/install-deps.sh
#
# - Idempotent. When every package is already installed it does not touch apt
#   at all (no `apt-get update`), so a warm machine pays nothing.
# - Installing prosody or ejabberd asks the init system to start the system
#   instances. We never want those: they would hold 5222/5269/5280, listen on
#   every interface and use the system configuration. So while apt runs, a
#   policy-rc.d that denies every start is in place (restored or removed
#   afterwards), and if a system instance is running anyway (systemd started
#   it, or someone did by hand) it is stopped and, under systemd, disabled.
set -euo pipefail

PACKAGES=(
  openjdk-17-jdk-headless
  maven
  prosody
  prosody-modules   # mod_privacy_lists (XEP-0016) for Prosody
  ejabberd          # pulls erlang-p1-zlib, needed for XEP-0138 zlib compression
  dnsmasq-base      # /usr/sbin/dnsmasq only: no system service, nothing started
  openssl           # certificates, and the STARTTLS probe in the start scripts
  ca-certificates
  chromium          # headless browser for HtmlReportBrowserIT (/usr/bin/chromium)
  chromium-driver   # its WebDriver (/usr/bin/chromedriver), same version: Selenium never downloads one
)

log() { printf 'install-deps: %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

[ "$(id -u)" -eq 0 ] || die "must run as root (apt-get install, and the servers' system users)"
command -v dpkg-query >/dev/null 2>&1 || die "this script is for Debian (dpkg-query not found)"

missing=()
for p in "${PACKAGES[@]}"; do
  if [ "$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)" != "installed" ]; then
    missing+=("$p")
  fi
done

POLICY=/usr/sbin/policy-rc.d
POLICY_BACKUP=""
restore_policy() {
  if [ -n "$POLICY_BACKUP" ]; then
    mv -f "$POLICY_BACKUP" "$POLICY"
  else
    rm -f "$POLICY"
  fi
}

if [ "${#missing[@]}" -eq 0 ]; then
  log "all packages already installed: ${PACKAGES[*]}"
else
  log "installing: ${missing[*]}"
  if [ -e "$POLICY" ]; then
    POLICY_BACKUP="$(mktemp /usr/sbin/policy-rc.d.xmppcert.XXXXXX)"
    cp -p "$POLICY" "$POLICY_BACKUP"
  fi
  trap restore_policy EXIT
  # 101 = "action forbidden by policy": invoke-rc.d then skips the start and
  # the package's postinst still succeeds.
  printf '#!/bin/sh\n# installed by xmppcert ci/install-deps.sh for the duration of apt-get\nexit 101\n' >"$POLICY"
  chmod 755 "$POLICY"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y --no-install-recommends "${missing[@]}"
  restore_policy
  trap - EXIT
fi

# --- make sure no system instance holds the ports ---------------------------

pid_alive() { [ -n "$1" ] && kill -0 "$1" 2>/dev/null; }

# Waits (bounded) for a pid to go away; SIGKILL as a last resort.
stop_pid() {
  local pid=$1 what=$2 _
  pid_alive "$pid" || return 0
  log "stopping system $what (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do
    pid_alive "$pid" || return 0
    sleep 0.1
  done
  log "system $what (pid $pid) ignored SIGTERM for 10 s, sending SIGKILL"
  kill -KILL "$pid" 2>/dev/null || true
}

if [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1; then
  for unit in prosody ejabberd; do
    if systemctl is-enabled --quiet "$unit" 2>/dev/null || systemctl is-active --quiet "$unit" 2>/dev/null; then
      log "disabling and stopping the system $unit service (the tests run a private one)"
      systemctl disable --now "$unit" >/dev/null 2>&1 || log "warning: could not stop $unit via systemctl"
    fi
  done
fi

# Without systemd (containers), or if systemctl did not manage it: the pidfiles
# the Debian packages use. (Debian's prosody init script looks for a process
# named lua5.2 and so cannot stop the lua5.4 one; signal the pid directly.)
if [ -r /run/prosody/prosody.pid ]; then
  stop_pid "$(cat /run/prosody/prosody.pid 2>/dev/null || true)" prosody
fi
if [ -r /run/ejabberd/ejabberd.pid ]; then
  pid="$(cat /run/ejabberd/ejabberd.pid 2>/dev/null || true)"
  if pid_alive "$pid"; then
    if [ -x /etc/init.d/ejabberd ]; then
      log "stopping the system ejabberd via its init script"
      timeout 60 /etc/init.d/ejabberd stop >/dev/null 2>&1 || true
    fi
    stop_pid "$pid" ejabberd
  fi
fi

log "done"
