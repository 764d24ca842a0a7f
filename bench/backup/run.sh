#!/usr/bin/env bash
# Online backup under write load: a writer publishes RATE articles a second into a running site
# while `byline backup DIR` runs in its own JVM; then `byline restore DIR` into a fresh data
# directory (and a fresh PostgreSQL database), and the restored articles are checked against the
# backup's manifest (count and every content hash). A copy of the backup with its database file
# cut in half must be refused. Runs on SQLite and on PostgreSQL (127.0.0.1:5432, or set
# BYLINE_BENCH_PG_URL to an admin JDBC URL); needs pg_dump and psql for PostgreSQL.
# Usage: bench/backup/run.sh [SEED] [RATE] [sqlite|postgresql|both]   (defaults 2000, 100, both)
set -euo pipefail
cd "$(dirname "$0")/../.."
seed=${1:-2000}
rate=${2:-100}
which=${3:-both}
mvn -B -q -DskipTests compile
mkdir -p target/bench-backup/classes
mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench-backup/cp.txt >/dev/null
cp="target/classes:$(cat target/bench-backup/cp.txt)"
javac -nowarn -d target/bench-backup/classes -cp "$cp" bench/backup/src/dev/byline/bench/*.java
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)  cores: $(nproc)"
java -Xmx1g -cp "target/bench-backup/classes:$cp" dev.byline.bench.BackupUnderLoadBench \
  "$seed" "$rate" "$which" 2>&1 | grep -v -E " (INFO|WARN) "
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
