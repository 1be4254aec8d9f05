# Reading a JVM's CPU time per thread from /proc; sourced by cpu-by-thread.sh and startup-by-thread.sh.

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
