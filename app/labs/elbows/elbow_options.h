// The elbow lab's command-line options (gui, render, bench-frames, export), applied on top of
// the default scene: "" or a one-line problem.
#pragma once

#include <string>
#include <vector>

#include "app/labs/elbows/elbow_lab.h"

namespace gradlab {

inline constexpr const char* kElbowOptionsHelp =
    "--scene FILE, --preset default|e3, --case 1..4 (E1), --unit-steps N, --one-unit, --data "
    "sine|abs|step|cubic, --samples N, --units P, --dead-units K, --relu, --alpha A (leaky), "
    "--optimizer sgd|adam, --lr ETA, --batch B, --seed S, --max-steps N, --steps N (pre-train), "
    "--speed S, --play, --contributions, --no-bends, --save-scene FILE";

std::string applyElbowOptions(ElbowLab& lab, const std::vector<std::string>& args);

}  // namespace gradlab
