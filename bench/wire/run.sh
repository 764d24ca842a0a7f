#!/usr/bin/env bash
# Wire desk benchmarks. Usage: bench/wire/run.sh import [COUNT] | latency [COUNT]
# Builds the project once, then runs the single-file benchmark with the project's classpath.
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null 2>&1 \
  || mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
# The benchmarks share the test tree's corpus reader (dev.byline.bench.NewsCorpus).
cp="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
out=target/bench-wire
rm -rf "$out" && mkdir -p "$out"
javac -d "$out" -cp "$cp" bench/wire/*.java
fixtures=../shared/fixtures
[ -d "$fixtures" ] || fixtures=../../shared/fixtures
case "${1:-import}" in
  import) java -Xmx1g -cp "$out:$cp" WireImportBench "${2:-50000}" "$fixtures/corpus/wikinews" ;;
  latency) java -Xmx1g -cp "$out:$cp" DropLatencyBench "${2:-30}" ;;
  *) echo "usage: bench/wire/run.sh import [COUNT] | latency [COUNT]" >&2; exit 2 ;;
esac
