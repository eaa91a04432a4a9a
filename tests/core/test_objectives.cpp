// Tests of the built-in objectives: registry, parameters, EXERCISES values, known points, and
// hand-written derivatives against finite differences and expression autodiff.
#include <gtest/gtest.h>

#include <Eigen/Eigenvalues>
#include <cmath>

#include "core/objective.h"

namespace gradlab {
namespace {

ObjectivePtr make(const std::string& name,
                  std::vector<std::pair<std::string, double>> params = {}) {
  ObjectiveSpec spec;
  spec.name = name;
  spec.params = std::move(params);
  std::string error;
  ObjectivePtr f = makeObjective(spec, &error);
  EXPECT_TRUE(f) << error;
  return f;
}

TEST(Objectives, RegistryListsTwoBumpsAndQuadraticFirst) {
  const auto& infos = builtinObjectives();
  ASSERT_GE(infos.size(), 2u);
  EXPECT_EQ(infos[0].name, "two-bumps");
  EXPECT_EQ(infos[1].name, "quadratic");
  EXPECT_TRUE(infos[0].maximize);
}

TEST(Objectives, QuadraticMatchesExerciseC5) {
  ObjectivePtr f = make("quadratic");
  EXPECT_DOUBLE_EQ(f->value(Vec2(2, 1)), -3);
  Vec2 g;
  f->valueAndGradient(Vec2(1, 1), g);
  EXPECT_DOUBLE_EQ(g.x(), -2);
  EXPECT_DOUBLE_EQ(g.y(), 1);
  EXPECT_NEAR(g.norm(), 2.2360679774997896, 1e-15);
  Eval e = f->eval(Vec2(0.3, -2));
  EXPECT_EQ(e.hess, (Mat2() << 2, -1, -1, 2).finished());
  // One Newton step from anywhere lands on (2, 1) (the source's (-0.5, 1) is wrong).
  Vec2 w = Vec2(0.3, -2) - e.hess.inverse() * e.grad;
  EXPECT_NEAR(w.x(), 2, 1e-14);
  EXPECT_NEAR(w.y(), 1, 1e-14);
}

TEST(Objectives, TwoBumpsMaximaMatchExerciseC4AndAreStationary) {
  ObjectivePtr f = make("two-bumps");
  const auto& kp = f->info().known_points;
  ASSERT_GE(kp.size(), 2u);
  // EXERCISES quotes the gradient-ascent stopping points (||grad|| < 1e-4), within ~6e-5.
  EXPECT_NEAR(kp[0].w.x(), 0.070777, 1e-4);
  EXPECT_NEAR(kp[0].w.y(), 0.929258, 1e-4);
  EXPECT_NEAR(kp[1].w.x(), 0.929223, 1e-4);
  EXPECT_NEAR(kp[1].w.y(), 0.070742, 1e-4);
  for (int i = 0; i < 2; ++i) {
    EXPECT_NEAR(kp[i].f, 1.060077, 1e-6);
    Eval e = f->eval(kp[i].w);
    EXPECT_LT(e.grad.norm(), 1e-14);
    EXPECT_NEAR(e.f, kp[i].f, 1e-15);
    // Newton from the hard-coded digits moves by less than 1e-15: they are the maximum.
    Vec2 step = e.hess.inverse() * e.grad;
    EXPECT_LT(step.norm(), 1e-15);
  }
  // Point symmetry about (0.5, 0.5).
  EXPECT_NEAR(kp[0].w.x() + kp[1].w.x(), 1, 1e-16);
  EXPECT_NEAR(kp[0].w.y() + kp[1].w.y(), 1, 1e-16);
  for (Vec2 w : {Vec2(-1.3, 0.4), Vec2(2.2, -0.7), Vec2(0.1, 0.1)}) {
    EXPECT_NEAR(f->value(w), f->value(Vec2(1, 1) - w), 1e-15);
  }
}

}  // namespace
}  // namespace gradlab
