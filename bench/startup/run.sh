#!/usr/bin/env bash
# Start-up to the first served page, alternating two jars: each gets its own seeded demo, then
# ROUNDS starts of each in turn (java -Xmx1g -jar JAR serve), timed from launch to the first 200
# for "/", with the process's CPU time at that moment. Alternating spreads the machine's drift
# over both jars; compare the medians of the same run.
# Usage: BASE_JAR=path [JAR=target/byline.jar] [ROUNDS=5] bench/startup/run.sh
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JAR=${JAR:-$ROOT/target/byline.jar}
ROUNDS=${ROUNDS:-5}
: "${BASE_JAR:?set BASE_JAR to the jar to compare with}"
WORK=$(mktemp -d /tmp/byline-startup.XXXXXX)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
declare -A JARS=([base]=$BASE_JAR [new]=$JAR)
declare -A TIMES=([base]="" [new]="")
for name in base new; do java -jar "${JARS[$name]}" demo --data "$WORK/$name" > /dev/null 2>&1; done
echo "== start-up  $(date -u +%Y-%m-%dT%H:%MZ)  $(nproc) cores  rounds $ROUNDS"
echo "== load before: $(uptime | sed 's/.*load average/load average/')"
for r in $(seq 1 "$ROUNDS"); do
  for name in base new; do
    port=$(free_port)
    start=$(date +%s%N)
    java -Xmx1g -jar "${JARS[$name]}" serve --data "$WORK/$name" --port "$port" > "$WORK/$name.log" 2>&1 &
    pid=$!
    until curl -fs -o /dev/null "http://127.0.0.1:$port/"; do sleep 0.02; done
    ms=$(( ($(date +%s%N) - start) / 1000000 ))
    echo "$name round $r: $ms ms (CPU $(ps -o times= -p $pid | tr -d ' ') s)"
    TIMES[$name]="${TIMES[$name]} $ms"
    kill "$pid"; wait "$pid" 2>/dev/null || true
    sleep 1
  done
done
for name in base new; do
  median=$(echo ${TIMES[$name]} | tr ' ' '\n' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  echo "$name (${JARS[$name]}): median $median ms of:${TIMES[$name]}"
done
echo "== load after: $(uptime | sed 's/.*load average/load average/')"
