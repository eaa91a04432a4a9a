// Stochastic runs on n-D finite sums; see stochastic.h.
#include "core/stochastic.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <utility>

#include "core/text_format.h"

namespace gradlab {

namespace {

// Reserve at most this many iterates up front; longer runs grow geometrically.
constexpr int kMaxReserve = 1 << 17;

// The state of every first-order rule, for dynamic-size vectors (each sizes itself on its first
// step), and the one dispatch from a resolved config to its rule.
struct FirstOrderState {
  SgdStateT<VecX> sgd;
  AdagradStateT<VecX> adagrad;
  RmspropStateT<VecX> rmsprop;
  AdamStateT<VecX> adam;
};

VecX firstOrderStep(const RunConfig& r, FirstOrderState& s, const VecX& w, const VecX& g) {
  switch (r.method) {
    case Method::AdaGrad:
      return adagradStep(r.adagrad, r.step_size, s.adagrad, w, g);
    case Method::RMSProp:
      return rmspropStep(r.rmsprop, r.step_size, s.rmsprop, w, g);
    case Method::Adam:
    case Method::AMSGrad:
      return adamStep(r.adam, r.step_size, s.adam, w, g);
    default:  // gd, momentum, nesterov (validate() rejects the others)
      return sgdStep(r.sgd, r.step_size, s.sgd, w, g);
  }
}

void push(StochasticTrajectory& t, const VecX& w, double loss) {
  t.parameters.insert(t.parameters.end(), w.data(), w.data() + w.size());
  t.loss.push_back(loss);
}

}  // namespace

// [SECTION] Least squares

LeastSquaresProblem::LeastSquaresProblem(MatX features, VecX targets)
    : features_(std::move(features)),
      samples_(features_.transpose()),
      targets_(std::move(targets)) {
  eigen_assert(features_.rows() == targets_.size() && features_.rows() > 0 && features_.cols() > 0);
}

double LeastSquaresProblem::loss(const VecX& w) const {
  double sum = 0;
  for (Eigen::Index i = 0; i < samples_.cols(); ++i) {
    const double r = samples_.col(i).dot(w) - targets_(i);
    sum += r * r;
  }
  return sum / (2.0 * static_cast<double>(samples_.cols()));
}

double LeastSquaresProblem::batchLossAndGradient(const VecX& w, const std::vector<int>& batch,
                                                 VecX& grad) const {
  grad.setZero(samples_.rows());
  double sum = 0;
  for (const int i : batch) {
    const double r = samples_.col(i).dot(w) - targets_(i);
    sum += r * r;
    grad += r * samples_.col(i);
  }
  const double count = static_cast<double>(batch.size());
  grad /= count;
  return sum / (2.0 * count);
}

// [SECTION] Mini-batch sampler

std::string SamplerConfig::validate(int sample_count) const {
  if (sample_count < 1) return "the problem has no samples";
  if (batch_size < 1 || batch_size > sample_count)
    return formatText("batch size must be in [1, %d] (got %d)", sample_count, batch_size);
  return "";
}

MiniBatchSampler::MiniBatchSampler(const SamplerConfig& config, int sample_count)
    : rng_(config.seed),
      batch_size_(config.batch_size),
      permutation_(static_cast<std::size_t>(std::max(sample_count, 0))),
      position_(permutation_.size()) {
  batch_.reserve(static_cast<std::size_t>(std::max(batch_size_, 0)));
}

void MiniBatchSampler::shuffle() {
  // The documented order (stochastic.h): identity, then Fisher-Yates with j = rng() % (i + 1).
  for (std::size_t i = 0; i < permutation_.size(); ++i) permutation_[i] = static_cast<int>(i);
  for (std::size_t i = permutation_.size(); i-- > 1;) {
    const std::size_t j = static_cast<std::size_t>(rng_() % (i + 1));
    std::swap(permutation_[i], permutation_[j]);
  }
  position_ = 0;
  ++epoch_;
}

const std::vector<int>& MiniBatchSampler::next() {
  if (position_ >= permutation_.size()) shuffle();
  const std::size_t end =
      std::min(permutation_.size(), position_ + static_cast<std::size_t>(batch_size_));
  batch_.assign(permutation_.begin() + static_cast<std::ptrdiff_t>(position_),
                permutation_.begin() + static_cast<std::ptrdiff_t>(end));
  position_ = end;
  return batch_;
}

// [SECTION] Stochastic runs

bool supportsStochastic(Method method) {
  switch (method) {
    case Method::GradientDescent:
    case Method::Momentum:
    case Method::Nesterov:
    case Method::AdaGrad:
    case Method::RMSProp:
    case Method::Adam:
    case Method::AMSGrad:
      return true;
    default:
      return false;
  }
}

std::string StochasticConfig::validate(int sample_count) const {
  if (!supportsStochastic(method.method))
    return formatText("%s needs exact values or Hessians: not available with mini-batch gradients",
                      methodDisplayName(method.method));
  const std::string error = method.validate();
  if (!error.empty()) return error;
  return sampler.validate(sample_count);
}

StochasticTrajectory runStochastic(const FiniteSumProblem& problem, const StochasticConfig& config,
                                   const VecX& start, int iterations) {
  StochasticTrajectory out;
  out.dimension = problem.dimension();
  std::string error = config.validate(problem.sampleCount());
  if (error.empty() && start.size() != problem.dimension())
    error = formatText("the start has %d parameters, the problem %d",
                       static_cast<int>(start.size()), problem.dimension());
  if (error.empty() && iterations < 0)
    error = formatText("iterations must be >= 0 (got %d)", iterations);
  if (!error.empty()) {
    if (start.size() == problem.dimension()) push(out, start, problem.loss(start));
    out.status = RunStatus::InvalidConfig;
    out.message = error;
    out.hint = "fix the parameter";
    return out;
  }

  const RunConfig r = resolved(config.method);
  const double bound = r.stop.divergence_bound;
  const std::size_t reserve = static_cast<std::size_t>(std::min(iterations, kMaxReserve)) + 1;
  out.loss.reserve(reserve);
  out.parameters.reserve(reserve * static_cast<std::size_t>(out.dimension));
  MiniBatchSampler sampler(config.sampler, problem.sampleCount());
  FirstOrderState state;
  VecX w = start, grad(problem.dimension());

  for (int k = 0;; ++k) {
    const double loss = problem.loss(w);
    push(out, w, loss);
    out.status_iteration = k;
    const bool finite = w.allFinite() && std::isfinite(loss);
    if (!finite || w.norm() > bound) {
      out.status = RunStatus::Diverged;
      if (k > 0) {
        out.message = finite ? formatText("diverged at step %d (||w|| = %.3g)", k, w.norm())
                             : formatText("diverged at step %d (the loss is not finite)", k);
        out.hint = "lower the step size (or use larger mini-batches: their gradients vary less)";
      } else {
        out.message =
            finite ? formatText("the start is beyond the divergence bound (||w|| = %.6g)", w.norm())
                   : std::string("the loss is not finite at the start");
        out.hint = "move the start point";
      }
      return out;
    }
    if (k == iterations) {
      out.status = RunStatus::MaxIterations;
      out.message = formatText("ran %d step%s, batch size %d (loss = %.7g)", k, k == 1 ? "" : "s",
                               config.sampler.batch_size, loss);
      return out;
    }
    problem.batchLossAndGradient(w, sampler.next(), grad);
    if (!grad.allFinite()) {
      out.status = RunStatus::Diverged;
      out.message = formatText("the mini-batch gradient is not finite at step %d", k);
      out.hint = "lower the step size or move the start point";
      return out;
    }
    w = firstOrderStep(r, state, w, grad);
  }
}

}  // namespace gradlab
