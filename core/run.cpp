// The run loop: evaluate, check the stop rules, take one step of the chosen method; repeat.
#include "core/run.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include "core/text_format.h"

namespace gradlab {

namespace {

const char* plural(int n) {
  return n == 1 ? "" : "s";
}

// Reserve at most this many iterates up front; longer runs grow the vector geometrically.
constexpr int kMaxReserve = 1 << 17;

bool finiteIterate(const Iterate& it) {
  return std::isfinite(it.w(0)) && std::isfinite(it.w(1)) && std::isfinite(it.f) &&
         std::isfinite(it.grad(0)) && std::isfinite(it.grad(1));
}

// Fills the status, message and hint once the loop has decided how the run ended. `unbounded`:
// a diverged run whose f improved at every step (a saddle's downhill side, a function with no
// minimum): no step size makes it converge, so the hint does not blame the step size.
void finish(Trajectory& t, RunStatus status, int k, bool unbounded = false) {
  t.status = status;
  t.status_iteration = k;
  const Iterate& last = t.iterates.back();
  switch (status) {
    case RunStatus::Converged:
      t.message = formatText("converged in %d step%s to a %s (f = %.7g)", k, plural(k),
                             pointKindName(t.endpoint.kind), last.f);
      if (t.endpoint.kind == PointKind::Saddle)
        t.hint = "a saddle point, not an optimum: try another start";
      break;
    case RunStatus::Plateau:
      t.message = formatText("stopped on a plateau at step %d (f = %.2g; best seen %.3g)", k,
                             last.f, t.best_f);
      t.hint = "the gradient is ~0 on a flat plain far from the best value: lower the step size";
      break;
    case RunStatus::MaxIterations:
      t.message = formatText("no convergence in %d step%s", k, plural(k));
      t.hint = "change the step size or allow more iterations";
      break;
    case RunStatus::LeftDomain:
      t.message = formatText("left the function's domain at step %d (f undefined at (%.6g, %.6g))",
                             k, last.w(0), last.w(1));
      t.hint =
          "f is undefined there (log or sqrt of a negative number?) and a smaller step rarely "
          "helps: start elsewhere or change the function";
      break;
    case RunStatus::Diverged:
      if (k > 0 && unbounded) {
        t.message = formatText("diverged at step %d: f improved at every step, without bound", k);
        t.hint =
            "f has no optimum this way; a smaller step only takes longer: start elsewhere or "
            "change the function";
      } else if (k > 0) {
        t.message = formatText("diverged at step %d", k);
        t.hint = "lower the step size";
      } else if (!std::isfinite(last.w(0)) || !std::isfinite(last.w(1))) {
        // At the start no step has been taken: the step size is not to blame.
        t.message = "the start point is not finite";
        t.hint = "choose a finite start point";
      } else if (!finiteIterate(last)) {
        t.message = formatText("f or its gradient is undefined at the start (w = (%.6g, %.6g))",
                               last.w(0), last.w(1));
        t.hint = "move the start point or change the function";
      } else {
        t.message =
            formatText("the start is beyond the divergence bound (||w|| = %.6g)", last.w.norm());
        t.hint = "move the start point or raise the divergence bound";
      }
      break;
    case RunStatus::NewtonImpossible:
      t.message = k == 0 ? std::string("Newton impossible: Hessian singular")
                         : formatText("Newton impossible: Hessian singular at step %d", k);
      t.hint = "no unique Newton step where the Hessian is not invertible: try gradient descent";
      break;
    case RunStatus::LineSearchFailed:
      t.message = formatText("line search failed at step %d (no sufficient decrease)", k);
      // run() replaces this hint when the trial steps were too long instead (see ArmijoState).
      t.hint = "the gradient is too small to measure a decrease: raise the gradient tolerance";
      break;
    case RunStatus::Stalled:
      t.message = formatText("stalled at step %d (L-BFGS found no descent direction)", k);
      t.hint = "the gradient is below L-BFGS's tolerance or its direction points uphill";
      break;
    case RunStatus::InvalidConfig:
    case RunStatus::Running:
      break;
  }
}

// The plateau test documented in StopRules.
bool onPlateau(const Trajectory& t, const StopRules& stop) {
  const Iterate& end = t.iterates.back();
  const double gap = std::abs(t.best_f - end.f);
  if (!(gap > stop.plateau_gap * std::max(std::abs(t.best_f), std::abs(end.f)))) return false;
  const double curvature =
      std::max(std::abs(t.endpoint.eigenvalues(0)), std::abs(t.endpoint.eigenvalues(1)));
  const double length = (t.iterates[static_cast<std::size_t>(t.best_iteration)].w - end.w).norm();
  return 0.5 * curvature * length * length <= stop.plateau_curvature * gap;
}

// The flat-region rule of isFlat (core/analysis.h) at the run's end, at the scale of f's window
// grown to hold every iterate, with the iterates' values in F. The inspector applies the same rule
// (analyzePoint) to a single point.
bool onFlatRegion(const Objective& f, const Trajectory& t) {
  Window region = f.info().window;
  for (const Iterate& it : t.iterates) region = grownWindow(region, it.w);
  FunctionScale scale = functionScale(f, region);
  for (const Iterate& it : t.iterates) scale.include(it.f);
  return isFlat(t.iterates.back().grad, t.endpoint, scale);
}

}  // namespace

const char* runStatusName(RunStatus status) {
  switch (status) {
    case RunStatus::Running:
      return "running";
    case RunStatus::Converged:
      return "converged";
    case RunStatus::MaxIterations:
      return "max-iterations";
    case RunStatus::Diverged:
      return "diverged";
    case RunStatus::LeftDomain:
      return "left-domain";
    case RunStatus::NewtonImpossible:
      return "newton-impossible";
    case RunStatus::Plateau:
      return "plateau";
    case RunStatus::LineSearchFailed:
      return "line-search-failed";
    case RunStatus::InvalidConfig:
      return "invalid-config";
    case RunStatus::Stalled:
      return "stalled";
  }
  return "?";
}

std::string StopRules::validate() const {
  if (!(grad_tol >= 0) || !std::isfinite(grad_tol)) return "grad_tol must be >= 0";
  if (!(f_tol >= 0) || !std::isfinite(f_tol)) return "f_tol must be >= 0";
  if (!(x_tol >= 0) || !std::isfinite(x_tol)) return "x_tol must be >= 0";
  if (max_iterations < 0) return formatText("max iterations must be >= 0 (got %d)", max_iterations);
  if (!(divergence_bound > 0)) return "divergence_bound must be > 0";
  if (!(plateau_gap >= 0) || !(plateau_curvature >= 0)) return "plateau thresholds must be >= 0";
  return "";
}

std::string RunConfig::validate() const {
  const RunConfig r = resolved(*this);
  if (!std::isfinite(r.step_size) || r.step_size <= 0) {
    const char* name = r.method == Method::GradientDescentArmijo ? "lr (first trial step)"
                       : r.method == Method::DampedNewton        ? "eta"
                                                                 : "lr";
    return formatText("%s must be > 0 (got %g)", name, r.step_size);
  }
  std::string error;
  switch (r.method) {
    case Method::GradientDescent:
      error = r.sgd.validate();
      break;
    case Method::Momentum:
      if (r.sgd.momentum <= 0) return "the momentum method needs momentum > 0 (0.9 is usual)";
      error = r.sgd.validate();
      break;
    case Method::Nesterov:
      error = r.sgd.validate();
      break;
    case Method::GradientDescentArmijo:
      error = r.armijo.validate();
      break;
    case Method::AdaGrad:
      error = r.adagrad.validate();
      break;
    case Method::RMSProp:
      error = r.rmsprop.validate();
      break;
    case Method::Adam:
    case Method::AMSGrad:
      error = r.adam.validate();
      break;
    case Method::Newton:
    case Method::DampedNewton:
      error = r.newton.validate();
      break;
    case Method::Lbfgs:
      error = r.lbfgs.validate();
      break;
  }
  if (!error.empty()) return error;
  return stop.validate();
}

double defaultStepSize(Method method) {
  switch (method) {
    case Method::GradientDescent:
    case Method::Momentum:
    case Method::Nesterov:
      return 0.1;
    case Method::GradientDescentArmijo:
    case Method::Newton:
    case Method::Lbfgs:
      return 1.0;
    case Method::AdaGrad:
    case Method::RMSProp:
      return 1e-2;
    case Method::Adam:
    case Method::AMSGrad:
      return 1e-3;
    case Method::DampedNewton:
      return 0.5;
  }
  return 0.1;
}

RunConfig defaultRunConfig(Method method, bool maximize) {
  RunConfig c;
  c.method = method;
  c.step_size = defaultStepSize(method);
  c.maximize = maximize;
  if (method == Method::Momentum || method == Method::Nesterov) c.sgd.momentum = 0.9;
  return c;
}

RunConfig resolved(const RunConfig& config) {
  RunConfig r = config;
  switch (r.method) {
    case Method::GradientDescent:
      r.sgd.momentum = 0;
      r.sgd.nesterov = false;
      break;
    case Method::Momentum:
      r.sgd.nesterov = false;
      break;
    case Method::Nesterov:
      r.sgd.nesterov = true;
      break;
    case Method::Adam:
      r.adam.amsgrad = false;
      break;
    case Method::AMSGrad:
      r.adam.amsgrad = true;
      break;
    case Method::Newton:
      r.step_size = 1;  // pure Newton: the full step
      break;
    default:
      break;
  }
  r.sgd.maximize = r.armijo.maximize = r.adagrad.maximize = r.rmsprop.maximize = r.adam.maximize =
      r.newton.maximize = r.lbfgs.maximize = r.maximize;
  return r;
}

StepSizeRange stepSizeRange(Method method) {
  if (method == Method::Newton) return {1, 1};
  if (method == Method::DampedNewton) return {1e-3, 2};
  return {};
}

bool needsHessian(Method method) {
  return method == Method::Newton || method == Method::DampedNewton;
}

StepResult takeStep(const RunConfig& r, OptimizerState& s, const Objective& f, const Iterate& at,
                    const Mat2* hess, Vec2* w_next) {
  switch (r.method) {
    case Method::GradientDescent:
    case Method::Momentum:
    case Method::Nesterov:
      *w_next = sgdStep(r.sgd, r.step_size, s.sgd, at.w, at.grad);
      return StepResult::Ok;
    case Method::GradientDescentArmijo: {
      double f_next = 0;
      return armijoStep(r.armijo, r.step_size, s.armijo, f, at.w, at.f, at.grad, w_next, &f_next)
                 ? StepResult::Ok
                 : StepResult::LineSearchFailed;
    }
    case Method::AdaGrad:
      *w_next = adagradStep(r.adagrad, r.step_size, s.adagrad, at.w, at.grad);
      return StepResult::Ok;
    case Method::RMSProp:
      *w_next = rmspropStep(r.rmsprop, r.step_size, s.rmsprop, at.w, at.grad);
      return StepResult::Ok;
    case Method::Adam:
    case Method::AMSGrad:
      *w_next = adamStep(r.adam, r.step_size, s.adam, at.w, at.grad);
      return StepResult::Ok;
    case Method::Newton:
    case Method::DampedNewton:
      if (hess == nullptr) return StepResult::HessianSingular;
      return newtonStep(r.newton, r.step_size, s.newton, at.w, at.grad, *hess, w_next)
                 ? StepResult::Ok
                 : StepResult::HessianSingular;
    case Method::Lbfgs:
      return lbfgsStep(r.lbfgs, r.step_size, s.lbfgs, at.w, at.grad, w_next) ? StepResult::Ok
                                                                             : StepResult::NoStep;
  }
  return StepResult::Ok;
}

void run(const Objective& f, const RunConfig& config, const Vec2& start, Trajectory& out) {
  out.iterates.clear();
  out.status = RunStatus::Running;
  out.status_iteration = 0;
  out.stop_rule = StopRule::None;
  out.endpoint_valid = false;
  out.endpoint = HessianAnalysis{};
  out.message.clear();
  out.hint.clear();

  const RunConfig r = resolved(config);
  const StopRules& stop = r.stop;
  const std::string error = r.validate();
  if (!error.empty()) {
    Iterate it;
    it.w = start;
    it.f = f.valueAndGradient(start, it.grad);
    out.iterates.push_back(it);
    out.best_f = it.f;
    out.best_iteration = 0;
    out.status = RunStatus::InvalidConfig;
    out.message = error;
    out.hint = "fix the parameter";
    return;
  }

  out.iterates.reserve(static_cast<std::size_t>(std::min(stop.max_iterations, kMaxReserve)) + 1);
  const bool hessian = needsHessian(r.method);
  const double direction = r.maximize ? 1.0 : -1.0;  // improvement = direction * (f_new - f_best)
  OptimizerState state;
  Mat2 hess = Mat2::Zero();
  Vec2 w = start;
  int worsened_steps = 0;  // steps that made f worse: an overshoot, not an unbounded f

  for (int k = 0;; ++k) {
    Iterate it;
    it.w = w;
    if (hessian) {
      const Eval e = f.eval(w);
      it.f = e.f;
      it.grad = e.grad;
      hess = e.hess;
    } else {
      it.f = f.valueAndGradient(w, it.grad);
    }
    const double f_prev = k > 0 ? out.iterates.back().f : it.f;
    if (k > 0) it.step_length = (w - out.iterates.back().w).norm();
    out.iterates.push_back(it);

    if (!finiteIterate(it) || it.w.norm() > stop.divergence_bound) {
      // A NaN at a finite, bounded w after a step: the iterate left f's domain. Infinite values
      // and ||w|| beyond the bound are divergence; at the start nothing has moved (finish() says
      // what is wrong with the start instead).
      const bool left_domain = k > 0 && it.w.allFinite() && it.w.norm() <= stop.divergence_bound &&
                               std::isnan(it.f) && !std::isinf(it.grad(0)) &&
                               !std::isinf(it.grad(1));
      // Unbounded: f improved at every finite step, and the last one left by way of ||w|| or an
      // infinite f in the improving direction (not a NaN from an overshoot).
      const bool improving_to_the_end =
          worsened_steps == 0 &&
          (it.w.norm() > stop.divergence_bound || (std::isinf(it.f) && direction * it.f > 0));
      finish(out, left_domain ? RunStatus::LeftDomain : RunStatus::Diverged, k,
             improving_to_the_end);
      return;
    }
    if (k > 0 && direction * (it.f - f_prev) < 0) ++worsened_steps;
    if (k == 0 || direction * (it.f - out.best_f) > 0) {
      out.best_f = it.f;
      out.best_iteration = k;
    }

    StopRule fired = StopRule::None;
    if (stop.grad_tol > 0 && it.gradNorm() < stop.grad_tol) {
      fired = StopRule::Gradient;
    } else if (k > 0 && stop.f_tol > 0 && std::abs(it.f - f_prev) < stop.f_tol) {
      fired = StopRule::FunctionChange;
    } else if (k > 0 && stop.x_tol > 0 && it.step_length < stop.x_tol) {
      fired = StopRule::StepLength;
    }
    if (fired != StopRule::None) {
      out.stop_rule = fired;
      out.endpoint = analyzeHessian(hessian ? hess : f.eval(w).hess);
      out.endpoint_valid = true;
      const bool flat = onFlatRegion(f, out);
      if (flat) out.endpoint.kind = PointKind::Flat;
      if (onPlateau(out, stop)) {
        finish(out, RunStatus::Plateau, k);
      } else if (flat) {
        finish(out, RunStatus::Plateau, k);
        out.message = formatText(
            "stopped on a flat region, not a stationary point, at step %d (f = %.2g)", k, it.f);
        out.hint =
            "the gradient is below the tolerance only because f is nearly constant here: start "
            "closer to where f changes, or lower the tolerance to keep crawling";
      } else {
        finish(out, RunStatus::Converged, k);
      }
      return;
    }
    if (k >= stop.max_iterations) {
      out.endpoint = analyzeHessian(hessian ? hess : f.eval(w).hess);
      out.endpoint_valid = true;
      finish(out, RunStatus::MaxIterations, k);
      return;
    }

    const StepResult step = takeStep(r, state, f, it, hessian ? &hess : nullptr, &w);
    if (step != StepResult::Ok) {
      out.endpoint = analyzeHessian(hessian ? hess : f.eval(w).hess);
      out.endpoint_valid = true;
      const RunStatus status = step == StepResult::HessianSingular    ? RunStatus::NewtonImpossible
                               : step == StepResult::LineSearchFailed ? RunStatus::LineSearchFailed
                                                                      : RunStatus::Stalled;
      finish(out, status, k);
      if (status == RunStatus::LineSearchFailed && state.armijo.failed_step_too_large) {
        out.hint = "lower the first trial step (lr)";
      }
      return;
    }
  }
}

Trajectory run(const Objective& f, const RunConfig& config, const Vec2& start) {
  Trajectory t;
  run(f, config, start, t);
  return t;
}

std::vector<Trajectory> runMany(const Objective& f, const RunConfig& config,
                                const std::vector<Vec2>& starts) {
  std::vector<Trajectory> out(starts.size());
  for (std::size_t i = 0; i < starts.size(); ++i) run(f, config, starts[i], out[i]);
  return out;
}

}  // namespace gradlab
