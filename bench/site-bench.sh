#!/usr/bin/env bash
# Page-serving benchmark: Byline's cached article page against nginx serving the same bytes as a
# precompressed static file, in one run, so the ratio holds on a noisy machine. Also reports the
# cache-miss render time and the time from process start to the first served page.
#
# Usage: bench/site-bench.sh [seconds-per-wrk-run]   (needs wrk, nginx, curl; loopback only)
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-15}
THREADS=2
CONNECTIONS=64
JAR=target/byline.jar
WORK=$(mktemp -d /tmp/byline-bench.XXXXXX)
chmod 755 "$WORK"   # nginx workers run as an unprivileged user
trap 'kill $(jobs -p) 2>/dev/null || true; [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true; rm -rf "$WORK"' EXIT

for tool in wrk nginx curl; do command -v "$tool" >/dev/null || { echo "needs $tool (apt-get install wrk nginx-light curl)" >&2; exit 1; }; done
[ -f "$JAR" ] || mvn -B -q -DskipTests package
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
wrk_run() { # url label -> prints "label rps p99"
  local out; out=$(wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s --latency -H 'Accept-Encoding: gzip' "$1")
  local rps p99; rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out"); p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  local errors; errors=$(awk '/Non-2xx|Socket errors/ {print}' <<<"$out")
  printf '%-28s %12s req/s   p99 %8s  %s\n' "$2" "$rps" "$p99" "$errors"
  echo "$rps" > "$WORK/$3.rps"
}
wait_ok() { # url timeout-seconds
  local deadline=$((SECONDS + $2)); until curl -fs -o /dev/null "$1"; do [ $SECONDS -lt $deadline ] || return 1; sleep 0.02; done
}

echo "== Byline site benchmark  $(date -u +%Y-%m-%dT%H:%MZ)  $(nproc) cores  wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s"
java -jar "$JAR" demo --data "$WORK/data" > /dev/null 2>&1
# The cache-off server needs its own copy: a data directory's search index has one writer.
cp -r "$WORK/data" "$WORK/data-miss"

# 1. Start-up: from launching the JVM to the first 200 for the front page (demo already seeded).
PORT=$(free_port)
start_ns=$(date +%s%N)
java -Xmx1g -jar "$JAR" serve --data "$WORK/data" --port "$PORT" > "$WORK/serve.log" 2>&1 &
wait_ok "http://127.0.0.1:$PORT/" 60
end_ns=$(date +%s%N)
echo "start to first served page:   $(( (end_ns - start_ns) / 1000000 )) ms"

ARTICLE=$(curl -fs "http://127.0.0.1:$PORT/" | grep -o 'class="lead-headline"><a href="[^"]*"' | sed 's/.*href="//; s/"$//')
URL="http://127.0.0.1:$PORT$ARTICLE"
echo "article:                      $ARTICLE"

# 2. Cache-miss render time: a second server with the page cache off renders on every request.
MISS_PORT=$(free_port)
java -Xmx1g -jar "$JAR" serve --data "$WORK/data-miss" --port "$MISS_PORT" --set cache.max.mb=0 > "$WORK/miss.log" 2>&1 &
wait_ok "http://127.0.0.1:$MISS_PORT/" 60
MISS_URL="http://127.0.0.1:$MISS_PORT$ARTICLE"
for _ in $(seq 1 300); do curl -fs -o /dev/null "$MISS_URL"; done   # JIT warm-up
times=$(for _ in $(seq 1 200); do curl -fs -o /dev/null -w '%{time_total}\n' "$MISS_URL"; done | sort -n)
p50=$(sed -n '100p' <<<"$times"); p99=$(sed -n '198p' <<<"$times")
echo "cache-miss render (1 client): p50 $(awk "BEGIN{printf \"%.2f\", $p50*1000}") ms  p99 $(awk "BEGIN{printf \"%.2f\", $p99*1000}") ms (full request, loopback)"
kill %2 2>/dev/null || true

# 3. nginx serving the same article bytes, precompressed, as the baseline.
mkdir -p "$WORK/www" "$WORK/nginx-tmp"
curl -fs "$URL" -o "$WORK/www/article.html"
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
wait_ok "http://127.0.0.1:$NGINX_PORT/article.html" 10

# 4. Warm Byline's cache and JIT, then measure both back to back.
wrk -t$THREADS -c$CONNECTIONS -d5s -H 'Accept-Encoding: gzip' "$URL" > /dev/null
wrk -t$THREADS -c$CONNECTIONS -d3s -H 'Accept-Encoding: gzip' "http://127.0.0.1:$NGINX_PORT/article.html" > /dev/null
# Alternate the two in rounds so a burst of load from elsewhere hits both alike; report medians.
ROUNDS=${ROUNDS:-3}
for r in $(seq 1 "$ROUNDS"); do
  wrk_run "http://127.0.0.1:$NGINX_PORT/article.html" "round $r nginx static" "nginx-$r"
  wrk_run "$URL" "round $r byline cached" "byline-$r"
  awk "BEGIN{printf \"%.3f\\n\", $(cat "$WORK/byline-$r.rps") / $(cat "$WORK/nginx-$r.rps")}" >> "$WORK/ratios"
done
median() { sort -n | awk '{a[NR]=$1} END{print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
echo "median nginx req/s:           $(cat "$WORK"/nginx-*.rps | median)"
echo "median byline req/s:          $(cat "$WORK"/byline-*.rps | median)"
echo "ratio byline/nginx per round: $(tr '\n' ' ' < "$WORK/ratios")"
echo "median ratio byline/nginx:    $(median < "$WORK/ratios")  (target >= 0.5, goal 0.8)"
