// The identities of EXERCISES A as two curves each, sampled over a range, with the largest
// difference between them: what the activation lab overlays and what the tests hold to 1e-12.
#pragma once

#include <array>
#include <string>
#include <vector>

namespace gradlab {

enum class ActivationIdentity {
  LeakyIsMax,          // A1: leaky_relu_alpha(x) = max(alpha x, x), 0 <= alpha <= 1
  TanhFromSigmoid,     // A2: tanh(x) = 2 sigma(2x) - 1
  SigmoidSymmetry,     // A3: sigma(x) + sigma(-x) = 1
  SigmoidDerivative,   // A3: sigma'(x) = sigma(x)(1 - sigma(x))
  ReluIdempotent,      // A4: relu(relu(x)) = relu(x)
  SoftplusDerivative,  // A4: softplus_beta'(x) = sigma(beta x), |softplus_beta''| <= beta/4
};
constexpr int kActivationIdentityCount = 6;

struct ActivationIdentityInfo {
  ActivationIdentity id;
  const char* name;         // "leaky": scene files, --identity
  const char* lhs;          // the left side as a legend names it
  const char* rhs;          // the right side
  const char* exercise;     // "A1"
  bool on_derivative_plot;  // false: drawn with the values, true: with the first derivatives
};

const std::array<ActivationIdentityInfo, kActivationIdentityCount>& activationIdentityTable();
const ActivationIdentityInfo& activationIdentityInfo(ActivationIdentity id);
bool activationIdentityFromName(const std::string& name, ActivationIdentity* id);
std::string activationIdentityNameList();  // "leaky, tanh, ..."

struct IdentityCurves {
  std::vector<double> xs, lhs, rhs;
  double max_difference = 0;  // max |lhs - rhs| over xs
  // SoftplusDerivative only: max |softplus''| over xs, and the bound beta/4 (attained at x = 0).
  double max_second_derivative = 0;
  double second_derivative_bound = 0;
};

// Both sides at every x of `xs`, with alpha (leaky ReLU) and beta (softplus) as given.
IdentityCurves identityCurves(ActivationIdentity id, const std::vector<double>& xs, double alpha,
                              double beta);

}  // namespace gradlab
