# Sourced by the bench scripts: builds the project and sets $cp to the test class path of oih-examples.
mvn -q -B -Dstyle.color=never install -DskipTests
cpfile=$(mktemp)
mvn -q -B -Dstyle.color=never -pl oih-examples dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cpfile"
cp="oih-examples/target/test-classes:oih-examples/target/classes:$(cat "$cpfile")"
rm -f "$cpfile"
