#!/usr/bin/env bash
# Runs the JMH benchmarks (oih-examples/src/test/java/org/oihkb/bench) with allocation profiling.
# Usage: bench/run.sh [JMH options]   e.g. bench/run.sh -t 2 'AssessBenchmark.assess'
# Defaults: 1 fork, 3 warm-up and 5 measured iterations of 5 s, -prof gc, both thread counts.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/classpath.sh
if [ $# -eq 0 ]; then
  for t in 1 2; do
    java -Xmx2g -cp "$cp" org.openjdk.jmh.Main -f 1 -wi 3 -w 5s -i 5 -r 5s -t "$t" -prof gc AssessBenchmark
  done
else
  java -Xmx2g -cp "$cp" org.openjdk.jmh.Main "$@"
fi
