#!/usr/bin/env bash
# Per-record cost by stage (read the JSON line, assess, write the assessment) in one JVM on one thread: thread
# CPU time and bytes allocated per record, round after round over N generated TYPICAL records (bench/Stages.java,
# run from source). Usage: bench/stages.sh [N, default 5000] [ROUNDS, default 8]
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-5000}"; rounds="${2:-8}"
[ -x oih-examples/target/oih ] || mvn -q -B clean package -DskipTests
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
oih-examples/target/oih generate --size TYPICAL --out "$dir/in.jsonl" "$n"
java -Xmx2g -cp oih-examples/target/oih.jar bench/Stages.java "$dir/in.jsonl" "$n" "$rounds"
