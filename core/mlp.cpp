// A fully connected network. See mlp.h.
#include "core/mlp.h"

#include <Eigen/SVD>

#include <Eigen/LU>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <numeric>

namespace gradlab {

// [SECTION] The network and its initialization

double SeededRandom::uniform() {
  return double(engine_() >> 11) * 0x1.0p-53;
}

double SeededRandom::normal() {
  if (has_spare_) {
    has_spare_ = false;
    return spare_;
  }
  // Box-Muller: u1 in (0, 1] keeps the log finite.
  const double u1 = 1.0 - uniform(), u2 = uniform();
  const double r = std::sqrt(-2.0 * std::log(u1)), angle = 2.0 * M_PI * u2;
  spare_ = r * std::sin(angle);
  has_spare_ = true;
  return r * std::cos(angle);
}

std::string validateMlpSpec(const MlpSpec& spec) {
  if (spec.widths.size() < 2) return "a network needs at least one layer (two widths)";
  for (std::size_t i = 0; i < spec.widths.size(); ++i)
    if (spec.widths[i] < 1 || spec.widths[i] > 4096)
      return "width " + std::to_string(i) + " must be in [1, 4096]";
  return "";
}

Mlp initMlp(const MlpSpec& spec) {
  Mlp net;
  net.activation = spec.activation;
  net.activation_param = spec.activation_param;
  net.bias = spec.bias;
  net.activate_output = spec.activate_output;
  SeededRandom random(spec.seed);
  for (std::size_t i = 0; i + 1 < spec.widths.size(); ++i) {
    const int fan_in = spec.widths[i], fan_out = spec.widths[i + 1];
    const double bound = 1.0 / std::sqrt(double(fan_in));
    const auto draw = [&] {
      return spec.init == MlpInit::StandardNormal ? random.normal() : random.uniform(-bound, bound);
    };
    Eigen::MatrixXd w(fan_out, fan_in);
    for (int r = 0; r < fan_out; ++r)
      for (int c = 0; c < fan_in; ++c) w(r, c) = draw();
    Eigen::VectorXd b = Eigen::VectorXd::Zero(fan_out);
    if (spec.bias)
      for (int r = 0; r < fan_out; ++r) b(r) = draw();
    net.weights.push_back(std::move(w));
    net.biases.push_back(std::move(b));
  }
  return net;
}

// [SECTION] Forward pass

Eigen::MatrixXd mlpForward(const Mlp& net, const Eigen::MatrixXd& x) {
  Eigen::MatrixXd a = x;
  for (int i = 0; i < net.layers(); ++i) {
    Eigen::MatrixXd z = net.weights[std::size_t(i)] * a;
    if (net.bias) z.colwise() += net.biases[std::size_t(i)];
    if (net.activated(i)) {
      Eigen::Map<Eigen::ArrayXd> flat(z.data(), z.size());
      activationValues(net.activation, net.activation_param, flat, flat);
    }
    a = std::move(z);
  }
  return a;
}

std::vector<Eigen::MatrixXd> mlpPreActivations(const Mlp& net, const Eigen::MatrixXd& x) {
  std::vector<Eigen::MatrixXd> out;
  Eigen::MatrixXd a = x;
  for (int i = 0; i < net.layers(); ++i) {
    Eigen::MatrixXd z = net.weights[std::size_t(i)] * a;
    if (net.bias) z.colwise() += net.biases[std::size_t(i)];
    out.push_back(z);
    if (net.activated(i)) {
      Eigen::Map<Eigen::ArrayXd> flat(z.data(), z.size());
      activationValues(net.activation, net.activation_param, flat, flat);
    }
    a = std::move(z);
  }
  return out;
}

Eigen::MatrixXd sweepInputs(const Eigen::VectorXd& base, int input, double t_min, double t_max,
                            int samples) {
  Eigen::MatrixXd x = base.replicate(1, samples);
  for (int k = 0; k < samples; ++k)
    x(input, k) = samples == 1 ? t_min : t_min + (t_max - t_min) * double(k) / (samples - 1);
  if (samples > 1) x(input, samples - 1) = t_max;  // exactly, whatever the rounding
  return x;
}

// [SECTION] Kinks along a line

bool isPiecewiseLinear(Activation a) {
  return a == Activation::Relu || a == Activation::LeakyRelu || a == Activation::HardTanh ||
         a == Activation::Linear;
}

std::vector<MlpKink> mlpKinksAlongLine(const Mlp& net, const Eigen::VectorXd& base, int input,
                                       double t_min, double t_max) {
  std::vector<MlpKink> kinks;
  if (!isPiecewiseLinear(net.activation) || net.layers() == 0 || !(t_max > t_min)) return kinks;
  const std::vector<double> thresholds = activationKinks(net.activation);
  if (thresholds.empty()) return kinks;  // linear
  // The breakpoints so far: between two neighbours every pre-activation of the next layer is
  // affine in t, so it is the straight line between its values at the two.
  std::vector<double> ts = {t_min, t_max};
  for (int layer = 0; layer < net.layers(); ++layer) {
    if (!net.activated(layer)) break;
    Eigen::MatrixXd x = base.replicate(1, Eigen::Index(ts.size()));
    for (std::size_t k = 0; k < ts.size(); ++k) x(input, Eigen::Index(k)) = ts[k];
    const Eigen::MatrixXd z = mlpPreActivations(net, x)[std::size_t(layer)];
    std::vector<MlpKink> found;
    for (int unit = 0; unit < z.rows(); ++unit) {
      for (double threshold : thresholds) {
        // Walk the breakpoints keeping the last one off the threshold; a crossing between it and
        // the next one off it is a kink (at a breakpoint exactly on it, or solved in between).
        int last = -1;
        for (int k = 0; k < int(ts.size()); ++k) {
          const double d = z(unit, k) - threshold;
          if (d == 0) continue;
          if (last >= 0) {
            const double d_last = z(unit, last) - threshold;
            if ((d_last < 0) != (d < 0)) {
              double t;
              if (k - last > 1) {
                t = ts[std::size_t(last + 1)];  // on the threshold at a breakpoint
              } else {
                const double t0 = ts[std::size_t(last)], t1 = ts[std::size_t(k)];
                t = std::clamp(t0 + (t1 - t0) * d_last / (d_last - d), t0, t1);
              }
              found.push_back({t, layer, unit, threshold});
            }
          }
          last = k;
        }
      }
    }
    for (const MlpKink& kink : found) ts.push_back(kink.t);
    std::sort(ts.begin(), ts.end());
    ts.erase(std::unique(ts.begin(), ts.end()), ts.end());
    kinks.insert(kinks.end(), found.begin(), found.end());
  }
  std::sort(kinks.begin(), kinks.end(),
            [](const MlpKink& a, const MlpKink& b) { return a.t < b.t; });
  return kinks;
}

// [SECTION] Linear networks

const char* linearVerdictText(LinearVerdict v) {
  switch (v) {
    case LinearVerdict::Bijective:
      return "bijective";
    case LinearVerdict::Injective:
      return "injective";
    default:
      return "not injective";
  }
}

double rankTolerance(const Eigen::VectorXd& singular_values, int rows, int cols) {
  const double largest = singular_values.size() ? singular_values.maxCoeff() : 0.0;
  return largest * double(std::max(rows, cols)) * DBL_EPSILON;
}

namespace {

int rankOf(const Eigen::VectorXd& s, double tolerance) {
  return int((s.array() > tolerance).count());
}

}  // namespace

LinearAnalysis analyzeLinearNetwork(const Mlp& net) {
  LinearAnalysis out;
  if (net.layers() == 0) return out;
  out.product = net.weights.front();
  for (int i = 1; i < net.layers(); ++i) out.product = net.weights[std::size_t(i)] * out.product;
  const Eigen::JacobiSVD<Eigen::MatrixXd> svd(out.product);
  out.singular_values = svd.singularValues();
  const int rows = int(out.product.rows()), cols = int(out.product.cols());
  out.tolerance = rankTolerance(out.singular_values, rows, cols);
  out.rank = rankOf(out.singular_values, out.tolerance);
  out.square = rows == cols;
  if (out.square) out.determinant = out.product.determinant();
  if (out.rank < cols) {
    out.verdict = LinearVerdict::NotInjective;
  } else {
    out.verdict = out.square ? LinearVerdict::Bijective : LinearVerdict::Injective;
  }
  for (const Eigen::MatrixXd& w : net.weights) {
    const Eigen::JacobiSVD<Eigen::MatrixXd> layer_svd(w);
    const Eigen::VectorXd s = layer_svd.singularValues();
    out.layers.push_back(
        {rankOf(s, rankTolerance(s, int(w.rows()), int(w.cols()))), int(w.rows()), int(w.cols())});
  }
  return out;
}

bool zeroWeightRow(Mlp& net, int layer, int row) {
  if (layer < 0 || layer >= net.layers()) return false;
  Eigen::MatrixXd& w = net.weights[std::size_t(layer)];
  if (row < 0 || row >= w.rows()) return false;
  w.row(row).setZero();
  return true;
}

bool copyWeightRow(Mlp& net, int layer, int from, int to) {
  if (layer < 0 || layer >= net.layers()) return false;
  Eigen::MatrixXd& w = net.weights[std::size_t(layer)];
  if (from < 0 || to < 0 || from >= w.rows() || to >= w.rows()) return false;
  w.row(to) = w.row(from);
  return true;
}

// [SECTION] Weight-space symmetry

bool symmetryCount(int units, std::uint64_t* count, double* log10_count) {
  *log10_count = (std::lgamma(double(units) + 1) + double(units) * std::log(2.0)) / std::log(10.0);
  std::uint64_t c = 1;
  for (int k = 1; k <= units; ++k) {
    // k! then one factor 2 per unit: c = prod k * 2.
    if (c > UINT64_MAX / std::uint64_t(2 * k)) return false;
    c *= std::uint64_t(2 * k);
  }
  *count = c;
  return true;
}

bool permuteUnits(Mlp& net, int layer, const std::vector<int>& perm) {
  if (layer < 0 || layer + 1 >= net.layers()) return false;
  const int units = int(net.weights[std::size_t(layer)].rows());
  if (int(perm.size()) != units) return false;
  std::vector<int> sorted = perm;
  std::sort(sorted.begin(), sorted.end());
  for (int k = 0; k < units; ++k)
    if (sorted[std::size_t(k)] != k) return false;
  Eigen::MatrixXd& w_in = net.weights[std::size_t(layer)];
  Eigen::VectorXd& b = net.biases[std::size_t(layer)];
  Eigen::MatrixXd& w_out = net.weights[std::size_t(layer + 1)];
  const Eigen::MatrixXd old_in = w_in, old_out = w_out;
  const Eigen::VectorXd old_b = b;
  for (int k = 0; k < units; ++k) {
    const int to = perm[std::size_t(k)];
    w_in.row(to) = old_in.row(k);
    b(to) = old_b(k);
    w_out.col(to) = old_out.col(k);
  }
  return true;
}

bool flipUnitSigns(Mlp& net, int layer, const std::vector<int>& units) {
  if (layer < 0 || layer + 1 >= net.layers()) return false;
  const int count = int(net.weights[std::size_t(layer)].rows());
  for (int u : units)
    if (u < 0 || u >= count) return false;
  for (int u : units) {
    net.weights[std::size_t(layer)].row(u) *= -1;
    net.biases[std::size_t(layer)](u) *= -1;
    net.weights[std::size_t(layer + 1)].col(u) *= -1;
  }
  return true;
}

bool isOddActivation(Activation a) {
  return a == Activation::Tanh || a == Activation::Linear || a == Activation::HardTanh;
}

}  // namespace gradlab
