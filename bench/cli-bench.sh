#!/usr/bin/env bash
# CLI start-time benchmark (issue 11 part 7): `bin/client status --name X`, N times (10), against a
# running local stack (`bin/client dev` in the background on free ports, one deploy done first so
# status has steps and live resources to show). Prints every run, the median/min/max wall time, the
# load average and RATIO = 0.8 s / median (>= 1 meets the bar). Not a test: ./mvnw verify never runs it.
#   bench/cli-bench.sh [runs=10]
# The stack gets its own state directory and seal key: it never meets a stack of yours.
# JAVA_OPTS is passed through to bin/client (e.g. to compare flags).
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
runs="${1:-10}"
client="$root/bin/client"
name=bench
work="$(mktemp -d)"
dev_pid=

stop() {
  if [[ -n "$dev_pid" ]] && kill -0 "$dev_pid" 2>/dev/null; then
    kill -TERM "$dev_pid" 2>/dev/null || true # a background job ignores SIGINT; TERM runs the same stop hook
    wait "$dev_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap stop EXIT

export HARNESS_DEPLOYER_HOME="$work/state"
export HARNESS_DEPLOYER_SEAL_KEY="$(head -c 32 /dev/urandom | base64)"
export ZSCALER_CLIENT_ID=bench-client ZSCALER_CLIENT_SECRET=bench-secret \
       ZSCALER_CUSTOMER_ID=1234567 ZSCALER_VANITY_DOMAIN=acme
unset TEMPORAL_ADDRESS AWS_ENDPOINT_URL
cd "$work" # no .env here

"$client" --version >/dev/null # builds what is missing, outside the measurement (and a first run, if any)
"$client" dev --temporal-port 0 --aws-port 0 >"$work/dev.out" 2>"$work/dev.err" &
dev_pid=$!
for _ in $(seq 1 300); do
  grep -q 'AWS_ENDPOINT_URL=' "$work/dev.out" 2>/dev/null && break
  kill -0 "$dev_pid" 2>/dev/null || { cat "$work/dev.err" >&2; echo "cli-bench: client dev died" >&2; exit 1; }
  sleep 0.1
done
grep -q 'AWS_ENDPOINT_URL=' "$work/dev.out" || { echo "cli-bench: client dev did not start within 30 s" >&2; exit 1; }
"$client" deploy --name "$name" --yes >"$work/deploy.out" 2>"$work/deploy.err" \
  || { cat "$work/deploy.err" >&2; echo "cli-bench: the deploy failed" >&2; exit 1; }
"$client" status --name "$name" >"$work/status.out" 2>&1 \
  || { cat "$work/status.out" >&2; echo "cli-bench: status failed" >&2; exit 1; }
grep -q 'AWS now:' "$work/status.out" || { cat "$work/status.out" >&2; echo "cli-bench: status shows no live state" >&2; exit 1; }

times=()
for i in $(seq 1 "$runs"); do
  start=$(date +%s%N)
  "$client" status --name "$name" >/dev/null 2>&1 || { echo "cli-bench: status run $i failed" >&2; exit 1; }
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  times+=("$ms")
  echo "run $i: $ms ms"
done

python3 - "${times[@]}" <<'PY'
import os, statistics, sys
t = sorted(int(x) for x in sys.argv[1:])
median = statistics.median(t)
print(f"client status: median {median:.0f} ms, min {t[0]} ms, max {t[-1]} ms over {len(t)} runs")
print("load average (1/5/15 min): " + " ".join(f"{x:.2f}" for x in os.getloadavg()) + f" on {os.cpu_count()} cores")
print(f"RATIO {800 / median:.2f} (0.8 s / median)")
PY
