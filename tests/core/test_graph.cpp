// Computational graphs (core/graph.h): EXERCISES G1 and G2's numbers, reverse-mode gradients
// against central finite differences and against the expression compiler's forward-mode AD, the
// layout, and G3/G4 (core/gradient_identities.h).
#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "core/expression.h"
#include "core/gradient_identities.h"
#include "core/graph.h"
#include "core/graph_layout.h"

namespace gradlab {
namespace {

double networkLoss(const NetworkG1& net) {
  const GraphPass pass = runGraph(networkGraph(net));
  return pass.values.back();
}

// [SECTION] G2

TEST(GraphG2, ForwardValuesAndBothPathsIntoBAreSummed) {
  const Graph g = exerciseG2Graph(2, 1);
  ASSERT_EQ(validateGraph(g), "");
  const GraphPass pass = runGraph(g);
  // c = a + b = 3, d = b + 1 = 2, e = c d = 6
  EXPECT_EQ(pass.values[3], 3);
  EXPECT_EQ(pass.values[4], 2);
  EXPECT_EQ(pass.values[5], 6);
  EXPECT_EQ(pass.adjoints[0], 2);  // de/da = d
  EXPECT_EQ(pass.adjoints[1], 5);  // de/db = d + c
  // b has two contributions: through c (carrying d = 2) and through d (carrying c = 3).
  ASSERT_EQ(pass.contributions[1].size(), 2u);
  const GraphEdge& via_c = pass.edges[std::size_t(pass.contributions[1][0])];
  const GraphEdge& via_d = pass.edges[std::size_t(pass.contributions[1][1])];
  EXPECT_EQ(via_c.to, 3);
  EXPECT_EQ(via_c.carried, 2);
  EXPECT_EQ(via_d.to, 4);
  EXPECT_EQ(via_d.carried, 3);
  EXPECT_EQ(pass.contributions[0].size(), 1u);
  EXPECT_TRUE(pass.contributions[5].empty());  // the output: adjoint 1 by definition
}

TEST(GraphG2, PartialsAreDAndCPlusDAtManyPoints) {
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> u(-5, 5);
  for (int k = 0; k < 50; ++k) {
    const double a = u(rng), b = u(rng);
    const GraphPass pass = runGraph(exerciseG2Graph(a, b));
    const double c = a + b, d = b + 1;
    EXPECT_EQ(pass.values[5], c * d);
    EXPECT_EQ(pass.adjoints[0], d);
    EXPECT_EQ(pass.adjoints[1], c + d);
  }
}

// [SECTION] G1

TEST(GraphG1, ForwardValuesAreTheExercises) {
  const NetworkG1 net;
  const Graph g = networkGraph(net);
  ASSERT_EQ(validateGraph(g), "");
  const GraphPass pass = runGraph(g);
  EXPECT_EQ(pass.values[NetworkNodes::z0], 9);
  EXPECT_EQ(pass.values[NetworkNodes::z0 + 1], -11);
  EXPECT_EQ(pass.values[NetworkNodes::h0], 9);  // h = (9, 0)
  EXPECT_EQ(pass.values[NetworkNodes::h0 + 1], 0);
  EXPECT_EQ(pass.values[NetworkNodes::o0], 54);  // o' = (54, 18)
  EXPECT_EQ(pass.values[NetworkNodes::o0 + 1], 18);
  const std::vector<double>& p = pass.softmax[NetworkNodes::loss];
  ASSERT_EQ(p.size(), 2u);
  EXPECT_NEAR(p[0], 1, 1e-15);  // softmax ~ (1, 2.3e-16)
  EXPECT_NEAR(p[1], std::exp(-36) / (1 + std::exp(-36)), 1e-30);
  EXPECT_NEAR(p[1], 2.3e-16, 0.02e-16);
  // Label 0 is right with confidence: L = log(1 + e^-36), tiny but positive.
  EXPECT_GT(pass.values[NetworkNodes::loss], 0);
  EXPECT_NEAR(pass.values[NetworkNodes::loss], std::log1p(std::exp(-36)), 1e-30);
}

TEST(GraphG1, BackwardForLabelOneAndTheDeadReluHasZeroGradient) {
  NetworkG1 net;
  net.label = 1;
  const GraphPass pass = runGraph(networkGraph(net));
  const double p1 = std::exp(-36) / (1 + std::exp(-36)), p0 = 1 - p1;
  EXPECT_NEAR(pass.values.back(), 36 + std::log1p(std::exp(-36)), 1e-12);
  // dL/do = p - onehot(1) = (p0, p1 - 1)
  EXPECT_NEAR(pass.adjoints[NetworkNodes::o0], p0, 1e-15);
  EXPECT_NEAR(pass.adjoints[NetworkNodes::o0 + 1], p1 - 1, 1e-15);
  // dL/dh = W2^T dL/do = (6 p0 + 2 (p1 - 1), -p0 + 8 (p1 - 1)) ~ (4, -9)
  EXPECT_NEAR(pass.adjoints[NetworkNodes::h0], 4, 1e-14);
  EXPECT_NEAR(pass.adjoints[NetworkNodes::h0 + 1], -9, 1e-14);
  // relu'(9) = 1, relu'(-11) = 0: the dead unit passes nothing back.
  EXPECT_NEAR(pass.adjoints[NetworkNodes::z0], 4, 1e-14);
  EXPECT_EQ(pass.adjoints[NetworkNodes::z0 + 1], 0);
  double g1[2][3], g2[2][2];
  networkWeightGradients(net, pass, g1, g2);
  const double x[3] = {3, 1, -1};
  for (int j = 0; j < 3; ++j) {
    EXPECT_NEAR(g1[0][j], 4 * x[j], 1e-13);
    EXPECT_EQ(g1[1][j], 0);  // the dead ReLU's weights get no gradient
  }
  EXPECT_NEAR(g2[0][0], 9 * p0, 1e-13);
  EXPECT_NEAR(g2[1][0], 9 * (p1 - 1), 1e-13);
  EXPECT_EQ(g2[0][1], 0);  // h2 = 0
  EXPECT_EQ(g2[1][1], 0);
}

TEST(GraphG1, WeightGradientsMatchCentralFiniteDifferences) {
  std::mt19937 rng(3);
  std::uniform_real_distribution<double> u(-1, 1);
  for (int trial = 0; trial < 20; ++trial) {
    NetworkG1 net;
    net.label = trial % 2;
    if (trial > 0) {  // trial 0 is the exercise itself
      for (double& v : net.x) v = 3 * u(rng);
      for (auto& row : net.w1)
        for (double& v : row) v = u(rng);
      for (auto& row : net.w2)
        for (double& v : row) v = u(rng);
    }
    const GraphPass pass = runGraph(networkGraph(net));
    double g1[2][3], g2[2][2];
    networkWeightGradients(net, pass, g1, g2);
    const double h = 1e-6;
    for (int i = 0; i < 2; ++i) {
      for (int j = 0; j < 3; ++j) {
        NetworkG1 up = net, down = net;
        up.w1[i][j] += h;
        down.w1[i][j] -= h;
        EXPECT_NEAR(g1[i][j], (networkLoss(up) - networkLoss(down)) / (2 * h), 1e-6)
            << trial << " W1 " << i << j;
      }
      for (int j = 0; j < 2; ++j) {
        NetworkG1 up = net, down = net;
        up.w2[i][j] += h;
        down.w2[i][j] -= h;
        EXPECT_NEAR(g2[i][j], (networkLoss(up) - networkLoss(down)) / (2 * h), 1e-6)
            << trial << " W2 " << i << j;
      }
    }
    for (int j = 0; j < 3; ++j) {  // and the inputs' adjoints
      NetworkG1 up = net, down = net;
      up.x[j] += h;
      down.x[j] -= h;
      EXPECT_NEAR(pass.adjoints[std::size_t(NetworkNodes::x0 + j)],
                  (networkLoss(up) - networkLoss(down)) / (2 * h), 1e-6);
    }
  }
}

TEST(GraphG1, GradientStepMovesEveryWeightAgainstItsGradientAndLowersTheLoss) {
  NetworkG1 net;
  net.label = 1;
  const GraphPass pass = runGraph(networkGraph(net));
  double g1[2][3], g2[2][2];
  networkWeightGradients(net, pass, g1, g2);
  const NetworkG1 next = gradientStep(net, 0.01);
  for (int i = 0; i < 2; ++i) {
    for (int j = 0; j < 3; ++j) EXPECT_EQ(next.w1[i][j], net.w1[i][j] - 0.01 * g1[i][j]);
    for (int j = 0; j < 2; ++j) EXPECT_EQ(next.w2[i][j], net.w2[i][j] - 0.01 * g2[i][j]);
  }
  EXPECT_LT(networkLoss(next), networkLoss(net));
  EXPECT_EQ(next.w1[1][0], net.w1[1][0]);  // the dead unit does not learn
}

// [SECTION] Typed graphs

TEST(GraphTyped, ReverseModeMatchesTheExpressionCompiler) {
  const char* formulas[] = {
      "(x + y)*(y + 1)",  // G2 with a = x, b = y
      "x*x + 3*x*y - y^3",
      "exp(-x^2 - y^2) + 0.5*exp(-(x-1)^2 - (y-1)^2)",
      "log(1 + x^2) / (2 + sin(y))",
      "sqrt(relu(x)) + y^2",
      "max(x, y) + min(x, x)",
      "tanh(x*y) + sigmoid(x - y) + softplus(x, 2) + leaky_relu(y, 0.1)",
      "gelu(x) * silu(y) + elu(x - 1) + hardtanh(y) + abs(x)",
      "(x^2 + 1)^y + pow(y, 4) - x/(1 + y^2) + cos(x) * tan(0.3*y)",
      "x",
      "7",
  };
  const double points[][2] = {{1, 1}, {-1, 1}, {0.3, -0.7}, {2, 0.5}, {0, 0}, {-1.5, -2}};
  for (const char* text : formulas) {
    const Expression expr = Expression::compile(text);
    ASSERT_TRUE(expr.ok()) << text << ": " << expr.error().message;
    for (const auto& p : points) {
      const Graph g = expressionGraph(expr, p[0], p[1]);
      ASSERT_EQ(validateGraph(g), "") << text;
      const GraphPass pass = runGraph(g);
      Vec2 expected;
      const double f = expr.valueAndGradient(p[0], p[1], expected);
      const Vec2 got = expressionGraphGradient(g, pass);
      const std::string where =
          std::string(text) + " at " + std::to_string(p[0]) + ", " + std::to_string(p[1]);
      if (std::isnan(f)) {
        EXPECT_TRUE(std::isnan(pass.values.back())) << where;
        continue;
      }
      EXPECT_NEAR(pass.values.back(), f, 1e-12 * (1 + std::abs(f))) << where;
      for (int k = 0; k < 2; ++k) {
        if (std::isnan(expected(k))) {
          EXPECT_TRUE(std::isnan(got(k))) << where;
          continue;
        }
        EXPECT_NEAR(got(k), expected(k), 1e-12 * (1 + std::abs(expected(k)))) << where << " d" << k;
      }
    }
  }
}

TEST(GraphTyped, SharedVariableIsOneNodeWhoseAdjointSumsEveryUse) {
  const Expression expr = Expression::compile("x*x + x");
  const Graph g = expressionGraph(expr, 3, 0);
  const GraphPass pass = runGraph(g);
  int x_node = -1;
  for (std::size_t i = 0; i < g.nodes.size(); ++i)
    if (g.nodes[i].variable == 0) x_node = int(i);
  ASSERT_GE(x_node, 0);
  EXPECT_EQ(pass.contributions[std::size_t(x_node)].size(), 3u);  // two into x*x, one into +
  EXPECT_EQ(pass.adjoints[std::size_t(x_node)], 7);               // 2x + 1
  EXPECT_EQ(g.nodes.back().name, "f");
}

TEST(GraphTyped, GradientMatchesCentralFiniteDifferences) {
  const Expression expr = Expression::compile("sin(x*y) + x^3/(1 + y^2) + exp(0.3*x)");
  const double h = 1e-6;
  for (double x : {-1.2, 0.4, 2.0}) {
    for (double y : {-0.5, 0.7}) {
      const Graph g = expressionGraph(expr, x, y);
      const Vec2 grad = expressionGraphGradient(g, runGraph(g));
      EXPECT_NEAR(grad(0), (expr.value(x + h, y) - expr.value(x - h, y)) / (2 * h), 1e-6);
      EXPECT_NEAR(grad(1), (expr.value(x, y + h) - expr.value(x, y - h)) / (2 * h), 1e-6);
    }
  }
}

// [SECTION] Validation and layout

TEST(GraphValidation, NamesWhatIsWrong) {
  Graph g = exerciseG2Graph(1, 2);
  g.nodes[3].inputs = {0, 5};
  EXPECT_NE(validateGraph(g).find("not an earlier node"), std::string::npos);
  Graph net = networkGraph(NetworkG1{});
  net.nodes.back().class_label = 2;
  EXPECT_NE(validateGraph(net).find("label"), std::string::npos);
  EXPECT_NE(validateGraph(Graph{}), "");
}

void expectNoOverlapAndLeftToRight(const Graph& g, double width, double height) {
  const std::vector<NodeBox> boxes = placeGraph(g, 10, 20, width, height, 110, 60, 12);
  ASSERT_EQ(boxes.size(), g.nodes.size());
  for (std::size_t i = 0; i < boxes.size(); ++i) {
    for (std::size_t j = i + 1; j < boxes.size(); ++j)
      EXPECT_FALSE(boxesOverlap(boxes[i], boxes[j])) << g.title << ": " << i << ", " << j;
    for (int in : g.nodes[i].inputs) EXPECT_LT(boxes[std::size_t(in)].x, boxes[i].x) << g.title;
  }
}

TEST(GraphLayout, BoxesNeverOverlapAndEdgesRunLeftToRight) {
  const Expression typed = Expression::compile("exp(-x^2 - y^2) * (x + 2*y) + tanh(3*x)");
  const std::vector<Graph> graphs = {exerciseG2Graph(2, 1), networkGraph(NetworkG1{}),
                                     expressionGraph(typed, 1, 1)};
  for (const Graph& g : graphs) {
    expectNoOverlapAndLeftToRight(g, 1200, 700);
    expectNoOverlapAndLeftToRight(g, 300, 200);  // too small: the layout grows instead
  }
}

TEST(GraphLayout, G1LayersAreTheNetworksLayers) {
  const GraphLayering layers = layerGraph(networkGraph(NetworkG1{}));
  EXPECT_EQ(layers.column_sizes, (std::vector<int>{3, 2, 2, 2, 1}));
  EXPECT_EQ(layers.column[NetworkNodes::h0], 2);
  EXPECT_EQ(layers.row[NetworkNodes::h0 + 1], 1);
}

// [SECTION] G3 and G4

TEST(CrossEntropy, G3LossIsPositiveAndTendsToZeroAsTheLabelsLogitGrows) {
  const std::vector<double> logits = {0.5, 2, -1};
  std::vector<double> ts;
  for (double t = -10; t <= 40; t += 0.25) ts.push_back(t);
  const std::vector<double> loss = crossEntropyCurve(logits, 0, 0, ts);
  for (std::size_t k = 0; k < ts.size(); ++k) {
    EXPECT_GT(loss[k], 0) << ts[k];
    if (k > 0) {
      EXPECT_LT(loss[k], loss[k - 1]);
    }
    // against the textbook formula where it is accurate
    if (ts[k] < 20) {
      const double s = std::exp(ts[k]) + std::exp(2.0) + std::exp(-1.0);
      EXPECT_NEAR(loss[k], -std::log(std::exp(ts[k]) / s), 1e-12);
    }
  }
  EXPECT_LT(loss.back(), 1e-15);  // ~ e^-38
  // Another class's logit growing makes the loss grow without bound (about linearly).
  const std::vector<double> other = crossEntropyCurve(logits, 0, 1, {10, 100});
  EXPECT_NEAR(other[1] - other[0], 90, 1e-3);  // log(1 + e^0.5 + e^-1) - ... at f_1 = 10
}

TEST(MatrixGradient, G4OuterProductMatchesFiniteDifferences) {
  Eigen::MatrixXd W(2, 3);
  W << 0.2, 0.1, -0.2, -0.1, -0.3, 0.5;
  Eigen::VectorXd z(3);
  z << 3, 1, -1;
  for (Activation g : {Activation::Tanh, Activation::Sigmoid, Activation::Softplus,
                       Activation::Gelu, Activation::Linear}) {
    const double param = activationInfo(g).param_default;
    const Eigen::MatrixXd analytic = matrixGradient(W, z, g, param);
    const Eigen::MatrixXd numeric = matrixGradientFiniteDifference(W, z, g, param, 1e-6);
    EXPECT_LT((analytic - numeric).cwiseAbs().maxCoeff(), 1e-8) << activationInfo(g).name;
    // Each row i is g'(w_i^T z) z^T.
    const Eigen::VectorXd pre = W * z;
    for (int i = 0; i < 2; ++i)
      for (int j = 0; j < 3; ++j)
        EXPECT_DOUBLE_EQ(analytic(i, j), activationEval(g, pre(i), param).d1 * z(j));
  }
  // g = identity with one row: the gradient of w^T z is z (C2).
  const Eigen::MatrixXd row = W.topRows(1);
  EXPECT_EQ(Eigen::VectorXd(matrixGradient(row, z, Activation::Linear, 0).row(0).transpose()), z);
}

}  // namespace
}  // namespace gradlab
