// Activation functions against PyTorch's autograd (tests/data/activations/reference.csv, written
// by tests/data/make_activation_reference.py), closed forms and central finite differences; the
// identities of EXERCISES A to 1e-12; the sigmoid's Taylor coefficients as exact fractions.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/activation_identities.h"
#include "core/activations.h"

namespace gradlab {
namespace {

constexpr double kPi = 3.141592653589793238462643383279502884;

// Parameters to try for each activation (its default, and others where it has one).
std::vector<double> paramsOf(const ActivationInfo& info) {
  if (!info.param) return {0.0};
  if (info.id == Activation::Softplus) return {1.0, 0.3, 2.5, 10.0};
  return {info.param_default, 0.0, 0.2, 1.0, 2.0};
}

bool nearKink(Activation a, double x) {
  switch (a) {
    case Activation::Relu:
    case Activation::LeakyRelu:
    case Activation::Elu:
      return std::abs(x) < 1e-3;
    case Activation::HardTanh:
      return std::abs(std::abs(x) - 1) < 1e-3;
    default:
      return false;
  }
}

TEST(Activations, TableIsInEnumOrderWithUniqueNames) {
  for (int i = 0; i < kActivationCount; ++i) {
    const ActivationInfo& info = activationTable()[std::size_t(i)];
    EXPECT_EQ(int(info.id), i);
    Activation found;
    ASSERT_TRUE(activationFromName(info.name, &found)) << info.name;
    EXPECT_EQ(found, info.id);
    if (info.param) {
      EXPECT_LE(info.param_min, info.param_default);
      EXPECT_LE(info.param_default, info.param_max);
    }
  }
  Activation a;
  EXPECT_FALSE(activationFromName("swish2", &a));
  EXPECT_EQ(activationNameList(),
            "relu, leaky_relu, linear, tanh, sigmoid, softplus, elu, gelu, silu, hardtanh");
}

struct ReferenceRow {
  std::string name;
  double param, x, f, d1, d2;
};

std::vector<ReferenceRow> readReference() {
  std::ifstream in(std::filesystem::path(GRADLAB_TEST_DATA_DIR) / "activations" / "reference.csv");
  std::vector<ReferenceRow> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#' || line.rfind("name,", 0) == 0) continue;
    std::replace(line.begin(), line.end(), ',', ' ');
    std::istringstream fields(line);
    ReferenceRow r;
    fields >> r.name >> r.param >> r.x >> r.f >> r.d1 >> r.d2;
    if (fields) rows.push_back(r);
  }
  return rows;
}

void expectClose(double got, double want, const std::string& what, double abs_tol = 1e-15) {
  EXPECT_NEAR(got, want, abs_tol + 1e-13 * std::abs(want)) << what;
}

// Values and autograd first and second derivatives, kinks included (PyTorch's conventions).
TEST(Activations, MatchPyTorchAutogradToRoundingAt31PointsEach) {
  const std::vector<ReferenceRow> rows = readReference();
  ASSERT_EQ(rows.size(), 15u * 31u);
  int per_activation[kActivationCount] = {};
  for (const ReferenceRow& r : rows) {
    Activation a;
    ASSERT_TRUE(activationFromName(r.name, &a)) << r.name;
    ++per_activation[int(a)];
    const ActivationValue v = activationEval(a, r.x, r.param);
    const std::string at =
        r.name + "(" + std::to_string(r.x) + ", " + std::to_string(r.param) + ")";
    expectClose(v.f, r.f, at + " value");
    expectClose(v.d1, r.d1, at + " first derivative");
    // 1e-14 absolute: PyTorch's silu'' at x = 30 forms 1 - sigma(30) by subtraction and is off
    // by 2.7e-15; gradlab's -2.6201344312742338e-12 agrees with the value computed to 50 digits,
    // -2.6201344312742331e-12.
    expectClose(v.d2, r.d2, at + " second derivative", 1e-14);
  }
  for (int i = 0; i < kActivationCount; ++i) EXPECT_GE(per_activation[i], 31) << i;
}

TEST(Activations, ClosedFormsAtZeroAndOne) {
  const double phi0 = 1 / std::sqrt(2 * kPi);
  const double s1 = 1 / (1 + std::exp(-1.0));
  struct Case {
    Activation a;
    double param, x, f, d1, d2;
  } cases[] = {
      {Activation::Sigmoid, 0, 0, 0.5, 0.25, 0},
      {Activation::Sigmoid, 0, 1, s1, s1 * (1 - s1), s1 * (1 - s1) * (1 - 2 * s1)},
      {Activation::Tanh, 0, 1, std::tanh(1.0), 1 - std::pow(std::tanh(1.0), 2),
       -2 * std::tanh(1.0) * (1 - std::pow(std::tanh(1.0), 2))},
      {Activation::Softplus, 1, 0, std::log(2.0), 0.5, 0.25},
      {Activation::Softplus, 4, 0, std::log(2.0) / 4, 0.5, 1.0},  // max softplus'' = beta/4
      {Activation::Elu, 1, -1, std::exp(-1.0) - 1, std::exp(-1.0), std::exp(-1.0)},
      {Activation::Elu, 0.5, 0, 0, 0.5, 0},  // PyTorch: elu'(0) = alpha, elu''(0) = 0
      {Activation::Gelu, 0, 0, 0, 0.5, 2 * phi0},
      {Activation::Gelu, 0, 1, 0.5 * (1 + std::erf(1 / std::sqrt(2.0))),
       0.5 * (1 + std::erf(1 / std::sqrt(2.0))) + phi0 * std::exp(-0.5), phi0 * std::exp(-0.5)},
      {Activation::Silu, 0, 0, 0, 0.5, 0.5},
      {Activation::Silu, 0, 1, s1, s1 + s1 * (1 - s1), s1 * (1 - s1) * (2 + 1 - 2 * s1)},
      {Activation::Relu, 0, 0, 0, 0, 0},
      {Activation::LeakyRelu, 0.1, 0, 0, 0.1, 0},
      {Activation::LeakyRelu, 0.1, -2, -0.2, 0.1, 0},
      {Activation::HardTanh, 0, 1, 1, 0, 0},
      {Activation::HardTanh, 0, 0.5, 0.5, 1, 0},
      {Activation::HardTanh, 0, -3, -1, 0, 0},
      {Activation::Linear, 0, -3, -3, 1, 0},
  };
  for (const Case& c : cases) {
    const ActivationValue v = activationEval(c.a, c.x, c.param);
    const std::string at = std::string(activationInfo(c.a).name) + " at " + std::to_string(c.x);
    expectClose(v.f, c.f, at);
    expectClose(v.d1, c.d1, at + "'");
    expectClose(v.d2, c.d2, at + "''");
  }
}

// Central differences of f give f', of f' give f'' (h = 1e-5: error ~h^2 f''' + eps/h).
TEST(Activations, DerivativesMatchCentralFiniteDifferencesAwayFromKinks) {
  const double h = 1e-5;
  for (const ActivationInfo& info : activationTable()) {
    for (double param : paramsOf(info)) {
      for (double x = -6.05; x <= 6.05; x += 0.1) {
        if (nearKink(info.id, x)) continue;
        const ActivationValue v = info.eval(x, param);
        const double fd1 = (info.value(x + h, param) - info.value(x - h, param)) / (2 * h);
        const double fd2 = (info.eval(x + h, param).d1 - info.eval(x - h, param).d1) / (2 * h);
        const double tol = 1e-7 * (1 + param * param);
        EXPECT_NEAR(v.d1, fd1, tol) << info.name << " param " << param << " x " << x;
        EXPECT_NEAR(v.d2, fd2, tol) << info.name << " param " << param << " x " << x;
      }
    }
  }
}

TEST(Activations, ValueOnlyAndArrayPathsEqualTheFullEvaluation) {
  Eigen::ArrayXd x = Eigen::ArrayXd::LinSpaced(401, -20, 20);
  for (const ActivationInfo& info : activationTable()) {
    for (double param : paramsOf(info)) {
      Eigen::ArrayXd f(x.size()), df(x.size()), only(x.size());
      activationValuesAndSlopes(info.id, param, x, f, df);
      activationValues(info.id, param, x, only);
      for (Eigen::Index i = 0; i < x.size(); ++i) {
        const ActivationValue v = activationEval(info.id, x[i], param);
        EXPECT_EQ(f[i], v.f) << info.name << " " << x[i];
        EXPECT_EQ(df[i], v.d1) << info.name << " " << x[i];
        EXPECT_EQ(only[i], v.f) << info.name << " " << x[i];
        EXPECT_EQ(activationValue(info.id, x[i], param), v.f);
      }
    }
  }
}

// No overflow, no NaN, and the right limits far out.
TEST(Activations, FiniteAndRightForHugeArguments) {
  for (const ActivationInfo& info : activationTable()) {
    for (double param : paramsOf(info)) {
      for (double x : {1e3, 1e10, 1e100, 1e300, -1e3, -1e10, -1e100, -1e300}) {
        const ActivationValue v = info.eval(x, param);
        EXPECT_TRUE(std::isfinite(v.f) && std::isfinite(v.d1) && std::isfinite(v.d2))
            << info.name << " param " << param << " at " << x << ": " << v.f << " " << v.d1 << " "
            << v.d2;
      }
    }
  }
  EXPECT_EQ(sigmoid(1e300), 1.0);
  EXPECT_EQ(sigmoid(-1e300), 0.0);
  EXPECT_EQ(sigmoid(-800), 0.0);
  EXPECT_EQ(activationValue(Activation::Softplus, 1e300, 1), 1e300);
  EXPECT_EQ(activationValue(Activation::Softplus, 1e300, 10), 1e300);
  EXPECT_EQ(activationValue(Activation::Softplus, -1e300, 10), 0.0);
  // log(1 + e^-40) = e^-40 to rounding: log1p keeps it where log(1 + ...) gives 0.
  EXPECT_NEAR(activationValue(Activation::Softplus, -40, 1), std::exp(-40.0), 1e-30);
  EXPECT_EQ(activationValue(Activation::Gelu, 1e300, 0), 1e300);
  EXPECT_EQ(activationValue(Activation::Silu, 1e300, 0), 1e300);
  EXPECT_EQ(activationEval(Activation::Silu, -1e300, 0).d1, 0.0);
  // sigma' keeps its relative precision where 1 - sigma rounds to 0.
  EXPECT_NEAR(activationEval(Activation::Sigmoid, 50, 0).d1 / std::exp(-50.0), 1.0, 1e-14);
  EXPECT_TRUE(std::isnan(activationValue(Activation::Relu, std::nan(""), 0)));
}

// [SECTION] Identities (EXERCISES A)

TEST(ActivationIdentities, EveryIdentityHoldsTo1e12OverTheRange) {
  for (const ActivationIdentityInfo& info : activationIdentityTable()) {
    for (double alpha : {0.0, 0.01, 0.3, 1.0}) {
      for (double beta : {0.5, 1.0, 4.0}) {
        for (double half : {3.0, 10.0, 50.0}) {
          const IdentityCurves c =
              identityCurves(info.id, samplePoints(-half, half, 2001), alpha, beta);
          ASSERT_EQ(c.xs.size(), 2001u);
          EXPECT_LE(c.max_difference, 1e-12)
              << info.name << " alpha " << alpha << " beta " << beta << " range " << half;
        }
      }
    }
  }
}

TEST(ActivationIdentities, TheCurvesAreTheActivationsNotConstants) {
  const IdentityCurves leaky =
      identityCurves(ActivationIdentity::LeakyIsMax, samplePoints(-2, 2, 5), 0.1, 1);
  EXPECT_EQ(leaky.lhs, (std::vector<double>{-0.2, -0.1, 0, 1, 2}));
  const IdentityCurves tanh =
      identityCurves(ActivationIdentity::TanhFromSigmoid, samplePoints(-1, 1, 3), 0, 1);
  EXPECT_DOUBLE_EQ(tanh.lhs[2], std::tanh(1.0));
  EXPECT_NEAR(tanh.rhs[2], std::tanh(1.0), 1e-15);
  const IdentityCurves sp =
      identityCurves(ActivationIdentity::SoftplusDerivative, samplePoints(-1, 1, 3), 0, 2);
  EXPECT_DOUBLE_EQ(sp.rhs[2], 1 / (1 + std::exp(-2.0)));
}

// |softplus_beta''| <= beta/4, attained at x = 0: the bound is 1/4 only for beta = 1.
TEST(ActivationIdentities, SoftplusSecondDerivativePeaksAtBetaOverFour) {
  for (double beta : {0.5, 1.0, 2.0, 10.0}) {
    const IdentityCurves c =
        identityCurves(ActivationIdentity::SoftplusDerivative, samplePoints(-5, 5, 1001), 0, beta);
    EXPECT_DOUBLE_EQ(c.second_derivative_bound, beta / 4);
    EXPECT_NEAR(c.max_second_derivative, beta / 4, 1e-15) << beta;  // x = 0 is a sample
  }
  // A range that avoids 0 stays strictly below the bound.
  const IdentityCurves away =
      identityCurves(ActivationIdentity::SoftplusDerivative, samplePoints(1, 5, 101), 0, 1);
  EXPECT_LT(away.max_second_derivative, 0.25 - 0.05);
}

TEST(Activations, SamplePointsIncludeTheKinksInside) {
  EXPECT_EQ(samplePoints(-1, 1, 3), (std::vector<double>{-1, 0, 1}));
  EXPECT_EQ(samplePoints(-1, 2, 2, {0.0, 2.0, 5.0}), (std::vector<double>{-1, 0, 2}));
  EXPECT_EQ(activationKinks(Activation::HardTanh), (std::vector<double>{-1, 1}));
  EXPECT_TRUE(activationKinks(Activation::Gelu).empty());
}

TEST(ActivationIdentities, NamesRoundTrip) {
  for (const ActivationIdentityInfo& info : activationIdentityTable()) {
    ActivationIdentity id;
    ASSERT_TRUE(activationIdentityFromName(info.name, &id));
    EXPECT_EQ(id, info.id);
  }
  ActivationIdentity id;
  EXPECT_FALSE(activationIdentityFromName("nope", &id));
}

// [SECTION] Taylor series of sigma at 0 (EXERCISES A3)

TEST(SigmoidTaylor, CoefficientsAreTheExerciseFractions) {
  const struct {
    int k;
    std::int64_t num, den;
  } expected[] = {{0, 1, 2},
                  {1, 1, 4},
                  {2, 0, 1},
                  {3, -1, 48},
                  {4, 0, 1},
                  {5, 1, 480},
                  {7, -17, 80640},
                  {9, 31, 1451520},
                  {11, -691, 319334400},
                  {13, 5461, 24908083200},
                  {19, -221930581, 973160803270656000}};
  for (const auto& e : expected) {
    const Fraction c = sigmoidTaylorCoefficient(e.k);
    EXPECT_EQ(c.num, e.num) << "x^" << e.k;
    EXPECT_EQ(c.den, e.den) << "x^" << e.k;
  }
}

// An independent check of every coefficient: sigma' = sigma (1 - sigma) gives, for the series
// sum a_k x^k, (k + 1) a_(k+1) = a_k - sum_(i+j=k) a_i a_j.
TEST(SigmoidTaylor, CoefficientsSatisfyTheLogisticEquation) {
  std::vector<double> a;
  for (int k = 0; k <= kSigmoidTaylorMaxDegree; ++k)
    a.push_back(sigmoidTaylorCoefficient(k).value());
  for (int k = 0; k < kSigmoidTaylorMaxDegree; ++k) {
    double conv = 0;
    for (int i = 0; i <= k; ++i) conv += a[std::size_t(i)] * a[std::size_t(k - i)];
    const double lhs = (k + 1) * a[std::size_t(k + 1)], rhs = a[std::size_t(k)] - conv;
    const double scale = std::abs(lhs) + std::abs(a[std::size_t(k)]) + std::abs(conv);
    EXPECT_LE(std::abs(lhs - rhs), 1e-14 * scale) << "k = " << k;
  }
}

TEST(SigmoidTaylor, PolynomialConvergesInsidePiAndNotOutside) {
  EXPECT_EQ(sigmoidTaylor(0, 1.0), 0.5);
  EXPECT_DOUBLE_EQ(sigmoidTaylor(3, 1.0), 0.5 + 0.25 - 1.0 / 48);
  EXPECT_NEAR(sigmoidTaylor(19, 0.5), sigmoid(0.5), 1e-16);
  // The error at x = 1 is about the first term left out.
  EXPECT_NEAR(std::abs(sigmoidTaylor(7, 1.0) - sigmoid(1.0)), 31.0 / 1451520, 2e-6);
  // Beyond the radius of convergence pi, more terms make it worse.
  EXPECT_GT(std::abs(sigmoidTaylor(19, 4.0) - sigmoid(4.0)),
            std::abs(sigmoidTaylor(9, 4.0) - sigmoid(4.0)));
  EXPECT_LT(std::abs(sigmoidTaylor(19, 2.0) - sigmoid(2.0)),
            std::abs(sigmoidTaylor(9, 2.0) - sigmoid(2.0)));
}

}  // namespace
}  // namespace gradlab
