#!/usr/bin/env bash
# Where a start-up's CPU goes, by thread group: starts a jar on 127.0.0.1, polls URL_PATH until it
# answers 200, then prints each thread group's CPU time until then (the main thread shows as "java"). The
# JIT compilers' share tells how much of a start-up is compiling rather than running.
#
#   benchmarks/startup-by-thread.sh ../orders/target/orders.jar               # a generated service
#   URL_PATH=/json benchmarks/startup-by-thread.sh benchmarks/target/benchmarks.jar \
#     dev.mainstay.benchmarks.load.BaselineServer                              # the bare-Javalin control
#
# The port is passed as PORT (generated services) and BENCH_PORT (the benchmark servers). The server's
# output goes to benchmarks/target/startup-by-thread.log.
set -euo pipefail

JAR=${1:?give the jar to start, and its main class unless it is an executable jar}
MAIN_CLASS=${2:-}
PORT=${PORT:-18096}
URL_PATH=${URL_PATH:-/health/ready}
JAVA_OPTS=${JAVA_OPTS:-}
HERE=$(cd "$(dirname "$0")" && pwd)
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
LOG="$HERE/target/startup-by-thread.log"
source "$HERE/thread-ticks.sh"

if [[ -n $MAIN_CLASS ]]; then launch=(-cp "$JAR" "$MAIN_CLASS"); else launch=(-jar "$JAR"); fi
mkdir -p "$HERE/target"
started=$(date +%s%N)
env PORT="$PORT" BENCH_PORT="$PORT" BENCH_DB_URL= MAINSTAY_HTTP_HOST=127.0.0.1 \
  "$JAVA" $JAVA_OPTS "${launch[@]}" >"$LOG" 2>&1 &
pid=$!
trap 'kill -TERM $pid 2>/dev/null || true; wait $pid 2>/dev/null || true' EXIT
until curl -fso /dev/null --max-time 5 "http://127.0.0.1:$PORT$URL_PATH"; do
  kill -0 "$pid" 2>/dev/null || { echo "the server exited before its first 200; see $LOG" >&2; exit 1; }
  sleep 0.005
done
ready=$(date +%s%N)

echo "first 200 after $(((ready - started) / 1000000)) ms; CPU until then, by thread group:"
thread_ticks "$pid" | awk -v hz="$(getconf CLK_TCK)" '
  '"$THREAD_GROUP"'
  { spent[group($2)] += $3; total += $3 }
  END {
    for (g in spent) if (spent[g] > 0) printf "  %6.0f ms  %s\n", spent[g] * 1000 / hz, g
    printf "  %6.0f ms  all threads\n", total * 1000 / hz
  }' | sort -rn
