# Sourced by the bench scripts: builds the project and sets $cp to the test class path of oih-examples.
# clean, so that the figures never depend on what earlier builds left in target/ (docs/performance.md, Pitfalls)
mvn -q -B -Dstyle.color=never clean install -DskipTests
cpfile=$(mktemp)
mvn -q -B -Dstyle.color=never -pl oih-examples dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cpfile"
cp="oih-examples/target/test-classes:oih-examples/target/classes:$(cat "$cpfile")"
rm -f "$cpfile"
