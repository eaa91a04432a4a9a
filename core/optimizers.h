// Optimizers: one parameter struct, one visible state struct and ONE step rule per method.
// The loop that repeats a step until a stop rule fires lives in run.h.
//
// [SECTION] Method names
// [SECTION] SGD: gradient descent, momentum (heavy ball), Nesterov
// [SECTION] GD with Armijo backtracking
// [SECTION] AdaGrad
// [SECTION] RMSProp
// [SECTION] Adam and AMSGrad
// [SECTION] Newton and damped Newton
// [SECTION] L-BFGS
//
// The first-order rules, their hyperparameter names and defaults are exactly those of PyTorch 1.13
// torch.optim (sgd.py, adagrad.py, rmsprop.py, adam.py, lbfgs.py; the single-tensor code path),
// so a trajectory here matches torch.optim's in float64 to rounding (tested to 1e-9 relative).
// tests/data/make_torch_reference.py writes the reference trajectories the tests compare against.
// Armijo and Newton are not in torch.optim; their references are written in torch by that script.
//
// Notation below: w the point, g = grad f(w), lr the step size, all operations elementwise.
//
// The step size is not a member of the parameter structs: every step rule takes it as its
// argument `lr` (torch's name; Newton's eta), as torch.optim's functional forms do
// (torch.optim._functional.sgd(..., lr=...)). A run holds it once, in RunConfig::step_size
// (core/run.h), so changing method keeps it, and a learning-rate schedule can hand each step its
// own lr (lr_k = schedule(k) * step_size) without touching the method's hyperparameters.
//
// maximize = true flips the sign of the gradient first (g <- -g), exactly as PyTorch does, so
// every rule then *ascends*.
//
// Vector types: the first-order rules (SGD, AdaGrad, RMSProp, Adam) are templates over the vector
// type Vec: Vec2 (fixed size: the 2-D labs, no allocation, the speed of a hand-written 2-D rule)
// or VecX = Eigen::VectorXd (any number of parameters: core/stochastic.h). Their state structs are
// XxxStateT<Vec>; the 2-D names (SgdState, AdamState, ...) are the Vec2 instantiations. A
// fixed-size state starts at zero; a dynamic-size state starts empty and sizes itself to the
// parameter (zeros, or AdaGrad's initial_accumulator_value) on its first step. The template
// definitions are in core/step_rules.h (included at the end of this file). Armijo, Newton and
// L-BFGS stay 2-D (Vec2 / Mat2): the labs that use them are 2-D, and Newton's closed-form 2x2
// solve and its singularity test are specific to two variables.
#pragma once

#include <Eigen/Core>
#include <string>
#include <vector>

#include "core/objective.h"

namespace gradlab {

using VecX = Eigen::VectorXd;

// Helpers for the step-rule templates: the zero a state vector starts at (Zero()
// for fixed sizes, empty for dynamic ones), and a parameter type that is not used to deduce Vec
// (so Vec is taken from the state alone and w, g may be Eigen expressions).
template <class Vec>
Vec initialStateVector() {
  if constexpr (Vec::SizeAtCompileTime == Eigen::Dynamic) {
    return Vec();
  } else {
    return Vec::Zero();
  }
}
template <class T>
struct NonDeducedT {
  using type = T;
};
template <class T>
using NonDeduced = typename NonDeducedT<T>::type;

// [SECTION] Method names ----------------------------------------------------------------------

enum class Method {
  GradientDescent,        // "gd"
  GradientDescentArmijo,  // "gd-armijo"
  Momentum,               // "momentum" (heavy ball, torch SGD with momentum)
  Nesterov,               // "nesterov" (torch SGD with nesterov=True)
  AdaGrad,                // "adagrad"
  RMSProp,                // "rmsprop"
  Adam,                   // "adam"
  AMSGrad,                // "amsgrad" (torch Adam with amsgrad=True)
  Newton,                 // "newton"
  DampedNewton,           // "damped-newton"
  Lbfgs,                  // "lbfgs" (torch LBFGS, max_iter = 1 per step, no line search)
};

struct MethodInfo {
  Method method;
  const char* cli_name;      // e.g. "gd-armijo"
  const char* display_name;  // e.g. "Gradient descent + Armijo line search"
};

// Every method in menu order.
const MethodInfo* methodTable(int* count);
const char* methodCliName(Method m);
const char* methodDisplayName(Method m);
// Parses a cli name; returns false for an unknown name.
bool methodFromCliName(const std::string& name, Method* out);

// [SECTION] SGD --------------------------------------------------------------------------------
// torch.optim.SGD (sgd.py, _single_tensor_sgd):
//   g <- maximize ? -g : g
//   if weight_decay != 0:  g <- g + weight_decay * w
//   if momentum != 0:
//     b <- g                                   on the first step
//     b <- momentum * b + (1 - dampening) * g  afterwards
//     g <- nesterov ? g + momentum * b : b
//   w <- w - lr * g
// Methods gd, momentum and nesterov are this one rule (gd ignores momentum; momentum forces
// nesterov off; nesterov forces it on). PyTorch's lr has no default; ours is 0.1
// (defaultRunConfig in core/run.h).
struct SgdParams {
  double momentum = 0;      // mu in [0, 1): weight of the previous step (torch allows >= 1,
                            // but then the buffer grows without bound; validate() rejects it)
  double dampening = 0;     // tau in [0, 1]: scales the new gradient into the buffer
  double weight_decay = 0;  // lambda >= 0: L2 penalty added to the gradient
  bool nesterov = false;    // look-ahead form; needs momentum > 0 and dampening = 0
  bool maximize = false;    // ascend instead of descend
  std::string validate() const;
};

template <class Vec>
struct SgdStateT {
  Vec momentum_buffer = initialStateVector<Vec>();  // b, drawn by the UI as the velocity arrow
  bool has_buffer = false;                          // false until the first step with momentum
  Vec direction = initialStateVector<Vec>();        // last update divided by -lr (what was applied)
};
using SgdState = SgdStateT<Vec2>;

// One SGD step of size lr (> 0) from w with gradient g; returns the next point.
template <class Vec>
Vec sgdStep(const SgdParams& p, double lr, SgdStateT<Vec>& s, const NonDeduced<Vec>& w,
            const NonDeduced<Vec>& g);

// [SECTION] GD with Armijo backtracking --------------------------------------------------------
// Not in torch.optim. Direction d = -g (minimize) or +g (maximize). Try t = lr (the step size:
// the first trial step, 1 by default in defaultRunConfig), then t/2, t/4, ...
// (at most max_halvings halvings) until the sufficient decrease (Armijo) condition holds:
//   minimize: f(w + t d) <= f(w) - c t ||g||^2
//   maximize: f(w + t d) >= f(w) + c t ||g||^2
// (Nocedal & Wright, Numerical Optimization, 2nd ed., Algorithm 3.1 with rho = shrink.)
struct ArmijoParams {
  double c = 1e-4;        // sufficient decrease constant in (0, 1)
  double shrink = 0.5;    // t <- shrink * t after a failed trial, in (0, 1)
  int max_halvings = 50;  // give up after this many shrinks (the step then fails)
  bool maximize = false;
  std::string validate() const;
};

struct ArmijoState {
  double last_step = 0;   // the accepted t of the last step
  int last_halvings = 0;  // how many shrinks it took
  // After a failed step: true when even the smallest trial t = lr shrink^max_halvings made f
  // worse by more than rounding (or non-finite), i.e. the first trial step lr was far too long;
  // false when f did not change measurably (the gradient is too small for a visible decrease).
  bool failed_step_too_large = false;
};

// One Armijo step with first trial step lr (> 0). On success returns true, sets *w_next and *f_next
// = f(*w_next). Returns false when no trial satisfied the condition within max_halvings (w is then
// left as is, and s.failed_step_too_large says which way it failed).
bool armijoStep(const ArmijoParams& p, double lr, ArmijoState& s, const Objective& f, const Vec2& w,
                double fw, const Vec2& g, Vec2* w_next, double* f_next);

// [SECTION] AdaGrad ----------------------------------------------------------------------------
// torch.optim.Adagrad (adagrad.py, _single_tensor_adagrad), step counter t = 1, 2, ...:
//   g <- maximize ? -g : g
//   if weight_decay != 0:  g <- g + weight_decay * w
//   clr <- lr / (1 + (t - 1) * lr_decay)
//   sum <- sum + g * g                  (sum starts at initial_accumulator_value)
//   w <- w - clr * g / (sqrt(sum) + eps)
// torch's default lr 1e-2 is defaultRunConfig's.
struct AdagradParams {
  double lr_decay = 0;                   // >= 0
  double weight_decay = 0;               // >= 0
  double initial_accumulator_value = 0;  // >= 0
  double eps = 1e-10;                    // >= 0, added to sqrt(sum)
  bool maximize = false;
  std::string validate() const;
};

template <class Vec>
struct AdagradStateT {
  Vec sum = initialStateVector<Vec>();  // accumulated squared gradients
  int t = 0;                            // steps taken
  bool initialized = false;             // sum set to initial_accumulator_value on the first step
};
using AdagradState = AdagradStateT<Vec2>;

template <class Vec>
Vec adagradStep(const AdagradParams& p, double lr, AdagradStateT<Vec>& s, const NonDeduced<Vec>& w,
                const NonDeduced<Vec>& g);

// [SECTION] RMSProp ----------------------------------------------------------------------------
// torch.optim.RMSprop (rmsprop.py, _single_tensor_rmsprop):
//   g <- maximize ? -g : g
//   if weight_decay != 0:  g <- g + weight_decay * w
//   v <- alpha * v + (1 - alpha) * g * g
//   if centered:  g_avg <- alpha * g_avg + (1 - alpha) * g;  avg <- sqrt(v - g_avg^2) + eps
//   else:         avg <- sqrt(v) + eps
//   if momentum > 0:  b <- momentum * b + g / avg;  w <- w - lr * b
//   else:             w <- w - lr * g / avg
// torch's default lr 1e-2 is defaultRunConfig's.
struct RmspropParams {
  double alpha = 0.99;      // smoothing constant in [0, 1)
  double eps = 1e-8;        // >= 0
  double weight_decay = 0;  // >= 0
  double momentum = 0;      // in [0, 1) (torch: >= 0; >= 1 makes the buffer grow without bound)
  bool centered = false;    // divide by the estimated standard deviation instead
  bool maximize = false;
  std::string validate() const;
};

template <class Vec>
struct RmspropStateT {
  Vec square_avg = initialStateVector<Vec>();       // v
  Vec grad_avg = initialStateVector<Vec>();         // g_avg (centered only)
  Vec momentum_buffer = initialStateVector<Vec>();  // b (momentum > 0 only)
  int t = 0;
};
using RmspropState = RmspropStateT<Vec2>;

template <class Vec>
Vec rmspropStep(const RmspropParams& p, double lr, RmspropStateT<Vec>& s, const NonDeduced<Vec>& w,
                const NonDeduced<Vec>& g);

// [SECTION] Adam and AMSGrad -------------------------------------------------------------------
// torch.optim.Adam (adam.py, _single_tensor_adam), step counter t = 1, 2, ...:
//   g <- maximize ? -g : g
//   if weight_decay != 0:  g <- g + weight_decay * w
//   m <- beta1 * m + (1 - beta1) * g
//   v <- beta2 * v + (1 - beta2) * g * g
//   step_size <- lr / (1 - beta1^t)
//   if amsgrad:  v_max <- max(v_max, v);  denom <- sqrt(v_max) / sqrt(1 - beta2^t) + eps
//   else:        denom <- sqrt(v) / sqrt(1 - beta2^t) + eps
//   w <- w - step_size * m / denom
// torch's default lr 1e-3 is defaultRunConfig's.
struct AdamParams {
  double beta1 = 0.9, beta2 = 0.999;  // each in [0, 1)
  double eps = 1e-8;                  // >= 0
  double weight_decay = 0;            // >= 0
  bool amsgrad = false;               // method amsgrad forces this on, adam off
  bool maximize = false;
  std::string validate() const;
};

template <class Vec>
struct AdamStateT {
  Vec m = initialStateVector<Vec>(), v = initialStateVector<Vec>(),
      v_max = initialStateVector<Vec>();
  int t = 0;
};
using AdamState = AdamStateT<Vec2>;

template <class Vec>
Vec adamStep(const AdamParams& p, double lr, AdamStateT<Vec>& s, const NonDeduced<Vec>& w,
             const NonDeduced<Vec>& g);

// [SECTION] Newton and damped Newton -----------------------------------------------------------
//   w <- w - eta * H^-1 g      (pure Newton: eta = 1)
// Newton seeks a stationary point (grad = 0) of the local quadratic model, whatever its kind, so
// maximize does not change the step: it is the same for f and -f (H and g both flip sign).
// H is "singular" when |det H| <= singular_tol * ||H||_F^2 (for symmetric H this is about
// |lambda_min| / |lambda_max| <= singular_tol), which includes H = 0 (the linear function,
// EXERCISES C2) and f = 2x^3 - 5x at x = 0 (C6). The step then fails as a value, never NaN.
// The step size eta is the step rule's argument: run() forces 1 for pure Newton; damped Newton
// defaults to 0.5 (defaultRunConfig), (0, 1] is usual.
struct NewtonParams {
  double singular_tol = 1e-12;  // relative determinant below which H counts as singular
  bool maximize = false;        // recorded for the status; the step itself ignores it
  std::string validate() const;
};

struct NewtonState {
  Vec2 direction = Vec2::Zero();  // the last Newton direction -H^-1 g
};

// The Newton direction -H^-1 g (closed-form 2x2 inverse), the one singularity test of gradlab:
// newtonStep and the optimizer lab use it. Returns false, leaving *direction untouched, when H is
// singular: det H not finite, H = 0, or |det H| <= singular_tol * ||H||_F^2 (see above; pass
// NewtonParams::singular_tol, 1e-12 by default). Then there is no unique Newton step.
bool newtonDirection(const Mat2& hess, const Vec2& grad, double singular_tol, Vec2* direction);

// w_next = w + eta * newtonDirection(hess, g), eta = lr. Returns false when H is singular (w_next
// untouched).
bool newtonStep(const NewtonParams& p, double lr, NewtonState& s, const Vec2& w, const Vec2& g,
                const Mat2& hess, Vec2* w_next);

// [SECTION] L-BFGS -----------------------------------------------------------------------------
// torch.optim.LBFGS (lbfgs.py) with max_iter = 1, so that one torch .step() is one gradlab step,
// and line_search_fn = None. With n the global step count (1, 2, ...):
//   g <- maximize ? -g : g            (torch has no maximize: this is L-BFGS on -f)
//   if max|g_i| <= tolerance_grad: no step
//   n = 1:  d <- -g;  history cleared;  H_diag <- 1
//   n > 1:  y <- g - g_prev;  s <- t_prev d_prev;  if y.s > 1e-10: push (s, y, rho = 1/(y.s)),
//           dropping the oldest beyond history_size, and H_diag <- y.s / y.y;
//           d <- -H g by the two-loop recursion (Nocedal & Wright, Algorithm 7.4) with H0 = H_diag
//           I
//   t <- n = 1 ? min(1, 1 / sum|g_i|) lr : lr
//   if g.d > -tolerance_change: no step (d is not a descent direction)
//   w <- w + t d
// (torch's max_eval and the loss-change test only matter with more than one inner iteration.)
// lr is the step along the quasi-Newton direction; torch's default 1 is defaultRunConfig's.
struct LbfgsParams {
  double tolerance_grad = 1e-7;    // no step once max|g_i| <= this
  double tolerance_change = 1e-9;  // no step unless g.d < -tolerance_change
  int history_size = 100;          // pairs (s, y) kept, in [1, 1000]
  bool maximize = false;
  std::string validate() const;
};

struct LbfgsState {
  std::vector<Vec2> s, y;  // oldest first; reserved to history_size on the first step
  std::vector<double> rho, alpha;
  Vec2 d = Vec2::Zero();  // the last direction
  double t = 0;           // the last step length along d
  double h_diag = 1;      // the initial inverse Hessian scale y.s / y.y
  Vec2 prev_grad = Vec2::Zero();
  int n_iter = 0;
};

// Returns false when no step was taken (gradient below tolerance_grad, or no descent direction);
// then *w_next = w.
bool lbfgsStep(const LbfgsParams& p, double lr, LbfgsState& s, const Vec2& w, const Vec2& g,
               Vec2* w_next);

}  // namespace gradlab

#include "core/step_rules.h"  // the definitions of the step-rule templates above
