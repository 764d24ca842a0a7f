#!/usr/bin/env bash
# Page-serving benchmark: Byline's cached article page against nginx serving the same bytes as a
# precompressed static file, in one run, so the ratio holds on a noisy machine. Also reports the
# cache-miss render (throughput with wrk, and one client's p50/p99) and the time from process
# start to the first served page.
#
# Usage: bench/site-bench.sh [seconds-per-wrk-run]   (needs wrk, nginx, curl; loopback only)
#   ROUNDS=3        rounds that alternate every measured server, so load from elsewhere hits all alike
#   BASE_JAR=path   a second jar (e.g. built from an earlier commit) measured in the same run, for
#                   before/after ratios; each jar seeds its own demo newsroom with its own `demo`
#   PROFILE=1       record the cache-miss servers with JFR and print their top frames
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-15}
THREADS=2
CONNECTIONS=64
MISS_CONNECTIONS=16
JAR=${JAR:-target/byline.jar}
BASE_JAR=${BASE_JAR:-}
ROUNDS=${ROUNDS:-3}
PROFILE=${PROFILE:-0}
WORK=$(mktemp -d /tmp/byline-bench.XXXXXX)
chmod 755 "$WORK"   # nginx workers run as an unprivileged user
trap 'kill $(jobs -p) 2>/dev/null || true; [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true; rm -rf "$WORK"' EXIT

for tool in wrk nginx curl; do command -v "$tool" >/dev/null || { echo "needs $tool (apt-get install wrk nginx-light curl)" >&2; exit 1; }; done
[ -f "$JAR" ] || mvn -B -q -DskipTests package
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
wrk_run() { # url label file connections -> prints "label rps p99", keeps rps in $WORK/file
  local out; out=$(wrk -t$THREADS -c"$4" -d${DURATION}s --latency -H 'Accept-Encoding: gzip' "$1")
  local rps p99; rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out"); p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  local errors; errors=$(awk '/Non-2xx|Socket errors/ {print}' <<<"$out")
  printf '%-34s %12s req/s   p99 %8s  %s\n' "$2" "$rps" "$p99" "$errors"
  echo "$rps" >> "$WORK/$3"
}
one_client() { # url label file -> 200 sequential requests after 100 more warm-up; p50 and p99 in ms
  for _ in $(seq 1 100); do curl -fs -o /dev/null -H 'Accept-Encoding: gzip' "$1"; done
  local times; times=$(for _ in $(seq 1 200); do curl -fs -o /dev/null -H 'Accept-Encoding: gzip' -w '%{time_total}\n' "$1"; done | sort -n)
  local p50 p99; p50=$(awk 'NR==100 {printf "%.2f", $1*1000}' <<<"$times"); p99=$(awk 'NR==198 {printf "%.2f", $1*1000}' <<<"$times")
  printf '%-34s p50 %6s ms   p99 %6s ms\n' "$2" "$p50" "$p99"
  echo "$p50" >> "$WORK/$3.p50"; echo "$p99" >> "$WORK/$3.p99"
}
wait_ok() { # url timeout-seconds
  local deadline=$((SECONDS + $2)); until curl -fs -o /dev/null "$1"; do [ $SECONDS -lt $deadline ] || return 1; sleep 0.02; done
}
median() { sort -n | awk '{a[NR]=$1} END{print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

NAMES=(new); declare -A JARS=([new]="$JAR")
if [ -n "$BASE_JAR" ]; then NAMES=(base new); JARS[base]="$BASE_JAR"; fi

echo "== Byline site benchmark  $(date -u +%Y-%m-%dT%H:%MZ)  $(nproc) cores  wrk -t$THREADS -c$CONNECTIONS (cached) -c$MISS_CONNECTIONS (cache-miss) -d${DURATION}s  rounds $ROUNDS"
echo "== load: $(uptime)"
for name in "${NAMES[@]}"; do echo "jar $name: ${JARS[$name]} ($(stat -c %y "${JARS[$name]}" | cut -d. -f1))"; done

declare -A PORT MISS_PORT
for name in "${NAMES[@]}"; do
  jar=${JARS[$name]}
  java -jar "$jar" demo --data "$WORK/$name/data" > /dev/null 2>&1
  # The cache-off server needs its own copy: a data directory's search index has one writer.
  cp -r "$WORK/$name/data" "$WORK/$name/data-miss"

  # 1. Start-up: from launching the JVM to the first 200 for the front page (demo already seeded).
  PORT[$name]=$(free_port)
  start_ns=$(date +%s%N)
  java -Xmx1g -jar "$jar" serve --data "$WORK/$name/data" --port "${PORT[$name]}" > "$WORK/$name/serve.log" 2>&1 &
  wait_ok "http://127.0.0.1:${PORT[$name]}/" 120
  end_ns=$(date +%s%N)
  echo $(( (end_ns - start_ns) / 1000000 )) > "$WORK/$name.startup"
  printf '%-34s %s ms\n' "$name start to first served page" "$(cat "$WORK/$name.startup")"

  # 2. A second server with the page cache off renders on every request: the cache-miss path.
  MISS_PORT[$name]=$(free_port)
  jfr=(); [ "$PROFILE" = 1 ] && jfr=(-XX:StartFlightRecording=settings=profile,filename="$WORK/$name.jfr")
  java -Xmx1g "${jfr[@]}" -jar "$jar" serve --data "$WORK/$name/data-miss" --port "${MISS_PORT[$name]}" \
    --set cache.max.mb=0 > "$WORK/$name/miss.log" 2>&1 &
  echo $! > "$WORK/$name.miss.pid"
  wait_ok "http://127.0.0.1:${MISS_PORT[$name]}/" 120
done

ARTICLE=$(curl -fs "http://127.0.0.1:${PORT[new]}/" | grep -o 'class="lead-headline"><a href="[^"]*"' | sed 's/.*href="//; s/"$//')
echo "article:                           $ARTICLE"
url() { echo "http://127.0.0.1:${PORT[$1]}$ARTICLE"; }
miss_url() { echo "http://127.0.0.1:${MISS_PORT[$1]}$ARTICLE"; }

# 3. nginx serving the new jar's article bytes, precompressed, as the baseline.
mkdir -p "$WORK/www" "$WORK/nginx-tmp"
curl -fs "$(url new)" -o "$WORK/www/article.html"
gzip -9 -k "$WORK/www/article.html"
NGINX_PORT=$(free_port)
cat > "$WORK/nginx.conf" <<CONF
worker_processes 2;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx-tmp; proxy_temp_path $WORK/nginx-tmp; fastcgi_temp_path $WORK/nginx-tmp;
  uwsgi_temp_path $WORK/nginx-tmp; scgi_temp_path $WORK/nginx-tmp;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WORK/www;
    gzip_static on;
    location / { default_type text/html; add_header Cache-Control "public, max-age=60"; etag on; }
  }
}
CONF
nginx -c "$WORK/nginx.conf"
NGINX_URL="http://127.0.0.1:$NGINX_PORT/article.html"
wait_ok "$NGINX_URL" 10

# 4. Warm every cache and JIT, then measure all servers back to back.
wrk -t$THREADS -c$CONNECTIONS -d3s -H 'Accept-Encoding: gzip' "$NGINX_URL" > /dev/null
for name in "${NAMES[@]}"; do
  wrk -t$THREADS -c$CONNECTIONS -d5s -H 'Accept-Encoding: gzip' "$(url "$name")" > /dev/null
  wrk -t$THREADS -c$MISS_CONNECTIONS -d8s -H 'Accept-Encoding: gzip' "$(miss_url "$name")" > /dev/null
done
[ "$PROFILE" = 1 ] && for name in "${NAMES[@]}"; do jcmd "$(cat "$WORK/$name.miss.pid")" JFR.start name=miss settings=profile > /dev/null; done
for r in $(seq 1 "$ROUNDS"); do
  wrk_run "$NGINX_URL" "round $r nginx static" nginx.rps $CONNECTIONS
  for name in "${NAMES[@]}"; do
    wrk_run "$(url "$name")" "round $r $name cached" "$name.rps" $CONNECTIONS
    awk "BEGIN{printf \"%.3f\\n\", $(tail -1 "$WORK/$name.rps") / $(tail -1 "$WORK/nginx.rps")}" >> "$WORK/$name.ratios"
  done
  for name in "${NAMES[@]}"; do
    wrk_run "$(miss_url "$name")" "round $r $name cache-miss (c$MISS_CONNECTIONS)" "$name.miss.rps" $MISS_CONNECTIONS
  done
  for name in "${NAMES[@]}"; do one_client "$(miss_url "$name")" "round $r $name cache-miss 1 client" "$name.one"; done
done
if [ "$PROFILE" = 1 ]; then
  for name in "${NAMES[@]}"; do
    pid=$(cat "$WORK/$name.miss.pid")
    jcmd "$pid" JFR.dump name=miss filename="$WORK/$name-miss.jfr" > /dev/null
    echo "== $name cache-miss profile (article route, during the rounds):"
    jfr print --stack-depth 96 --events jdk.ExecutionSample,jdk.NativeMethodSample "$WORK/$name-miss.jfr" \
      | python3 bench/jfr-top.py 'ArticlePages.show' 12
  done
fi

echo "== summary (medians of $ROUNDS rounds)  load now: $(uptime | sed 's/.*load average/load average/')"
echo "median nginx req/s:                $(median < "$WORK/nginx.rps")"
for name in "${NAMES[@]}"; do
  echo "$name start to first served page:   $(cat "$WORK/$name.startup") ms"
  echo "$name cached req/s:                 $(median < "$WORK/$name.rps")   ratio to nginx per round: $(tr '\n' ' ' < "$WORK/$name.ratios")  median $(median < "$WORK/$name.ratios")  (goal 0.8)"
  echo "$name cache-miss req/s (c$MISS_CONNECTIONS):      $(median < "$WORK/$name.miss.rps")"
  echo "$name cache-miss 1 client:          p50 $(median < "$WORK/$name.one.p50") ms  p99 $(median < "$WORK/$name.one.p99") ms"
done
if [ -n "$BASE_JAR" ]; then
  echo "new/base cache-miss req/s:         $(awk "BEGIN{printf \"%.2f\", $(median < "$WORK/new.miss.rps") / $(median < "$WORK/base.miss.rps")}")"
  echo "new/base cached req/s:             $(awk "BEGIN{printf \"%.2f\", $(median < "$WORK/new.rps") / $(median < "$WORK/base.rps")}")"
fi
