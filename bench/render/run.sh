#!/usr/bin/env bash
# Article page render benchmark (in process, no HTTP, no page cache): time and bytes allocated
# per render. Usage: bench/render/run.sh [ROUNDS] [RENDERS-PER-ROUND]   (default 7 3000)
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -o -DskipTests compile >/dev/null 2>&1 || mvn -B -q -DskipTests compile
mkdir -p target/bench-render/classes
mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench-render/cp.txt >/dev/null
cp="target/classes:$(cat target/bench-render/cp.txt)"
javac -nowarn -d target/bench-render/classes -cp "$cp" bench/render/src/dev/byline/bench/*.java
echo "== $(date -u +%Y-%m-%dT%H:%MZ)  $(nproc) cores  load average $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx512m -cp "target/bench-render/classes:$cp" dev.byline.bench.RenderBench "$@" 2>&1 | grep -v " INFO \| DEBUG "
