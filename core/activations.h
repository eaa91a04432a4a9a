// Activation functions: one definition each (value, exact first and second derivative), shared by
// the activation lab, the networks and the expression language (relu(x), leaky_relu(x, 0.1)).
//
// Conventions at kinks follow PyTorch 1.13's autograd (tests/data/make_activation_reference.py
// checks them): relu'(0) = 0; leaky_relu'(0) = alpha; elu'(0) = alpha and elu''(0) = 0;
// hardtanh'(-1) = hardtanh'(1) = 0 and hardtanh'(0) = 1. Second derivatives of piecewise-linear
// functions are 0 everywhere, kinks included.
// Softplus is exact, log(1 + e^(beta x)) / beta: PyTorch's switches to x when beta x > 20 (an error
// of up to 2e-9), this one does not. sigmoid, softplus, SiLU and GELU are finite and NaN-free for
// |x| up to 1e300 (and beta x up to the largest double).
//
// [SECTION] The table of activations
// [SECTION] Evaluation: one point, or a whole Eigen array (networks)
// [SECTION] Taylor series of the logistic sigmoid at 0
#pragma once

#include <Eigen/Core>

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace gradlab {

// [SECTION] The table of activations

enum class Activation {
  Relu,
  LeakyRelu,
  Linear,
  Tanh,
  Sigmoid,
  Softplus,
  Elu,
  Gelu,
  Silu,
  HardTanh
};
constexpr int kActivationCount = 10;

// f(x), f'(x), f''(x) at one point.
struct ActivationValue {
  double f = 0, d1 = 0, d2 = 0;
};

struct ActivationInfo {
  Activation id;
  const char* name;                     // "leaky_relu": expression language, scene files, --show
  const char* display_name;             // "leaky ReLU": legends and checkboxes
  const char* formula;                  // "x if x > 0, alpha x otherwise": tooltips
  const char* param;                    // "alpha", "beta", or nullptr when it has none
  double param_default = 0;             // PyTorch's default
  double param_min = 0, param_max = 0;  // the lab's slider range (the math allows more)
  double (*value)(double x, double param);
  ActivationValue (*eval)(double x, double param);
};

// Every activation, in the order of the enum.
const std::array<ActivationInfo, kActivationCount>& activationTable();
const ActivationInfo& activationInfo(Activation a);
// By `name` ("relu", "leaky_relu", ...); false when there is none.
bool activationFromName(const std::string& name, Activation* a);
// "relu, leaky_relu, ..." for error messages.
std::string activationNameList();

// Where f, f' or f'' jumps (relu, leaky ReLU and ELU at 0, hard tanh at -1 and 1); plots break
// their derivative curves there.
std::vector<double> activationKinks(Activation a);

// n >= 2 evenly spaced points from x_min to x_max, both included, plus each of `extra` that lies
// strictly inside, in increasing order (a plot samples the kinks themselves).
std::vector<double> samplePoints(double x_min, double x_max, int n,
                                 const std::vector<double>& extra = {});

// The logistic sigmoid 1 / (1 + e^-x), overflow-free for every x.
double sigmoid(double x);

// [SECTION] Evaluation

inline double activationValue(Activation a, double x, double param) {
  return activationInfo(a).value(x, param);
}
inline ActivationValue activationEval(Activation a, double x, double param) {
  return activationInfo(a).eval(x, param);
}

// Elementwise over an array (a layer's pre-activations): out = f(x). out may alias x.
void activationValues(Activation a, double param, const Eigen::Ref<const Eigen::ArrayXd>& x,
                      Eigen::Ref<Eigen::ArrayXd> out);
// Elementwise f(x) and f'(x) (a forward pass that keeps what backpropagation needs).
void activationValuesAndSlopes(Activation a, double param,
                               const Eigen::Ref<const Eigen::ArrayXd>& x,
                               Eigen::Ref<Eigen::ArrayXd> f, Eigen::Ref<Eigen::ArrayXd> df);

// [SECTION] Taylor series of the logistic sigmoid at 0
//
// sigma(x) = 1/2 + (1/2) tanh(x/2), so the coefficient of x^(2n-1) is
// (-1)^(n-1) T_n / ((2n-1)! 2^(2n)) with T_n the tangent numbers (1, 2, 16, 272, ...), computed in
// integers (Knuth & Buckholtz 1967) and reduced: 1/4, -1/48, 1/480, -17/80640, ... Even degrees
// above 0 have coefficient 0. The series converges for |x| < pi (poles of tanh(x/2) at +-i pi).

constexpr int kSigmoidTaylorMaxDegree = 19;  // the last degree whose reduced fraction fits int64

struct Fraction {
  std::int64_t num = 0, den = 1;  // reduced, den > 0
  double value() const { return double(num) / double(den); }
};

// The exact coefficient of x^k, 0 <= k <= kSigmoidTaylorMaxDegree.
Fraction sigmoidTaylorCoefficient(int k);
// The Taylor polynomial of degree `degree` (clamped to [0, kSigmoidTaylorMaxDegree]) at x.
double sigmoidTaylor(int degree, double x);

}  // namespace gradlab
