#!/usr/bin/env bash
# Batch screening on 1 and 2 worker threads over the same generated file; prints wall and CPU time of each run
# and the 2-thread speed-up. Usage: bench/screen.sh [N records, default 60000] [SIZE, default TYPICAL]
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-60000}"; size="${2:-TYPICAL}"
[ -f oih-examples/target/oih.jar ] || mvn -q -B clean package -DskipTests
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
java -jar oih-examples/target/oih.jar generate --size "$size" --out "$dir/in.jsonl" "$n"
declare -A wall
for t in 1 2; do
  start=$(date +%s%N)
  /usr/bin/time -f "threads=$t: %e s wall, %U s user + %S s system CPU" \
    java -jar oih-examples/target/oih.jar screen --threads "$t" --out /dev/null --errors "$dir/errors.jsonl" \
    "$dir/in.jsonl" 2>&1 | grep threads=
  wall[$t]=$(( ($(date +%s%N) - start) / 1000000 ))
done
awk -v a="${wall[1]}" -v b="${wall[2]}" -v n="$n" 'BEGIN {
  printf "1 thread %.0f records/s, 2 threads %.0f records/s: speed-up %.2fx\n", n/(a/1000), n/(b/1000), a/b }'
