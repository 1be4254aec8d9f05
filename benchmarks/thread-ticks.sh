# Reading a JVM's CPU time from /proc, and warming it until its JIT has settled; sourced by load.sh,
# ab.sh, cpu-by-thread.sh, profile.sh and startup-by-thread.sh.

# One line per thread of process $1: its id, its name (spaces as _) and its user + system CPU ticks.
# The name is cut before the fields are split: it may hold spaces ("C2 CompilerThread0").
thread_ticks() {
  local task
  for task in /proc/"$1"/task/*; do
    printf '%s %s %s\n' "${task##*/}" "$(tr ' ' _ <"$task/comm")" "$(sed 's/^.*) //' "$task/stat" | awk '{ print $12 + $13 }')"
  done 2>/dev/null
}

# An awk function that groups threads by name without their number: C2_CompilerThre0 -> C2_CompilerThre.
THREAD_GROUP='function group(name) { sub(/[-_#]*[0-9]+$/, "", name); return name }'

# User + system CPU ticks of process $1, all its threads together.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

# User + system CPU ticks of process $1's JIT compiler threads (C1 and C2).
jit_ticks() { thread_ticks "$1" | awk '$2 ~ /^C[12]_CompilerThre/ { sum += $3 } END { print sum + 0 }'; }

# Warms process $1 until its JIT has settled: runs the warm-up command "${@:2}" (a wrk run), again and again
# while the JIT compiler threads used SETTLED_PERCENT (10) or more of the process's CPU during the last run,
# at most SETTLE_MAX (12) times. Prints the runs made and the JIT's share of the last, in percent.
#
# Why: on 2 cores under load the compilers get what the request threads leave, so C2 may still be compiling
# the request path long after a fixed warm-up (BENCHMARKS.md, rounds 3 and 10). A measurement that starts
# then charges the compiling to the requests, and more to the server that has more code to compile.
settle_jit() {
  local pid=$1 runs=0 share=100 jit0 cpu0 jit cpu
  shift
  while ((runs < ${SETTLE_MAX:-12} && share >= ${SETTLED_PERCENT:-10})); do
    jit0=$(jit_ticks "$pid") cpu0=$(cpu_ticks "$pid")
    "$@" >/dev/null 2>&1 || true
    jit=$(($(jit_ticks "$pid") - jit0)) cpu=$(($(cpu_ticks "$pid") - cpu0))
    share=$((cpu > 0 ? jit * 100 / cpu : 0))
    runs=$((runs + 1))
  done
  echo "$runs $share"
}
