// EXERCISES F1: stochastic gradient ascent on the log-likelihood of a bivariate Gaussian's
// precision matrix P. Seeded samples (Box-Muller on std::mt19937_64), the objective and its
// per-sample gradient, one SGD run with one sample per step (the shared sgdStep rule of
// core/optimizers.h on 3-vectors), and the homework's nine-run experiment.
//
// [SECTION] Seeds
// [SECTION] Samples and sufficient statistics
// [SECTION] Precision matrices as 3 numbers
// [SECTION] The log-likelihood and its stochastic gradient
// [SECTION] One SGD run
// [SECTION] The experiment: step sizes x random starts
#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <string>
#include <vector>

#include "core/objective.h"

namespace gradlab {

using Vec3 = Eigen::Vector3d;

// [SECTION] Seeds -------------------------------------------------------------------------------
// One scene seed feeds several independent streams (the samples, the random starts, each start's
// sample order), so that editing a step size changes none of them. Stream s is seeded with
// splitmix64(seed + s * 0x9E3779B97F4A7C15) (Steele, Lea, Flood 2014): nearby scene seeds give
// unrelated std::mt19937_64 states.
std::uint64_t streamSeed(std::uint64_t seed, std::uint64_t stream);
constexpr std::uint64_t kSampleStream = 0;  // the data
constexpr std::uint64_t kStartStream = 1;   // the random initial P's
constexpr std::uint64_t kOrderStream = 2;   // start j's sample order is stream kOrderStream + j

// [SECTION] Samples and sufficient statistics ---------------------------------------------------
// Normal deviates by Box-Muller on std::mt19937_64, written out because std::normal_distribution
// is implementation-defined (libstdc++ uses Marsaglia's polar method, libc++ and MSVC differ) while
// mt19937_64's output is fixed by the standard. Per pair of deviates:
//   u1 = 1 - (rng() >> 11) * 2^-53 in (0, 1],  u2 = (rng() >> 11) * 2^-53 in [0, 1)
//   z1 = sqrt(-2 ln u1) cos(2 pi u2),  z2 = sqrt(-2 ln u1) sin(2 pi u2)
// and a sample is x = mean + L z with L the lower Cholesky factor of the covariance. So a seed
// gives the same data on every run on one platform (libm's last bit may differ elsewhere).
struct GaussianSpec {
  Vec2 mean{0, 0};                                          // mu, known to the model
  Mat2 covariance = (Mat2() << 1, 0.5, 0.5, 1).finished();  // Sigma (EXERCISES F1)
  int sample_count = 1000;                                  // N, in [2, 100000]
  std::uint64_t seed = 1;                                   // the scene seed (all streams)
  std::string validate() const;  // "" when fine: Sigma symmetric positive definite, finite
};

// The data as the model sees it. F1's log-likelihood has no mean term: the samples are centred
// at the known mean mu (0 in the homework, where this is exactly F1's x_i). The "sample
// covariance" is then C = S / N with the scatter S = sum_i (x_i - mu)(x_i - mu)^T, and the
// maximum-likelihood precision is C^-1.
struct GaussianData {
  std::vector<Vec2> points;     // x_i as drawn (the scatter plot)
  std::vector<Vec2> centered;   // x_i - mu (the gradient)
  Mat2 scatter = Mat2::Zero();  // S
  int count() const { return static_cast<int>(points.size()); }
  Mat2 sampleCovariance() const { return scatter / static_cast<double>(count()); }
};

// Draws spec.sample_count samples from stream kSampleStream of spec.seed; spec must validate.
GaussianData sampleGaussian(const GaussianSpec& spec);

// [SECTION] Precision matrices as 3 numbers -----------------------------------------------------
// P is symmetric, so it is kept as p = (P11, P12, P22). The homework's gradient treats P's four
// entries as independent: G = dlogL/dP is a symmetric matrix, and its step P <- P + eta G moves
// P12 and P21 both by eta G12. Stepping p by (G11, G12, G22) is exactly that matrix step. (The
// partial derivative of log L in p's middle coordinate, which moves P12 and P21 together, is
// 2 G12: that is *not* what F1 steps by; tests check both facts.)
Mat2 precisionMatrix(const Vec3& p);
Vec3 precisionEntries(const Mat2& precision);  // (P11, P12, P22); P must be symmetric
// Sylvester's criterion for 2x2: P11 > 0 and det P > 0, both finite.
bool isPositiveDefinite(const Vec3& p);

// [SECTION] The log-likelihood and its stochastic gradient --------------------------------------
// EXERCISES F1, dropping the constant -N log(2 pi):
//   log L(P) = (N/2) log det P - (1/2) sum_i x_i^T P x_i = (N/2) log det P - (1/2) tr(P S)
// O(1) from the scatter S. P must be positive definite.
double logLikelihood(const Vec3& p, const Mat2& scatter, int sample_count);
// The same sum over the samples, O(N): the independent reference the tests compare against.
double logLikelihoodDirect(const Mat2& precision, const std::vector<Vec2>& centered);
// The full-data gradient (1/2) sum_i (P^-1 - x_i x_i^T) = (1/2)(N P^-1 - S), as (G11, G12, G22).
Vec3 fullGradient(const Vec3& p, const Mat2& scatter, int sample_count);
// Sample i's term of that sum, (1/2)(P^-1 - x x^T): the stochastic gradient of one step.
Vec3 sampleGradient(const Vec3& p, const Vec2& x);
// The maximizer of log L: the inverse sample covariance C^-1 = N S^-1.
Mat2 maximumLikelihoodPrecision(const GaussianData& data);
// ||A - B||_F^2, the homework's estimation error ||Sigma^-1 - P_hat||^2.
double squaredFrobeniusError(const Mat2& a, const Mat2& b);

// [SECTION] One SGD run -------------------------------------------------------------------------
enum class PrecisionRunStatus { Completed, NotPositiveDefinite };

// Iterate k (k = 0 is the start) is precision[k], with log L at objective[k]. Iteration k + 1
// draws one sample index from the sampler (batch size 1, its documented epoch order) and takes
// sgdStep with maximize = true (ascent): P <- P + eta (1/2)(P^-1 - x x^T).
struct PrecisionRun {
  double step_size = 0;
  std::vector<Vec3> precision;
  std::vector<double> objective;
  PrecisionRunStatus status = PrecisionRunStatus::Completed;
  int failed_iteration = -1;  // the iteration whose P was not positive definite (not recorded)
  std::string message;        // "ran 10000 iterations" or "P not positive definite at iteration k"

  int size() const { return static_cast<int>(objective.size()); }
  const Vec3& last() const { return precision.back(); }
};

// Runs `iterations` >= 0 SGD steps from `start` with step size eta > 0, samples in the order of
// MiniBatchSampler(batch 1, order_seed). A step that leaves the positive-definite cone ends the
// run there (the bad P is not recorded, nothing is NaN). A start that is not positive definite
// records nothing and reports iteration 0.
PrecisionRun runPrecisionSgd(const GaussianData& data, const Vec3& start, double step_size,
                             int iterations, std::uint64_t order_seed);
// The same into `run`, reusing its storage: a recompute then touches no new memory (fresh pages
// cost as much as the arithmetic here).
void runPrecisionSgdInto(const GaussianData& data, const Vec3& start, double step_size,
                         int iterations, std::uint64_t order_seed, PrecisionRun& run);

// [SECTION] The experiment: step sizes x random starts ------------------------------------------
// Random starts, symmetric positive definite and well scaled: P0 = R(theta) diag(l1, l2) R^T,
// theta uniform in [0, pi), l1, l2 uniform in [0.5, 2] times s = 2 / trace(C) (the reciprocal
// of the data's mean variance; s ~ 1 for the homework). So P0's condition number is at most 4
// and its size matches the answer's. Stream kStartStream; uniforms as in the Box-Muller above.
std::vector<Vec3> randomStartPrecisions(const GaussianData& data, int count, std::uint64_t seed);

struct GaussianSgdConfig {
  std::vector<double> step_sizes{1e-5, 1e-4, 1e-3};  // eta, each in (0, 10]; 1 to 6 of them
  int start_count = 3;                               // random starts per step size, in [1, 6]
  int iterations = 10000;                            // SGD steps per run, in [1, 200000]
  std::string validate() const;                      // "" when fine
};

// Every run of the experiment: runs[s * start_count + j] is step size s from start j, and start
// j's runs share its sample order (stream kOrderStream + j), so rows differ only in eta.
struct GaussianSgdExperiment {
  GaussianData data;
  Mat2 ml_precision = Mat2::Zero();  // C^-1
  double ml_objective = 0;           // log L(C^-1), the reference line
  std::vector<Vec3> starts;
  std::vector<PrecisionRun> runs;
  const PrecisionRun& run(int step_index, int start_index) const {
    return runs[static_cast<std::size_t>(step_index) * starts.size() +
                static_cast<std::size_t>(start_index)];
  }
};

// The data, starts and ML answer (no runs). spec must validate.
GaussianSgdExperiment prepareExperiment(const GaussianSpec& spec, int start_count);
// Recomputes row `step_index` (every start at `step_size`) in place, growing runs as needed.
void rerunStepSize(GaussianSgdExperiment& experiment, int step_index, double step_size,
                   int iterations, std::uint64_t seed);
// Recomputes every run for config's step sizes in place (config must validate and its
// start_count match the experiment's starts).
void rerunAll(GaussianSgdExperiment& experiment, const GaussianSgdConfig& config,
              std::uint64_t seed);
// Everything from scratch; spec and config must validate.
GaussianSgdExperiment runExperiment(const GaussianSpec& spec, const GaussianSgdConfig& config);

}  // namespace gradlab
