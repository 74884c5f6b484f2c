#!/usr/bin/env bash
# Where `oih assess`'s start-up goes: RUNS fresh JVMs started with the launcher's options and archive (JDK 25 AOT
# cache where the build trained one, else the class-data-sharing archive, else none), each timing the JVM's start
# to main, picocli's model of the commands, loading the engine, reading, assessing and writing the example
# record (bench/StartupParts.java, compiled beside oih.jar's class path). Prints the median of each part.
# Usage: bench/startup.sh [RUNS, default 7]
# JAR=path/oih.jar (another build's, e.g. the baseline's of bench/coldstart.sh) runs that jar in a plain JVM
# with no options and no archive, as its `java -jar` did.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-7}"
t=oih-examples/target
[ -x $t/oih ] || mvn -q -B clean package -DskipTests
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
jar=${JAR:-$t/oih.jar}
javac -cp "$jar" -d "$dir" bench/StartupParts.java
java=java opts="" c1="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
if [ -n "${JAR:-}" ]; then
  c1=""
elif [ -f $t/archives/aot-java ]; then
  read -r java < $t/archives/aot-java
  v=$(sed -n 's/^JAVA_VERSION="\(.*\)"/\1/p' "${java%/bin/java}/release")
  [ -f $t/archives/oih-$v.aot ] && opts="-XX:AOTCache=$t/archives/oih-$v.aot -Xlog:aot=off -Xlog:cds=off"
else
  v=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.version = //p')
  [ -f $t/archives/oih-$v.jsa ] && opts="-XX:SharedArchiveFile=$t/archives/oih-$v.jsa -Xlog:cds=off"
fi
echo "$java ${opts:-(no archive)} ${c1:-(default compilers and collector)} -cp $jar"
for _ in $(seq "$runs"); do
  # shellcheck disable=SC2086 # opts is a list of words
  "$java" $opts $c1 -cp "$jar:$dir" StartupParts \
    oih-examples/examples/possible-oih.json
done > "$dir/parts"
awk -v n="$runs" '{for (i = 1; i <= 6; i++) v[i, NR] = $i}
  END {
    print "| part                           | median    | min-max    |"
    print "|--------------------------------|-----------|------------|"
    split("JVM start to main,picocli model of the commands,loading the engine,reading the record,first assessment,writing the JSON", name, ",")
    for (i = 1; i <= 6; i++) {
      for (r = 1; r <= n; r++) a[r] = v[i, r]
      for (x = 1; x <= n; x++) for (y = x + 1; y <= n; y++) if (a[y] < a[x]) { t = a[x]; a[x] = a[y]; a[y] = t }
      printf "| %-30s | %6d ms | %6d-%d |\n", name[i], a[int((n + 1) / 2)], a[1], a[n]; sum += a[int((n + 1) / 2)]
    }
    printf "| %-30s | %6d ms |         |\n", "sum of the medians", sum }' "$dir/parts"
