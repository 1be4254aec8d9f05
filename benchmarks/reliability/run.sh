#!/usr/bin/env bash
# Mainstay reliability scenarios, run against a service generated from mainstay-archetype on PostgreSQL.
#
#   benchmarks/reliability/run.sh                                      every scenario (about 17 minutes)
#   SCENARIOS="outage shutdown" benchmarks/reliability/run.sh          some scenarios only
#   SOAK_SECONDS=60 benchmarks/reliability/run.sh                      a short soak
#
# Scenarios: outage (the database goes away for 10 s under load), shutdown (SIGTERM under load),
# scaleout (three instances behind nginx: tokens, refresh rotation, the shared throttle, kill -9 under load with
# idempotent retries),
# soak (mixed load, metrics sampled every 30 s). It binds 127.0.0.1 only, bounds every run in time,
# and stops every process it started on exit (also on Ctrl-C). Results: benchmarks/target/reliability/
# results.md; what each scenario checks and why: benchmarks/reliability/README.md.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
BENCH=$(dirname "$HERE")
SCENARIOS=${SCENARIOS:-"outage shutdown scaleout soak"}
SOAK_SECONDS=${SOAK_SECONDS:-600}
OUTAGE_SECONDS=${OUTAGE_SECONDS:-10}
BUILD=${BUILD:-1}
PORT_BASE=${PORT_BASE:-18201}
PG_HOST=127.0.0.1
PG_PORT=${PG_PORT:-5432}
DB=${DB:-mainstay_reliability}
JAVA_OPTS=${JAVA_OPTS:-"-Xmx256m"}
OUT=${OUT:-"$BENCH/target/reliability"}

JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
JCMD=${JAVA_HOME:+$JAVA_HOME/bin/}jcmd
PROXY_PORT=$((PORT_BASE + 20))
PROXY_CONTROL=$((PORT_BASE + 21))
NGINX_PORT=$((PORT_BASE + 10))
THROTTLE_LIMIT=5
# The prod profile serves /health/* and /metrics on a port of their own (admin.port): each instance gets
# its service port + ADMIN_OFFSET.
ADMIN_OFFSET=100
declare -A PIDS=()

log() { printf '[reliability %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "$*"; exit 1; }

# --- prerequisites --------------------------------------------------------------------------------

require_tools() {
  local tool
  for tool in wrk nginx psql curl; do
    command -v "$tool" >/dev/null || die "$tool is missing. Install it with: apt-get install -y wrk nginx postgresql-client curl"
  done
  [[ -x /usr/sbin/nginx ]] || command -v nginx >/dev/null
  command -v mvn >/dev/null || die "Maven is missing (mvn): install Maven 3.8+"
  "$JAVA" -version >/dev/null 2>&1 || die "No JDK at '$JAVA': set JAVA_HOME"
  "$JCMD" -h >/dev/null 2>&1 || die "jcmd is missing: the soak needs a full JDK, not a JRE"
  psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres -tAc 'select 1' >/dev/null 2>&1 ||
    die "PostgreSQL does not answer on $PG_HOST:$PG_PORT as user postgres (trust authentication expected)"
}

build() {
  if [[ $BUILD == 1 ]]; then
    log "building benchmarks/target/benchmarks.jar (the proxy and the load driver)"
    (cd "$BENCH/.." && mvn -B -q -Dstyle.color=never -P benchmarks -pl benchmarks -am package -DskipTests -Dinvoker.skip)
  fi
  # A copy, so that a rebuild of the benchmarks module during the run cannot pull the jar away.
  if [[ -f $BENCH/target/benchmarks.jar ]]; then
    cp "$BENCH/target/benchmarks.jar" "$TOOLS_JAR"
  fi
  [[ -f $TOOLS_JAR ]] || die "benchmarks/target/benchmarks.jar is missing: run with BUILD=1"
  if [[ $BUILD == 1 || ! -f $SVC_DIR/target/svc.jar ]]; then
    log "generating a service from mainstay-archetype and building it (mvn archetype:generate, mvn package)"
    rm -rf "$SVC_DIR"
    (cd "$OUT" && mvn -B -q -Dstyle.color=never archetype:generate -DarchetypeGroupId=dev.mainstay \
      -DarchetypeArtifactId=mainstay-archetype -DarchetypeVersion=0.1.0-SNAPSHOT -DgroupId=com.example \
      -DartifactId=svc -Dpackage=com.example.svc -DinteractiveMode=false)
    (cd "$SVC_DIR" && mvn -B -q -Dstyle.color=never package -DskipTests)
  fi
}

# A fresh database per run, so that the write checks compare with this run's rows only.
prepare_db() {
  psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres -qc "drop database if exists $DB" \
    -c "create database $DB" >/dev/null 2>&1
}

sql() { psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -d "$DB" -tAc "$1"; }

# --- processes ------------------------------------------------------------------------------------

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start() { # name port command...
  local name=$1 port=$2; shift 2
  port_free "$port" || die "port $port is in use; set PORT_BASE to a free range"
  "$@" >"$LOGS/$name.log" 2>&1 &
  PIDS[$name]=$!
}

SECRET=$(head -c 32 /dev/urandom | base64)

start_svc() { # name port db-port [NAME=value...]
  local name=$1 port=$2 db_port=$3; shift 3
  port_free "$(admin "$port")" || die "port $(admin "$port") is in use; set PORT_BASE to a free range"
  start "$name" "$port" env MAINSTAY_PROFILE=prod MAINSTAY_HTTP_HOST=127.0.0.1 MAINSTAY_HTTP_PORT="$port" \
    MAINSTAY_ADMIN_PORT="$(admin "$port")" \
    MAINSTAY_DB_URL="jdbc:postgresql://127.0.0.1:$db_port/$DB?user=postgres" \
    MAINSTAY_SECURITY_JWT_SECRET="$SECRET" "$@" "$JAVA" $JAVA_OPTS -jar "$SVC_DIR/target/svc.jar"
}

admin() { echo $(($1 + ADMIN_OFFSET)); } # service port -> its admin port

wait_ready() { # name port [seconds]
  local deadline=$((SECONDS + ${3:-120}))
  until curl -fso /dev/null "http://127.0.0.1:$(admin "$2")/health/ready"; do
    kill -0 "${PIDS[$1]}" 2>/dev/null || { tail -20 "$LOGS/$1.log" >&2; die "$1 exited before it was ready"; }
    ((SECONDS < deadline)) || die "$1 was not ready within ${3:-120} s (log: $LOGS/$1.log)"
    sleep 0.2
  done
}

stop() { # name
  local pid=${PIDS[$1]:-}
  [[ -n $pid ]] || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 200); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  unset "PIDS[$1]"
}

stop_all() { for name in "${!PIDS[@]}"; do stop "$name"; done; }
trap stop_all EXIT
trap 'exit 130' INT TERM

start_proxy() {
  start proxy "$PROXY_PORT" "$JAVA" -Xmx64m -cp "$TOOLS_JAR" \
    dev.mainstay.benchmarks.reliability.DbProxy "$PROXY_PORT" "$PG_PORT" "$PROXY_CONTROL"
  local deadline=$((SECONDS + 30))
  until curl -fso /dev/null "http://127.0.0.1:$PROXY_CONTROL/status"; do
    ((SECONDS < deadline)) || die "the database proxy did not start (log: $LOGS/proxy.log)"
    sleep 0.2
  done
}

driver() { # scenario key=value...
  local scenario=$1; shift
  timeout 900 "$JAVA" -Xmx512m -cp "$TOOLS_JAR" dev.mainstay.benchmarks.reliability.LoadDriver \
    acked="$RUN/$scenario.acked" values="$RUN/$scenario.values" markdown="$RUN/$scenario.table.md" \
    user-prefix="$scenario" "$@" >/dev/null 2>"$RUN/$scenario.driver.log" &
  PIDS[driver]=$!
  local code=0
  wait "${PIDS[driver]}" || code=$?
  unset "PIDS[driver]"
  ((code == 0)) || { tail -20 "$RUN/$scenario.driver.log" >&2; die "the load driver failed (status $code)"; }
}

value() { { grep -m1 "^$2=" "$RUN/$1.values" || true; } | cut -d= -f2-; }

# Sums the values of the key=value lines that match a pattern.
sum_of() { { grep -E "$1" "$2" || true; } | awk -F= '{ s += $2 } END { print s + 0 }'; }

# Prints "acknowledged missing unacknowledged": notes the driver saw acknowledged, how many of them are not in
# the table, and how many rows of this scenario's users are there without an acknowledgement (a write that
# failed on the wire but was committed).
lost_writes() { # scenario
  sql "select n.id from notes n join users u on u.id = n.owner_id where u.email like '$1-%'" | sort >"$RUN/$1.in-db"
  { grep -v '^$' "$RUN/$1.acked" || true; } | sort >"$RUN/$1.acked.sorted"
  echo "$(wc -l <"$RUN/$1.acked.sorted") $(comm -23 "$RUN/$1.acked.sorted" "$RUN/$1.in-db" | wc -l)" \
    "$(comm -13 "$RUN/$1.acked.sorted" "$RUN/$1.in-db" | wc -l)"
}

# The write check's row of a scenario's table.
writes_row() { # "acknowledged missing unacknowledged"
  local acked missing extra
  read -r acked missing extra <<<"$1"
  echo "| every write acknowledged with 2xx is in the database | $acked acknowledged, $missing missing; $extra more rows committed without an acknowledgement reaching the client | $(verdict "((missing == 0))") |"
}

verdict() { if eval "$1"; then echo met; else echo "**failed**"; fi; }

# A verdict on a trend, or none when the soak was too short to have one.
trend() { # samples condition
  if (($1 < 4)); then echo "(too short to judge: $1 samples from 30 s)"; else verdict "$2"; fi
}

# Replaces each large server log by its lines other than the access log (a soak writes hundreds of MB).
trim_logs() {
  local file
  for file in "$LOGS"/*.log; do
    if (($(stat -c %s "$file") > 20000000)); then
      grep -v '"logger_name":"dev.mainstay.access"' "$file" >"${file%.log}.no-access.log" || true
      rm -f "$file"
    fi
  done
}

error_lines() { grep -c '"level":"ERROR"' "$1" || true; }

# --- scenario: database outage --------------------------------------------------------------------

scenario_outage() {
  local r="$RUN/outage.md" cut_at=8 seconds=$((8 + OUTAGE_SECONDS + 12))
  start_proxy
  start_svc outage "$PORT_BASE" "$PROXY_PORT"
  wait_ready outage "$PORT_BASE"
  local timeout_ms=3000 # db.pool.connection-timeout, the archetype's default
  log "outage: ${seconds}s of load (8 workers, 30% writes, 0.5 logins/s); the proxy is cut at ${cut_at}s for ${OUTAGE_SECONDS}s"
  driver outage base="http://127.0.0.1:$PORT_BASE" probe="http://127.0.0.1:$(admin "$PORT_BASE")" seconds="$seconds" workers=8 \
    action="$cut_at:post:http://127.0.0.1:$PROXY_CONTROL/cut" \
    action="$((cut_at + OUTAGE_SECONDS)):post:http://127.0.0.1:$PROXY_CONTROL/restore"
  local lost down up last_failure max_outage threads_before threads_during bad503
  lost=$(lost_writes outage)
  down=$(value outage action.0.ready_down_after_ms)
  up=$(value outage action.1.ready_up_after_ms)
  last_failure=$(value outage action.1.last_failure_after_ms)
  max_outage=$(grep -E '^phase\.1\.(read|write)\.max_ms=' "$RUN/outage.values" | cut -d= -f2 | sort -n | tail -1)
  threads_before=$(value outage phase.0.max_threads)
  threads_during=$(value outage phase.1.max_threads)
  bad503=$(value outage 503_without_problem_json)
  local other
  other=$(sum_of '^phase\.1\.(read|write)\.status\.(1|3|4|50[^3]|5[1-9]|[a-z])' "$RUN/outage.values")
  stop outage
  stop proxy
  {
    echo "### Database outage under load"
    echo
    echo "One instance, its database connections through a TCP proxy that is cut (every open socket closed, new"
    echo "connections refused) ${cut_at} s into a ${seconds} s load and restored ${OUTAGE_SECONDS} s later. Load: 8 closed-loop workers"
    echo "(70% reads, 30% note writes) and 0.5 logins/s. \`db.pool.connection-timeout\` = 3 s, \`health.timeout\` = 1 s (the defaults)."
    echo "A login makes several database calls and a bcrypt hash in a row, so its time is shown but not held to the 3 s bound."
    echo
    cat "$RUN/outage.table.md"
    echo
    echo "| expectation | measured | verdict |"
    echo "| --- | --- | --- |"
    echo "| readiness 503 within 2 s of the cut | ${down} ms | $(verdict "((down >= 0 && down <= 2000))") |"
    echo "| reads and writes (one database call each) answer 503 problem+json within the connection time-out (${timeout_ms} ms), no hang | longest read or write sent during the outage ${max_outage} ms; 503s without problem+json: ${bad503}; other failures: ${other:-0} | $(verdict "((max_outage <= timeout_ms + 500 && bad503 == 0 && ${other:-0} == 0))") |"
    echo "| no thread pile-up (\`jvm_threads_live_threads\`, max) | before ${threads_before}, during ${threads_during} | $(verdict "((threads_during <= threads_before + 10))") |"
    local failures_after="no request sent after the restore failed"
    ((last_failure < 0)) || failures_after="the last failed request sent after the restore ended ${last_failure} ms after it"
    echo "| recovers by itself within 5 s of the database coming back | readiness 200 after ${up} ms; ${failures_after} | $(verdict "((up >= 0 && up <= 5000 && last_failure <= 5000))") |"
    writes_row "$lost"
    echo "| server ERROR log lines | $(error_lines "$LOGS/outage.log") | (reported) |"
  } >"$r"
}

# --- scenario: graceful shutdown ------------------------------------------------------------------

scenario_shutdown() {
  local r="$RUN/shutdown.md" port=$((PORT_BASE + 3)) term_at=8 delay=2 drain=10
  start_svc shutdown "$port" "$PG_PORT" MAINSTAY_SHUTDOWN_DELAY=${delay}s MAINSTAY_SHUTDOWN_TIMEOUT=${drain}s
  wait_ready shutdown "$port"
  local pid=${PIDS[shutdown]}
  log "shutdown: load (8 workers, 30% writes, 2 logins/s), SIGTERM at ${term_at}s; shutdown.delay=${delay}s, shutdown.timeout=${drain}s"
  driver shutdown base="http://127.0.0.1:$port" probe="http://127.0.0.1:$(admin "$port")" seconds=$((term_at + delay + drain + 4)) \
    workers=8 logins-per-second=2 action="$term_at:term:$pid"
  local code=0
  wait "$pid" || code=$?
  unset "PIDS[shutdown]"
  local lost down exit_ms http5xx broken refused ok_after stopped pool_closed
  lost=$(lost_writes shutdown)
  down=$(value shutdown action.0.ready_down_after_ms)
  exit_ms=$(value shutdown action.0.exit_after_ms)
  http5xx=$(sum_of '^phase\.1\.[a-z]+\.status\.5[0-9][0-9]=' "$RUN/shutdown.values")
  broken=$(sum_of '^phase\.1\.[a-z]+\.status\.(io-error|timeout)=' "$RUN/shutdown.values")
  refused=$(sum_of '^phase\.1\.[a-z]+\.status\.refused=' "$RUN/shutdown.values")
  ok_after=$(sum_of '^phase\.1\.[a-z]+\.status\.2[0-9][0-9]=' "$RUN/shutdown.values")
  stopped=$(grep -c '"message":"Stopped"' "$LOGS/shutdown.log" || true)
  pool_closed=$(grep -c 'mainstay-db - Shutdown completed' "$LOGS/shutdown.log" || true)
  {
    echo "### Graceful shutdown under load"
    echo
    echo "One instance, \`shutdown.delay\` = ${delay} s (readiness 503 while the port stays open, as on Kubernetes),"
    echo "\`shutdown.timeout\` = ${drain} s (the drain). SIGTERM ${term_at} s into the load, 8 closed-loop workers (70% reads, 30% writes), 2 logins/s."
    echo "After the port closes, new connections are refused: those requests were never accepted."
    echo
    cat "$RUN/shutdown.table.md"
    echo
    echo "| expectation | measured | verdict |"
    echo "| --- | --- | --- |"
    echo "| readiness 503 at once | ${down} ms after SIGTERM | $(verdict "((down >= 0 && down <= 500))") |"
    echo "| no accepted request fails | after SIGTERM: ${ok_after:-0} answered 2xx, ${http5xx:-0} answered 5xx, ${broken:-0} broke mid-request (io-error/time-out), ${refused:-0} refused (not accepted) | $(verdict "((${http5xx:-0} == 0 && ${broken:-0} == 0))") |"
    echo "| exits within delay + drain (${delay} + ${drain} s) | ${exit_ms} ms, exit status ${code} (143 = SIGTERM handled by the JVM) | $(verdict "((exit_ms >= 0 && exit_ms <= (delay + drain) * 1000 && (code == 143 || code == 0)))") |"
    echo "| pool closed, stop logged | \`Stopped\` lines: ${stopped}; HikariCP \`mainstay-db - Shutdown completed\`: ${pool_closed} | $(verdict "((stopped == 1 && pool_closed == 1))") |"
    writes_row "$lost"
    echo "| server ERROR log lines | $(error_lines "$LOGS/shutdown.log") | (reported) |"
  } >"$r"
}

# --- scenario: scale-out --------------------------------------------------------------------------

start_nginx() { # ports...
  local prefix="$OUT/nginx" upstreams="" port
  rm -rf "$prefix" && mkdir -p "$prefix"
  for port in "$@"; do upstreams+="        server 127.0.0.1:$port max_fails=1 fail_timeout=10s;"$'\n'; done
  UPSTREAMS="$upstreams" awk -v prefix="$prefix" -v port="$NGINX_PORT" '
    /@UPSTREAMS@/ { printf "%s", ENVIRON["UPSTREAMS"]; next }
    { gsub("@PREFIX@", prefix); gsub("@PORT@", port); print }' "$HERE/nginx.conf.template" >"$prefix/nginx.conf"
  start nginx "$NGINX_PORT" nginx -p "$prefix" -c "$prefix/nginx.conf" -e "$prefix/error.log"
  local deadline=$((SECONDS + 20))
  until curl -so /dev/null "http://127.0.0.1:$NGINX_PORT/health/live"; do
    ((SECONDS < deadline)) || die "nginx did not start (see $prefix/error.log)"
    sleep 0.2
  done
}

# A checked expectation: logs "PASS|FAIL what: measured" and prints its table row.
check() { # what condition measured
  local verdict=FAIL
  if eval "$2"; then verdict=PASS; fi
  log "$verdict $1: $3"
  echo "| $1 | $3 | $([[ $verdict == PASS ]] && echo PASS || echo '**FAIL**') |"
}

# The idempotent-retry checks of the scale-out load, from the driver's keys file (key, acknowledged id,
# attempts, last status per logical note) and the notes table, queried directly. Each note's title is
# "idempotent <key>", so a second row for one key shows as a repeated title.
idempotency_rows() { # scenario
  local keys="$RUN/$1.keys" owned="from notes n join users u on u.id = n.owner_id where u.email like '$1-%'"
  local total acked retried attempts rows distinct missing unknown mismatched
  total=$(grep -c . "$keys" || true)
  acked=$(awk -F'\t' '$4 ~ /^2/' "$keys" | wc -l)
  retried=$(awk -F'\t' '$3 > 1' "$keys" | wc -l)
  attempts=$(awk -F'\t' '{ s += $3 } END { print s + 0 }' "$keys")
  rows=$(sql "select count(*) $owned")
  distinct=$(sql "select count(distinct n.title) $owned")
  sql "select substr(n.title, 12) || chr(9) || n.id $owned and n.title like 'idempotent %'" | sort >"$RUN/$1.keys.in-db"
  sort "$keys" >"$RUN/$1.keys.sorted"
  missing=$(join -t $'\t' -v1 "$RUN/$1.keys.sorted" "$RUN/$1.keys.in-db" | wc -l)
  unknown=$(join -t $'\t' -v2 "$RUN/$1.keys.sorted" "$RUN/$1.keys.in-db" | wc -l)
  # For each acknowledged key: the id the client was finally told against the row stored under the key.
  mismatched=$(join -t $'\t' "$RUN/$1.keys.sorted" "$RUN/$1.keys.in-db" | awk -F'\t' '$4 ~ /^2/ && $2 != $5' | wc -l)
  check "every note's POST was retried with its key until a 2xx" "((total > 0 && acked == total))" \
    "$total keys, $acked acknowledged, $((total - acked)) never acknowledged; $retried needed a retry ($attempts POSTs in all)"
  check "notes in the database = distinct keys" "((rows == total))" "$rows notes, $total keys"
  check "no duplicates (one row per key)" "((rows == distinct && unknown == 0))" \
    "$((rows - distinct)) rows repeat a key; $unknown rows carry a key the client never sent"
  check "none lost (every key has its row)" "((missing == 0))" "$missing keys without a row"
  check "a retry is answered with the stored note (same id)" "((mismatched == 0))" \
    "$mismatched acknowledged ids differ from the row stored under their key"
}

scenario_scaleout() {
  local r="$RUN/scaleout.md" a=$((PORT_BASE + 4)) b=$((PORT_BASE + 5)) c=$((PORT_BASE + 6)) kill_at=10 seconds=30
  local name grace=60
  declare -A ports=([A]=$a [B]=$b [C]=$c)
  for name in A B C; do
    start_svc "scale-$name" "${ports[$name]}" "$PG_PORT" MAINSTAY_SECURITY_THROTTLE_ACCOUNT_LIMIT=$THROTTLE_LIMIT \
      MAINSTAY_SECURITY_THROTTLE_STORE=database
  done
  wait_ready scale-A "$a" && wait_ready scale-B "$b" && wait_ready scale-C "$c"
  start_nginx "$a" "$b" "$c"
  log "scale-out: session and throttle checks across A, B, C (throttle through nginx)"
  local checks=PASS
  "$JAVA" -cp "$TOOLS_JAR" dev.mainstay.benchmarks.reliability.ScaleOutChecks "$THROTTLE_LIMIT" \
    "$RUN/scaleout.checks.md" "http://127.0.0.1:$NGINX_PORT" "http://127.0.0.1:$a" "http://127.0.0.1:$b" \
    "http://127.0.0.1:$c" >/dev/null 2>"$RUN/scaleout.checks.log" || checks="**FAIL**"
  cat "$RUN/scaleout.checks.log" >&2
  # Which instance answered each wrong password sent through nginx, and with what.
  local throttle_spread
  throttle_spread=$(awk '$2 == "POST" && $3 == "/api/auth/login" && ($4 == 401 || $4 == 429) {
      sub(/.*upstream=/, ""); sub(/ upstream_status=/, " "); n[$1 " " $2]++ }
    END { for (k in n) print k ": " n[k] }' "$OUT/nginx/access.log" | sort | paste -sd, | sed 's/,/, /g')
  cp "$OUT/nginx/access.log" "$RUN/scaleout.checks.nginx.log"
  log "scale-out: ${seconds}s of load through nginx, every note posted with an Idempotency-Key and retried; kill -9 of C at ${kill_at}s"
  : >"$OUT/nginx/access.log"
  driver scaleout base="http://127.0.0.1:$NGINX_PORT" probe="http://127.0.0.1:$(admin "$a")" seconds=$seconds workers=8 \
    idempotent-writes=$grace keys="$RUN/scaleout.keys" action="$kill_at:kill:${PIDS[scale-C]}"
  wait "${PIDS[scale-C]}" 2>/dev/null || true
  unset "PIDS[scale-C]"
  local lost failed_after served retried
  lost=$(lost_writes scaleout)
  failed_after=$(value scaleout action.0.failed_after)
  # The instance that finally answered is the last one nginx tried.
  served=$(sed -E 's/.*upstream=(.*) upstream_status=.*/\1/; s/.*, //' "$OUT/nginx/access.log" | sort | uniq -c |
    awk '{ printf "%s%s: %s", sep, $2, $1; sep = ", " }')
  retried=$(grep -c 'upstream=[^ ]*,' "$OUT/nginx/access.log" || true)
  local statuses
  statuses=$(grep -E '^phase\.1\.[a-z]+\.status\.' "$RUN/scaleout.values" | sed -E 's/^phase\.1\.([a-z]+)\.status\.([^=]+)=(.*)/\1 \2: \3/' |
    paste -sd, | sed 's/,/, /g')
  local idempotency
  idempotency=$(idempotency_rows scaleout)
  stop nginx
  for name in A B; do stop "scale-$name"; done
  {
    echo "### Scale-out: three instances behind nginx"
    echo
    echo "Instances A (port $a), B ($b), C ($c) on one PostgreSQL database, one JWT secret, \`security.throttle.account-limit\` = $THROTTLE_LIMIT,"
    echo "\`security.throttle.store\` = \`database\` (the throttle counts in the shared database);"
    echo "nginx round-robin in front (\`proxy_next_upstream error timeout\`; a POST already sent is never retried by nginx)."
    echo
    cat "$RUN/scaleout.checks.md"
    echo
    echo "Wrong passwords of the throttle check as nginx spread them (instance, status: count): ${throttle_spread:-none logged}."
    echo
    echo "Then ${seconds} s of load through nginx (8 workers, 30% writes, 0.5 logins/s); C is killed with SIGKILL at ${kill_at} s."
    echo "Every \`POST /api/notes\` carries an \`Idempotency-Key\` (a UUID per note, also in the note's title); the client"
    echo "sends the same request again after no answer, a 5xx or a 409 (100 ms back-off, doubling to 1 s), until a 2xx or ${grace} s after the load."
    echo "\`write\` is a note's first attempt, \`retry\` every further one."
    echo
    cat "$RUN/scaleout.table.md"
    echo
    echo "| expectation | measured | verdict |"
    echo "| --- | --- | --- |"
    echo "| session and throttle checks above | | $checks |"
    echo "$idempotency"
    writes_row "$lost"
    echo "| the others keep serving; errors seen after the kill | ${failed_after} failed requests after the kill (${statuses:-none}) | $(verdict "(($(value scaleout phase.1.read.count) > 0))") (errors reported) |"
    echo "| nginx: requests per instance (whole load) | ${served}; requests nginx retried on another instance: ${retried} | (reported) |"
    echo "| server ERROR log lines (A, B, C) | $(error_lines "$LOGS/scale-A.log"), $(error_lines "$LOGS/scale-B.log"), $(error_lines "$LOGS/scale-C.log") | (reported) |"
  } >"$r"
}

# --- scenario: flood ------------------------------------------------------------------------------

FLOOD_SECONDS=${FLOOD_SECONDS:-15}

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; } # user + system time of a process, in clock ticks
db_transactions() { sql "select xact_commit + xact_rollback from pg_stat_database where datname = current_database()"; }
wrk_line() { { grep -m1 "$1" "$2" || true; } | awk '{ print $2 }'; }
statuses_in() { grep '^status ' "$1" | sort -k2n | awk '{ printf "%s%s: %s", sep, $2, $3; sep = ", " }'; }

# Wrong passwords on one instance, once with each throttle store; a signed-in reader meanwhile.
scenario_flood() {
  local r="$RUN/flood.md" port=$((PORT_BASE + 12)) store kind tck
  tck=$(getconf CLK_TCK)
  {
    echo "### Login flood: the in-memory and the database throttle store"
    echo
    echo "One instance, \`http.trusted-proxies=127.0.0.1\`, default throttle limits (10 per account, 100 per address,"
    echo "15 min). For ${FLOOD_SECONDS} s, \`wrk -t1 -c64\` sends wrong passwords to \`POST /api/auth/login\`: *one* is one account"
    echo "from one address (after the limits every answer is 429: the throttle's own cost), *spread* is another account"
    echo "from another \`X-Forwarded-For\` address each time (the throttle never stops it: every request costs a bcrypt"
    echo "hash against the unknown-user dummy, and the hashing gate answers 503 when it is full). Meanwhile, from the"
    echo "third second, \`wrk -t1 -c2\` reads \`GET /api/notes?limit=10\` signed in (a database read). CPU is the"
    echo "server's user + system time over the flood, per flood request; transactions are PostgreSQL's count for the"
    echo "database (\`pg_stat_database\`), per flood request."
    echo
    echo "| store | flood | flood req/s | flood statuses | server CPU µs/request | DB transactions/request | reader req/s | reader p99 ms | reader non-2xx | throttle rows after |"
    echo "| --- | --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |"
  } >"$r"
  for store in memory database; do
    prepare_db
    start_svc "flood-$store" "$port" "$PG_PORT" MAINSTAY_SECURITY_THROTTLE_STORE=$store MAINSTAY_HTTP_TRUSTED_PROXIES=127.0.0.1
    wait_ready "flood-$store" "$port"
    local base="http://127.0.0.1:$port" token pid=${PIDS[flood-$store]}
    curl -fs -o /dev/null -H 'Content-Type: application/json' \
      -d '{"email":"reader@example.com","password":"flood reader password 2026"}' "$base/api/auth/register" ||
      die "could not register the reader on flood-$store"
    token=$(curl -fs -H 'Content-Type: application/json' \
      -d '{"email":"reader@example.com","password":"flood reader password 2026"}' "$base/api/auth/login" |
      sed -E 's/.*"accessToken":"([^"]+)".*/\1/')
    for kind in one spread; do
      local raw="$RUN/flood-$store-$kind" cpu0 tx0 cpu1 tx1 flood_pid
      cpu0=$(cpu_ticks "$pid"); tx0=$(db_transactions)
      (cd "$HERE" && FLOOD_KIND=$kind timeout $((FLOOD_SECONDS + 30)) wrk -t1 -c64 -d"${FLOOD_SECONDS}s" --timeout 30s \
        -s flood.lua "$base") >"$raw.flood.txt" 2>&1 &
      flood_pid=$!
      sleep 2
      timeout $((FLOOD_SECONDS + 30)) wrk -t1 -c2 -d"$((FLOOD_SECONDS - 4))s" --timeout 30s --latency \
        -H "Authorization: Bearer $token" "$base/api/notes?limit=10" >"$raw.reader.txt" 2>&1 || true
      wait "$flood_pid" || true
      cpu1=$(cpu_ticks "$pid")
      sleep 2 # PostgreSQL publishes its counters with up to a second's delay
      tx1=$(db_transactions)
      local requests rps p99 non2xx rows
      requests=$({ grep -m1 'requests in' "$raw.flood.txt" || echo 0; } | awk '{ print $1 }')
      rps=$(wrk_line 'Requests/sec' "$raw.flood.txt")
      p99=$({ grep -m1 ' 99%' "$raw.reader.txt" || true; } | awk '{ print $2 }')
      non2xx=$({ grep -m1 'Non-2xx' "$raw.reader.txt" || true; } | awk '{ print $NF }')
      rows=$( [[ $store == database ]] && sql "select count(*) from mainstay_throttle" || echo "-")
      log "flood $store/$kind: $requests requests ($rps/s), $(statuses_in "$raw.flood.txt"); reader p99 $p99"
      echo "| $store | $kind | $rps | $(statuses_in "$raw.flood.txt") | $(( (cpu1 - cpu0) * 1000000 / tck / (requests > 0 ? requests : 1) )) | $(awk -v t=$((tx1 - tx0)) -v n="$requests" 'BEGIN { printf "%.2f", t / (n > 0 ? n : 1) }') | $(wrk_line 'Requests/sec' "$raw.reader.txt") | $p99 | ${non2xx:-0} | $rows |" >>"$r"
    done
    stop "flood-$store"
  done
}

# --- scenario: soak -------------------------------------------------------------------------------

metrics_row() { # port elapsed
  local m
  m=$(curl -fs "http://127.0.0.1:$(admin "$1")/metrics") || { echo "$2 - - - - - - - -"; return; }
  echo "$m" | awk -v t="$2" '
    /^jvm_memory_used_bytes\{area="heap"/ { heap += $NF }
    /^jvm_memory_used_bytes\{area="heap",id="(G1 Old Gen|Tenured Gen|PS Old Gen)"/ { old = $NF }
    /^jvm_gc_live_data_size_bytes / { live = $NF }
    /^jvm_threads_live_threads / { threads = $NF }
    /^hikaricp_connections_active\{/ { active = $NF }
    /^hikaricp_connections_idle\{/ { idle = $NF }
    /^hikaricp_connections\{/ { total = $NF }
    /^hikaricp_connections_pending\{/ { pending = $NF }
    END { printf "%d %.1f %.1f %.1f %d %d %d %d %d\n", t, heap / 1048576, old / 1048576, live / 1048576, threads, active, idle,
      total, pending }'
}

# Every 30 s for SOAK_SECONDS, one line of metrics. A full GC (jcmd GC.run) is forced only once during the
# load, at 60 s, because a forced full GC stops the server and on a contended machine that took seconds;
# the second forced GC comes after the load (see scenario_soak). Right after a full GC the old generation
# holds the live set. The last column says whether this sample followed a forced GC.
sample_soak() { # pid port file
  local t0=$SECONDS
  : >"$3"
  while ((SECONDS - t0 <= SOAK_SECONDS)); do
    local forced=no
    if (($(wc -l <"$3") == 2)); then
      "$JCMD" "$1" GC.run >/dev/null 2>&1 && forced=yes # returns when the collection is done
    fi
    echo "$(metrics_row "$2" $((SECONDS - t0))) $forced" >>"$3"
    local next=$((t0 + $(wc -l <"$3") * 30))
    while ((SECONDS < next && SECONDS - t0 <= SOAK_SECONDS)); do sleep 1; done
  done
}

scenario_soak() {
  local r="$RUN/soak.md" port=$((PORT_BASE + 7)) samples="$RUN/soak.samples"
  start_svc soak "$port" "$PG_PORT"
  wait_ready soak "$port"
  local pid=${PIDS[soak]} token
  curl -fs -X POST -H 'Content-Type: application/json' -d '{"email":"soak-wrk@reliability.example","password":"a long reliability passphrase"}' \
    "http://127.0.0.1:$port/api/auth/register" >/dev/null
  token=$(curl -fs -X POST -H 'Content-Type: application/json' -d '{"email":"soak-wrk@reliability.example","password":"a long reliability passphrase"}' \
    "http://127.0.0.1:$port/api/auth/login" | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')
  log "soak: ${SOAK_SECONDS}s: driver (4 workers, 30% writes, 0.2 logins/s) + wrk -c2 on GET /api/notes; metrics every 30 s"
  wrk -t1 -c2 -d"${SOAK_SECONDS}s" --timeout 10s -H "Authorization: Bearer $token" \
    "http://127.0.0.1:$port/api/notes?limit=10" >"$RUN/soak.wrk.txt" 2>&1 &
  PIDS[soak-wrk]=$!
  sample_soak "$pid" "$port" "$RUN/soak.samples" &
  PIDS[soak-sampler]=$!
  driver soak base="http://127.0.0.1:$port" probe="http://127.0.0.1:$(admin "$port")" seconds="$SOAK_SECONDS" workers=4 \
    logins-per-second=0.2
  wait "${PIDS[soak-wrk]}" || true
  wait "${PIDS[soak-sampler]}" || true
  unset "PIDS[soak-wrk]" "PIDS[soak-sampler]"
  # The load has stopped: the second forced full GC costs no request anything.
  "$JCMD" "$pid" GC.run >/dev/null 2>&1 && echo "$(metrics_row "$port" "$SOAK_SECONDS") yes (after the load)" >>"$samples"
  local lost errors wrk_requests wrk_non2xx wrk_socket
  lost=$(lost_writes soak)
  errors=$(error_lines "$LOGS/soak.log")
  wrk_requests=$(awk '/requests in/ { print $1 }' "$RUN/soak.wrk.txt")
  wrk_non2xx=$(awk '/Non-2xx/ { print $NF }' "$RUN/soak.wrk.txt")
  wrk_socket=$(awk '/Socket errors/ { print }' "$RUN/soak.wrk.txt")
  local failed
  failed=$(sum_of '^phase\.0\.[a-z]+\.failed=' "$RUN/soak.values")
  stop soak
  # Flat means: the live set (old generation right after a forced full GC) at the end is at most 10% + 2 MB
  # above the one at 60 s; the live threads of the second half of the samples from 30 s on are at most 5 above
  # those of the first half (Jetty's pool grows and shrinks with demand); the pool keeps its 10 connections.
  local h1 h2 t1 t2 pool_changed n
  read -r h1 h2 t1 t2 pool_changed n < <(awk '
    $10 == "yes" && h1 == "" { h1 = $3; next }
    $10 == "yes" { h2 = $3 }
    NR >= 2 && $10 == "no" { n++; threads[n] = $5 }
    $8 != 10 && $10 == "no" { pool = 1 }
    END {
      for (i = 1; i <= n; i++) {
        if (i <= n / 2) { if (threads[i] > t1) t1 = threads[i] } else { if (threads[i] > t2) t2 = threads[i] }
      }
      printf "%.1f %.1f %d %d %d %d\n", h1, h2, t1, t2, pool, n }' "$samples")
  {
    echo "### Soak: ${SOAK_SECONDS} s of mixed load"
    echo
    echo "One instance. The driver: 4 closed-loop workers (70% reads, 30% note writes) and 0.2 logins/s; plus"
    echo "\`wrk -t1 -c2\` on \`GET /api/notes?limit=10\` with a bearer token. \`/metrics\` every 30 s; a full GC (\`jcmd <pid> GC.run\`) forced at 60 s and after the load."
    echo
    echo "| t s | heap used MB | old gen MB | jvm_gc_live_data_size MB | live threads | Hikari active | idle | total | pending | after a forced full GC |"
    echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"
    awk '{ t = $10; for (i = 11; i <= NF; i++) t = t " " $i
      printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, $8, $9, t }' "$samples"
    echo
    cat "$RUN/soak.table.md"
    echo
    echo "| expectation | measured | verdict |"
    echo "| --- | --- | --- |"
    echo "| live set flat: old gen right after a forced full GC, at 60 s / after the load | ${h1} / ${h2} MB | $(verdict "awk -v a=$h1 -v b=$h2 'BEGIN { exit !(b > 0 && b <= a * 1.1 + 2) }'") |"
    echo "| live threads flat (highest, first half / second half of the samples from 30 s) | ${t1} / ${t2} | $(trend "$n" "((t2 <= t1 + 5))") |"
    echo "| Hikari pool total stays 10 | $([[ $pool_changed == 0 ]] && echo "always 10" || echo "changed") | $(verdict "((pool_changed == 0))") |"
    echo "| no errors: driver | ${failed:-0} failed of $(value soak requests) | $(verdict "((${failed:-0} == 0))") |"
    echo "| no errors: wrk | ${wrk_requests:-?} requests, non-2xx: ${wrk_non2xx:-0}${wrk_socket:+, $wrk_socket} | $(verdict "[[ -z \"$wrk_non2xx$wrk_socket\" ]]") |"
    echo "| no errors: server ERROR log lines | ${errors} | $(verdict "((errors == 0))") |"
    writes_row "$lost"
  } >"$r"
}

# --- main -----------------------------------------------------------------------------------------

require_tools
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
SVC_DIR="$OUT/svc" TOOLS_JAR="$OUT/benchmarks.jar"
build
LOGS="$OUT/logs" RUN="$OUT/run"
rm -rf "$LOGS" "$RUN" && mkdir -p "$LOGS" "$RUN"
prepare_db
LOAD_AT_START=$(cut -d' ' -f1-3 /proc/loadavg)
VERSION=$("$JAVA" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.runtime.version/ { print $2 }')
log "JDK $VERSION; scenarios: $SCENARIOS; results in $OUT/results.md"
for scenario in $SCENARIOS; do
  case $scenario in
    outage | shutdown | scaleout | soak | flood) log "scenario $scenario"; "scenario_$scenario" ;;
    *) die "unknown scenario '$scenario' in SCENARIOS (outage shutdown scaleout soak flood)" ;;
  esac
done
{
  echo "## Run of $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "JDK $VERSION, $(nproc) cores ($(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)), \`$JAVA_OPTS\`;"
  echo "load average at start: $LOAD_AT_START, at end: $(cut -d' ' -f1-3 /proc/loadavg). Scenarios: $SCENARIOS."
  for scenario in $SCENARIOS; do echo; cat "$RUN/$scenario.md"; done
} | tee "$OUT/results.md"
trim_logs
