#!/usr/bin/env bash
# `oih screen` over N generated TYPICAL records, whole process, on 1 and 2 threads: the baseline build's
# `java -jar` against this build's `oih` launcher (full and summary output), all in turn (bench/paired.sh).
# Prints the table, then records/s and the 2-thread speed-ups. Usage:
#   bench/screen.sh [N, default 10000] [RUNS, default 3] [baseline commit]
# WARMUP=0 skips the uncounted first round (for 1,000,000 records); BASELINE=off times this build only;
# INPUT=FILE screens FILE (N of its records) instead of generating N records; ONLY=REGEX keeps the variants
# whose label matches (the 1,000,000-record runs take about 20 minutes a variant).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/paired.sh
n="${1:-10000}"; runs="${2:-3}"; ref="${3:-${BASELINE_REF:-1767862}}"
[ -x oih-examples/target/oih ] || mvn -q -B clean package -DskipTests
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
in="${INPUT:-$dir/in.jsonl}"
[ -n "${INPUT:-}" ] || oih-examples/target/oih generate --size TYPICAL --out "$in" "$n"
variants=()
if [ "${BASELINE:-on}" != off ]; then
  baseline_jar "$ref"
  variants+=("baseline, 1 thread" "java -jar $baseline screen --threads 1 --out /dev/null $in"
             "baseline, 2 threads" "java -jar $baseline screen --threads 2 --out /dev/null $in")
fi
variants+=("oih, 1 thread" "oih-examples/target/oih screen --threads 1 --out /dev/null $in"
           "oih, 2 threads" "oih-examples/target/oih screen --threads 2 --out /dev/null $in"
           "oih, 1 thread, summary" "oih-examples/target/oih screen --threads 1 --output summary --out /dev/null $in"
           "oih, 2 threads, summary" "oih-examples/target/oih screen --threads 2 --output summary --out /dev/null $in")
if [ -n "${ONLY:-}" ]; then
  kept=()
  for ((i = 0; i < ${#variants[@]}; i += 2)); do
    [[ ${variants[i]} =~ $ONLY ]] && kept+=("${variants[i]}" "${variants[i+1]}")
  done
  [ ${#kept[@]} -gt 0 ] || { echo "bench: ONLY=$ONLY matches no variant" >&2; exit 2; }
  variants=("${kept[@]}")
fi
echo "$n TYPICAL records, $runs runs of each in turn"
paired "$runs" "${variants[@]}"
for label in "${!wall_median[@]}"; do
  awk -v l="$label" -v n="$n" -v ms="${wall_median[$label]}" 'BEGIN {printf "%s: %.0f records/s\n", l, n / (ms / 1000)}'
done | sort
speedup() {
  [ -n "${wall_median[$1]:-}" ] && [ -n "${wall_median[$2]:-}" ] || return 0
  awk -v a="${wall_median[$1]}" -v b="${wall_median[$2]}" -v l="$3" 'BEGIN {printf "%s: %.2fx\n", l, a / b}'
}
if [ "${BASELINE:-on}" != off ]; then
  speedup "baseline, 1 thread" "oih, 1 thread" "oih 1 thread vs baseline 1 thread"
  speedup "baseline, 1 thread" "oih, 1 thread, summary" "oih 1 thread summary vs baseline 1 thread"
  speedup "baseline, 1 thread" "baseline, 2 threads" "baseline 2 threads vs 1"
fi
speedup "oih, 1 thread" "oih, 2 threads" "oih 2 threads vs 1"
speedup "oih, 1 thread, summary" "oih, 2 threads, summary" "oih summary 2 threads vs 1"
