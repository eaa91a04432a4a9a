// Runs: a method repeated from a start until a stop rule fires, recording every iterate, ending
// with an explicit status, the iteration it happened at and a one-line message for the UI.
#pragma once

#include <string>
#include <vector>

#include "core/analysis.h"
#include "core/objective.h"
#include "core/optimizers.h"

namespace gradlab {

// When a run stops. A tolerance of 0 disables its rule.
struct StopRules {
  double grad_tol = 1e-4;         // ||grad f|| < grad_tol -> converged (EXERCISES C4)
  double f_tol = 0;               // |f_k - f_{k-1}| < f_tol -> converged
  double x_tol = 0;               // ||w_k - w_{k-1}|| < x_tol -> converged
  int max_iterations = 10000;     // iterates 0..max_iterations at most
  double divergence_bound = 1e8;  // ||w|| > bound, or a non-finite w, f or grad -> diverged
  // Plateau (EXERCISES C4, eta = 5): a tolerance rule fired on a flat plain, not at an optimum.
  // With best = the best f seen in the run (max when maximizing, min when minimizing), attained
  // at w_best, gap = |best - f_end| and L = ||w_best - w_end||, the stop is reported as Plateau
  // when both
  //   gap > plateau_gap * max(|best|, |f_end|)        (f is far from the best seen), and
  //   max |eigenvalue of H(w_end)| * L^2 / 2 <= plateau_curvature * gap
  // The second test compares two changes of f: the quadratic model at w_end, with its largest
  // curvature (units f / w^2), changes f by |lambda| L^2 / 2 over the distance L back to the best
  // point. At a genuine optimum below the best seen that is comparable to the gap (1.7 gaps for
  // two Gaussian bumps), on a plain a tiny fraction of it (C4: at most 0.0035). Both tests are
  // unchanged by scaling f by a positive factor and by stretching w (f(w / s) run from s w0 with
  // lr s^2 lr0 and grad_tol / s is classified as f from w0).
  double plateau_gap = 0.5;
  double plateau_curvature = 1e-2;  // dimensionless
  std::string validate() const;
};

// A method with its parameters. Only the active method's struct is used. run() forces the fields
// a method implies (gd: momentum 0; momentum: nesterov off; nesterov: on; adam/amsgrad: amsgrad;
// newton: step size 1) and copies `maximize` into the active struct: see resolved().
struct RunConfig {
  Method method = Method::GradientDescent;
  // The step size, held once for every method (torch: lr; Newton's eta; Armijo's first trial
  // step), so changing method keeps it; each step rule takes it as its argument. Its default
  // depends on the method: defaultStepSize().
  double step_size = 0.1;
  // A learning-rate schedule will sit here, beside the step size it scales: `LrSchedule schedule;`
  // (constant by default; step, exponential or cosine decay as torch.optim.lr_scheduler), and
  // run() will pass step k the rate step_size * schedule.factor(k) instead of step_size. Nothing
  // else changes: the step rules already take their lr per call.
  bool maximize = false;  // ascend (the objective's info().maximize is its natural direction)
  SgdParams sgd;          // gd, momentum, nesterov
  ArmijoParams armijo;    // gd-armijo
  AdagradParams adagrad;
  RmspropParams rmsprop;
  AdamParams adam;      // adam, amsgrad
  NewtonParams newton;  // newton, damped-newton
  LbfgsParams lbfgs;
  StopRules stop;
  std::string validate() const;  // "" when the step size, the active method's params and the stop
                                 // rules are fine
};

// Each method's own step size, PyTorch's default where torch has one: gd, momentum, nesterov 0.1
// (torch's SGD has none), adagrad and rmsprop 1e-2, adam and amsgrad 1e-3, lbfgs 1; gd-armijo's
// first trial step 1, newton 1 (forced), damped-newton 0.5.
double defaultStepSize(Method method);
// PyTorch defaults for every method, except momentum = 0.9 for momentum and nesterov (torch's
// default momentum 0 would make them plain gradient descent); the step size is defaultStepSize().
RunConfig defaultRunConfig(Method method, bool maximize = false);
// The config a run actually uses (method-implied fields forced, maximize copied).
RunConfig resolved(const RunConfig& config);
// The step sizes the app's sliders offer and the CLI's --lr accepts: [1e-6, 10] (a log slider),
// damped Newton's eta [1e-3, 2]; Newton has none (min = max = 1, its full step).
struct StepSizeRange {
  double min = 1e-6, max = 10;
};
StepSizeRange stepSizeRange(Method method);

// One recorded point. Iterate 0 is the start. 48 bytes (the 16-byte vectors first, ||grad f||
// computed rather than kept): 16 runs of 10,001 iterates, the app's largest scene, hold 7.7 MB.
struct Iterate {
  Vec2 w = Vec2::Zero();
  Vec2 grad = Vec2::Zero();
  double f = 0;
  double step_length = 0;  // ||w_k - w_{k-1}||, 0 for the start
  double gradNorm() const { return grad.norm(); }
};
static_assert(sizeof(Iterate) == 48, "an iterate is kept for every step of every run");

enum class RunStatus {
  Running,           // not finished (never returned by run())
  Converged,         // a tolerance rule fired at an optimum-like point
  MaxIterations,     // no tolerance rule fired within max_iterations
  Diverged,          // infinite value, non-finite w or ||w|| beyond the bound (at iterate 0 the
                     // message blames the start or the function, not the step size)
  LeftDomain,        // after a step, f or its gradient is NaN at a finite w within the bound:
                     // the iterate left f's domain (log(x) at x < 0), not a divergence
  NewtonImpossible,  // the Hessian was singular where a Newton step was needed
  Plateau,           // a tolerance rule fired on a flat plain: far from the best f seen
                     // (StopRules' plateau test), or where f is flat at its own scale
                     // (isFlat in core/analysis.h; endpoint.kind is then PointKind::Flat)
  LineSearchFailed,  // Armijo found no sufficient decrease within max_halvings
  InvalidConfig,     // config.validate() failed; only the start is recorded
  Stalled,           // L-BFGS took no step (gradient below its tolerance or no descent direction)
};
const char* runStatusName(RunStatus status);  // "converged", "max-iterations", ...

enum class StopRule { None, Gradient, FunctionChange, StepLength };

struct Trajectory {
  std::vector<Iterate> iterates;
  RunStatus status = RunStatus::Running;
  int status_iteration = 0;             // iterate index at which the run ended
  StopRule stop_rule = StopRule::None;  // which tolerance fired (Converged / Plateau)
  double best_f = 0;                    // best f seen, in the optimizing direction
  int best_iteration = 0;
  bool endpoint_valid = false;  // false after divergence or an invalid config
  HessianAnalysis endpoint;     // of the last iterate's Hessian
  std::string message;  // one line, e.g. "converged in 55 steps to a maximum (f = 1.060077)"
  std::string hint;     // what to try, e.g. "lower the step size"; may be empty
};

// Everything the methods carry between steps. The UI can replay a run with takeStep() to draw
// the momentum buffer or Adam's m and v at any iteration.
struct OptimizerState {
  SgdState sgd;
  ArmijoState armijo;
  AdagradState adagrad;
  RmspropState rmsprop;
  AdamState adam;
  NewtonState newton;
  LbfgsState lbfgs;
};

enum class StepResult { Ok, HessianSingular, LineSearchFailed, NoStep };

bool needsHessian(Method method);
// One step of a resolved config from `at`; hess is needed (non-null) for Newton methods.
StepResult takeStep(const RunConfig& resolved_config, OptimizerState& state, const Objective& f,
                    const Iterate& at, const Mat2* hess, Vec2* w_next);

Trajectory run(const Objective& f, const RunConfig& config, const Vec2& start);
// Same, reusing out's storage (sweeps and the UI recompute without reallocating).
void run(const Objective& f, const RunConfig& config, const Vec2& start, Trajectory& out);
// One run per start, in order.
std::vector<Trajectory> runMany(const Objective& f, const RunConfig& config,
                                const std::vector<Vec2>& starts);

}  // namespace gradlab
