#!/usr/bin/env bash
# The Spark job against the one-machine path, on generated populations:
#  1. JSON Lines: N records from oih generate; the job on local[2] against oih screen, line for line;
#  2. FHIR bulk: M patients from oih generate --format fhir-bulk; the job (--format fhir) on local[2] against
#     FhirRecords + the engine in one JVM (oih screen's path), patient for patient;
#  each prints "same conclusions patient for patient: yes|no" and the counts (input = assessed + rejected);
#  3. throughput: oih screen (1 and 2 threads) and the job (local[1] and local[2], records and FHIR) in pairs,
#     alternating, so that a machine shared with other work slows both sides alike; each run prints
#     patients/s (wall) and CPU seconds (user + system).
# Usage: bench/spark.sh [N records, default 200000] [M FHIR patients, default 10000] [pairs, default 2]
#                       [SIZE, default TYPICAL]
# A quick check that the script works: bench/spark.sh 500 200 1 SMALL
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-200000}"; m="${2:-10000}"; pairs="${3:-2}"; size="${4:-TYPICAL}"
as_of=2025-03-01   # SyntheticPopulation.AS_OF: the asOf of every generated record
if [ ! -f oih-examples/target/oih.jar ] || [ ! -f oih-spark/target/oih-spark.jar ]; then
  mvn -q -B clean package -DskipTests -pl oih-examples,oih-spark -am
fi
oih=(java -jar oih-examples/target/oih.jar)
job=(java -Xmx4g -jar oih-spark/target/oih-spark.jar)
# -cp does not honour the jar's Add-Opens manifest entry: give Spark the flags it needs on Java 17 here
opens=(); for p in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util \
  java.util.concurrent java.util.concurrent.atomic jdk.internal.ref sun.nio.ch sun.nio.cs sun.security.action \
  sun.util.calendar; do opens+=("--add-opens=java.base/$p=ALL-UNNAMED"); done
compare=(java -Xmx4g "${opens[@]}" -cp oih-spark/target/oih-spark.jar)
# compared LOG: the comparison's own lines, or its last error lines when it failed
compared() { grep -E '^(compare|same conclusions)' "$1" || { echo "comparison failed:"; tail -5 "$1"; }; }
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT

"${oih[@]}" generate --size "$size" --malformed-every 1000 --out "$dir/in.jsonl" "$n"
echo "records: $n ($size), one line in 1000 malformed, $(du -h "$dir/in.jsonl" | cut -f1)"
"${oih[@]}" generate --size "$size" --malformed-every 1000 --format fhir-bulk --out "$dir/export" "$m"
echo "FHIR bulk export: $m patients ($size), one patient in 1000 with a fault, $(du -sh "$dir/export" | cut -f1)," \
  "$(cat "$dir"/export/*.ndjson | wc -l) resources"

# timed LABEL PATIENTS command...: "LABEL: W s wall, P patients/s, C CPU s (U user + S system), R MB max RSS"
timed() {
  local label=$1 count=$2; shift 2
  /usr/bin/time -f "%e %U %S %M" -o "$dir/time.txt" "$@" >"$dir/last.log" 2>"$dir/err.log" || true
  # GNU time writes "Command exited with non-zero status N" before the figures when the command exits non-zero
  # (oih screen exits 1 when it rejected lines, which the generated input has on purpose): read the last line
  read -r wall user sys rss < <(tail -n 1 "$dir/time.txt")
  awk -v l="$label" -v n="$count" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" 'BEGIN {
    printf "%s: %.1f s wall, %.0f patients/s, %.1f CPU s (%.1f user + %.1f system), %.0f MB max RSS\n",
      l, w, (w > 0 ? n / w : 0), u + s, u, s, r / 1024 }'
  grep '^oih-spark:' "$dir/last.log" | head -1 || true
}

echo "== 1. JSON Lines: the job on local[2] against oih screen"
"${oih[@]}" screen --threads 2 --out "$dir/screen.jsonl" --errors "$dir/errors.jsonl" "$dir/in.jsonl" 2>/dev/null || true
"${job[@]}" --input "$dir/in.jsonl" --output "$dir/check" --master 'local[2]' | grep '^oih-spark:' || true
"${compare[@]}" org.oihkb.spark.ScreenComparison \
  "$dir/in.jsonl" "$dir/screen.jsonl" "$dir/errors.jsonl" "$dir/check" >"$dir/compare.log" 2>&1 || true
compared "$dir/compare.log"
cp "$dir/check/summary/summary.csv" "${SUMMARY_CSV:-/dev/null}"
cp "$dir/check/summary/summary.html" "${SUMMARY_HTML:-/dev/null}"
rm -rf "$dir/check" "$dir/screen.jsonl"

echo "== 2. FHIR bulk: the job on local[2] against FhirRecords + the engine in one JVM"
"${job[@]}" --format fhir --as-of "$as_of" --input "$dir/export" --output "$dir/check" --master 'local[2]' \
  | grep '^oih-spark:' || true
"${compare[@]}" org.oihkb.spark.FhirComparison "$dir/export" "$as_of" "$dir/check" >"$dir/compare.log" 2>&1 || true
compared "$dir/compare.log"
rm -rf "$dir/check"

echo "== 3. throughput (pairs alternate; the machine: $(nproc) cores, $(uptime | sed 's/.*load/load/'))"
for p in $(seq 1 "$pairs"); do
  for t in 1 2; do
    timed "pair $p oih screen --threads $t, $n records" "$n" "${oih[@]}" screen --threads "$t" --out /dev/null \
      --errors "$dir/errors.jsonl" "$dir/in.jsonl"
    timed "pair $p oih-spark local[$t], $n records" "$n" "${job[@]}" --input "$dir/in.jsonl" --output "$dir/out" \
      --master "local[$t]" --overwrite
    timed "pair $p oih-spark local[$t] --format fhir, $m patients" "$m" "${job[@]}" --format fhir --as-of "$as_of" \
      --input "$dir/export" --output "$dir/out" --master "local[$t]" --overwrite
  done
done
uptime
