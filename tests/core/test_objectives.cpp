// Tests of the built-in objectives: registry and parameters, EXERCISES values, known points,
// and the hand-written derivatives against expression autodiff and finite differences.
#include <gtest/gtest.h>

#include <Eigen/Dense>
#include <cmath>
#include <cstdio>
#include <random>

#include "core/expression.h"
#include "core/objective.h"

namespace gradlab {
namespace {

using ParamList = std::vector<std::pair<std::string, double>>;

ObjectivePtr make(const std::string& name, const ParamList& params = {}) {
  ObjectiveSpec spec;
  spec.name = name;
  spec.params = params;
  std::string error;
  ObjectivePtr f = makeObjective(spec, &error);
  EXPECT_TRUE(f) << name << ": " << error;
  return f;
}

// A number printed so that the expression parser reads back the same double.
std::string num(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "(%.17g)", v);
  return buf;
}

// The least-squares objective typed out with F built here from its definition.
std::string leastSquaresFormula(double sigma_max, double cond, double theta_deg, double y1,
                                double y2, double lambda) {
  const double t = theta_deg * std::acos(-1.0) / 180;
  Mat2 rt;
  rt << std::cos(t), std::sin(t), -std::sin(t), std::cos(t);
  const Mat2 f = Vec2(sigma_max, sigma_max / cond).asDiagonal() * rt;
  return "((" + num(f(0, 0)) + "*x + " + num(f(0, 1)) + "*y - " + num(y1) + ")^2 + (" +
         num(f(1, 0)) + "*x + " + num(f(1, 1)) + "*y - " + num(y2) + ")^2)/2 + " + num(lambda) +
         "/2*(x^2 + y^2)";
}

// Every built-in, with defaults and with other parameter values, next to the same formula
// typed as an expression.
struct FormulaCase {
  std::string name;
  ParamList params;
  std::string formula;
};

std::vector<FormulaCase> formulaCases() {
  return {
      {"sq-norm", {}, "x^2 + y^2"},
      {"quartic-norm", {}, "(x^2 + y^2)^2 / 4"},
      {"linear", {}, "x + 0.5*y"},
      {"linear", {{"z1", -1.5}, {"z2", 2}}, "-1.5*x + 2*y"},
      {"quadratic-form", {}, "x*(1*x + 2*y) + y*(0*x + 3*y)"},
      {"quadratic-form",
       {{"a11", -1}, {"a12", 4}, {"a21", -2}, {"a22", 0.5}},
       "x*(-1*x + 4*y) + y*(-2*x + 0.5*y)"},
      {"two-bumps", {}, "exp(-w1^2 - 2*(w2 - 1)^2) + exp(-(w1 - 1)^2 - 2*w2^2)"},
      {"quadratic", {}, "x1^2 - 3*x1 + x2^2 - x1*x2"},
      {"cubic", {}, "2*x1^3 - 5*x1 + x2^2"},
      {"cubic", {{"c", 2.5}}, "2*x1^3 - 5*x1 + 2.5*x2^2"},
      {"bowl", {}, "(x^2 + 4*y^2)/2"},
      {"bowl", {{"a", 0.3}, {"b", 7}}, "(0.3*x^2 + 7*y^2)/2"},
      {"dome", {}, "-(x^2 + 4*y^2)/2"},
      {"valley", {{"a", 2}}, "x^2"},
      {"saddle", {}, "(x^2 - 4*y^2)/2"},
      {"least-squares", {}, leastSquaresFormula(1, 10, 30, 1, 0.2, 0)},
      {"least-squares",
       {{"sigma_max", 2}, {"cond", 100}, {"theta", -40}, {"y1", -1}, {"y2", 3}, {"lambda", 0.3}},
       leastSquaresFormula(2, 100, -40, -1, 3, 0.3)},
      {"rosenbrock", {}, "(1 - x)^2 + 100*(y - x^2)^2"},
      {"rosenbrock", {{"a", 0.5}, {"b", 10}}, "(0.5 - x)^2 + 10*(y - x^2)^2"},
      {"himmelblau", {}, "(x^2 + y - 11)^2 + (x + y^2 - 7)^2"},
      {"beale", {}, "(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2"},
      {"booth", {}, "(x + 2*y - 7)^2 + (2*x + y - 5)^2"},
      {"rastrigin", {}, "20 + x^2 - 10*cos(2*pi*x) + y^2 - 10*cos(2*pi*y)"},
      {"rastrigin", {{"A", 3}}, "6 + x^2 - 3*cos(2*pi*x) + y^2 - 3*cos(2*pi*y)"},
      {"six-hump-camel", {}, "(4 - 2.1*x^2 + x^4/3)*x^2 + x*y + (-4 + 4*y^2)*y^2"},
      {"monkey-saddle", {}, "x^3 - 3*x*y^2"},
  };
}

std::string describe(const FormulaCase& c) {
  std::string s = c.name;
  for (const auto& [k, v] : c.params) s += " " + k + "=" + std::to_string(v);
  return s;
}

// Relative closeness: |a - b| <= tol * max(1, scale).
void expectClose(double a, double b, double tol, double scale, const std::string& what) {
  EXPECT_LE(std::abs(a - b), tol * std::max(1.0, scale)) << what << ": " << a << " vs " << b;
}

TEST(Objectives, RegistryListsEveryBuiltinOnceInExerciseOrder) {
  const std::vector<std::string> expected = {
      "sq-norm",   "quartic-norm",  "linear",         "quadratic-form", "two-bumps",
      "quadratic", "cubic",         "bowl",           "dome",           "valley",
      "saddle",    "least-squares", "rosenbrock",     "himmelblau",     "beale",
      "booth",     "rastrigin",     "six-hump-camel", "monkey-saddle"};
  const auto& infos = builtinObjectives();
  ASSERT_EQ(infos.size(), expected.size());
  for (std::size_t i = 0; i < infos.size(); ++i) EXPECT_EQ(infos[i].name, expected[i]);
}

TEST(Objectives, EveryBuiltinDescribesItselfCompletely) {
  for (const ObjectiveInfo& info : builtinObjectives()) {
    SCOPED_TRACE(info.name);
    EXPECT_FALSE(info.title.empty());
    EXPECT_FALSE(info.description.empty());
    EXPECT_LT(info.window.x_min, info.window.x_max);
    EXPECT_LT(info.window.y_min, info.window.y_max);
    EXPECT_GE(info.starts.size(), 1u);
    EXPECT_LE(info.starts.size(), 3u);
    for (const Vec2& s : info.starts) {
      EXPECT_TRUE(s.x() >= info.window.x_min && s.x() <= info.window.x_max);
      EXPECT_TRUE(s.y() >= info.window.y_min && s.y() <= info.window.y_max);
    }
    for (const Param& p : info.params) {
      EXPECT_FALSE(p.name.empty());
      EXPECT_FALSE(p.help.empty());
      EXPECT_LE(p.min, p.value);
      EXPECT_LE(p.value, p.max);
    }
  }
}

TEST(Objectives, TitlesNameTheExercise) {
  EXPECT_EQ(make("two-bumps")->info().title, "Two Gaussian bumps (C4)");
  EXPECT_NE(make("quadratic")->info().title.find("(C5)"), std::string::npos);
  EXPECT_NE(make("least-squares")->info().title.find("D1"), std::string::npos);
  EXPECT_TRUE(make("two-bumps")->info().maximize);
  EXPECT_TRUE(make("dome")->info().maximize);
  EXPECT_FALSE(make("quadratic")->info().maximize);
  EXPECT_EQ(make("quadratic")->info().var_x, "x1");
}

TEST(Objectives, MakeObjectiveRejectsUnknownNamesAndBadParameters) {
  std::string error;
  ObjectiveSpec spec;
  spec.name = "foo";
  EXPECT_FALSE(makeObjective(spec, &error));
  EXPECT_EQ(error, "unknown function 'foo'");

  spec.name = "rosenbrock";
  spec.params = {{"q", 1}};
  EXPECT_FALSE(makeObjective(spec, &error));
  EXPECT_EQ(error, "unknown parameter 'q' for rosenbrock");

  spec.name = "least-squares";
  spec.params = {{"cond", 5000}};
  EXPECT_FALSE(makeObjective(spec, &error));
  EXPECT_EQ(error, "parameter 'cond' = 5000 is outside [1, 1000] for least-squares");

  spec.params = {{"lambda", -0.5}};
  EXPECT_FALSE(makeObjective(spec, &error));
  EXPECT_EQ(error, "parameter 'lambda' = -0.5 is outside [0, 10] for least-squares");

  spec.params = {{"theta", std::nan("")}};
  EXPECT_FALSE(makeObjective(spec, &error));
  EXPECT_EQ(error, "parameter 'theta' = nan is outside [-90, 90] for least-squares");

  spec.name = "two-bumps";
  spec.params = {{"a", 1}};
  EXPECT_FALSE(makeObjective(spec, nullptr));  // a null error pointer is allowed

  // Boundary values are accepted and the override lands in info().params.
  spec.name = "rosenbrock";
  spec.params = {{"b", 1000}, {"a", 0}};
  ObjectivePtr f = makeObjective(spec, &error);
  ASSERT_TRUE(f) << error;
  EXPECT_EQ(f->info().params[0].value, 0);
  EXPECT_EQ(f->info().params[1].value, 1000);
  EXPECT_EQ(f->info().known_points[0].w, Vec2(0, 0));
}

// (a) Against forward-mode AD of the same formula typed as a string: independent code paths
// that must agree to rounding.
TEST(Objectives, DerivativesMatchExpressionAutodiffAtRandomPoints) {
  std::mt19937_64 rng(20240601);
  for (const FormulaCase& c : formulaCases()) {
    SCOPED_TRACE(describe(c));
    ObjectivePtr f = make(c.name, c.params);
    Expression e = Expression::compile(c.formula);
    ASSERT_TRUE(f);
    ASSERT_TRUE(e.ok()) << e.error().message;
    const Window& win = f->info().window;
    std::uniform_real_distribution<double> ux(win.x_min, win.x_max), uy(win.y_min, win.y_max);
    for (int k = 0; k < 200; ++k) {
      const Vec2 w(ux(rng), uy(rng));
      const Eval got = f->eval(w);
      const Eval want = e.eval(w.x(), w.y());
      const double tol = 1e-9;
      expectClose(got.f, want.f, tol, std::abs(want.f), "f");
      const double gs = want.grad.norm(), hs = want.hess.norm();
      expectClose(got.grad.x(), want.grad.x(), tol, gs, "df/dx");
      expectClose(got.grad.y(), want.grad.y(), tol, gs, "df/dy");
      for (int i = 0; i < 2; ++i) {
        for (int j = 0; j < 2; ++j) expectClose(got.hess(i, j), want.hess(i, j), tol, hs, "H");
      }
      EXPECT_EQ(got.hess(0, 1), got.hess(1, 0));
      // The three entry points agree exactly.
      Vec2 g;
      EXPECT_EQ(f->valueAndGradient(w, g), got.f);
      EXPECT_EQ(g, got.grad);
      EXPECT_EQ(f->value(w), got.f);
    }
  }
}

// (b) Against central finite differences: of the value for the gradient, of the gradient for
// the Hessian (errors O(h^2) + rounding / h, well below the tolerance).
TEST(Objectives, DerivativesMatchCentralFiniteDifferencesAtRandomPoints) {
  std::mt19937_64 rng(7);
  for (const FormulaCase& c : formulaCases()) {
    SCOPED_TRACE(describe(c));
    ObjectivePtr f = make(c.name, c.params);
    ASSERT_TRUE(f);
    const Window& win = f->info().window;
    std::uniform_real_distribution<double> ux(win.x_min, win.x_max), uy(win.y_min, win.y_max);
    for (int k = 0; k < 100; ++k) {
      const Vec2 w(ux(rng), uy(rng));
      const Eval r = f->eval(w);
      const double scale = std::max({1.0, std::abs(r.f), r.grad.norm(), r.hess.norm()});
      const double h = 1e-6 * std::max(1.0, w.norm());
      for (int i = 0; i < 2; ++i) {
        const Vec2 d = h * Vec2::Unit(i);
        const double fd = (f->value(w + d) - f->value(w - d)) / (2 * h);
        EXPECT_NEAR(r.grad(i), fd, 1e-5 * scale) << "gradient " << i << " at " << w.transpose();
        Vec2 gp, gm;
        const Vec2 dd = 1e-5 * std::max(1.0, w.norm()) * Vec2::Unit(i);
        f->valueAndGradient(w + dd, gp);
        f->valueAndGradient(w - dd, gm);
        const Vec2 col = (gp - gm) / (2 * dd.norm());
        EXPECT_NEAR(r.hess(0, i), col(0), 1e-5 * scale) << "Hessian at " << w.transpose();
        EXPECT_NEAR(r.hess(1, i), col(1), 1e-5 * scale) << "Hessian at " << w.transpose();
      }
    }
  }
}

// Known points whose Hessian is singular, so the kind holds only semidefinitely.
bool isDegenerate(const std::string& name) {
  return name == "quartic-norm" || name == "monkey-saddle" || name == "valley";
}

TEST(Objectives, KnownPointsAreStationaryWithTheDeclaredKind) {
  for (const FormulaCase& c : formulaCases()) {
    SCOPED_TRACE(describe(c));
    ObjectivePtr f = make(c.name, c.params);
    ASSERT_TRUE(f);
    const ObjectiveInfo& info = f->info();
    for (const KnownPoint& kp : info.known_points) {
      SCOPED_TRACE(kp.kind + " at " + std::to_string(kp.w.x()) + ", " + std::to_string(kp.w.y()));
      const Eval r = f->eval(kp.w);
      const double scale = std::max(1.0, r.hess.norm()) * std::max(1.0, kp.w.norm());
      EXPECT_LT(r.grad.norm(), 1e-13 * scale);
      EXPECT_NEAR(r.f, kp.f, 1e-14 * std::max(1.0, std::abs(kp.f)));
      EXPECT_TRUE(kp.w.x() >= info.window.x_min && kp.w.x() <= info.window.x_max);
      EXPECT_TRUE(kp.w.y() >= info.window.y_min && kp.w.y() <= info.window.y_max);
      const Eigen::Vector2d eig = Eigen::SelfAdjointEigenSolver<Mat2>(r.hess).eigenvalues();
      if (kp.kind == "minimum") {
        // Degenerate minima (a line of minima, a zero Hessian) are only semidefinite.
        EXPECT_GT(eig(0), isDegenerate(c.name) ? -1e-12 : 1e-9) << eig.transpose();
      } else if (kp.kind == "maximum") {
        EXPECT_LT(eig(1), -1e-9) << eig.transpose();
      } else if (kp.kind == "saddle") {
        if (isDegenerate(c.name)) {
          // The monkey saddle: the Hessian vanishes but f changes sign along w1.
          EXPECT_LT(r.hess.norm(), 1e-12);
          EXPECT_GT(f->value(kp.w + Vec2(1e-3, 0)), kp.f);
          EXPECT_LT(f->value(kp.w - Vec2(1e-3, 0)), kp.f);
        } else {
          EXPECT_LT(eig(0), -1e-9);
          EXPECT_GT(eig(1), 1e-9);
        }
      } else {
        ADD_FAILURE() << "unknown kind " << kp.kind;
      }
    }
  }
}

TEST(Objectives, ClassicsKnowTheirOptima) {
  // Keep each objective alive while iterating over its info.
  const ObjectivePtr himmelblau = make("himmelblau");
  EXPECT_EQ(himmelblau->info().known_points.size(), 9u);
  int minima = 0;
  for (const KnownPoint& kp : himmelblau->info().known_points) {
    if (kp.kind != "minimum") continue;
    ++minima;
    EXPECT_EQ(kp.f, 0);
  }
  EXPECT_EQ(minima, 4);
  // Six-hump camel: both global minima at f = -1.0316284534898774 (mirror images).
  int global = 0;
  const ObjectivePtr camel = make("six-hump-camel");
  for (const KnownPoint& kp : camel->info().known_points) {
    if (kp.kind == "minimum" && kp.f < -1.03) ++global;
  }
  EXPECT_EQ(global, 2);
  EXPECT_EQ(make("rosenbrock")->info().known_points[0].w, Vec2(1, 1));
  EXPECT_EQ(make("beale")->info().known_points[0].w, Vec2(3, 0.5));
  EXPECT_EQ(make("booth")->info().known_points[0].w, Vec2(1, 3));
}

TEST(Objectives, QuadraticMatchesExerciseC5) {
  ObjectivePtr f = make("quadratic");
  EXPECT_DOUBLE_EQ(f->value(Vec2(2, 1)), -3);
  Vec2 g;
  f->valueAndGradient(Vec2(1, 1), g);
  EXPECT_DOUBLE_EQ(g.x(), -2);
  EXPECT_DOUBLE_EQ(g.y(), 1);
  EXPECT_NEAR(g.norm(), 2.2360679774997896, 1e-15);
  const Eval e = f->eval(Vec2(0.3, -2));
  EXPECT_EQ(e.hess, (Mat2() << 2, -1, -1, 2).finished());
  EXPECT_TRUE(e.hess.inverse().isApprox((Mat2() << 2, 1, 1, 2).finished() / 3, 1e-15));
  // One Newton step from anywhere lands on (2, 1) (the source's (-0.5, 1) is wrong).
  const Vec2 w = Vec2(0.3, -2) - e.hess.inverse() * e.grad;
  EXPECT_NEAR(w.x(), 2, 1e-14);
  EXPECT_NEAR(w.y(), 1, 1e-14);
  // Gradient descent with eta = 0.5: the iterates and halving gradient norms of EXERCISES.
  const Vec2 iterates[] = {Vec2(1, 1),     Vec2(2, 0.5),    Vec2(1.75, 1),
                           Vec2(2, 0.875), Vec2(1.9375, 1), Vec2(2, 0.96875)};
  const double norms[] = {2.236, 1.118, 0.559, 0.280, 0.140};
  Vec2 x = iterates[0];
  for (int t = 0; t < 5; ++t) {
    f->valueAndGradient(x, g);
    EXPECT_NEAR(g.norm(), norms[t], 1e-3);
    x -= 0.5 * g;
    EXPECT_EQ(x, iterates[t + 1]);
  }
}

TEST(Objectives, TwoBumpsMaximaMatchExerciseC4AndAreExact) {
  ObjectivePtr f = make("two-bumps");
  const auto& kp = f->info().known_points;
  ASSERT_GE(kp.size(), 2u);
  // EXERCISES quotes where ascent stops (||grad|| < 1e-4): within 1e-4 of the exact maxima.
  EXPECT_NEAR(kp[0].w.x(), 0.070777, 1e-4);
  EXPECT_NEAR(kp[0].w.y(), 0.929258, 1e-4);
  EXPECT_NEAR(kp[1].w.x(), 0.929223, 1e-4);
  EXPECT_NEAR(kp[1].w.y(), 0.070742, 1e-4);
  for (int i = 0; i < 2; ++i) {
    EXPECT_EQ(kp[i].kind, "maximum");
    EXPECT_NEAR(kp[i].f, 1.060077, 1e-6);
    // A Newton solve from a rough guess reaches the hard-coded digits to 1e-12.
    Vec2 w = i == 0 ? Vec2(0.07, 0.93) : Vec2(0.93, 0.07);
    for (int it = 0; it < 20; ++it) {
      const Eval e = f->eval(w);
      w -= e.hess.inverse() * e.grad;
    }
    EXPECT_NEAR(w.x(), kp[i].w.x(), 1e-12);
    EXPECT_NEAR(w.y(), kp[i].w.y(), 1e-12);
    EXPECT_NEAR(f->value(w), kp[i].f, 1e-15);
  }
  // Point symmetry about (0.5, 0.5).
  EXPECT_NEAR(kp[0].w.x() + kp[1].w.x(), 1, 1e-16);
  EXPECT_NEAR(kp[0].w.y() + kp[1].w.y(), 1, 1e-16);
  std::mt19937_64 rng(3);
  std::uniform_real_distribution<double> u(-2, 3);
  for (int k = 0; k < 100; ++k) {
    const Vec2 w(u(rng), u(rng));
    EXPECT_NEAR(f->value(w), f->value(Vec2(1, 1) - w), 1e-15);
  }
}

TEST(Objectives, NewtonReachesSqNormMinimumInOneStepC1) {
  ObjectivePtr f = make("sq-norm");
  const Eval e = f->eval(Vec2(1.7, -0.4));
  EXPECT_EQ(e.hess, 2 * Mat2::Identity());
  const Vec2 w = Vec2(1.7, -0.4) - e.hess.inverse() * e.grad;
  EXPECT_EQ(w, Vec2(0, 0));
  Vec2 g;
  make("quartic-norm")->valueAndGradient(Vec2(1, 2), g);
  EXPECT_EQ(g, Vec2(5, 10));  // ||w||^2 w
}

TEST(Objectives, LinearHasConstantGradientAndZeroHessianC2) {
  ObjectivePtr f = make("linear", {{"z1", 0.7}, {"z2", -1.1}});
  const Eval e = f->eval(Vec2(3, 4));
  EXPECT_EQ(e.grad, Vec2(0.7, -1.1));
  EXPECT_EQ(e.hess, Mat2::Zero());
  EXPECT_TRUE(f->info().known_points.empty());
}

TEST(Objectives, QuadraticFormGradientIsAPlusATransposeTimesWC3) {
  ObjectivePtr f = make("quadratic-form", {{"a11", 1}, {"a12", 2}, {"a21", 0}, {"a22", 3}});
  Mat2 a;
  a << 1, 2, 0, 3;
  const Vec2 w(0.5, -1.5);
  const Eval e = f->eval(w);
  EXPECT_TRUE(e.grad.isApprox((a + a.transpose()) * w, 1e-15));
  EXPECT_FALSE(e.grad.isApprox(2 * a * w, 1e-3));  // not 2Aw: A is not symmetric
  EXPECT_EQ(f->info().known_points[0].kind, "minimum");
  EXPECT_EQ(make("quadratic-form", {{"a22", -3}})->info().known_points[0].kind, "saddle");
  EXPECT_EQ(
      make("quadratic-form", {{"a11", -1}, {"a12", 0}, {"a22", -1}})->info().known_points[0].kind,
      "maximum");
  // Singular symmetric part: no isolated stationary point to declare.
  EXPECT_TRUE(make("quadratic-form", {{"a11", 1}, {"a12", 1}, {"a21", 1}, {"a22", 1}})
                  ->info()
                  .known_points.empty());
}

TEST(Objectives, CubicHessianIsSingularOnTheAxisC6) {
  ObjectivePtr f = make("cubic");
  for (double y : {-1.0, 0.0, 2.0}) {
    const Mat2 h = f->eval(Vec2(0, y)).hess;
    EXPECT_EQ(h(0, 0) * h(1, 1) - h(0, 1) * h(1, 0), 0);
  }
  EXPECT_EQ(f->info().known_points[1].kind, "saddle");
}

TEST(Objectives, HessianShapesClassifyAsC7) {
  EXPECT_EQ(make("bowl")->info().known_points[0].kind, "minimum");
  EXPECT_EQ(make("dome")->info().known_points[0].kind, "maximum");
  EXPECT_EQ(make("saddle")->info().known_points[0].kind, "saddle");
  const Mat2 h = make("valley", {{"a", 3}})->eval(Vec2(0.4, -1)).hess;
  EXPECT_EQ(h, (Mat2() << 3, 0, 0, 0).finished());
}

TEST(Objectives, LeastSquaresMinimumIsTheRidgeSolutionD2) {
  const double sigma_max = 2, cond = 50, theta = 25, lambda = 0.7;
  const Vec2 y(1.5, -0.5);
  ObjectivePtr f = make("least-squares", {{"sigma_max", sigma_max},
                                          {"cond", cond},
                                          {"theta", theta},
                                          {"y1", y.x()},
                                          {"y2", y.y()},
                                          {"lambda", lambda}});
  const double t = theta * std::acos(-1.0) / 180;
  Mat2 r;
  r << std::cos(t), -std::sin(t), std::sin(t), std::cos(t);
  const Mat2 fm = Vec2(sigma_max, sigma_max / cond).asDiagonal() * r.transpose();
  // D2: ridge is least squares on [F; sqrt(lambda) I] with target [y; 0], solved by QR.
  Eigen::Matrix<double, 4, 2> x_hat;
  x_hat << fm, std::sqrt(lambda) * Mat2::Identity();
  Eigen::Vector4d y_hat(y.x(), y.y(), 0, 0);
  const Vec2 w_qr = x_hat.colPivHouseholderQr().solve(y_hat);
  const Vec2 w_star = f->info().known_points[0].w;
  EXPECT_TRUE(w_star.isApprox(w_qr, 1e-12)) << w_star.transpose() << " vs " << w_qr.transpose();
  // The Hessian is F^T F + lambda I; without ridge its condition number is cond^2 and its
  // stiff eigenvector points along theta.
  ObjectivePtr plain = make("least-squares", {{"cond", 10}, {"theta", theta}});
  const Eigen::SelfAdjointEigenSolver<Mat2> es(plain->eval(Vec2(0.3, 0.1)).hess);
  EXPECT_NEAR(es.eigenvalues()(1) / es.eigenvalues()(0), 100, 1e-9);
  const Vec2 v = es.eigenvectors().col(1);
  EXPECT_NEAR(std::abs(v.x() * std::cos(t) + v.y() * std::sin(t)), 1, 1e-12);
}

TEST(Objectives, BatchedValuesEqualPointValues) {
  for (const ObjectiveInfo& info : builtinObjectives()) {
    ObjectivePtr f = make(info.name);
    double xs[5] = {-1, 0, 0.5, 1.5, 2}, ys[5] = {0.3, -1, 0.5, 2, -2}, out[5];
    f->values(xs, ys, out, 5);
    for (int i = 0; i < 5; ++i) EXPECT_EQ(out[i], f->value(Vec2(xs[i], ys[i]))) << info.name;
  }
}

}  // namespace
}  // namespace gradlab
