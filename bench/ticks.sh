# Sourced by the bench scripts: CPU clock ticks (user + system) of processes and their child processes, read
# from /proc, for the CPU per request around a wrk run (steadier than requests/s on a shared machine).
ticks() { # pid... -> ticks
  local p all=() t=0
  for p in "$@"; do all+=("$p" $(ps -o pid= --ppid "$p" 2>/dev/null || true)); done
  for p in "${all[@]}"; do
    [ -r "/proc/$p/stat" ] && t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat")))
  done
  echo "$t"
}
