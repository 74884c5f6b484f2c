#!/usr/bin/env bash
# The CDS Hooks service's start-up as an EHR sees it, whole process: from `java -jar oih-cds-hooks.jar` to its
# first answer to /health and to its first order-sign answer with cards (loopback, a throw-away issuer, a JWT
# signed before each start, so that no client JVM is timed), RUNS fresh starts, median and min-max of each.
# Usage: bench/cds-start.sh [RUNS, default 7] [EXAMPLE, default order-sign-possible-oih]
# SERVICE_JAVA (default java) and SERVICE_OPTS (JVM options) start the service otherwise: with JDK 25,
# SERVICE_OPTS=-XX:AOTCacheOutput=FILE and one run trains an AOT cache (written when the service stops), and
# SERVICE_OPTS=-XX:AOTCache=FILE then starts from it (docs/cds-hooks.md, Start-up).
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-7}"; example="${2:-order-sign-possible-oih}"
[ -f oih-cds-hooks/target/oih-cds-hooks.jar ] || mvn -q -B clean package -DskipTests
lib="oih-cds-hooks/target/lib/*"
request="oih-cds-hooks/src/main/resources/org/oihkb/cds/examples/$example.json"
service=$(python3 -c "import json,sys; print({'patient-view':'oih-patient-view','order-select':'oih-order-select','order-sign':'oih-order-sign'}[json.load(open(sys.argv[1]))['hook']])" "$request")
tmp=$(mktemp -d); pid=""; trap '[ -z "$pid" ] || kill "$pid" 2>/dev/null || true; rm -rf "$tmp"' EXIT
java -cp "$lib" bench/CdsLoad.java keys "$tmp"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
for r in $(seq 1 "$runs"); do
  run="$tmp/run$r"; mkdir -p "$run/tmpdir"; cp "$tmp/jwks.json" "$run/"
  cat > "$run/config.json" <<JSON
{"host": "127.0.0.1", "port": $port, "issuers": [{"iss": "bench", "jwksFile": "jwks.json"}],
 "feedbackDatabase": "feedback.sqlite", "allowedFhirServers": ["http://127.0.0.1:9/"]}
JSON
  token=$(java -cp "$lib" bench/CdsLoad.java tokens "$base" "$service" "$tmp/key.json" 1)
  t0=$(date +%s%N)
  # shellcheck disable=SC2086 # SERVICE_OPTS is a list of words
  "${SERVICE_JAVA:-java}" ${SERVICE_OPTS:-} -Djava.io.tmpdir="$run/tmpdir" \
    -jar oih-cds-hooks/target/oih-cds-hooks.jar --config "$run/config.json" \
    > "$run/service.log" 2>&1 & pid=$!
  until curl -sf "$base/health" > /dev/null; do
    kill -0 "$pid" 2>/dev/null || { echo "service did not start:"; cat "$run/service.log"; exit 1; }
    sleep 0.01
  done
  health=$(ms "$t0")
  body=$(curl -s -H 'Content-Type: application/json' -H "Authorization: Bearer $token" \
    --data-binary "@$request" "$base/cds-services/$service")
  first=$(ms "$t0")
  case "$body" in '{"cards":[{'*) ;; *) echo "run $r: no cards in the first answer: ${body:0:200}"; exit 1 ;; esac
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
  echo "$health $first" >> "$tmp/times"
done
stat() { sort -n | awk '{a[NR]=$1} END {printf "%d ms (median; %d-%d)", a[int((NR+1)/2)], a[1], a[NR]}'; }
echo "$runs starts: /health answered after $(cut -d' ' -f1 "$tmp/times" | stat), the first order-sign cards after $(cut -d' ' -f2 "$tmp/times" | stat)"
