#!/usr/bin/env bash
# The CDS Hooks service's README command, run from another directory: discovery answers, and the bundled
# order-sign example gets the "do not answer this pain with a higher dose" card. Called by .ci/run after the build.
set -euo pipefail
cd "$(dirname "$0")/.."
jar="$PWD/oih-cds-hooks/target/oih-cds-hooks.jar"
example="$PWD/oih-cds-hooks/src/main/resources/org/oihkb/cds/examples/order-sign-possible-oih.json"
tmp=$(mktemp -d)
( cd "$tmp" && exec java -Djava.io.tmpdir="$tmp" -jar "$jar" --port 0 --insecure-dev > service.log 2>&1 ) &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$tmp"' EXIT
url=""
for _ in $(seq 900); do
  url=$(sed -n 's/.*CDS Hooks service listening on \(http[^ ]*\).*/\1/p' "$tmp/service.log" | head -1)
  [ -n "$url" ] && break
  kill -0 "$pid" 2>/dev/null || { cat "$tmp/service.log"; exit 1; }
  sleep 0.2
done
[ -n "$url" ] || { echo "ci: the CDS Hooks service did not start"; cat "$tmp/service.log"; exit 1; }
curl -sf "$url/cds-services" | grep -q '"id":"oih-order-sign"'
curl -sf -H 'Content-Type: application/json' --data @"$example" "$url/cds-services/oih-order-sign" \
  | grep -q 'do not answer this pain with a higher dose'
echo "ci: oih-cds-hooks.jar answered discovery and the order-sign example from $tmp ($url)"
