#!/usr/bin/env bash
# The share of a core `gradlab gui` uses under Xvfb, with no input: settle for SETTLE seconds,
# then sample SAMPLE seconds of its CPU time (user + system, from /proc).
#   bash scripts/cpu-usage.sh SETTLE SAMPLE [gui options...]
#   bash scripts/cpu-usage.sh 3 4            # idle: goal under 1%
#   bash scripts/cpu-usage.sh 1 4 --play --lr 0.01   # playing 3 runs at 20 iterations/s
set -euo pipefail
cd "$(dirname "$0")/.."
settle=${1:?settle seconds}
sample=${2:?sample seconds}
shift 2
exe=${GRADLAB_EXE:-build/release/app/gradlab}
xvfb-run -a -s "-screen 0 1920x1080x24" bash -c '
  exe=$1; settle=$2; sample=$3; shift 3
  "$exe" gui "$@" >/dev/null 2>&1 &
  pid=$!
  sleep "$settle"
  a=$(awk "{print \$14 + \$15}" /proc/$pid/stat)
  sleep "$sample"
  b=$(awk "{print \$14 + \$15}" /proc/$pid/stat)
  kill $pid
  awk -v a="$a" -v b="$b" -v hz="$(getconf CLK_TCK)" -v s="$sample" \
    "BEGIN { printf \"%.1f%% of a core\n\", 100 * (b - a) / hz / s }"' _ "$exe" "$settle" "$sample" "$@"
