// A fully connected network (multi-layer perceptron) on Eigen: seeded initialization, a forward
// pass over many inputs at once, the kinks of a piecewise-linear network along a line, the
// linear network's product matrix and invertibility (EXERCISES B2), and the weight-space
// symmetries of a tanh layer (EXERCISES B3). Every activation comes from core/activations.h.
//
// [SECTION] The network and its initialization
// [SECTION] Forward pass
// [SECTION] Kinks along a line (piecewise-linear activations)
// [SECTION] Linear networks: M = W_K ... W_1 and its verdict
// [SECTION] Weight-space symmetry: permuting and sign-flipping hidden units
#pragma once

#include <Eigen/Core>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "core/activations.h"

namespace gradlab {

// [SECTION] The network and its initialization

enum class MlpInit {
  StandardNormal,  // every weight and bias ~ N(0, 1) (torch.randn)
  TorchDefault,    // nn.Linear's reset_parameters in PyTorch 1.13, see initMlp
};

struct MlpSpec {
  std::vector<int> widths = {5, 5, 5, 5};  // input, hidden..., output: K + 1 sizes for K layers
  Activation activation = Activation::Tanh;
  double activation_param = 0;  // alpha of leaky ReLU / ELU, beta of softplus; else unused
  bool bias = true;             // biases on every layer
  bool activate_output = true;  // the activation after the last layer too ("the same everywhere")
  MlpInit init = MlpInit::StandardNormal;
  std::uint64_t seed = 1;
};

// y = f(W_K f(... f(W_1 x + b_1) ...) + b_K); the last f only when activate_output.
// weights[i] is W_{i+1}, rows = outputs (PyTorch's nn.Linear.weight layout).
struct Mlp {
  std::vector<Eigen::MatrixXd> weights;
  std::vector<Eigen::VectorXd> biases;  // zero vectors when the network has none
  Activation activation = Activation::Tanh;
  double activation_param = 0;
  bool bias = true;
  bool activate_output = true;

  int layers() const { return int(weights.size()); }
  int inputs() const { return weights.empty() ? 0 : int(weights.front().cols()); }
  int outputs() const { return weights.empty() ? 0 : int(weights.back().rows()); }
  // Whether layer i (0-based) applies the activation.
  bool activated(int layer) const { return activate_output || layer + 1 < layers(); }
};

// Seeded random numbers that are the same on every platform: std::mt19937_64 (its output is
// fixed by the standard) with our own transforms, since std::normal_distribution and
// std::uniform_real_distribution are implementation-defined.
class SeededRandom {
 public:
  explicit SeededRandom(std::uint64_t seed) : engine_(seed) {}
  // Uniform in [0, 1): the top 53 bits of one draw.
  double uniform();
  double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
  // Standard normal by Box-Muller (two uniforms per pair; the second value is kept).
  double normal();

 private:
  std::mt19937_64 engine_;
  bool has_spare_ = false;
  double spare_ = 0;
};

// "" or what is wrong with the spec (at least one layer, every width in [1, 4096]).
std::string validateMlpSpec(const MlpSpec& spec);

// Weights layer by layer, each W row by row, then its bias, from one SeededRandom(spec.seed).
// TorchDefault is nn.Linear's: kaiming_uniform_(W, a = sqrt(5)) draws U(-bound, bound) with
// bound = gain * sqrt(3 / fan_in), gain = sqrt(2 / (1 + a^2)) = sqrt(1/3), so bound =
// 1 / sqrt(fan_in); the bias is U(-1 / sqrt(fan_in), 1 / sqrt(fan_in)) (torch/nn/modules/
// linear.py, reset_parameters). The distribution is PyTorch's; the numbers are not (other RNG).
Mlp initMlp(const MlpSpec& spec);

// [SECTION] Forward pass

// The outputs for many inputs at once: x is inputs() x N (one sample per column), the result
// outputs() x N.
Eigen::MatrixXd mlpForward(const Mlp& net, const Eigen::MatrixXd& x);

// Every layer's pre-activations z_i = W_i a_{i-1} + b_i for the inputs x (inputs() x N).
std::vector<Eigen::MatrixXd> mlpPreActivations(const Mlp& net, const Eigen::MatrixXd& x);

// The inputs of a sweep: `samples` evenly spaced values from t_min to t_max (both included) of
// input `input`, the other inputs fixed to `base` (size inputs()). inputs() x samples.
Eigen::MatrixXd sweepInputs(const Eigen::VectorXd& base, int input, double t_min, double t_max,
                            int samples);

// [SECTION] Kinks along a line

// True when the network is piecewise linear (ReLU, leaky ReLU, hard tanh, linear): its kinks are
// then exact.
bool isPiecewiseLinear(Activation a);

struct MlpKink {
  double t = 0;  // where along the sweep (the swept input's value)
  int layer = 0, unit = 0;
  double threshold = 0;  // the activation's kink the pre-activation crosses (0; +-1 hard tanh)
};

// Where along x(t) = base + t e_input, t in [t_min, t_max], some unit's pre-activation crosses
// one of the activation's kinks (changes sign, for ReLU), in increasing t. Exact for a
// piecewise-linear network: layer by layer, every pre-activation is affine in t between the
// kinks of the layers below, so each crossing is solved on its segment. Empty for other
// activations. Touching a threshold without crossing it is no kink.
std::vector<MlpKink> mlpKinksAlongLine(const Mlp& net, const Eigen::VectorXd& base, int input,
                                       double t_min, double t_max);

// [SECTION] Linear networks

enum class LinearVerdict {
  Bijective,     // M square and invertible
  Injective,     // full column rank, more outputs than inputs: one-to-one, not onto
  NotInjective,  // some x != x' with M x = M x'
};
const char* linearVerdictText(LinearVerdict v);  // "bijective", "injective", "not injective"

struct LayerRank {
  int rank = 0, rows = 0, cols = 0;
  bool deficient() const { return rank < std::min(rows, cols); }  // singular when square
};

struct LinearAnalysis {
  Eigen::MatrixXd product;          // M = W_K ... W_1 (outputs x inputs)
  Eigen::VectorXd singular_values;  // of M, decreasing
  int rank = 0;
  double tolerance = 0;  // singular values at or below this count as 0
  bool square = false;
  double determinant = 0;  // of M, when square
  LinearVerdict verdict = LinearVerdict::NotInjective;
  std::vector<LayerRank> layers;  // the rank of each W_i
};

// The rank tolerance, numpy.linalg.matrix_rank's: sigma_max * max(rows, cols) * DBL_EPSILON.
double rankTolerance(const Eigen::VectorXd& singular_values, int rows, int cols);
// Singular values by Eigen's JacobiSVD (accurate for these small matrices).
LinearAnalysis analyzeLinearNetwork(const Mlp& net);

// The edits that make W_i singular: row `row` set to zero, or row `to` set equal to row `from`.
// Indices are checked: false (and no change) when one is out of range.
bool zeroWeightRow(Mlp& net, int layer, int row);
bool copyWeightRow(Mlp& net, int layer, int from, int to);

// [SECTION] Weight-space symmetry

// M! * 2^M, the weight settings equivalent to one for a layer of M tanh units; false when it
// does not fit in 64 bits (then *log10_count is still set).
bool symmetryCount(int units, std::uint64_t* count, double* log10_count);

// Reorders the units of hidden layer `layer` (0-based; it must have a layer after it): unit k
// becomes unit perm[k]... precisely, new row perm[k] of W_layer and b_layer is old row k, and
// new column perm[k] of W_{layer+1} is old column k. The function is unchanged for any
// activation. False when `layer` or `perm` is invalid.
bool permuteUnits(Mlp& net, int layer, const std::vector<int>& perm);
// Negates the incoming weights and bias of each unit in `units` of hidden layer `layer`, and its
// outgoing weights: for an odd activation (tanh, linear, hard tanh) the function is unchanged.
bool flipUnitSigns(Mlp& net, int layer, const std::vector<int>& units);
// f(-x) = -f(x) for every x: the activations for which a sign flip is a symmetry.
bool isOddActivation(Activation a);

}  // namespace gradlab
