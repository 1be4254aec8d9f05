#!/usr/bin/env bash
# A/B of two builds of Mainstay on GET /json, with bare Javalin beside them: all three servers run at once,
# each is warmed until its JIT has settled (settle_jit in thread-ticks.sh), then ROUNDS short wrk runs
# alternate between them, so a drift of the machine's speed touches all three alike. Prints the server CPU
# per request (from /proc) and req/s of each, and every run.
#
#   cp benchmarks/target/benchmarks.jar /tmp/a.jar        # build A, e.g. main
#   ... change something, rebuild with `mvn -B -P benchmarks -pl benchmarks -am package -DskipTests` ...
#   JAR_A=/tmp/a.jar benchmarks/ab.sh                       # B defaults to benchmarks/target/benchmarks.jar
#   JAR_A=/tmp/a.jar URL_PATH=/auth/json benchmarks/ab.sh   # A and B on the JWT route, with a token from A's /login
#
# bare Javalin always serves GET /json: it has no authenticated route, and it is there to show the machine's
# drift, not to be compared route for route.
#
# A change of less than about 2 µs per request did not show reliably on the 2-core machine of BENCHMARKS.md:
# single runs of one server moved between about 31 and 38 µs.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
JAR_A=${JAR_A:?set JAR_A to the benchmarks.jar of build A}
JAR_B=${JAR_B:-"$HERE/target/benchmarks.jar"}
URL_PATH=${URL_PATH:-/json}      # the route A and B serve; /auth/json sends a bearer token
ROUNDS=${ROUNDS:-8}
RUN=${RUN:-5s}
WARMUP=${WARMUP:-10s}        # each warm-up run; repeated until the JIT has settled
CONNECTIONS=${CONNECTIONS:-64}
PORT_BASE=${PORT_BASE:-18111}
PG_URL=${PG_URL:-"jdbc:postgresql://127.0.0.1:5432/test?user=postgres"}
JAVA_OPTS=${JAVA_OPTS:-"-Xmx256m"}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
OUT="$HERE/target/ab"
source "$HERE/console.sh"
source "$HERE/thread-ticks.sh"
SECRET=$(head -c 32 /dev/urandom | base64)

command -v wrk >/dev/null || { echo "wrk is missing. Install it with: apt-get install -y wrk" >&2; exit 1; }
mkdir -p "$OUT"
declare -A PIDS=() PORTS=() TICKS=() REQUESTS=() RUNS=()
trap 'for p in "${PIDS[@]}"; do kill -TERM "$p" 2>/dev/null || true; done; wait 2>/dev/null || true' EXIT

start() { # name port jar main-class
  start_logged "$OUT/$1.log" env BENCH_PORT="$2" BENCH_DB_URL= \
    MAINSTAY_PROFILE=prod MAINSTAY_HTTP_HOST=127.0.0.1 MAINSTAY_HTTP_PORT="$2" MAINSTAY_DB_URL="$PG_URL" \
    MAINSTAY_DB_MIGRATE=false MAINSTAY_SECURITY_JWT_SECRET="$SECRET" \
    MAINSTAY_SECURITY_JWT_ISSUER=https://bench.example MAINSTAY_SECURITY_JWT_AUDIENCE=bench \
    "$JAVA" $JAVA_OPTS -cp "$3" "$4"
  PIDS[$1]=$SERVER_PID PORTS[$1]=$2
}

start baseline "$PORT_BASE" "$JAR_A" dev.mainstay.benchmarks.load.BaselineServer
start A $((PORT_BASE + 1)) "$JAR_A" dev.mainstay.benchmarks.load.MainstayServer
start B $((PORT_BASE + 2)) "$JAR_B" dev.mainstay.benchmarks.load.MainstayServer
servers=(baseline A B)
for s in "${servers[@]}"; do
  url="http://127.0.0.1:${PORTS[$s]}/json"
  for _ in $(seq 1 3000); do curl -fso /dev/null --max-time 5 "$url" && break; sleep 0.02; done
  read -r runs share < <(settle_jit "${PIDS[$s]}" wrk -t1 -c"$CONNECTIONS" -d"$WARMUP" "$url")
  echo "warm-up $s: $runs x $WARMUP, the JIT $share% of the CPU in the last"
done

# On an authenticated route, A and B get a token from A's /login: both builds sign with the same secret,
# issuer and audience, so it is valid on B too.
auth=()
if [[ $URL_PATH == /auth/* ]]; then
  token=$(curl -fs -X POST -H 'Content-Type: application/json' \
    -d '{"email":"bench@example.com","password":"correct horse battery staple"}' \
    "http://127.0.0.1:${PORTS[A]}/login" | sed -E 's/.*"token":"([^"]+)".*/\1/')
  auth=(-H "Authorization: Bearer $token")
  for s in A B; do
    curl -fso /dev/null "${auth[@]}" "http://127.0.0.1:${PORTS[$s]}$URL_PATH" ||
      { echo "$s refuses the token on $URL_PATH (log: $OUT/$s.log)" >&2; exit 1; }
    read -r runs share < <(settle_jit "${PIDS[$s]}" wrk -t1 -c"$CONNECTIONS" -d"$WARMUP" "${auth[@]}" \
      "http://127.0.0.1:${PORTS[$s]}$URL_PATH")
    echo "warm-up $s on $URL_PATH: $runs x $WARMUP, the JIT $share% of the CPU in the last"
  done
fi
measure() { # server: one measured run, bare Javalin on /json, A and B on URL_PATH
  if [[ $1 == baseline ]]; then
    wrk -t1 -c"$CONNECTIONS" -d"$RUN" "http://127.0.0.1:${PORTS[$1]}/json"
  else
    wrk -t1 -c"$CONNECTIONS" -d"$RUN" "${auth[@]}" "http://127.0.0.1:${PORTS[$1]}$URL_PATH"
  fi
}

for round in $(seq 1 "$ROUNDS"); do
  for s in "${servers[@]}"; do
    before=$(cpu_ticks "${PIDS[$s]}")
    requests=$(measure "$s" | awk '/ requests in / { print $1 }')
    spent=$(($(cpu_ticks "${PIDS[$s]}") - before))
    TICKS[$s]=$((${TICKS[$s]:-0} + spent)) REQUESTS[$s]=$((${REQUESTS[$s]:-0} + requests))
    RUNS[$s]="${RUNS[$s]:-} $(awk -v t="$spent" -v r="$requests" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.1f", t * 1e6 / hz / r }')"
  done
done

seconds=$((ROUNDS * ${RUN%s}))
for s in "${servers[@]}"; do
  awk -v s="$s" -v t="${TICKS[$s]}" -v r="${REQUESTS[$s]}" -v hz="$(getconf CLK_TCK)" -v sec="$seconds" -v runs="${RUNS[$s]}" \
    'BEGIN { printf "%-8s %6.2f us/request, %6.0f req/s; runs:%s\n", s, t * 1e6 / hz / r, r / sec, runs }'
done
