// The Network lab's logic without a window: every state change recomputes the grid at once, the
// B2 and B3 panels follow the weight edits, scenes round-trip and bad ones name the field.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <string>

#include "app/labs/networks/network_figures.h"
#include "app/labs/networks/network_lab.h"
#include "app/labs/networks/network_lab_panel.h"
#include "app/labs/networks/network_options.h"
#include "app/labs/networks/network_scene.h"

namespace gradlab {
namespace {

NetworkLab freshLab() {
  NetworkLab lab;
  resetNetworkLab(lab);
  return lab;
}

TEST(NetworkLab, DefaultIsTheHomeworksThreeByThreeGrid) {
  const NetworkLab lab = freshLab();
  ASSERT_EQ(networkRows(lab), 3);
  ASSERT_EQ(networkColumns(lab), 3);
  EXPECT_EQ(lab.scene.activations[0], Activation::Tanh);
  EXPECT_EQ(lab.scene.activations[1], Activation::Relu);
  EXPECT_EQ(lab.scene.activations[2], Activation::Linear);
  EXPECT_EQ(lab.scene.depth, 3);
  EXPECT_EQ(lab.scene.width, 5);
  EXPECT_EQ(lab.scene.x_min, -10);
  EXPECT_EQ(lab.scene.x_max, 10);
  EXPECT_EQ(networkCellTitle(lab.scene, 1, 2), "ReLU, seed 3");
  EXPECT_EQ(sweptInputName(lab.scene), "x1");
  EXPECT_EQ(plottedOutputName(lab.scene), "y1");
  for (const NetworkCell& c : lab.cells) {
    EXPECT_GE(c.xs.size(), std::size_t(kNetworkSamples));
    EXPECT_EQ(c.xs.front(), -10);
    EXPECT_EQ(c.xs.back(), 10);
    // Every sample is the network's y1 at x1 = t with x2..x5 fixed.
    for (std::size_t k = 0; k < c.xs.size(); k += 97)
      EXPECT_DOUBLE_EQ(c.ys[k], networkOutputAt(lab, c.row, c.column, c.xs[k]));
    // Only ReLU has kinks here, and they are samples (drawn corners are exact).
    EXPECT_EQ(c.kinks.empty(), c.activation != Activation::Relu);
    for (const MlpKink& k : c.kinks)
      EXPECT_NE(std::find(c.xs.begin(), c.xs.end(), k.t), c.xs.end());
  }
  // The weights are the seed's, whatever the activation: the rows of a column share them.
  EXPECT_EQ(lab.nets[0].weights[1], lab.nets[3].weights[1]);
  EXPECT_NE(lab.nets[0].weights[1], lab.nets[1].weights[1]);
}

TEST(NetworkLab, EveryControlRecomputesInTheSameCall) {
  NetworkLab lab = freshLab();
  int version = lab.version;
  const auto changed = [&] {
    const bool grew = lab.version > version;
    version = lab.version;
    return grew;
  };
  const double before = networkCell(lab, 0, 0).ys[500];
  redrawFixedInputs(lab);
  EXPECT_TRUE(changed());
  EXPECT_EQ(lab.scene.inputs_seed, 2u);
  EXPECT_NE(networkCell(lab, 0, 0).ys[500], before);

  setNetworkDepth(lab, 5);
  EXPECT_TRUE(changed());
  EXPECT_EQ(lab.nets[0].layers(), 5);
  setNetworkWidth(lab, 8);
  EXPECT_TRUE(changed());
  EXPECT_EQ(lab.nets[0].inputs(), 8);
  setSweptInput(lab, 6);
  setPlottedOutput(lab, 7);
  EXPECT_TRUE(changed());
  EXPECT_EQ(sweptInputName(lab.scene), "x7");
  EXPECT_EQ(plottedOutputName(lab.scene), "y8");
  setNetworkWidth(lab, 4);  // the input and output follow the width down
  EXPECT_EQ(lab.scene.input, 3);
  EXPECT_EQ(lab.scene.output, 3);

  setRowActivation(lab, 2, Activation::LeakyRelu);
  setActivationParameter(lab, Activation::LeakyRelu, 0.25);
  EXPECT_TRUE(changed());
  EXPECT_EQ(lab.nets[2 * 3].activation_param, 0.25);
  setActivationParameter(lab, Activation::LeakyRelu, 7);  // clamped to the table's range
  EXPECT_EQ(lab.scene.params[int(Activation::LeakyRelu)], 1);
  EXPECT_FALSE(networkCell(lab, 2, 0).kinks.empty() && networkCell(lab, 2, 1).kinks.empty() &&
               networkCell(lab, 2, 2).kinks.empty());

  setRowCount(lab, 4);
  setColumnCount(lab, 2);
  EXPECT_TRUE(changed());
  EXPECT_EQ(lab.cells.size(), 8u);
  setColumnSeed(lab, 1, 42);
  EXPECT_EQ(networkCellTitle(lab.scene, 0, 1), "tanh, seed 42");
  EXPECT_NE(setNetworkRange(lab, 5, 5), "");
  EXPECT_EQ(lab.scene.x_min, -10);
  EXPECT_EQ(setNetworkRange(lab, -2, 3), "");
  EXPECT_EQ(networkCell(lab, 0, 0).xs.back(), 3);
  setNetworkInit(lab, MlpInit::TorchDefault);
  EXPECT_LE(lab.nets[0].weights[0].cwiseAbs().maxCoeff(), 1 / std::sqrt(4.0));
  setNetworkBias(lab, false);
  EXPECT_TRUE(lab.nets[0].biases[0].isZero());
}

TEST(NetworkLab, MakingAWeightMatrixSingularChangesTheVerdictAndNamesIt) {
  NetworkLab lab = freshLab();
  EXPECT_EQ(lab.linear.verdict, LinearVerdict::Bijective);
  EXPECT_EQ(lab.linear.rank, 5);
  zeroRow(lab, 1, 2);  // a row of W2 in column 1
  EXPECT_EQ(lab.linear.verdict, LinearVerdict::NotInjective);
  EXPECT_EQ(lab.linear.rank, 4);
  EXPECT_TRUE(lab.linear.layers[1].deficient());
  EXPECT_FALSE(lab.linear.layers[0].deficient());
  ASSERT_EQ(lab.scene.edits.size(), 1u);
  EXPECT_TRUE(lab.nets[0].weights[1].row(2).isZero());
  EXPECT_FALSE(lab.nets[1].weights[1].row(2).isZero());  // column 2 keeps its weights

  setLinearColumn(lab, 2);
  EXPECT_EQ(lab.linear.verdict, LinearVerdict::Bijective);
  makeRowsEqual(lab, 2, 0, 4);
  EXPECT_EQ(lab.linear.verdict, LinearVerdict::NotInjective);
  EXPECT_TRUE(lab.linear.layers[2].deficient());
  EXPECT_NEAR(lab.linear.determinant, 0, 1e-12);
  clearColumnEdits(lab, 2);
  EXPECT_EQ(lab.linear.verdict, LinearVerdict::Bijective);
  setLinearColumn(lab, 0);
  EXPECT_EQ(lab.linear.verdict, LinearVerdict::NotInjective);  // column 1's edit stays
  setNetworkDepth(lab, 2);  // a shape change drops the edits: they no longer fit
  EXPECT_TRUE(lab.scene.edits.empty());
  EXPECT_EQ(lab.linear.verdict, LinearVerdict::Bijective);
}

TEST(NetworkLab, PermutingOrFlippingTanhUnitsKeepsEveryPlottedTanhCurve) {
  NetworkLab lab = freshLab();
  const std::vector<double> before = networkCell(lab, 0, 1).ys;
  const Eigen::MatrixXd w_before = lab.nets[1].weights[0];
  permuteHiddenUnits(lab, 1);
  ASSERT_TRUE(lab.symmetry.done);
  EXPECT_NE(lab.nets[1].weights[0], w_before);
  for (double d : lab.symmetry.max_difference) EXPECT_LE(d, 1e-12);  // every activation
  setSymmetryLayer(lab, 1);
  flipHiddenUnits(lab, 1);
  ASSERT_EQ(lab.symmetry.max_difference.size(), 3u);
  EXPECT_LE(lab.symmetry.max_difference[0], 1e-12);  // tanh is odd
  EXPECT_LE(lab.symmetry.max_difference[2], 1e-12);  // so is the identity
  EXPECT_GT(lab.symmetry.max_difference[1], 1e-6);   // ReLU is not
  const std::vector<double>& after = networkCell(lab, 0, 1).ys;
  double d = 0;
  for (std::size_t k = 0; k < before.size(); ++k) d = std::max(d, std::abs(after[k] - before[k]));
  EXPECT_LE(d, 1e-12);
  EXPECT_EQ(symmetryCountText(5), "M! 2^M = 5! 2^5 = 3840");
  EXPECT_EQ(symmetryCountText(20).rfind("M! 2^M = 20! 2^20: overflows 64 bits (about 2.55e24)", 0),
            0u);
}

TEST(NetworkScene, RoundTripsEveryField) {
  NetworkLab lab = freshLab();
  setRowActivation(lab, 0, Activation::Softplus);
  setActivationParameter(lab, Activation::Softplus, 2.5);
  setColumnSeed(lab, 2, 99);
  setNetworkInit(lab, MlpInit::TorchDefault);
  setActivateOutput(lab, false);
  setSweptInput(lab, 2);
  setPlottedOutput(lab, 4);
  redrawFixedInputs(lab);
  zeroRow(lab, 0, 1);
  setSymmetryLayer(lab, 1);
  permuteHiddenUnits(lab, 0);
  const nlohmann::json saved = networkSceneToJson(lab.scene);
  NetworkLab other = freshLab();
  ASSERT_EQ(loadNetworkScene(other, nlohmann::json::parse(saved.dump())), "");
  EXPECT_EQ(networkSceneToJson(other.scene), saved);
  for (std::size_t i = 0; i < lab.cells.size(); ++i) EXPECT_EQ(other.cells[i].ys, lab.cells[i].ys);
  EXPECT_EQ(saved["edits"][1]["kind"], "permute");
  EXPECT_EQ(saved["input"], 3);  // counted from 1 in the file
}

TEST(NetworkScene, MalformedScenesNameTheBadField) {
  NetworkLab lab = freshLab();
  const auto error = [&](const char* text) {
    return loadNetworkScene(lab, nlohmann::json::parse(text));
  };
  EXPECT_EQ(error(R"({"depth": 0})"), "depth must be in [1, 8]");
  EXPECT_EQ(error(R"({"width": "five"})"), "width must be a whole number");
  EXPECT_NE(error(R"({"activations": ["tanh", "swish"]})").find("activations[1]"),
            std::string::npos);
  EXPECT_EQ(error(R"({"seeds": [1, -2]})"), "seeds[1] must be a whole number >= 0");
  EXPECT_EQ(error(R"({"params": {"leaky_relu": 5}})"), "params.leaky_relu must be in [0, 1]");
  EXPECT_EQ(error(R"({"params": {"tanh": 1}})"),
            "params.tanh is not an activation with a parameter");
  EXPECT_EQ(error(R"({"input": 6})"), "input must be in [1, 5]");
  EXPECT_EQ(error(R"({"edits": [{"kind": "explode", "column": 1, "layer": 1, "units": [1]}]})"),
            "edits[0].kind must be zero_row, equal_rows, permute or flip");
  EXPECT_EQ(error(R"({"edits": [{"kind": "zero_row", "column": 1, "layer": 4, "units": [1]}]})"),
            "edits[0].layer must be in [1, 3]");
  EXPECT_EQ(error(R"({"init": "xavier"})"), "init must be \"normal\" or \"torch\"");
  EXPECT_EQ(error(R"({"colour": 1})"), "'colour' is not a field of the network scene");
  EXPECT_EQ(error(R"({"version": 9})"), "version 9 is newer than this gradlab reads (1)");
  EXPECT_EQ(lab.version, freshLab().version);  // nothing applied
  EXPECT_EQ(lab.scene.depth, 3);
}

TEST(NetworkOptions, SetTheSceneAndBadOnesSayWhy) {
  NetworkLab lab = freshLab();
  EXPECT_EQ(applyNetworkOptions(lab, {"--activations", "relu,leaky_relu",
                                      "--alpha",       "0.2",
                                      "--seeds",       "4,5",
                                      "--depth",       "4",
                                      "--width",       "3",
                                      "--input",       "2",
                                      "--output",      "3",
                                      "--range",       "-5,5",
                                      "--init",        "torch",
                                      "--no-bias",     "--linear-output"}),
            "");
  EXPECT_EQ(networkRows(lab), 2);
  EXPECT_EQ(networkColumns(lab), 2);
  EXPECT_EQ(lab.scene.params[int(Activation::LeakyRelu)], 0.2);
  EXPECT_EQ(lab.scene.depth, 4);
  EXPECT_EQ(lab.scene.input, 1);
  EXPECT_FALSE(lab.scene.bias);
  EXPECT_FALSE(lab.scene.activate_output);
  NetworkLab other = freshLab();
  EXPECT_EQ(applyNetworkOptions(other, {"--depth", "9"}), "--depth: depth must be in [1, 8]");
  EXPECT_NE(applyNetworkOptions(other, {"--activations", "swish"}).find("'swish'"),
            std::string::npos);
  EXPECT_EQ(applyNetworkOptions(other, {"--input", "6"}), "--input: input must be in [1, 5]");
  EXPECT_NE(applyNetworkOptions(other, {"--bogus"}), "");
  EXPECT_EQ(other.scene.depth, 3);
}

TEST(NetworkFigures, ThinningKeepsEachPixelColumnsExtremesAndBothEnds) {
  std::vector<double> xs, ys;
  for (int k = 0; k <= 10000; ++k) {
    xs.push_back(-1 + 2.0 * k / 10000);
    ys.push_back(std::sin(40 * xs.back()));
  }
  std::vector<double> tx, ty;
  thinToPixelColumns(xs, ys, -1, 1, 100, tx, ty);
  EXPECT_LE(tx.size(), 400u + 4u);
  EXPECT_EQ(tx.front(), -1);
  EXPECT_EQ(tx.back(), 1);
  EXPECT_TRUE(std::is_sorted(tx.begin(), tx.end()));
  EXPECT_NEAR(*std::max_element(ty.begin(), ty.end()), 1, 1e-6);
  EXPECT_NEAR(*std::min_element(ty.begin(), ty.end()), -1, 1e-6);
}

// A straight line becomes its two ends, a piecewise-linear curve its corners, and every dropped
// point of a smooth curve stays within the tolerance of what is drawn.
TEST(NetworkFigures, CollinearPointsAreDroppedWithinTheTolerance) {
  std::vector<double> xs, ys;
  for (int k = 0; k <= 1000; ++k) xs.push_back(-10 + 0.02 * k), ys.push_back(3 * xs.back() + 1);
  dropCollinearPoints(xs, ys, 30, 2, 0.25);
  ASSERT_EQ(xs.size(), 2u);
  EXPECT_EQ(xs[1], 10);
  xs.clear(), ys.clear();
  for (int k = 0; k <= 1000; ++k) xs.push_back(-10 + 0.02 * k), ys.push_back(std::abs(xs.back()));
  dropCollinearPoints(xs, ys, 30, 30, 0.25);
  EXPECT_EQ(xs.size(), 3u);
  std::vector<double> sx, sy;
  for (int k = 0; k <= 1000; ++k) sx.push_back(-10 + 0.02 * k), sy.push_back(std::tanh(sx.back()));
  std::vector<double> tx = sx, ty = sy;
  dropCollinearPoints(tx, ty, 30, 100, 0.25);
  EXPECT_LT(tx.size(), 200u);
  for (std::size_t k = 0; k < sx.size(); ++k) {
    const std::size_t j = std::size_t(std::upper_bound(tx.begin(), tx.end(), sx[k]) - tx.begin());
    if (j == 0 || j >= tx.size()) continue;
    const double t = (sx[k] - tx[j - 1]) / (tx[j] - tx[j - 1]);
    EXPECT_LE(std::abs(ty[j - 1] + t * (ty[j] - ty[j - 1]) - sy[k]) * 100, 0.25 + 1e-9) << sx[k];
  }
}

TEST(NetworkLabPanel, ExportsOneFigurePerCellAndCountsItsWork) {
  NetworkLabPanel panel;
  const std::vector<ExportFigure> figures = panel.exportFigures(Theme::Light);
  ASSERT_EQ(figures.size(), 9u);
  EXPECT_EQ(figures[0].name, "r1c1-tanh-seed1");
  EXPECT_EQ(figures[5].name, "r2c3-relu-seed3");
  const std::vector<LabCounter> before = panel.counters();
  ASSERT_EQ(before.size(), 2u);
  redrawFixedInputs(panel.state());
  EXPECT_EQ(panel.counters()[1].second, before[1].second + 9);
  EXPECT_FALSE(panel.play());
  EXPECT_EQ(panel.secondsUntilChange(), Lab::kNever);
}

}  // namespace
}  // namespace gradlab
