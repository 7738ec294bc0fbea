#!/usr/bin/env bash
# The one command a new user runs on a fresh Debian/Ubuntu machine to see xmppcert work:
# installs what it needs, starts a private Prosody on 127.0.0.1, builds xmppcert and runs its
# main job against that Prosody. (For now the main job is `connect`; the certification run of
# the harness replaces it when it lands.)
#
# Usage:  sudo ci/certify-local.sh
set -euo pipefail
cd "$(dirname "$0")/.."

ci/install-deps.sh
ci/prosody/start.sh >/dev/null
# shellcheck disable=SC1091
. /tmp/xmppcert-ci/prosody/env.sh

mvn -B -ntp -q -DskipTests package

user="${XMPP_ACCOUNTS%%:*}"
rest="${XMPP_ACCOUNTS#*:}"
password="${rest%% *}"
echo "xmppcert connect --jid $user@$XMPP_DOMAIN --host $XMPP_HOST --port $XMPP_PORT --cafile $XMPP_CAFILE"
XMPPCERT_PASSWORD="$password" java -jar harness/target/xmppcert.jar connect \
  --jid "$user@$XMPP_DOMAIN" --host "$XMPP_HOST" --port "$XMPP_PORT" --cafile "$XMPP_CAFILE"
