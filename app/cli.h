// `gradlab trace`: run an optimizer on a function from the command line and print every iterate
// (CSV or JSON), no window needed. app/main.cpp registers the options and calls runTrace().
//
//   gradlab trace --function NAME | --expr "EXPR"  [--param k=v ...]
//                 --method gd|gd-armijo|momentum|nesterov|adagrad|rmsprop|adam|amsgrad|newton|
//                          damped-newton
//                 [--maximize | --minimize] [--lr ETA] [--momentum B] [--beta1 B1] [--beta2 B2]
//                 [--eps E] [--alpha A] [--start X,Y ...] [--tol T] [--max-iter N]
//                 [--format csv|json]
//   gradlab trace --list
//
// Output on `out`: CSV with the header `run,iter,x,y,f,grad_norm`, one row per iterate (iterate 0
// is the start; --max-iter N gives iterates 0..N unless a stop rule fires first), numbers with
// %.17g; or one JSON document (per run: start, status as runStatusName gives it, e.g.
// "converged", "plateau", "left-domain", status_iteration, message, hint, and every iterate).
// Then on `err` one line per run: "run R: <status message>".
// Direction: by default the function's own (two-bumps maximizes, everything else minimizes;
// an expression minimizes); --maximize or --minimize forces it.
// Hyperparameters left out take the method's default (PyTorch 1.13's; see core/run.h). An
// option that the method does not use (e.g. --beta1 with gd) is an error, not silently ignored.
// Exit codes: 0 when every run was carried out (whatever its status: a diverged run is a
// result); 2 on bad input, with one line on `err` starting "gradlab: error: " like every other
// command's (unknown function with the valid names, unknown method, bad --param, bad --start,
// invalid hyperparameter, --lr outside the app's range, empty or malformed expression).
#pragma once

#include <CLI/CLI.hpp>
#include <limits>
#include <ostream>
#include <string>
#include <vector>

#include "core/optimizers.h"

namespace gradlab {

struct TraceOptions {
  bool list = false;                // --list: print the functions and their parameters
  std::string function;             // --function NAME: a built-in
  std::string expr;                 // --expr "EXPR": a typed formula in x and y
  bool expr_given = false;          // --expr was on the command line (even as "")
  std::vector<std::string> params;  // --param k=v (repeatable): a built-in's parameter
  std::string method = "gd";        // --method
  bool maximize = false;            // --maximize: gradient ascent
  bool minimize = false;            // --minimize: descent even where the function maximizes
  // Hyperparameters; NaN means "the method's default".
  double lr = std::numeric_limits<double>::quiet_NaN();        // --lr (damped-newton: eta)
  double momentum = std::numeric_limits<double>::quiet_NaN();  // --momentum (sgd, rmsprop)
  double beta1 = std::numeric_limits<double>::quiet_NaN();     // --beta1 (adam, amsgrad)
  double beta2 = std::numeric_limits<double>::quiet_NaN();     // --beta2 (adam, amsgrad)
  double eps = std::numeric_limits<double>::quiet_NaN();       // --eps (adagrad, rmsprop, adam)
  double alpha = std::numeric_limits<double>::quiet_NaN();     // --alpha (rmsprop)
  std::vector<std::string> starts;  // --start X,Y (repeatable); default: the function's starts
  double tol = 1e-4;                // --tol: ||grad|| < tol stops; 0 disables
  double f_tol = 0;                 // --f-tol: |f_k - f_k-1| < f_tol stops; 0 (default) disables
  double w_tol = 0;                 // --w-tol: ||w_k - w_k-1|| < w_tol stops; 0 disables
  int max_iter = 10000;             // --max-iter: at most iterates 0..N
  std::string format = "csv";       // --format csv|json
};

// True when a file can be made in the existing directory `dir` (tried, not asked: access() says
// yes to root everywhere and knows nothing of read-only mounts).
bool canWriteIn(const std::string& dir);

// "1600x900" -> 1600, 900 (each 64 to 8192); "" or the one-line problem naming --size.
std::string parseSize(const std::string& text, int* width, int* height);

// Rejects what CLI11 would read as a number but no option can use: "nan", "inf", "1e999".
CLI::Validator finiteNumber();

// [SECTION] Checks shared by trace and render, so the commands agree with each other and with
// the app. Each returns "" when fine, else the one-line problem (printed after kErrorPrefix).
inline constexpr const char* kErrorPrefix = "gradlab: error: ";
// An unknown built-in's name, with the valid names and a pointer to --list.
std::string checkFunctionName(const std::string& name);
// An --expr that was given: blank text is "the expression is empty".
std::string checkExpressionText(const std::string& text);
// --lr for `method`: within the app's slider range (stepSizeRange in core/run.h); newton has none.
std::string checkStepSizeOption(double lr, Method method);
// "X,Y" -> point; false on anything else (trailing text, NaN, inf, a missing comma).
bool parseStartPoint(const std::string& text, Vec2* out);
// Why a file cannot be written at `path`: a directory, a missing or non-directory parent,
// or a parent that is not writable. Checked before any window is made.
std::string checkOutputFile(const std::string& path);

// Registers every option above on the `trace` subcommand.
void addTraceOptions(CLI::App& command, TraceOptions& options);

// Runs the trace; returns the exit code (0 or 2).
int runTrace(const TraceOptions& options, std::ostream& out, std::ostream& err);

}  // namespace gradlab
