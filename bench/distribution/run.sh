#!/usr/bin/env bash
# Distribution benchmark: the full sitemap set and the front-page feeds of a 1M-article site.
# Usage: bench/distribution/run.sh [ARTICLES] [HEAP]   (defaults: 1000000 and 64m)
# The corpus goes to target/bench-distribution/ and is reused when it already holds ARTICLES.
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-1000000}
heap=${2:-64m}
data=target/bench-distribution/data-$n
mvn -B -q -DskipTests compile
mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench-distribution/cp.txt >/dev/null
mkdir -p target/bench-distribution/classes
cp="target/classes:$(cat target/bench-distribution/cp.txt)"
javac -nowarn -d target/bench-distribution/classes -cp "$cp" bench/distribution/src/dev/byline/bench/*.java
cp="target/bench-distribution/classes:$cp"
if [ ! -f "$data/byline.db" ]; then
  rm -rf "$data"; mkdir -p "$data"
  java -Xmx512m -cp "$cp" dev.byline.bench.DistributionCorpus "$data" "$n"
fi
java -Xmx"$heap" -XX:+UseSerialGC -cp "$cp" dev.byline.bench.DistributionBench "$data" 2>&1 | grep -v " INFO "
