#!/usr/bin/env bash
# The README's frame-time table: three rounds of 600 frames at 1600x900 per lab scenario, each
# round with the yardstick ../shared/tools/frame-reference.sh before and after, so every p99 can
# be read as a ratio to the yardstick's p99 in the same run. Run it on a quiet machine.
#   bash scripts/frame-ratios.sh [EXE]
set -uo pipefail
cd "$(dirname "$0")/.."
exe=${1:-build/release/app/gradlab}
yardstick=../shared/tools/frame-reference.sh
run() {
  xvfb-run -a -s "-screen 0 1920x1080x24" "$exe" bench-frames --size 1600x900 --frames 600 "$@" \
    2>&1 | grep -E "^p99_ms|^p50_ms|redrawn|damage_ms" | tr '\n' ' '
  echo
}
for round in 1 2 3; do
  echo "round $round"
  echo -n "yardstick: "; bash "$yardstick" 600 1600x900 2>&1 | grep -i p99
  echo -n "optimizer idle: "; run --lab optimizer
  echo -n "optimizer drag: "; run --lab optimizer --drag
  echo -n "networks drag: "; run --lab networks --drag
  # 60,000 steps/s at the bench's 60 frames a second: 1,000 SGD steps (batch 10) every frame.
  echo -n "elbows training: "
  run --lab elbows --units 64 --samples 200 --batch 10 --max-steps 1000000 --steps 0 \
    --play --speed 60000
  echo -n "stochastic playing: "; run --lab stochastic --animate
  echo -n "backprop, an input changing every frame: "; run --lab backprop --drag
  echo -n "yardstick: "; bash "$yardstick" 600 1600x900 2>&1 | grep -i p99
done
