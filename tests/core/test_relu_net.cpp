// core/relu_net.h: gradients against finite differences and PyTorch, dead units under ReLU and
// leaky ReLU, reproducible training, data bends, and EXERCISES E1's four cases.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <limits>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "core/relu_net.h"

namespace gradlab {
namespace {

// tests/data/relu_net/reference.txt: "name v1 v2 ..." per line (make_relu_net_reference.py).
std::map<std::string, std::vector<double>> readReference() {
  std::map<std::string, std::vector<double>> out;
  std::ifstream in(std::string(GRADLAB_TEST_DATA_DIR) + "/relu_net/reference.txt");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream words(line);
    std::string name;
    words >> name;
    double v;
    while (words >> v) out[name].push_back(v);
  }
  return out;
}

VecX toVec(const std::vector<double>& v) {
  return Eigen::Map<const VecX>(v.data(), Eigen::Index(v.size()));
}

std::vector<int> allIndices(int n) {
  std::vector<int> batch;
  for (int i = 0; i < n; ++i) batch.push_back(i);
  return batch;
}

void expectNear(const VecX& got, const std::vector<double>& want, double tol) {
  ASSERT_EQ(got.size(), Eigen::Index(want.size()));
  for (Eigen::Index i = 0; i < got.size(); ++i)
    EXPECT_NEAR(got(i), want[std::size_t(i)], tol * (1 + std::abs(want[std::size_t(i)])))
        << "coordinate " << i;
}

TEST(ReluNet, GradientMatchesCentralDifferences) {
  const Samples data = makeDataSet(DataSet::NoisyCubic, 40, 3);
  const VecX params = initReluNet(12, 2, -2, 2, 7);
  for (const bool leaky : {false, true}) {
    const NetActivation act{leaky, 0.2};
    ReluNetEvaluator eval;
    const std::vector<int> batch = {0, 5, 5, 17, 33, 39};
    VecX grad;
    eval.lossAndGradient(params, act, data, batch, grad);
    const double h = 1e-6;
    for (Eigen::Index k = 0; k < params.size(); ++k) {
      VecX plus = params, minus = params, g;
      plus(k) += h;
      minus(k) -= h;
      const double fd = (eval.lossAndGradient(plus, act, data, batch, g) -
                         eval.lossAndGradient(minus, act, data, batch, g)) /
                        (2 * h);
      EXPECT_NEAR(grad(k), fd, 1e-6 * (1 + std::abs(fd)))
          << "parameter " << k << " leaky " << leaky;
    }
  }
}

TEST(ReluNet, LossAndGradientMatchPyTorch) {
  auto ref = readReference();
  ASSERT_FALSE(ref.empty()) << "missing tests/data/relu_net/reference.txt";
  const VecX params = toVec(ref["params"]);
  const Samples data{ref["xs"], ref["ys"]};
  std::vector<int> batch;
  for (const double i : ref["batch"]) batch.push_back(int(i));
  ReluNetEvaluator eval;
  for (const std::string name : {"relu", "leaky"}) {
    const NetActivation act{name == "leaky", ref["alpha"][0]};
    VecX grad;
    EXPECT_NEAR(eval.lossAndGradient(params, act, data, allIndices(data.size()), grad),
                ref[name + "_loss_all"][0], 1e-13);
    expectNear(grad, ref[name + "_grad_all"], 1e-13);
    EXPECT_NEAR(eval.loss(params, act, data), ref[name + "_loss_all"][0], 1e-13);
    EXPECT_NEAR(eval.lossAndGradient(params, act, data, batch, grad), ref[name + "_loss_batch"][0],
                1e-13);
    expectNear(grad, ref[name + "_grad_batch"], 1e-13);
  }
}

TEST(ReluNet, FullBatchSgdAndAdamStepsMatchPyTorch) {
  auto ref = readReference();
  ASSERT_FALSE(ref.empty());
  const Samples data{ref["xs"], ref["ys"]};
  TrainSettings sgd;
  sgd.lr = 0.1;
  sgd.batch_size = data.size();
  ReluNetTrainer relu(data, toVec(ref["params"]), sgd, NetActivation{false, 0});
  TrainSettings adam = sgd;
  adam.optimizer = NetOptimizer::Adam;
  adam.lr = 0.05;
  ReluNetTrainer leaky(data, toVec(ref["params"]), adam, NetActivation{true, ref["alpha"][0]});
  for (int k = 1; k <= 5; ++k) {
    ASSERT_TRUE(relu.step());
    ASSERT_TRUE(leaky.step());
    // The batch is every point in shuffled order: only the summation order differs from torch.
    expectNear(relu.params(), ref["relu_sgd_0.1_step" + std::to_string(k)], 1e-12);
    expectNear(leaky.params(), ref["leaky_adam_0.05_step" + std::to_string(k)], 1e-12);
  }
}

// The vectorized ReLU / leaky ReLU array paths the network uses agree bit for bit with the
// scalar definitions at the awkward inputs too (-0, NaN, infinities).
TEST(ReluNet, VectorizedActivationsMatchTheScalarOnes) {
  const double nan = std::numeric_limits<double>::quiet_NaN(), inf = 1.0 / 0.0;
  Eigen::ArrayXd x(7);
  x << -0.0, 0.0, nan, inf, -inf, -2.5, 3;
  for (const Activation a : {Activation::Relu, Activation::LeakyRelu}) {
    Eigen::ArrayXd f(7), df(7), in_place = x;
    activationValuesAndSlopes(a, 0.1, x, f, df);
    activationValues(a, 0.1, in_place, in_place);
    for (int i = 0; i < 7; ++i) {
      const ActivationValue v = activationEval(a, x[i], 0.1);
      EXPECT_EQ(std::isnan(f[i]), std::isnan(v.f)) << i;
      if (!std::isnan(v.f)) {
        EXPECT_EQ(f[i], v.f) << i;
        EXPECT_EQ(std::signbit(f[i]), std::signbit(v.f)) << i;
        EXPECT_EQ(in_place[i], v.f) << i;
      }
      EXPECT_EQ(df[i], v.d1) << i;
    }
  }
}

TEST(ReluNet, ElbowsAreMinusBOverA) {
  VecX params(7);
  params << 2, 0, -0.5, 1, 3, 0.4, 0;  // a = (2, 0), b = (-0.5, 1), u = (3, 0.4), c = 0
  EXPECT_DOUBLE_EQ(elbowOf(params, 0), 0.25);
  EXPECT_TRUE(std::isnan(elbowOf(params, 1)));
}

TEST(ReluNet, DeadReluUnitIsBitForBitUnchangedAfter1000SgdSteps) {
  const Samples data = makeDataSet(DataSet::Sine, 200, 1);
  const VecX start = initReluNet(8, 3, kDataXMin, kDataXMax, 5);
  const std::vector<bool> dead = deadUnits(start, data);
  ASSERT_EQ(deadUnitCount(start, data), 3);
  for (const NetOptimizer optimizer : {NetOptimizer::Sgd, NetOptimizer::Adam}) {
    TrainSettings settings;
    settings.optimizer = optimizer;
    settings.lr = optimizer == NetOptimizer::Sgd ? 0.05 : 0.01;
    ReluNetTrainer trainer(data, start, settings, NetActivation{false, 0.1});
    ASSERT_EQ(trainer.steps(1000), 1000);
    const int p = 8;
    int live_changed = 0;
    for (int j = 0; j < p; ++j) {
      const bool same = trainer.params()(j) == start(j) &&
                        trainer.params()(p + j) == start(p + j) &&
                        trainer.params()(2 * p + j) == start(2 * p + j);
      if (dead[std::size_t(j)])
        EXPECT_TRUE(same) << "dead unit " << j << " moved";
      else
        live_changed += !same;
    }
    EXPECT_EQ(live_changed, p - 3);
    EXPECT_LT(trainer.loss(), ReluNetEvaluator().loss(start, NetActivation{false, 0}, data));
  }
}

TEST(ReluNet, LeakyReluMovesAndRevivesDeadUnits) {
  const Samples data = makeDataSet(DataSet::Sine, 200, 1);
  const VecX start = initReluNet(6, 3, kDataXMin, kDataXMax, 5);
  ReluNetTrainer trainer(data, start, TrainSettings{}, NetActivation{false, 0.1});
  trainer.steps(2000);
  EXPECT_EQ(deadUnitCount(trainer.params(), data), 3);
  EXPECT_GT(trainer.loss(), 0.1);  // three live units cannot fit sin(2x)
  // Switched mid-training (E3): every dead unit's parameters move at once.
  trainer.setActivation(NetActivation{true, 0.1});
  const VecX before = trainer.params();
  trainer.step();
  for (int j = 3; j < 6; ++j) EXPECT_NE(trainer.params()(j), before(j)) << "unit " << j;
  trainer.steps(3000);
  EXPECT_EQ(deadUnitCount(trainer.params(), data), 1);
  EXPECT_LT(trainer.loss(), 0.01);
}

TEST(ReluNet, TrainingIsReproducibleForASeed) {
  const Samples data = makeDataSet(DataSet::NoisyCubic, 200, 9);
  const VecX start = initReluNet(16, 0, -2, 2, 4);
  TrainSettings settings;
  settings.batch_size = 7;
  ReluNetTrainer one(data, start, settings, NetActivation{true, 0.05});
  ReluNetTrainer two(data, start, settings, NetActivation{true, 0.05});
  one.steps(500);
  two.steps(500);
  EXPECT_TRUE(one.params() == two.params());
  settings.seed = 2;
  ReluNetTrainer other(data, start, settings, NetActivation{true, 0.05});
  other.steps(500);
  EXPECT_FALSE(one.params() == other.params());
  EXPECT_TRUE(makeDataSet(DataSet::NoisyCubic, 50, 3).ys ==
              makeDataSet(DataSet::NoisyCubic, 50, 3).ys);
}

TEST(ReluNet, InitializationIsSeededAndPlacesDeadUnitsBeyondTheData) {
  EXPECT_TRUE(initReluNet(10, 2, -2, 2, 1) == initReluNet(10, 2, -2, 2, 1));
  EXPECT_FALSE(initReluNet(10, 2, -2, 2, 1) == initReluNet(10, 2, -2, 2, 2));
  const VecX params = initReluNet(10, 0, -2, 2, 1);
  for (int j = 0; j < 10; ++j) {
    EXPECT_GE(elbowOf(params, j), -2);
    EXPECT_LE(elbowOf(params, j), 2);
  }
}

TEST(ReluNet, DataBendsFindTheTargetsKinks) {
  const std::vector<double> abs_bends = dataSetBends(DataSet::Abs, {});
  ASSERT_EQ(abs_bends.size(), 1u);
  EXPECT_NEAR(abs_bends[0], 0, 1e-12);
  const std::vector<double> step_bends = dataSetBends(DataSet::Step, {});
  ASSERT_EQ(step_bends.size(), 1u);  // the jump's two spikes merged
  EXPECT_NEAR(step_bends[0], 0, 0.011);
  // sin(2x) on [-2, 2] bends most at its extremes x = +-pi/4.
  const std::vector<double> sine = dataSetBends(DataSet::Sine, {});
  ASSERT_EQ(sine.size(), 2u);
  EXPECT_NEAR(std::abs(sine[0]), 0.7853981633974483, 0.011);
  EXPECT_NEAR(std::abs(sine[1]), 0.7853981633974483, 0.011);
  // User points, unsorted: a kink at x = 1.
  const Samples user{{3, 0, 1, 2, -1}, {2, 0, 0, 1, 0}};
  const std::vector<double> user_bends = dataSetBends(DataSet::User, user);
  ASSERT_EQ(user_bends.size(), 1u);
  EXPECT_EQ(user_bends[0], 1);
}

TEST(ReluNet, SettingsAreValidated) {
  TrainSettings s;
  EXPECT_EQ(s.validate(200), "");
  s.batch_size = 300;
  EXPECT_NE(s.validate(200), "");
  s.batch_size = 1;
  s.lr = 0;
  EXPECT_NE(s.validate(200), "");
  EXPECT_NE((NetActivation{true, 2}.validate()), "");
}

// [SECTION] E1: every case moves as computed by hand from the formulas of EXERCISES E1.

TEST(ReluUnitE1, GradientFormulas) {
  const UnitGradient g = unitGradient(UnitPoint{2, -1, 1.5, 0.5});  // z = 2, phi = 2
  EXPECT_TRUE(g.active);
  EXPECT_DOUBLE_EQ(g.phi, 2);
  EXPECT_DOUBLE_EQ(g.loss, 1.125);
  EXPECT_DOUBLE_EQ(g.dl_dphi, 1.5);
  EXPECT_DOUBLE_EQ(g.dl_dw, 2.25);
  EXPECT_DOUBLE_EQ(g.dl_db, 1.5);
}

TEST(ReluUnitE1, EveryCaseHasPhiMinusYOneWhenActive) {
  for (int c = 1; c < kUnitCaseCount; ++c) EXPECT_DOUBLE_EQ(unitGradient(unitCase(c)).dl_dphi, 1);
  EXPECT_EQ(unitGradient(unitCase(0)).phi, 0);
}

TEST(ReluUnitE1, CaseOnePhiZeroNothingMoves) {
  const UnitStep s = unitSgdStep(unitCase(0), 0.1);
  EXPECT_EQ(s.after.w, s.before.w);
  EXPECT_EQ(s.after.b, s.before.b);
  EXPECT_EQ(s.elbow_change(), 0);
}

TEST(ReluUnitE1, CaseTwoSlopeDecreases) {
  const UnitPoint p = unitCase(1);
  ASSERT_GT(p.w, 0);
  ASSERT_GT(p.x, 0);
  const UnitStep s = unitSgdStep(p, 0.1);
  EXPECT_DOUBLE_EQ(s.slope_change(), -0.1 * p.x);
  EXPECT_LT(s.slope_change(), 0);
  // Elbow change lr (w - b x) / (w w'): here (1 - 0.5) > 0, to the right.
  EXPECT_NEAR(s.elbow_change(), 0.1 * (p.w - p.b * p.x) / (p.w * s.after.w), 1e-15);
  EXPECT_GT(s.elbow_change(), 0);
}

TEST(ReluUnitE1, CaseThreeSlopeIncreasesAndElbowMovesTowardsX) {
  const UnitPoint p = unitCase(2);
  ASSERT_GT(p.w, 0);
  ASSERT_LT(p.x, 0);
  for (const double lr : {0.01, 0.1, 0.3}) {
    const UnitStep s = unitSgdStep(p, lr);
    EXPECT_GT(s.slope_change(), 0);
    // EXERCISES E1 (iii) says "the elbow moves left"; -b/w in fact grows by
    // lr (w + b |x|) / (w w') > 0 (w > 0 and b > w |x| > 0): it moves right, towards x.
    EXPECT_NEAR(s.elbow_change(), lr * (p.w + p.b * std::abs(p.x)) / (p.w * s.after.w), 1e-15);
    EXPECT_GT(s.elbow_change(), 0);
    EXPECT_LT(s.elbow_after, p.x);
  }
}

TEST(ReluUnitE1, CaseFourSlopeSteeperAndElbowMovesLeft) {
  const UnitPoint p = unitCase(3);
  ASSERT_LT(p.w, 0);
  ASSERT_GT(p.x, 0);
  const UnitStep s = unitSgdStep(p, 0.1);
  EXPECT_GT(std::abs(s.after.w), std::abs(p.w));
  EXPECT_LT(s.elbow_change(), 0);
  EXPECT_GT(s.elbow_after, p.x);
  EXPECT_DOUBLE_EQ(s.elbow_after, 1.9 / 1.1);
}

}  // namespace
}  // namespace gradlab
