#!/usr/bin/env bash
# Newsroom admin benchmark: how long the editor's pages take, against the cached public front page
# measured in the same run. Sequential requests over loopback, bounded in count; about a minute.
# Usage: bench/admin/run.sh [REQUESTS-PER-PAGE]   (default 200)
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-200}
mvn -B -q -DskipTests compile
mkdir -p target/bench-admin/classes
mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench-admin/cp.txt >/dev/null
cp="target/classes:$(cat target/bench-admin/cp.txt)"
javac -nowarn -d target/bench-admin/classes -cp "$cp" bench/admin/src/dev/byline/bench/*.java
java -Xmx512m -cp "target/bench-admin/classes:$cp" dev.byline.bench.AdminBench "$n" 2>&1 | grep -v " INFO "
