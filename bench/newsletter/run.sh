#!/usr/bin/env bash
# Newsletter send rate: a briefing to N confirmed subscribers (default 10,000) through the real
# queue and Jakarta Mail into a local GreenMail SMTP server on loopback; prints messages/s and the
# duration from the send being made to the last message marked sent, and checks GreenMail got
# each recipient once. Bounded: gives up after 90 s.
# Usage: bench/newsletter/run.sh [N] [RATE_PER_SECOND]   (rate default 10000: as fast as it goes)
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-10000}
rate=${2:-10000}
mvn -B -q -DskipTests compile
mkdir -p target/bench-newsletter/classes
mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench-newsletter/cp.txt >/dev/null
cp="target/classes:$(cat target/bench-newsletter/cp.txt)"
javac -nowarn -d target/bench-newsletter/classes -cp "$cp" bench/newsletter/src/dev/byline/bench/*.java
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx1g -cp "target/bench-newsletter/classes:$cp" dev.byline.bench.NewsletterSendBench "$n" "$rate" 2>&1 \
  | grep -v " INFO \| WARN \| DEBUG "
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
