#!/usr/bin/env bash
# Live blogs: the posts fragment (/live/ID, JSON) under 10,000 simulated polling readers.
#
# 10,000 readers on one live page, each polling every 10 s (live.js's default), ask 1,000 times a
# second. wrk holds 1,000 connections, each waiting THINK_MS (1,000 ms) between polls, so it offers
# that same 1,000 req/s; each connection revalidates with the ETag it last got, as a browser does
# (mostly 304s; a 200 after each post). Meanwhile the live desk posts every EVERY seconds (5), and
# each post purges the cached fragment. Then the same 1,000 connections poll without pause, for
# the headroom, and the fragment is fetched whole (gzip, no ETag) for the cost of a full answer.
# Baseline in the same run: the same polling pattern against the cached article page (the page
# cache's fast path, the site's fastest answer), which every post purges too.
# Loopback, 2 shared cores: wrk and the server compete for them, so figures are indicative.
#
# The fragment and the baseline alternate for ROUNDS rounds, so load from elsewhere hits both alike.
# Usage: bench/live/run.sh   Env: CONN (1000), THREADS (2), DUR (15s), THINK_MS (1000), POSTS (60), EVERY (5), ROUNDS (3)
set -euo pipefail
cd "$(dirname "$0")/../.."
CONN=${CONN:-1000}
THREADS=${THREADS:-2}
DUR=${DUR:-15s}
THINK_MS=${THINK_MS:-1000}
POSTS=${POSTS:-60}
ROUNDS=${ROUNDS:-3}
EVERY=${EVERY:-5}
WORK=$(mktemp -d /tmp/byline-live-bench.XXXXXX)
server=""
cleanup() { if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; fi; rm -rf "$WORK"; }
trap cleanup EXIT
result() { grep '^RESULT' | sed 's/^RESULT //'; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

echo "== building"
mvn -B -q -DskipTests compile
mvn -B -q dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
cp="target/classes:$(cat "$WORK/cp.txt")"
mkdir -p "$WORK/classes"
javac -nowarn -d "$WORK/classes" -cp "$cp" bench/live/src/dev/byline/bench/*.java
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); java $(java -version 2>&1 | head -1); ulimit -n $(ulimit -n)"

port=$(free_port)
java ${JAVA_OPTS:--Xmx1g} -cp "$WORK/classes:$cp" dev.byline.bench.LiveBench "$port" "$POSTS" "$EVERY" > "$WORK/server.log" 2>&1 &
server=$!
for _ in $(seq 1 240); do grep -qs '^READY' "$WORK/server.log" && break; sleep 0.5; done
ready=$(grep '^READY' "$WORK/server.log") || { echo "server did not start" >&2; tail -20 "$WORK/server.log" >&2; exit 1; }
article=$(echo "$ready" | sed 's/.* article=\([0-9]*\).*/\1/')
url="http://127.0.0.1:$port/live/$article"
page="http://127.0.0.1:$port$(echo "$ready" | sed 's/.* path=\([^ ]*\).*/\1/')"
echo "server: $ready"
echo "fragment: $(curl -s -H 'Accept-Encoding: gzip' -o /dev/null -w '%{size_download} bytes gzip, %{http_code}' "$url"); $(curl -s -o /dev/null -w '%{size_download} bytes plain' "$url")"

wrk -t"$THREADS" -c100 -d5s -s bench/live/full.lua "$url" > /dev/null   # warm-up
for round in $(seq 1 "$ROUNDS"); do
  line=$(wrk -t"$THREADS" -c"$CONN" -d"$DUR" --latency -s bench/live/poll.lua "$url" -- "$THINK_MS" | result)
  echo "round $round, fragment: 10,000 readers polling every 10 s (-c$CONN, $THINK_MS ms between polls per connection): $line"
  line=$(wrk -t"$THREADS" -c"$CONN" -d"$DUR" --latency -s bench/live/poll.lua "$page" -- "$THINK_MS" | result)
  echo "round $round, baseline: the same against the cached article page (purged by the same posts):      $line"
done
line=$(wrk -t"$THREADS" -c"$CONN" -d"$DUR" --latency -s bench/live/poll.lua "$url" -- 0 | result)
echo "headroom, fragment: the same connections, no pause between polls:                            $line"
line=$(wrk -t"$THREADS" -c"$CONN" -d"$DUR" --latency -s bench/live/full.lua "$url" | result)
echo "whole fragment every time (gzip, no ETag), no pause:                                          $line"
echo "posts made while wrk ran: $(grep -c '^POSTED' "$WORK/server.log" || true); server errors logged: $(grep -c ' ERROR ' "$WORK/server.log" || true)"
