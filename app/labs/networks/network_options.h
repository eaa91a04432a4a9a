// The Network lab's command-line options (gui, render, bench-frames, export):
//   --activations tanh,relu,linear   the grid's rows (1 to 4)
//   --seeds 1,2,3                    the grid's columns: one weight seed each (1 to 4)
//   --depth K, --width N             layers of weights, neurons per layer
//   --alpha A, --elu-alpha A, --beta B   leaky ReLU's alpha, ELU's alpha, softplus's beta
//   --init normal|torch, --no-bias, --linear-output
//   --input I, --output J            sweep x_I, plot y_J (from 1)
//   --range MIN,MAX, --inputs-seed S the sweep, and the seed of the fixed inputs
//   --panel grid|linear|symmetry     the controls' tab (B1 settings, B2, B3)
//   --scene FILE, --save-scene FILE
#pragma once

#include <string>
#include <vector>

#include "app/labs/networks/network_lab.h"

namespace gradlab {

inline constexpr const char* kNetworkOptionsHelp =
    "--activations NAME,..., --seeds S,..., --depth K, --width N, --alpha A, --elu-alpha A, "
    "--beta B, --init normal|torch, --no-bias, --linear-output, --input I, --output J, --range "
    "MIN,MAX, --inputs-seed S, --panel grid|linear|symmetry, --scene FILE, --save-scene FILE";

// Parses and applies `args` on top of the lab's scene; "" or a one-line problem (the lab is then
// unchanged, except that a --scene file already read stays loaded).
std::string applyNetworkOptions(NetworkLab& lab, const std::vector<std::string>& args);

}  // namespace gradlab
