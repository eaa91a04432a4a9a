// Activation functions and the sigmoid's Taylor coefficients. See activations.h.
#include "core/activations.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace gradlab {
namespace {

// [SECTION] One definition per activation: value() for forward passes, eval() with derivatives.

// sigma(-x) = 1 - sigma(x) computed directly, so sigma(x)(1 - sigma(x)) keeps its relative
// precision where 1 - sigma(x) would round to 0.
ActivationValue sigmoidEval(double x, double) {
  const double s = sigmoid(x), t = sigmoid(-x);
  const double d1 = s * t;
  return {s, d1, d1 * (t - s)};
}

double reluValue(double x, double) {
  return x > 0 ? x : (std::isnan(x) ? x : 0.0);
}
ActivationValue reluEval(double x, double p) {
  return {reluValue(x, p), x > 0 ? 1.0 : 0.0, 0};
}

double leakyValue(double x, double alpha) {
  return x > 0 ? x : alpha * x;
}
ActivationValue leakyEval(double x, double alpha) {
  return {leakyValue(x, alpha), x > 0 ? 1.0 : alpha, 0};
}

double linearValue(double x, double) {
  return x;
}
ActivationValue linearEval(double x, double) {
  return {x, 1, 0};
}

double tanhValue(double x, double) {
  return std::tanh(x);
}
ActivationValue tanhEval(double x, double) {
  const double t = std::tanh(x), d = 1 - t * t;
  return {t, d, -2 * t * d};
}

double sigmoidValue(double x, double) {
  return sigmoid(x);
}

// softplus_beta(x) = log(1 + e^(beta x)) / beta = max(x, 0) + log1p(e^(-beta |x|)) / beta;
// its derivative is sigma(beta x) and its second derivative beta sigma(beta x) sigma(-beta x).
double softplusValue(double x, double beta) {
  return std::max(x, 0.0) + std::log1p(std::exp(-beta * std::abs(x))) / beta;
}
ActivationValue softplusEval(double x, double beta) {
  const double s = sigmoid(beta * x), t = sigmoid(-beta * x);
  return {softplusValue(x, beta), s, beta * s * t};
}

// elu(x) = x for x > 0, alpha (e^x - 1) otherwise. PyTorch: elu'(0) = alpha, elu''(0) = 0.
double eluValue(double x, double alpha) {
  return x > 0 ? x : alpha * std::expm1(x);
}
ActivationValue eluEval(double x, double alpha) {
  if (x > 0) return {x, 1, 0};
  const double e = alpha * std::exp(x);
  return {alpha * std::expm1(x), e, x < 0 ? e : 0.0};
}

// gelu(x) = x Phi(x), Phi the standard normal CDF, phi its density:
// gelu' = Phi + x phi, gelu'' = phi (2 - x^2) (phi' = -x phi).
constexpr double kInvSqrt2 = 0.70710678118654752440;
constexpr double kInvSqrt2Pi = 0.39894228040143267794;

double normalCdf(double x) {
  return 0.5 * std::erfc(-x * kInvSqrt2);
}
double geluValue(double x, double) {
  return x * normalCdf(x);
}
ActivationValue geluEval(double x, double) {
  const double cdf = normalCdf(x);
  // Where phi underflows to 0, x^2 may be inf: 0 * inf would be NaN.
  const double phi = kInvSqrt2Pi * std::exp(-0.5 * x * x);
  return {x * cdf, cdf + x * phi, phi == 0 ? 0.0 : phi * (2 - x * x)};
}

// silu(x) = x sigma(x): silu' = sigma + x sigma sigma(-x),
// silu'' = sigma sigma(-x) (2 + x (sigma(-x) - sigma(x))).
double siluValue(double x, double) {
  return x * sigmoid(x);
}
ActivationValue siluEval(double x, double) {
  const double s = sigmoid(x), t = sigmoid(-x), st = s * t;
  return {x * s, s + x * st, st == 0 ? 0.0 : st * (2 + x * (t - s))};
}

// PyTorch: the derivative is 1 strictly inside (-1, 1), 0 at the corners and outside.
double hardtanhValue(double x, double) {
  return x > 1 ? 1.0 : (x < -1 ? -1.0 : x);
}
ActivationValue hardtanhEval(double x, double p) {
  return {hardtanhValue(x, p), x > -1 && x < 1 ? 1.0 : 0.0, 0};
}

const std::array<ActivationInfo, kActivationCount> kActivations = {{
    {Activation::Relu, "relu", "ReLU", "max(0, x)", nullptr, 0, 0, 0, reluValue, reluEval},
    {Activation::LeakyRelu, "leaky_relu", "leaky ReLU", "x if x > 0, alpha x otherwise", "alpha",
     0.01, 0, 1, leakyValue, leakyEval},
    {Activation::Linear, "linear", "linear", "x", nullptr, 0, 0, 0, linearValue, linearEval},
    {Activation::Tanh, "tanh", "tanh", "(e^x - e^-x) / (e^x + e^-x)", nullptr, 0, 0, 0, tanhValue,
     tanhEval},
    {Activation::Sigmoid, "sigmoid", "sigmoid", "1 / (1 + e^-x)", nullptr, 0, 0, 0, sigmoidValue,
     sigmoidEval},
    {Activation::Softplus, "softplus", "softplus", "log(1 + e^(beta x)) / beta", "beta", 1, 0.1, 10,
     softplusValue, softplusEval},
    {Activation::Elu, "elu", "ELU", "x if x > 0, alpha (e^x - 1) otherwise", "alpha", 1, 0, 3,
     eluValue, eluEval},
    {Activation::Gelu, "gelu", "GELU", "x Phi(x), Phi the normal CDF (erf form)", nullptr, 0, 0, 0,
     geluValue, geluEval},
    {Activation::Silu, "silu", "SiLU (swish)", "x sigmoid(x)", nullptr, 0, 0, 0, siluValue,
     siluEval},
    {Activation::HardTanh, "hardtanh", "hard tanh", "min(1, max(-1, x))", nullptr, 0, 0, 0,
     hardtanhValue, hardtanhEval},
}};

// Tangent numbers T_1..T_n (1, 2, 16, 272, ...): Knuth & Buckholtz's integer recurrence.
std::vector<std::int64_t> tangentNumbers(int n) {
  std::vector<std::int64_t> t(std::size_t(n) + 1, 0);
  t[1] = 1;
  for (int k = 2; k <= n; ++k) t[k] = (k - 1) * t[k - 1];
  for (int k = 2; k <= n; ++k)
    for (int j = k; j <= n; ++j) t[j] = (j - k) * t[j - 1] + (j - k + 2) * t[j];
  return t;
}

// num / (product of factors), reduced factor by factor so nothing overflows where the result fits.
Fraction reducedQuotient(std::int64_t num, const std::vector<std::int64_t>& factors) {
  Fraction r{num, 1};
  for (std::int64_t f : factors) {
    const std::int64_t g = std::gcd(r.num, f);
    r.num /= g;
    r.den *= f / g;
  }
  return r;
}

}  // namespace

double sigmoid(double x) {
  // Two branches so exp never overflows: 1/(1+e^-x) for x >= 0, e^x/(1+e^x) otherwise.
  if (x >= 0) return 1 / (1 + std::exp(-x));
  const double e = std::exp(x);
  return e / (1 + e);
}

const std::array<ActivationInfo, kActivationCount>& activationTable() {
  return kActivations;
}

const ActivationInfo& activationInfo(Activation a) {
  return kActivations[std::size_t(a)];
}

bool activationFromName(const std::string& name, Activation* a) {
  for (const ActivationInfo& info : kActivations) {
    if (name == info.name) {
      *a = info.id;
      return true;
    }
  }
  return false;
}

std::string activationNameList() {
  std::string names;
  for (const ActivationInfo& info : kActivations)
    names += std::string(names.empty() ? "" : ", ") + info.name;
  return names;
}

std::vector<double> activationKinks(Activation a) {
  switch (a) {
    case Activation::Relu:
    case Activation::LeakyRelu:
    case Activation::Elu:
      return {0.0};
    case Activation::HardTanh:
      return {-1.0, 1.0};
    default:
      return {};
  }
}

std::vector<double> samplePoints(double x_min, double x_max, int n,
                                 const std::vector<double>& extra) {
  n = std::max(n, 2);
  std::vector<double> xs;
  xs.reserve(std::size_t(n) + extra.size());
  for (int i = 0; i < n; ++i)
    xs.push_back(i == n - 1 ? x_max : x_min + (x_max - x_min) * i / (n - 1));
  for (double e : extra)
    if (e > x_min && e < x_max) xs.push_back(e);
  std::sort(xs.begin(), xs.end());
  xs.erase(std::unique(xs.begin(), xs.end()), xs.end());
  return xs;
}

void activationValues(Activation a, double param, const Eigen::Ref<const Eigen::ArrayXd>& x,
                      Eigen::Ref<Eigen::ArrayXd> out) {
  // ReLU and leaky ReLU vectorized (the elbow lab trains ~1,000 steps a frame): the same
  // values as reluValue and leakyValue, NaN and -0 included (test_activations checks).
  if (a == Activation::Relu) {
    out = (x <= 0).select(0.0, x);
    return;
  }
  if (a == Activation::LeakyRelu) {
    out = (x > 0).select(x, param * x);
    return;
  }
  double (*value)(double, double) = activationInfo(a).value;
  for (Eigen::Index i = 0; i < x.size(); ++i) out[i] = value(x[i], param);
}

void activationValuesAndSlopes(Activation a, double param,
                               const Eigen::Ref<const Eigen::ArrayXd>& x,
                               Eigen::Ref<Eigen::ArrayXd> f, Eigen::Ref<Eigen::ArrayXd> df) {
  if (a == Activation::Relu || a == Activation::LeakyRelu) {
    // Slopes first: f may alias x (as in activationValues).
    df = (x > 0).select(1.0,
                        Eigen::ArrayXd::Constant(x.size(), a == Activation::Relu ? 0.0 : param));
    activationValues(a, param, x, f);
    return;
  }
  ActivationValue (*eval)(double, double) = activationInfo(a).eval;
  for (Eigen::Index i = 0; i < x.size(); ++i) {
    const ActivationValue v = eval(x[i], param);
    f[i] = v.f;
    df[i] = v.d1;
  }
}

namespace {

using TaylorCoefficients = std::array<Fraction, kSigmoidTaylorMaxDegree + 1>;

TaylorCoefficients computeSigmoidTaylor() {
  TaylorCoefficients c{};
  c[0] = {1, 2};
  const int n_max = (kSigmoidTaylorMaxDegree + 1) / 2;
  const std::vector<std::int64_t> t = tangentNumbers(n_max);
  for (int n = 1; n <= n_max; ++n) {
    // Denominator (2n-1)! 2^(2n), as factors.
    std::vector<std::int64_t> factors;
    for (int i = 2; i <= 2 * n - 1; ++i) factors.push_back(i);
    for (int i = 0; i < 2 * n; ++i) factors.push_back(2);
    Fraction f = reducedQuotient(t[std::size_t(n)], factors);
    if (n % 2 == 0) f.num = -f.num;
    c[std::size_t(2 * n - 1)] = f;
  }
  return c;
}

// Computed once (immutable afterwards): the polynomial is evaluated per plotted point.
const TaylorCoefficients& sigmoidTaylorCoefficients() {
  static const TaylorCoefficients coefficients = computeSigmoidTaylor();
  return coefficients;
}

}  // namespace

Fraction sigmoidTaylorCoefficient(int k) {
  if (k < 0 || k > kSigmoidTaylorMaxDegree) return {0, 1};
  return sigmoidTaylorCoefficients()[std::size_t(k)];
}

double sigmoidTaylor(int degree, double x) {
  const TaylorCoefficients& c = sigmoidTaylorCoefficients();
  degree = std::clamp(degree, 0, kSigmoidTaylorMaxDegree);
  double sum = 0;  // Horner
  for (int k = degree; k >= 0; --k) sum = sum * x + c[std::size_t(k)].value();
  return sum;
}

}  // namespace gradlab
