#!/usr/bin/env bash
# Mainstay load harness: Mainstay and two controls, bare Javalin and Spring Boot, side by side in one run,
# driven by wrk.
#
#   benchmarks/load.sh                                   full run on the JDK of JAVA_HOME (about 40 min)
#   DURATION=3s WARMUP=1s ROUNDS=1 RSS_SECONDS=5 STARTUPS=1 benchmarks/load.sh    smoke run (a few minutes)
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 benchmarks/load.sh                 the same on JDK 25
#
# It builds what it needs (BUILD=0 skips that; it installs into ~/.m2 only with INSTALL=1), starts every server on
# 127.0.0.1 only, bounds every wrk run with -d and every wait for a server with a deadline, stops what it
# started (also on Ctrl-C), and prints markdown tables, also written to
# benchmarks/target/load/results-jdk<N>.md. Raw wrk output and server logs stay in benchmarks/target/load.
# See benchmarks/README.md for what each group measures and why.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
source "$HERE/console.sh"
source "$HERE/thread-ticks.sh"
ROOT=$(dirname "$HERE")
DURATION=${DURATION:-15s}          # one measured wrk run
WARMUP=${WARMUP:-5s}               # one unmeasured wrk run per server and route before the measured ones
SETTLED_PERCENT=${SETTLED_PERCENT:-10} # throughput: warm up again until the JIT's share of a warm-up's CPU is below this
SETTLE_MAX=${SETTLE_MAX:-12}       # ... but at most this many warm-up runs per server and route
ROUNDS=${ROUNDS:-3}                # fresh servers per round; baseline and Mainstay alternate who goes first
CONNECTIONS=${CONNECTIONS:-64}     # wrk -c; wrk always runs one thread (-t1)
RSS_SECONDS=${RSS_SECONDS:-60}     # load before reading the resident set size
STARTUPS=${STARTUPS:-5}            # start-up measurements per service (median reported)
GROUPS_TO_RUN=${GROUPS_TO_RUN:-"throughput flood startup rss realworld"}
BUILD=${BUILD:-1}
INSTALL=${INSTALL:-0}              # 1: the build installs into ~/.m2, which the archetype start-up needs
SPRING=${SPRING:-1}                # 1: the Spring Boot control (benchmarks/spring) runs beside bare Javalin
PG_URL=${PG_URL:-"jdbc:postgresql://127.0.0.1:5432/test?user=postgres"}
RW_DB=${RW_DB:-mainstay_bench_rw}  # a database of its own for the RealWorld example, created if missing
JAVA_OPTS=${JAVA_OPTS:-"-Xmx256m"}
MAINSTAY_EXTRA_ENV=${MAINSTAY_EXTRA_ENV:-} # more NAME=value settings for every Mainstay server, e.g. for experiments
OUT=${OUT:-"$HERE/target/load"}
# CONSOLE=pipe (default) or file: where the servers' console goes, see console.sh
WRK_DIR="$HERE/wrk"
PORT_BASE=${PORT_BASE:-18081}     # the harness uses this port and the next eight
SPRING_JAR="$HERE/spring/target/spring-control.jar"

JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
declare -A PIDS=()

log() { printf '[load] %s\n' "$*" >&2; }
# Every HTTP call of the harness itself is bounded too: a server that accepts and never answers must not hang it.
curl() { command curl --max-time 30 "$@"; }
die() { log "$*"; exit 1; }

# --- prerequisites --------------------------------------------------------------------------------

require_tools() {
  command -v wrk >/dev/null || die "wrk is missing. Install it with: apt-get install -y wrk"
  command -v curl >/dev/null || die "curl is missing. Install it with: apt-get install -y curl"
  command -v mvn >/dev/null || die "Maven is missing (mvn): install Maven 3.8+"
  "$JAVA" -version >/dev/null 2>&1 || die "No JDK at '$JAVA': set JAVA_HOME"
  [[ $DURATION =~ ^[0-9]+s$ ]] || die "DURATION must be whole seconds such as 15s, not '$DURATION'"
}

jdk_version() { "$JAVA" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.runtime.version/ {print $2}'; }
jdk_feature() { jdk_version | cut -d. -f1 | cut -d+ -f1; }

build() {
  if [[ $BUILD != 1 ]]; then
    log "BUILD=0: using the jars and classes already built"
  else
    # package by default: the examples run from the reactor's jars, with the classpath Maven writes to each
    # module's target/runtime.cp, so nothing lands in ~/.m2 (which other checkouts may share). Only the
    # archetype start-up needs the modules installed: INSTALL=1, where that is fine.
    local goal=package modules=benchmarks,examples/hello,examples/realworld
    [[ $INSTALL == 1 ]] && goal=install modules=$modules,archetype
    log "building core, security, persistence, the examples and the benchmarks (mvn $goal)"
    (cd "$ROOT" && mvn -B -q -P benchmarks "$goal" -DskipTests -Dinvoker.skip=true -pl "$modules" -am \
      org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath \
      -Dmdep.outputFile=target/runtime.cp -Dmdep.includeScope=runtime)
    if [[ $SPRING == 1 ]]; then
      log "building the Spring Boot control (mvn -f benchmarks/spring/pom.xml package)"
      (cd "$ROOT" && mvn -B -q -f benchmarks/spring/pom.xml package -DskipTests)
    fi
  fi
  [[ -f $HERE/target/benchmarks.jar ]] || die "benchmarks/target/benchmarks.jar is missing: run with BUILD=1"
  [[ $SPRING != 1 || -f $SPRING_JAR ]] || die "$SPRING_JAR is missing: run with BUILD=1, or SPRING=0"
}

# The runtime classpath of a Maven module, as the build wrote it (target/runtime.cp).
classpath() { # module-dir output-file
  [[ -s $1/target/runtime.cp ]] || die "$1/target/runtime.cp is missing: run with BUILD=1"
  cp "$1/target/runtime.cp" "$2"
}

# --- servers --------------------------------------------------------------------------------------

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start() { # name port env... -- command...
  local name=$1 port=$2; shift 2
  port_free "$port" || die "port $port is in use; set PORT_BASE to a free range"
  local envs=()
  while [[ $1 != -- ]]; do envs+=("$1"); shift; done
  shift
  start_logged "$LOGS/$name.log" env "${envs[@]}" "$@"
  PIDS[$name]=$SERVER_PID
}

wait_ok() { # name url [seconds]
  local deadline=$((SECONDS + ${3:-90}))
  until curl -fso /dev/null "$2"; do
    kill -0 "${PIDS[$1]}" 2>/dev/null || { tail -20 "$LOGS/$1.log" >&2; die "$1 exited before answering $2"; }
    ((SECONDS < deadline)) || die "$1 did not answer $2 within ${3:-90} s (log: $LOGS/$1.log)"
    sleep 0.01
  done
}

stop() { # name [seconds to wait before KILL, default 15]
  local pid=${PIDS[$1]:-}
  [[ -n $pid ]] || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 $((${2:-15} * 10))); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  unset "PIDS[$1]"
  # Keep the start of the log (and every warning or error), not millions of access-log lines.
  if [[ -f $LOGS/$1.log ]]; then
    grep -v 'dev.mainstay.access' "$LOGS/$1.log" | head -300 >"$LOGS/$1.kept.log" || true
    rm -f "$LOGS/$1.log"
  fi
}

stop_all() { for name in "${!PIDS[@]}"; do stop "$name"; done; }
trap stop_all EXIT
trap 'exit 130' INT TERM

SECRET=$(head -c 32 /dev/urandom | base64)

start_baseline() { # name port [db-url]
  start "$1" "$2" BENCH_PORT="$2" BENCH_DB_URL="${3-$PG_URL}" -- \
    "$JAVA" $JAVA_OPTS -cp "$HERE/target/benchmarks.jar" dev.mainstay.benchmarks.load.BaselineServer
}

start_mainstay() { # name port [extra env...]
  local name=$1 port=$2; shift 2
  start "$name" "$port" MAINSTAY_PROFILE=prod MAINSTAY_HTTP_HOST=127.0.0.1 MAINSTAY_HTTP_PORT="$port" \
    MAINSTAY_DB_URL="$PG_URL" MAINSTAY_DB_MIGRATE=false MAINSTAY_SECURITY_JWT_SECRET="$SECRET" \
    MAINSTAY_SECURITY_JWT_ISSUER=https://bench.example MAINSTAY_SECURITY_JWT_AUDIENCE=bench $MAINSTAY_EXTRA_ENV "$@" -- \
    "$JAVA" $JAVA_OPTS -cp "$HERE/target/benchmarks.jar" dev.mainstay.benchmarks.load.MainstayServer
}

# The Spring Boot control: the same routes, pool size and token rules (HS256 key, issuer, audience), so a
# token from Mainstay's /login works on it too.
start_spring() { # name port
  start "$1" "$2" BENCH_PORT="$2" BENCH_DB_URL="$PG_URL" BENCH_JWT_SECRET="$SECRET" \
    BENCH_JWT_ISSUER=https://bench.example BENCH_JWT_AUDIENCE=bench -- \
    "$JAVA" $JAVA_OPTS -jar "$SPRING_JAR"
}

login_token() { # port
  curl -fs -X POST -H 'Content-Type: application/json' \
    -d '{"email":"bench@example.com","password":"correct horse battery staple"}' \
    "http://127.0.0.1:$1/login" | sed -E 's/.*"token":"([^"]+)".*/\1/'
}

# --- wrk ------------------------------------------------------------------------------------------

# Runs wrk against a server, keeps its output, prints "rps p50ms p99ms non2xx socket_errors requests
# cpu_us_per_request". The last is the server process's CPU time (user + system, from /proc) divided by the
# requests served: unlike req/s it hardly moves when other processes compete for the cores.
measure() { # server-name label duration connections url [wrk args...]
  local server=$1 label=$2 duration=$3 connections=$4 url=$5; shift 5
  local pid=${PIDS[$server]} before after
  before=$(cpu_ticks "$pid")
  (cd "$WRK_DIR" && wrk -t1 -c"$connections" -d"$duration" --latency "$@" "$url") >"$RAW/$label.txt" 2>&1 || true
  after=$(cpu_ticks "$pid")
  parse_wrk "$RAW/$label.txt" | awk -v ticks=$((after - before)) -v hz="$(getconf CLK_TCK)" '
    { printf "%s %.1f\n", $0, ($6 > 0 ? ticks * 1000000 / hz / $6 : 0) }'
}

parse_wrk() {
  awk '
    function ms(v) {
      if (v ~ /us$/) return substr(v, 1, length(v) - 2) / 1000
      if (v ~ /ms$/) return substr(v, 1, length(v) - 2) + 0
      if (v ~ /m$/) return substr(v, 1, length(v) - 1) * 60000
      if (v ~ /s$/) return substr(v, 1, length(v) - 1) * 1000
      return v + 0
    }
    /^ +50%/ { p50 = ms($2) }
    /^ +99%/ { p99 = ms($2) }
    /Requests\/sec:/ { rps = $2 }
    /Non-2xx or 3xx responses:/ { non2xx = $5 }
    /Socket errors:/ { gsub(",", ""); sock = $4 + $6 + $8 + $10 }
    / requests in / { requests = $1 }
    END { printf "%.0f %.2f %.2f %d %d %d\n", rps, p50, p99, non2xx, sock, requests }' "$1"
}

record() { echo "$*" >>"$RESULTS"; } # group scenario side round rps p50 p99 non2xx sock

warm() { # url [wrk args...]
  local url=$1; shift
  (cd "$WRK_DIR" && wrk -t1 -c"$CONNECTIONS" -d"$WARMUP" "$@" "$url") >/dev/null 2>&1 || true
}

# Warms a server on one route until its JIT has settled (settle_jit in thread-ticks.sh): WARMUP-long wrk
# runs, repeated while its compiler threads used SETTLED_PERCENT or more of its CPU. A fixed warm-up measured
# the JIT at work: on Mainstay's /json, C2 still spent about 0.9 s of CPU per second 5 s after a 8 s warm-up
# (JFR jdk.Compilation), about 40% of its gap to bare Javalin (cpu-by-thread.sh). Settling measures every
# server in its steady state; the compile time is a one-off cost of each start.
settle() { # server-name label url [wrk args...]
  local server=$1 label=$2 url=$3; shift 3
  local runs share
  read -r runs share < <(settle_jit "${PIDS[$server]}" wrk_in "$WRK_DIR" -t1 -c"$CONNECTIONS" -d"$WARMUP" "$@" "$url")
  log "  warm-up $label: $runs x $WARMUP, JIT $share% of the CPU in the last"
  record warmup "$label" - - "$runs $share"
}

# Runs wrk in directory $1 (where its Lua scripts are) with the other arguments.
wrk_in() { (cd "$1" && shift && wrk "$@"); }

# --- group: throughput ----------------------------------------------------------------------------

# The throughput group's server for a scenario/side key such as json/M.
server_of() {
  case $1 in
    jwt-nocache/M) echo mainstay-nocache ;;
    */M) echo mainstay ;;
    */S) echo spring ;;
    *) echo baseline ;;
  esac
}

throughput() {
  local b=$PORT_BASE m=$((PORT_BASE + 1)) n=$((PORT_BASE + 2)) sp=$((PORT_BASE + 7))
  for round in $(seq 1 "$ROUNDS"); do
    log "throughput round $round/$ROUNDS: starting baseline, Mainstay, Mainstay without token cache, Spring Boot (SPRING=$SPRING)"
    start_baseline baseline "$b"
    start_mainstay mainstay "$m"
    start_mainstay mainstay-nocache "$n" MAINSTAY_SECURITY_JWT_CACHE_SIZE=0 MAINSTAY_DB_POOL_MAX_SIZE=2
    if [[ $SPRING == 1 ]]; then start_spring spring "$sp"; fi
    wait_ok baseline "http://127.0.0.1:$b/json"
    wait_ok mainstay "http://127.0.0.1:$m/json"
    wait_ok mainstay-nocache "http://127.0.0.1:$n/json"
    if [[ $SPRING == 1 ]]; then wait_ok spring "http://127.0.0.1:$sp/json" 180; fi
    local token token_n
    token=$(login_token "$m")
    token_n=$(login_token "$n")
    declare -A url=(
      [json/B]="http://127.0.0.1:$b/json" [json/M]="http://127.0.0.1:$m/json"
      [jwt/M]="http://127.0.0.1:$m/auth/json" [jwt-nocache/M]="http://127.0.0.1:$n/auth/json"
      [db/B]="http://127.0.0.1:$b/" [db/M]="http://127.0.0.1:$m/"
      [error/B]="http://127.0.0.1:$b/validate?limit=abc" [error/M]="http://127.0.0.1:$m/validate?limit=abc")
    declare -A args=(
      [jwt/M]="-H|Authorization: Bearer $token" [jwt-nocache/M]="-H|Authorization: Bearer $token_n"
      [db/B]="-s|items.lua" [db/M]="-s|items.lua")
    local order=(B M)
    ((round % 2 == 0)) && order=(M B)
    if [[ $SPRING == 1 ]]; then
      url[json/S]="http://127.0.0.1:$sp/json" url[jwt/S]="http://127.0.0.1:$sp/auth/json" url[db/S]="http://127.0.0.1:$sp/"
      args[jwt/S]="-H|Authorization: Bearer $token" args[db/S]="-s|items.lua"
    fi
    for key in json/B json/M jwt/M jwt-nocache/M db/B db/M error/B error/M json/S jwt/S db/S; do
      [[ -n ${url[$key]:-} ]] || continue
      local extra=()
      [[ -n ${args[$key]:-} ]] && IFS='|' read -r -a extra <<<"${args[$key]}"
      settle "$(server_of "$key")" "jdk$FEATURE-r$round-$key" "${url[$key]}" "${extra[@]}"
    done
    if [[ $SPRING == 1 ]]; then
      # The same token must pass on Spring, or its JWT figures would be those of 401 answers.
      curl -fso /dev/null -H "Authorization: Bearer $token" "${url[jwt/S]}" ||
        die "Spring Boot control refuses Mainstay's token on /auth/json (log: $LOGS/spring.log)"
      order=(B M S)
      ((round % 2 == 0)) && order=(S M B)
    fi
    for scenario in json jwt jwt-nocache db error; do
      for side in "${order[@]}"; do
        local key=$scenario/$side
        [[ -n ${url[$key]:-} ]] || continue
        local extra=()
        [[ -n ${args[$key]:-} ]] && IFS='|' read -r -a extra <<<"${args[$key]}"
        local r server
        server=$(server_of "$key")
        r=$(measure "$server" "jdk$FEATURE-r$round-$scenario-$side" "$DURATION" "$CONNECTIONS" "${url[$key]}" "${extra[@]}")
        record throughput "$scenario" "$side" "$round" "$r"
        log "  $scenario $side: $r"
      done
    done
    stop baseline
    stop mainstay
    stop mainstay-nocache
    stop spring
  done
}

# --- group: ablation (not in the default groups) ---------------------------------------------------

# Where the GET /json gap comes from: the same Mainstay app with its JSON access log (prod default), with
# the text access log (dev default), and with no access log (log.level=warn), each against the baseline.
ablation() {
  local b=$PORT_BASE
  local variants=(mainstay:json mainstay-text:text mainstay-quiet:off)
  for round in $(seq 1 "$ROUNDS"); do
    log "ablation round $round/$ROUNDS"
    start_baseline baseline "$b"
    local port=$((b + 1))
    for v in "${variants[@]}"; do
      local name=${v%%:*} kind=${v#*:} extra=()
      [[ $kind == text ]] && extra=(MAINSTAY_LOG_FORMAT=text)
      [[ $kind == off ]] && extra=(MAINSTAY_LOG_LEVEL=warn)
      start_mainstay "$name" "$port" MAINSTAY_DB_POOL_MAX_SIZE=2 "${extra[@]}"
      port=$((port + 1))
    done
    wait_ok baseline "http://127.0.0.1:$b/json"
    port=$((b + 1))
    local names=(baseline) ports=("$b")
    for v in "${variants[@]}"; do
      wait_ok "${v%%:*}" "http://127.0.0.1:$port/json"
      names+=("${v%%:*}") ports+=("$port")
      port=$((port + 1))
    done
    for i in "${!names[@]}"; do warm "http://127.0.0.1:${ports[$i]}/json"; done
    local order=(0 1 2 3)
    ((round % 2 == 0)) && order=(3 2 1 0)
    for i in "${order[@]}"; do
      local side=M
      [[ ${names[$i]} == baseline ]] && side=B
      local r
      r=$(measure "${names[$i]}" "jdk$FEATURE-ablation-r$round-${names[$i]}" "$DURATION" "$CONNECTIONS" "http://127.0.0.1:${ports[$i]}/json")
      record throughput "ablation-${names[$i]}" "$side" "$round" "$r"
      log "  ${names[$i]}: $r"
    done
    for name in "${names[@]}"; do stop "$name"; done
  done
}

# --- group: login flood ---------------------------------------------------------------------------

flood() {
  local seconds=${DURATION%s} port=$((PORT_BASE + 3))
  ((seconds >= 6)) || seconds=6
  for side in B M; do
    local name=flood-$side
    if [[ $side == B ]]; then start_baseline "$name" "$port"; else start_mainstay "$name" "$port"; fi
    wait_ok "$name" "http://127.0.0.1:$port/health/ready"
    warm "http://127.0.0.1:$port/json"
    # Two connections only: compile bcrypt's loop before the flood, without a flood.
    (cd "$WRK_DIR" && wrk -t1 -c2 -d"$WARMUP" --timeout 30s -s login.lua "http://127.0.0.1:$port/login") >/dev/null 2>&1 || true
    log "login flood on $side: $CONNECTIONS connections on POST /login, 4 on /health/ready + /json"
    (cd "$WRK_DIR" && wrk -t1 -c"$CONNECTIONS" -d"${seconds}s" --timeout 30s --latency -s login.lua \
      "http://127.0.0.1:$port/login") >"$RAW/jdk$FEATURE-flood-login-$side.txt" 2>&1 &
    local flood_pid=$!
    sleep 2
    local r
    r=$(measure "$name" "jdk$FEATURE-flood-probes-$side" "$((seconds - 4))s" 4 "http://127.0.0.1:$port/" -s probes.lua)
    wait "$flood_pid" || true
    record flood probes "$side" 1 "$r"
    record flood login "$side" 1 "$(parse_wrk "$RAW/jdk$FEATURE-flood-login-$side.txt") 0"
    log "  probes $side: $r"
    stop "$name"
  done
}

statuses_of() { awk '/^status / { printf "%s%s: %s", sep, $2, $3; sep = ", " }' "$1"; }

# --- group: start-up ------------------------------------------------------------------------------

# Starts a service, waits for its first 200, stops it; sets STARTUP_MS to launch-to-200 and STARTUP_RSS
# to the resident set size (MB) right after that first 200. With NMT_REPORT set (and the JVM started with
# -XX:NativeMemoryTracking=summary), also writes Native Memory Tracking's summary at that moment there.
startup_ms() { # name url env... -- command...
  local name=$1 url=$2; shift 2
  local t0 t1
  t0=$(date +%s%N)
  start "$name" "$PORT_BASE_STARTUP" "$@"
  wait_ok "$name" "$url" 120
  t1=$(date +%s%N)
  STARTUP_RSS=$(awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/${PIDS[$name]}/status")
  if [[ -n ${NMT_REPORT:-} ]]; then # the JVM runs with -XX:NativeMemoryTracking=summary
    "${JAVA_HOME:+$JAVA_HOME/bin/}jcmd" "${PIDS[$name]}" VM.native_memory summary >"$NMT_REPORT" 2>&1 || true
  fi
  stop "$name" 60 # a training run writes its archive or AOT cache as it exits: several seconds
  STARTUP_MS=$(((t1 - t0) / 1000000))
}

# Starts one service from jars, with an extra JVM option (or none), and times it to its first 200.
startup_of() { # service [jvm-option]
  local p=$PORT_BASE_STARTUP
  case $1 in
    baseline) startup_ms start-baseline "http://127.0.0.1:$p/json" BENCH_PORT="$p" BENCH_DB_URL= -- \
      "$JAVA" $JAVA_OPTS ${2:-} -cp "$HERE/target/benchmarks.jar" dev.mainstay.benchmarks.load.BaselineServer ;;
    hello) startup_ms start-hello "http://127.0.0.1:$p/hello?name=bench" PORT="$p" MAINSTAY_HTTP_HOST=127.0.0.1 -- \
      "$JAVA" $JAVA_OPTS ${2:-} -cp "$OUT/hello.jar:$(cat "$OUT/hello.cp")" dev.mainstay.examples.hello.Hello ;;
    archetype) startup_ms start-archetype "http://127.0.0.1:$p/health/ready" PORT="$p" MAINSTAY_HTTP_HOST=127.0.0.1 -- \
      "$JAVA" $JAVA_OPTS ${2:-} -jar "$ARCH_DIR/target/orders.jar" ;;
    spring) startup_ms start-spring "http://127.0.0.1:$p/json" BENCH_PORT="$p" BENCH_DB_URL="$PG_URL" \
      BENCH_JWT_SECRET="$SECRET" -- "$JAVA" $JAVA_OPTS ${2:-} -jar "$OUT/spring-app/spring-control.jar" ;;
  esac
}

# Every service starts from jars, as in production, STARTUPS times plain and STARTUPS times with an
# AppCDS archive (core/README.md, "Start-up time and AppCDS"), which one unmeasured training run writes
# first. On JDK 25 and later it also starts STARTUPS times with an AOT cache (JEP 483 and 514:
# -XX:AOTCacheOutput in the training run, -XX:AOTCache after), which keeps classes loaded and linked,
# and what the training run learnt of the code; the generated service's Dockerfile uses it. JDK 17
# archives only classes loaded from jars, hence the jar made here for examples/hello. The
# Spring Boot control runs from its extracted layout (`java -Djarmode=tools -jar ... extract`), the form
# Spring's documentation gives for production and the only one AppCDS can archive.
startup() {
  PORT_BASE_STARTUP=$((PORT_BASE + 5))
  classpath "$ROOT/examples/hello" "$OUT/hello.cp"
  (cd "$ROOT/examples/hello/target/classes" && "${JAVA_HOME:+$JAVA_HOME/bin/}jar" cf "$OUT/hello.jar" .)
  local services=(baseline hello) cds="$OUT/cds-jdk$FEATURE"
  prepare_archetype && services+=(archetype)
  if [[ $SPRING == 1 ]]; then
    rm -rf "$OUT/spring-app"
    "$JAVA" -Djarmode=tools -jar "$SPRING_JAR" extract --destination "$OUT/spring-app" >/dev/null
    services+=(spring)
  fi
  mkdir -p "$cds"
  local aot=0
  ((FEATURE >= 25)) && aot=1
  for service in "${services[@]}"; do
    rm -f "$cds/$service.jsa" "$cds/$service.aot"
    startup_of "$service" "-XX:ArchiveClassesAtExit=$cds/$service.jsa"
    [[ -f $cds/$service.jsa ]] || log "  no archive was written for $service: its -cds runs start without one"
    if ((aot)); then
      startup_of "$service" "-XX:AOTCacheOutput=$cds/$service.aot"
      [[ -f $cds/$service.aot ]] || log "  no AOT cache was written for $service: its -aot runs start without one"
    fi
    for i in $(seq 1 "$STARTUPS"); do
      startup_of "$service"
      record startup "$service" - "$i" "$STARTUP_MS $STARTUP_RSS"
      log "  start-up $service #$i: $STARTUP_MS ms, RSS $STARTUP_RSS MB"
      startup_of "$service" "-XX:SharedArchiveFile=$cds/$service.jsa"
      record startup "$service-cds" - "$i" "$STARTUP_MS $STARTUP_RSS"
      log "  start-up $service with AppCDS #$i: $STARTUP_MS ms, RSS $STARTUP_RSS MB"
      ((aot)) || continue
      startup_of "$service" "-XX:AOTCache=$cds/$service.aot"
      record startup "$service-aot" - "$i" "$STARTUP_MS $STARTUP_RSS"
      log "  start-up $service with the AOT cache #$i: $STARTUP_MS ms, RSS $STARTUP_RSS MB"
    done
    # Where the memory at the first 200 goes: one more, unmeasured start with Native Memory Tracking,
    # which costs memory of its own (its line in the report), so it is kept out of the timed starts.
    NMT_REPORT="$LOGS/nmt-$service.txt" startup_of "$service" -XX:NativeMemoryTracking=summary
    record nmt "$service" - 1 "$(nmt_summary "$LOGS/nmt-$service.txt") $STARTUP_RSS"
  done
}

# Native Memory Tracking's committed memory in MB, summed into what a reader can act on: "total heap gc
# classes symbols code threads compiler rest". classes is class metadata (Metaspace, class space) and
# the CDS archive; compiler is the JIT compilers' own memory and the arena chunks they allocate from.
# Committed is not resident: a heap committed but never touched is not in the RSS.
nmt_summary() { # report written by jcmd <pid> VM.native_memory summary
  awk '
    function committed(line) { match(line, /committed=[0-9]+KB/); return substr(line, RSTART + 10, RLENGTH - 12) / 1024 }
    /^Total:/ { total = committed($0) }
    /^-/ {
      name = $0; sub(/^- */, "", name); sub(/ *\(.*/, "", name); mb = committed($0)
      if (name == "Java Heap") heap += mb
      else if (name == "GC") gc += mb
      else if (name == "Class" || name == "Metaspace" || name == "Shared class space") classes += mb
      else if (name == "Symbol") symbols += mb
      else if (name == "Code") code += mb
      else if (name == "Thread" || name == "Thread Stack") threads += mb
      else if (name == "Compiler" || name == "Arena Chunk") compiler += mb
    }
    END {
      if (total == 0) { print "0 0 0 0 0 0 0 0 0"; exit } # no report: jcmd failed
      printf "%.0f %.0f %.0f %.0f %.0f %.0f %.0f %.0f %.0f\n", total, heap, gc, classes, symbols, code, threads,
        compiler, total - heap - gc - classes - symbols - code - threads - compiler }' "$1"
}

# Generates a service from mainstay-archetype (as its README says) and builds it, once per run. If the
# archetype is not installed in ~/.m2 but archetype/target holds its jar, that jar is installed into a
# private repository under target/ for the generation only (~/.m2 is left alone).
prepare_archetype() {
  ARCH_DIR="$OUT/archetype/orders"
  if [[ ! -f $ARCH_DIR/target/classes/com/acme/orders/Main.class ]]; then
    log "generating and building a service from mainstay-archetype"
    rm -rf "$OUT/archetype" && mkdir -p "$OUT/archetype"
    if ! generate_archetype >"$OUT/archetype.log" 2>&1 && ! generate_archetype_from_jar >>"$OUT/archetype.log" 2>&1; then
      log "SKIPPED archetype start-up: generating failed (see $OUT/archetype.log); it needs the modules in ~/.m2: INSTALL=1"
      return 1
    fi
    if ! (cd "$ARCH_DIR" && mvn -B -q package -DskipTests >>"$OUT/archetype.log" 2>&1); then
      log "SKIPPED archetype start-up: the generated service does not build (see $OUT/archetype.log); INSTALL=1?"
      return 1
    fi
  fi
}

generate_archetype() { # [maven args...]
  (cd "$OUT/archetype" && mvn -B -q archetype:generate -DarchetypeGroupId=dev.mainstay \
    -DarchetypeArtifactId=mainstay-archetype -DarchetypeVersion=0.1.0-SNAPSHOT -DgroupId=com.acme \
    -DartifactId=orders -Dpackage=com.acme.orders -DinteractiveMode=false "$@")
}

generate_archetype_from_jar() {
  local jar="$ROOT/archetype/target/mainstay-archetype-0.1.0-SNAPSHOT.jar" repo="$OUT/archetype-m2"
  [[ -f $jar ]] || return 1
  log "mainstay-archetype is not installed; generating from $jar"
  mvn -B -q install:install-file -Dfile="$jar" -DgroupId=dev.mainstay -DartifactId=mainstay-archetype \
    -Dversion=0.1.0-SNAPSHOT -Dpackaging=maven-archetype -DgeneratePom=true -Dmaven.repo.local="$repo" &&
    rm -rf "$ARCH_DIR" && generate_archetype -Dmaven.repo.local="$repo"
}

# --- group: memory --------------------------------------------------------------------------------

rss() {
  local port=$((PORT_BASE + 4))
  local sides=(B M)
  [[ $SPRING == 1 ]] && sides+=(S)
  for side in "${sides[@]}"; do
    local name=rss-$side
    case $side in
      B) start_baseline "$name" "$port" ;;
      M) start_mainstay "$name" "$port" ;;
      S) start_spring "$name" "$port" ;;
    esac
    wait_ok "$name" "http://127.0.0.1:$port/json" 180
    log "memory on $side: ${RSS_SECONDS}s of /json + /items/{id}, then VmRSS"
    local r
    r=$(measure "$name" "jdk$FEATURE-rss-$side" "${RSS_SECONDS}s" "$CONNECTIONS" "http://127.0.0.1:$port/" -s mixed.lua)
    local status=/proc/${PIDS[$name]}/status
    local rss_mb hwm_mb
    rss_mb=$(awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "$status")
    hwm_mb=$(awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "$status")
    record rss memory "$side" 1 "$r $rss_mb $hwm_mb"
    log "  $side: RSS $rss_mb MB (peak $hwm_mb MB), $r"
    stop "$name"
  done
}

# --- group: RealWorld example ---------------------------------------------------------------------

# The RealWorld example (prod profile, PostgreSQL, 1,000 seeded articles) against its hand-written control
# (dev.mainstay.benchmarks.realworld.RealWorldControl: raw JDBC, one SQL statement per page) on the same
# database. Before measuring, both must answer the same requests with byte-identical bodies, or the run
# stops. Then the list, the feed of a reader who follows the 10 seeded authors, and a tag filter are
# measured on both, the order alternating between rounds.
realworld() {
  local dir="$ROOT/examples/realworld" port=$((PORT_BASE + 6)) cport=$((PORT_BASE + 8)) cp="$OUT/realworld.cp"
  if [[ ! -d $dir/target/classes/dev/mainstay/examples/realworld ]]; then
    log "SKIPPED RealWorld: examples/realworld is not built"; return 0
  fi
  if ! command -v psql >/dev/null; then
    log "SKIPPED RealWorld: psql is needed to create the database $RW_DB"; return 0
  fi
  psql -h 127.0.0.1 -U postgres -d postgres -tAc "select 1 from pg_database where datname = '$RW_DB'" | grep -q 1 ||
    psql -h 127.0.0.1 -U postgres -d postgres -qc "create database $RW_DB" >/dev/null
  local db_url="jdbc:postgresql://127.0.0.1:5432/$RW_DB?user=postgres"
  classpath "$dir" "$cp"
  start realworld "$port" MAINSTAY_PROFILE=prod MAINSTAY_HTTP_HOST=127.0.0.1 MAINSTAY_HTTP_PORT="$port" \
    MAINSTAY_DB_URL="$db_url" MAINSTAY_SECURITY_JWT_SECRET="$SECRET" MAINSTAY_REALWORLD_SEED_ARTICLES=1000 -- \
    "$JAVA" $JAVA_OPTS -cp "$dir/target/classes:$(cat "$cp")" dev.mainstay.examples.realworld.RealWorldApp
  local rw="http://127.0.0.1:$port" rc="http://127.0.0.1:$cport"
  wait_ok realworld "$rw/api/articles?limit=20" 180 # migrations and seeding happen before the port opens
  start realworld-control "$cport" BENCH_PORT="$cport" BENCH_DB_URL="$db_url" BENCH_JWT_SECRET="$SECRET" -- \
    "$JAVA" $JAVA_OPTS -cp "$HERE/target/benchmarks.jar" dev.mainstay.benchmarks.realworld.RealWorldControl
  wait_ok realworld-control "$rc/api/articles?limit=20"
  local token
  token=$(realworld_reader "$rw")
  [[ -n $token ]] || die "RealWorld: could not register or log in the reader (log: $LOGS/realworld.log)"
  local auth="Authorization: Token $token"
  # Signed out and signed in, full pages, a short last page, a page past the end, a tag, the feed.
  local checks=("/api/articles?limit=20" "/api/articles?limit=20|$auth" "/api/articles?limit=20&offset=990|$auth"
    "/api/articles?limit=20&offset=5000" "/api/articles?limit=20&tag=dragons" "/api/articles?limit=20&tag=dragons|$auth"
    "/api/articles/feed?limit=20|$auth" "/api/articles/feed?limit=20&offset=100|$auth")
  for check in "${checks[@]}"; do
    local path=${check%%|*} header=()
    [[ $check == *"|"* ]] && header=(-H "${check#*|}")
    curl -fsS "${header[@]}" "$rw$path" >"$RAW/rw-example.json" || die "RealWorld: the example failed on $path"
    curl -fsS "${header[@]}" "$rc$path" >"$RAW/rw-control.json" || die "RealWorld: the control failed on $path"
    if ! cmp -s "$RAW/rw-example.json" "$RAW/rw-control.json"; then
      diff <(tr ',' '\n' <"$RAW/rw-example.json") <(tr ',' '\n' <"$RAW/rw-control.json") | head -20 >&2 || true
      die "RealWorld: the control's body differs from the example's for GET $path${header:+ (signed in)}: not measuring"
    fi
  done
  log "RealWorld: the control's bodies equal the example's for ${#checks[@]} requests"
  declare -A routes=([list]="/api/articles?limit=20" [feed]="/api/articles/feed?limit=20" [tag]="/api/articles?limit=20&tag=dragons")
  local one="$rw/api/articles/seeded-article-500"
  for ep in list feed tag; do
    local extra=()
    [[ $ep == feed ]] && extra=(-H "$auth")
    warm "$rw${routes[$ep]}" "${extra[@]}"
    warm "$rc${routes[$ep]}" "${extra[@]}"
  done
  warm "$one"
  for round in $(seq 1 "$ROUNDS"); do
    local order=(RW C)
    ((round % 2 == 0)) && order=(C RW)
    for ep in list feed tag; do
      local extra=()
      [[ $ep == feed ]] && extra=(-H "$auth")
      for side in "${order[@]}"; do
        local server=realworld base=$rw r
        [[ $side == C ]] && server=realworld-control base=$rc
        r=$(measure "$server" "jdk$FEATURE-rw-$ep-$side-r$round" "$DURATION" "$CONNECTIONS" "$base${routes[$ep]}" "${extra[@]}")
        record realworld "$ep" "$side" "$round" "$r"
        log "  RealWorld $ep $side: $r"
      done
    done
    record realworld article RW "$round" "$(measure realworld "jdk$FEATURE-rw-article-r$round" "$DURATION" "$CONNECTIONS" "$one")"
    log "  RealWorld round $round done"
  done
  stop realworld
  stop realworld-control
}

# Registers the reader of the RealWorld runs (or logs in, if a run made it before), makes it follow the
# 10 seeded authors and favorite five articles (so that following, favorited and favoritesCount are not
# all false and 0), and prints its token. Every call is idempotent.
realworld_reader() { # base-url
  local base=$1 user='"username":"bench-reader","email":"bench-reader@example.com","password":"bench-reader-password-2026"'
  local body
  body=$(curl -fs -X POST -H 'Content-Type: application/json' -d "{\"user\":{$user}}" "$base/api/users") ||
    body=$(curl -fs -X POST -H 'Content-Type: application/json' \
      -d '{"user":{"email":"bench-reader@example.com","password":"bench-reader-password-2026"}}' "$base/api/users/login") ||
    return 0
  local token
  token=$(sed -E 's/.*"token":"([^"]+)".*/\1/' <<<"$body")
  for i in $(seq 0 9); do
    curl -fso /dev/null -X POST -H "Authorization: Token $token" "$base/api/profiles/seed-author-$i/follow" || return 0
  done
  for n in 999 997 990 981 500; do
    curl -fso /dev/null -X POST -H "Authorization: Token $token" "$base/api/articles/seeded-article-$n/favorite" || return 0
  done
  echo "$token"
}

# --- report ---------------------------------------------------------------------------------------

report() {
  local threads="platform threads"
  ((FEATURE >= 21)) && threads="virtual threads"
  echo
  echo "### JDK $VERSION ($threads), wrk -t1 -c$CONNECTIONS -d$DURATION, $ROUNDS round(s), console to a $CONSOLE, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  local loads="load average at start: $LOAD_AT_START, at end: $(cut -d' ' -f1-3 /proc/loadavg)"
  [[ ${REPORT_ONLY:-0} == 1 ]] && loads="tables reprinted from $RESULTS"
  echo "Machine: $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo); $loads"
  if grep -q '^throughput json' "$RESULTS"; then
    echo
    echo "| scenario | baseline req/s | Mainstay req/s | ratio (median; per round) | target | server CPU µs/request, baseline / Mainstay (ratio) | baseline p50 / p99 ms | Mainstay p50 / p99 ms | errors baseline / Mainstay |"
    echo "| --- | ---: | ---: | --- | --- | --- | --- | --- | --- |"
    report_row throughput json B json M "\`GET /json\`, full stack" 0.90
    report_row throughput json B jwt M "\`GET /json\` behind JWT (vs unauthenticated baseline)" 0.85
    report_row throughput json B jwt-nocache M "the same, token cache off (\`security.jwt.cache-size=0\`)" -
    report_row throughput db B db M "\`GET /items/{id}\`: PostgreSQL row, Database+jOOQ vs raw JDBC" 0.90
    report_row throughput error B error M "\`GET /validate?limit=abc\`: 400 error path (non-2xx expected)" -
  fi
  if grep -q '^warmup' "$RESULTS"; then
    echo
    echo "Warm-up: \`$WARMUP\` runs per server and route, repeated until the JIT used less than $SETTLED_PERCENT% of the server's CPU in one (at most $SETTLE_MAX). Runs needed per round, and the JIT's share in the last run (B baseline, M Mainstay, S Spring):"
    echo
    awk '$1 == "warmup" { key = $2; sub(/^jdk[0-9]+-r[0-9]+-/, "", key); if (!(key in seen)) { seen[key] = 1; order[++n] = key }
           runs[key] = runs[key] (runs[key] == "" ? "" : ", ") $5 " (" $6 "%)" }
         END { for (i = 1; i <= n; i++) printf "- %s: %s\n", order[i], runs[order[i]] }' "$RESULTS"
  fi
  if grep -q '^throughput json S' "$RESULTS"; then
    echo
    echo "Mainstay against the Spring Boot control (web, actuator + Prometheus, probes, HS256 resource server, problem details, \`JdbcClient\` on HikariCP), same rounds. Ratio = Mainstay / Spring; CPU ratio = Spring / Mainstay (above 1: Mainstay spends less per request)."
    echo
    echo "| scenario | Spring req/s | Mainstay req/s | ratio (median; per round) | target | server CPU µs/request, Spring / Mainstay (ratio) | Spring p50 / p99 ms | Mainstay p50 / p99 ms | errors Spring / Mainstay |"
    echo "| --- | ---: | ---: | --- | --- | --- | --- | --- | --- |"
    report_row throughput json S json M "\`GET /json\`" -
    report_row throughput jwt S jwt M "\`GET /auth/json\` with a valid bearer token (both authenticated)" -
    report_row throughput db S db M "\`GET /items/{id}\`: Database+jOOQ vs \`JdbcClient\`" -
  fi
  if grep -q '^throughput ablation' "$RESULTS"; then
    echo
    echo "Ablation, \`GET /json\`: the same Mainstay app with each access-log setting, against the baseline of the same round."
    echo
    echo "| server | baseline req/s | Mainstay req/s | ratio (median; per round) | target | server CPU µs/request, baseline / Mainstay (ratio) | baseline p50 / p99 ms | Mainstay p50 / p99 ms | errors baseline / Mainstay |"
    echo "| --- | ---: | ---: | --- | --- | --- | --- | --- | --- |"
    report_row throughput ablation-baseline B ablation-mainstay M "Mainstay, JSON access log (prod default)" -
    report_row throughput ablation-baseline B ablation-mainstay-text M "Mainstay, text access log (dev default)" -
    report_row throughput ablation-baseline B ablation-mainstay-quiet M "Mainstay, no access log (\`log.level=warn\`)" -
  fi
  if grep -q '^flood' "$RESULTS"; then
    echo
    echo "Login flood: $CONNECTIONS connections on \`POST /login\` (right password, bcrypt cost 12), while 4 connections alternate \`GET /health/ready\` and \`GET /json\`."
    echo
    echo "| server | login req/s | login statuses | probe req/s | probe p50 ms | probe p99 ms | target: probe p99 < 50 ms, logins only 200/429/503 |"
    echo "| --- | ---: | --- | ---: | ---: | ---: | --- |"
    for side in B M; do
      local login probes statuses verdict
      login=$(awk -v s="$side" '$1 == "flood" && $2 == "login" && $3 == s' "$RESULTS")
      probes=$(awk -v s="$side" '$1 == "flood" && $2 == "probes" && $3 == s' "$RESULTS")
      [[ -n $probes ]] || continue
      statuses=$(statuses_of "$RAW/jdk$FEATURE-flood-login-$side.txt")
      local sock
      sock=$(echo "$login" | awk '{ print $9 }')
      ((sock > 0)) && statuses="$statuses, socket errors: $sock"
      verdict=$(echo "$probes" | awk -v st="$statuses" '{
        ok = ($7 < 50 && $10 > 0) # no probe answered at all is a miss, not a fast p99
        n = split(st, parts, ", ")
        for (i = 1; i <= n; i++) { split(parts[i], kv, ": "); if (kv[1] != "200" && kv[1] != "429" && kv[1] != "503") ok = 0 }
        print (ok ? "met" : "**missed**") }')
      [[ $side == B ]] && verdict="(control, no target)"
      echo "$login $probes" | awk -v name="$([[ $side == B ]] && echo 'bare Javalin + jBCrypt' || echo Mainstay)" \
        -v st="$statuses" -v v="$verdict" '{ printf "| %s | %s | %s | %s | %.1f | %.1f | %s |\n", name, $5, st, $16, $17, $18, v }'
    done
  fi
  if grep -q '^startup' "$RESULTS"; then
    echo
    echo "Start-up: process launch to the first 200 (\`$JAVA_OPTS\`), $STARTUPS runs each."
    echo
    echo "| service | median ms | runs ms | median RSS at the first 200, MB | target < 1200 ms |"
    echo "| --- | ---: | --- | ---: | --- |"
    for service in baseline baseline-cds baseline-aot hello hello-cds hello-aot archetype archetype-cds archetype-aot \
      spring spring-cds spring-aot; do
      awk -v s="$service" '$1 == "startup" && $2 == s { print $5, ($6 == "" ? 0 : $6) }' "$RESULTS" | sort -n | awk -v s="$service" '
        { v[NR] = $1; rss[NR] = $2; all = all (NR > 1 ? ", " : "") $1 }
        END {
          if (NR == 0) exit
          med = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
          n = NR # insertion sort: mawk has no asort
          for (i = 2; i <= n; i++) { t = rss[i]; for (j = i - 1; j > 0 && rss[j] > t; j--) rss[j + 1] = rss[j]; rss[j + 1] = t }
          mrss = (n % 2) ? rss[(n + 1) / 2] : (rss[n / 2] + rss[n / 2 + 1]) / 2
          base = s; sub(/-(cds|aot)$/, "", base)
          name = base == "baseline" ? "bare Javalin (control)" : base == "hello" ? "examples/hello" : \
            base == "spring" ? "Spring Boot control (extracted jar)" : "archetype-generated service (H2, migrations)"
          if (s ~ /-cds$/) name = name ", AppCDS archive"
          if (s ~ /-aot$/) name = name ", AOT cache"
          verdict = (base == "baseline" || base == "spring") ? "-" : (med < 1200 ? "met" : "**missed**")
          printf "| %s | %.0f | %s | %.0f | %s |\n", name, med, all, mrss, verdict }'
    done
  fi
  if grep -q '^nmt' "$RESULTS"; then
    echo
    echo "Memory at the first 200 by Native Memory Tracking (one more start of each with \`-XX:NativeMemoryTracking=summary\`, \`$JAVA_OPTS\`): committed MB. Committed is not resident (a heap committed and never touched is not in the RSS); RSS is that start's, NMT's own memory included."
    echo
    echo "| service | RSS | NMT total | Java heap | GC | classes (Metaspace, class space, CDS) | symbols | code | threads | JIT compilers | rest |"
    echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    awk '$1 == "nmt" { name = $2 == "baseline" ? "bare Javalin (control)" : $2 == "hello" ? "examples/hello" : \
           $2 == "spring" ? "Spring Boot control (extracted jar)" : "archetype-generated service (H2, migrations)"
         printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", name, $14, $5, $6, $7, $8, $9, $10, $11, $12, $13 }' "$RESULTS"
  fi
  if grep -q '^rss' "$RESULTS"; then
    echo
    echo "Memory: resident set size after ${RSS_SECONDS} s of \`GET /json\` + \`GET /items/{id}\` at $CONNECTIONS connections, \`$JAVA_OPTS\`."
    echo
    echo "| server | RSS MB | peak RSS MB | req/s during the load |"
    echo "| --- | ---: | ---: | ---: |"
    awk '$1 == "rss" { printf "| %s | %s | %s | %s |\n", ($3 == "B" ? "bare Javalin" : $3 == "S" ? "Spring Boot" : "Mainstay"), $12, $13, $5 }' "$RESULTS"
  fi
  if grep -q '^realworld' "$RESULTS"; then
    echo
    echo "RealWorld example on PostgreSQL, 1,000 seeded articles, against the hand-written control (raw JDBC, one SQL statement per page, identical JSON checked before measuring); $ROUNDS round(s), order alternating. The feed is that of a reader who follows the 10 seeded authors."
    echo
    echo "| endpoint | control req/s | example req/s | ratio (median; per round) | target | server CPU µs/request, control / example (ratio) | control p50 / p99 ms | example p50 / p99 ms | errors control / example |"
    echo "| --- | ---: | ---: | --- | --- | --- | --- | --- | --- |"
    report_row realworld list C list RW "\`GET /api/articles?limit=20\` (signed out)" 0.8
    report_row realworld feed C feed RW "\`GET /api/articles/feed?limit=20\` (10 authors followed)" 0.8
    report_row realworld tag C tag RW "\`GET /api/articles?limit=20&tag=dragons\` (signed out)" 0.8
    awk '$1 == "realworld" && $2 == "article"' "$RESULTS" | median_row |
      awk '{ printf "\nThe example alone, `GET /api/articles/{slug}`: %.0f req/s, p50 / p99 %.2f / %.2f ms, %d errors, %.0f µs CPU/request.\n", $1, $2, $3, $4, $5 }'
  fi
}

# Reads result lines of one scenario and side; prints the medians "rps p50 p99" and the summed errors.
median_row() {
  awk '
    function median(a, n,   i, j, t) {
      for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j > 0 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
      return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    { n++; rps[n] = $5; p50[n] = $6; p99[n] = $7; errors += $8 + $9; cpu[n] = $11 }
    END { if (n) printf "%s %s %s %d %s\n", median(rps, n), median(p50, n), median(p99, n), errors, median(cpu, n) }'
}

report_row() { # group control-scenario control-side subject-scenario subject-side title target
  local group=$1 cs=$2 cside=$3 ms=$4 mside=$5 title=$6 target=$7
  local base mine
  base=$(awk -v g="$group" -v s="$cs" -v d="$cside" '$1 == g && $2 == s && $3 == d' "$RESULTS" | median_row)
  mine=$(awk -v g="$group" -v s="$ms" -v d="$mside" '$1 == g && $2 == s && $3 == d' "$RESULTS" | median_row)
  [[ -n $base && -n $mine ]] || return 0
  local ratios
  ratios=$(awk -v g="$group" -v b="$cs" -v bd="$cside" -v m="$ms" -v md="$mside" '
    $1 == g && $2 == b && $3 == bd { base[$4] = $5 }
    $1 == g && $2 == m && $3 == md { mine[$4] = $5 }
    END { for (r in mine) if (base[r] > 0) printf "%d %.2f\n", r, mine[r] / base[r] }' "$RESULTS" | sort -n | awk '{ print $2 }')
  echo "$base|$mine|$(echo "$ratios" | paste -sd' ')" | awk -F'|' -v title="$title" -v target="$target" '{
    split($1, b, " "); split($2, m, " "); n = split($3, r, " ")
    for (i = 2; i <= n; i++) { t = r[i]; for (j = i - 1; j > 0 && r[j] > t; j--) r[j + 1] = r[j]; r[j + 1] = t }
    med = (n % 2) ? r[(n + 1) / 2] : (r[n / 2] + r[n / 2 + 1]) / 2
    gsub(" ", ", ", $3)
    verdict = target == "-" ? "-" : (med >= target ? "≥ " target ": met" : "≥ " target ": **missed**")
    printf "| %s | %.0f | %.0f | %.2f (%s) | %s | %.0f / %.0f (%.2f) | %.2f / %.2f | %.2f / %.2f | %d / %d |\n",
      title, b[1], m[1], med, $3, verdict, b[5], m[5], (m[5] > 0 ? b[5] / m[5] : 0), b[2], b[3], m[2], m[3], b[4], m[4] }'
}

# --- main -----------------------------------------------------------------------------------------

require_tools
VERSION=$(jdk_version)
FEATURE=$(jdk_feature)
LOAD_AT_START=$(cut -d' ' -f1-3 /proc/loadavg)
[[ ${REPORT_ONLY:-0} == 1 ]] || build
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd) # Maven resolves relative paths against the module, not here
LOGS="$OUT/logs-jdk$FEATURE" RAW="$OUT/raw-jdk$FEATURE" RESULTS="$OUT/results-jdk$FEATURE.tsv"
if [[ ${REPORT_ONLY:-0} == 1 ]]; then # reprint the tables of the last run in OUT
  report
  exit 0
fi
rm -rf "$LOGS" "$RAW" "$RESULTS" && mkdir -p "$LOGS" "$RAW"
log "JDK $VERSION ($JAVA); groups: $GROUPS_TO_RUN; results in $OUT"
for group in $GROUPS_TO_RUN; do
  case $group in
    throughput | flood | startup | rss | realworld | ablation) "$group" ;;
    *) die "unknown group '$group' in GROUPS_TO_RUN (throughput flood startup rss realworld ablation)" ;;
  esac
done
report | tee "$OUT/results-jdk$FEATURE.md"
