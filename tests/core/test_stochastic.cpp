// Tests of the n-D path: the step-rule templates on dynamic-size vectors (bit-identical to Vec2),
// the mini-batch sampler's documented order, least squares, runStochastic's statuses, and
// mini-batch trajectories of every first-order method against PyTorch
// (tests/data/torch_nd/, written by tests/data/make_torch_reference.py; no PyTorch needed here).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/optimizers.h"
#include "core/run.h"
#include "core/stochastic.h"
#include "optim_test_objectives.h"
#include "torch_reference.h"

namespace gradlab {
namespace {

const std::filesystem::path kNdDir = std::filesystem::path(GRADLAB_TEST_DATA_DIR) / "torch_nd";

// [SECTION] Dynamic-size step rules against the fixed-size 2-D path

// Steps both paths on two-bumps' gradient at the Vec2 iterate and requires every iterate and
// every state vector to be bit-identical (so the gradient is the same for both).
template <class Step>
void expectSameAsVec2(const char* what, Step step) {
  SCOPED_TRACE(what);
  const ObjectivePtr f = testing_objectives::builtin("two-bumps");
  ASSERT_TRUE(f);
  Vec2 w2(0.5, 0.2);
  VecX wx(2);
  wx << 0.5, 0.2;
  for (int k = 0; k < 60; ++k) {
    Vec2 g;
    f->valueAndGradient(w2, g);
    const VecX gx = g;
    step(w2, wx, g, gx);
    ASSERT_EQ(wx.size(), 2);
    ASSERT_EQ(wx(0), w2(0)) << "step " << k;
    ASSERT_EQ(wx(1), w2(1)) << "step " << k;
  }
}

void expectSameVector(const Vec2& a, const VecX& b) {
  ASSERT_EQ(b.size(), 2);
  EXPECT_EQ(b(0), a(0));
  EXPECT_EQ(b(1), a(1));
}

TEST(DynamicStepRules, EveryFirstOrderRuleMatchesTheVec2PathBitForBit) {
  // The two torch reference settings of each rule on two-bumps (maximized).
  for (const bool second : {false, true}) {
    SgdParams sgd;
    sgd.maximize = true;
    const double sgd_lr = second ? 0.05 : 0.1;
    expectSameAsVec2("gd", [&, s2 = SgdState{}, sx = SgdStateT<VecX>{}](
                               Vec2& w2, VecX& wx, const Vec2& g, const VecX& gx) mutable {
      w2 = sgdStep(sgd, sgd_lr, s2, w2, g);
      wx = sgdStep(sgd, sgd_lr, sx, wx, gx);
      expectSameVector(s2.direction, sx.direction);
    });
    SgdParams momentum = sgd;
    momentum.momentum = second ? 0.5 : 0.9;
    momentum.dampening = second ? 0.2 : 0;
    momentum.weight_decay = second ? 0.01 : 0;
    expectSameAsVec2("momentum", [&, s2 = SgdState{}, sx = SgdStateT<VecX>{}](
                                     Vec2& w2, VecX& wx, const Vec2& g, const VecX& gx) mutable {
      w2 = sgdStep(momentum, sgd_lr, s2, w2, g);
      wx = sgdStep(momentum, sgd_lr, sx, wx, gx);
      expectSameVector(s2.momentum_buffer, sx.momentum_buffer);
    });
    SgdParams nesterov = sgd;
    nesterov.momentum = second ? 0.6 : 0.9;
    nesterov.nesterov = true;
    nesterov.weight_decay = second ? 0.01 : 0;
    expectSameAsVec2("nesterov", [&, s2 = SgdState{}, sx = SgdStateT<VecX>{}](
                                     Vec2& w2, VecX& wx, const Vec2& g, const VecX& gx) mutable {
      w2 = sgdStep(nesterov, sgd_lr, s2, w2, g);
      wx = sgdStep(nesterov, sgd_lr, sx, wx, gx);
    });
    AdagradParams adagrad;
    adagrad.maximize = true;
    double adagrad_lr = 1e-2;
    if (second) {
      adagrad_lr = 0.5;
      adagrad.lr_decay = 0.05;
      adagrad.initial_accumulator_value = 0.1;
      adagrad.eps = 1e-6;
      adagrad.weight_decay = 0.01;
    }
    expectSameAsVec2("adagrad", [&, s2 = AdagradState{}, sx = AdagradStateT<VecX>{}](
                                    Vec2& w2, VecX& wx, const Vec2& g, const VecX& gx) mutable {
      w2 = adagradStep(adagrad, adagrad_lr, s2, w2, g);
      wx = adagradStep(adagrad, adagrad_lr, sx, wx, gx);
      expectSameVector(s2.sum, sx.sum);
    });
    RmspropParams rmsprop;
    rmsprop.maximize = true;
    double rmsprop_lr = 1e-2;
    if (second) {
      rmsprop_lr = 0.05;
      rmsprop.alpha = 0.9;
      rmsprop.eps = 1e-6;
      rmsprop.momentum = 0.5;
      rmsprop.centered = true;
      rmsprop.weight_decay = 0.01;
    }
    expectSameAsVec2("rmsprop", [&, s2 = RmspropState{}, sx = RmspropStateT<VecX>{}](
                                    Vec2& w2, VecX& wx, const Vec2& g, const VecX& gx) mutable {
      w2 = rmspropStep(rmsprop, rmsprop_lr, s2, w2, g);
      wx = rmspropStep(rmsprop, rmsprop_lr, sx, wx, gx);
      expectSameVector(s2.square_avg, sx.square_avg);
      expectSameVector(s2.grad_avg, sx.grad_avg);
      expectSameVector(s2.momentum_buffer, sx.momentum_buffer);
    });
    for (const bool amsgrad : {false, true}) {
      AdamParams adam;
      adam.maximize = true;
      adam.amsgrad = amsgrad;
      double adam_lr = 0.05;
      if (second) {
        adam_lr = 0.1;
        adam.beta1 = 0.8;
        adam.beta2 = 0.99;
        adam.eps = 1e-6;
        adam.weight_decay = 0.01;
      }
      expectSameAsVec2(amsgrad ? "amsgrad" : "adam",
                       [&, s2 = AdamState{}, sx = AdamStateT<VecX>{}](
                           Vec2& w2, VecX& wx, const Vec2& g, const VecX& gx) mutable {
                         w2 = adamStep(adam, adam_lr, s2, w2, g);
                         wx = adamStep(adam, adam_lr, sx, wx, gx);
                         EXPECT_EQ(s2.t, sx.t);
                         expectSameVector(s2.m, sx.m);
                         expectSameVector(s2.v, sx.v);
                         expectSameVector(s2.v_max, sx.v_max);
                       });
    }
  }
}

TEST(DynamicStepRules, StatesStartEmptyAndSizeThemselvesOnTheFirstStep) {
  AdamStateT<VecX> adam;
  EXPECT_EQ(adam.m.size(), 0);
  AdamParams p;
  const VecX w = VecX::Ones(5);
  VecX g(5);
  g << 3, -0.002, 1, -1, 0.5;
  const VecX next = adamStep(p, 0.1, adam, w, g);
  ASSERT_EQ(next.size(), 5);
  ASSERT_EQ(adam.m.size(), 5);
  ASSERT_EQ(adam.v_max.size(), 5);
  EXPECT_NEAR(next(0), 0.9, 1e-9);  // the first Adam step moves every coordinate by lr
  EXPECT_NEAR(next(1), 1.1, 1e-6);
  EXPECT_EQ(adam.m(0), (1 - p.beta1) * 3);

  AdagradParams ap;
  ap.initial_accumulator_value = 0.25;
  AdagradStateT<VecX> adagrad;
  adagradStep(ap, 1e-2, adagrad, w, VecX::Zero(5));
  EXPECT_EQ(adagrad.sum, VecX::Constant(5, 0.25));

  RmspropParams rp;
  rp.momentum = 0.5;
  rp.centered = true;
  RmspropStateT<VecX> rmsprop;
  rmspropStep(rp, 1e-2, rmsprop, w, g);
  EXPECT_EQ(rmsprop.square_avg.size(), 5);
  EXPECT_EQ(rmsprop.grad_avg.size(), 5);
  EXPECT_EQ(rmsprop.momentum_buffer.size(), 5);

  SgdParams sp;
  sp.momentum = 0.9;
  SgdStateT<VecX> sgd;
  sgdStep(sp, 0.1, sgd, w, g);
  EXPECT_EQ(sgd.momentum_buffer, g);  // torch: the first buffer is a copy of the gradient
}

// [SECTION] Mini-batch sampler

TEST(MiniBatchSampler, EveryEpochIsAPermutationCutInOrder) {
  SamplerConfig config;
  config.batch_size = 4;
  config.seed = 123;
  MiniBatchSampler sampler(config, 10);  // batches of 4, 4, 2 per epoch
  for (int epoch = 1; epoch <= 3; ++epoch) {
    std::vector<int> seen;
    for (const std::size_t expected : {4u, 4u, 2u}) {
      const std::vector<int>& batch = sampler.next();
      EXPECT_EQ(batch.size(), expected);
      EXPECT_EQ(sampler.epoch(), epoch);
      seen.insert(seen.end(), batch.begin(), batch.end());
    }
    std::sort(seen.begin(), seen.end());
    for (int i = 0; i < 10; ++i) EXPECT_EQ(seen[static_cast<std::size_t>(i)], i);
  }
}

TEST(MiniBatchSampler, TheSeedFixesTheSequence) {
  SamplerConfig a;
  a.batch_size = 3;
  a.seed = 42;
  SamplerConfig b = a;
  b.seed = 43;
  MiniBatchSampler s1(a, 30), s2(a, 30), s3(b, 30);
  bool differs = false;
  for (int k = 0; k < 25; ++k) {
    const std::vector<int> x = s1.next();
    EXPECT_EQ(x, s2.next());
    differs = differs || x != s3.next();
  }
  EXPECT_TRUE(differs);
  EXPECT_EQ(a.validate(30), "");
  a.batch_size = 31;
  EXPECT_EQ(a.validate(30), "batch size must be in [1, 30] (got 31)");
  a.batch_size = 0;
  EXPECT_NE(a.validate(30), "");
}

// The committed index sequence was computed in Python from the documented algorithm (with a
// Python std::mt19937_64 checked against the standard's 10000th value and libstdc++'s first
// outputs): the C++ sampler must give exactly the same batches, so the torch references below
// used gradlab's own mini-batches.
TEST(MiniBatchSampler, MatchesTheCommittedSequenceOfTheTorchReference) {
  std::ifstream in(kNdDir / "least_squares_batches.csv");
  std::string header;
  std::getline(in, header);
  std::map<std::string, std::string> meta;
  std::istringstream words(header.substr(2));
  for (std::string word; words >> word;) {
    const auto eq = word.find('=');
    if (eq != std::string::npos) meta[word.substr(0, eq)] = word.substr(eq + 1);
  }
  ASSERT_EQ(meta.count("seed"), 1u) << header;
  SamplerConfig config;
  config.seed = std::stoull(meta.at("seed"));
  config.batch_size = std::stoi(meta.at("batch_size"));
  const int samples = std::stoi(meta.at("samples"));
  const std::size_t steps = std::stoul(meta.at("steps"));
  std::vector<std::vector<int>> expected;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == 's') continue;  // the "step,i0,..." line
    std::istringstream cells(line);
    std::string cell;
    std::getline(cells, cell, ',');  // step
    std::vector<int> batch;
    while (std::getline(cells, cell, ',')) batch.push_back(std::stoi(cell));
    expected.push_back(batch);
  }
  ASSERT_EQ(expected.size(), steps);
  MiniBatchSampler sampler(config, samples);
  for (std::size_t k = 0; k < steps; ++k) EXPECT_EQ(sampler.next(), expected[k]) << "step " << k;
}

// [SECTION] Least squares

LeastSquaresProblem committedLeastSquares() {
  std::ifstream in(kNdDir / "least_squares_data.csv");
  std::vector<std::vector<double>> rows;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#' || line[0] == 'f') continue;
    std::vector<double> row;
    std::istringstream cells(line);
    for (std::string cell; std::getline(cells, cell, ',');) row.push_back(std::stod(cell));
    rows.push_back(row);
  }
  const Eigen::Index n = rows.empty() ? 1 : static_cast<Eigen::Index>(rows[0].size()) - 1;
  MatX f(static_cast<Eigen::Index>(rows.size()), n);
  VecX y(static_cast<Eigen::Index>(rows.size()));
  for (Eigen::Index i = 0; i < f.rows(); ++i) {
    for (Eigen::Index j = 0; j < n; ++j) f(i, j) = rows[static_cast<std::size_t>(i)][j];
    y(i) = rows[static_cast<std::size_t>(i)][static_cast<std::size_t>(n)];
  }
  return LeastSquaresProblem(f, y);
}

TEST(LeastSquares, BatchLossIsTheMeanOfHalfSquaredResidualsAndItsGradientIsExact) {
  const LeastSquaresProblem p = committedLeastSquares();
  ASSERT_EQ(p.sampleCount(), 40);
  ASSERT_EQ(p.dimension(), 10);
  VecX w(10);
  for (int j = 0; j < 10; ++j) w(j) = 0.3 * j - 1;
  std::vector<int> all(40);
  for (int i = 0; i < 40; ++i) all[static_cast<std::size_t>(i)] = i;
  VecX g;
  EXPECT_NEAR(p.batchLossAndGradient(w, all, g), p.loss(w), 1e-13 * p.loss(w));
  const VecX full = p.features().transpose() * (p.features() * w - p.targets()) / 40.0;
  EXPECT_LT((g - full).norm(), 1e-13 * full.norm());
  // A batch: ||F_S w - y_S||^2 / (2 |S|), and central differences of it.
  const std::vector<int> batch = {3, 17, 17, 0};
  double expected = 0;
  for (const int i : batch) {
    const double r = p.features().row(i).dot(w) - p.targets()(i);
    expected += r * r / 8;
  }
  EXPECT_NEAR(p.batchLossAndGradient(w, batch, g), expected, 1e-13 * expected);
  for (int j = 0; j < 10; ++j) {
    VecX a = w, b = w, unused;
    a(j) += 1e-6;
    b(j) -= 1e-6;
    const double fd =
        (p.batchLossAndGradient(a, batch, unused) - p.batchLossAndGradient(b, batch, unused)) /
        2e-6;
    EXPECT_NEAR(g(j), fd, 1e-6 * std::max(1.0, std::abs(fd))) << j;
  }
}

// [SECTION] Stochastic runs

StochasticConfig stochasticConfig(Method method, double lr, int batch_size) {
  StochasticConfig c;
  c.method = defaultRunConfig(method);
  c.method.step_size = lr;
  c.sampler.batch_size = batch_size;
  c.sampler.seed = 1;
  return c;
}

TEST(RunStochastic, FullBatchGradientDescentIsPlainGradientDescent) {
  const LeastSquaresProblem p = committedLeastSquares();
  const StochasticConfig c = stochasticConfig(Method::GradientDescent, 0.2, 40);
  const VecX start = VecX::Zero(10);
  const StochasticTrajectory t = runStochastic(p, c, start, 20);
  ASSERT_EQ(t.status, RunStatus::MaxIterations) << t.message;
  ASSERT_EQ(t.size(), 21);
  EXPECT_EQ(t.status_iteration, 20);
  EXPECT_NE(t.message.find("ran 20 steps"), std::string::npos) << t.message;
  VecX w = start;
  for (int k = 0; k <= 20; ++k) {
    EXPECT_LT((t.w(k) - w).norm(), 1e-12 * std::max(1.0, w.norm())) << k;
    EXPECT_NEAR(t.loss[static_cast<std::size_t>(k)], p.loss(w), 1e-12 * p.loss(w));
    w -= 0.2 * p.features().transpose() * (p.features() * w - p.targets()) / 40.0;
  }
  EXPECT_LT(t.loss.back(), 0.2 * t.loss.front());
}

TEST(RunStochastic, ADivergingRunSaysSoWithAHint) {
  const LeastSquaresProblem p = committedLeastSquares();
  const StochasticConfig c = stochasticConfig(Method::GradientDescent, 50, 4);
  const StochasticTrajectory t = runStochastic(p, c, VecX::Ones(10), 1000);
  ASSERT_EQ(t.status, RunStatus::Diverged);
  EXPECT_GT(t.status_iteration, 0);
  EXPECT_LT(t.status_iteration, 1000);
  EXPECT_EQ(t.size(), t.status_iteration + 1);
  EXPECT_EQ(t.message.rfind("diverged at step " + std::to_string(t.status_iteration), 0), 0u)
      << t.message;
  EXPECT_NE(t.hint.find("lower the step size"), std::string::npos);

  // A non-finite loss at the start is the start's fault, not the step size's.
  VecX bad = VecX::Ones(10);
  bad(3) = std::numeric_limits<double>::quiet_NaN();
  const StochasticTrajectory s = runStochastic(p, c, bad, 10);
  EXPECT_EQ(s.status, RunStatus::Diverged);
  EXPECT_EQ(s.status_iteration, 0);
  EXPECT_EQ(s.message, "the loss is not finite at the start");
}

TEST(RunStochastic, InvalidConfigsAreReportedNotRun) {
  const LeastSquaresProblem p = committedLeastSquares();
  StochasticConfig c = stochasticConfig(Method::Newton, 1, 8);
  StochasticTrajectory t = runStochastic(p, c, VecX::Zero(10), 10);
  EXPECT_EQ(t.status, RunStatus::InvalidConfig);
  EXPECT_EQ(t.size(), 1);
  EXPECT_NE(t.message.find("not available with mini-batch gradients"), std::string::npos);
  c = stochasticConfig(Method::Adam, 0.1, 41);
  t = runStochastic(p, c, VecX::Zero(10), 10);
  EXPECT_EQ(t.status, RunStatus::InvalidConfig);
  EXPECT_EQ(t.message, "batch size must be in [1, 40] (got 41)");
  c = stochasticConfig(Method::Adam, -1, 8);
  EXPECT_EQ(runStochastic(p, c, VecX::Zero(10), 10).status, RunStatus::InvalidConfig);
  c = stochasticConfig(Method::Adam, 0.1, 8);
  t = runStochastic(p, c, VecX::Zero(3), 10);
  EXPECT_EQ(t.status, RunStatus::InvalidConfig);
  EXPECT_EQ(t.size(), 0);
  EXPECT_EQ(t.message, "the start has 3 parameters, the problem 10");
  for (const Method m : {Method::GradientDescentArmijo, Method::DampedNewton, Method::Lbfgs})
    EXPECT_FALSE(supportsStochastic(m));
}

// [SECTION] PyTorch reference: mini-batch least squares with 10 parameters

TEST(TorchReferenceND, EveryFirstOrderMethodMatchesPyTorchOnMiniBatchLeastSquares) {
  ASSERT_TRUE(std::filesystem::is_directory(kNdDir)) << kNdDir;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(kNdDir)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("least_squares__", 0) == 0) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  const LeastSquaresProblem problem = committedLeastSquares();
  ASSERT_EQ(problem.dimension(), 10);

  std::set<std::string> methods;
  for (const auto& path : files) {
    const torch_reference::Reference ref = torch_reference::readReference(path);
    SCOPED_TRACE(ref.file);
    ASSERT_EQ(ref.rows.size(), 51u);
    std::string unknown;
    StochasticConfig config;
    config.method = torch_reference::configFor(ref, &unknown, {"seed", "batch_size"});
    ASSERT_EQ(unknown, "") << "unknown hyperparameter in the CSV header";
    config.sampler.seed = std::stoull(ref.meta.at("seed"));
    config.sampler.batch_size = std::stoi(ref.meta.at("batch_size"));
    ASSERT_EQ(config.validate(problem.sampleCount()), "");
    VecX start(10);
    for (int j = 0; j < 10; ++j) start(j) = ref.rows[0][static_cast<std::size_t>(2 + j)];
    const StochasticTrajectory t =
        runStochastic(problem, config, start, static_cast<int>(ref.rows.size()) - 1);
    ASSERT_EQ(t.status, RunStatus::MaxIterations) << t.message;
    ASSERT_EQ(static_cast<std::size_t>(t.size()), ref.rows.size());

    double w_scale = 0, loss_scale = 0;
    for (const auto& row : ref.rows) {
      loss_scale = std::max(loss_scale, std::abs(row[1]));
      for (std::size_t j = 2; j < row.size(); ++j) w_scale = std::max(w_scale, std::abs(row[j]));
    }
    int failures = 0;
    for (std::size_t k = 0; k < ref.rows.size() && failures < 3; ++k) {
      const auto& row = ref.rows[k];
      ASSERT_EQ(row.size(), 12u);
      bool ok = torch_reference::close(t.loss[k], row[1], 1e-9, 1e-6 * loss_scale);
      for (int j = 0; j < 10; ++j)
        ok = ok &&
             torch_reference::close(t.w(static_cast<int>(k))(j),
                                    row[static_cast<std::size_t>(2 + j)], 1e-9, 1e-6 * w_scale);
      if (!ok) {
        ++failures;
        ADD_FAILURE() << "iterate " << k << ": gradlab loss " << t.loss[k] << " w "
                      << t.w(static_cast<int>(k)).transpose() << "; torch loss " << row[1];
      }
    }
    methods.insert(ref.meta.at("method"));
  }
  EXPECT_EQ(methods, (std::set<std::string>{"gd", "momentum", "nesterov", "adagrad", "rmsprop",
                                            "adam", "amsgrad"}));
}

}  // namespace
}  // namespace gradlab
