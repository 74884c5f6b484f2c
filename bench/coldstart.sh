#!/usr/bin/env bash
# JVM start to the first assessment printed by `oih assess`, whole process, the baseline build against this one
# in turn (bench/paired.sh): `java -jar` of both, this build's `oih` launcher (JDK 25 AOT cache where the build
# made one, else the class-data-sharing archive), the launcher on Java 17, and `java -jar` with the hand-over to
# the launcher turned off. Usage: bench/coldstart.sh [RUNS, default 11] [baseline commit]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/paired.sh
runs="${1:-11}"; ref="${2:-${BASELINE_REF:-1767862}}"
[ -x oih-examples/target/oih ] || mvn -q -B clean package -DskipTests
baseline_jar "$ref"
ex=oih-examples/examples/possible-oih.json
java17=$(command -v java)
paired "$runs" \
  "baseline $ref: java -jar" "java -jar $baseline assess $ex" \
  "java -jar oih.jar" "java -jar oih-examples/target/oih.jar assess $ex" \
  "oih launcher" "oih-examples/target/oih assess $ex" \
  "oih launcher, Java 17 (CDS)" "OIH_JAVA=$java17 oih-examples/target/oih assess $ex" \
  "java -jar, OIH_RELAUNCH=off" "OIH_RELAUNCH=off java -jar oih-examples/target/oih.jar assess $ex"
