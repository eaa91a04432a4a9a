// The Activation lab's command-line options (gui, render, bench-frames, export):
//   --show relu,tanh   the activations shown (replaces the default set)
//   --alpha A          leaky ReLU's alpha; --elu-alpha A; --beta B (softplus)
//   --range MIN,MAX    the plotted x range
//   --identity NAME    an identity overlay (repeatable or comma-separated: leaky, tanh, ...)
//   --second           the second-derivative plot
//   --taylor DEGREE    the Taylor polynomial of sigmoid; --tolerance T
//   --scene FILE       start from a scene file; --save-scene FILE writes the result
#pragma once

#include <string>
#include <vector>

#include "app/labs/activations/activation_lab.h"

namespace gradlab {

// Parses and applies `args` on top of the lab's scene; "" or a one-line problem (the lab is then
// unchanged, except that a --scene file already read stays loaded).
std::string applyActivationOptions(ActivationLab& lab, const std::vector<std::string>& args);

}  // namespace gradlab
