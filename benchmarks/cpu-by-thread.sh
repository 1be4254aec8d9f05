#!/usr/bin/env bash
# Where a server's CPU goes under load, by thread group: request threads, JIT compilers, GC, log flusher.
# Starts one server on 127.0.0.1, warms it with wrk until its JIT has settled (WARMUP-long runs, repeated while
# the compilers used SETTLED_PERCENT, 10, or more of its CPU, at most SETTLE_MAX, 12), then reads every
# thread's CPU time from /proc before and after a measured wrk run and prints microseconds of CPU per request
# for each group.
#
#   benchmarks/cpu-by-thread.sh                   # Mainstay (prod profile), GET /json
#   SIDE=B benchmarks/cpu-by-thread.sh            # the bare-Javalin control
#   SETTLE_MAX=1 WARMUP=8s benchmarks/cpu-by-thread.sh   # one short warm-up: the JIT is still compiling
#
# Needs wrk and benchmarks/target/benchmarks.jar (`mvn -B -P benchmarks -pl benchmarks -am package -DskipTests`).
# Mainstay connects to PostgreSQL at PG_URL (for its pool; /json does not query it).
set -euo pipefail

SIDE=${SIDE:-M}
WARMUP=${WARMUP:-10s}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-64}
PORT=${PORT:-18095}
PG_URL=${PG_URL:-"jdbc:postgresql://127.0.0.1:5432/test?user=postgres"}
JAVA_OPTS=${JAVA_OPTS:-"-Xmx256m"}
HERE=$(cd "$(dirname "$0")" && pwd)
JAR=${JAR:-"$HERE/target/benchmarks.jar"}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
LOG="$HERE/target/cpu-by-thread-$SIDE.log"
source "$HERE/thread-ticks.sh"
source "$HERE/console.sh"

command -v wrk >/dev/null || { echo "wrk is missing. Install it with: apt-get install -y wrk" >&2; exit 1; }
[[ -f $JAR ]] || { echo "$JAR is missing; build it first" >&2; exit 1; }

main_class=dev.mainstay.benchmarks.load.MainstayServer
[[ $SIDE == B ]] && main_class=dev.mainstay.benchmarks.load.BaselineServer
start_logged "$LOG" env BENCH_PORT="$PORT" BENCH_DB_URL= \
  MAINSTAY_PROFILE=prod MAINSTAY_HTTP_HOST=127.0.0.1 MAINSTAY_HTTP_PORT="$PORT" MAINSTAY_DB_URL="$PG_URL" \
  MAINSTAY_DB_MIGRATE=false MAINSTAY_SECURITY_JWT_SECRET="$(head -c 32 /dev/urandom | base64)" \
  MAINSTAY_SECURITY_JWT_ISSUER=https://bench.example MAINSTAY_SECURITY_JWT_AUDIENCE=bench \
  "$JAVA" $JAVA_OPTS -cp "$JAR" "$main_class"
pid=$SERVER_PID
trap 'kill -TERM $pid 2>/dev/null || true; wait $pid 2>/dev/null || true' EXIT
url="http://127.0.0.1:$PORT/json"
for _ in $(seq 1 3000); do curl -fso /dev/null --max-time 5 "$url" && break; sleep 0.02; done

read -r runs share < <(settle_jit "$pid" wrk -t1 -c"$CONNECTIONS" -d"$WARMUP" "$url")
echo "warm-up: $runs x $WARMUP, the JIT $share% of the CPU in the last"
before=$(thread_ticks "$pid")
requests=$(wrk -t1 -c"$CONNECTIONS" -d"$DURATION" "$url" | awk '/ requests in / { print $1 }')
after=$(thread_ticks "$pid")

# Threads are grouped by name without their number; threads that ended in between are not counted.
awk -v requests="$requests" -v hz="$(getconf CLK_TCK)" -v side="$SIDE" '
  '"$THREAD_GROUP"'
  FNR == NR { start[$1] = $3; next }
  ($1 in start) { spent[group($2)] += $3 - start[$1]; total += $3 - start[$1] }
  END {
    printf "%s, GET /json: %d requests, %.1f us of CPU per request\n", side == "B" ? "bare Javalin" : "Mainstay", requests, total * 1e6 / hz / requests
    n = 0
    for (g in spent) if (spent[g] > 0) order[++n] = g
    for (i = 2; i <= n; i++) { t = order[i]; for (j = i - 1; j > 0 && spent[order[j]] < spent[t]; j--) order[j + 1] = order[j]; order[j + 1] = t }
    for (i = 1; i <= n; i++) printf "  %-24s %6.2f us/request\n", order[i], spent[order[i]] * 1e6 / hz / requests
  }' <(echo "$before") <(echo "$after")
