#!/usr/bin/env bash
# Renders the README's screenshots into assets/screenshots/ (needs xvfb-run and a built gradlab).
#   bash scripts/screenshots.sh [EXE]
set -euo pipefail
cd "$(dirname "$0")/.."
exe=${1:-build/release/app/gradlab}
out=assets/screenshots
render_lab() {
  local lab=$1 name=$2
  shift 2
  xvfb-run -a -s "-screen 0 1920x1080x24" "$exe" render --lab "$lab" --size 1600x900 \
    --out "$out/$name.png" "$@"
  echo "$out/$name.png"
}
render() {
  render_lab optimizer "$@"
}
render optimizer-dark
render optimizer-light --theme light
render optimizer-compare-rosenbrock --function rosenbrock --compare
render optimizer-inspector-saddle --function saddle --method newton --pin 0.6,0.4
render optimizer-projector-scale2 --ui-scale 2
render_lab activations activations-leaky-identity --identity leaky
render_lab stochastic stochastic-f1
render_lab backprop backprop-g1 --label 1
render_lab networks networks-b1-grid
render_lab elbows elbows-training --units 16 --steps 6000
render_lab elbows elbows-dead-relu --preset e3 --steps 6000
render_lab elbows elbows-dead-leaky --preset e3 --alpha 0.1 --steps 6000
xvfb-run -a -s "-screen 0 1920x1080x24" "$exe" render assets/scenes/e3-leaky-mid-training.json \
  --size 1600x900 --out "$out/elbows-leaky-mid-training.png"
echo "$out/elbows-leaky-mid-training.png"
# Presentation mode, and two homework figures as `gradlab export` writes them (no display needed).
render optimizer-presentation --presentation
figures=$(mktemp -d)
for scene in c4-eta-0.1 e1-case-3; do
  "$exe" export "assets/scenes/$scene.json" --out-dir "$figures" --size 800x600 >/dev/null
done
cp "$figures/c4-eta-0.1-map.png" "$out/figure-c4-eta-0.1-map.png"
cp "$figures/e1-case-3-unit.png" "$out/figure-e1-case-3-unit.png"
rm -rf "$figures"
echo "$out/figure-c4-eta-0.1-map.png $out/figure-e1-case-3-unit.png"
