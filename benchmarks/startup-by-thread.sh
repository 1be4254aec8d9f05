#!/usr/bin/env bash
# Where a start-up's CPU goes, by thread group: starts a jar on 127.0.0.1, polls URL until it answers 200,
# then reads every thread's CPU time from /proc and prints milliseconds per group (the main thread shows
# as "java"). The JIT compilers' share tells how much of a start-up is compiling, not running.
#
#   benchmarks/startup-by-thread.sh path/to/orders.jar                        # a generated service
#   URL_PATH=/json benchmarks/startup-by-thread.sh benchmarks/target/benchmarks.jar \
#     dev.mainstay.benchmarks.load.BaselineServer                              # the bare-Javalin control
#
# The port is passed as PORT (generated services) and BENCH_PORT (the benchmark servers).
set -euo pipefail

JAR=${1:?give the jar to start}
MAIN_CLASS=${2:-}
PORT=${PORT:-18096}
URL_PATH=${URL_PATH:-/health/ready}
JAVA_OPTS=${JAVA_OPTS:-}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
LOG=${LOG:-/dev/null}

if [[ -n $MAIN_CLASS ]]; then launch=(-cp "$JAR" "$MAIN_CLASS"); else launch=(-jar "$JAR"); fi
started=$(date +%s%N)
env PORT="$PORT" BENCH_PORT="$PORT" BENCH_DB_URL= MAINSTAY_HTTP_HOST=127.0.0.1 \
  "$JAVA" $JAVA_OPTS "${launch[@]}" >"$LOG" 2>&1 &
pid=$!
trap 'kill -TERM $pid 2>/dev/null || true; wait $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 6000); do
  curl -fso /dev/null --max-time 5 "http://127.0.0.1:$PORT$URL_PATH" && break
  kill -0 "$pid" 2>/dev/null || { echo "the server exited; see LOG" >&2; exit 1; }
  sleep 0.005
done
ready=$(date +%s%N)
echo "first 200 after $(((ready - started) / 1000000)) ms"
for task in /proc/"$pid"/task/*; do
  # comm is the thread's name, cut to 15 characters; numbered threads ("C2 CompilerThre0") form one group.
  awk -v name="$(sed 's/[0-9]*$//' "$task/comm")" '{ print $14 + $15 "\t" name }' "$task/stat"
done | awk -F'\t' -v hz="$(getconf CLK_TCK)" '
  { ticks[$2] += $1; total += $1 }
  END {
    for (name in ticks) if (ticks[name] > 0) printf "%7.0f ms  %s\n", ticks[name] * 1000 / hz, name
    printf "%7.0f ms  all threads\n", total * 1000 / hz
  }' | sort -rn
