#!/usr/bin/env bash
# The peer benchmark, one JMH run: the CDC MME calculator (its CQL on the Java CQL engine 3.29.0,
# SignatureLevel Overloads, translated once per JVM) against oih-fhir + the full OIH assessment, on the CDC
# calculator's four FHIR test patients: per-patient warm time (PeerBenchmark) and JVM start to first result
# (FirstResultBenchmark, 3 fresh JVMs each). The bench module is built only here (-Ppeer), never by the
# default build, and is no dependency of the library.
# Usage: bench/peer.sh [JMH options]   (results also in bench/peer/target/peer.json)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -Ppeer -pl bench/peer -am package -DskipTests
cp="bench/peer/target/classes:$(ls bench/peer/target/lib/*.jar | tr '\n' ':')"
java -Xmx2g -Doih.root="$PWD" -cp "$cp" org.openjdk.jmh.Main -jvmArgsAppend "-Doih.root=$PWD" \
  -rf json -rff bench/peer/target/peer.json "${@:-org.oihkb.bench.peer}"
