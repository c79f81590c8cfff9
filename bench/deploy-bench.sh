#!/usr/bin/env bash
# Deploy benchmark: ecs-topology deploys on the emulator's latency profile (default realistic) with
# Temporal's test server in real time and one worker, all in one bench JVM. Not a test: ./mvnw verify
# never runs it. What it measures and how to read it: docs/benchmarks.md.
#   bench/deploy-bench.sh [--quick] [--write] [--latency <profile>] [--parallel-polling real|local]
#     --quick   N = 1, 10 only (a smoke run, ~5 min); default N = 1, 10, 50, 100 (~10 min)
#     --write   replace the results between the deploy-bench markers of docs/benchmarks.md
#     --topology gateway [--runs N]   the gateway deploy against its critical path only, N runs (3);
#               --write then fills the gateway-bench markers
# Always writes the results section to bench/target/deploy-bench.md and prints the RATIO lines.
# The bench JVM runs with a fixed heap: JAVA_OPTS (default -Xms2g -Xmx2g).
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$root"

ns="1,10,50,100"
write=false
marker=deploy-bench
extra=()
args=("$@")
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) ns="1,10" ;;
    --write) write=true ;;
    --topology) extra+=("$1" "$2"); [[ "$2" == gateway ]] && marker=gateway-bench; shift ;;
    --latency|--parallel-polling|--runs) extra+=("$1" "$2"); shift ;;
    *) echo "deploy-bench: unknown option $1 (see the header of $0)" >&2; exit 2 ;;
  esac
  shift
done

echo "building (./mvnw -o -pl bench -am package -DskipTests)..." >&2
./mvnw -o -q -B -pl bench -am package -DskipTests >&2
cp="$root/bench/target/classes:$(cat "$root/bench/target/runtime-classpath.txt")"
out="$root/bench/target/$marker.md"
git="$(git rev-parse --short HEAD) (branch $(git rev-parse --abbrev-ref HEAD))$(git diff --quiet HEAD -- . || echo ', + local changes')"
cmd="bench/deploy-bench.sh${args[*]:+ ${args[*]}}"

# shellcheck disable=SC2086
java ${JAVA_OPTS:--Xms2g -Xmx2g} -Dlogback.configurationFile=deploy-bench-logback.xml \
  -cp "$cp" io.harnessdeployer.bench.DeployBench --ns "$ns" --out "$out" --git "$git" --command "$cmd" \
  ${extra[@]+"${extra[@]}"}

if $write; then
  doc="$root/docs/benchmarks.md"
  grep -q "<!-- $marker:begin -->" "$doc" || { echo "deploy-bench: no $marker markers in $doc" >&2; exit 1; }
  python3 - "$doc" "$out" "$marker" <<'PY'
import sys, re
doc, section, marker = sys.argv[1], open(sys.argv[2]).read(), sys.argv[3]
text = open(doc).read()
text = re.sub(r"(<!-- " + marker + r":begin -->\n).*?(<!-- " + marker + r":end -->)",
              lambda m: m.group(1) + section + m.group(2), text, flags=re.S)
open(doc, "w").write(text)
PY
  echo "== results written to docs/benchmarks.md" >&2
fi
