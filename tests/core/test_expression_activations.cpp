// The activations in the expression language (relu(x) + leaky_relu(y, 0.1), ...): the values,
// gradients and Hessians of typed formulas against the core definitions, central finite
// differences and hand-derived closed forms; arity and parameter errors.
#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "core/activations.h"
#include "core/expression.h"

namespace gradlab {
namespace {

Expression compileOk(const std::string& text) {
  Expression e = Expression::compile(text);
  EXPECT_TRUE(e.ok()) << text << ": " << e.error().message;
  return e;
}

TEST(ExpressionActivations, EachFunctionIsTheCoreDefinition) {
  const struct {
    const char* text;
    Activation a;
    double param;
  } cases[] = {
      {"relu(x)", Activation::Relu, 0},         {"leaky_relu(x, 0.1)", Activation::LeakyRelu, 0.1},
      {"tanh(x)", Activation::Tanh, 0},         {"sigmoid(x)", Activation::Sigmoid, 0},
      {"softplus(x)", Activation::Softplus, 1}, {"softplus(x, 2.5)", Activation::Softplus, 2.5},
      {"elu(x)", Activation::Elu, 1},           {"elu(x, 0.5)", Activation::Elu, 0.5},
      {"gelu(x)", Activation::Gelu, 0},         {"silu(x)", Activation::Silu, 0},
      {"hardtanh(x)", Activation::HardTanh, 0}, {"leaky_relu(x, 1/4)", Activation::LeakyRelu, 0.25},
  };
  for (const auto& c : cases) {
    const Expression e = compileOk(c.text);
    for (double x : {-3.0, -1.0, -0.2, 0.0, 0.2, 1.0, 3.0}) {
      const ActivationValue v = activationEval(c.a, x, c.param);
      const Eval ev = e.eval(x, 0.7);
      EXPECT_EQ(e.value(x, 0.7), v.f) << c.text << " at " << x;
      EXPECT_EQ(ev.f, v.f) << c.text << " at " << x;
      EXPECT_EQ(ev.grad.x(), v.d1) << c.text << " at " << x;  // kinks: PyTorch's convention
      EXPECT_EQ(ev.hess(0, 0), v.d2) << c.text << " at " << x;
      EXPECT_EQ(ev.grad.y(), 0) << c.text;
      double batched = 0;
      const double xs[] = {x}, ys[] = {0.7};
      e.values(xs, ys, &batched, 1);
      EXPECT_EQ(batched, v.f) << c.text << " at " << x;
    }
  }
  // A constant argument folds to the same value.
  EXPECT_EQ(compileOk("gelu(0.3)").program().size(), 1u);
  EXPECT_EQ(compileOk("gelu(0.3)").value(0, 0), activationValue(Activation::Gelu, 0.3, 0));
  EXPECT_EQ(compileOk("softplus(2, 3)").value(0, 0), activationValue(Activation::Softplus, 2, 3));
}

// Chain and product rules through the activations: exact against a hand-derived gradient and
// Hessian, and against central differences of the exact gradient at random points.
TEST(ExpressionActivations, TypedFormulasHaveExactGradientsAndHessians) {
  const Expression e = compileOk("relu(x) + leaky_relu(y, 0.1)");
  Eval ev = e.eval(1.5, -2);
  EXPECT_EQ(ev.f, 1.5 - 0.2);
  EXPECT_EQ(ev.grad, Vec2(1, 0.1));
  EXPECT_EQ(ev.hess, Mat2::Zero());

  // f = gelu(x y) + softplus(x - y, 2): f_x = gelu'(u) y + s, f_xy = gelu''(u) x y + gelu'(u)
  // - 2 s (1 - s) with u = x y, s = sigma(2 (x - y)).
  const double x = 0.4, y = -0.9, u = x * y;
  const ActivationValue g = activationEval(Activation::Gelu, u, 0);
  const double s = sigmoid(2 * (x - y)), sp2 = 2 * s * (1 - s);
  ev = compileOk("gelu(x*y) + softplus(x - y, 2)").eval(x, y);
  EXPECT_NEAR(ev.grad.x(), g.d1 * y + s, 1e-15);
  EXPECT_NEAR(ev.grad.y(), g.d1 * x - s, 1e-15);
  EXPECT_NEAR(ev.hess(0, 0), g.d2 * y * y + sp2, 1e-14);
  EXPECT_NEAR(ev.hess(0, 1), g.d2 * x * y + g.d1 - sp2, 1e-14);
  EXPECT_NEAR(ev.hess(1, 1), g.d2 * x * x + sp2, 1e-14);

  const char* texts[] = {
      "relu(x) + leaky_relu(y, 0.1)", "silu(x*y) + elu(x - 2*y, 0.7)",
      "gelu(x^2 - y) * sigmoid(y)",   "softplus(3*x + y, 2.5) + hardtanh(x*y)",
      "tanh(elu(x) + silu(y))",       "leaky_relu(x*y - 0.3, 0.2)^2 + relu(y - x)^3",
  };
  std::mt19937_64 rng(16);
  std::uniform_real_distribution<double> coord(-2.5, 2.5);
  const double h = 1e-6;
  for (const char* text : texts) {
    const Expression f = compileOk(text);
    for (int k = 0; k < 40; ++k) {
      const double px = coord(rng), py = coord(rng);
      const Eval r = f.eval(px, py);
      Vec2 gxp, gxm, gyp, gym;
      const double fxp = f.valueAndGradient(px + h, py, gxp);
      const double fxm = f.valueAndGradient(px - h, py, gxm);
      const double fyp = f.valueAndGradient(px, py + h, gyp);
      const double fym = f.valueAndGradient(px, py - h, gym);
      const Vec2 fd_grad((fxp - fxm) / (2 * h), (fyp - fym) / (2 * h));
      const Mat2 fd_hess = (Mat2() << (gxp - gxm) / (2 * h), (gyp - gym) / (2 * h)).finished();
      const double scale = 1 + r.grad.norm() + r.hess.norm();
      // A sample within h of a kink would difference across it: skip those (rare).
      if ((fd_hess - fd_hess.transpose()).norm() > 1e-3 * scale) continue;
      EXPECT_LT((r.grad - fd_grad).norm(), 1e-6 * scale) << text << " at " << px << ", " << py;
      EXPECT_LT((r.hess - fd_hess).norm(), 1e-5 * scale) << text << " at " << px << ", " << py;
    }
  }
}

TEST(ExpressionActivations, WrongArgumentsAreNamedWithTheExpectedArity) {
  const struct {
    const char* text;
    const char* message;
    int column;
  } cases[] = {
      {"leaky_relu(x)",
       "function 'leaky_relu' takes 2 arguments at column 1; write leaky_relu(x, alpha)", 1},
      {"1 + softplus(x, 1, 2)",
       "function 'softplus' takes 1 or 2 arguments at column 5; write softplus(x) or "
       "softplus(x, beta)",
       5},
      {"elu()", "function 'elu' takes 1 or 2 arguments at column 1; write elu(x) or elu(x, alpha)",
       1},
      {"gelu(x, 1)", "function 'gelu' takes 1 argument at column 1", 1},
      {"relu(x, y)", "function 'relu' takes 1 argument at column 1", 1},
      {"hardtanh()", "function 'hardtanh' takes 1 argument at column 1", 1},
      {"leaky_relu(x, y)",
       "the alpha of 'leaky_relu' must be a constant at column 15; e.g. leaky_relu(x, 0.1)", 15},
      {"softplus(x, 0)", "the beta of 'softplus' must be positive at column 13", 13},
      {"softplus(x, -2)", "the beta of 'softplus' must be positive at column 13", 13},
      {"elu(x, 1/0)", "the alpha of 'elu' is not a finite number at column 8", 8},
  };
  for (const auto& c : cases) {
    const Expression e = Expression::compile(c.text);
    ASSERT_FALSE(e.ok()) << c.text;
    EXPECT_EQ(e.error().message, c.message) << c.text;
    EXPECT_EQ(e.error().column, c.column) << c.text;
  }
}

}  // namespace
}  // namespace gradlab
