// The Backprop lab's command-line options (gui, render, bench-frames, export):
//   --graph g1|g2|expr  the graph shown (--expr alone picks expr)
//   --expr "EXPR"       the typed graph's formula; --at X,Y its point
//   --g2 A,B            G2's inputs a and b
//   --label 0|1         G1's true class; --step-size ETA; --steps N gradient steps taken
//   --select NAME       the node whose adjoint sum is written out ("b", "h2", "x")
//   --scene FILE        start from a scene file; --save-scene FILE writes the result
#pragma once

#include <string>
#include <vector>

#include "app/labs/backprop/backprop_lab.h"

namespace gradlab {

constexpr const char* kBackpropOptionsHelp =
    "--graph g1|g2|expr, --expr EXPR, --at X,Y, --g2 A,B, --label 0|1, --step-size ETA, "
    "--steps N, --select NODE, --scene FILE, --save-scene FILE";

// Parses and applies `args` on top of the lab's scene; "" or a one-line problem (the lab is then
// unchanged, except that a --scene file already read stays loaded).
std::string applyBackpropOptions(BackpropLab& lab, const std::vector<std::string>& args);

}  // namespace gradlab
