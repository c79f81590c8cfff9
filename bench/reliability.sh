#!/usr/bin/env bash
# Reliability suite (issue 13): crashes, faults, concurrent operators and fuzzed input against real
# processes (per lane a `client dev --no-worker` stack, bin/worker and bin/client processes).
#   bench/reliability.sh [--fast] [--seed N] [--lanes K] [--only SECTION[,SECTION...]] [--match TEXT] [--write]
#     --fast   at least one crash point per resource kind, the transient-fault rows (about 4 min, 2 cores)
#     --write  write the run's table to docs/reliability.md
#     --match 'A|B'  only the cases whose name contains A or B; --list: print the cases, run nothing
# Prints one line per case and ends with "N passed, N failed"; exit 1 if any failed.
# Lane logs: bench/target/reliability/lane-*/logs. MAVEN_ARGS=-o builds offline.
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$root"
args=("$@")

echo "building (./mvnw -pl bench -am package -DskipTests)..." >&2
./mvnw -q -B ${MAVEN_ARGS:-} -pl bench -am package -DskipTests >&2
# bin/client and bin/worker rebuild when a source is newer than their jar: the build above made them
touch client/target/client-*.jar worker/target/worker-*.jar 2>/dev/null || true
rm -rf "$root/bench/target/reliability"
cp="$root/bench/target/classes:$(cat "$root/bench/target/runtime-classpath.txt")"

exec java ${JAVA_OPTS:--Xmx512m -XX:+UseSerialGC} -Dreliability.root="$root" \
  -Dlogback.configurationFile=deploy-bench-logback.xml \
  -cp "$cp" io.harnessdeployer.bench.reliability.ReliabilitySuite \
  --command "bench/reliability.sh${args[*]:+ ${args[*]}}" "$@"
