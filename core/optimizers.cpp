// Optimizer step rules; the formulas and their sources are in optimizers.h.
#include "core/optimizers.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace gradlab {

namespace {

const MethodInfo kMethods[] = {
    {Method::GradientDescent, "gd", "Gradient descent"},
    {Method::GradientDescentArmijo, "gd-armijo", "Gradient descent + Armijo line search"},
    {Method::Momentum, "momentum", "Momentum (heavy ball)"},
    {Method::Nesterov, "nesterov", "Nesterov momentum"},
    {Method::AdaGrad, "adagrad", "AdaGrad"},
    {Method::RMSProp, "rmsprop", "RMSProp"},
    {Method::Adam, "adam", "Adam"},
    {Method::AMSGrad, "amsgrad", "AMSGrad"},
    {Method::Newton, "newton", "Newton"},
    {Method::DampedNewton, "damped-newton", "Damped Newton"},
    {Method::Lbfgs, "lbfgs", "L-BFGS"},
};
constexpr int kMethodCount = sizeof(kMethods) / sizeof(kMethods[0]);

// "name must be >= 0 (got x)" style messages.
std::string bad(const char* what, double got) {
  char buf[160];
  std::snprintf(buf, sizeof buf, "%s (got %g)", what, got);
  return buf;
}

bool finite(double x) {
  return std::isfinite(x);
}

// torch.optim accepts any momentum >= 0, but with momentum >= 1 the buffer b <- mu b + g never
// forgets a gradient and grows without bound even at a minimum.
const char* const kMomentumRange =
    "momentum must be in [0, 1): with momentum >= 1 the buffer grows without bound";

}  // namespace

const MethodInfo* methodTable(int* count) {
  if (count) *count = kMethodCount;
  return kMethods;
}

const char* methodCliName(Method m) {
  for (const MethodInfo& info : kMethods)
    if (info.method == m) return info.cli_name;
  return "?";
}

const char* methodDisplayName(Method m) {
  for (const MethodInfo& info : kMethods)
    if (info.method == m) return info.display_name;
  return "?";
}

bool methodFromCliName(const std::string& name, Method* out) {
  for (const MethodInfo& info : kMethods) {
    if (name == info.cli_name) {
      *out = info.method;
      return true;
    }
  }
  return false;
}

// [SECTION] Validation: the same bounds torch.optim checks, plus finiteness. The step size lr > 0
// is checked by RunConfig::validate (core/run.cpp), which holds it.

std::string SgdParams::validate() const {
  if (!finite(momentum) || momentum < 0 || momentum >= 1) return bad(kMomentumRange, momentum);
  if (!finite(dampening)) return bad("dampening must be finite", dampening);
  if (!finite(weight_decay) || weight_decay < 0)
    return bad("weight_decay must be >= 0", weight_decay);
  if (nesterov && (momentum <= 0 || dampening != 0))
    return "Nesterov momentum requires a momentum > 0 and zero dampening";
  return "";
}

std::string ArmijoParams::validate() const {
  if (!finite(c) || c <= 0 || c >= 1) return bad("c must be in (0, 1)", c);
  if (!finite(shrink) || shrink <= 0 || shrink >= 1) return bad("shrink must be in (0, 1)", shrink);
  if (max_halvings < 0 || max_halvings > 1000)
    return bad("max_halvings must be in [0, 1000]", max_halvings);
  return "";
}

std::string AdagradParams::validate() const {
  if (!finite(lr_decay) || lr_decay < 0) return bad("lr_decay must be >= 0", lr_decay);
  if (!finite(weight_decay) || weight_decay < 0)
    return bad("weight_decay must be >= 0", weight_decay);
  if (!finite(initial_accumulator_value) || initial_accumulator_value < 0)
    return bad("initial_accumulator_value must be >= 0", initial_accumulator_value);
  if (!finite(eps) || eps < 0) return bad("eps must be >= 0", eps);
  return "";
}

std::string RmspropParams::validate() const {
  // torch only checks alpha >= 0; alpha >= 1 would freeze v at zero and divide by eps.
  if (!finite(alpha) || alpha < 0 || alpha >= 1) return bad("alpha must be in [0, 1)", alpha);
  if (!finite(eps) || eps < 0) return bad("eps must be >= 0", eps);
  if (!finite(weight_decay) || weight_decay < 0)
    return bad("weight_decay must be >= 0", weight_decay);
  if (!finite(momentum) || momentum < 0 || momentum >= 1) return bad(kMomentumRange, momentum);
  return "";
}

std::string AdamParams::validate() const {
  if (!finite(beta1) || beta1 < 0 || beta1 >= 1) return bad("beta1 must be in [0, 1)", beta1);
  if (!finite(beta2) || beta2 < 0 || beta2 >= 1) return bad("beta2 must be in [0, 1)", beta2);
  if (!finite(eps) || eps < 0) return bad("eps must be >= 0", eps);
  if (!finite(weight_decay) || weight_decay < 0)
    return bad("weight_decay must be >= 0", weight_decay);
  return "";
}

std::string NewtonParams::validate() const {
  if (!finite(singular_tol) || singular_tol < 0)
    return bad("singular_tol must be >= 0", singular_tol);
  return "";
}

std::string LbfgsParams::validate() const {
  if (!finite(tolerance_grad) || tolerance_grad < 0)
    return bad("tolerance_grad must be >= 0", tolerance_grad);
  if (!finite(tolerance_change) || tolerance_change < 0)
    return bad("tolerance_change must be >= 0", tolerance_change);
  if (history_size < 1 || history_size > 1000)
    return bad("history_size must be in [1, 1000]", history_size);
  return "";
}

// [SECTION] Steps of the 2-D-only methods. The first-order rules (SGD, AdaGrad, RMSProp, Adam)
// are templates in core/step_rules.h.

bool armijoStep(const ArmijoParams& p, double lr, ArmijoState& s, const Objective& f, const Vec2& w,
                double fw, const Vec2& g, Vec2* w_next, double* f_next) {
  const double sign = p.maximize ? 1.0 : -1.0;  // direction d = sign * g
  const double g2 = g.squaredNorm();
  double t = lr;
  double ft = fw;
  s.failed_step_too_large = false;
  for (int halvings = 0; halvings <= p.max_halvings; ++halvings) {
    const Vec2 trial = w + (sign * t) * g;
    ft = f.value(trial);
    // Written as "improvement >= c t ||g||^2" for both directions; NaN fails it.
    const double improvement = p.maximize ? ft - fw : fw - ft;
    if (improvement >= p.c * t * g2) {
      s.last_step = t;
      s.last_halvings = halvings;
      *w_next = trial;
      *f_next = ft;
      return true;
    }
    t *= p.shrink;
  }
  s.last_step = 0;
  s.last_halvings = p.max_halvings;
  // The smallest trial made f clearly worse (beyond rounding) or non-finite: every trial step
  // was too long. Otherwise f did not change measurably: the gradient is too small to see.
  const double worse = p.maximize ? fw - ft : ft - fw;
  s.failed_step_too_large =
      !std::isfinite(ft) || worse > 1e-10 * std::max(std::abs(fw), std::abs(ft));
  return false;
}

bool newtonDirection(const Mat2& hess, const Vec2& grad, double singular_tol, Vec2* direction) {
  // Closed-form 2x2 solve: H^-1 = [[d, -b], [-c, a]] / det.
  const double a = hess(0, 0), b = hess(0, 1), c = hess(1, 0), d = hess(1, 1);
  const double det = a * d - b * c;
  const double scale = hess.squaredNorm();
  if (!std::isfinite(det) || scale == 0 || std::abs(det) <= singular_tol * scale) return false;
  *direction = Vec2(-(d * grad(0) - b * grad(1)) / det, -(-c * grad(0) + a * grad(1)) / det);
  return true;
}

bool newtonStep(const NewtonParams& p, double lr, NewtonState& s, const Vec2& w, const Vec2& g,
                const Mat2& hess, Vec2* w_next) {
  Vec2 direction;
  if (!newtonDirection(hess, g, p.singular_tol, &direction)) return false;
  s.direction = direction;
  *w_next = w + lr * direction;
  return true;
}

bool lbfgsStep(const LbfgsParams& p, double lr, LbfgsState& s, const Vec2& w, const Vec2& g_in,
               Vec2* w_next) {
  *w_next = w;
  const Vec2 g = p.maximize ? Vec2(-g_in) : g_in;
  if (g.cwiseAbs().maxCoeff() <= p.tolerance_grad) return false;
  s.n_iter += 1;
  if (s.n_iter == 1) {
    s.d = -g;
    const std::size_t capacity = static_cast<std::size_t>(p.history_size);
    s.s.clear();
    s.y.clear();
    s.rho.clear();
    s.s.reserve(capacity);
    s.y.reserve(capacity);
    s.rho.reserve(capacity);
    s.alpha.assign(capacity, 0.0);
    s.h_diag = 1;
  } else {
    const Vec2 y = g - s.prev_grad;
    const Vec2 step = s.d * s.t;
    const double ys = y.dot(step);
    if (ys > 1e-10) {
      if (static_cast<int>(s.y.size()) == p.history_size) {
        s.y.erase(s.y.begin());
        s.s.erase(s.s.begin());
        s.rho.erase(s.rho.begin());
      }
      s.y.push_back(y);
      s.s.push_back(step);
      s.rho.push_back(1. / ys);
      s.h_diag = ys / y.dot(y);
    }
    // Two-loop recursion: d = -H g.
    const int n = static_cast<int>(s.y.size());
    Vec2 q = -g;
    for (int i = n - 1; i >= 0; --i) {
      s.alpha[i] = s.s[i].dot(q) * s.rho[i];
      q = q + (-s.alpha[i]) * s.y[i];
    }
    Vec2 r = q * s.h_diag;
    for (int i = 0; i < n; ++i) {
      const double beta = s.y[i].dot(r) * s.rho[i];
      r = r + (s.alpha[i] - beta) * s.s[i];
    }
    s.d = r;
  }
  s.prev_grad = g;
  s.t = s.n_iter == 1 ? std::min(1., 1. / g.cwiseAbs().sum()) * lr : lr;
  if (g.dot(s.d) > -p.tolerance_change) return false;
  *w_next = w + s.t * s.d;
  return true;
}

}  // namespace gradlab
