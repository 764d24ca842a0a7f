#!/usr/bin/env bash
# Audience benchmarks, on loopback only, short and bounded (the machine has 2 shared cores):
#  1. beacon throughput: POST /beacon with wrk, against nginx answering the same request with 204
#     (baseline, same run), then Byline's own static file handler (in-app baseline); after the
#     run the server is stopped (final flush) and the database is checked against what wrk sent.
#  2. "For you" latency at 100,000 articles: POST /for-you.json with wrk --latency, against the
#     cached /most-read.json on the same server (baseline, same run).
# Usage: bench/audience/run.sh [beacon|for-you|all]   Env: DUR (10s), CONN (32), THREADS (2), ARTICLES (100000)
set -euo pipefail
cd "$(dirname "$0")/../.."
what=${1:-all}
DUR=${DUR:-10s}
CONN=${CONN:-32}
THREADS=${THREADS:-2}
ARTICLES=${ARTICLES:-100000}
WORK=$(mktemp -d /tmp/byline-audience-bench.XXXXXX)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_for() { for _ in $(seq 1 120); do curl -fs -o /dev/null "$1" && return 0; sleep 0.5; done; echo "no answer from $1" >&2; return 1; }
result() { grep '^RESULT' | sed 's/^RESULT //'; }
field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p"; }

echo "== building"
mvn -B -q package -DskipTests
mvn -B -q dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
mkdir -p "$WORK/classes"
javac -nowarn -d "$WORK/classes" -cp "target/classes:$(cat "$WORK/cp.txt")" bench/audience/src/dev/byline/bench/*.java
JAVA_OPTS=${JAVA_OPTS:--Xmx1g}
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); java $(java -version 2>&1 | head -1)"

start_byline() { # data-dir port extra-args...
  local data=$1 port=$2; shift 2
  java $JAVA_OPTS -jar target/byline.jar serve --data "$data" --port "$port" "$@" > "$data.log" 2>&1 &
  BYLINE_PID=$!
  pids+=("$BYLINE_PID")
  wait_for "http://127.0.0.1:$port/"
}

stop_byline() { kill -TERM "$BYLINE_PID"; wait "$BYLINE_PID" || true; }

if [ "$what" = beacon ] || [ "$what" = all ]; then
  echo "== beacon: wrk -t$THREADS -c$CONN -d$DUR, POST /beacon (bench/audience/beacon.lua)"
  mkdir -p "$WORK/nginx"
  nport=$(free_port)
  sed "s#@PORT@#$nport#; s#@DIR@#$WORK/nginx#g" bench/audience/nginx.conf > "$WORK/nginx.conf"
  nginx -c "$WORK/nginx.conf" -p "$WORK/nginx" &
  pids+=($!)
  for _ in $(seq 1 50); do curl -s -o /dev/null -X POST "http://127.0.0.1:$nport/beacon" && break; sleep 0.2; done
  nginx_line=$(wrk -t"$THREADS" -c"$CONN" -d"$DUR" -s bench/audience/beacon.lua "http://127.0.0.1:$nport" | result)
  echo "nginx POST /beacon (204, nothing else):  $nginx_line"

  bport=$(free_port)
  # Trusting X-Forwarded-For, so each request is a reader at an address of its own (beacon.lua).
  start_byline "$WORK/beacon" "$bport" --set analytics.flushSeconds=2 --set http.trust.forwarded=true
  warm=$(wrk -t"$THREADS" -c"$CONN" -d5s -s bench/audience/beacon.lua "http://127.0.0.1:$bport" -- 1 | result)
  echo "byline warm-up (counted too):           $warm"
  static_line=$(wrk -t"$THREADS" -c"$CONN" -d"$DUR" -s bench/audience/get.lua "http://127.0.0.1:$bport/static/favicon.svg?v=x" | result)
  echo "byline GET /static/favicon.svg:          $static_line"
  beacon_line=$(wrk -t"$THREADS" -c"$CONN" -d"$DUR" -s bench/audience/beacon.lua "http://127.0.0.1:$bport" -- 2 | result)
  echo "byline POST /beacon:                     $beacon_line"
  stop_byline
  sent=$(( $(echo "$warm" | field requests) + $(echo "$beacon_line" | field requests) ))
  failed=$(( $(echo "$warm" | field non_2xx) + $(echo "$beacon_line" | field non_2xx) ))
  counted=$(sqlite3 "$WORK/beacon/byline.db" "SELECT COALESCE(SUM(views), 0) FROM analytics_day")
  pages=$(sqlite3 "$WORK/beacon/byline.db" "SELECT COALESCE(SUM(views), 0) FROM analytics_page_day")
  referred=$(sqlite3 "$WORK/beacon/byline.db" "SELECT COALESCE(SUM(views), 0) FROM analytics_source_day WHERE kind = 'referrer'")
  echo "counts: wrk completed=$sent (non-2xx $failed), database views=$counted, page rows=$pages, referred=$referred (expect ~$((sent / 10)))"
  echo "        up to $CONN requests can still be in flight when wrk stops: the server counts them, wrk does not"
  awk -v b="$(echo "$beacon_line" | field rps)" -v n="$(echo "$nginx_line" | field rps)" -v s="$(echo "$static_line" | field rps)" \
    'BEGIN { printf "ratios: beacon/nginx=%.2f beacon/static=%.2f\n", b / n, b / s }'
  if [ "$counted" -lt "$sent" ] || [ "$counted" -gt $((sent + 2 * CONN)) ]; then echo "COUNT MISMATCH" >&2; exit 1; fi
fi

if [ "$what" = for-you ] || [ "$what" = all ]; then
  echo "== for you: $ARTICLES articles"
  corpus_line=$(java -cp "$WORK/classes:target/classes:$(cat "$WORK/cp.txt")" dev.byline.bench.AudienceCorpus "$WORK/corpus" "$ARTICLES" | grep '^articles=')
  echo "corpus: $corpus_line"
  export FRESH_FIRST=$(echo "$corpus_line" | field fresh_first_id) LAST=$(echo "$corpus_line" | field last_id)
  fport=$(free_port)
  start_byline "$WORK/corpus" "$fport"
  grep -o 'event=fresh_articles_loaded.*' "$WORK/corpus.log" || true
  # The related engine's search index is built from the database at first start: measure after.
  for _ in $(seq 1 1200); do grep -q 'event=search_index_rebuilt' "$WORK/corpus.log" && break; sleep 0.5; done
  grep -o 'event=search_index_rebuilt.*' "$WORK/corpus.log" || { echo "search index not built in 10 minutes" >&2; exit 1; }
  wrk -t1 -c4 -d5s -s bench/audience/for-you.lua "http://127.0.0.1:$fport" > /dev/null   # warm-up
  base=$(wrk -t1 -c4 -d"$DUR" --latency -s bench/audience/get.lua "http://127.0.0.1:$fport/most-read.json" | result)
  echo "byline GET /most-read.json (cached):     $base"
  fy=$(wrk -t1 -c4 -d"$DUR" --latency -s bench/audience/for-you.lua "http://127.0.0.1:$fport" | result)
  echo "byline POST /for-you.json (-t1 -c4):     $fy"
  fy1=$(wrk -t1 -c1 -d"$DUR" --latency -s bench/audience/for-you.lua "http://127.0.0.1:$fport" | result)
  echo "byline POST /for-you.json (-t1 -c1):     $fy1"
  stop_byline
fi
rm -rf "$WORK"
