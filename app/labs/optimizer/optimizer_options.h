// The optimizer lab's own command-line options (gui, render, bench-frames: Lab::applyOptions):
// parsed, checked with the same words as `gradlab trace` (app/cli.h), then applied to the lab.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "app/labs/optimizer/optimizer_lab.h"

namespace gradlab {

struct OptimizerOptions {
  std::string function;           // --function: a built-in's name
  std::string expression;         // --expr: an f(x, y); an invalid one is a command-line error
  bool expression_given = false;  // --expr was given (even as "": "the expression is empty")
  std::string typed_expression;   // --type-expr: typed into the box; an error shows there
  std::string method;             // --method: a method's CLI name, e.g. "adam"
  double step_size = 0;           // --lr, when step_size_given; in the app's slider range
  bool step_size_given = false;
  std::vector<std::string> starts;  // --start X,Y (repeatable): replace the function's starts
  bool compare = false;             // --compare: GD, momentum, Adam, Newton from one start
  std::string tab;                  // --tab hessian|sweep: the tab under the curves
  std::vector<double> pin;          // --pin X,Y: pin the Hessian inspector there
  std::string scene;                // --scene FILE: a scene file (JSON) to start from
  std::string save_scene;           // --save-scene FILE: write the resulting scene there
};

void addOptimizerOptions(CLI::App& parser, OptimizerOptions& options);

// "" or the one-line problem: unknown function (with the valid names) or method, empty or
// malformed expression, --lr outside the app's range or given to newton, a bad --start, more
// starts than the lab can show, --method or several --start with --compare. Needs no window.
std::string checkOptimizerOptions(const OptimizerOptions& options);

// Checks, then applies the options on top of the lab's scene (a --scene file first, --save-scene
// last) and reruns it. --start replaces
// the starts; with --compare, --lr sets every compared method's step but Newton's (no step size).
std::string applyOptimizerOptions(OptimizerLab& lab, const OptimizerOptions& options);

}  // namespace gradlab
