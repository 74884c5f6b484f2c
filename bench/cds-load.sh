#!/usr/bin/env bash
# Bounded loopback load test of the CDS Hooks service: starts oih-cds-hooks.jar on 127.0.0.1 with a throw-away
# issuer, warms it up, then CLIENTS concurrent clients send REQUESTS order-sign calls (each with a freshly signed
# JWT) and the script prints p50/p90/p99 and the error count (non-zero exit on any error).
# Usage: bench/cds-load.sh [CLIENTS] [REQUESTS] [EXAMPLE] [WARMUP]   (defaults 8, 5000, order-sign-possible-oih, 2000)
set -euo pipefail
cd "$(dirname "$0")/.."
clients="${1:-8}"; requests="${2:-5000}"; example="${3:-order-sign-possible-oih}"; warmup="${4:-2000}"
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
for _ in $(seq 600); do curl -sf "http://127.0.0.1:$port/health" > /dev/null && break; sleep 0.2; done
curl -sf "http://127.0.0.1:$port/health" > /dev/null || { echo "service did not start:"; cat "$tmp/service.log"; exit 1; }
service=$(python3 -c "import json,sys; print({'patient-view':'oih-patient-view','order-select':'oih-order-select','order-sign':'oih-order-sign'}[json.load(open(sys.argv[1]))['hook']])" \
  "oih-cds-hooks/src/main/resources/org/oihkb/cds/examples/$example.json")
request="oih-cds-hooks/src/main/resources/org/oihkb/cds/examples/$example.json"
echo "warm-up: $warmup requests"
java -cp "$lib" bench/CdsLoad.java run "http://127.0.0.1:$port" "$service" "$request" "$clients" "$warmup" "$tmp/key.json" > /dev/null
echo "measured: $clients clients, $requests requests, $example"
java -cp "$lib" bench/CdsLoad.java run "http://127.0.0.1:$port" "$service" "$request" "$clients" "$requests" "$tmp/key.json"
curl -s "http://127.0.0.1:$port/metrics"; echo
