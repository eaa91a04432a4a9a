// SGD on a Gaussian's precision matrix (EXERCISES F1); see gaussian_sgd.h.
#include "core/gaussian_sgd.h"

#include <Eigen/Cholesky>
#include <Eigen/LU>
#include <cmath>
#include <random>
#include <utility>

#include "core/optimizers.h"
#include "core/stochastic.h"
#include "core/text_format.h"

namespace gradlab {

namespace {

constexpr double kPi = 3.14159265358979323846;

// A uniform double in [0, 1) from the top 53 bits of one mt19937_64 output.
double uniform01(std::mt19937_64& rng) {
  return static_cast<double>(rng() >> 11) * 0x1p-53;
}

bool finiteMatrix(const Mat2& m) {
  return m.allFinite();
}

}  // namespace

// [SECTION] Seeds

std::uint64_t streamSeed(std::uint64_t seed, std::uint64_t stream) {
  // splitmix64's output function on seed + stream * golden gamma.
  std::uint64_t z = seed + stream * 0x9E3779B97F4A7C15ULL;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

// [SECTION] Samples and sufficient statistics

std::string GaussianSpec::validate() const {
  if (sample_count < 2 || sample_count > 100000)
    return formatText("the sample count must be in [2, 100000] (got %d)", sample_count);
  if (!mean.allFinite()) return "the mean must be finite";
  if (!finiteMatrix(covariance)) return "the covariance must be finite";
  if (covariance(0, 1) != covariance(1, 0)) return "the covariance must be symmetric";
  const double det = covariance.determinant();
  if (!(covariance(0, 0) > 0) || !(det > 0))
    return formatText(
        "the covariance must be positive definite (Sigma11 > 0 and det Sigma > 0; det = %.4g)",
        det);
  return "";
}

GaussianData sampleGaussian(const GaussianSpec& spec) {
  std::mt19937_64 rng(streamSeed(spec.seed, kSampleStream));
  const Mat2 lower = spec.covariance.llt().matrixL();
  GaussianData data;
  const std::size_t n = static_cast<std::size_t>(spec.sample_count);
  data.points.reserve(n);
  data.centered.reserve(n);
  while (data.points.size() < n) {
    const double u1 = 1.0 - uniform01(rng);
    const double u2 = uniform01(rng);
    const double radius = std::sqrt(-2.0 * std::log(u1));
    const Vec2 pair(radius * std::cos(2.0 * kPi * u2), radius * std::sin(2.0 * kPi * u2));
    // Two deviates make one sample: z = (z1, z2).
    const Vec2 offset = lower * pair;
    data.points.push_back(spec.mean + offset);
    data.centered.push_back(offset);
    data.scatter += offset * offset.transpose();
  }
  return data;
}

// [SECTION] Precision matrices as 3 numbers

Mat2 precisionMatrix(const Vec3& p) {
  return (Mat2() << p(0), p(1), p(1), p(2)).finished();
}

Vec3 precisionEntries(const Mat2& precision) {
  return Vec3(precision(0, 0), precision(0, 1), precision(1, 1));
}

bool isPositiveDefinite(const Vec3& p) {
  const double det = p(0) * p(2) - p(1) * p(1);
  return std::isfinite(p(0)) && std::isfinite(det) && p(0) > 0 && det > 0;
}

// [SECTION] The log-likelihood and its stochastic gradient

double logLikelihood(const Vec3& p, const Mat2& scatter, int sample_count) {
  const double det = p(0) * p(2) - p(1) * p(1);
  // tr(P S) for symmetric P and S.
  const double trace = p(0) * scatter(0, 0) + 2.0 * p(1) * scatter(0, 1) + p(2) * scatter(1, 1);
  return 0.5 * static_cast<double>(sample_count) * std::log(det) - 0.5 * trace;
}

double logLikelihoodDirect(const Mat2& precision, const std::vector<Vec2>& centered) {
  double quadratic = 0;
  for (const Vec2& x : centered) quadratic += x.dot(precision * x);
  return 0.5 * static_cast<double>(centered.size()) * std::log(precision.determinant()) -
         0.5 * quadratic;
}

namespace {
// P^-1 entries (11, 12, 22) by the 2x2 adjugate.
Vec3 inverseEntries(const Vec3& p) {
  const double det = p(0) * p(2) - p(1) * p(1);
  return Vec3(p(2) / det, -p(1) / det, p(0) / det);
}
}  // namespace

Vec3 fullGradient(const Vec3& p, const Mat2& scatter, int sample_count) {
  const Vec3 inverse = inverseEntries(p);
  return 0.5 * (static_cast<double>(sample_count) * inverse -
                Vec3(scatter(0, 0), scatter(0, 1), scatter(1, 1)));
}

Vec3 sampleGradient(const Vec3& p, const Vec2& x) {
  const Vec3 inverse = inverseEntries(p);
  return 0.5 * (inverse - Vec3(x(0) * x(0), x(0) * x(1), x(1) * x(1)));
}

Mat2 maximumLikelihoodPrecision(const GaussianData& data) {
  return data.sampleCovariance().inverse();
}

double squaredFrobeniusError(const Mat2& a, const Mat2& b) {
  return (a - b).squaredNorm();
}

// [SECTION] One SGD run

PrecisionRun runPrecisionSgd(const GaussianData& data, const Vec3& start, double step_size,
                             int iterations, std::uint64_t order_seed) {
  PrecisionRun run;
  runPrecisionSgdInto(data, start, step_size, iterations, order_seed, run);
  return run;
}

void runPrecisionSgdInto(const GaussianData& data, const Vec3& start, double step_size,
                         int iterations, std::uint64_t order_seed, PrecisionRun& run) {
  run.step_size = step_size;
  run.precision.clear();
  run.objective.clear();
  run.status = PrecisionRunStatus::Completed;
  run.failed_iteration = -1;
  if (!isPositiveDefinite(start)) {
    run.status = PrecisionRunStatus::NotPositiveDefinite;
    run.failed_iteration = 0;
    run.message = "P not positive definite at iteration 0 (the start)";
    return;
  }
  const int n = data.count();
  run.precision.reserve(static_cast<std::size_t>(iterations) + 1);
  run.objective.reserve(static_cast<std::size_t>(iterations) + 1);
  run.precision.push_back(start);
  run.objective.push_back(logLikelihood(start, data.scatter, n));

  SamplerConfig order;
  order.batch_size = 1;
  order.seed = order_seed;
  MiniBatchSampler sampler(order, n);
  SgdParams ascent;
  ascent.maximize = true;
  SgdStateT<Vec3> state;
  Vec3 p = start;
  for (int k = 1; k <= iterations; ++k) {
    const Vec2& x = data.centered[static_cast<std::size_t>(sampler.next().front())];
    p = sgdStep(ascent, step_size, state, p, sampleGradient(p, x));
    if (!isPositiveDefinite(p)) {
      run.status = PrecisionRunStatus::NotPositiveDefinite;
      run.failed_iteration = k;
      run.message = formatText("P not positive definite at iteration %d", k);
      return;
    }
    run.precision.push_back(p);
    run.objective.push_back(logLikelihood(p, data.scatter, n));
  }
  run.message = formatText("ran %d iterations", iterations);
}

// [SECTION] The experiment: step sizes x random starts

std::vector<Vec3> randomStartPrecisions(const GaussianData& data, int count, std::uint64_t seed) {
  std::mt19937_64 rng(streamSeed(seed, kStartStream));
  const double scale = 2.0 / data.sampleCovariance().trace();
  std::vector<Vec3> starts;
  for (int j = 0; j < count; ++j) {
    const double theta = kPi * uniform01(rng);
    const double l1 = scale * (0.5 + 1.5 * uniform01(rng));
    const double l2 = scale * (0.5 + 1.5 * uniform01(rng));
    const double c = std::cos(theta), s = std::sin(theta);
    // R diag(l1, l2) R^T with R = [[c, -s], [s, c]].
    starts.emplace_back(l1 * c * c + l2 * s * s, (l1 - l2) * c * s, l1 * s * s + l2 * c * c);
  }
  return starts;
}

std::string GaussianSgdConfig::validate() const {
  if (step_sizes.empty() || step_sizes.size() > 6)
    return formatText("give 1 to 6 step sizes (got %d)", static_cast<int>(step_sizes.size()));
  for (std::size_t s = 0; s < step_sizes.size(); ++s) {
    const double eta = step_sizes[s];
    if (!(eta > 0 && eta <= 10))
      return formatText("step size %d must be in (0, 10] (got %g)", static_cast<int>(s) + 1, eta);
  }
  if (start_count < 1 || start_count > 6)
    return formatText("the number of starts must be in [1, 6] (got %d)", start_count);
  if (iterations < 1 || iterations > 200000)
    return formatText("iterations must be in [1, 200000] (got %d)", iterations);
  return "";
}

GaussianSgdExperiment prepareExperiment(const GaussianSpec& spec, int start_count) {
  GaussianSgdExperiment e;
  e.data = sampleGaussian(spec);
  e.ml_precision = maximumLikelihoodPrecision(e.data);
  e.ml_objective = logLikelihood(precisionEntries(e.ml_precision), e.data.scatter, e.data.count());
  e.starts = randomStartPrecisions(e.data, start_count, spec.seed);
  return e;
}

void rerunStepSize(GaussianSgdExperiment& e, int step_index, double step_size, int iterations,
                   std::uint64_t seed) {
  const std::size_t starts = e.starts.size();
  const std::size_t first = static_cast<std::size_t>(step_index) * starts;
  if (e.runs.size() < first + starts) e.runs.resize(first + starts);
  for (std::size_t j = 0; j < starts; ++j)
    runPrecisionSgdInto(e.data, e.starts[j], step_size, iterations,
                        streamSeed(seed, kOrderStream + j), e.runs[first + j]);
}

void rerunAll(GaussianSgdExperiment& e, const GaussianSgdConfig& config, std::uint64_t seed) {
  e.runs.resize(config.step_sizes.size() * e.starts.size());
  for (std::size_t s = 0; s < config.step_sizes.size(); ++s)
    rerunStepSize(e, static_cast<int>(s), config.step_sizes[s], config.iterations, seed);
}

GaussianSgdExperiment runExperiment(const GaussianSpec& spec, const GaussianSgdConfig& config) {
  GaussianSgdExperiment e = prepareExperiment(spec, config.start_count);
  rerunAll(e, config, spec.seed);
  return e;
}

}  // namespace gradlab
