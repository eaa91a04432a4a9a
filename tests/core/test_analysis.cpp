// Tests of the Hessian analysis (EXERCISES C7), conditioning, stable step (D1) and the sweep.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "core/analysis.h"
#include "core/run.h"
#include "optim_test_objectives.h"

namespace gradlab {
namespace {

using testing_objectives::builtin;
using testing_objectives::quadraticForm;

Mat2 sym(double a11, double a12, double a22) {
  Mat2 m;
  m << a11, a12, a12, a22;
  return m;
}

TEST(Classify, BowlIsMinimum) {
  const HessianAnalysis a = analyzeHessian(sym(2, 0, 6));
  EXPECT_EQ(a.kind, PointKind::Minimum);
  EXPECT_DOUBLE_EQ(a.eigenvalues(0), 2);
  EXPECT_DOUBLE_EQ(a.eigenvalues(1), 6);
  EXPECT_DOUBLE_EQ(a.condition_number, 3);
}

TEST(Classify, DomeIsMaximum) {
  EXPECT_EQ(analyzeHessian(sym(-2, 0.5, -1)).kind, PointKind::Maximum);
}

TEST(Classify, SaddleIsIndefinite) {
  const HessianAnalysis a = analyzeHessian(sym(0, 1, 0));  // f = x y
  EXPECT_EQ(a.kind, PointKind::Saddle);
  EXPECT_NEAR(a.eigenvalues(0), -1, 1e-15);
  EXPECT_NEAR(a.eigenvalues(1), 1, 1e-15);
  // Eigenvectors (1, -1)/sqrt2 and (1, 1)/sqrt2 up to sign.
  EXPECT_NEAR(std::abs(a.eigenvectors.col(1).dot(Vec2(1, 1).normalized())), 1, 1e-15);
  EXPECT_NEAR(std::abs(a.eigenvectors.col(0).dot(Vec2(1, -1).normalized())), 1, 1e-15);
}

TEST(Classify, ValleyIsDegenerateWithInfiniteConditionNumber) {
  const HessianAnalysis a = analyzeHessian(sym(0, 0, 2));  // f = y^2
  EXPECT_EQ(a.kind, PointKind::Degenerate);
  EXPECT_TRUE(std::isinf(a.condition_number));
  EXPECT_EQ(analyzeHessian(Mat2::Zero()).kind, PointKind::Degenerate);  // linear (C2)
  // Relative tolerance: 1e-9 next to 1 counts as zero, 1e-3 does not.
  EXPECT_EQ(analyzeHessian(sym(1e-9, 0, 1)).kind, PointKind::Degenerate);
  EXPECT_EQ(analyzeHessian(sym(1e-3, 0, 1)).kind, PointKind::Minimum);
}

TEST(Classify, UsesTheSymmetricPart) {
  Mat2 m;
  m << 1, 4, -4, 1;  // symmetric part I
  EXPECT_EQ(analyzeHessian(m).kind, PointKind::Minimum);
}

TEST(Classify, TwoBumpsKnownPointsHaveTheirKinds) {
  std::string error;
  ObjectivePtr f = builtin("two-bumps", &error);
  ASSERT_TRUE(f) << error;
  for (const KnownPoint& p : f->info().known_points) {
    const PointKind kind = analyzePoint(*f, p.w).kind;
    const std::string expected = p.kind == "saddle" ? "saddle point" : p.kind;
    EXPECT_EQ(pointKindName(kind), expected) << p.w.transpose();
  }
}

TEST(Classify, BuiltinBowlDomeSaddleValleyHaveTheirKindsEverywhere) {
  const std::pair<const char*, PointKind> cases[] = {
      {"bowl", PointKind::Minimum},      {"dome", PointKind::Maximum},
      {"saddle", PointKind::Saddle},     {"valley", PointKind::Degenerate},
      {"linear", PointKind::Degenerate}, {"sq-norm", PointKind::Minimum}};
  for (const auto& [name, kind] : cases) {
    std::string error;
    ObjectivePtr f = builtin(name, &error);
    ASSERT_TRUE(f) << error;
    for (const Vec2& w : {Vec2(0, 0), Vec2(1.5, -0.7)}) {
      EXPECT_EQ(analyzePoint(*f, w).kind, kind) << name << " at " << w.transpose();
    }
  }
  std::string error;
  ObjectivePtr bowl = builtin("bowl", &error);
  ASSERT_TRUE(bowl) << error;
  // Default curvatures a = 1, b = 4: condition number 4.
  EXPECT_NEAR(analyzePoint(*bowl, Vec2(0, 0)).condition_number, 4, 1e-12);
}

TEST(Conditioning, C5QuadraticHasEigenvalues1And3) {
  const HessianAnalysis a = analyzeHessian(sym(2, -1, 2));
  EXPECT_NEAR(a.eigenvalues(0), 1, 1e-15);
  EXPECT_NEAR(a.eigenvalues(1), 3, 1e-15);
  EXPECT_NEAR(a.condition_number, 3, 1e-15);
  EXPECT_NEAR(largestStableStep(sym(2, -1, 2)), 2.0 / 3, 1e-15);
}

TEST(Conditioning, StableStepForMaximizingUsesTheMostNegativeEigenvalue) {
  EXPECT_NEAR(largestStableStep(sym(-4, 0, -1), /*maximize=*/true), 0.5, 1e-15);
  EXPECT_TRUE(std::isinf(largestStableStep(sym(-4, 0, -1))));
  EXPECT_TRUE(std::isinf(largestStableStep(Mat2::Zero())));
}

TEST(Conditioning, GradientDescentConvergesJustBelowTheStableStepAndDivergesAbove) {
  ObjectivePtr f = quadraticForm(2, -1, 2, Vec2(-3, 0));  // C5 up to a constant
  const double eta_max = largestStableStep(sym(2, -1, 2));
  RunConfig c = defaultRunConfig(Method::GradientDescent);
  c.step_size = 0.95 * eta_max;
  EXPECT_EQ(run(*f, c, Vec2(1, 1)).status, RunStatus::Converged);
  c.step_size = 1.05 * eta_max;
  EXPECT_EQ(run(*f, c, Vec2(1, 1)).status, RunStatus::Diverged);
}

TEST(Sweep, QuadraticConvergesBelowTwoOverLambdaMaxAndDivergesAbove) {
  ObjectivePtr f = quadraticForm(2, -1, 2, Vec2(-3, 0));
  SweepConfig s;
  s.min_step = 1e-2;
  s.max_step = 10;
  s.count = 31;
  const std::vector<SweepPoint> pts =
      stepSizeSweep(*f, defaultRunConfig(Method::GradientDescent), Vec2(1, 1), s);
  ASSERT_EQ(pts.size(), 31u);
  EXPECT_DOUBLE_EQ(pts.front().step_size, 1e-2);
  EXPECT_DOUBLE_EQ(pts.back().step_size, 10);
  int previous = std::numeric_limits<int>::max();
  for (const SweepPoint& p : pts) {
    if (p.step_size < 0.5) {  // slower the smaller the step, always converging
      EXPECT_EQ(p.status, RunStatus::Converged) << p.step_size;
      EXPECT_LE(p.iterations, previous) << p.step_size;
      previous = p.iterations;
    } else if (p.step_size > 2.0 / 3) {
      EXPECT_EQ(p.status, RunStatus::Diverged) << p.step_size;
    }
  }
  // eta = 0.01 contracts the slow eigen-direction (lambda = 1) by only 0.99 per step.
  EXPECT_GT(pts.front().iterations, 800);
}

TEST(Sweep, TwoBumpsShowsConvergenceOscillationAndPlateau) {
  std::string error;
  ObjectivePtr f = builtin("two-bumps", &error);
  ASSERT_TRUE(f) << error;
  SweepConfig s;
  s.min_step = 0.1;
  s.max_step = 5;
  s.count = 2;
  RunConfig c = defaultRunConfig(Method::GradientDescent, /*maximize=*/true);
  const std::vector<SweepPoint> two = stepSizeSweep(*f, c, Vec2(0.2, 0.5), s);
  ASSERT_EQ(two.size(), 2u);
  EXPECT_EQ(two[0].status, RunStatus::Converged);
  EXPECT_EQ(two[0].iterations, 55);
  EXPECT_EQ(two[1].status, RunStatus::Plateau);
  EXPECT_EQ(two[1].iterations, 1);
  s.min_step = 1;
  s.max_step = 1.0001;
  c.stop.max_iterations = 2000;
  const std::vector<SweepPoint> one = stepSizeSweep(*f, c, Vec2(0.2, 0.5), s);
  EXPECT_EQ(one[0].status, RunStatus::MaxIterations);
  EXPECT_TRUE(one[0].oscillating);
}

TEST(Sweep, BadGridGivesNoPoints) {
  ObjectivePtr f = quadraticForm(2, 0, 2);  // ||w||^2
  SweepConfig s;
  s.min_step = 0;
  EXPECT_TRUE(stepSizeSweep(*f, defaultRunConfig(Method::Adam), Vec2(1, 1), s).empty());
}

}  // namespace
}  // namespace gradlab
