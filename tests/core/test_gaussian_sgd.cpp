// EXERCISES F1 (core/gaussian_sgd.h): the objective from sufficient statistics against the direct
// O(N) sum, the stochastic gradient against finite differences, the maximum-likelihood answer,
// positive-definiteness failures, and the nine-run experiment against an independent reference
// (tests/data/gaussian_sgd/, written by tests/data/make_gaussian_sgd_reference.py with numpy and
// PyTorch autograd; no Python needed here).
#include <gtest/gtest.h>

#include <Eigen/Eigenvalues>
#include <Eigen/LU>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "core/gaussian_sgd.h"

namespace gradlab {
namespace {

const std::filesystem::path kReference =
    std::filesystem::path(GRADLAB_TEST_DATA_DIR) / "gaussian_sgd" / "f1_seed1.txt";

// Relative closeness with an absolute floor of `tol` for values near 0.
void expectClose(double expected, double actual, double tol, const std::string& what) {
  EXPECT_NEAR(actual, expected, tol * std::max(1.0, std::abs(expected))) << what;
}

GaussianSgdExperiment homeworkExperiment() {
  return runExperiment(GaussianSpec{}, GaussianSgdConfig{});
}

// [SECTION] The objective and its gradient

TEST(GaussianSgd, ObjectiveFromScatterEqualsDirectSumAtSampledIterationsOfAllNineRuns) {
  const GaussianSgdExperiment e = homeworkExperiment();
  ASSERT_EQ(e.runs.size(), 9u);
  for (const PrecisionRun& run : e.runs) {
    ASSERT_EQ(run.status, PrecisionRunStatus::Completed) << run.message;
    ASSERT_EQ(run.size(), 10001);
    for (const int k : {0, 1, 7, 500, 3333, 9999, 10000}) {
      const double direct = logLikelihoodDirect(precisionMatrix(run.precision[k]), e.data.centered);
      expectClose(direct, run.objective[k], 1e-12, "iteration " + std::to_string(k));
    }
  }
}

TEST(GaussianSgd, StochasticGradientIsTheMatrixGradientOfOneSamplesTerm) {
  // l(P) = (1/2) log det P - (1/2) x^T P x for a general 2x2 P (entries independent); its
  // central differences in P11, P12 alone, P21 alone and P22 are the homework's G entries.
  const Vec2 x(0.7, -1.3);
  const Vec3 p(1.4, 0.3, 0.9);
  const auto term = [&x](const Mat2& m) {
    return 0.5 * std::log(m.determinant()) - 0.5 * x.dot(m * x);
  };
  const Vec3 g = sampleGradient(p, x);
  const double h = 1e-6;
  const Mat2 base = precisionMatrix(p);
  const auto partial = [&](int r, int c) {
    Mat2 plus = base, minus = base;
    plus(r, c) += h;
    minus(r, c) -= h;
    return (term(plus) - term(minus)) / (2 * h);
  };
  EXPECT_NEAR(g(0), partial(0, 0), 1e-8);
  EXPECT_NEAR(g(1), partial(0, 1), 1e-8);
  EXPECT_NEAR(g(1), partial(1, 0), 1e-8);
  EXPECT_NEAR(g(2), partial(1, 1), 1e-8);
  // Moving P12 and P21 together (p's middle coordinate) changes l at twice that rate.
  Mat2 plus = base, minus = base;
  plus(0, 1) += h, plus(1, 0) += h, minus(0, 1) -= h, minus(1, 0) -= h;
  EXPECT_NEAR((term(plus) - term(minus)) / (2 * h), 2 * g(1), 1e-8);
}

TEST(GaussianSgd, FullGradientIsTheSumOfSampleGradientsAndMatchesFiniteDifferences) {
  GaussianSpec spec;
  spec.sample_count = 50;
  const GaussianData data = sampleGaussian(spec);
  const Vec3 p(0.8, -0.2, 1.1);
  Vec3 sum = Vec3::Zero();
  for (const Vec2& x : data.centered) sum += sampleGradient(p, x);
  const Vec3 full = fullGradient(p, data.scatter, data.count());
  for (int i = 0; i < 3; ++i) EXPECT_NEAR(full(i), sum(i), 1e-10);
  const double h = 1e-6;
  for (const int i : {0, 2}) {
    Vec3 plus = p, minus = p;
    plus(i) += h;
    minus(i) -= h;
    const double fd = (logLikelihood(plus, data.scatter, data.count()) -
                       logLikelihood(minus, data.scatter, data.count())) /
                      (2 * h);
    EXPECT_NEAR(full(i), fd, 1e-6 * std::abs(fd) + 1e-7);
  }
}

TEST(GaussianSgd, MaximumLikelihoodIsTheInverseSampleCovarianceAndAStationaryMaximum) {
  const GaussianData data = sampleGaussian(GaussianSpec{});
  // The sample covariance about the known mean, summed directly from the points.
  Mat2 covariance = Mat2::Zero();
  for (const Vec2& point : data.points) covariance += point * point.transpose();
  covariance /= data.count();
  const Mat2 ml = maximumLikelihoodPrecision(data);
  EXPECT_LT((ml * covariance - Mat2::Identity()).norm(), 1e-12);
  EXPECT_LT(fullGradient(precisionEntries(ml), data.scatter, data.count()).norm(), 1e-9);
  const double best = logLikelihood(precisionEntries(ml), data.scatter, data.count());
  for (const Vec3& step : {Vec3(0.01, 0, 0), Vec3(0, 0.01, 0), Vec3(0, 0, -0.01)})
    EXPECT_LT(logLikelihood(precisionEntries(ml) + step, data.scatter, data.count()), best);
}

TEST(GaussianSgd, SamplesHaveTheRequestedMeanAndCovariance) {
  GaussianSpec spec;
  spec.mean = Vec2(3, -2);
  spec.covariance << 4, -1, -1, 0.5;
  spec.sample_count = 100000;
  const GaussianData data = sampleGaussian(spec);
  Vec2 mean = Vec2::Zero();
  for (const Vec2& point : data.points) mean += point;
  mean /= data.count();
  EXPECT_LT((mean - spec.mean).norm(), 0.03);
  EXPECT_LT((data.sampleCovariance() - spec.covariance).norm(), 0.06);
  EXPECT_EQ(data.points[5] - spec.mean, data.centered[5]);
}

// [SECTION] Runs

TEST(GaussianSgd, StepThatLeavesThePositiveDefiniteConeEndsTheRunWithoutNaN) {
  const GaussianSgdExperiment e = prepareExperiment(GaussianSpec{}, 3);
  const PrecisionRun run = runPrecisionSgd(e.data, e.starts[0], 5.0, 10000, 9);
  EXPECT_EQ(run.status, PrecisionRunStatus::NotPositiveDefinite);
  ASSERT_GT(run.failed_iteration, 0);
  EXPECT_EQ(run.message,
            "P not positive definite at iteration " + std::to_string(run.failed_iteration));
  EXPECT_EQ(run.size(), run.failed_iteration);  // iterates 0 .. k-1
  for (int k = 0; k < run.size(); ++k) {
    EXPECT_TRUE(std::isfinite(run.objective[k]));
    EXPECT_TRUE(isPositiveDefinite(run.precision[k]));
  }
  const PrecisionRun bad_start = runPrecisionSgd(e.data, Vec3(1, 2, 1), 1e-3, 10, 9);
  EXPECT_EQ(bad_start.failed_iteration, 0);
  EXPECT_EQ(bad_start.size(), 0);
}

TEST(GaussianSgd, RandomStartsAreSymmetricPositiveDefiniteWithConditionAtMostFour) {
  const GaussianData data = sampleGaussian(GaussianSpec{});
  const std::vector<Vec3> starts = randomStartPrecisions(data, 6, 42);
  ASSERT_EQ(starts.size(), 6u);
  const double scale = 2.0 / data.sampleCovariance().trace();
  for (const Vec3& p : starts) {
    ASSERT_TRUE(isPositiveDefinite(p));
    const Eigen::Vector2d eig =
        Eigen::SelfAdjointEigenSolver<Mat2>(precisionMatrix(p)).eigenvalues();
    EXPECT_GE(eig(0), 0.5 * scale - 1e-12);
    EXPECT_LE(eig(1), 2.0 * scale + 1e-12);
    EXPECT_LE(eig(1) / eig(0), 4.0 + 1e-12);
  }
}

TEST(GaussianSgd, EditingOneStepSizeChangesOnlyItsRow) {
  GaussianSgdConfig config;
  const GaussianSgdExperiment a = runExperiment(GaussianSpec{}, config);
  config.step_sizes[1] = 3e-4;
  const GaussianSgdExperiment b = runExperiment(GaussianSpec{}, config);
  for (int j = 0; j < 3; ++j) {
    EXPECT_EQ(a.run(0, j).precision, b.run(0, j).precision);
    EXPECT_EQ(a.run(2, j).precision, b.run(2, j).precision);
    EXPECT_NE(a.run(1, j).last(), b.run(1, j).last());
  }
}

TEST(GaussianSgd, ValidationNamesTheProblem) {
  GaussianSpec spec;
  spec.covariance << 1, 2, 2, 1;
  EXPECT_NE(spec.validate().find("positive definite"), std::string::npos);
  spec.covariance << 1, 0.5, 0.4, 1;
  EXPECT_NE(spec.validate().find("symmetric"), std::string::npos);
  GaussianSgdConfig config;
  config.step_sizes = {1e-3, 0};
  EXPECT_EQ(config.validate(), "step size 2 must be in (0, 10] (got 0)");
  config.step_sizes = {};
  EXPECT_NE(config.validate(), "");
}

// [SECTION] The homework experiment against the independent reference

struct Reference {
  std::map<std::string, std::vector<double>> records;  // key: first word (+ indices)
};

Reference readReference() {
  Reference ref;
  std::ifstream in(kReference);
  EXPECT_TRUE(in) << kReference;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream words(line);
    std::string kind, word;
    words >> kind;
    std::vector<double> numbers;
    std::string key = kind;
    while (words >> word) {
      char* end = nullptr;
      const double value = std::strtod(word.c_str(), &end);
      if (*end == '\0') numbers.push_back(value);
    }
    // Integer indices go into the key: sample i, run s j, objective s j k.
    const int index_count = kind == "sample" ? 1 : kind == "run" ? 2 : kind == "objective" ? 3 : 0;
    for (int i = 0; i < index_count; ++i) key += " " + std::to_string(static_cast<int>(numbers[i]));
    numbers.erase(numbers.begin(), numbers.begin() + index_count);
    ref.records[key] = numbers;
  }
  return ref;
}

TEST(GaussianSgd, NineRunExperimentMatchesTheIndependentReference) {
  const Reference ref = readReference();
  ASSERT_FALSE(ref.records.empty());
  const GaussianSgdExperiment e = homeworkExperiment();
  for (const int i : {0, 1, 999}) {
    const std::vector<double>& s = ref.records.at("sample " + std::to_string(i));
    expectClose(s[0], e.data.points[i](0), 1e-14, "sample x");
    expectClose(s[1], e.data.points[i](1), 1e-14, "sample y");
  }
  const std::vector<double>& ml = ref.records.at("ml_precision");
  for (int i = 0; i < 3; ++i) expectClose(ml[i], precisionEntries(e.ml_precision)(i), 1e-13, "ml");
  expectClose(ref.records.at("ml_objective")[0], e.ml_objective, 1e-12, "ml objective");

  const Mat2 truth = GaussianSpec{}.covariance.inverse();
  for (int s = 0; s < 3; ++s) {
    for (int j = 0; j < 3; ++j) {
      const std::string id = std::to_string(s) + " " + std::to_string(j);
      // eta, start (3), final (3), failed, error
      const std::vector<double>& r = ref.records.at("run " + id);
      const PrecisionRun& run = e.run(s, j);
      ASSERT_EQ(r[7], -1) << id;
      ASSERT_EQ(run.status, PrecisionRunStatus::Completed);
      for (int i = 0; i < 3; ++i) {
        expectClose(r[1 + i], e.starts[j](i), 1e-14, "start " + id);
        expectClose(r[4 + i], run.last()(i), 1e-11, "final " + id);
      }
      expectClose(r[8], squaredFrobeniusError(truth, precisionMatrix(run.last())), 1e-9,
                  "error " + id);
      for (const int k : {0, 1, 2, 10, 100, 1000, 5000, 9999, 10000})
        expectClose(ref.records.at("objective " + id + " " + std::to_string(k))[0],
                    run.objective[k], 1e-11, "objective " + id + " at " + std::to_string(k));
    }
  }
}

TEST(GaussianSgd, SameSeedGivesBitIdenticalErrorTable) {
  const GaussianSgdExperiment a = homeworkExperiment();
  const GaussianSgdExperiment b = homeworkExperiment();
  ASSERT_EQ(a.runs.size(), b.runs.size());
  for (std::size_t i = 0; i < a.runs.size(); ++i) {
    EXPECT_EQ(a.runs[i].last(), b.runs[i].last());
    EXPECT_EQ(a.runs[i].objective, b.runs[i].objective);
  }
  GaussianSpec other;
  other.seed = 2;
  EXPECT_NE(runExperiment(other, GaussianSgdConfig{}).runs[0].last(), a.runs[0].last());
}

}  // namespace
}  // namespace gradlab
