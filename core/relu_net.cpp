// The one-hidden-layer ReLU network, its training and E1's single unit. See relu_net.h.
#include "core/relu_net.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/text_format.h"

namespace gradlab {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kPi = 3.14159265358979323846;

// A uniform double in [0, 1) from the top 53 bits: the same on every platform.
double uniform01(std::mt19937_64& rng) {
  return double(rng() >> 11) * 0x1.0p-53;
}

// A standard normal by Box-Muller (std::normal_distribution differs between libraries).
double standardNormal(std::mt19937_64& rng) {
  const double u1 = uniform01(rng), u2 = uniform01(rng);
  return std::sqrt(-2 * std::log(1 - u1)) * std::cos(2 * kPi * u2);
}

}  // namespace

// [SECTION] Parameters and activation

std::string NetActivation::validate() const {
  if (!(alpha >= 0 && alpha <= 1)) return formatText("alpha must be in [0, 1] (got %g)", alpha);
  return "";
}

// [SECTION] Loss, gradient, elbows, dead units

void ReluNetEvaluator::predict(const VecX& params, const NetActivation& act,
                               const std::vector<double>& xs, std::vector<double>& out) {
  const int p = reluNetUnits(params);
  const int n = static_cast<int>(xs.size());
  out.resize(xs.size());
  if (n == 0) return;
  z_.resize(p, n);
  h_.resize(p, n);
  for (int k = 0; k < n; ++k)
    z_.col(k) = params.segment(0, p).array() * xs[std::size_t(k)] + params.segment(p, p).array();
  Eigen::Map<Eigen::ArrayXd> h_flat(h_.data(), h_.size());
  activationValues(act.kind(), act.alpha, Eigen::Map<const Eigen::ArrayXd>(z_.data(), z_.size()),
                   h_flat);
  const VecX f = h_.matrix().transpose() * params.segment(2 * p, p);
  for (int k = 0; k < n; ++k) out[std::size_t(k)] = f(k) + params(3 * p);
}

double ReluNetEvaluator::loss(const VecX& params, const NetActivation& act, const Samples& data) {
  if (data.size() == 0) return 0;
  std::vector<double> f;
  predict(params, act, data.xs, f);
  double sum = 0;
  for (int i = 0; i < data.size(); ++i) {
    const double r = f[std::size_t(i)] - data.ys[std::size_t(i)];
    sum += r * r;
  }
  return sum / data.size();
}

double ReluNetEvaluator::lossAndGradient(const VecX& params, const NetActivation& act,
                                         const Samples& data, const std::vector<int>& batch,
                                         VecX& grad) {
  const int p = reluNetUnits(params);
  const int n = static_cast<int>(batch.size());
  z_.resize(p, n);
  h_.resize(p, n);
  s_.resize(p, n);
  x_.resize(n);
  r_.resize(n);
  const auto a = params.segment(0, p).array();
  const auto b = params.segment(p, p).array();
  for (int k = 0; k < n; ++k) {
    x_(k) = data.xs[std::size_t(batch[std::size_t(k)])];
    z_.col(k) = a * x_(k) + b;
  }
  // Flat views of the p x |S| arrays: the activation works elementwise.
  Eigen::Map<Eigen::ArrayXd> h_flat(h_.data(), h_.size()), s_flat(s_.data(), s_.size());
  activationValuesAndSlopes(act.kind(), act.alpha,
                            Eigen::Map<const Eigen::ArrayXd>(z_.data(), z_.size()), h_flat, s_flat);
  const auto u = params.segment(2 * p, p);
  r_.matrix().noalias() = h_.matrix().transpose() * u;
  r_ += params(3 * p);
  for (int k = 0; k < n; ++k) r_(k) -= data.ys[std::size_t(batch[std::size_t(k)])];
  const double loss = r_.square().sum() / n;
  // g = dL/df at each batch point; the rest is the chain rule of relu_net.h.
  g_ = r_ * (2.0 / n);
  gx_ = g_ * x_;
  grad.resize(3 * p + 1);
  s_g_.noalias() = s_.matrix() * g_.matrix();
  s_gx_.noalias() = s_.matrix() * gx_.matrix();
  grad.segment(0, p) = u.cwiseProduct(s_gx_);
  grad.segment(p, p) = u.cwiseProduct(s_g_);
  grad.segment(2 * p, p).noalias() = h_.matrix() * g_.matrix();
  grad(3 * p) = g_.sum();
  return loss;
}

void unitContribution(const VecX& params, const NetActivation& act, int unit,
                      const std::vector<double>& xs, std::vector<double>& out) {
  const int p = reluNetUnits(params);
  out.resize(xs.size());
  for (std::size_t k = 0; k < xs.size(); ++k)
    out[k] = params(2 * p + unit) *
             activationValue(act.kind(), params(unit) * xs[k] + params(p + unit), act.alpha);
}

double elbowOf(const VecX& params, int unit) {
  const int p = reluNetUnits(params);
  const double a = params(unit);
  return a == 0 ? kNaN : -params(p + unit) / a;
}

std::vector<double> elbows(const VecX& params) {
  std::vector<double> out(std::size_t(reluNetUnits(params)));
  for (std::size_t j = 0; j < out.size(); ++j) out[j] = elbowOf(params, int(j));
  return out;
}

bool isDeadUnit(const VecX& params, int unit, const Samples& data) {
  if (data.size() == 0) return false;
  const int p = reluNetUnits(params);
  const double a = params(unit), b = params(p + unit);
  for (const double x : data.xs)
    if (a * x + b > 0) return false;
  return true;
}

std::vector<bool> deadUnits(const VecX& params, const Samples& data) {
  std::vector<bool> out(std::size_t(reluNetUnits(params)));
  for (std::size_t j = 0; j < out.size(); ++j) out[j] = isDeadUnit(params, int(j), data);
  return out;
}

int deadUnitCount(const VecX& params, const Samples& data) {
  const std::vector<bool> dead = deadUnits(params, data);
  return static_cast<int>(std::count(dead.begin(), dead.end(), true));
}

// [SECTION] Data sets and their bends

namespace {
struct DataSetInfo {
  DataSet set;
  const char* name;
  const char* display_name;
};
constexpr DataSetInfo kDataSets[kDataSetCount] = {
    {DataSet::Sine, "sine", "sin(2x)"},     {DataSet::Abs, "abs", "|x|"},
    {DataSet::Step, "step", "step"},        {DataSet::NoisyCubic, "cubic", "noisy cubic"},
    {DataSet::User, "user", "your points"},
};
}  // namespace

const char* dataSetName(DataSet set) {
  return kDataSets[int(set)].name;
}
const char* dataSetDisplayName(DataSet set) {
  return kDataSets[int(set)].display_name;
}
bool dataSetFromName(const std::string& name, DataSet* set) {
  for (const DataSetInfo& info : kDataSets) {
    if (name != info.name) continue;
    *set = info.set;
    return true;
  }
  return false;
}

double dataSetTarget(DataSet set, double x) {
  switch (set) {
    case DataSet::Sine:
      return std::sin(2 * x);
    case DataSet::Abs:
      return std::abs(x);
    case DataSet::Step:
      return x < 0 ? 0.0 : 1.0;
    case DataSet::NoisyCubic:
      return (x * x * x - 3 * x) / 2;
    case DataSet::User:
      return kNaN;
  }
  return kNaN;
}

Samples makeDataSet(DataSet set, int count, std::uint64_t seed) {
  Samples data;
  if (set == DataSet::User || count < 1) return data;
  std::mt19937_64 rng(seed);
  for (int i = 0; i < count; ++i) {
    const double x =
        count == 1 ? 0 : kDataXMin + (kDataXMax - kDataXMin) * double(i) / double(count - 1);
    double y = dataSetTarget(set, x);
    if (set == DataSet::NoisyCubic) y += 0.1 * standardNormal(rng);
    data.xs.push_back(x);
    data.ys.push_back(y);
  }
  return data;
}

std::vector<double> dataBends(const std::vector<double>& xs_in, const std::vector<double>& ys_in,
                              double fraction, double merge_distance, int max_count) {
  std::vector<std::size_t> order(xs_in.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](std::size_t l, std::size_t r) { return xs_in[l] < xs_in[r]; });
  std::vector<double> xs, ys;
  for (const std::size_t i : order) {
    // Points at the same x have no divided difference: keep the first.
    if (!xs.empty() && xs_in[i] <= xs.back()) continue;
    xs.push_back(xs_in[i]);
    ys.push_back(ys_in[i]);
  }
  const std::size_t n = xs.size();
  if (n < 3) return {};
  std::vector<double> d2(n, 0.0);
  for (std::size_t i = 1; i + 1 < n; ++i) {
    const double right = (ys[i + 1] - ys[i]) / (xs[i + 1] - xs[i]);
    const double left = (ys[i] - ys[i - 1]) / (xs[i] - xs[i - 1]);
    d2[i] = std::abs(2 * (right - left) / (xs[i + 1] - xs[i - 1]));
  }
  const double largest = *std::max_element(d2.begin(), d2.end());
  if (!(largest > 0) || !std::isfinite(largest)) return {};
  // Local maxima (a plateau counts once, at its last point) that are strong enough. The ends
  // have no second difference; treating them as higher keeps a curve that merely steepens
  // towards the edge of the data (sin(2x) near x = +-2) from counting as a bend.
  d2[0] = d2[n - 1] = std::numeric_limits<double>::infinity();
  std::vector<std::size_t> peaks;
  for (std::size_t i = 1; i + 1 < n; ++i)
    if (d2[i] >= fraction * largest && d2[i] >= d2[i - 1] && d2[i] > d2[i + 1]) peaks.push_back(i);
  std::sort(peaks.begin(), peaks.end(),
            [&](std::size_t l, std::size_t r) { return d2[l] > d2[r]; });
  std::vector<double> bends;
  for (const std::size_t i : peaks) {
    const bool near = std::any_of(bends.begin(), bends.end(),
                                  [&](double x) { return std::abs(x - xs[i]) < merge_distance; });
    if (!near) bends.push_back(xs[i]);
    if (int(bends.size()) >= max_count) break;
  }
  return bends;
}

std::vector<double> dataSetBends(DataSet set, const Samples& user_points) {
  if (set == DataSet::User) return dataBends(user_points.xs, user_points.ys);
  constexpr int kGrid = 401;
  std::vector<double> xs(kGrid), ys(kGrid);
  for (int i = 0; i < kGrid; ++i) {
    xs[std::size_t(i)] = kDataXMin + (kDataXMax - kDataXMin) * i / (kGrid - 1);
    ys[std::size_t(i)] = dataSetTarget(set, xs[std::size_t(i)]);
  }
  return dataBends(xs, ys);
}

// [SECTION] Initialization

VecX initReluNet(int units, int dead_units, double x_lo, double x_hi, std::uint64_t seed) {
  units = std::clamp(units, kMinUnits, kMaxUnits);
  dead_units = std::clamp(dead_units, 0, units);
  std::mt19937_64 rng(seed);
  VecX params = VecX::Zero(3 * units + 1);
  for (int j = 0; j < units; ++j) {
    const double elbow = x_lo + (x_hi - x_lo) * uniform01(rng);
    const double sign = uniform01(rng) < 0.5 ? -1.0 : 1.0;
    double a = sign * (0.5 + uniform01(rng));
    const double u = (2 * uniform01(rng) - 1) / std::sqrt(double(units));
    double e = elbow;
    if (j >= units - dead_units) {
      // Alternately beyond the right end facing right and beyond the left end facing left.
      const int k = j - (units - dead_units);
      a = k % 2 == 0 ? 1 : -1;
      e = k % 2 == 0 ? x_hi + 0.1 + 0.15 * (k / 2) : x_lo - 0.1 - 0.15 * (k / 2);
    }
    params(j) = a;
    params(units + j) = -a * e;
    params(2 * units + j) = u;
  }
  return params;
}

// [SECTION] Training, one step at a time

std::string TrainSettings::validate(int sample_count) const {
  if (!(lr > 0 && lr <= 10)) return formatText("learning rate must be in (0, 10] (got %g)", lr);
  if (sample_count < 1) return "there are no data points to train on";
  if (batch_size < 1 || batch_size > sample_count)
    return formatText("batch size must be in [1, %d] (got %d)", sample_count, batch_size);
  return "";
}

ReluNetTrainer::ReluNetTrainer(Samples data, VecX start, TrainSettings settings, NetActivation act)
    : data_(std::move(data)),
      params_(std::move(start)),
      settings_(settings),
      act_(act),
      sampler_(SamplerConfig{settings.batch_size, settings.seed}, data_.size()) {}

bool ReluNetTrainer::step() {
  const std::vector<int>& batch = sampler_.next();
  const double loss = evaluator_.lossAndGradient(params_, act_, data_, batch, grad_);
  if (!std::isfinite(loss) || !grad_.allFinite()) return false;
  VecX next = settings_.optimizer == NetOptimizer::Sgd
                  ? sgdStep<VecX>(sgd_params_, settings_.lr, sgd_state_, params_, grad_)
                  : adamStep<VecX>(adam_params_, settings_.lr, adam_state_, params_, grad_);
  if (!next.allFinite()) return false;
  params_.swap(next);
  batch_loss_ = loss;
  ++iteration_;
  return true;
}

int ReluNetTrainer::steps(int count) {
  int taken = 0;
  while (taken < count && step()) ++taken;
  return taken;
}

double ReluNetTrainer::loss() {
  return evaluator_.loss(params_, act_, data_);
}

// [SECTION] E1: one unit, one point

UnitGradient unitGradient(const UnitPoint& p) {
  UnitGradient g;
  g.z = p.w * p.x + p.b;
  const ActivationValue relu = activationEval(Activation::Relu, g.z, 0);
  g.phi = relu.f;
  g.active = relu.d1 > 0;
  g.dl_dphi = g.phi - p.y;
  g.loss = g.dl_dphi * g.dl_dphi / 2;
  g.dl_dw = g.dl_dphi * relu.d1 * p.x;
  g.dl_db = g.dl_dphi * relu.d1;
  return g;
}

UnitStep unitSgdStep(const UnitPoint& p, double lr) {
  UnitStep s;
  s.before = p;
  s.gradient = unitGradient(p);
  s.after = p;
  s.after.w = p.w - lr * s.gradient.dl_dw;
  s.after.b = p.b - lr * s.gradient.dl_db;
  s.elbow_before = p.w == 0 ? kNaN : -p.b / p.w;
  s.elbow_after = s.after.w == 0 ? kNaN : -s.after.b / s.after.w;
  return s;
}

namespace {
struct UnitCaseInfo {
  UnitPoint point;
  const char* title;
  const char* outcome;
};
// phi(x) - y = 1 wherever phi(x) > 0, as E1 takes it.
const UnitCaseInfo kUnitCases[kUnitCaseCount] = {
    {{1, -1, -0.5, -1}, "(i) phi(x) = 0", "nothing moves: the unit is off at x, its gradient is 0"},
    {{1, 0.5, 1, 0.5},
     "(ii) w > 0, x > 0",
     "the slope decreases (here the elbow moves right, by lr (w - b x) / (w w'))"},
    {{1, 2, -1, 0},
     "(iii) w > 0, x < 0",
     "the slope increases and the elbow moves right, towards x (EXERCISES says left; "
     "-b/w grows by lr (w + b |x|) / (w w') > 0)"},
    {{-1, 2, 1, 0},
     "(iv) w < 0, x > 0",
     "the slope gets steeper (|w| grows) and the elbow moves left, towards x"},
};
}  // namespace

UnitPoint unitCase(int index) {
  return kUnitCases[std::clamp(index, 0, kUnitCaseCount - 1)].point;
}
const char* unitCaseTitle(int index) {
  return kUnitCases[std::clamp(index, 0, kUnitCaseCount - 1)].title;
}
const char* unitCaseOutcome(int index) {
  return kUnitCases[std::clamp(index, 0, kUnitCaseCount - 1)].outcome;
}

}  // namespace gradlab
