// Analysis: Hessian eigen-analysis and classification of a point, conditioning, the largest
// stable gradient step of a quadratic, and a step-size sweep over a log grid.
#pragma once

#include <Eigen/Core>
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
};
// "minimum", "maximum", "saddle point", "degenerate point".
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
HessianAnalysis analyzePoint(const Objective& f, const Vec2& w, double rel_tol = 1e-6,
                             double abs_tol = 1e-12);

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

// Runs config from start once per step size on the log grid min_step..max_step (the active
// method's step size: lr, or eta for damped Newton). One trajectory buffer is reused.
std::vector<SweepPoint> stepSizeSweep(const Objective& f, const RunConfig& config,
                                      const Vec2& start, const SweepConfig& sweep);

}  // namespace gradlab
