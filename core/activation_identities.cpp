// The identities of EXERCISES A as sampled curve pairs. See activation_identities.h.
#include "core/activation_identities.h"

#include <algorithm>
#include <cmath>

#include "core/activations.h"

namespace gradlab {
namespace {

const std::array<ActivationIdentityInfo, kActivationIdentityCount> kIdentities = {{
    {ActivationIdentity::LeakyIsMax, "leaky", "leaky ReLU(x)", "max(alpha x, x)", "A1", false},
    {ActivationIdentity::TanhFromSigmoid, "tanh", "tanh(x)", "2 sigmoid(2x) - 1", "A2", false},
    {ActivationIdentity::SigmoidSymmetry, "symmetry", "sigmoid(x) + sigmoid(-x)", "1", "A3", false},
    {ActivationIdentity::SigmoidDerivative, "sigmoid-derivative", "sigmoid'(x)",
     "sigmoid(x) (1 - sigmoid(x))", "A3", true},
    {ActivationIdentity::ReluIdempotent, "relu-idempotent", "relu(relu(x))", "relu(x)", "A4",
     false},
    {ActivationIdentity::SoftplusDerivative, "softplus-derivative", "softplus'(x)",
     "sigmoid(beta x)", "A4", true},
}};

// Both sides of the identity at x.
void sides(ActivationIdentity id, double x, double alpha, double beta, double* lhs, double* rhs) {
  switch (id) {
    case ActivationIdentity::LeakyIsMax:
      *lhs = activationValue(Activation::LeakyRelu, x, alpha);
      *rhs = std::max(alpha * x, x);
      return;
    case ActivationIdentity::TanhFromSigmoid:
      *lhs = activationValue(Activation::Tanh, x, 0);
      *rhs = 2 * sigmoid(2 * x) - 1;
      return;
    case ActivationIdentity::SigmoidSymmetry:
      *lhs = sigmoid(x) + sigmoid(-x);
      *rhs = 1;
      return;
    case ActivationIdentity::SigmoidDerivative: {
      const double s = sigmoid(x);
      *lhs = activationEval(Activation::Sigmoid, x, 0).d1;
      *rhs = s * (1 - s);
      return;
    }
    case ActivationIdentity::ReluIdempotent: {
      const double r = activationValue(Activation::Relu, x, 0);
      *lhs = activationValue(Activation::Relu, r, 0);
      *rhs = r;
      return;
    }
    case ActivationIdentity::SoftplusDerivative:
      *lhs = activationEval(Activation::Softplus, x, beta).d1;
      *rhs = sigmoid(beta * x);
      return;
  }
}

}  // namespace

const std::array<ActivationIdentityInfo, kActivationIdentityCount>& activationIdentityTable() {
  return kIdentities;
}

const ActivationIdentityInfo& activationIdentityInfo(ActivationIdentity id) {
  return kIdentities[std::size_t(id)];
}

bool activationIdentityFromName(const std::string& name, ActivationIdentity* id) {
  for (const ActivationIdentityInfo& info : kIdentities) {
    if (name == info.name) {
      *id = info.id;
      return true;
    }
  }
  return false;
}

std::string activationIdentityNameList() {
  std::string names;
  for (const ActivationIdentityInfo& info : kIdentities)
    names += std::string(names.empty() ? "" : ", ") + info.name;
  return names;
}

IdentityCurves identityCurves(ActivationIdentity id, const std::vector<double>& xs, double alpha,
                              double beta) {
  IdentityCurves c;
  c.xs = xs;
  c.lhs.resize(xs.size());
  c.rhs.resize(xs.size());
  const bool softplus = id == ActivationIdentity::SoftplusDerivative;
  if (softplus) c.second_derivative_bound = beta / 4;
  for (std::size_t i = 0; i < xs.size(); ++i) {
    const double x = xs[i];
    sides(id, x, alpha, beta, &c.lhs[i], &c.rhs[i]);
    c.max_difference = std::max(c.max_difference, std::abs(c.lhs[i] - c.rhs[i]));
    if (softplus) {
      const double d2 = std::abs(activationEval(Activation::Softplus, x, beta).d2);
      c.max_second_derivative = std::max(c.max_second_derivative, d2);
    }
  }
  return c;
}

}  // namespace gradlab
