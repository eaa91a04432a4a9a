// Hessian eigen-analysis, classification, stable step and the step-size sweep.
#include "core/analysis.h"

#include <Eigen/Eigenvalues>
#include <algorithm>
#include <cmath>
#include <limits>

#include "core/run.h"

namespace gradlab {

const char* pointKindName(PointKind kind) {
  switch (kind) {
    case PointKind::Minimum:
      return "minimum";
    case PointKind::Maximum:
      return "maximum";
    case PointKind::Saddle:
      return "saddle point";
    case PointKind::Degenerate:
      return "degenerate point";
    case PointKind::Flat:
      return "flat region";
  }
  return "?";
}

HessianAnalysis analyzeHessian(const Mat2& hess, double rel_tol, double abs_tol) {
  HessianAnalysis a;
  const Mat2 sym = 0.5 * (hess + hess.transpose());
  if (!sym.allFinite()) {
    a.eigenvalues = Vec2::Constant(std::numeric_limits<double>::quiet_NaN());
    a.condition_number = std::numeric_limits<double>::quiet_NaN();
    return a;  // Degenerate: nothing can be read from it
  }
  const Eigen::SelfAdjointEigenSolver<Mat2> solver(sym);
  a.eigenvalues = solver.eigenvalues();
  a.eigenvectors = solver.eigenvectors();

  const double lo = a.eigenvalues(0), hi = a.eigenvalues(1);
  const double largest = std::max(std::abs(lo), std::abs(hi));
  const double smallest = std::min(std::abs(lo), std::abs(hi));
  const double zero = std::max(abs_tol, rel_tol * largest);
  const bool lo_zero = std::abs(lo) <= zero, hi_zero = std::abs(hi) <= zero;
  if (lo_zero || hi_zero) {
    a.kind = PointKind::Degenerate;
  } else if (lo > 0) {
    a.kind = PointKind::Minimum;
  } else if (hi < 0) {
    a.kind = PointKind::Maximum;
  } else {
    a.kind = PointKind::Saddle;
  }
  a.condition_number = a.kind == PointKind::Degenerate ? std::numeric_limits<double>::infinity()
                                                       : largest / smallest;
  return a;
}

void FunctionScale::include(double f) {
  if (!std::isfinite(f)) return;
  f_min = std::min(f_min, f);
  f_max = std::max(f_max, f);
}

namespace {

// f over an n x n grid of `w` into scale.
void sampleGrid(const Objective& f, const Window& w, FunctionScale& scale) {
  constexpr int kGrid = 17;
  std::vector<double> xs(kGrid * kGrid), ys(kGrid * kGrid), out(kGrid * kGrid);
  for (int i = 0; i < kGrid; ++i) {
    for (int j = 0; j < kGrid; ++j) {
      xs[i * kGrid + j] = w.x_min + (w.x_max - w.x_min) * j / (kGrid - 1);
      ys[i * kGrid + j] = w.y_min + (w.y_max - w.y_min) * i / (kGrid - 1);
    }
  }
  f.values(xs.data(), ys.data(), out.data(), out.size());
  for (double v : out) scale.include(v);
}

}  // namespace

Window grownWindow(const Window& window, const Vec2& w) {
  Window g = window;
  if (!w.allFinite()) return g;
  g.x_min = std::min(g.x_min, w.x());
  g.x_max = std::max(g.x_max, w.x());
  g.y_min = std::min(g.y_min, w.y());
  g.y_max = std::max(g.y_max, w.y());
  return g;
}

FunctionScale functionScale(const Objective& f, const Window& region) {
  const Window& home = f.info().window;
  Window r = region;
  r.x_min = std::min(r.x_min, home.x_min);
  r.x_max = std::max(r.x_max, home.x_max);
  r.y_min = std::min(r.y_min, home.y_min);
  r.y_max = std::max(r.y_max, home.y_max);
  FunctionScale scale;
  scale.length = std::hypot(r.x_max - r.x_min, r.y_max - r.y_min);
  sampleGrid(f, home, scale);
  if (r.x_min < home.x_min || r.x_max > home.x_max || r.y_min < home.y_min || r.y_max > home.y_max)
    sampleGrid(f, r, scale);
  return scale;
}

bool isFlat(const Vec2& grad, const HessianAnalysis& hessian, const FunctionScale& scale,
            const FlatRule& rule) {
  const double curvature = hessian.eigenvalues.cwiseAbs().maxCoeff();
  const double length = scale.length;
  const double change = grad.norm() * length + 0.5 * curvature * length * length;
  const double range = scale.range();
  // Written so that NaN (an undefined gradient or Hessian) is never called flat.
  if (change <= rule.negligible * range) return true;
  if (!(change <= rule.weak * range)) return false;
  // ||H^+ g|| over the eigen-directions; a zero eigenvalue (as analyzeHessian counts them) with a
  // gradient along it has no stationary point of the model at all.
  const double zero = 1e-6 * curvature;
  double distance2 = 0;
  for (int i = 0; i < 2; ++i) {
    const double along = hessian.eigenvectors.col(i).dot(grad);
    const double lambda = std::abs(hessian.eigenvalues(i));
    if (lambda > zero) {
      distance2 += (along / lambda) * (along / lambda);
    } else if (along != 0) {
      return true;
    }
  }
  return std::sqrt(distance2) >= rule.far * length;
}

HessianAnalysis analyzePoint(const Objective& f, const Vec2& w, const Eval& at) {
  HessianAnalysis a = analyzeHessian(at.hess);
  FunctionScale scale = functionScale(f, grownWindow(f.info().window, w));
  scale.include(at.f);
  if (isFlat(at.grad, a, scale)) a.kind = PointKind::Flat;
  return a;
}

HessianAnalysis analyzePoint(const Objective& f, const Vec2& w, double rel_tol, double abs_tol) {
  const Eval at = f.eval(w);
  HessianAnalysis a = analyzeHessian(at.hess, rel_tol, abs_tol);
  if (analyzePoint(f, w, at).kind == PointKind::Flat) a.kind = PointKind::Flat;
  return a;
}

double largestStableStep(const Mat2& hess, bool maximize) {
  const Eigen::SelfAdjointEigenSolver<Mat2> solver(0.5 * (hess + hess.transpose()),
                                                   Eigen::EigenvaluesOnly);
  const Vec2& lambda = solver.eigenvalues();  // ascending
  const double curving_back = maximize ? -lambda(0) : lambda(1);
  if (!(curving_back > 0)) return std::numeric_limits<double>::infinity();
  return 2.0 / curving_back;
}

namespace {

// The oscillation test documented at SweepPoint::oscillating.
bool lastStepsOscillate(const std::vector<Iterate>& its) {
  constexpr int kPairs = 50;
  const int n = static_cast<int>(its.size());
  int pairs = 0, reversals = 0;
  for (int k = std::max(2, n - kPairs); k < n; ++k) {
    const Vec2 before = its[k - 1].w - its[k - 2].w;
    const Vec2 after = its[k].w - its[k - 1].w;
    ++pairs;
    if (before.dot(after) < 0) ++reversals;
  }
  return pairs > 0 && reversals * 10 >= pairs * 6;
}

}  // namespace

std::vector<SweepPoint> stepSizeSweep(const Objective& f, const RunConfig& config,
                                      const Vec2& start, const SweepConfig& sweep) {
  std::vector<SweepPoint> out;
  if (!(sweep.min_step > 0) || !(sweep.max_step > sweep.min_step) || sweep.count < 2) return out;
  out.reserve(sweep.count);
  RunConfig c = config;
  // Pure Newton has no step size; the sweep varies damped Newton's eta instead.
  if (c.method == Method::Newton) c.method = Method::DampedNewton;
  Trajectory t;
  const double log_lo = std::log(sweep.min_step), log_hi = std::log(sweep.max_step);
  for (int i = 0; i < sweep.count; ++i) {
    const double s = i == sweep.count - 1
                         ? sweep.max_step
                         : std::exp(log_lo + (log_hi - log_lo) * i / (sweep.count - 1));
    c.step_size = s;
    run(f, c, start, t);
    SweepPoint p;
    p.step_size = s;
    p.status = t.status;
    p.iterations = t.status_iteration;
    p.final_f = t.iterates.back().f;
    p.final_w = t.iterates.back().w;
    p.oscillating = t.status == RunStatus::MaxIterations && lastStepsOscillate(t.iterates);
    out.push_back(p);
  }
  return out;
}

}  // namespace gradlab
