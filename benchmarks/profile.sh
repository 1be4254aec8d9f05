#!/usr/bin/env bash
# Where does the time of one load scenario go? Runs a server under Java Flight Recorder while wrk drives
# one scenario, then prints the hottest methods (self time) and the share of samples per library
# (inclusive: a sample counts for every library on its stack).
#
#   benchmarks/profile.sh jwt-nocache        # Mainstay, GET /auth/json with the token cache off
#   SIDE=B benchmarks/profile.sh json        # the bare Javalin control, GET /json
#
# The recording starts once the server's JIT has settled (WARMUP-long wrk runs, repeated while its compilers
# used SETTLED_PERCENT, 10, or more of its CPU, at most SETTLE_MAX, 12), so it shows the steady state.
# SETTINGS=<file.jfc> samples with other JFR settings than "profile" (e.g. a 1 ms execution-sample period).
# Scenarios: json, jwt, jwt-nocache, db, error (as in load.sh). Needs benchmarks/target/benchmarks.jar
# (run load.sh once, or `mvn -B -P benchmarks -pl benchmarks -am package -DskipTests`). The recording
# stays in benchmarks/target/profile/<scenario>-<side>.jfr for JDK Mission Control.
set -euo pipefail

SCENARIO=${1:?usage: profile.sh json|jwt|jwt-nocache|db|error}
SIDE=${SIDE:-M}
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-10s}
CONNECTIONS=${CONNECTIONS:-64}
PORT=${PORT:-18091}
PG_URL=${PG_URL:-"jdbc:postgresql://127.0.0.1:5432/test?user=postgres"}
JAVA_OPTS=${JAVA_OPTS:-"-Xmx256m"}
# Debug information at every instruction, not only at safepoints and calls, so that JFR charges a sample
# to the method that was running rather than to the nearest call (BENCHMARKS.md, round 9).
PROFILE_OPTS="-XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints"
HERE=$(cd "$(dirname "$0")" && pwd)
source "$HERE/console.sh"
source "$HERE/thread-ticks.sh"
OUT="$HERE/target/profile"
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
JFR_TOOL=${JAVA_HOME:+$JAVA_HOME/bin/}jfr
JCMD=${JAVA_HOME:+$JAVA_HOME/bin/}jcmd

command -v wrk >/dev/null || { echo "wrk is missing. Install it with: apt-get install -y wrk" >&2; exit 1; }
[[ -f $HERE/target/benchmarks.jar ]] || { echo "benchmarks/target/benchmarks.jar is missing; build it first" >&2; exit 1; }
mkdir -p "$OUT"
name="$SCENARIO-$SIDE"
recording="$OUT/$name.jfr"
rm -f "$recording"

main_class=dev.mainstay.benchmarks.load.MainstayServer
[[ $SIDE == B ]] && main_class=dev.mainstay.benchmarks.load.BaselineServer
cache=10000
[[ $SCENARIO == jwt-nocache ]] && cache=0
start_logged "$OUT/$name.log" env BENCH_PORT="$PORT" BENCH_DB_URL="$PG_URL" \
  MAINSTAY_PROFILE=prod MAINSTAY_HTTP_HOST=127.0.0.1 MAINSTAY_HTTP_PORT="$PORT" MAINSTAY_DB_URL="$PG_URL" \
  MAINSTAY_DB_MIGRATE=false MAINSTAY_SECURITY_JWT_SECRET="$(head -c 32 /dev/urandom | base64)" \
  MAINSTAY_SECURITY_JWT_ISSUER=https://bench.example MAINSTAY_SECURITY_JWT_AUDIENCE=bench \
  MAINSTAY_SECURITY_JWT_CACHE_SIZE=$cache \
  "$JAVA" $JAVA_OPTS $PROFILE_OPTS -cp "$HERE/target/benchmarks.jar" "$main_class"
pid=$SERVER_PID
trap 'kill -TERM $pid 2>/dev/null || true; wait $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 9000); do curl -fso /dev/null "http://127.0.0.1:$PORT/json" && break; sleep 0.01; done

base="http://127.0.0.1:$PORT"
args=()
case $SCENARIO in
  json) url="$base/json" ;;
  jwt | jwt-nocache)
    [[ $SIDE == M ]] || { echo "the jwt scenarios exist only on Mainstay (SIDE=M)" >&2; exit 1; }
    token=$(curl -fs -X POST -H 'Content-Type: application/json' \
      -d '{"email":"bench@example.com","password":"correct horse battery staple"}' "$base/login" |
      sed -E 's/.*"token":"([^"]+)".*/\1/')
    url="$base/auth/json"
    args=(-H "Authorization: Bearer $token") ;;
  db) url="$base/"; args=(-s items.lua) ;;
  error) url="$base/validate?limit=abc" ;;
  *) echo "unknown scenario $SCENARIO" >&2; exit 1 ;;
esac

cd "$HERE/wrk"
read -r runs share < <(settle_jit "$pid" wrk -t1 -c"$CONNECTIONS" -d"$WARMUP" "${args[@]}" "$url")
echo "warm-up: $runs x $WARMUP, the JIT $share% of the CPU in the last"
"$JCMD" "$pid" JFR.start name=bench settings="${SETTINGS:-profile}" >/dev/null
wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --latency "${args[@]}" "$url" | grep -E 'Requests/sec|99%'
"$JCMD" "$pid" JFR.dump name=bench filename="$recording" >/dev/null

"$JFR_TOOL" print --events jdk.ExecutionSample --stack-depth 96 "$recording" | awk -v title="$name" '
  function category(frame) {
    if (frame ~ /^io\.jsonwebtoken\./) return "jjwt"
    if (frame ~ /^(sun\.security\.|javax\.crypto\.|com\.sun\.crypto\.|java\.security\.)/) return "JDK crypto"
    if (frame ~ /^dev\.mainstay\.security\./) return "mainstay-security"
    if (frame ~ /^dev\.mainstay\.persistence\./) return "mainstay-persistence"
    if (frame ~ /^dev\.mainstay\.core\./) return "mainstay-core"
    if (frame ~ /^ch\.qos\.logback\./) return "logback"
    if (frame ~ /^io\.micrometer\./) return "micrometer"
    if (frame ~ /^com\.fasterxml\.jackson\./) return "jackson"
    if (frame ~ /^org\.jooq\./) return "jooq"
    if (frame ~ /^org\.postgresql\./) return "pgjdbc"
    if (frame ~ /^com\.zaxxer\.hikari\./) return "hikari"
    if (frame ~ /^io\.javalin\./) return "javalin"
    if (frame ~ /^org\.eclipse\.jetty\./) return "jetty"
    return ""
  }
  /stackTrace = \[/ { inside = 1; depth = 0; delete seen; delete mine; samples++; next }
  inside && /^[ \t]*\]/ { inside = 0; for (c in seen) incl[c]++; next }
  inside {
    frame = $1
    sub(/\(.*/, "", frame)
    if (frame == "...") next
    if (depth++ == 0) self[frame]++
    if (frame ~ /^(dev\.mainstay|org\.jooq|ch\.qos\.logback|io\.micrometer|io\.jsonwebtoken|com\.fasterxml)\./ && !(frame in mine)) {
      mine[frame] = 1
      inclusive[frame]++
    }
    c = category(frame)
    if (c != "") seen[c] = 1
  }
  END {
    printf "\n%s: %d execution samples\n\nTop methods (self):\n", title, samples
    n = 0
    for (f in self) order[++n] = f
    for (i = 2; i <= n; i++) { t = order[i]; for (j = i - 1; j > 0 && self[order[j]] < self[t]; j--) order[j + 1] = order[j]; order[j + 1] = t }
    for (i = 1; i <= n && i <= 20; i++) printf "  %5.1f%%  %s\n", 100 * self[order[i]] / samples, order[i]
    printf "\nSamples with the library on the stack (inclusive):\n"
    m = 0
    for (c in incl) cats[++m] = c
    for (i = 2; i <= m; i++) { t = cats[i]; for (j = i - 1; j > 0 && incl[cats[j]] < incl[t]; j--) cats[j + 1] = cats[j]; cats[j + 1] = t }
    for (i = 1; i <= m; i++) printf "  %5.1f%%  %s\n", 100 * incl[cats[i]] / samples, cats[i]
    printf "\nMainstay, jOOQ, Logback, Micrometer, jjwt and Jackson methods (inclusive):\n"
    k = 0
    for (f in inclusive) meth[++k] = f
    for (i = 2; i <= k; i++) { t = meth[i]; for (j = i - 1; j > 0 && inclusive[meth[j]] < inclusive[t]; j--) meth[j + 1] = meth[j]; meth[j + 1] = t }
    for (i = 1; i <= k && i <= 25; i++) printf "  %5.1f%%  %s\n", 100 * inclusive[meth[i]] / samples, meth[i]
  }'
