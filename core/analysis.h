// Analysis: Hessian eigen-analysis and classification of a point, conditioning, the largest
// stable gradient step of a quadratic, and a step-size sweep over a log grid.
#pragma once

#include <Eigen/Core>
#include <limits>
#include <vector>

#include "core/objective.h"

namespace gradlab {

// Defined in run.h (which includes this header); declared here for the sweep.
struct RunConfig;
enum class RunStatus;

// EXERCISES C7: the kind of a (stationary) point read from its Hessian's eigenvalues.
enum class PointKind {
  Minimum,     // positive definite: convex bowl
  Maximum,     // negative definite: dome
  Saddle,      // indefinite
  Degenerate,  // a zero eigenvalue: valley or ridge (second order cannot decide)
  Flat,        // not a stationary point: f is flat at its own scale (see isFlat); only
               // analyzePoint() and run() return it, never analyzeHessian()
};
// "minimum", "maximum", "saddle point", "degenerate point", "flat region".
const char* pointKindName(PointKind kind);

struct HessianAnalysis {
  Vec2 eigenvalues = Vec2::Zero();       // of the symmetric part (H + H^T) / 2, ascending
  Mat2 eigenvectors = Mat2::Identity();  // unit columns, column i belongs to eigenvalues(i)
  PointKind kind = PointKind::Degenerate;
  // |lambda|_max / |lambda|_min; +infinity for a degenerate Hessian (a zero eigenvalue).
  double condition_number = 0;
};

// Eigen-decomposition (Eigen::SelfAdjointEigenSolver on the symmetric part) and classification.
// An eigenvalue counts as zero when |lambda| <= max(abs_tol, rel_tol * max|lambda|); H = 0 is
// degenerate.
HessianAnalysis analyzeHessian(const Mat2& hess, double rel_tol = 1e-6, double abs_tol = 1e-12);

// [SECTION] Flat regions
// A gradient below the tolerance means a stationary point only where f has features at that
// point; on a plain (two bumps far from both, f ~ 1e-8) the gradient and the Hessian are tiny
// because f is nearly constant. The judge is f's own scale: the length L of the region looked at
// and the range F of f over it.
struct FunctionScale {
  double length = 0;  // L: the diagonal of the region
  double f_min = std::numeric_limits<double>::infinity();
  double f_max = -std::numeric_limits<double>::infinity();
  double range() const { return f_max >= f_min ? f_max - f_min : 0; }  // F
  void include(double f);  // non-finite values are skipped
};
// L and F over `region` grown to contain f's window: F from the finite values on a 17 x 17 grid
// of the window and, when the region is larger, one of the region too (so features inside the
// window are never skipped by a coarse grid).
FunctionScale functionScale(const Objective& f, const Window& region);
// The smallest window holding `window` and the point w.
Window grownWindow(const Window& window, const Vec2& w);

// The flat-region rule. At the point, f's second-order model changes f over the length L by at
// most  change = ||grad f|| L + max|lambda(H)| L^2 / 2,  and the model's own stationary point lies
// newton_distance = ||H^+ grad f|| away (H^+ the pseudo-inverse; infinite when the gradient has a
// component along a zero eigenvalue). The point is flat, not a stationary point, when
//   change <= negligible * F                                  (no curvature at f's scale), or
//   change <= weak * F  and  newton_distance >= far * L        (weak, and the model's stationary
//                                                                point is well away).
// Measured (tests/core/test_run.cpp, RunFlat): on the two-bumps plain change / F is 1e-4 to 0.02
// and newton_distance / L 0.008 to 0.02 (a Gaussian's tail); at its maxima and saddle change / F
// is above 50; for the minimum line of x^2 8, Rosenbrock's minimum 2.5; a stop at ||grad|| < 0.1
// on C5's bowl has change / F = 3.3 (so a loose tolerance is not "flat"); x^4 + y^4 stopped at
// ||grad|| < 1e-4 has change / F = 0.0018 and newton_distance / L = 0.0015 (a real minimum
// approached, not a plain). Both ratios are unchanged by f -> a f + b (a > 0) and by stretching w
// together with the window. F = 0 (f constant over the region) is flat only where the gradient
// and H vanish too.
struct FlatRule {
  double negligible = 1e-3;
  double weak = 0.1;
  double far = 5e-3;
};
bool isFlat(const Vec2& grad, const HessianAnalysis& hessian, const FunctionScale& scale,
            const FlatRule& rule = FlatRule());

// analyzeHessian at w, and kind = Flat where isFlat holds at the scale of f's window grown to
// contain w (the inspector's classification; run() applies the same rule at a run's end).
HessianAnalysis analyzePoint(const Objective& f, const Vec2& w, double rel_tol = 1e-6,
                             double abs_tol = 1e-12);
HessianAnalysis analyzePoint(const Objective& f, const Vec2& w, const Eval& at);

// For a quadratic f = w^T A w / 2 + b^T w with Hessian H = A, gradient descent
// w <- w - eta H (w - w*) contracts along every eigen-direction iff |1 - eta lambda| < 1, i.e.
// 0 < eta < 2 / lambda_max (EXERCISES D1 with H = F^T F). Returns 2 / lambda_max, or
// 2 / |lambda_min| when maximizing; +infinity when no eigenvalue has the curving-back sign
// (then no step size converges and none is bounded by curvature).
double largestStableStep(const Mat2& hess, bool maximize = false);

// [SECTION] Step-size sweep
struct SweepConfig {
  double min_step = 1e-4;  // first step size (> 0)
  double max_step = 10;    // last step size (> min_step)
  int count = 41;          // points on the log grid (>= 2)
};

struct SweepPoint {
  double step_size = 0;
  RunStatus status{};  // Converged, Diverged, MaxIterations, Plateau, ...
  int iterations = 0;  // iteration at which the run stopped (steps to converge if it did)
  double final_f = 0;
  Vec2 final_w = Vec2::Zero();
  // MaxIterations with the last steps mostly reversing direction (consecutive steps with a
  // negative dot product in >= 60% of the last 50 pairs): "oscillating" rather than "crawling".
  bool oscillating = false;
};

// Runs config from start once per step size (config.step_size) on the log grid
// min_step..max_step; pure Newton is swept as damped Newton. One trajectory buffer is reused.
std::vector<SweepPoint> stepSizeSweep(const Objective& f, const RunConfig& config,
                                      const Vec2& start, const SweepConfig& sweep);

}  // namespace gradlab
