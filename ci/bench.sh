#!/usr/bin/env bash
# The speed figure of xmppcert, measured rather than asserted: runs the whole `server` suite
# against a private CI server (Prosody by default) with fresh accounts, first one scenario at a
# time and then N at a time, and prints for each run the wall time, the scenarios per second, the
# requirements judged and the slowest scenarios. No scenario waits on a fixed sleep, so the time
# is the server's round trips plus session and account set-up.
#
# For scale: the established Smack-based suite takes about 35 s here for 105 sequential tests;
# the aim is to judge more requirements in a fifth of that.
#
# Usage:  ci/bench.sh [runs] [parallel] [server]     (defaults: 2 runs each, N = 8, prosody)
# Needs:  ci/servers.sh start (or ci/<server>/start.sh) and a built harness/target/xmppcert.jar
set -euo pipefail
cd "$(dirname "$0")/.."

runs="${1:-2}"
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

echo "xmppcert server against $server ($XMPP_DOMAIN at $XMPP_HOST:$XMPP_PORT), $runs runs at --parallel 1 and $parallel"
echo "machine: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
for p in 1 "$parallel"; do
  for i in $(seq 1 "$runs"); do
    dir="$out/p$p-run$i"
    start=$(date +%s%N)
    set +e
    java -Xmx512m -jar "$jar" server --domain "$XMPP_DOMAIN" --host "$XMPP_HOST" --port "$XMPP_PORT" \
      --cafile "$XMPP_CAFILE" --register --parallel "$p" --out "$dir" >"$dir.log" 2>&1
    rc=$?
    set -e
    ms=$(( ($(date +%s%N) - start) / 1000000 ))
    if [[ ! -f "$dir/report.json" ]]; then
      echo "run $i (--parallel $p) wrote no report (exit $rc):" >&2
      cat "$dir.log" >&2
      exit 1
    fi
    /usr/bin/python3 - "$dir/report.json" "$p" "$i" "$ms" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
p, i, ms = sys.argv[2], sys.argv[3], int(sys.argv[4])
sc = r["scenarios"]
judged = sum(1 for q in r["requirements"] if q["status"] != "NOT_TESTED")
print(f'\n--parallel {p} run {i}: {ms} ms wall (JVM start included), engine {r["durationMs"]} ms; '
      f'{len(sc)} scenarios, {len(sc) / (ms / 1000):.1f} scenarios/s; '
      f'{judged} of {len(r["requirements"])} requirements judged; {r["verdict"]}'
      + ('' if r.get("complete", True) else ' (incomplete)'))
print('  slowest: ' + ', '.join(f'{s["id"]} {s["durationMs"]} ms'
      for s in sorted(sc, key=lambda s: -s["durationMs"])[:5]))
PY
  done
done
