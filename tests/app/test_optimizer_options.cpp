// The optimizer lab's own options (gui, render, bench-frames) without a window (issue 15 item
// 12): --start replaces the starts, --lr reaches every compared method but Newton, and the checks
// use trace's words.
#include <gtest/gtest.h>

#include "app/labs/optimizer/optimizer_lab_panel.h"
#include "app/labs/optimizer/optimizer_options.h"

namespace gradlab {
namespace {

TEST(OptimizerOptions, StartsReplaceTheFunctionsStarts) {
  OptimizerLabPanel panel;
  ASSERT_EQ(panel.applyOptions({"--start", "1,1", "--start=-1,2"}), "");
  const OptimizerLab& lab = panel.state();
  ASSERT_EQ(lab.scene.starts.size(), 2u);
  EXPECT_EQ(lab.scene.starts[0], Vec2(1, 1));
  EXPECT_EQ(lab.scene.starts[1], Vec2(-1, 2));
  ASSERT_EQ(lab.runs.size(), 2u);
  EXPECT_EQ(lab.runs[0].iterates.front().w, Vec2(1, 1));
  // EXERCISES C4: from (1, 1) ascent with eta = 0.1 takes 65 steps.
  EXPECT_EQ(lab.runs[0].status_iteration, 65);
}

TEST(OptimizerOptions, CompareModeTakesTheStartAndTheStepSize) {
  OptimizerLabPanel panel;
  ASSERT_EQ(panel.applyOptions({"--compare", "--lr", "0.05", "--start", "0.5,0.2"}), "");
  const OptimizerLab& lab = panel.state();
  EXPECT_TRUE(lab.scene.compare);
  ASSERT_FALSE(lab.scene.compare_entries.empty());
  for (const CompareEntry& e : lab.scene.compare_entries) {
    if (e.config.method == Method::Newton) {
      EXPECT_EQ(e.config.step_size, 1.0);
    } else {
      EXPECT_EQ(e.config.step_size, 0.05) << methodCliName(e.config.method);
    }
  }
  for (const Trajectory& t : lab.runs) EXPECT_EQ(t.iterates.front().w, Vec2(0.5, 0.2));
}

struct BadOptions {
  std::vector<std::string> args;
  const char* expected;  // a piece of the message
};

TEST(OptimizerOptions, BadOnesSayWhyInTracesWords) {
  const BadOptions cases[] = {
      {{"--compare", "--method", "adam"}, "--method picks the single method"},
      {{"--compare", "--start", "1,1", "--start", "2,2"}, "give one --start"},
      {{"--start", "1,nan"}, "--start must look like X,Y"},
      {{"--lr", "20"}, "--lr must be in [1e-06, 10] for gd (the app's range), got 20"},
      {{"--method", "damped-newton", "--lr", "3"}, "--lr must be in [0.001, 2]"},
      {{"--method", "newton", "--lr", "0.5"}, "does not apply to newton"},
      {{"--function", "nope"}, "unknown function 'nope' (one of sq-norm, "},
      {{"--expr", ""}, "the expression is empty"},
      {{"--function", "rosenbrock", "--expr", "x"}, "not both"},
  };
  for (const BadOptions& c : cases) {
    OptimizerLabPanel panel;
    const std::string error = panel.applyOptions(c.args);
    EXPECT_NE(error.find(c.expected), std::string::npos) << c.args.front() << ": " << error;
  }
}

}  // namespace
}  // namespace gradlab
