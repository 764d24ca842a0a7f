#!/usr/bin/env bash
# WordPress migration benchmark. Usage: bench/wordpress/run.sh [COUNT] (default 100000 posts)
# Builds the project once, then runs the single-file benchmark with the project's classpath.
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null 2>&1 \
  || mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
cp="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
out=target/bench-wordpress
rm -rf "$out" && mkdir -p "$out"
# The Wikinews reader is shared with the wire benchmark.
javac -d "$out" -cp "$cp" bench/wire/WikinewsItems.java bench/wordpress/*.java
fixtures=../shared/fixtures
[ -d "$fixtures" ] || fixtures=../../shared/fixtures
# A small heap on purpose: the import must stream, whatever the export's size.
java -Xmx512m -cp "$out:$cp" WxrImportBench "${1:-100000}" "$fixtures/corpus/wikinews"
