// Stochastic gradients on n-D finite sums: a problem interface (full-data loss, mini-batch
// gradient), a seeded mini-batch sampler with a documented, platform-independent index order, and
// runStochastic(), the loop that steps one of the first-order rules of core/optimizers.h (the same
// templates as the 2-D runs, instantiated for VecX) on mini-batch gradients and records every
// iterate's parameters and full-data loss.
//
// [SECTION] Finite-sum problems
// [SECTION] Least squares
// [SECTION] Mini-batch sampler
// [SECTION] Stochastic runs
#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "core/optimizers.h"
#include "core/run.h"

namespace gradlab {

using MatX = Eigen::MatrixXd;

// [SECTION] Finite-sum problems ----------------------------------------------------------------
// An objective that is a mean over N samples: for a set S of sample indices,
//   L_S(w) = (1 / |S|) sum_{i in S} l_i(w),
// the full-data loss is L over all N samples, and a mini-batch gradient is grad L_S(w).
class FiniteSumProblem {
 public:
  virtual ~FiniteSumProblem() = default;
  virtual int dimension() const = 0;    // number of parameters n
  virtual int sampleCount() const = 0;  // N
  // L over all N samples.
  virtual double loss(const VecX& w) const = 0;
  // L_S and its gradient (grad is resized to n) over the mini-batch `batch`: indices in [0, N),
  // not empty; a repeated index counts twice.
  virtual double batchLossAndGradient(const VecX& w, const std::vector<int>& batch,
                                      VecX& grad) const = 0;
};

// [SECTION] Least squares ----------------------------------------------------------------------
// Rows F_i of F (N x n) and targets y_i, l_i(w) = (F_i w - y_i)^2 / 2, so
//   L_S(w) = ||F_S w - y_S||^2 / (2 |S|)       (the mean over the batch of half squared residuals)
//   grad L_S(w) = F_S^T (F_S w - y_S) / |S|
// The full-data loss is EXERCISES D1's ||F w - y||^2 / 2 divided by N.
class LeastSquaresProblem : public FiniteSumProblem {
 public:
  // F and y must have the same number of rows (at least one) and F at least one column.
  LeastSquaresProblem(MatX features, VecX targets);
  int dimension() const override { return static_cast<int>(features_.cols()); }
  int sampleCount() const override { return static_cast<int>(features_.rows()); }
  double loss(const VecX& w) const override;
  double batchLossAndGradient(const VecX& w, const std::vector<int>& batch,
                              VecX& grad) const override;
  const MatX& features() const { return features_; }
  const VecX& targets() const { return targets_; }

 private:
  MatX features_;
  MatX samples_;  // F^T: sample i is the contiguous column i (no temporaries, no strided rows)
  VecX targets_;
};

// [SECTION] Mini-batch sampler -----------------------------------------------------------------
// Epochs as torch's DataLoader(shuffle=True, drop_last=False) has them, in spirit: each epoch is a
// fresh shuffled permutation of 0..N-1, cut in order into batches of batch_size (the epoch's last
// batch is smaller when batch_size does not divide N); the next epoch shuffles again. The shuffle
// is written out, because std::shuffle and std::uniform_int_distribution differ between standard
// libraries while std::mt19937_64's output is fixed by the C++ standard:
//   rng = std::mt19937_64(seed), created once per sampler (one run)
//   each epoch: p = [0, 1, ..., N-1]; for i = N-1 down to 1: j = rng() % (i + 1); swap(p[i], p[j])
// (Fisher-Yates; the modulo bias is below N / 2^64, negligible). So a seed gives the same index
// sequence on every platform; tests/data/make_torch_reference.py computes the same sequence in
// Python and commits it next to the PyTorch reference trajectories, and the tests check both.
struct SamplerConfig {
  int batch_size = 8;                            // samples per step, in [1, N]
  std::uint64_t seed = 0;                        // seeds std::mt19937_64
  std::string validate(int sample_count) const;  // "" when fine
};

class MiniBatchSampler {
 public:
  MiniBatchSampler(const SamplerConfig& config, int sample_count);
  // The next batch; the reference stays valid until the next call.
  const std::vector<int>& next();
  int epoch() const { return epoch_; }  // epochs started so far (1 after the first next())

 private:
  void shuffle();
  std::mt19937_64 rng_;
  int batch_size_;
  std::vector<int> permutation_;
  std::size_t position_;
  std::vector<int> batch_;
  int epoch_ = 0;
};

// [SECTION] Stochastic runs --------------------------------------------------------------------
// The first-order methods take mini-batch gradients: gd, momentum, nesterov, adagrad, rmsprop,
// adam, amsgrad (their params from the RunConfig, resolved as run() resolves them, maximize
// included). Armijo, Newton and L-BFGS need exact values, Hessians or consistent gradients and are
// rejected as InvalidConfig.
bool supportsStochastic(Method method);

struct StochasticConfig {
  RunConfig method;       // method and hyperparameters; of its stop rules only divergence_bound
                          // is used (a stochastic run always takes its `iterations` steps)
  SamplerConfig sampler;  // batch size and seed
  std::string validate(int sample_count) const;  // "" when fine
};

// Every iterate of a stochastic run: iterate k (k = 0 is the start) has parameters w(k) and
// full-data loss loss[k]; iterate k + 1 is one step from w(k) on the mini-batch gradient of the
// sampler's k-th batch.
struct StochasticTrajectory {
  int dimension = 0;
  std::vector<double> loss;        // full-data loss at each iterate
  std::vector<double> parameters;  // iterate k's parameters at [k * dimension, (k + 1) * dimension)
  RunStatus status =
      RunStatus::Running;    // MaxIterations (all steps taken), Diverged, InvalidConfig
  int status_iteration = 0;  // iterate index at which the run ended
  std::string message;       // one line, e.g. "diverged at step 3"
  std::string hint;          // what to try; may be empty

  int size() const { return static_cast<int>(loss.size()); }
  Eigen::Map<const VecX> w(int k) const {
    return Eigen::Map<const VecX>(parameters.data() + static_cast<std::size_t>(k) * dimension,
                                  dimension);
  }
};

// Runs `iterations` steps of config's method from `start` (size problem.dimension()). Ends with
// MaxIterations after all steps, Diverged at the first iterate whose parameters, full-data loss or
// mini-batch gradient is not finite or whose ||w|| exceeds the divergence bound (with a hint), or
// InvalidConfig (only the start recorded) when the config, the start's size or `iterations` < 0
// is wrong.
StochasticTrajectory runStochastic(const FiniteSumProblem& problem, const StochasticConfig& config,
                                   const VecX& start, int iterations);

}  // namespace gradlab
