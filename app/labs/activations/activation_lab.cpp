// The Activation lab's state changes and what its plots draw. See activation_lab.h.
#include "app/labs/activations/activation_lab.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

namespace gradlab {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

double nan() {
  return std::numeric_limits<double>::quiet_NaN();
}

double orderValue(const ActivationValue& v, int order) {
  return order == 0 ? v.f : (order == 1 ? v.d1 : v.d2);
}

// f, f' and f'' over xs. At a kink, an order that jumps (its one-sided limits differ) is broken
// into two pieces ending at the limits, with a dot at the value the convention gives.
ActivationCurves buildCurves(Activation a, double param, const std::vector<double>& xs) {
  ActivationCurves c;
  c.id = a;
  const std::vector<double> kinks = activationKinks(a);
  for (int order = 0; order < 3; ++order) {
    PlotCurve& curve = c.order[order];
    curve.xs.reserve(xs.size() + 4);
    curve.ys.reserve(xs.size() + 4);
    for (double x : xs) {
      const double y = orderValue(activationEval(a, x, param), order);
      if (std::find(kinks.begin(), kinks.end(), x) == kinks.end()) {
        curve.xs.push_back(x);
        curve.ys.push_back(y);
        continue;
      }
      const double left = orderValue(activationEval(a, std::nextafter(x, -kInf), param), order);
      const double right = orderValue(activationEval(a, std::nextafter(x, kInf), param), order);
      if (std::abs(left - right) <= 1e-9 * (1 + std::abs(left))) {
        curve.xs.push_back(x);
        curve.ys.push_back(y);
        continue;
      }
      curve.xs.insert(curve.xs.end(), {x, nan(), x});
      curve.ys.insert(curve.ys.end(), {left, nan(), right});
      curve.dot_xs.push_back(x);
      curve.dot_ys.push_back(y);
    }
  }
  return c;
}

LeakyLimit leakyLimitOf(double alpha) {
  if (alpha == 0) return LeakyLimit::Relu;
  if (alpha == 1) return LeakyLimit::Linear;
  return LeakyLimit::None;
}

// Where |P_n - sigmoid| first exceeds the tolerance going out from 0 (it is even in x), to the
// precision of a bisection; kInf when it stays within up to `reach`.
double taylorWithin(int degree, double tolerance, double reach) {
  const auto bad = [&](double x) {
    return !(std::abs(sigmoidTaylor(degree, x) - sigmoid(x)) <= tolerance);
  };
  const int steps = 4000;
  double good = 0;
  for (int k = 1; k <= steps; ++k) {
    const double x = reach * k / steps;
    if (!bad(x)) {
      good = x;
      continue;
    }
    double lo = good, hi = x;
    for (int i = 0; i < 60; ++i) {
      const double mid = 0.5 * (lo + hi);
      (bad(mid) ? hi : lo) = mid;
    }
    return lo;
  }
  return kInf;
}

TaylorView buildTaylor(const ActivationScene& s, const std::vector<double>& xs) {
  TaylorView t;
  t.xs = xs;
  t.ys.reserve(xs.size());
  t.sigmoid.reserve(xs.size());
  for (double x : xs) {
    t.ys.push_back(sigmoidTaylor(s.taylor_degree, x));
    t.sigmoid.push_back(sigmoid(x));
    t.max_error = std::max(t.max_error, std::abs(t.ys.back() - t.sigmoid.back()));
  }
  const double reach = std::max(std::abs(s.x_min), std::abs(s.x_max));
  t.within = taylorWithin(s.taylor_degree, s.taylor_tolerance, reach);
  // Departs somewhere in [x_min, x_max]: some |x| there is beyond `within`.
  t.departs_in_range = std::isfinite(t.within) && reach > t.within;
  return t;
}

void extendRange(const std::vector<double>& ys, double* lo, double* hi) {
  for (double y : ys) {
    if (!std::isfinite(y)) continue;
    *lo = std::min(*lo, y);
    *hi = std::max(*hi, y);
  }
}

}  // namespace

ActivationScene defaultActivationScene() {
  ActivationScene s;
  s.shown[int(Activation::Relu)] = true;
  s.shown[int(Activation::LeakyRelu)] = true;
  s.shown[int(Activation::Tanh)] = true;
  s.shown[int(Activation::Sigmoid)] = true;
  return s;
}

double activationParam(const ActivationScene& s, Activation a) {
  switch (a) {
    case Activation::LeakyRelu:
      return s.leaky_alpha;
    case Activation::Elu:
      return s.elu_alpha;
    case Activation::Softplus:
      return s.softplus_beta;
    default:
      return 0;
  }
}

std::string validateActivationScene(const ActivationScene& s) {
  const auto inRange = [](double v, const char* name, double lo, double hi) -> std::string {
    if (std::isfinite(v) && v >= lo && v <= hi) return "";
    char text[96];
    std::snprintf(text, sizeof text, "%s must be in [%g, %g]", name, lo, hi);
    return text;
  };
  const ActivationInfo& leaky = activationInfo(Activation::LeakyRelu);
  const ActivationInfo& elu = activationInfo(Activation::Elu);
  const ActivationInfo& softplus = activationInfo(Activation::Softplus);
  for (const std::string& e :
       {inRange(s.leaky_alpha, "leaky_alpha", leaky.param_min, leaky.param_max),
        inRange(s.elu_alpha, "elu_alpha", elu.param_min, elu.param_max),
        inRange(s.softplus_beta, "softplus_beta", softplus.param_min, softplus.param_max),
        inRange(s.x_min, "x_range[0]", -kActivationRangeLimit, kActivationRangeLimit),
        inRange(s.x_max, "x_range[1]", -kActivationRangeLimit, kActivationRangeLimit),
        inRange(s.taylor_degree, "taylor.degree", 1, kSigmoidTaylorMaxDegree),
        inRange(s.taylor_tolerance, "taylor.tolerance", 1e-12, 1)}) {
    if (!e.empty()) return e;
  }
  if (!(s.x_max - s.x_min >= kActivationMinSpan)) {
    char text[96];
    std::snprintf(text, sizeof text, "x_range: the end must exceed the start by at least %g",
                  kActivationMinSpan);
    return text;
  }
  return "";
}

void resetActivationLab(ActivationLab& lab) {
  lab.scene = defaultActivationScene();
  recomputeActivationLab(lab);
}

void recomputeActivationLab(ActivationLab& lab) {
  const ActivationScene& s = lab.scene;
  std::vector<double> kinks;
  for (const ActivationInfo& info : activationTable())
    for (double k : activationKinks(info.id)) kinks.push_back(k);
  lab.xs = samplePoints(s.x_min, s.x_max, kActivationSamples, kinks);

  lab.curves.clear();
  for (const ActivationInfo& info : activationTable())
    if (s.shown[int(info.id)])
      lab.curves.push_back(buildCurves(info.id, activationParam(s, info.id), lab.xs));

  lab.overlays.clear();
  for (const ActivationIdentityInfo& info : activationIdentityTable())
    if (s.identities[int(info.id)])
      lab.overlays.push_back(
          {info.id, identityCurves(info.id, lab.xs, s.leaky_alpha, s.softplus_beta)});

  lab.leaky_limit = leakyLimitOf(s.leaky_alpha);
  lab.leaky_limit_difference = 0;
  if (lab.leaky_limit != LeakyLimit::None) {
    for (double x : lab.xs) {
      const double other = lab.leaky_limit == LeakyLimit::Relu
                               ? activationValue(Activation::Relu, x, 0)
                               : activationValue(Activation::Linear, x, 0);
      lab.leaky_limit_difference =
          std::max(lab.leaky_limit_difference,
                   std::abs(activationValue(Activation::LeakyRelu, x, s.leaky_alpha) - other));
    }
  }
  lab.taylor = s.taylor ? buildTaylor(s, lab.xs) : TaylorView{};
  ++lab.version;
}

void setActivationShown(ActivationLab& lab, Activation a, bool shown) {
  lab.scene.shown[int(a)] = shown;
  recomputeActivationLab(lab);
}

void toggleActivation(ActivationLab& lab, Activation a) {
  setActivationShown(lab, a, !lab.scene.shown[int(a)]);
}

void setActivationParam(ActivationLab& lab, Activation a, double value) {
  const ActivationInfo& info = activationInfo(a);
  if (!info.param || !std::isfinite(value)) return;
  value = std::clamp(value, info.param_min, info.param_max);
  if (a == Activation::LeakyRelu) lab.scene.leaky_alpha = value;
  if (a == Activation::Elu) lab.scene.elu_alpha = value;
  if (a == Activation::Softplus) lab.scene.softplus_beta = value;
  recomputeActivationLab(lab);
}

std::string setActivationRange(ActivationLab& lab, double x_min, double x_max) {
  ActivationScene s = lab.scene;
  s.x_min = x_min;
  s.x_max = x_max;
  return applyActivationScene(lab, s);
}

void setIdentityShown(ActivationLab& lab, ActivationIdentity id, bool shown) {
  lab.scene.identities[int(id)] = shown;
  recomputeActivationLab(lab);
}

void toggleIdentity(ActivationLab& lab, ActivationIdentity id) {
  setIdentityShown(lab, id, !lab.scene.identities[int(id)]);
}

void setSecondDerivativeShown(ActivationLab& lab, bool shown) {
  lab.scene.show_second = shown;
  recomputeActivationLab(lab);
}

void setTaylor(ActivationLab& lab, bool shown, int degree, double tolerance) {
  lab.scene.taylor = shown;
  lab.scene.taylor_degree = std::clamp(degree, 1, kSigmoidTaylorMaxDegree);
  if (std::isfinite(tolerance)) lab.scene.taylor_tolerance = std::clamp(tolerance, 1e-12, 1.0);
  recomputeActivationLab(lab);
}

std::string applyActivationScene(ActivationLab& lab, const ActivationScene& scene) {
  const std::string problem = validateActivationScene(scene);
  if (!problem.empty()) return problem;
  lab.scene = scene;
  recomputeActivationLab(lab);
  return "";
}

void curveRange(const ActivationLab& lab, int order, double* y_min, double* y_max) {
  double lo = kInf, hi = -kInf;
  for (const ActivationCurves& c : lab.curves) extendRange(c.order[order].ys, &lo, &hi);
  for (const IdentityOverlay& o : lab.overlays) {
    // Identities are drawn on the values plot or the first-derivative plot, never on f''.
    if (order == 2 || activationIdentityInfo(o.id).on_derivative_plot != (order == 1)) continue;
    extendRange(o.curves.lhs, &lo, &hi);
    extendRange(o.curves.rhs, &lo, &hi);
  }
  if (order == 0 && lab.scene.taylor) extendRange(lab.taylor.sigmoid, &lo, &hi);
  if (!(lo <= hi)) lo = -1, hi = 1;  // nothing shown
  // Every plot shows y = 0 and a flat curve gets a unit of room.
  lo = std::min(lo, 0.0);
  hi = std::max(hi, 0.0);
  if (hi - lo < 1e-9) lo -= 0.5, hi += 0.5;
  const double pad = 0.05 * (hi - lo);
  *y_min = lo - pad;
  *y_max = hi + pad;
}

std::string activationLabel(const ActivationScene& s, Activation a) {
  const ActivationInfo& info = activationInfo(a);
  if (!info.param) return info.display_name;
  char text[96];
  std::snprintf(text, sizeof text, "%s (%s = %.3g)", info.display_name, info.param,
                activationParam(s, a));
  return text;
}

std::string formatDifference(double d) {
  char text[32];
  std::snprintf(text, sizeof text, d == 0 ? "0" : "%.2g", d);
  return text;
}

}  // namespace gradlab
