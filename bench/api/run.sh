#!/usr/bin/env bash
# Content API benchmark: list and article latency at 100,000 published articles, generated at run
# time in a temporary directory. Sequential requests over loopback, bounded in count.
# Usage: bench/api/run.sh [ARTICLES] [REQUESTS-PER-ENDPOINT]   (defaults 100000 and 2000)
set -euo pipefail
cd "$(dirname "$0")/../.."
articles=${1:-100000}
n=${2:-2000}
mvn -B -q -DskipTests compile
mkdir -p target/bench-api/classes
mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench-api/cp.txt >/dev/null
cp="target/classes:$(cat target/bench-api/cp.txt)"
javac -nowarn -d target/bench-api/classes -cp "$cp" bench/api/src/dev/byline/bench/*.java
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)  cores: $(nproc)"
java -Xmx1g -cp "target/bench-api/classes:$cp" dev.byline.bench.ApiBench "$articles" "$n" 2>&1 \
  | grep -v -E " (INFO|WARN) "
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
