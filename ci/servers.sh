#!/usr/bin/env bash
# Start (or stop) every real server the test suite talks to, each private and on loopback:
# Prosody (ci/prosody), ejabberd (ci/ejabberd) and the test DNS server (ci/dnsmasq).
#
# Usage (as root):  ci/servers.sh start | stop
# Each script is idempotent, so `start` on a machine where they run already is cheap.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
action="${1:-start}"
case "$action" in
  start|stop) ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
for server in prosody ejabberd dnsmasq; do
  if [ -x "$here/$server/$action.sh" ]; then
    "$here/$server/$action.sh"
  fi
done
