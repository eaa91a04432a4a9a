#!/bin/sh
# Writes the version-1 scene files in this folder (a step size in every method's struct:
# "config.adam.lr", "config.newton.eta"), with gradlab as of commit 48b87cd, the last to write
# version 1. tests/app/test_optimizer_scene.cpp checks they still load, with the runs that
# version gave (the step counts below, printed by that gradlab's `trace` with the same settings).
# Usage: sh make_v1_scenes.sh PATH/TO/OLD/gradlab
set -e
G=${1:?give the path of a gradlab built at 48b87cd}
out=$(mktemp -d)
cd "$(dirname "$0")"
# adam at 0.05 from (-1, 1.5) on Rosenbrock: converged in 2114 steps.
"$G" export --lab optimizer --out-dir "$out" --function rosenbrock --method adam --lr 0.05 \
  --start=-1,1.5 --save-scene v1-adam.json
# Compare mode on Himmelblau, --lr 0.02 for all but Newton, from (0, 0): gd 28 steps, momentum 225,
# adam 369, newton 4 (to the maximum f = 181.6165).
"$G" export --lab optimizer --out-dir "$out" --function himmelblau --compare --lr 0.02 \
  --save-scene v1-compare.json
# Damped Newton at eta 0.3 on Rosenbrock's three starts: converged in 70, 79 and 55 steps.
"$G" export --lab optimizer --out-dir "$out" --function rosenbrock --method damped-newton \
  --lr 0.3 --save-scene v1-damped.json
rm -rf "$out"
