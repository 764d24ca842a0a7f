#!/usr/bin/env bash
# Breaking banner and front-page pins: time from the editor's save (the committed change) until
# readers' requests see it, over loopback, one change at a time; and what a reader's browser pays
# per page view to ask for the banner (a revalidation answered 304 from memory).
# Then S pages left open (default 2000 event streams): their heap and the time until all have a
# new banner. Bounded: N changes of each kind (default 200), 20 pushed banners.
# Usage: bench/breaking/run.sh [N] [S]
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-200}
s=${2:-2000}
mvn -B -q -DskipTests compile
mkdir -p target/bench-breaking/classes
mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench-breaking/cp.txt >/dev/null
cp="target/classes:$(cat target/bench-breaking/cp.txt)"
javac -nowarn -d target/bench-breaking/classes -cp "$cp" bench/breaking/src/dev/byline/bench/*.java
java -Xmx512m -cp "target/bench-breaking/classes:$cp" dev.byline.bench.BreakingBannerBench "$n" "$s" 2>&1 \
  | grep -v " INFO \| WARN "
