#!/usr/bin/env bash
# Soak test: drives `gradlab gui` with seeded random real input (xdotool under Xvfb) for a bounded
# time and samples its resident memory, to catch leaks and crashes that unit tests miss.
#
#   scripts/soak.sh [SECONDS] [EXE]      defaults: 60 s, build/release/app/gradlab
#
# Input, mostly in the optimizer lab at 1600x900: clicks, drags, right-clicks and right-drags
# and wheel turns on the map and the curve plots, clicks in the controls, step sizes typed into
# the step-size box, functions and methods picked from their lists, lab switches (Ctrl+1..6),
# and stray keys. RSS is read from /proc/PID/status every SOAK_SAMPLE seconds into a CSV
# (t_s,rss_kb,actions), and every action is logged to actions.csv (t_s,action,args,lab: the time
# its batch started, what it is, its xdotool words, and the lab the driver last switched to -
# Ctrl+1..6 are ignored while a text box has focus, so that column is the driver's intent), to
# tell which action a jump in RSS follows.
#
# Exit status (the last line says which):
#   0  passed
#   1  the app died, or its RSS grew by more than SOAK_BOUND_MB after the warm-up: the median
#      RSS of the last 30 s against the median of the 30 s after the warm-up (medians, so one
#      large run that comes and goes is not growth; windows of a third of the time after the
#      warm-up in short runs). The warm-up is 60 s, or 20 s for runs shorter than 2 minutes.
#   2  the soak could not start (no Xvfb, xdotool, executable or window)
#
# Environment (all optional):
#   SOAK_SEED=1           random seed: the same seed gives the same sequence of actions
#   SOAK_OUT=build/soak   where soak.csv, actions.csv and gradlab.log go (relative to the repository)
#   SOAK_BOUND_MB=10      allowed RSS growth after the warm-up
#   SOAK_WARMUP=S         warm-up seconds (default above)
#   SOAK_SAMPLE=5         seconds between RSS samples
#   SOAK_WRAP="..."       a command put before EXE, e.g. "heaptrack -o build/soak/ht"
#   SOAK_SMAPS=1          also keep /proc/PID/smaps at every sample (smaps-T.txt): what grows
#   SOAK_SHOTS=1          also keep a screenshot at every sample (shot-T.png; needs ImageMagick's
#                         import): which lab and state the app was in
#
# After the verdict, a line from the app says what its idle heap trims cost (app/heap_trim.h).
#
# Needs Xvfb and xdotool (Debian: xvfb, xdotool). Every process it starts is killed on exit.
set -uo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
duration=${1:-60}
exe=${2:-$repo/build/release/app/gradlab}
seed=${SOAK_SEED:-1}
out=${SOAK_OUT:-$repo/build/soak}
bound_mb=${SOAK_BOUND_MB:-10}
sample=${SOAK_SAMPLE:-5}

die() {  # cannot start: one line, exit 2
  echo "soak: error: $*" >&2
  exit 2
}
if [[ ! $duration =~ ^[0-9]+$ ]] || ((duration < 10)); then
  die "SECONDS must be a whole number >= 10"
fi
if [[ -n ${SOAK_WARMUP:-} ]]; then
  warmup=$SOAK_WARMUP
elif ((duration >= 120)); then
  warmup=60
else
  warmup=20
fi
((warmup < duration)) || die "the warm-up (${warmup} s) must be shorter than the run"
[[ -x $exe ]] || die "no executable at $exe (build it: cmake --build build/release --target gradlab)"
exe=$(realpath "$exe")
command -v Xvfb >/dev/null || die "Xvfb not found (apt-get install xvfb)"
command -v xdotool >/dev/null || die "xdotool not found (apt-get install xdotool)"
mkdir -p "$out" || die "cannot create $out"
out=$(realpath "$out")
csv=$out/soak.csv
actions_csv=$out/actions.csv
log=$out/gradlab.log

xvfb_pid="" app_pid="" gradlab_pid="" wid="" win_x=0 win_y=0
cleanup() {
  # The app first (Ctrl+Q, so a wrapper such as heaptrack sees a normal exit; then TERM, then
  # KILL), then the X server; only processes this script started.
  if [[ -n $wid ]] && kill -0 "${app_pid:-0}" 2>/dev/null; then
    # XTEST input (GLFW ignores events sent to a window with --window); Escape leaves a text box
    timeout 5 xdotool mousemove $((win_x + 800)) $((win_y + 400)) keydown Escape sleep 0.2 \
      keyup Escape sleep 0.2 keydown ctrl+q sleep 0.3 keyup ctrl+q \
      >/dev/null 2>&1
    for _ in $(seq 40); do
      kill -0 "$app_pid" 2>/dev/null || break
      sleep 0.5
    done
  fi
  for pid in $gradlab_pid $app_pid; do kill -TERM "$pid" 2>/dev/null; done
  for _ in 1 2 3 4 5 6 7 8 9 10; do
    kill -0 "${app_pid:-0}" 2>/dev/null || break
    sleep 0.5
  done
  for pid in $gradlab_pid $app_pid; do kill -KILL "$pid" 2>/dev/null; done
  [[ -n $xvfb_pid ]] && kill -TERM "$xvfb_pid" 2>/dev/null
  wait 2>/dev/null
  # What the idle heap trims cost (the app prints it at a normal exit, GRADLAB_TRIM_REPORT=1).
  [[ -n $wid ]] && grep -h '^heap trims:' "$log" 2>/dev/null | sed 's/^/soak: /'
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A free display number: no lock file and no socket.
display=""
for n in $(seq $((90 + $$ % 50)) 199); do
  if [[ ! -e /tmp/.X$n-lock && ! -e /tmp/.X11-unix/X$n ]]; then
    display=$n
    break
  fi
done
[[ -n $display ]] || die "no free X display number"
Xvfb ":$display" -screen 0 1600x900x24 -nolisten tcp >"$out/xvfb.log" 2>&1 &
xvfb_pid=$!
export DISPLAY=":$display"
for _ in $(seq 50); do
  [[ -e /tmp/.X11-unix/X$display ]] && break
  sleep 0.1
done
[[ -e /tmp/.X11-unix/X$display ]] || die "Xvfb did not start on :$display (see $out/xvfb.log)"

# In a subshell that records the exit status, and whose stderr (where bash reports a command
# killed by a signal) is the log.
rm -f "$out/exit-status"
(
  # In the output folder: a scene the random input saves (File > Save) lands there.
  cd "$out" || exit 2
  # shellcheck disable=SC2086  # SOAK_WRAP is a command line on purpose
  GRADLAB_TRIM_REPORT=1 ${SOAK_WRAP:-} "$exe" gui
  echo "$?" >"$out/exit-status"
) >"$log" 2>&1 &
app_pid=$!
# gradlab runs as a child of that subshell (and of a wrapper such as heaptrack): the window's
# owner is the process to watch.
wid=$(timeout 60 xdotool search --sync --onlyvisible --name '^gradlab$' 2>/dev/null | head -1)
[[ -n $wid ]] || die "no gradlab window within 60 s (see $log)"
gradlab_pid=$(xdotool getwindowpid "$wid" 2>/dev/null || echo "$app_pid")
[[ -r /proc/$gradlab_pid/status ]] || gradlab_pid=$app_pid
[[ $gradlab_pid == "$app_pid" ]] && gradlab_pid=""
watched=${gradlab_pid:-$app_pid}
# Where the window is on the screen (0,0 without a window manager); input is placed relative.
read -r win_x win_y < <(xdotool getwindowgeometry --shell "$wid" |
  awk -F= '$1 == "X" {x = $2} $1 == "Y" {y = $2} END {print x + 0, y + 0}')
batch=3  # actions per xdotool run
echo "$watched" >"$out/gradlab.pid"

rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$watched/status" 2>/dev/null; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$watched/stat" 2>/dev/null; }

# --- Input ------------------------------------------------------------------------------------
# Window coordinates at 1600x900 (scale 1): the regions the optimizer lab draws. The generator is
# the script's own (bash reseeds $RANDOM in every subshell), so a seed replays the same input.
rng=$((seed * 2654435761 % 4294967296 + 1))
rnd() {  # R = uniform in [lo, hi]
  rng=$(((rng * 1103515245 + 12345) % 2147483648))
  R=$(($1 + (rng >> 8) % ($2 - $1 + 1)))
}
xdo() { timeout 10 xdotool "$@" >/dev/null 2>&1; }
# Actions are xdotool commands chained on one command line (starting xdotool costs ~0.1 s on a
# busy machine, a chained command next to nothing): act() appends one action to `cmd`, and the
# main loop runs `batch` of them per xdotool.
cmd=()
move() { cmd+=(mousemove $((win_x + $1)) $((win_y + $2))); }
# Keys are held for a moment: ImGui 1.86 reads key state once a frame, so a press and release
# between two frames would be lost (mouse clicks are latched by its GLFW backend).
press() { cmd+=(keydown "$1" sleep 0.06 keyup "$1"); }
map_xy() { rnd 500 1100; PX=$R; rnd 70 730; PY=$R; }  # P = a point on the map
plot_xy() {                                            # P = a point in a curve plot
  rnd 1205 1560; PX=$R
  rnd 0 1
  if ((R)); then rnd 115 265; else rnd 360 500; fi
  PY=$R
}

drag() {  # drag BUTTON AREA [MODIFIER]: from one random point of AREA (map_xy, plot_xy) to another
  local button=$1 area=$2 mod=${3:-} x0 y0 x1 y1 steps i
  $area; x0=$PX; y0=$PY
  $area; x1=$PX; y1=$PY
  move "$x0" "$y0"
  [[ -n $mod ]] && cmd+=(keydown "$mod")
  cmd+=(mousedown "$button")
  rnd 3 8; steps=$R
  for ((i = 1; i <= steps; ++i)); do
    cmd+=(sleep 0.03)
    move $((x0 + (x1 - x0) * i / steps)) $((y0 + (y1 - y0) * i / steps))
  done
  cmd+=(sleep 0.03 mouseup "$button")
  [[ -n $mod ]] && cmd+=(keyup "$mod")
}

type_step_size() {  # click the exact-value box next to the step-size slider, type, Enter or Tab
  local values=(0.01 0.05 0.1 0.2 0.3 0.5 1 2 0.001 1e-4 0.25 0.07 5 0 -1 abc 100)
  rnd 215 295; move "$R" 269
  cmd+=(click 1 sleep 0.05)
  press ctrl+a
  rnd 0 $((${#values[@]} - 1))
  cmd+=(type --delay 20 "${values[R]}")
  rnd 0 3
  if ((R == 0)); then press Tab; else press Return; fi
}

pick_from_list() {  # open the function (or method) list at height Y and click an entry
  local y=$1
  rnd 20 390; move "$R" "$y"
  cmd+=(click 1 sleep 0.15)
  rnd 20 390; local x=$R
  rnd $((y + 20)) $((y + 440)); move "$x" "$R"
  cmd+=(sleep 0.05 click 1)
}

stray_key() {
  local keys=(Up Down Left Right Tab space Return Escape BackSpace Delete Home End Page_Up
    Page_Down 1 2 5 0 period minus x y a s)
  rnd 0 $((${#keys[@]} - 1))
  press "${keys[R]}"
}

switch_lab() {  # another lab for a moment, mostly back to the optimizer
  rnd 2 6; press "ctrl+$R"
  lab=$R
  rnd 1 5; cmd+=(sleep "0.$R")
  rnd 0 4
  if ((R)); then
    press ctrl+1
    lab=1
  fi
}

# The action log: the lab the driver last switched to (1-based, as Ctrl+N), and the batch's lines.
lab_names=(- optimizer activations networks elbows stochastic backprop)
lab=1
logged=""

act() {
  local r name first=${#cmd[@]} in_lab=$lab
  rnd 0 99; r=$R
  if ((r < 14)); then     # click the map: adds a start (or lands on one)
    name=map-click
    map_xy; move "$PX" "$PY"; cmd+=(click 1)
  elif ((r < 24)); then   # drag on the map: moves a start, or Shift-pans
    rnd 0 1
    if ((R)); then
      name=map-shift-drag; drag 1 map_xy shift
    else
      name=map-drag; drag 1 map_xy
    fi
  elif ((r < 31)); then   # right-click the map: deletes a start
    name=map-right-click
    map_xy; move "$PX" "$PY"; cmd+=(click 3)
  elif ((r < 36)); then   # right-drag the map: box zoom
    name=map-right-drag
    drag 3 map_xy
  elif ((r < 46)); then   # wheel on the map or a curve plot
    rnd 0 2
    if ((R)); then name=map-wheel; map_xy; else name=plot-wheel; plot_xy; fi
    move "$PX" "$PY"
    rnd 4 5; local button=$R
    rnd 1 4; cmd+=(click --repeat "$R" --delay 30 "$button")
  elif ((r < 52)); then   # drag / right-drag / click / double-click on a curve plot
    rnd 0 3
    case $R in
      0) name=plot-drag; drag 1 plot_xy ;;
      1) name=plot-right-drag; drag 3 plot_xy ;;
      2) name=plot-click; plot_xy; move "$PX" "$PY"; cmd+=(click 1) ;;
      3) name=plot-double-click; plot_xy; move "$PX" "$PY"; cmd+=(click --repeat 2 --delay 60 1) ;;
    esac
  elif ((r < 62)); then   # hover around the map (the inspector follows the mouse)
    name=map-hover
    map_xy; move "$PX" "$PY"; cmd+=(sleep 0.05)
    map_xy; move "$PX" "$PY"
  elif ((r < 72)); then   # a click anywhere in the controls (buttons, boxes, headers)
    name=controls-click
    rnd 10 410; local x=$R
    rnd 60 860; move "$x" "$R"; cmd+=(click 1)
  elif ((r < 79)); then
    name=type-step-size
    type_step_size
  elif ((r < 83)); then
    name=pick-function
    pick_from_list 96       # the function list
  elif ((r < 85)); then
    name=pick-method
    pick_from_list 242      # the method list
  elif ((r < 88)); then   # the right panel: Hessian / step-size sweep tabs, log-scale box
    name=right-panel-click
    rnd 0 2
    case $R in
      0) move 1178 582 ;;
      1) move 1278 582 ;;
      2) move 1156 69 ;;
    esac
    cmd+=(click 1)
  elif ((r < 90)); then   # reset view, Play, Show all
    name=view-button-click
    rnd 0 2
    case $R in
      0) move 1093 845 ;;
      1) move 27 586 ;;
      2) move 201 586 ;;
    esac
    cmd+=(click 1)
  elif ((r < 97)); then
    name=stray-key
    stray_key
  else
    name=switch-lab
    switch_lab
  fi
  # The xdotool words without the pause below (no commas in them: a CSV field as it is).
  logged+="$t_batch,$name,${cmd[*]:first},${lab_names[in_lab]}"$'\n'
  rnd 2 9
  cmd+=(sleep "0.0$R")  # a short pause between actions, as a hand makes
}

# --- Run --------------------------------------------------------------------------------------
echo "t_s,rss_kb,actions" >"$csv"
echo "t_s,action,args,lab" >"$actions_csv"
start=${EPOCHREALTIME/./}
elapsed() { echo $(((${EPOCHREALTIME/./} - start) / 1000000)); }
alive() {  # the watched process exists and is not a zombie (no fork: this runs every action)
  local stat
  read -r stat 2>/dev/null <"/proc/$watched/stat" || return 1
  [[ ${stat##*) } != Z* ]]
}
cpu0=$(cpu_ticks)
xvfb_ticks() { awk '{print $14 + $15}' "/proc/$xvfb_pid/stat" 2>/dev/null; }
xcpu0=$(xvfb_ticks)
actions=0 next_sample=0 status=""
while :; do
  t=$(((${EPOCHREALTIME/./} - start) / 1000000))
  if ! alive; then
    status="died"
    break
  fi
  if ((t >= next_sample)); then
    echo "$t,$(rss_kb),$actions" >>"$csv"
    [[ -n ${SOAK_SMAPS:-} ]] && cat "/proc/$watched/smaps" >"$out/smaps-$t.txt" 2>/dev/null
    [[ -n ${SOAK_SHOTS:-} ]] && timeout 10 import -window root "$out/shot-$t.png" 2>/dev/null
    next_sample=$(((t / sample + 1) * sample))
  fi
  ((t >= duration)) && break
  cmd=() logged=""
  now=${EPOCHREALTIME/./}
  t_batch=$(((now - start) / 1000000)).$((((now - start) / 100000) % 10))
  for ((i = 0; i < batch; ++i)); do act; done
  printf '%s' "$logged" >>"$actions_csv"
  xdo "${cmd[@]}"
  actions=$((actions + batch))
done
cpu1=$(cpu_ticks)
xcpu1=$(xvfb_ticks)
# The driver's own CPU: this shell and its finished children (xdotool, timeout, awk).
times >"$out/times.txt"  # a builtin: this shell's figures, not a subshell's
driver_s=$(awk 'NR == 2 {split($1, a, "m"); split($2, b, "m");
  printf "%.0f", a[1] * 60 + a[2] + b[1] * 60 + b[2]}' "$out/times.txt")

if [[ $status == died ]]; then
  wait "$app_pid" 2>/dev/null
  code=$(cat "$out/exit-status" 2>/dev/null || echo "?")
  ((code > 128)) 2>/dev/null && code="$code, signal $((code - 128))"
  echo "soak: FAIL: gradlab died after $(elapsed) s and $actions actions (exit $code, seed $seed; see $log, $csv)"
  exit 1
fi

# Growth after the warm-up (see the top); the slope is a least-squares fit over every sample
# after the warm-up, in MB per minute.
window=$(((duration - warmup) / 3 < 30 ? (duration - warmup) / 3 : 30))
read -r base last peak slope < <(awk -F, -v w="$warmup" -v d="$duration" -v win="$window" '
  function median(a, n,   i, j, t) {
    for (i = 2; i <= n; ++i) for (j = i; j > 1 && a[j - 1] > a[j]; --j) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
    return n ? (n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2) : 0 }
  NR > 1 && $1 >= w {
    if ($1 <= w + win) first[++nf] = $2
    if ($1 >= d - win) lastw[++nl] = $2
    if ($2 > peak) peak = $2
    n++; sx += $1; sy += $2; sxx += $1 * $1; sxy += $1 * $2 }
  END { den = n * sxx - sx * sx
        printf "%d %d %d %.2f\n", median(first, nf), median(lastw, nl), peak,
               (n > 1 && den > 0) ? (n * sxy - sx * sy) / den * 60 / 1024 : 0 }' "$csv")
ticks=$(getconf CLK_TCK)
cpu_of() {
  awk -v a="${1:-0}" -v b="${2:-0}" -v t="$ticks" -v d="$duration" \
    'BEGIN {printf "%.0f s CPU (%.0f%% of a core)", (b - a) / t, 100 * (b - a) / t / d}'
}
cpu="$(cpu_of "$cpu0" "$cpu1"), Xvfb $(cpu_of "$xcpu0" "$xcpu1"), driver ${driver_s} s CPU"
growth_kb=$((last - base))
summary="RSS $((base / 1024)) MB after ${warmup} s, $((last / 1024)) MB at the end (medians of ${window} s),"
summary+=" peak $((peak / 1024)) MB;"
summary+=" slope $slope MB/min after ${warmup} s; $actions actions in ${duration} s; gradlab $cpu"
if ((growth_kb > bound_mb * 1024)); then
  echo "soak: FAIL: RSS grew $((growth_kb / 1024)) MB (> $bound_mb MB) after ${warmup} s: $summary (seed $seed; $csv)"
  exit 1
fi
echo "soak: ok: $summary"
