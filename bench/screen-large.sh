#!/usr/bin/env bash
# The screening test on a large population (default 100,000 records, 1% malformed): every line assessed or
# rejected, in input order. Too slow for every build; mvn verify runs it on 10,000.
# Usage: bench/screen-large.sh [N records, default 100000]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B verify -pl oih-examples -am -Dtest=ScreenCommandTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Doih.screen.records="${1:-100000}"
