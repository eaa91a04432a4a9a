// The Backprop lab's logic without a window: every state change recomputes what it invalidates,
// scenes round-trip and name a bad field, options apply or say why.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <cmath>
#include <string>

#include "app/labs/backprop/backprop_lab.h"
#include "app/labs/backprop/backprop_lab_panel.h"
#include "app/labs/backprop/backprop_scene.h"

namespace gradlab {
namespace {

TEST(BackpropLab, DefaultIsTheG1NetworkWithTheExercisesForwardValues) {
  BackpropLab lab;
  resetBackpropLab(lab);
  EXPECT_EQ(lab.scene.graph, GraphChoice::G1);
  EXPECT_EQ(lab.pass.values[NetworkNodes::h0], 9);
  EXPECT_EQ(lab.pass.values[NetworkNodes::h0 + 1], 0);
  EXPECT_EQ(lab.pass.values[NetworkNodes::o0], 54);
  EXPECT_EQ(lab.pass.values[NetworkNodes::o0 + 1], 18);
  EXPECT_EQ(lab.selected, NetworkNodes::h0 + 1);  // the dead unit
  EXPECT_EQ(adjointSumText(lab, NetworkNodes::h0 + 1).substr(0, 9), "dL/dh2 = ");
}

TEST(BackpropLab, EditingAWeightUpdatesValuesAndGradientsAtOnce) {
  BackpropLab lab;
  resetBackpropLab(lab);
  setLabel(lab, 1);
  const long before = lab.recomputes;
  NetworkG1 net = lab.scene.network;
  net.w2[0][0] = 1;  // o1 = 9
  ASSERT_EQ(setNetwork(lab, net), "");
  EXPECT_EQ(lab.recomputes, before + 1);
  EXPECT_EQ(lab.pass.values[NetworkNodes::o0], 9);
  // dL/do1 = p0 = 1 / (1 + e^9) now, no longer ~1
  EXPECT_NEAR(lab.pass.adjoints[NetworkNodes::o0], 1 / (1 + std::exp(9.0)), 1e-15);
  net.w1[0][0] = std::nan("");
  EXPECT_NE(setNetwork(lab, net).find("network.w1[0][0]"), std::string::npos);
  EXPECT_EQ(lab.pass.values[NetworkNodes::o0], 9);  // unchanged
}

TEST(BackpropLab, GradientStepLowersTheLossAndRecordsIt) {
  BackpropLab lab;
  resetBackpropLab(lab);
  setLabel(lab, 1);
  const double start = lab.pass.values.back();
  takeGradientStep(lab);
  takeGradientStep(lab);
  ASSERT_EQ(lab.loss_history.size(), 3u);
  EXPECT_EQ(lab.loss_history[0], start);
  EXPECT_LT(lab.loss_history[2], lab.loss_history[1]);
  EXPECT_LT(lab.loss_history[1], start);
  EXPECT_EQ(lab.pass.values.back(), lab.loss_history[2]);
  EXPECT_EQ(lab.scene.network.w1[1][0], -1);  // the dead unit's weights never move
  resetNetworkWeights(lab);
  EXPECT_EQ(lab.scene.network.w2[0][0], 6);
  EXPECT_EQ(lab.scene.network.label, 1);
  EXPECT_TRUE(lab.loss_history.empty());
}

TEST(BackpropLab, SwitchingGraphsShowsG2WithBothPathsIntoBSummed) {
  BackpropLab lab;
  resetBackpropLab(lab);
  setGraphChoice(lab, GraphChoice::G2);
  ASSERT_EQ(lab.graph.nodes.size(), 6u);
  EXPECT_EQ(lab.selected, 1);  // b
  EXPECT_EQ(lab.pass.values.back(), 6);
  EXPECT_EQ(adjointSumText(lab, 1), "de/db = 2 (via c) + 3 (via d) = 5");
  setG2Inputs(lab, 3, -2);  // c = 1, d = -1
  EXPECT_EQ(lab.pass.adjoints[0], -1);
  EXPECT_EQ(lab.pass.adjoints[1], 0);
}

TEST(BackpropLab, TypedFormulaIsTakenWhenItCompilesAndCheckedAgainstTheCompiler) {
  BackpropLab lab;
  resetBackpropLab(lab);
  setGraphChoice(lab, GraphChoice::Typed);
  EXPECT_EQ(setExpression(lab, "(x + y)*(y + 1)"), "");
  setPoint(lab, 2, 1);
  EXPECT_EQ(lab.pass.values.back(), 6);
  EXPECT_EQ(expressionGraphGradient(lab.graph, lab.pass), Vec2(2, 5));
  EXPECT_EQ(lab.compiler_gradient, Vec2(2, 5));
  EXPECT_EQ(compilerDifference(lab), 0);
  const std::size_t nodes = lab.graph.nodes.size();
  EXPECT_NE(setExpression(lab, "(x + "), "");
  EXPECT_FALSE(lab.expression_error.empty());
  EXPECT_EQ(lab.graph.nodes.size(), nodes);  // the last formula that compiled stays
  EXPECT_EQ(lab.scene.expression, "(x + y)*(y + 1)");
}

// The formula box applies what was typed once typing pauses (or on Enter), as the optimizer
// lab's does: half-typed formulas neither replace the graph nor flash errors on the way.
TEST(BackpropLab, ATypedFormulaAppliesOnlyAfterAPauseOrEnter) {
  BackpropLab lab;
  resetBackpropLab(lab);
  setGraphChoice(lab, GraphChoice::Typed);
  const std::string before = lab.scene.expression;
  for (const char* typed : {"(", "(x", "(x +", "(x + y", "(x + y)", "(x + y)*y"}) {
    typeExpression(lab, typed);
    EXPECT_FALSE(advanceExpressionTyping(lab, 0.1));  // keystrokes 0.1 s apart
    EXPECT_EQ(lab.scene.expression, before);
    EXPECT_TRUE(lab.expression_error.empty()) << typed;
  }
  EXPECT_NEAR(lab.expression_typing.secondsLeft(), TypingPause::kPause - 0.1, 1e-12);
  EXPECT_TRUE(advanceExpressionTyping(lab, TypingPause::kPause));  // the pause
  EXPECT_EQ(lab.scene.expression, "(x + y)*y");
  EXPECT_TRUE(std::isinf(lab.expression_typing.secondsLeft()));
  // A formula that does not compile: its error shows after the pause, the graph stays.
  const std::size_t nodes = lab.graph.nodes.size();
  typeExpression(lab, "2x");
  EXPECT_TRUE(lab.expression_error.empty());
  EXPECT_TRUE(advanceExpressionTyping(lab, 1.0));
  EXPECT_NE(lab.expression_error.find("2*x"), std::string::npos) << lab.expression_error;
  EXPECT_EQ(lab.graph.nodes.size(), nodes);
  // Enter applies at once.
  typeExpression(lab, "x*y");
  EXPECT_TRUE(commitExpression(lab));
  EXPECT_EQ(lab.scene.expression, "x*y");
  EXPECT_TRUE(lab.expression_error.empty());
  EXPECT_FALSE(commitExpression(lab));  // nothing left to apply
  BackpropLabPanel panel;
  EXPECT_EQ(panel.secondsUntilChange(), Lab::kNever);
  typeExpression(panel.state(), "x + 1");
  EXPECT_NEAR(panel.secondsUntilChange(), TypingPause::kPause, 1e-12);  // the loop wakes then
}

TEST(BackpropLab, G3AndG4Recompute) {
  BackpropLab lab;
  resetBackpropLab(lab);
  for (double l : lab.g3_loss) EXPECT_GT(l, 0);
  EXPECT_NE(setG3(lab, {1, 2}, 3), "");
  EXPECT_EQ(setG3(lab, {0, 5}, 1), "");
  EXPECT_EQ(lab.g3_ts.front(), 5 - kG3Span);
  EXPECT_LT((lab.g4_gradient - lab.g4_finite_difference).cwiseAbs().maxCoeff(), 1e-8);
  Eigen::MatrixXd w = lab.scene.w;
  w(1, 2) = 2;
  EXPECT_EQ(setG4(lab, w, lab.scene.z, Activation::Sigmoid), "");
  EXPECT_NEAR(lab.g4_gradient(1, 2),
              activationEval(Activation::Sigmoid, (w * lab.scene.z)(1), 0).d1 * lab.scene.z(2),
              1e-15);
}

TEST(BackpropScene, RoundTripsAndNamesABadField) {
  BackpropLabPanel panel;
  ASSERT_EQ(panel.applyOptions({"--graph", "g2", "--g2", "3,4", "--label", "1", "--step-size",
                                "0.5", "--expr", "x*y", "--at", "1,-2", "--steps", "2"}),
            "");
  const nlohmann::json saved = panel.saveScene();
  EXPECT_EQ(saved["graph"], "g2");
  BackpropLabPanel other;
  ASSERT_EQ(other.loadScene(saved), "");
  EXPECT_EQ(other.saveScene(), saved);
  EXPECT_EQ(other.state().scene.a, 3);
  EXPECT_EQ(other.state().scene.expression, "x*y");
  EXPECT_NE(other.state().scene.network.w2[0][0], 6);  // the two gradient steps were saved

  nlohmann::json bad = saved;
  bad["network"]["w1"][1][2] = "five";
  EXPECT_EQ(other.loadScene(bad), "network.w1[1][2] must be a number");
  bad = saved;
  bad["graph"] = "g5";
  EXPECT_NE(other.loadScene(bad).find("graph"), std::string::npos);
  bad = saved;
  bad["typed"]["expression"] = "x +* y";
  EXPECT_NE(other.loadScene(bad).find("typed.expression"), std::string::npos);
  bad = saved;
  bad["g4"]["g"] = "swish";
  EXPECT_NE(other.loadScene(bad).find("g4.g"), std::string::npos);
  bad = saved;
  bad["step_size"] = -1;
  EXPECT_NE(other.loadScene(bad).find("step_size"), std::string::npos);
  EXPECT_EQ(other.saveScene(), saved);  // a refused scene changes nothing
}

TEST(BackpropOptions, BadOnesSayWhy) {
  BackpropLabPanel panel;
  EXPECT_NE(panel.applyOptions({"--graph", "g7"}).find("g7"), std::string::npos);
  EXPECT_NE(panel.applyOptions({"--expr", "2x"}).find("--expr"), std::string::npos);
  EXPECT_NE(panel.applyOptions({"--at", "1"}).find("--at"), std::string::npos);
  EXPECT_NE(panel.applyOptions({"--label", "2"}).find("--label"), std::string::npos);
  EXPECT_NE(panel.applyOptions({"--select", "q"}).find("'q'"), std::string::npos);
  EXPECT_EQ(panel.applyOptions({"--graph", "g2", "--select", "a"}), "");
  EXPECT_EQ(panel.state().selected, 0);
}

}  // namespace
}  // namespace gradlab
