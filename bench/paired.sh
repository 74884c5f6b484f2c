# Sourced by the bench scripts: whole-process timings of several commands in turn (A B C A B C ...), so that a
# machine whose speed drifts (a shared one) slows every command alike, and the ratios hold.
#
# baseline_jar REF   builds the commit REF from clean in a scratch directory (git archive, no worktree) once,
#                    and sets $baseline to its oih-examples/target/oih.jar ($BASELINE_JAR, if set, instead)
# paired RUNS LABEL 'COMMAND' [LABEL 'COMMAND' ...]
#                    runs each command RUNS times in turn after $WARMUP (default 1) uncounted rounds; prints per
#                    command the
#                    median wall time, its min-max and median CPU (user+system), then each command's median
#                    wall time as a ratio to the first command's; sets wall_median[LABEL] (ms)

baseline_jar() {
  local ref=$1 dir
  if [ -n "${BASELINE_JAR:-}" ]; then baseline=$BASELINE_JAR; return; fi
  dir="${TMPDIR:-/tmp}/oih-bench-baseline-$(git rev-parse --short "$ref")"
  if [ ! -f "$dir/oih-examples/target/oih.jar" ]; then
    rm -rf "$dir"; mkdir -p "$dir"
    git archive "$ref" | tar -x -C "$dir"
    (cd "$dir" && mvn -q -B -Dstyle.color=never clean package -DskipTests >&2)
  fi
  baseline="$dir/oih-examples/target/oih.jar"
}

declare -A wall_median
paired() {
  local runs=$1; shift
  local labels=() commands=() i r
  while [ $# -gt 0 ]; do labels+=("$1"); commands+=("$2"); shift 2; done
  local tmp; tmp=$(mktemp -d)
  local warmup=${WARMUP:-1}
  for r in $(seq 1 $((warmup + runs))); do
    for i in "${!labels[@]}"; do
      local start end
      start=$(date +%s%N)
      /usr/bin/time -f '%U %S' -o "$tmp/cpu" bash -c "${commands[$i]}" > /dev/null 2>"$tmp/err" \
        || { echo "bench: ${labels[$i]} failed:" >&2; cat "$tmp/err" >&2; }
      end=$(date +%s%N)
      if [ "$r" -gt "$warmup" ]; then   # warm-up rounds fill the page cache
        echo $(( (end - start) / 1000000 )) >> "$tmp/wall.$i"
        awk '{printf "%d\n", ($1 + $2) * 1000}' "$tmp/cpu" >> "$tmp/cpu.$i"
      fi
    done
  done
  local first=""
  printf '| %-34s | %10s | %15s | %9s | %8s |\n' command "wall (ms)" "min-max" "CPU (ms)" "vs first"
  printf '|%s|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..36})" ------------ ----------------- ----------- ----------
  for i in "${!labels[@]}"; do
    local med lo hi cpu
    med=$(sort -n "$tmp/wall.$i" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    lo=$(sort -n "$tmp/wall.$i" | head -1); hi=$(sort -n "$tmp/wall.$i" | tail -1)
    cpu=$(sort -n "$tmp/cpu.$i" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    wall_median[${labels[$i]}]=$med
    [ -n "$first" ] || first=$med
    printf '| %-34s | %10s | %15s | %9s | %8s |\n' "${labels[$i]}" "$med" "$lo-$hi" "$cpu" \
      "$(awk -v a="$first" -v b="$med" 'BEGIN {printf "%.2fx", a / b}')"
  done
  rm -rf "$tmp"
}
