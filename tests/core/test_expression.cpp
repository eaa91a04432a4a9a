// Tests of the expression compiler: parsing (valid and invalid tables), values, exact
// derivatives against closed forms and finite differences, the batched path, the objective.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "core/expression.h"

namespace gradlab {
namespace {

const double kE = std::exp(1.0);
const double kPi = std::acos(-1.0);

Expression compileOk(const std::string& text) {
  Expression e = Expression::compile(text);
  EXPECT_TRUE(e.ok()) << text << ": " << e.error().message;
  return e;
}

struct ValueCase {
  const char* text;
  double x, y, expected;
};

TEST(Expression, ValidInputsEvaluateToExpectedValues) {
  const ValueCase cases[] = {
      {"1+2*3", 0, 0, 7},
      {"(1+2)*3", 0, 0, 9},
      {"2^3^2", 0, 0, 512},  // right-associative
      {"-x^2", 3, 0, -9},    // ^ binds tighter than unary minus
      {"-2^2", 0, 0, -4},
      {"2^-1", 0, 0, 0.5},
      {"(-2)^2", 0, 0, 4},
      {"x - y - 1", 5, 2, 2},  // left-associative
      {"x / y / 2", 8, 2, 2},
      {".5 + 1e-3", 0, 0, 0.501},
      {"5.", 0, 0, 5},
      {"2.5E+2", 0, 0, 250},
      {"1e3*x", 2, 0, 2000},
      {"  x  *  y ", 3, 4, 12},
      {"w1 * w2", 3, 4, 12},
      {"x1 - x2", 3, 4, -1},
      {"+x", 7, 0, 7},
      {"--x", 7, 0, 7},
      {"2*-x", 3, 0, -6},
      {"pi", 0, 0, kPi},
      {"e", 0, 0, kE},
      {"e^2", 0, 0, std::exp(2.0)},
      {"sqrt(4)", 0, 0, 2},
      {"abs(-3)", 0, 0, 3},
      {"exp(0)", 0, 0, 1},
      {"log(e)", 0, 0, 1},
      {"sin(pi/2)", 0, 0, 1},
      {"cos(0)", 0, 0, 1},
      {"tan(pi/4)", 0, 0, std::tan(kPi / 4)},
      {"tanh(1)", 0, 0, std::tanh(1.0)},
      {"sigmoid(0)", 0, 0, 0.5},
      {"sigmoid(-1000)", 0, 0, 0},
      {"sigmoid(1000)", 0, 0, 1},
      {"relu(-2)", 0, 0, 0},
      {"relu(3)", 0, 0, 3},
      {"softplus(0)", 0, 0, std::log(2.0)},
      {"softplus(1000)", 0, 0, 1000},  // no overflow
      {"softplus(-1000)", 0, 0, 0},
      {"min(2, 3)", 0, 0, 2},
      {"max(2, 3)", 0, 0, 3},
      {"pow(2, 10)", 0, 0, 1024},
      {"x^3", -2, 0, -8},  // integer power of a negative base
      {"pow(x, -2)", -2, 0, 0.25},
      {"x^0", 0, 0, 1},
      {"pow(x, y)", 2, 3, 8},
      {"exp(-x^2 - 2*(y-1)^2)", 0, 1, 1},
  };
  for (const ValueCase& c : cases) {
    Expression e = compileOk(c.text);
    if (!e.ok()) continue;
    EXPECT_NEAR(e.value(c.x, c.y), c.expected, 1e-15 * std::max(1.0, std::abs(c.expected)))
        << c.text;
    // All three evaluators agree on the value.
    Vec2 g;
    EXPECT_EQ(e.valueAndGradient(c.x, c.y, g), e.value(c.x, c.y)) << c.text;
    EXPECT_EQ(e.eval(c.x, c.y).f, e.value(c.x, c.y)) << c.text;
  }
}

TEST(Expression, DomainErrorsGiveNaNNotExceptions) {
  for (const char* text : {"log(x)", "sqrt(x)", "pow(x, 0.5)", "x^0.5", "log(-1)", "0/0"}) {
    Expression e = compileOk(text);
    EXPECT_TRUE(std::isnan(e.value(-1, 0))) << text;
    EXPECT_TRUE(std::isnan(e.eval(-1, 0).f)) << text;
  }
  EXPECT_EQ(compileOk("log(x)").value(0, 0), -INFINITY);
  EXPECT_TRUE(std::isnan(compileOk("max(x, y)").value(NAN, 1)));
  EXPECT_TRUE(std::isnan(compileOk("relu(x)").value(NAN, 1)));
}

TEST(Expression, ConstantSubexpressionsAreFoldedAway) {
  EXPECT_EQ(compileOk("2*3 + 4^2 - sin(0)").program().size(), 1u);
  EXPECT_EQ(compileOk("x * (2*pi)").program().size(), 3u);  // x, 2 pi, *
  // x appears once in the program even when typed twice.
  EXPECT_EQ(compileOk("x*x").program().size(), 2u);
}

TEST(Expression, ReportsTheSpellingOfTheVariables) {
  Expression e = compileOk("w1^2 + w2");
  EXPECT_EQ(e.varNameX(), "w1");
  EXPECT_EQ(e.varNameY(), "w2");
  Expression f = compileOk("y");
  EXPECT_EQ(f.varNameX(), "x");
}

struct ErrorCase {
  const char* text;
  const char* message;
  int column;
};

TEST(Expression, InvalidInputsGiveMessageAndColumn) {
  const ErrorCase cases[] = {
      {"", "empty expression at column 1", 1},
      {"   ", "empty expression at column 1", 1},
      {"(x + 1", "expected ')' at column 7", 7},
      {"exp(x) * (y - (x + 1)", "expected ')' at column 22", 22},
      {"foo + 1", "unknown name 'foo' at column 1", 1},
      {"x + foo", "unknown name 'foo' at column 5", 5},
      {"foo(x)", "unknown function 'foo' at column 1", 1},
      {"max(1)", "function 'max' takes 2 arguments at column 1", 1},
      {"2 * max(1, 2, 3)", "function 'max' takes 2 arguments at column 5", 5},
      {"exp(1, 2)", "function 'exp' takes 1 argument at column 1", 1},
      {"exp()", "function 'exp' takes 1 argument at column 1", 1},
      {"x +", "unexpected end of expression at column 4", 4},
      {"sin(x) *", "unexpected end of expression at column 9", 9},
      {"sin(", "unexpected end of expression at column 5", 5},
      {"max(1, ", "unexpected end of expression at column 8", 8},
      {"x * * y", "unexpected '*' at column 5", 5},
      {"2x", "unexpected 'x' at column 2; for a product write 2*x", 2},
      {"x y", "unexpected 'y' at column 3; for a product write x*y", 3},
      {"2(x + 1)", "unexpected '(' at column 2; for a product write 2*(...)", 2},
      {"(x)(y)", "unexpected '(' at column 4; for a product write (...)*(...)", 4},
      {"x $ y", "unexpected character '$' at column 3", 3},
      {"exp x", "expected '(' after 'exp' at column 5", 5},
      {")", "unexpected ')' at column 1", 1},
      {"(x))", "unexpected ')' at column 4", 4},
      {"max(1 2)", "expected ',' or ')' at column 7", 7},
      {"x(1)", "unexpected '(' at column 2; for a product write x*(...)", 2},
      {"1.2.3", "unexpected '.3' at column 4", 4},
      {"x^", "unexpected end of expression at column 3", 3},
      {"2e", "unexpected 'e' at column 2; for a product write 2*e", 2},
  };
  for (const ErrorCase& c : cases) {
    Expression e = Expression::compile(c.text);
    EXPECT_FALSE(e.ok()) << c.text;
    EXPECT_EQ(e.error().message, c.message) << "input: \"" << c.text << "\"";
    EXPECT_EQ(e.error().column, c.column) << "input: \"" << c.text << "\"";
    EXPECT_TRUE(e.program().empty());
  }
}

TEST(Expression, DeepNestingIsAnErrorNotACrash) {
  // Within the length limit (4096), far beyond the nesting limit (200).
  const std::string deep = std::string(2000, '(') + "x" + std::string(2000, ')');
  Expression e = Expression::compile(deep);
  EXPECT_FALSE(e.ok());
  EXPECT_EQ(e.error().message.rfind("expression nested too deeply at column", 0), 0u);
  const Expression minus = Expression::compile(std::string(4000, '-') + "x");
  EXPECT_FALSE(minus.ok());
  EXPECT_EQ(minus.error().message.rfind("expression nested too deeply at column", 0), 0u);
  EXPECT_TRUE(Expression::compile(std::string(50, '(') + "x" + std::string(50, ')')).ok());
}

struct DerivCase {
  const char* text;
  double x, y;
  double f, gx, gy, hxx, hxy, hyy;
};

TEST(Expression, DerivativesMatchClosedForms) {
  const double e2 = std::exp(2.0), l2 = std::log(2.0);
  const DerivCase cases[] = {
      {"x^2*y", 2, 3, 12, 12, 4, 6, 4, 0},
      {"exp(x*y)", 1, 2, e2, 2 * e2, e2, 4 * e2, 3 * e2, e2},
      {"x/y", 3, 2, 1.5, 0.5, -0.75, 0, -0.25, 0.75},
      {"sqrt(x^2 + y^2)", 3, 4, 5, 0.6, 0.8, 0.64 / 5, -0.48 / 5, 0.36 / 5},
      {"pow(x, y)", 2, 3, 8, 12, 8 * l2, 12, 4 * (1 + 3 * l2), 8 * l2 * l2},
      {"x^3", -2, 0, -8, 12, 0, -12, 0, 0},  // power rule with a negative base
      {"x^-1", -2, 0, -0.5, -0.25, 0, -0.25, 0, 0},
      {"log(x*y)", 2, 0.5, 0, 0.5, 2, -0.25, 0, -4},
      {"sin(x)*cos(y)", 0, 0, 0, 1, 0, 0, 0, 0},
      {"tanh(x)", 0, 0, 0, 1, 0, 0, 0, 0},
      {"sigmoid(x)", 0, 0, 0.5, 0.25, 0, 0, 0, 0},
      {"softplus(x)", 0, 0, l2, 0.5, 0, 0.25, 0, 0},
      {"tan(x)", 0, 0, 0, 1, 0, 0, 0, 0},
      // PyTorch conventions at kinks: relu'(0) = 0, abs'(0) = 0, ties split evenly.
      {"relu(x)", 0, 0, 0, 0, 0, 0, 0, 0},
      {"relu(x)", 2, 0, 2, 1, 0, 0, 0, 0},
      {"abs(x)", 0, 0, 0, 0, 0, 0, 0, 0},
      {"abs(x)", -3, 0, 3, -1, 0, 0, 0, 0},
      {"max(x, y)", 1, 1, 1, 0.5, 0.5, 0, 0, 0},
      {"min(x, y)", 1, 2, 1, 1, 0, 0, 0, 0},
      {"max(x, y)", 1, 2, 2, 0, 1, 0, 0, 0},
      {"max(x, x)", 1, 0, 1, 1, 0, 0, 0, 0},
      {"max(x^2, y)", 2, 1, 4, 4, 0, 2, 0, 0},
      {"pow(x, 2)", 0, 0, 0, 0, 0, 2, 0, 0},
      {"x^1", 0, 0, 0, 1, 0, 0, 0, 0},  // no 0 * inf at 0
  };
  for (const DerivCase& c : cases) {
    Expression e = compileOk(c.text);
    if (!e.ok()) continue;
    const Eval r = e.eval(c.x, c.y);
    const double tol = 1e-14;
    EXPECT_NEAR(r.f, c.f, tol * std::max(1.0, std::abs(c.f))) << c.text;
    EXPECT_NEAR(r.grad.x(), c.gx, tol * std::max(1.0, std::abs(c.gx))) << c.text;
    EXPECT_NEAR(r.grad.y(), c.gy, tol * std::max(1.0, std::abs(c.gy))) << c.text;
    EXPECT_NEAR(r.hess(0, 0), c.hxx, tol * std::max(1.0, std::abs(c.hxx))) << c.text;
    EXPECT_NEAR(r.hess(0, 1), c.hxy, tol * std::max(1.0, std::abs(c.hxy))) << c.text;
    EXPECT_EQ(r.hess(0, 1), r.hess(1, 0)) << c.text;
    EXPECT_NEAR(r.hess(1, 1), c.hyy, tol * std::max(1.0, std::abs(c.hyy))) << c.text;
    Vec2 g;
    e.valueAndGradient(c.x, c.y, g);
    EXPECT_EQ(g, r.grad) << c.text;
  }
}

// Central differences: of the value for the gradient (h = 1e-6), of the AD gradient for the
// Hessian (h = 1e-5); both errors are O(h^2) + rounding, about 1e-9 relative here.
TEST(Expression, DerivativesMatchFiniteDifferencesAtRandomPoints) {
  const char* texts[] = {
      "sin(x)*cos(y) + 0.1*x^2",
      "exp(-x^2 - 2*(y-1)^2) + exp(-(x-1)^2 - 2*y^2)",
      "log(1 + x^2 + y^4) / (2 + cos(x*y))",
      "tanh(x - y) * sigmoid(x + 2*y) + softplus(x*y)",
      "sqrt(1 + x^2 + y^2) - pow(1.5, x) + tan(0.3*y)",
      "(x^2 + y - 11)^2 + (x + y^2 - 7)^2",
      "pow(2 + sin(x), y) + x^-2",
  };
  std::mt19937_64 rng(42);
  std::uniform_real_distribution<double> u(-2.5, 2.5);
  for (const char* text : texts) {
    Expression e = compileOk(text);
    if (!e.ok()) continue;
    for (int k = 0; k < 50; ++k) {
      const double x = u(rng), y = u(rng);
      const Eval r = e.eval(x, y);
      const double h = 1e-6, hh = 1e-5;
      const double fx = (e.value(x + h, y) - e.value(x - h, y)) / (2 * h);
      const double fy = (e.value(x, y + h) - e.value(x, y - h)) / (2 * h);
      const double gscale = std::max({1.0, std::abs(r.f), r.grad.norm()});
      EXPECT_NEAR(r.grad.x(), fx, 1e-7 * gscale) << text << " at " << x << ", " << y;
      EXPECT_NEAR(r.grad.y(), fy, 1e-7 * gscale) << text << " at " << x << ", " << y;
      Vec2 gxp, gxm, gyp, gym;
      e.valueAndGradient(x + hh, y, gxp);
      e.valueAndGradient(x - hh, y, gxm);
      e.valueAndGradient(x, y + hh, gyp);
      e.valueAndGradient(x, y - hh, gym);
      const Mat2 fd = (Mat2() << (gxp - gxm) / (2 * hh), (gyp - gym) / (2 * hh)).finished();
      const double hscale = std::max(gscale, r.hess.norm());
      EXPECT_LT((r.hess - fd).norm(), 1e-6 * hscale) << text << " at " << x << ", " << y;
    }
  }
}

TEST(Expression, BatchedValuesEqualPointValues) {
  const char* texts[] = {"sin(x)*cos(y) + 0.1*x^2",
                         "3",
                         "y",
                         "max(x, y) - min(x^3, relu(y))",
                         "log(x) + sqrt(y) + pow(x, y) + x^0.5 + abs(x)/y",
                         "sigmoid(x) * softplus(y) + tanh(x*y) + tan(x) + exp(-y)"};
  const std::size_t n = 1000;  // not a multiple of the block size
  std::vector<double> xs(n), ys(n), out(n);
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> u(-3, 3);
  for (std::size_t i = 0; i < n; ++i) xs[i] = u(rng), ys[i] = u(rng);
  for (const char* text : texts) {
    Expression e = compileOk(text);
    e.values(xs.data(), ys.data(), out.data(), n);
    for (std::size_t i = 0; i < n; ++i) {
      const double v = e.value(xs[i], ys[i]);
      if (std::isnan(v)) {
        EXPECT_TRUE(std::isnan(out[i])) << text;
      } else {
        EXPECT_EQ(out[i], v) << text << " at " << i;
      }
    }
  }
}

TEST(Expression, LongProgramsUseTheHeapPath) {
  std::string text = "x";
  for (int i = 0; i < 100; ++i) text += " + sin(" + std::to_string(i) + "*y)";
  Expression e = compileOk(text);
  EXPECT_GT(e.program().size(), 64u);
  double expected = 0.5;
  for (int i = 0; i < 100; ++i) expected += std::sin(i * 0.25);
  EXPECT_NEAR(e.value(0.5, 0.25), expected, 1e-12);
  EXPECT_NEAR(e.eval(0.5, 0.25).f, expected, 1e-12);
  EXPECT_EQ(e.eval(0.5, 0.25).grad.x(), 1);
}

// Review item: sqrt'(0) = inf met relu'(-1) = 0 and the chain rule gave inf * 0 = NaN.
// PyTorch (relu backward masks the incoming gradient) gives value 1, gradient (0, 2).
TEST(Expression, ZeroInnerDerivativeAbsorbsAnInfiniteOuterOne) {
  const Expression e = compileOk("sqrt(relu(x)) + y^2");
  EXPECT_EQ(e.value(-1, 1), 1);
  Vec2 g;
  EXPECT_EQ(e.valueAndGradient(-1, 1, g), 1);
  EXPECT_EQ(g, Vec2(0, 2));
  const Eval ev = e.eval(-1, 1);
  EXPECT_EQ(ev.f, 1);
  EXPECT_EQ(ev.grad, Vec2(0, 2));
  Mat2 h;
  h << 0, 0, 0, 2;
  EXPECT_EQ(ev.hess, h);
  // Also through a binary op (the second-order cross terms) and a product with a zero factor.
  const Eval ev2 = compileOk("sqrt(relu(x)) * y + x*y").eval(-1, 3);
  EXPECT_EQ(ev2.f, -3);
  EXPECT_EQ(ev2.grad, Vec2(3, -1));
  Mat2 h2;
  h2 << 0, 1, 1, 0;
  EXPECT_EQ(ev2.hess, h2);
  // A NaN inner derivative still propagates: sqrt at -1 is NaN.
  EXPECT_TRUE(std::isnan(compileOk("sqrt(x) + y").eval(-1, 1).grad.x()));
}

// A variable exponent: for a < 0 the value is pow(a, b) (finite at integer b), but the derivative
// in b, a^b log a, is NaN (as torch.pow's). expression.h documents exactly this.
TEST(Expression, NegativeBaseWithVariableExponent) {
  const Expression e = compileOk("(-2)^y");
  const Eval ev = e.eval(0, 3);
  EXPECT_EQ(ev.f, -8);
  EXPECT_EQ(ev.grad.x(), 0);
  EXPECT_TRUE(std::isnan(ev.grad.y()));
  EXPECT_TRUE(std::isnan(e.value(0, 0.5)));
}

TEST(Expression, TextLongerThan4096CharactersIsRejected) {
  const Expression e = Expression::compile("x" + std::string(4096, ' '));  // 4097 characters
  EXPECT_FALSE(e.ok());
  EXPECT_EQ(e.error().message, "expression too long: 4097 characters (at most 4096)");
  EXPECT_EQ(e.error().column, 4097);
  EXPECT_TRUE(e.program().empty());
  // The reviewer's case: 120 KB took 47 s and 226 MB to render; now it is refused at once.
  const Expression huge = Expression::compile(std::string(120000, 'x'));
  EXPECT_EQ(huge.error().message, "expression too long: 120000 characters (at most 4096)");
  compileOk("x" + std::string(4095, ' '));  // exactly 4096
}

TEST(Expression, ProgramLargerThanTheInstructionCapIsRejected) {
  // x + 1 + 1 + ...: every '+' and every 1 stays in the program (no folding across x).
  std::string text = "x";
  for (int i = 0; i < 1100; ++i) text += "+1";  // 2201 instructions in 2201 characters
  const Expression e = Expression::compile(text);
  EXPECT_FALSE(e.ok());
  EXPECT_EQ(e.error().message, "expression too complex: 2201 operations (at most 2048)");
  EXPECT_EQ(e.error().column, 1);
  EXPECT_TRUE(e.program().empty());
  // The cap counts the program after folding: the same ones summed in brackets fold to one.
  EXPECT_EQ(compileOk("x+(" + text.substr(2) + ")").program().size(), 3u);
  std::string at_cap = "x";
  for (int i = 0; i < 1023; ++i) at_cap += "+1";  // 1 + 2 * 1023 = 2047 instructions
  EXPECT_EQ(compileOk(at_cap + "+x").program().size(), 2048u);
  EXPECT_FALSE(Expression::compile(at_cap + "+y").ok());  // y and one more Add: 2049
}

// Review item: "x²" reported half of the UTF-8 sequence for '²' ('\xC2').
TEST(Expression, NonAsciiCharacterIsQuotedWhole) {
  const ErrorCase cases[] = {
      {"x\xC2\xB2", "unexpected character '\xC2\xB2' at column 2", 2},            // x²
      {"x + \xCF\x80", "unexpected character '\xCF\x80' at column 5", 5},         // x + π
      {"\xE2\x88\x9A(x)", "unexpected character '\xE2\x88\x9A' at column 1", 1},  // √(x)
      {"x * \xF0\x9F\x98\x80", "unexpected character '\xF0\x9F\x98\x80' at column 5", 5},
      {"x\xB2", "unexpected character '\\xB2' at column 2", 2},          // stray continuation byte
      {"x\xC2", "unexpected character '\\xC2' at column 2", 2},          // truncated sequence
      {"x\xC0\xB2", "unexpected character '\\xC0' at column 2", 2},      // overlong lead byte
      {"x\xED\xA0\x80", "unexpected character '\\xED' at column 2", 2},  // surrogate
      {"x\x01", "unexpected character '\\x01' at column 2", 2},          // control character
  };
  for (const ErrorCase& c : cases) {
    const Expression e = Expression::compile(c.text);
    EXPECT_FALSE(e.ok());
    EXPECT_EQ(e.error().message, c.message);
    EXPECT_EQ(e.error().column, c.column);
  }
  EXPECT_EQ(Expression::compile("x\xC2\xB2").error().message,
            "unexpected character '²' at column 2");
}

TEST(Expression, MakeObjectiveBuildsAnExpressionObjective) {
  ObjectiveSpec spec;
  spec.name = "expression";
  spec.expression = "x^2 + 3*y";
  std::string error;
  ObjectivePtr f = makeObjective(spec, &error);
  ASSERT_TRUE(f) << error;
  EXPECT_EQ(f->info().title, "f(x, y) = x^2 + 3*y");
  EXPECT_EQ(f->info().window.x_min, -3);
  EXPECT_EQ(f->info().window.y_max, 3);
  ASSERT_EQ(f->info().starts.size(), 1u);
  EXPECT_EQ(f->info().starts[0], Vec2(1, 1));
  EXPECT_EQ(f->value(Vec2(2, 1)), 7);
  Vec2 g;
  EXPECT_EQ(f->valueAndGradient(Vec2(2, 1), g), 7);
  EXPECT_EQ(g, Vec2(4, 3));
  double xs[2] = {2, 0}, ys[2] = {1, 1}, out[2];
  f->values(xs, ys, out, 2);
  EXPECT_EQ(out[0], 7);
  EXPECT_EQ(out[1], 3);
}

TEST(Expression, MakeObjectivePassesTheParseErrorThrough) {
  ObjectiveSpec spec;
  spec.name = "expression";
  spec.expression = "x +";
  std::string error;
  EXPECT_FALSE(makeObjective(spec, &error));
  EXPECT_EQ(error, "unexpected end of expression at column 4");
  spec.expression = "x";
  spec.params = {{"a", 1}};
  EXPECT_FALSE(makeObjective(spec, &error));
  EXPECT_EQ(error, "unknown parameter 'a' for expression");
}

}  // namespace
}  // namespace gradlab
