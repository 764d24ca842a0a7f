#!/usr/bin/env bash
# Wire soak: pushes ITEMS mixed good and hostile wire items through the drop folder, the push
# endpoint and `byline import` at once while readers load pages, all on loopback, then reports
# lost good items, hostile items made public, heap after GC over time and thread deaths.
# Usage: bench/soak/run.sh [ITEMS]   (default 10000; a few minutes on 2 cores)
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -o compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null 2>&1 \
  || mvn -B -q compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
cp="target/classes:$(cat target/bench-classpath.txt)"
out=target/bench-soak
rm -rf "$out" && mkdir -p "$out"
javac -d "$out" -cp "$cp" bench/soak/*.java
java -Xmx768m -cp "$out:$cp" WireSoak "${1:-10000}" 2>&1 | grep -v -E " (INFO|WARN|DEBUG) " | grep -v '^\s*at ' | grep -v '^$'
