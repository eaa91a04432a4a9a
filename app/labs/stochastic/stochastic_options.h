// The Stochastic lab's own command-line options (gui, render, bench-frames, export), applied on
// top of the default scene: "" or a one-line problem naming the option.
#pragma once

#include <string>
#include <vector>

#include "app/labs/stochastic/stochastic_lab.h"

namespace gradlab {

// --scene FILE (first), --steps 1e-5,1e-4,1e-3, --iterations N, --starts N, --seed N,
// --samples N, --mean X,Y, --covariance S11,S12,S22, --at K (show iterates 0..K), then
// --save-scene FILE (last).
std::string applyStochasticOptions(StochasticLab& lab, const std::vector<std::string>& args);

// The options' one-line summary for --help.
constexpr const char* kStochasticOptionsHelp =
    "--scene FILE, --steps E1,E2,..., --iterations N, --starts N, --seed N, --samples N, "
    "--mean X,Y, --covariance S11,S12,S22, --at K, --save-scene FILE";

}  // namespace gradlab
