#!/usr/bin/env bash
# Emulator benchmark (issue 2's bar: start under 2 s; 2,000 simple describe requests/s on one core).
# Not a test: ./mvnw verify never runs it. Results and how to read them: docs/benchmarks.md.
#   bench/emulator-bench.sh [runs=5] [threads=8] [seconds=10]
# Builds the aws-emulator jar and test classes offline with the wrapper, then:
#   1. cold starts, in fresh JVMs: in-process Emulator.start() and the launcher (bin/aws-emulator);
#   2. throughput: the launcher pinned to cpu 0 with taskset, the load client pinned to cpu 1.
set -euo pipefail

runs="${1:-5}"
threads="${2:-8}"
seconds="${3:-10}"
warmup=5
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$root"

command -v taskset >/dev/null || { echo "emulator-bench: taskset (util-linux) is required" >&2; exit 2; }
[[ "$(nproc)" -ge 2 ]] || { echo "emulator-bench: needs 2 cores (server on cpu 0, client on cpu 1)" >&2; exit 2; }

echo "building (./mvnw -o -pl aws-emulator package, test classpath)..." >&2
./mvnw -o -q -B -pl aws-emulator -DskipTests package dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >&2
target="$root/aws-emulator/target"
cp="$target/test-classes:$target/classes:$(cat "$target/bench-classpath.txt")"

if [[ -x bin/aws-emulator ]]; then
  launcher=("$root/bin/aws-emulator")
else
  # Same JVM flags as bin/aws-emulator, for branches that do not have it yet.
  launcher=(java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss512k -Dlogback.configurationFile=aws-emulator-logback.xml
    -cp "$target/classes:$(cat "$target/bench-classpath.txt")" io.harnessdeployer.emulator.EmulatorMain)
fi

echo "== machine"
echo "nproc: $(nproc); cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
java -version 2>&1 | head -n 1
echo "git: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- aws-emulator/src/main || echo ' (+ local changes)')"
echo "launcher: ${launcher[*]:0:1}"

bench=(java -cp "$cp" io.harnessdeployer.emulator.bench.EmulatorBench)
echo "== start ($runs cold runs each)"
"${bench[@]}" start "$runs" "${launcher[@]}"
echo "== throughput (server cpu 0, client cpu 1, $threads connections, ${warmup}s warm-up, ${seconds}s measured)"
taskset -c 1 "${bench[@]}" throughput 0 "$threads" "$warmup" "$seconds" "${launcher[@]}"
