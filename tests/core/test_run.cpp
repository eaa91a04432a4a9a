// Tests of run(): EXERCISES C1, C2, C4, C5 and C6 numbers, every stop rule and status, messages.
#include <gtest/gtest.h>

#include <cmath>

#include "core/expression.h"
#include "core/run.h"
#include "optim_test_objectives.h"

namespace gradlab {
namespace {

using testing_objectives::builtin;

ObjectivePtr mustMake(const std::string& name) {
  std::string error;
  ObjectivePtr f = builtin(name, &error);
  EXPECT_TRUE(f) << error;
  return f;
}

RunConfig gd(double lr, bool maximize = false) {
  RunConfig c = defaultRunConfig(Method::GradientDescent, maximize);
  c.step_size = lr;
  return c;
}

// [SECTION] C5

TEST(RunC5, GradientDescentIteratesAndGradientNormsMatchExercise) {
  ObjectivePtr f = mustMake("quadratic");
  ASSERT_TRUE(f);
  RunConfig c = gd(0.5);
  c.stop.max_iterations = 5;
  const Trajectory t = run(*f, c, Vec2(1, 1));
  ASSERT_EQ(t.iterates.size(), 6u);
  const Vec2 expected[] = {{1, 1}, {2, 0.5}, {1.75, 1}, {2, 0.875}, {1.9375, 1}, {2, 0.96875}};
  for (int k = 0; k < 6; ++k) {
    EXPECT_EQ(t.iterates[k].w, expected[k]) << "iterate " << k;  // exact in binary
  }
  // 2.236, 1.118, 0.559, 0.280, 0.140: sqrt(5) halving each step.
  for (int k = 0; k < 5; ++k) {
    EXPECT_NEAR(t.iterates[k].gradNorm(), std::sqrt(5.0) / std::pow(2.0, k), 1e-15);
  }
  EXPECT_NEAR(t.iterates[0].gradNorm(), 2.236, 5e-4);
  EXPECT_NEAR(t.iterates[4].gradNorm(), 0.140, 5e-4);
  EXPECT_EQ(t.iterates[0].step_length, 0);
  EXPECT_DOUBLE_EQ(t.iterates[1].step_length, std::sqrt(1.25));
  EXPECT_EQ(t.status, RunStatus::MaxIterations);
  EXPECT_EQ(t.status_iteration, 5);
  EXPECT_EQ(t.message, "no convergence in 5 steps");
}

TEST(RunC5, GradientDescentConvergesToMinimum) {
  ObjectivePtr f = mustMake("quadratic");
  ASSERT_TRUE(f);
  const Trajectory t = run(*f, gd(0.5), Vec2(1, 1));
  EXPECT_EQ(t.status, RunStatus::Converged);
  EXPECT_EQ(t.endpoint.kind, PointKind::Minimum);
  EXPECT_NEAR(t.iterates.back().w.x(), 2, 1e-4);
  EXPECT_NEAR(t.iterates.back().w.y(), 1, 1e-4);
  // ||grad|| = sqrt(5) / 2^k < 1e-4 first at k = 15.
  EXPECT_EQ(t.status_iteration, 15);
  EXPECT_EQ(t.message.rfind("converged in 15 steps to a minimum (f = -3", 0), 0u) << t.message;
}

TEST(RunC5, NewtonReachesMinimumInOneStep) {
  ObjectivePtr f = mustMake("quadratic");
  ASSERT_TRUE(f);
  const Trajectory t = run(*f, defaultRunConfig(Method::Newton), Vec2(1, 1));
  ASSERT_GE(t.iterates.size(), 2u);
  EXPECT_NEAR(t.iterates[1].w.x(), 2, 1e-15);  // not (-0.5, 1) as the student solution had
  EXPECT_NEAR(t.iterates[1].w.y(), 1, 1e-15);
  EXPECT_NEAR(t.iterates[1].f, -3, 1e-15);
  EXPECT_EQ(t.status, RunStatus::Converged);
  EXPECT_EQ(t.status_iteration, 1);
  EXPECT_EQ(t.message, "converged in 1 step to a minimum (f = -3)");
}

// [SECTION] C1, C2, C6

TEST(RunC1, NewtonOnSquaredNormLandsOnZeroFromAnywhere) {
  ObjectivePtr f = mustMake("sq-norm");
  ASSERT_TRUE(f);
  for (const Vec2& start : {Vec2(3, -4), Vec2(-1e3, 7.5), Vec2(1e-3, 2e5)}) {
    const Trajectory t = run(*f, defaultRunConfig(Method::Newton), start);
    ASSERT_GE(t.iterates.size(), 2u);
    EXPECT_EQ(t.iterates[1].w, Vec2(0, 0)) << start.transpose();
    EXPECT_EQ(t.status, RunStatus::Converged);
    EXPECT_EQ(t.status_iteration, 1);
  }
}

TEST(RunC2, NewtonOnLinearFunctionReportsHessianSingular) {
  ObjectivePtr f = mustMake("linear");  // w^T z
  ASSERT_TRUE(f);
  const Trajectory t = run(*f, defaultRunConfig(Method::Newton), Vec2(0.3, 0.4));
  EXPECT_EQ(t.status, RunStatus::NewtonImpossible);
  EXPECT_EQ(t.status_iteration, 0);
  EXPECT_EQ(t.message, "Newton impossible: Hessian singular");
  ASSERT_EQ(t.iterates.size(), 1u);
  EXPECT_TRUE(t.iterates[0].w.allFinite());
  // Damped Newton needs the inverse as well.
  EXPECT_EQ(run(*f, defaultRunConfig(Method::DampedNewton), Vec2(1, 1)).status,
            RunStatus::NewtonImpossible);
}

TEST(RunC6, NewtonOnCubicAtInflectionReportsHessianSingular) {
  ObjectivePtr cubic = mustMake("cubic");  // 2 x1^3 - 5 x1 + x2^2
  ASSERT_TRUE(cubic);
  const Objective& f = *cubic;
  const Trajectory t = run(f, defaultRunConfig(Method::Newton), Vec2(0, 1));
  EXPECT_EQ(t.status, RunStatus::NewtonImpossible);
  EXPECT_EQ(t.message, "Newton impossible: Hessian singular");
  // Elsewhere Newton converges to the stationary point x = sqrt(5/6) (a minimum) or
  // x = -sqrt(5/6) (a saddle: Newton is attracted to saddles as readily).
  RunConfig c = defaultRunConfig(Method::Newton);
  c.stop.grad_tol = 1e-12;
  const Trajectory plus = run(f, c, Vec2(2, 1));
  EXPECT_EQ(plus.status, RunStatus::Converged);
  EXPECT_NEAR(plus.iterates.back().w.x(), std::sqrt(5.0 / 6), 1e-12);
  EXPECT_EQ(plus.endpoint.kind, PointKind::Minimum);
  const Trajectory minus = run(f, c, Vec2(-2, 1));
  EXPECT_EQ(minus.status, RunStatus::Converged);
  EXPECT_NEAR(minus.iterates.back().w.x(), -std::sqrt(5.0 / 6), 1e-12);
  EXPECT_EQ(minus.endpoint.kind, PointKind::Saddle);
  EXPECT_EQ(minus.message.rfind("converged in", 0), 0u);
  EXPECT_NE(minus.message.find("saddle point"), std::string::npos) << minus.message;
}

TEST(RunNewton, MaximizeTakesTheSameStep) {
  ObjectivePtr f = mustMake("quadratic");
  ASSERT_TRUE(f);
  RunConfig c = defaultRunConfig(Method::Newton, /*maximize=*/true);
  const Trajectory t = run(*f, c, Vec2(-5, 3));
  EXPECT_NEAR(t.iterates[1].w.x(), 2, 1e-14);
  EXPECT_NEAR(t.iterates[1].w.y(), 1, 1e-14);
}

// [SECTION] C4

struct C4Case {
  Vec2 start;
  int steps;
  int maximum;  // index into the known maxima: 0 = (0.0707, 0.9293), 1 = (0.9293, 0.0707)
};

TEST(RunC4, GradientAscentEta01ReachesTheMaximaFromAllThreeStarts) {
  ObjectivePtr f = mustMake("two-bumps");
  ASSERT_TRUE(f);
  const Vec2 maxima[] = {{0.070720181679944819, 0.92927981832005518},
                         {0.92927981832005518, 0.070720181679944819}};
  const C4Case cases[] = {{{0.2, 0.5}, 55, 0}, {{0.5, 0.2}, 54, 1}, {{1.0, 1.0}, 65, 0}};
  for (const C4Case& c : cases) {
    const Trajectory t = run(*f, gd(0.1, /*maximize=*/true), c.start);
    EXPECT_EQ(t.status, RunStatus::Converged) << t.message;
    EXPECT_EQ(t.status_iteration, c.steps) << c.start.transpose();
    EXPECT_EQ(static_cast<int>(t.iterates.size()), c.steps + 1);
    EXPECT_LT(t.iterates.back().gradNorm(), 1e-4);
    EXPECT_LT((t.iterates.back().w - maxima[c.maximum]).norm(), 1e-4) << c.start.transpose();
    EXPECT_NEAR(t.iterates.back().f, 1.060077, 5e-7);
    EXPECT_EQ(t.endpoint.kind, PointKind::Maximum);
    EXPECT_EQ(t.message,
              "converged in " + std::to_string(c.steps) + " steps to a maximum (f = 1.060077)");
  }
}

TEST(RunC4, GradientAscentEta1OscillatesWithoutConverging) {
  ObjectivePtr f = mustMake("two-bumps");
  ASSERT_TRUE(f);
  for (const Vec2& start : {Vec2(0.2, 0.5), Vec2(0.5, 0.2), Vec2(1.0, 1.0)}) {
    const Trajectory t = run(*f, gd(1.0, true), start);
    EXPECT_EQ(t.status, RunStatus::MaxIterations);
    EXPECT_EQ(t.status_iteration, 10000);
    EXPECT_EQ(t.iterates.size(), 10001u);
    EXPECT_EQ(t.message, "no convergence in 10000 steps");
    EXPECT_GT(t.iterates.back().gradNorm(), 0.1);  // still far from stationary
  }
}

TEST(RunC4, GradientAscentEta5StopsOnThePlateau) {
  ObjectivePtr f = mustMake("two-bumps");
  ASSERT_TRUE(f);
  // (0.2, 0.5) and (1, 1) jump onto the plain in one step.
  for (const Vec2& start : {Vec2(0.2, 0.5), Vec2(1.0, 1.0)}) {
    const Trajectory t = run(*f, gd(5.0, true), start);
    EXPECT_EQ(t.status, RunStatus::Plateau) << t.message;
    EXPECT_EQ(t.status_iteration, 1);
    EXPECT_EQ(t.stop_rule, StopRule::Gradient);
    EXPECT_LT(t.iterates.back().f, 1e-5);
    EXPECT_EQ(t.best_iteration, 0);
  }
  const Trajectory a = run(*f, gd(5.0, true), Vec2(0.2, 0.5));
  EXPECT_EQ(a.message, "stopped on a plateau at step 1 (f = 9.1e-06; best seen 0.903)");
  // (0.5, 0.2) wanders for 285 steps and stops near (-2.12, -1.40).
  const Trajectory b = run(*f, gd(5.0, true), Vec2(0.5, 0.2));
  EXPECT_EQ(b.status, RunStatus::Plateau) << b.message;
  EXPECT_EQ(b.status_iteration, 285);
  EXPECT_NEAR(b.iterates.back().w.x(), -2.12, 5e-3);
  EXPECT_NEAR(b.iterates.back().w.y(), -1.40, 5e-3);
  EXPECT_EQ(b.message.rfind("stopped on a plateau at step 285 (f = 1.2e-06; best seen", 0), 0u)
      << b.message;
  EXPECT_FALSE(b.hint.empty());
}

TEST(RunPlateau, StartOnThePlainIsAFlatRegionNotAGapPlateau) {
  ObjectivePtr f = mustMake("two-bumps");
  ASSERT_TRUE(f);
  // A start already on the plain: the gradient test fires at once and f_end is the best seen, so
  // the gap test cannot fire; the flat-region rule does (it was "converged in 0 steps").
  const Trajectory t = run(*f, gd(0.1, true), Vec2(-2, 3));
  EXPECT_EQ(t.status, RunStatus::Plateau) << t.message;
  EXPECT_EQ(t.status_iteration, 0);
  EXPECT_EQ(t.endpoint.kind, PointKind::Flat);
  EXPECT_EQ(t.message.find("best seen"), std::string::npos) << t.message;
}

TEST(RunPlateau, ThresholdsControlTheDecision) {
  ObjectivePtr f = mustMake("two-bumps");
  ASSERT_TRUE(f);
  RunConfig c = gd(5.0, true);
  c.stop.plateau_curvature = 0;  // the Hessian is never exactly 0 there
  // The gap test no longer fires; the end is still flat at f's scale, so the flat-region rule
  // reports it (without the gap's "best seen").
  Trajectory t = run(*f, c, Vec2(0.2, 0.5));
  EXPECT_EQ(t.status, RunStatus::Plateau);
  EXPECT_EQ(t.message, "stopped on a flat region, not a stationary point, at step 1 (f = 9.1e-06)");
  c = gd(5.0, true);
  c.stop.plateau_gap = 1.0;  // the gap can never exceed max(|best|, |f_end|)
  t = run(*f, c, Vec2(0.2, 0.5));
  EXPECT_EQ(t.status, RunStatus::Plateau);
  EXPECT_EQ(t.message.find("best seen"), std::string::npos) << t.message;
}

// Review item: the curvature test compared max|lambda| (units f / w^2) with the gap (units f),
// so stretching w by 1000 turned a genuine lower local maximum into a "plateau". Two bumps of
// heights 1 and 0.2: from (-0.5, 0) (f = 0.78) the first step of ascent with lr = 5.4 jumps past
// the high bump into the low bump's basin, and the run converges to its maximum (4, 0).
TEST(RunPlateau, StretchingWDoesNotChangeTheClassification) {
  const auto bumps = [](double s) {
    const std::string x = "(x/" + std::to_string(s) + ")", y = "(y/" + std::to_string(s) + ")";
    return "exp(-" + x + "^2 - " + y + "^2) + 0.2*exp(-((" + x + " - 4)^2 + " + y + "^2)/4)";
  };
  for (double s : {1.0, 1000.0, 1e-3}) {
    std::string error;
    ObjectivePtr f = makeExpressionObjective(bumps(s), &error);
    ASSERT_TRUE(f) << error;
    RunConfig c = gd(5.4 * s * s, /*maximize=*/true);
    c.stop.grad_tol = 1e-4 / s;
    const Trajectory t = run(*f, c, Vec2(-0.5 * s, 0));
    EXPECT_EQ(t.status, RunStatus::Converged) << "s = " << s << ": " << t.message;
    EXPECT_EQ(t.endpoint.kind, PointKind::Maximum) << "s = " << s;
    EXPECT_NEAR(t.iterates.back().w.x() / s, 4, 1e-3) << "s = " << s;
    EXPECT_NEAR(t.iterates.back().f, 0.2, 1e-6) << "s = " << s;
    EXPECT_EQ(t.best_iteration, 0) << "s = " << s;  // the run ended far below its best f
    EXPECT_GT(t.best_f - t.iterates.back().f, 0.5 * t.best_f);
  }
  // And the C4 plateau (eta = 5 from (0.2, 0.5), two-bumps typed) stays a plateau.
  for (double s : {1.0, 1000.0}) {
    const std::string x = "(x/" + std::to_string(s) + ")", y = "(y/" + std::to_string(s) + ")";
    std::string error;
    std::string text = "exp(-";
    text.append(x).append("^2 - 2*(").append(y).append("-1)^2) + exp(-(").append(x);
    text.append("-1)^2 - 2*").append(y).append("^2)");
    ObjectivePtr f = makeExpressionObjective(text, &error);
    ASSERT_TRUE(f) << error;
    RunConfig c = gd(5.0 * s * s, /*maximize=*/true);
    c.stop.grad_tol = 1e-4 / s;
    const Trajectory t = run(*f, c, Vec2(0.2 * s, 0.5 * s));
    EXPECT_EQ(t.status, RunStatus::Plateau) << "s = " << s << ": " << t.message;
    EXPECT_EQ(t.status_iteration, 1) << "s = " << s;
  }
}

// [SECTION] Flat regions (issue 15 item 2): a gradient below the tolerance because f is flat

// Two bumps at (3, 3): f = 4.17e-08, ||grad|| < 1e-4 at once. It was "converged in 0 steps to a
// saddle point"; at (100, 0.5) (f = 0, H = 0) "converged in 0 steps to a degenerate point".
TEST(RunFlat, TwoBumpsStartOnThePlainIsAFlatRegionNotASaddle) {
  ObjectivePtr f = mustMake("two-bumps");
  ASSERT_TRUE(f);
  for (const Vec2& start : {Vec2(3, 3), Vec2(100, 0.5)}) {
    const Trajectory t = run(*f, gd(0.1, true), start);
    EXPECT_EQ(t.status, RunStatus::Plateau) << t.message;
    EXPECT_EQ(t.status_iteration, 0);
    EXPECT_EQ(t.endpoint.kind, PointKind::Flat);
    EXPECT_EQ(t.message.rfind("stopped on a flat region, not a stationary point, at step 0", 0), 0u)
        << t.message;
    EXPECT_NE(t.hint.find("start closer"), std::string::npos) << t.hint;
    // The inspector's classification of the same point agrees.
    EXPECT_EQ(analyzePoint(*f, start).kind, PointKind::Flat) << start.transpose();
  }
  EXPECT_EQ(run(*f, gd(0.1, true), Vec2(3, 3)).message,
            "stopped on a flat region, not a stationary point, at step 0 (f = 4.2e-08)");
}

// Many steps: descending two bumps (eta = 0.5) runs downhill onto the plain and, after about
// 2,800 steps, stops there with the gradient below 1e-4. It ended at its best value (so the gap
// test cannot fire) and was "converged in 2849 steps to a saddle point (f = 1.271588e-05)"; with
// eta = 5 from (0.5, 0.2) "converged in 270 steps to a minimum". Two bumps has no minimum.
TEST(RunFlat, DescentThatCrawlsOntoThePlainStopsOnAFlatRegion) {
  ObjectivePtr f = mustMake("two-bumps");
  ASSERT_TRUE(f);
  const std::pair<Vec2, double> cases[] = {{{0.2, 0.5}, 0.5}, {{0.5, 0.2}, 0.5}, {{0.5, 0.2}, 5}};
  for (const auto& [start, lr] : cases) {
    const Trajectory t = run(*f, gd(lr, /*maximize=*/false), start);
    EXPECT_EQ(t.status, RunStatus::Plateau) << t.message;
    EXPECT_GT(t.status_iteration, 100);
    EXPECT_EQ(t.best_iteration, t.status_iteration);
    EXPECT_EQ(t.endpoint.kind, PointKind::Flat);
    EXPECT_EQ(t.message.rfind("stopped on a flat region, not a stationary point, at step " +
                                  std::to_string(t.status_iteration),
                              0),
              0u)
        << t.message;
  }
  EXPECT_EQ(run(*f, gd(0.5, false), Vec2(0.2, 0.5)).message,
            "stopped on a flat region, not a stationary point, at step 2849 (f = 1.3e-05)");
}

// Genuine stationary points stay classified (EXERCISES C4, C5, C7), including degenerate ones
// (f = x^2: a line of minima, eigenvalues 2 and 0) and ones on a tiny or huge f scale.
TEST(RunFlat, GenuineStationaryPointsAreNotFlat) {
  ObjectivePtr bumps = mustMake("two-bumps");
  ASSERT_TRUE(bumps);
  const Trajectory saddle = run(*bumps, gd(0.1, true), Vec2(0.5, 0.5));
  EXPECT_EQ(saddle.status, RunStatus::Converged) << saddle.message;
  EXPECT_EQ(saddle.endpoint.kind, PointKind::Saddle);
  const std::pair<const char*, PointKind> cases[] = {
      {"x^2", PointKind::Degenerate},
      {"x^2 - y^2", PointKind::Saddle},
      {"1e-9*(x^2 + 3*y^2)", PointKind::Minimum},
      {"1e9*(x^2 + 3*y^2) + 5e12", PointKind::Minimum},
      {"(x - 2)^2 + (y + 1)^2*(y + 1)^2", PointKind::Degenerate},  // quartic in y: H = diag(2, 0)
  };
  for (const auto& [text, kind] : cases) {
    std::string error;
    ObjectivePtr f = makeExpressionObjective(text, &error);
    ASSERT_TRUE(f) << error;
    // Start at the stationary point: 0 steps, like the plain above, but not flat.
    const Vec2 at = std::string(text).find("x - 2") != std::string::npos ? Vec2(2, -1) : Vec2(0, 0);
    const Trajectory t = run(*f, gd(1e-3), at);
    EXPECT_EQ(t.status, RunStatus::Converged) << text << ": " << t.message;
    EXPECT_EQ(t.endpoint.kind, kind) << text;
    EXPECT_EQ(analyzePoint(*f, at).kind, kind) << text;
  }
  // Reached by runs: C5 even with a loose tolerance, a quartic minimum (its Hessian vanishes at
  // the minimum, so it is weak near it, but the model's stationary point is close).
  ObjectivePtr c5 = mustMake("quadratic");
  RunConfig loose = gd(0.5);
  loose.stop.grad_tol = 0.1;
  EXPECT_EQ(run(*c5, loose, Vec2(1, 1)).status, RunStatus::Converged);
  EXPECT_EQ(run(*c5, loose, Vec2(1, 1)).endpoint.kind, PointKind::Minimum);
  std::string error;
  ObjectivePtr quartic = makeExpressionObjective("x^4 + y^4", &error);
  ASSERT_TRUE(quartic) << error;
  RunConfig slow = gd(1e-3);
  slow.stop.max_iterations = 200000;
  const Trajectory q = run(*quartic, slow, Vec2(1.2, 0.7));
  EXPECT_EQ(q.status, RunStatus::Converged) << q.message;
  EXPECT_EQ(q.endpoint.kind, PointKind::Minimum);
}

// The rule compares f's changes with f's range: scaling f by a positive factor and adding a
// constant does not change the verdict at the plain or at the maximum.
TEST(RunFlat, ScalingFDoesNotChangeTheVerdict) {
  for (const char* scale : {"1", "1e-6", "1e6"}) {
    const std::string text =
        std::string(scale) + "*(exp(-x^2 - 2*(y - 1)^2) + exp(-(x - 1)^2 - 2*y^2)) + 7";
    std::string error;
    ObjectivePtr f = makeExpressionObjective(text, &error);
    ASSERT_TRUE(f) << error;
    EXPECT_EQ(analyzePoint(*f, Vec2(3, 3)).kind, PointKind::Flat) << scale;
    EXPECT_EQ(analyzePoint(*f, Vec2(0.0707202, 0.9292798)).kind, PointKind::Maximum) << scale;
    EXPECT_EQ(analyzePoint(*f, Vec2(0.5, 0.5)).kind, PointKind::Saddle) << scale;
  }
}

// [SECTION] Leaving the domain (issue 15 item 3)

// Descending log(x) from (1, 1): x shrinks, the steps grow as 1/x and one lands at x < 0 where
// log is undefined. It was "diverged at step 6 - lower the step size".
TEST(RunLeftDomain, LogStepsPastZeroLeaveTheDomainNotDiverge) {
  std::string error;
  ObjectivePtr f = makeExpressionObjective("log(x)", &error);
  ASSERT_TRUE(f) << error;
  const Trajectory t = run(*f, gd(0.1), Vec2(1, 1));
  EXPECT_EQ(t.status, RunStatus::LeftDomain) << t.message;
  EXPECT_STREQ(runStatusName(t.status), "left-domain");
  const Iterate& last = t.iterates.back();
  EXPECT_TRUE(std::isnan(last.f));
  EXPECT_LT(last.w.x(), 0);
  EXPECT_EQ(t.message.rfind("left the function's domain at step " +
                                std::to_string(t.status_iteration) + " (f undefined at (",
                            0),
            0u)
      << t.message;
  EXPECT_EQ(t.hint.find("lower the step size"), std::string::npos) << t.hint;
  EXPECT_FALSE(t.endpoint_valid);
  // sqrt(x) stepping to x < 0: f and its gradient NaN.
  ObjectivePtr root = makeExpressionObjective("sqrt(x) + y^2", &error);
  ASSERT_TRUE(root) << error;
  EXPECT_EQ(run(*root, gd(0.5), Vec2(0.3, 1)).status, RunStatus::LeftDomain);
}

TEST(RunLeftDomain, InfiniteValuesAndEscapesStillDiverge) {
  ObjectivePtr sq = mustMake("sq-norm");
  ASSERT_TRUE(sq);
  EXPECT_EQ(run(*sq, gd(10), Vec2(1, 1)).status, RunStatus::Diverged);  // ||w|| > 1e8
  std::string error;
  // exp(x) ascent: f overflows to +inf at a finite w.
  ObjectivePtr e = makeExpressionObjective("exp(x^2)", &error);
  ASSERT_TRUE(e) << error;
  const Trajectory t = run(*e, gd(0.1), Vec2(5, 0));
  EXPECT_EQ(t.status, RunStatus::Diverged) << t.message;
}

// [SECTION] Other stop rules and statuses

TEST(RunStatusRules, ExplodingStepDiverges) {
  ObjectivePtr f = mustMake("sq-norm");  // ||w||^2: GD contracts by |1 - 2 lr|
  ASSERT_TRUE(f);
  const Trajectory t = run(*f, gd(10), Vec2(1, 1));  // factor 19 per step
  EXPECT_EQ(t.status, RunStatus::Diverged);
  // ||w_k|| = sqrt(2) 19^k exceeds 1e8 first at k = 7.
  EXPECT_EQ(t.status_iteration, 7);
  EXPECT_EQ(t.message, "diverged at step 7");
  EXPECT_EQ(t.hint, "lower the step size");
  EXPECT_FALSE(t.endpoint_valid);
}

TEST(RunStatusRules, NonFiniteValueDiverges) {
  ObjectivePtr f = mustMake("two-bumps");
  ASSERT_TRUE(f);
  const Trajectory t = run(*f, gd(0.1, true), Vec2(std::nan(""), 0));
  EXPECT_EQ(t.status, RunStatus::Diverged);
  EXPECT_EQ(t.status_iteration, 0);
}

TEST(RunStatusRules, MaxIterationsGivesIterates0ToN) {
  ObjectivePtr f = mustMake("sq-norm");
  ASSERT_TRUE(f);
  RunConfig c = gd(0.01);
  c.stop.max_iterations = 7;
  const Trajectory t = run(*f, c, Vec2(1, 1));
  EXPECT_EQ(t.iterates.size(), 8u);
  EXPECT_EQ(t.status, RunStatus::MaxIterations);
  c.stop.max_iterations = 0;
  EXPECT_EQ(run(*f, c, Vec2(1, 1)).iterates.size(), 1u);
}

TEST(RunStatusRules, FunctionChangeAndStepLengthRulesFire) {
  ObjectivePtr f = mustMake("sq-norm");
  ASSERT_TRUE(f);
  RunConfig c = gd(0.1);  // w_k = 0.8^k w_0
  c.stop.grad_tol = 0;
  c.stop.f_tol = 1e-3;
  Trajectory t = run(*f, c, Vec2(1, 0));
  EXPECT_EQ(t.status, RunStatus::Converged);
  EXPECT_EQ(t.stop_rule, StopRule::FunctionChange);
  // |f_k - f_{k-1}| = 0.64^(k-1) * 0.36 < 1e-3 first at k = 15.
  EXPECT_EQ(t.status_iteration, 15);
  c.stop.f_tol = 0;
  c.stop.x_tol = 1e-3;
  t = run(*f, c, Vec2(1, 0));
  EXPECT_EQ(t.stop_rule, StopRule::StepLength);
  // ||w_k - w_{k-1}|| = 0.8^(k-1) * 0.2 < 1e-3 first at k = 25.
  EXPECT_EQ(t.status_iteration, 25);
}

TEST(RunStatusRules, ZeroTolerancesDisableConvergence) {
  ObjectivePtr f = mustMake("sq-norm");
  ASSERT_TRUE(f);
  RunConfig c = gd(0.5);  // lands exactly on 0 in one step
  c.stop.grad_tol = 0;
  c.stop.max_iterations = 20;
  const Trajectory t = run(*f, c, Vec2(1, 1));
  EXPECT_EQ(t.status, RunStatus::MaxIterations);
  EXPECT_EQ(t.iterates.size(), 21u);
}

TEST(RunStatusRules, InvalidConfigIsAValue) {
  ObjectivePtr f = mustMake("sq-norm");
  ASSERT_TRUE(f);
  RunConfig c = gd(-1);
  const Trajectory t = run(*f, c, Vec2(1, 1));
  EXPECT_EQ(t.status, RunStatus::InvalidConfig);
  EXPECT_EQ(t.iterates.size(), 1u);
  EXPECT_EQ(t.message, "lr must be > 0 (got -1)");
  RunConfig m = defaultRunConfig(Method::Momentum);
  m.sgd.momentum = 0;
  EXPECT_FALSE(m.validate().empty());
  EXPECT_EQ(defaultRunConfig(Method::Nesterov).validate(), "");
}

TEST(RunStatusRules, ArmijoLineSearchFailureIsReported) {
  ObjectivePtr f = mustMake("quadratic");
  ASSERT_TRUE(f);
  RunConfig c = defaultRunConfig(Method::GradientDescentArmijo);
  c.stop.grad_tol = 0;  // keep stepping at the minimum until rounding hides every decrease
  c.armijo.max_halvings = 5;
  const Trajectory t = run(*f, c, Vec2(1, 1));
  EXPECT_EQ(t.status, RunStatus::LineSearchFailed) << t.message;
  EXPECT_NEAR(t.iterates.back().f, -3, 1e-12);
}

// Review item: a huge first trial step (lr = 1e300) exhausts the halvings with f still blowing
// up; the hint must point at lr, not at the gradient tolerance.
TEST(RunStatusRules, ArmijoFailureFromAHugeFirstStepBlamesTheStep) {
  ObjectivePtr f = mustMake("quadratic");
  ASSERT_TRUE(f);
  RunConfig c = defaultRunConfig(Method::GradientDescentArmijo);
  c.step_size = 1e300;
  const Trajectory t = run(*f, c, Vec2(1, 1));
  EXPECT_EQ(t.status, RunStatus::LineSearchFailed) << t.message;
  EXPECT_EQ(t.status_iteration, 0);
  EXPECT_EQ(t.message, "line search failed at step 0 (no sufficient decrease)");
  EXPECT_EQ(t.hint, "lower the first trial step (lr)");
  // Failing because rounding hides every decrease at the minimum keeps the tolerance hint.
  c = defaultRunConfig(Method::GradientDescentArmijo);
  c.stop.grad_tol = 0;
  c.armijo.max_halvings = 5;
  const Trajectory r = run(*f, c, Vec2(1, 1));
  EXPECT_EQ(r.status, RunStatus::LineSearchFailed) << r.message;
  EXPECT_EQ(r.hint,
            "the gradient is too small to measure a decrease: raise the gradient tolerance");
}

// Review item: NaN or infinity at the start was "diverged at step 0 - lower the step size"; no
// step has been taken, so the step size cannot be the cause.
TEST(RunStatusRules, UndefinedAtTheStartIsNotBlamedOnTheStepSize) {
  for (const char* text : {"sqrt(-1)", "0/0", "1e999*x", "log(x) + y"}) {
    std::string error;
    ObjectivePtr f = makeExpressionObjective(text, &error);
    ASSERT_TRUE(f) << error;
    const Trajectory t = run(*f, gd(0.1), Vec2(-1, 2));
    EXPECT_EQ(t.status, RunStatus::Diverged) << text;
    EXPECT_EQ(t.status_iteration, 0) << text;
    EXPECT_EQ(t.message, "f or its gradient is undefined at the start (w = (-1, 2))") << text;
    EXPECT_EQ(t.hint, "move the start point or change the function") << text;
    EXPECT_FALSE(t.endpoint_valid);
  }
  ObjectivePtr sq = mustMake("sq-norm");
  RunConfig c = gd(0.1);
  c.stop.divergence_bound = 10;
  const Trajectory far = run(*sq, c, Vec2(30, 40));
  EXPECT_EQ(far.status, RunStatus::Diverged);
  EXPECT_EQ(far.message, "the start is beyond the divergence bound (||w|| = 50)");
  EXPECT_EQ(far.hint, "move the start point or raise the divergence bound");
  const Trajectory nan_start = run(*sq, gd(0.1), Vec2(std::nan(""), 0));
  EXPECT_EQ(nan_start.message, "the start point is not finite");
  // Later non-finite values are still divergence, blamed on the step.
  EXPECT_EQ(run(*sq, gd(10), Vec2(1, 1)).hint, "lower the step size");
}

// Review item: sqrt(relu(x)) + y^2 gave a NaN gradient at (-1, 1) ("diverged at step 0"); the
// gradient is (0, 2) and gradient descent converges to (-1, 0).
TEST(RunStatusRules, SqrtOfReluRunConverges) {
  std::string error;
  ObjectivePtr f = makeExpressionObjective("sqrt(relu(x)) + y^2", &error);
  ASSERT_TRUE(f) << error;
  const Trajectory t = run(*f, gd(0.1), Vec2(-1, 1));
  EXPECT_EQ(t.status, RunStatus::Converged) << t.message;
  EXPECT_EQ(t.iterates[0].grad, Vec2(0, 2));
  EXPECT_EQ(t.iterates.back().w.x(), -1);
  EXPECT_NEAR(t.iterates.back().w.y(), 0, 1e-4);
}

TEST(RunStatusRules, LbfgsWithoutDescentDirectionStalls) {
  ObjectivePtr f = mustMake("quadratic");
  ASSERT_TRUE(f);
  RunConfig c = defaultRunConfig(Method::Lbfgs);
  c.stop.grad_tol = 0;
  const Trajectory t = run(*f, c, Vec2(1, 1));
  // torch's tolerance_change = 1e-9 on g.d stops L-BFGS 2e-6 from the minimum (as in the torch
  // reference tests/data/torch/quadratic__lbfgs__a.csv, which ends at the same iterate).
  EXPECT_EQ(t.status, RunStatus::Stalled);
  EXPECT_EQ(t.status_iteration, 4);
  EXPECT_EQ(t.message, "stalled at step 4 (L-BFGS found no descent direction)");
  EXPECT_NEAR(t.iterates.back().f, -3, 1e-11);
  // With the default gradient rule the run converges first.
  EXPECT_EQ(run(*f, defaultRunConfig(Method::Lbfgs), Vec2(1, 1)).status, RunStatus::Converged);
}

// [SECTION] Plumbing

TEST(RunPlumbing, RunManyKeepsStartOrderAndReusedBufferGivesSameResult) {
  ObjectivePtr f = mustMake("two-bumps");
  ASSERT_TRUE(f);
  const std::vector<Vec2> starts = f->info().starts;
  const std::vector<Trajectory> all = runMany(*f, gd(0.1, true), starts);
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].status_iteration, 55);
  EXPECT_EQ(all[1].status_iteration, 54);
  EXPECT_EQ(all[2].status_iteration, 65);
  Trajectory reused;
  run(*f, gd(1.0, true), starts[0], reused);  // long run first, then a short one
  run(*f, gd(0.1, true), starts[1], reused);
  EXPECT_EQ(reused.iterates.size(), 55u);
  EXPECT_EQ(reused.iterates.back().w, all[1].iterates.back().w);
  EXPECT_EQ(reused.message, all[1].message);
}

TEST(RunPlumbing, MethodDefaultsFollowPyTorch) {
  EXPECT_EQ(defaultRunConfig(Method::Adam).step_size, 1e-3);
  EXPECT_EQ(defaultRunConfig(Method::RMSProp).step_size, 1e-2);
  EXPECT_EQ(defaultRunConfig(Method::AdaGrad).step_size, 1e-2);
  EXPECT_EQ(defaultRunConfig(Method::Lbfgs).step_size, 1.0);
  EXPECT_EQ(defaultRunConfig(Method::GradientDescentArmijo).step_size, 1.0);  // first trial step
  EXPECT_EQ(defaultRunConfig(Method::DampedNewton).step_size, 0.5);
  EXPECT_EQ(defaultRunConfig(Method::Adam).adam.beta2, 0.999);
  EXPECT_EQ(defaultRunConfig(Method::AdaGrad).adagrad.eps, 1e-10);
  EXPECT_EQ(defaultRunConfig(Method::RMSProp).rmsprop.alpha, 0.99);
  EXPECT_EQ(defaultRunConfig(Method::Momentum).sgd.momentum, 0.9);
  EXPECT_TRUE(resolved(defaultRunConfig(Method::AMSGrad)).adam.amsgrad);
  EXPECT_TRUE(resolved(defaultRunConfig(Method::Nesterov)).sgd.nesterov);
  EXPECT_EQ(resolved(defaultRunConfig(Method::Newton)).step_size, 1.0);
  EXPECT_TRUE(resolved(defaultRunConfig(Method::Adam, true)).adam.maximize);
}

}  // namespace
}  // namespace gradlab

namespace gradlab {
namespace {

// On the C7 saddle, descent runs off down the negative-curvature side with f falling at every
// step: no step size converges there, so the hint must not say "lower the step size".
TEST(RunDiverged, AnUnboundedFunctionIsNotBlamedOnTheStepSize) {
  RunConfig config = defaultRunConfig(Method::GradientDescent);
  config.step_size = 0.25;
  const Trajectory saddle = run(*builtin("saddle"), config, Vec2(1.5, 1.2));
  EXPECT_EQ(saddle.status, RunStatus::Diverged);
  EXPECT_NE(saddle.message.find("f improved at every step, without bound"), std::string::npos)
      << saddle.message;
  EXPECT_EQ(saddle.hint.find("lower the step size"), std::string::npos) << saddle.hint;
  // A smaller step diverges too (later): the hint was right.
  config.step_size = 0.01;
  EXPECT_EQ(run(*builtin("saddle"), config, Vec2(1.5, 1.2)).status, RunStatus::Diverged);
}

// On a bowl a step past 2/lambda_max overshoots: f grows, and a smaller step is the fix.
TEST(RunDiverged, AnOvershootStillSaysLowerTheStepSize) {
  RunConfig config = defaultRunConfig(Method::GradientDescent);
  config.step_size = 5;
  const Trajectory bowl = run(*builtin("bowl"), config, Vec2(1.5, 1.0));
  EXPECT_EQ(bowl.status, RunStatus::Diverged);
  EXPECT_EQ(bowl.hint, "lower the step size");
}

}  // namespace
}  // namespace gradlab

namespace gradlab {
namespace {

// Issue 14, item 4: the step size is one field of RunConfig. Changing only `method` keeps it, with
// nothing copied: each method's first step on f = ||w||^2 from (1, 1) (g = (2, 2)) takes it, in
// the method's own closed form. Pure Newton's full step is forced in the resolved copy only, so
// the way back to gradient descent still finds 0.25.
TEST(StepSize, ChangingMethodKeepsTheOneStepSize) {
  const ObjectivePtr f = mustMake("sq-norm");
  ASSERT_TRUE(f);
  RunConfig config = defaultRunConfig(Method::GradientDescent);
  config.step_size = 0.25;
  config.sgd.momentum = 0.9;  // for Nesterov; gradient descent resolves it to 0
  config.stop.max_iterations = 1;
  config.stop.grad_tol = 0;
  const struct {
    Method method;
    double w1;  // both coordinates of the first iterate
    double tolerance;
  } cases[] = {
      {Method::GradientDescent, 1 - 0.25 * 2, 0},
      {Method::Nesterov, 1 - 0.25 * 2 * 1.9, 0},         // d = g + 0.9 * b, b = g on the first step
      {Method::GradientDescentArmijo, 1 - 0.25 * 2, 0},  // the first trial t = 0.25 is accepted
      {Method::AdaGrad, 1 - 0.25, 1e-9},                 // lr g / sqrt(g^2)
      {Method::RMSProp, 1 - 0.25 * 10, 1e-6},            // lr g / (sqrt(0.01 g^2) + eps)
      {Method::Adam, 1 - 0.25, 1e-7},                    // lr m_hat / sqrt(v_hat) = lr sign(g)
      {Method::Lbfgs, 1 - 0.25 * 2 / 4, 0},              // t = min(1, 1 / sum|g|) lr
      {Method::DampedNewton, 1 - 0.25, 1e-15},           // w - eta H^-1 g = (1 - eta) w
      {Method::Newton, 0, 1e-15},                        // eta forced to 1: the minimum
      {Method::GradientDescent, 1 - 0.25 * 2, 0},        // and back: still 0.25
  };
  for (const auto& c : cases) {
    config.method = c.method;
    const Trajectory t = run(*f, config, Vec2(1, 1));
    ASSERT_EQ(t.iterates.size(), 2u) << methodCliName(c.method) << ": " << t.message;
    EXPECT_NEAR(t.iterates[1].w.x(), c.w1, c.tolerance) << methodCliName(c.method);
    EXPECT_NEAR(t.iterates[1].w.y(), c.w1, c.tolerance) << methodCliName(c.method);
    EXPECT_EQ(config.step_size, 0.25);
  }
  EXPECT_EQ(resolved(config).step_size, 0.25);
  config.method = Method::Newton;
  EXPECT_EQ(resolved(config).step_size, 1.0);
  EXPECT_EQ(config.step_size, 0.25);
}

}  // namespace
}  // namespace gradlab
