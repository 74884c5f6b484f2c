#!/usr/bin/env bash
# Bounded loopback load test of the CDS Hooks service: starts oih-cds-hooks.jar on 127.0.0.1 with a throw-away
# issuer, warms it up, then CLIENTS concurrent clients send REQUESTS order-sign calls (each with a freshly signed
# JWT) and the script prints p50/p90/p99 and the error count (non-zero exit on any error).
# Usage: bench/cds-load.sh [CLIENTS] [REQUESTS] [EXAMPLE]   (defaults 8, 5000, order-sign-possible-oih)
set -euo pipefail
cd "$(dirname "$0")/.."
clients="${1:-8}"; requests="${2:-5000}"; example="${3:-order-sign-possible-oih}"
[ -f oih-cds-hooks/target/oih-cds-hooks.jar ] || mvn -q -B clean package -DskipTests
lib="oih-cds-hooks/target/lib/*"
tmp=$(mktemp -d); trap 'kill "$pid" 2>/dev/null || true; rm -rf "$tmp"' EXIT
mkdir -p "$tmp/tmpdir"
java -cp "$lib" bench/CdsLoad.java keys "$tmp"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cat > "$tmp/config.json" <<JSON
{"host": "127.0.0.1", "port": $port, "issuers": [{"iss": "bench", "jwksFile": "jwks.json"}],
 "feedbackDatabase": "feedback.sqlite", "allowedFhirServers": ["http://127.0.0.1:9/"]}
JSON
java -Djava.io.tmpdir="$tmp/tmpdir" -jar oih-cds-hooks/target/oih-cds-hooks.jar --config "$tmp/config.json" \
  > "$tmp/service.log" 2>&1 & pid=$!
for _ in $(seq 300); do curl -sf "http://127.0.0.1:$port/health" > /dev/null && break; sleep 0.1; done
service=$(python3 -c "import json,sys; print({'patient-view':'oih-patient-view','order-select':'oih-order-select','order-sign':'oih-order-sign'}[json.load(open(sys.argv[1]))['hook']])" \
  "oih-cds-hooks/src/main/resources/org/oihkb/cds/examples/$example.json")
request="oih-cds-hooks/src/main/resources/org/oihkb/cds/examples/$example.json"
echo "warm-up: 2000 requests"
java -cp "$lib" bench/CdsLoad.java run "http://127.0.0.1:$port" "$service" "$request" "$clients" 2000 "$tmp/key.json" > /dev/null
echo "measured: $clients clients, $requests requests, $example"
java -cp "$lib" bench/CdsLoad.java run "http://127.0.0.1:$port" "$service" "$request" "$clients" "$requests" "$tmp/key.json"
curl -s "http://127.0.0.1:$port/metrics"; echo
