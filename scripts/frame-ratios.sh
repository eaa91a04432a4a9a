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
# Each lab row's p99 over the mean of the round's two yardstick p99s, printed after the round.
ratios() {
  awk '/^yardstick/ { match($0, /p99_ms=[0-9.]+/); sum += substr($0, RSTART + 7, RLENGTH - 7); n++ }
       /p99_ms:/ { split($0, a, ":"); match($0, /p99_ms: [0-9.]+/); k++
                   row[k] = a[1]; p99[k] = substr($0, RSTART + 8, RLENGTH - 8) }
       END { for (i = 1; i <= k; i++) printf "ratio %.2f  %s (p99 %s ms)\n", p99[i] / (sum / n), row[i], p99[i] }'
}
for round in 1 2 3; do
  echo "round $round"
  {
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
  } | tee /tmp/gradlab-frame-round.$$
  ratios < /tmp/gradlab-frame-round.$$
done
rm -f /tmp/gradlab-frame-round.$$
