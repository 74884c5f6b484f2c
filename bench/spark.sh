#!/usr/bin/env bash
# The Spark job against oih screen on one generated population: checks that local[2] gives, line for line, the
# same assessments and rejections as oih screen, then times oih screen (1 and 2 threads) and the job (local[1]
# and local[2]) in pairs, alternating, so that a machine shared with other work slows both sides alike.
# Usage: bench/spark.sh [N records, default 200000] [pairs, default 2] [SIZE, default TYPICAL]
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-200000}"; pairs="${2:-2}"; size="${3:-TYPICAL}"
if [ ! -f oih-examples/target/oih.jar ] || [ ! -f oih-spark/target/oih-spark.jar ]; then
  mvn -q -B clean package -DskipTests -pl oih-spark -am
fi
oih=(java -jar oih-examples/target/oih.jar)
job=(java -Xmx4g -jar oih-spark/target/oih-spark.jar)
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
"${oih[@]}" generate --size "$size" --malformed-every 1000 --out "$dir/in.jsonl" "$n"
echo "population: $n records ($size), one line in 1000 malformed, $(du -h "$dir/in.jsonl" | cut -f1)"

timed() { # label command...: prints "label: wall s, user+sys CPU s"
  local label=$1; shift
  /usr/bin/time -f "$label: %e s wall, %U s user + %S s system CPU, %M KB max RSS" "$@" >"$dir/last.log" 2>"$dir/time.log" || true
  tail -1 "$dir/time.log"; grep '^oih-spark:' "$dir/last.log" | head -1 || true
}

# correctness first: the job on local[2] against oih screen on 2 threads
"${oih[@]}" screen --threads 2 --out "$dir/screen.jsonl" --errors "$dir/errors.jsonl" "$dir/in.jsonl" 2>/dev/null || true
"${job[@]}" --input "$dir/in.jsonl" --output "$dir/check" --master 'local[2]' | grep '^oih-spark:' || true
java -cp oih-spark/target/oih-spark.jar org.oihkb.spark.ScreenComparison \
  "$dir/in.jsonl" "$dir/screen.jsonl" "$dir/errors.jsonl" "$dir/check" 2>/dev/null
cp "$dir/check/summary/summary.csv" "${SUMMARY_CSV:-/dev/null}"
cp "$dir/check/summary/summary.html" "${SUMMARY_HTML:-/dev/null}"
rm -rf "$dir/check" "$dir/screen.jsonl"

uptime
for p in $(seq 1 "$pairs"); do
  for t in 1 2; do
    timed "pair $p oih screen --threads $t" "${oih[@]}" screen --threads "$t" --out /dev/null \
      --errors "$dir/errors.jsonl" "$dir/in.jsonl"
    timed "pair $p oih-spark local[$t]" "${job[@]}" --input "$dir/in.jsonl" --output "$dir/out" \
      --master "local[$t]" --overwrite
  done
done
uptime
