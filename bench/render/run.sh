#!/usr/bin/env bash
# Article page render benchmark (in process, no HTTP, no page cache): time and bytes allocated
# per render.
#   bench/render/run.sh [ROUNDS] [RENDERS-PER-ROUND]        this checkout (default 7 3000)
#   bench/render/run.sh ab REV_A REV_B [ROUNDS] [RENDERS]   two commits side by side in one JVM,
#                                                           rounds interleaved (default 15 2000)
set -euo pipefail
cd "$(dirname "$0")/../.."
out=target/bench-render
mkdir -p "$out"
mvn -B -q dependency:build-classpath -Dmdep.outputFile=$out/cp.txt >/dev/null
deps="$(cat $out/cp.txt)"
echo "== $(date -u +%Y-%m-%dT%H:%MZ)  $(nproc) cores  load average $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "${1:-}" != ab ]; then
  mvn -B -q -o -DskipTests compile >/dev/null 2>&1 || mvn -B -q -DskipTests compile
  rm -rf $out/classes && mkdir -p $out/classes
  javac -nowarn -d $out/classes -cp "target/classes:$deps" bench/render/src/dev/byline/bench/*.java
  java -Xmx512m -cp "$out/classes:target/classes:$deps" dev.byline.bench.RenderBench "$@" 2>&1 \
    | grep -v " INFO \| DEBUG "
  exit 0
fi
# Each revision is exported (git archive) and built on its own (templates precompiled as that
# revision says); the benchmark source of this checkout is compiled against each.
bench_src=$(pwd)/bench/render/src/dev/byline/bench
for side in a b; do
  rev=$([ $side = a ] && echo "$2" || echo "$3")
  dir=$(pwd)/$out/$side
  rm -rf "$dir" && mkdir -p "$dir/src" "$dir/bench"
  git archive "$rev" | tar -x -C "$dir/src"
  (cd "$dir/src" && { mvn -B -q -o -DskipTests compile >/dev/null 2>&1 || mvn -B -q -DskipTests compile; })
  javac -nowarn -d "$dir/bench" -cp "$dir/src/target/classes:$deps" "$bench_src/RenderBench.java"
done
mkdir -p $out/harness
javac -nowarn -d $out/harness bench/render/src/dev/byline/bench/RenderAB.java
java -Xmx1g -cp $out/harness dev.byline.bench.RenderAB \
  "$out/a/src/target/classes" "$out/a/bench" "$out/b/src/target/classes" "$out/b/bench" \
  "$deps" "${4:-15}" "${5:-2000}" 2>&1 | grep -v " INFO \| DEBUG "
