#!/usr/bin/env bash
# The speed figure of xmppcert, measured rather than asserted: runs the whole `server` suite
# against a private CI server (Prosody by default) several times with fresh accounts, and prints
# the wall time of each run and how many scenarios and requirements it judged.
#
# For scale (README, "Speed"): the established Smack-based suite takes about 35 s here for 105
# sequential tests; the aim is to judge more requirements in a fifth of that.
#
# Usage:  ci/bench.sh [runs] [parallel] [server]     (defaults: 5 runs, 8 in parallel, prosody)
# Needs:  ci/servers.sh start (or ci/<server>/start.sh) and a built harness/target/xmppcert.jar
set -euo pipefail
cd "$(dirname "$0")/.."

runs="${1:-5}"
parallel="${2:-8}"
server="${3:-prosody}"
env_file="/tmp/xmppcert-ci/$server/env.sh"
jar=harness/target/xmppcert.jar

[[ -f "$env_file" ]] || { echo "no $env_file: start the server first (ci/servers.sh start)" >&2; exit 2; }
[[ -f "$jar" ]] || { echo "no $jar: build first (mvn -B -ntp -DskipTests package)" >&2; exit 2; }
# shellcheck disable=SC1090
. "$env_file"

out="$(mktemp -d /tmp/xmppcert-bench.XXXXXX)"
trap 'rm -rf "$out"' EXIT

java_opts=(-Xmx512m)
echo "xmppcert server against $server ($XMPP_DOMAIN at $XMPP_HOST:$XMPP_PORT), $runs runs, --parallel $parallel"
printf '%-5s %10s %10s %14s %8s  %s\n' run wall_ms scenarios requirements judged verdict
total=0
for i in $(seq 1 "$runs"); do
  start=$(date +%s%N)
  set +e
  java "${java_opts[@]}" -jar "$jar" server --domain "$XMPP_DOMAIN" --host "$XMPP_HOST" --port "$XMPP_PORT" \
    --cafile "$XMPP_CAFILE" --register --parallel "$parallel" --out "$out/run-$i" >"$out/run-$i.log" 2>&1
  rc=$?
  set -e
  end=$(date +%s%N)
  ms=$(( (end - start) / 1000000 ))
  total=$(( total + ms ))
  if [[ ! -f "$out/run-$i/report.json" ]]; then
    echo "run $i wrote no report (exit $rc):" >&2
    cat "$out/run-$i.log" >&2
    exit 1
  fi
  /usr/bin/python3 - "$out/run-$i/report.json" "$i" "$ms" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
judged = sum(1 for q in r["requirements"] if q["status"] != "NOT_TESTED")
print(f'{sys.argv[2]:<5} {sys.argv[3]:>10} {len(r["scenarios"]):>10} {len(r["requirements"]):>14} {judged:>8}  {r["verdict"]}'
      + ('' if r.get("complete", True) else ' (incomplete)'))
PY
done
echo "mean wall time: $(( total / runs )) ms per run (JVM start included)"
