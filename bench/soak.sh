#!/usr/bin/env bash
# Soak: 1,000,000 assessments in one JVM, heap sampled after GC every 10%. Usage: bench/soak.sh [N] [SIZE]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/classpath.sh
java -Xmx1g -cp "$cp" org.oihkb.bench.Soak "${1:-1000000}" "${2:-TYPICAL}"
