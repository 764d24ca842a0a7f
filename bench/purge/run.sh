#!/usr/bin/env bash
# Change-feed-to-Varnish purge latency: a real varnishd (Debian package) with the shipped VCL in
# front of Byline on loopback; each story is cached in Varnish, then unpublished, and the time
# until Varnish answers 410 is measured. Bounded: N stories (default 200), one at a time.
# Usage: bench/purge/run.sh [N]
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-200}
command -v /usr/sbin/varnishd >/dev/null || { echo "needs varnishd: apt-get install varnish" >&2; exit 1; }
mvn -B -q -DskipTests compile
mkdir -p target/bench-purge/classes
mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench-purge/cp.txt >/dev/null
cp="target/classes:$(cat target/bench-purge/cp.txt)"
javac -nowarn -d target/bench-purge/classes -cp "$cp" bench/purge/src/dev/byline/bench/*.java
java -Xmx512m -cp "target/bench-purge/classes:$cp" dev.byline.bench.PurgeLatencyBench "$n" 2>&1 \
  | grep -v " INFO \| WARN "
