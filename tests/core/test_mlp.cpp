// The fully connected network: forward pass against PyTorch (tests/data/make_mlp_reference.py),
// seeded initialization, exact kinks, linear-network verdicts and weight-space symmetries.
#include <gtest/gtest.h>

#include <Eigen/LU>
#include <Eigen/SVD>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/mlp.h"

namespace gradlab {
namespace {

// [SECTION] PyTorch's reference data

struct ReferenceNetwork {
  std::string name;
  Mlp net;
  Eigen::MatrixXd inputs, outputs;
};

struct TorchInit {
  int fan_in = 0;
  double max_abs_weight = 0, max_abs_bias = 0, weight_variance = 0;
};

Eigen::MatrixXd readMatrix(std::istream& in, int rows, int cols) {
  Eigen::MatrixXd m(rows, cols);
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < cols; ++c) in >> m(r, c);
  return m;
}

void readReference(std::vector<ReferenceNetwork>* networks, std::vector<TorchInit>* inits) {
  std::ifstream file(std::string(GRADLAB_TEST_DATA_DIR) + "/mlp/reference.txt");
  ASSERT_TRUE(file) << "tests/data/mlp/reference.txt is missing";
  std::string line;
  while (std::getline(file, line)) {
    std::istringstream in(line);
    std::string key;
    in >> key;
    if (key == "network") {
      ReferenceNetwork r;
      std::string activation;
      int bias = 0, activate_output = 0;
      in >> r.name >> activation >> r.net.activation_param >> bias >> activate_output;
      ASSERT_TRUE(activationFromName(activation, &r.net.activation)) << activation;
      r.net.bias = bias != 0;
      r.net.activate_output = activate_output != 0;
      networks->push_back(r);
    } else if (key == "weight") {
      int rows = 0, cols = 0;
      in >> rows >> cols;
      networks->back().net.weights.push_back(readMatrix(in, rows, cols));
    } else if (key == "bias") {
      int n = 0;
      in >> n;
      networks->back().net.biases.push_back(readMatrix(in, n, 1));
    } else if (key == "inputs" || key == "outputs") {
      int rows = 0, cols = 0;
      in >> rows >> cols;
      (key == "inputs" ? networks->back().inputs : networks->back().outputs) =
          readMatrix(in, rows, cols);
    } else if (key == "torch_init") {
      TorchInit t;
      in >> t.fan_in >> t.max_abs_weight >> t.max_abs_bias >> t.weight_variance;
      inits->push_back(t);
    }
  }
}

TEST(MlpTorchReference, ForwardPassMatchesPyTorchForEveryActivation) {
  std::vector<ReferenceNetwork> networks;
  std::vector<TorchInit> inits;
  readReference(&networks, &inits);
  ASSERT_EQ(networks.size(), 16u);
  std::vector<bool> seen(kActivationCount, false);
  for (const ReferenceNetwork& r : networks) {
    seen[std::size_t(r.net.activation)] = true;
    const Eigen::MatrixXd y = mlpForward(r.net, r.inputs);
    ASSERT_EQ(y.rows(), r.outputs.rows()) << r.name;
    ASSERT_EQ(y.cols(), r.outputs.cols()) << r.name;
    for (Eigen::Index k = 0; k < y.size(); ++k) {
      const double want = r.outputs(k);
      EXPECT_NEAR(y(k), want, 1e-12 * std::max(1.0, std::abs(want))) << r.name << " entry " << k;
    }
  }
  for (int a = 0; a < kActivationCount; ++a)
    EXPECT_TRUE(seen[std::size_t(a)]) << activationTable()[std::size_t(a)].name;
}

TEST(MlpTorchReference, TorchDefaultInitHasPyTorchsBoundsAndVariance) {
  std::vector<ReferenceNetwork> networks;
  std::vector<TorchInit> inits;
  readReference(&networks, &inits);
  ASSERT_EQ(inits.size(), 3u);
  for (const TorchInit& t : inits) {
    MlpSpec spec;
    spec.widths = {t.fan_in, 4000};
    spec.init = MlpInit::TorchDefault;
    spec.seed = 7;
    const Mlp net = initMlp(spec);
    const Eigen::ArrayXXd w = net.weights[0].array();
    const double bound = 1 / std::sqrt(double(t.fan_in));
    // PyTorch's measured maxima sit just under 1/sqrt(fan_in); ours must too.
    EXPECT_NEAR(t.max_abs_weight, bound, 1e-3 * bound);
    EXPECT_NEAR(t.max_abs_bias, bound, 2e-3 * bound);
    EXPECT_LE(w.abs().maxCoeff(), bound);
    EXPECT_NEAR(w.abs().maxCoeff(), t.max_abs_weight, 1e-3 * bound);
    EXPECT_LE(net.biases[0].cwiseAbs().maxCoeff(), bound);
    EXPECT_NEAR(net.biases[0].cwiseAbs().maxCoeff(), t.max_abs_bias, 2e-3 * bound);
    // Variance of U(-b, b) is b^2 / 3; both samples are within 3% of it and of each other.
    const double variance = (w - w.mean()).square().mean();
    EXPECT_NEAR(variance, bound * bound / 3, 0.03 * bound * bound / 3);
    EXPECT_NEAR(variance, t.weight_variance, 0.04 * t.weight_variance);
  }
}

// [SECTION] Initialization

TEST(MlpInit, SameSeedSameWeightsOtherSeedOtherWeights) {
  MlpSpec spec;
  const Mlp a = initMlp(spec), b = initMlp(spec);
  spec.seed = 2;
  const Mlp c = initMlp(spec);
  ASSERT_EQ(a.layers(), 3);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(a.weights[std::size_t(i)], b.weights[std::size_t(i)]);
    EXPECT_EQ(a.biases[std::size_t(i)], b.biases[std::size_t(i)]);
    EXPECT_NE(a.weights[std::size_t(i)], c.weights[std::size_t(i)]);
  }
}

TEST(MlpInit, SeededRandomIsPinnedByTheStandardEngine) {
  // mt19937_64's 10000th output with the default seed is fixed by the C++ standard; uniform()
  // keeps its top 53 bits, so this value is the same on every platform.
  SeededRandom r(5489u);
  double u = 0;
  for (int i = 0; i < 10000; ++i) u = r.uniform();
  EXPECT_EQ(u, double(9981545732273789042ull >> 11) * 0x1.0p-53);
}

TEST(MlpInit, StandardNormalHasMeanZeroAndUnitVariance) {
  MlpSpec spec;
  spec.widths = {200, 200};
  spec.bias = false;
  const Mlp net = initMlp(spec);
  const Eigen::ArrayXXd w = net.weights[0].array();
  EXPECT_NEAR(w.mean(), 0, 0.02);  // 40,000 samples: standard error 0.005
  EXPECT_NEAR((w - w.mean()).square().mean(), 1, 0.03);
  EXPECT_NEAR((w.abs() < 1).cast<double>().mean(), 0.682689, 0.01);  // P(|z| < 1)
  EXPECT_TRUE(net.biases[0].isZero());
}

TEST(MlpInit, BadSpecsAreRefusedWithTheReason) {
  MlpSpec spec;
  EXPECT_EQ(validateMlpSpec(spec), "");
  spec.widths = {5};
  EXPECT_NE(validateMlpSpec(spec).find("at least one layer"), std::string::npos);
  spec.widths = {5, 0, 5};
  EXPECT_NE(validateMlpSpec(spec).find("width 1"), std::string::npos);
}

// [SECTION] Forward pass

TEST(MlpForward, ManyInputsAtOnceEqualOneAtATime) {
  MlpSpec spec;
  spec.activation = Activation::LeakyRelu;
  spec.activation_param = 0.2;
  const Mlp net = initMlp(spec);
  Eigen::VectorXd base(5);
  base << 0.3, -1.2, 0.7, 2.0, -0.4;
  const Eigen::MatrixXd x = sweepInputs(base, 0, -10, 10, 101);
  EXPECT_EQ(x(0, 0), -10);
  EXPECT_EQ(x(0, 100), 10);
  EXPECT_EQ(x(3, 50), 2.0);
  const Eigen::MatrixXd y = mlpForward(net, x);
  for (int k = 0; k < 101; k += 7) {
    const Eigen::MatrixXd one = mlpForward(net, x.col(k));
    EXPECT_NEAR((one - y.col(k)).cwiseAbs().maxCoeff(), 0, 1e-15);
  }
}

TEST(MlpForward, LinearNetworkIsItsProductMatrixPlusAnOffset) {
  MlpSpec spec;
  spec.activation = Activation::Linear;
  const Mlp net = initMlp(spec);
  const LinearAnalysis a = analyzeLinearNetwork(net);
  const Eigen::MatrixXd x = Eigen::MatrixXd::Random(5, 9);
  const Eigen::MatrixXd y = mlpForward(net, x), y0 = mlpForward(net, Eigen::VectorXd::Zero(5));
  const Eigen::MatrixXd expected = (a.product * x).colwise() + y0.col(0);
  EXPECT_LT((y - expected).cwiseAbs().maxCoeff(), 1e-12);
}

// [SECTION] Kinks

// A one-unit network z = w x1 + b: its one kink is at -b / w.
TEST(MlpKinks, OneUnitKinkIsWhereItsPreActivationIsZero) {
  Mlp net;
  net.activation = Activation::Relu;
  net.weights.push_back((Eigen::MatrixXd(1, 2) << 2.0, 1.0).finished());
  net.biases.push_back((Eigen::VectorXd(1) << -3.0).finished());
  const Eigen::VectorXd base = (Eigen::VectorXd(2) << 0.0, 0.5).finished();
  // z = 2 t + 0.5 - 3 = 0 at t = 1.25.
  const std::vector<MlpKink> kinks = mlpKinksAlongLine(net, base, 0, -10, 10);
  ASSERT_EQ(kinks.size(), 1u);
  EXPECT_DOUBLE_EQ(kinks[0].t, 1.25);
  EXPECT_EQ(kinks[0].layer, 0);
  EXPECT_EQ(kinks[0].unit, 0);
  EXPECT_TRUE(mlpKinksAlongLine(net, base, 0, 2, 10).empty());  // outside the sweep
}

// Between two neighbouring kinks a piecewise-linear network is affine along the line, every kink
// is where its unit's pre-activation equals the threshold, and a fine sweep sees every kink.
void checkKinks(Activation a, double param, bool activate_output, std::uint64_t seed) {
  MlpSpec spec;
  spec.activation = a;
  spec.activation_param = param;
  spec.activate_output = activate_output;
  spec.seed = seed;
  const Mlp net = initMlp(spec);
  SeededRandom r(seed + 100);
  Eigen::VectorXd base(5);
  for (int i = 0; i < 5; ++i) base(i) = r.normal();
  const std::vector<MlpKink> kinks = mlpKinksAlongLine(net, base, 0, -10, 10);
  ASSERT_FALSE(kinks.empty());
  std::vector<double> ts = {-10};
  for (const MlpKink& k : kinks) {
    Eigen::VectorXd x = base;
    x(0) = k.t;
    const Eigen::MatrixXd z = mlpPreActivations(net, x)[std::size_t(k.layer)];
    EXPECT_NEAR(z(k.unit, 0), k.threshold, 1e-9) << "kink at " << k.t;
    ts.push_back(k.t);
  }
  ts.push_back(10);
  // Affine between kinks: the output at a segment's midpoint is the mean of its ends'.
  for (std::size_t i = 0; i + 1 < ts.size(); ++i) {
    const double t0 = ts[i], t1 = ts[i + 1];
    if (t1 - t0 < 1e-9) continue;
    Eigen::MatrixXd x = base.replicate(1, 3);
    x(0, 0) = t0 + 0.25 * (t1 - t0);
    x(0, 1) = t0 + 0.5 * (t1 - t0);
    x(0, 2) = t0 + 0.75 * (t1 - t0);
    const Eigen::MatrixXd y = mlpForward(net, x);
    EXPECT_LT((y.col(1) - 0.5 * (y.col(0) + y.col(2))).cwiseAbs().maxCoeff(), 1e-9)
        << "segment " << t0 << " .. " << t1;
  }
  // Fine sampling: every sign change of a pre-activation minus threshold has a kink within the
  // sampling step (counting them per unit and threshold).
  const int samples = 200001;
  const Eigen::MatrixXd x = sweepInputs(base, 0, -10, 10, samples);
  const std::vector<Eigen::MatrixXd> z = mlpPreActivations(net, x);
  int crossings = 0;
  for (int layer = 0; layer < net.layers(); ++layer) {
    if (!net.activated(layer)) continue;
    for (double threshold : activationKinks(a))
      for (int u = 0; u < z[std::size_t(layer)].rows(); ++u)
        for (int k = 1; k < samples; ++k)
          crossings += (z[std::size_t(layer)](u, k - 1) - threshold < 0) !=
                       (z[std::size_t(layer)](u, k) - threshold < 0);
  }
  EXPECT_EQ(int(kinks.size()), crossings);
}

TEST(MlpKinks, ReluNetworksAreAffineBetweenTheirKinks) {
  for (std::uint64_t seed : {1u, 2u, 3u, 11u}) checkKinks(Activation::Relu, 0, true, seed);
  checkKinks(Activation::Relu, 0, false, 5);
}

TEST(MlpKinks, LeakyReluAndHardTanhKinksToo) {
  checkKinks(Activation::LeakyRelu, 0.1, true, 4);
  checkKinks(Activation::HardTanh, 0, true, 6);
}

TEST(MlpKinks, SmoothAndLinearNetworksHaveNone) {
  MlpSpec spec;
  const Eigen::VectorXd base = Eigen::VectorXd::Zero(5);
  for (Activation a : {Activation::Tanh, Activation::Linear, Activation::Elu}) {
    spec.activation = a;
    EXPECT_TRUE(mlpKinksAlongLine(initMlp(spec), base, 0, -10, 10).empty());
  }
}

// [SECTION] Linear networks (EXERCISES B2)

Mlp linearNetwork(std::vector<Eigen::MatrixXd> weights) {
  Mlp net;
  net.activation = Activation::Linear;
  net.bias = false;
  for (const Eigen::MatrixXd& w : weights) {
    net.weights.push_back(w);
    net.biases.push_back(Eigen::VectorXd::Zero(w.rows()));
  }
  return net;
}

TEST(LinearNetwork, InvertibleFactorsGiveABijection) {
  Eigen::MatrixXd w1(2, 2), w2(2, 2);
  w1 << 2, 1, 0, 3;   // det 6
  w2 << 1, 0, 4, -1;  // det -1
  const LinearAnalysis a = analyzeLinearNetwork(linearNetwork({w1, w2}));
  EXPECT_EQ(a.verdict, LinearVerdict::Bijective);
  EXPECT_EQ(a.rank, 2);
  EXPECT_TRUE(a.square);
  EXPECT_NEAR(a.determinant, -6, 1e-12);
  EXPECT_LT((a.product - w2 * w1).cwiseAbs().maxCoeff(), 1e-15);
  // |det| is the product of the singular values.
  EXPECT_NEAR(a.singular_values.prod(), 6, 1e-12);
  for (const LayerRank& r : a.layers) EXPECT_FALSE(r.deficient());
}

TEST(LinearNetwork, ASingularFactorMakesItNotInjectiveAndIsNamed) {
  MlpSpec spec;
  spec.activation = Activation::Linear;
  spec.bias = false;
  Mlp net = initMlp(spec);
  EXPECT_EQ(analyzeLinearNetwork(net).verdict, LinearVerdict::Bijective);

  Mlp zeroed = net;
  ASSERT_TRUE(zeroWeightRow(zeroed, 1, 3));
  const LinearAnalysis z = analyzeLinearNetwork(zeroed);
  EXPECT_EQ(z.verdict, LinearVerdict::NotInjective);
  EXPECT_EQ(z.rank, 4);
  EXPECT_NEAR(z.determinant, 0, 1e-12);
  EXPECT_LE(z.singular_values(4), z.tolerance);
  EXPECT_FALSE(z.layers[0].deficient());
  EXPECT_TRUE(z.layers[1].deficient());
  EXPECT_EQ(z.layers[1].rank, 4);
  EXPECT_FALSE(z.layers[2].deficient());

  Mlp copied = net;
  ASSERT_TRUE(copyWeightRow(copied, 2, 0, 4));
  const LinearAnalysis c = analyzeLinearNetwork(copied);
  EXPECT_EQ(c.verdict, LinearVerdict::NotInjective);
  EXPECT_TRUE(c.layers[2].deficient());
  // A kernel vector of M: M v = 0 for v != 0, so x and x + v have the same image.
  Eigen::JacobiSVD<Eigen::MatrixXd> svd(c.product, Eigen::ComputeFullV);
  const Eigen::VectorXd v = svd.matrixV().col(4);
  EXPECT_LT((c.product * v).norm(), 1e-12 * c.singular_values(0));

  EXPECT_FALSE(zeroWeightRow(net, 3, 0));
  EXPECT_FALSE(copyWeightRow(net, 0, 0, 5));
}

TEST(LinearNetwork, TallFullRankIsInjectiveAndABottleneckIsNot) {
  Eigen::MatrixXd tall(3, 2), wide(2, 3);
  tall << 1, 0, 0, 1, 1, 1;
  wide << 1, 0, 0, 0, 1, 0;
  const LinearAnalysis injective = analyzeLinearNetwork(linearNetwork({tall}));
  EXPECT_EQ(injective.verdict, LinearVerdict::Injective);
  EXPECT_FALSE(injective.square);
  // 3 -> 2 -> 3: every factor has full rank, yet M has rank 2 < 3.
  const LinearAnalysis bottleneck = analyzeLinearNetwork(linearNetwork({wide, tall}));
  EXPECT_EQ(bottleneck.verdict, LinearVerdict::NotInjective);
  EXPECT_EQ(bottleneck.rank, 2);
  EXPECT_STREQ(linearVerdictText(bottleneck.verdict), "not injective");
}

TEST(LinearNetwork, RankToleranceIsNumpys) {
  const Eigen::Vector3d s(4, 1e-3, 1e-16);
  EXPECT_DOUBLE_EQ(rankTolerance(s, 3, 5), 4 * 5 * DBL_EPSILON);
}

// [SECTION] Weight-space symmetry (EXERCISES B3)

TEST(Symmetry, CountIsMFactorialTimesTwoToTheM) {
  std::uint64_t count = 0;
  double log10_count = 0;
  ASSERT_TRUE(symmetryCount(5, &count, &log10_count));
  EXPECT_EQ(count, 120u * 32u);
  EXPECT_NEAR(log10_count, std::log10(3840.0), 1e-12);
  ASSERT_TRUE(symmetryCount(1, &count, &log10_count));
  EXPECT_EQ(count, 2u);
  ASSERT_TRUE(symmetryCount(16, &count, &log10_count));
  EXPECT_EQ(count, 20922789888000ull * 65536ull);
  EXPECT_FALSE(symmetryCount(17, &count, &log10_count));  // 17! 2^17 = 4.7e19 > 1.8e19
  EXPECT_NEAR(log10_count, std::log10(355687428096000.0 * 131072.0), 1e-9);
}

double maxOutputDifference(const Mlp& a, const Mlp& b) {
  SeededRandom r(99);
  Eigen::MatrixXd x(a.inputs(), 200);
  for (Eigen::Index k = 0; k < x.size(); ++k) x(k) = 5 * r.normal();
  return (mlpForward(a, x) - mlpForward(b, x)).cwiseAbs().maxCoeff();
}

TEST(Symmetry, PermutingAndFlippingTanhUnitsKeepsTheFunction) {
  MlpSpec spec;
  const Mlp net = initMlp(spec);
  Mlp moved = net;
  ASSERT_TRUE(permuteUnits(moved, 0, {2, 0, 4, 1, 3}));
  EXPECT_EQ(moved.weights[0].row(2), net.weights[0].row(0));
  EXPECT_EQ(moved.weights[1].col(2), net.weights[1].col(0));
  EXPECT_EQ(moved.biases[0](2), net.biases[0](0));
  ASSERT_TRUE(flipUnitSigns(moved, 1, {0, 3}));
  EXPECT_EQ(moved.biases[1](3), -net.biases[1](3));
  EXPECT_NE(moved.weights[0], net.weights[0]);
  EXPECT_NE(moved.weights[1], net.weights[1]);
  EXPECT_LE(maxOutputDifference(net, moved), 1e-12);
}

TEST(Symmetry, SignFlipsChangeAReluNetworkButPermutationsDoNot) {
  MlpSpec spec;
  spec.activation = Activation::Relu;
  const Mlp net = initMlp(spec);
  Mlp permuted = net, flipped = net;
  ASSERT_TRUE(permuteUnits(permuted, 1, {4, 3, 2, 1, 0}));
  EXPECT_LE(maxOutputDifference(net, permuted), 1e-12);
  ASSERT_TRUE(flipUnitSigns(flipped, 1, {0, 1, 2, 3, 4}));
  EXPECT_GT(maxOutputDifference(net, flipped), 1e-3);
  EXPECT_FALSE(isOddActivation(Activation::Relu));
  EXPECT_TRUE(isOddActivation(Activation::Tanh));
}

TEST(Symmetry, InvalidLayersAndPermutationsAreRefused) {
  Mlp net = initMlp(MlpSpec{});
  const Mlp before = net;
  EXPECT_FALSE(permuteUnits(net, 2, {0, 1, 2, 3, 4}));  // the output layer has no next layer
  EXPECT_FALSE(permuteUnits(net, 0, {0, 1, 2, 3}));
  EXPECT_FALSE(permuteUnits(net, 0, {0, 0, 2, 3, 4}));
  EXPECT_FALSE(flipUnitSigns(net, 0, {5}));
  EXPECT_EQ(net.weights[0], before.weights[0]);
}

}  // namespace
}  // namespace gradlab
