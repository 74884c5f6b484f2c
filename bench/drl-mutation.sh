#!/usr/bin/env bash
# DRL mutation check (docs/testing.md): flips each comparison and nudges each threshold reference in the rule
# files one at a time, compiles the mutated rules through the rules-directory path and requires a failing
# scenario for each. Slow (one rule-base compilation per mutant): not part of mvn verify.
# Usage: bench/drl-mutation.sh [--only exposure.drl] [--match REGEX] [--limit N] [--threads N] [--list] [--built-in]
set -euo pipefail
cd "$(dirname "$0")/.."
cpfile=$(mktemp)
# compiled in the same reactor run, so oih-model resolves to its target/classes (no mvn install); the last
# module, oih-rules, writes the class path
mvn -q -B -Dstyle.color=never -pl oih-rules -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$cpfile"
root=$(pwd)
cp="$root/oih-rules/target/test-classes:$root/oih-rules/target/classes:$(cat "$cpfile")"
rm -f "$cpfile"
cd oih-rules
exec java -Xmx3g -cp "$cp" org.oihkb.mutation.DrlMutationCheck "$@"
