# Where a server's console goes while the harness measures it; sourced by load.sh, ab.sh,
# cpu-by-thread.sh and profile.sh.
#
# In production a service's console is a pipe: a container runtime or systemd reads it and ships the
# lines on, in a process of its own. So by default the harness gives each server a pipe too, read by a
# grep that keeps every line but the access log's in the server's log file; the server pays for
# writing its lines into the pipe, as it would in production, and the file stays small.
# CONSOLE=file writes the console straight into the file instead, as rounds 1 to 5 of BENCHMARKS.md
# did: the server then also pays for growing a file by about 15 MB a second under load, which cost
# from 0.2 to 1.2 µs per request depending on the machine's history (BENCHMARKS.md, round 6).
CONSOLE=${CONSOLE:-pipe}
[[ $CONSOLE == pipe || $CONSOLE == file ]] || { echo "CONSOLE must be pipe or file, not $CONSOLE" >&2; exit 1; }

# Starts a command in the background with its console going to a log file; sets SERVER_PID to its pid.
start_logged() { # log-file command...
  local log=$1
  shift
  if [[ $CONSOLE == file ]]; then
    "$@" >"$log" 2>&1 &
  else
    "$@" > >(grep --line-buffered -v 'dev\.mainstay\.access' >"$log") 2>&1 &
  fi
  SERVER_PID=$!
}
