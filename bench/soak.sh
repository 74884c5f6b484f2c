#!/usr/bin/env bash
# Soak: 1,000,000 assessments in one JVM, heap sampled after GC every 10%. Usage: bench/soak.sh [N] [SIZE]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -Dstyle.color=never install -DskipTests
cpfile=$(mktemp)
mvn -q -B -Dstyle.color=never -pl oih-examples dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cpfile"
cp="oih-examples/target/test-classes:oih-examples/target/classes:$(cat "$cpfile")"
rm -f "$cpfile"
java -Xmx1g -cp "$cp" org.oihkb.bench.Soak "${1:-1000000}" "${2:-TYPICAL}"
