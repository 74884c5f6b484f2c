#!/usr/bin/env bash
# Cold start: JVM start to the first assessment printed by `oih assess`, whole process, RUNS times (default 7);
# prints each time and the median. Usage: bench/coldstart.sh [RUNS] [extra java options...]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-7}"; shift || true
[ -f oih-examples/target/oih.jar ] || mvn -q -B clean package -DskipTests
times=()
for _ in $(seq "$runs"); do
  start=$(date +%s%N)
  java "$@" -jar oih-examples/target/oih.jar assess oih-examples/examples/possible-oih.json > /dev/null
  times+=($(( ($(date +%s%N) - start) / 1000000 )))
done
printf '%s ms\n' "${times[@]}"
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print "median " a[int((NR+1)/2)] " ms of " NR " runs"}'
