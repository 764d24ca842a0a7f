#!/usr/bin/env bash
# Lighthouse scores of the demo newsroom: five pages, mobile and desktop presets, RUNS runs each,
# median of each category score and of Total Blocking Time and Largest Contentful Paint.
#
# Pages: the front page; the article with a YouTube embed and both demo ad slots ("Orbital Harvest
# lifts off ..."); a section; search results; the demo's live blog (coalition talks, five posts).
# Every run starts a fresh Chromium profile, so it sees the page as a first-time visitor: with the
# consent banner open and nothing non-essential running.
#
# Usage: bench/lighthouse/run.sh            (from anywhere; needs java, node, npm, /usr/bin/chromium)
#   RUNS=3        runs per page and preset (the median is reported)
#   TRIES=4       attempts per run when Lighthouse cannot read its trace
#   JAR=path      the jar to measure (default target/byline.jar, built when missing)
#   KEEP=dir      keep every Lighthouse JSON report in dir
#   ONLY="front article"  measure only these pages (front article section search live)
#   PRESETS=mobile        measure only these presets (default "mobile desktop")
# Lighthouse 12.2.3 is installed from bench/lighthouse/package-lock.json into
# bench/lighthouse/node_modules (git-ignored) on first use.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
RUNS=${RUNS:-3}
TRIES=${TRIES:-4}
JAR=${JAR:-$ROOT/target/byline.jar}
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
WORK=$(mktemp -d /tmp/byline-lighthouse.XXXXXX)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT

for tool in java node npm curl; do command -v "$tool" >/dev/null || { echo "needs $tool" >&2; exit 1; }; done
[ -x "$CHROME_PATH" ] || { echo "needs Chromium at $CHROME_PATH (apt-get install chromium)" >&2; exit 1; }
[ -f "$JAR" ] || (cd "$ROOT" && mvn -B -q -DskipTests package)
if [ ! -x "$HERE/node_modules/.bin/lighthouse" ]; then
  (cd "$HERE" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
fi
LIGHTHOUSE="$HERE/node_modules/.bin/lighthouse"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
wait_ok() { # url timeout-seconds
  local deadline=$((SECONDS + $2)); until curl -fs -o /dev/null "$1"; do [ $SECONDS -lt $deadline ] || return 1; sleep 0.1; done
}

# --demo turns on the demo's placeholder AdSense slots and Analytics tag, so the banner gates them.
java -jar "$JAR" demo --data "$WORK/data" > "$WORK/demo.log" 2>&1
PORT=$(free_port)
java -Xmx1g -jar "$JAR" serve --demo --data "$WORK/data" --port "$PORT" > "$WORK/serve.log" 2>&1 &
BASE="http://127.0.0.1:$PORT"
wait_ok "$BASE/" 120

ARTICLE=/science/orbital-harvest-lifts-off-carrying-first-crop-growing-greenhouse-to-orbit
[[ $(curl -fs "$BASE$ARTICLE") == *'data-embed-src="https://www.youtube-nocookie.com'* ]] \
  || { echo "the demo article $ARTICLE has no YouTube embed any more; pick another" >&2; exit 1; }
LIVE=/politics/norrelands-quill-opens-coalition-talks-with-rural-league-and-green-coast-party
[[ $(curl -fs "$BASE$LIVE") == *'LiveBlogPosting'* ]] \
  || { echo "the demo story $LIVE is not covered live any more; pick another" >&2; exit 1; }
PAGES=("front /" "article $ARTICLE" "section /science" "search /search?q=orbital+harvest" "live $LIVE")
for p in "${PAGES[@]}"; do curl -fs -o /dev/null "$BASE${p#* }"; done   # fill the page cache

echo "== Lighthouse $("$LIGHTHOUSE" --version)  $(date -u +%Y-%m-%dT%H:%MZ)  $(nproc) cores  $($CHROME_PATH --version 2>/dev/null)"
echo "== load before: $(uptime | sed 's/.*load average/load average/')"
printf '%-8s %-8s %5s %5s %5s %5s %8s %8s %6s   %s\n' page preset perf a11y bp seo TBT/ms LCP/ms bench "runs (perf a11y bp seo)"
for p in "${PAGES[@]}"; do
  name=${p%% *}; path=${p#* }
  [ -z "${ONLY:-}" ] || [[ " $ONLY " == *" $name "* ]] || continue
  for preset in ${PRESETS:-mobile desktop}; do
    flags=(); [ "$preset" = desktop ] && flags=(--preset=desktop)
    for r in $(seq 1 "$RUNS"); do
      out="$WORK/$name-$preset-$r.json"
      # Lighthouse 12.2 sometimes misses the navigation start in a trace of Chromium 156
      # (NO_NAVSTART); such a run has no scores, so it is run again, up to TRIES times.
      for try in $(seq 1 "$TRIES"); do
        "$LIGHTHOUSE" "$BASE$path" "${flags[@]}" --quiet --output=json --output-path="$out" \
          --only-categories=performance,accessibility,best-practices,seo \
          --chrome-flags="--headless=new --no-sandbox" > "$WORK/lh.log" 2>&1 && break
        [ "$try" -lt "$TRIES" ] || { echo "lighthouse failed on $path ($preset):" >&2; tail -20 "$WORK/lh.log" >&2; exit 1; }
      done
    done
    node "$HERE/summary.js" "$name" "$preset" "$WORK/$name-$preset-"*.json
    [ -n "${KEEP:-}" ] && mkdir -p "$KEEP" && cp "$WORK/$name-$preset-"*.json "$KEEP/"
  done
done
echo "== load after: $(uptime | sed 's/.*load average/load average/')"
