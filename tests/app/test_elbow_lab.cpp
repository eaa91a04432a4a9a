// The elbow lab's logic without a window: state transitions (play, step, seek back, reset, lr /
// alpha / data changes while playing), scene round-trip, options, and E1's stepping.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <cmath>

#include "app/labs/elbows/elbow_figures.h"
#include "app/labs/elbows/elbow_lab.h"
#include "app/labs/elbows/elbow_lab_panel.h"
#include "app/labs/elbows/elbow_scene.h"

namespace gradlab {
namespace {

// What the views show agrees with the core: params are those of a fresh trainer run to the shown
// step (no activation change), the history ends at the shown step.
void expectViewsAgree(ElbowLab& lab) {
  ASSERT_TRUE(lab.trainer);
  EXPECT_EQ(lab.trainer->iteration(), shownStep(lab));
  ReluNetTrainer fresh(lab.data, lab.start, lab.scene.train, lab.scene.activation);
  fresh.steps(int(shownStep(lab)));
  EXPECT_TRUE(fresh.params() == shownParams(lab));
  EXPECT_EQ(shownRecordCount(lab), int(shownStep(lab) / lab.record_every) + 1);
  if (shownStep(lab) % lab.record_every == 0) {
    EXPECT_DOUBLE_EQ(lab.loss_history.back(), lab.trainer->loss());
  }
}

TEST(ElbowLab, DefaultSceneStartsAtStepZeroPaused) {
  ElbowLab lab;
  resetElbowLab(lab);
  EXPECT_EQ(shownStep(lab), 0);
  EXPECT_FALSE(lab.timeline.playing);
  EXPECT_EQ(lab.data.size(), 200);
  EXPECT_EQ(unitCount(lab), 16);
  EXPECT_EQ(lab.loss_history.size(), 1u);
}

TEST(ElbowLab, PlayTrainsAsTheClockAdvancesAndStepSeekAndRewindAgree) {
  ElbowLab lab;
  resetElbowLab(lab);
  timelineTogglePlay(lab.timeline);
  EXPECT_TRUE(advanceElbowLab(lab, 0.1));  // 2000 steps/s
  EXPECT_EQ(shownStep(lab), 200);
  expectViewsAgree(lab);
  timelineStep(lab.timeline);
  syncTraining(lab);
  EXPECT_EQ(shownStep(lab), 201);
  EXPECT_FALSE(lab.timeline.playing);
  expectViewsAgree(lab);
  timelineSeek(lab.timeline, 57);  // back: replayed from step 0
  syncTraining(lab);
  expectViewsAgree(lab);
  timelineRewind(lab.timeline);
  syncTraining(lab);
  EXPECT_EQ(shownStep(lab), 0);
  EXPECT_TRUE(shownParams(lab) == lab.start);
}

TEST(ElbowLab, ChangingTheLearningRateWhilePlayingRestartsAndKeepsPlaying) {
  ElbowLab lab;
  resetElbowLab(lab);
  timelineTogglePlay(lab.timeline);
  advanceElbowLab(lab, 0.05);
  TrainSettings t = lab.scene.train;
  t.lr = 0.2;
  EXPECT_EQ(setTrainSettings(lab, t), "");
  EXPECT_TRUE(lab.timeline.playing);
  EXPECT_EQ(shownStep(lab), 0);
  advanceElbowLab(lab, 0.05);
  expectViewsAgree(lab);
  t.lr = -1;
  EXPECT_NE(setTrainSettings(lab, t), "");
  EXPECT_DOUBLE_EQ(lab.scene.train.lr, 0.2);
}

TEST(ElbowLab, ChangingTheDataWhilePlayingRestartsOnTheNewData) {
  ElbowLab lab;
  resetElbowLab(lab);
  timelineTogglePlay(lab.timeline);
  advanceElbowLab(lab, 0.05);
  EXPECT_EQ(setDataSet(lab, DataSet::Abs), "");
  EXPECT_EQ(lab.data.ys[0], 2);
  ASSERT_EQ(lab.bends.size(), 1u);
  advanceElbowLab(lab, 0.05);
  expectViewsAgree(lab);
}

TEST(ElbowLab, LeakyReluMidTrainingRevivesDeadUnitsAndReplaysTheSameWay) {
  ElbowLab lab;
  resetElbowLab(lab);
  applyDeadUnitPreset(lab);
  EXPECT_EQ(deadUnitCount(shownParams(lab), lab.data), 3);
  timelineTogglePlay(lab.timeline);
  advanceElbowLab(lab, 0.25);
  const long switched = shownStep(lab);
  EXPECT_EQ(deadUnitCount(shownParams(lab), lab.data), 3);
  EXPECT_GT(shownLoss(lab), 0.1);
  const VecX before = shownParams(lab);
  EXPECT_EQ(setActivation(lab, NetActivation{true, 0.1}), "");
  EXPECT_TRUE(lab.timeline.playing);
  for (int k = 0; k < 12; ++k) advanceElbowLab(lab, 0.25);  // 6000 steps
  const VecX after = shownParams(lab);
  for (int j = 3; j < 6; ++j) EXPECT_NE(after(j), before(j)) << "dead unit " << j << " still";
  EXPECT_EQ(deadUnitCount(after, lab.data), 1);
  EXPECT_LT(shownLoss(lab), 0.01);
  // Seeking back before the switch and forward again gives the same run, bit for bit.
  const long end = shownStep(lab);
  timelineSeek(lab.timeline, int(switched) - 10);
  syncTraining(lab);
  timelineSeek(lab.timeline, int(end));
  syncTraining(lab);
  EXPECT_TRUE(shownParams(lab) == after);
}

TEST(ElbowLab, UserPointsAddMoveDelete) {
  ElbowLab lab;
  resetElbowLab(lab);
  EXPECT_EQ(addUserPoint(lab, 0, 1), "");
  EXPECT_EQ(lab.scene.data_set, DataSet::User);
  EXPECT_FALSE(lab.trainer);  // one point: the lab asks for more
  EXPECT_EQ(addUserPoint(lab, 1, 0), "");
  EXPECT_EQ(addUserPoint(lab, -1, 0), "");
  ASSERT_TRUE(lab.trainer);
  EXPECT_EQ(moveUserPoint(lab, 0, 0.5, 2), "");
  EXPECT_EQ(lab.data.xs[0], 0.5);
  EXPECT_EQ(deleteUserPoint(lab, 1), "");
  EXPECT_EQ(lab.data.size(), 2);
  EXPECT_NE(deleteUserPoint(lab, 7), "");
}

TEST(ElbowLab, UnitStepsFollowTheClock) {
  ElbowLab lab;
  resetElbowLab(lab);
  applyUnitCase(lab, 2);
  EXPECT_EQ(unitStepsShown(lab), 0);
  timelineStep(lab.unit_timeline);
  const UnitStep s = lastUnitStep(lab);
  EXPECT_GT(s.slope_change(), 0);
  EXPECT_GT(s.elbow_change(), 0);
  EXPECT_EQ(shownUnit(lab).w, s.after.w);
  timelineTogglePlay(lab.unit_timeline);
  for (int k = 0; k < 4; ++k) advanceElbowLab(lab, 0.25);  // two more steps at 2 steps/s
  EXPECT_EQ(unitStepsShown(lab), 3);
  EXPECT_EQ(setUnitLr(lab, 5), "learning rate must be in (0, 2] (got 5)");
}

// While training plays, the loss curve and the elbow trace keep every point already drawn (only
// their ends move, so only their ends are redrawn), and the loss plot's limits move by quarter
// decades, not with every new lowest loss of noisy SGD.
TEST(ElbowFigures, TrainingMovesOnlyTheEndsOfTheLossAndTraceCurves) {
  ElbowLab lab;
  resetElbowLab(lab);
  timelineTogglePlay(lab.timeline);
  auto line = [](const std::vector<plot::Item>& items, std::size_t k) {
    return std::get<plot::LineItem>(items.at(k));
  };
  std::vector<plot::Item> loss_before, trace_before;
  plot::Limits limits_before{};
  int limit_changes = 0, frames = 0;
  for (; frames < 300; ++frames) {
    advanceElbowLab(lab, 1.0 / 60);  // 2000 steps/s: 33 or 34 steps a frame
    const std::vector<plot::Item> loss = lossItems(lab, 300);
    const std::vector<plot::Item> trace = traceItems(lab, Theme::Dark, 60);
    const plot::Limits limits = lossLimits(lab);
    if (frames > 0) {
      // Every point of the last frame's curves is there again, unchanged, but the last three (the
      // unfinished bucket's lowest and highest loss, and the end).
      const plot::LineItem old_loss = line(loss_before, 0), new_loss = line(loss, 0);
      ASSERT_GE(new_loss.xs.size() + 3, old_loss.xs.size());
      for (std::size_t i = 0; i + 3 < old_loss.xs.size(); ++i) {
        EXPECT_EQ(new_loss.xs[i], old_loss.xs[i]) << "frame " << frames << " point " << i;
        EXPECT_EQ(new_loss.ys[i], old_loss.ys[i]) << "frame " << frames << " point " << i;
      }
      const std::size_t last = trace.size() - 1;  // the last unit's line (bends come first)
      const plot::LineItem old_unit = line(trace_before, last), new_unit = line(trace, last);
      for (std::size_t i = 0; i + 1 < old_unit.xs.size(); ++i) {
        ASSERT_LT(i, new_unit.xs.size());
        EXPECT_EQ(new_unit.xs[i], old_unit.xs[i]) << "frame " << frames;
        EXPECT_EQ(new_unit.ys[i], old_unit.ys[i]) << "frame " << frames;
      }
      if (limits.y.min != limits_before.y.min || limits.y.max != limits_before.y.max)
        ++limit_changes;
    }
    // The limits are quarter decades around every loss drawn.
    EXPECT_NEAR(4 * std::log10(limits.y.min), std::round(4 * std::log10(limits.y.min)), 1e-9);
    for (const double v : line(loss, 0).ys) EXPECT_LT(limits.y.min, v);
    loss_before = loss;
    trace_before = trace;
    limits_before = limits;
  }
  EXPECT_EQ(shownStep(lab), 10000);
  EXPECT_LT(limit_changes, 15) << "the loss plot's limits moved on " << limit_changes
                               << " of 300 frames";
}

TEST(ElbowScene, RoundTripsAndNamesTheBadField) {
  ElbowLab lab;
  resetElbowLab(lab);
  ElbowScene s = lab.scene;
  s.data_set = DataSet::User;
  s.user_points = Samples{{0, 1, 2}, {1, 0, 1}};
  s.units = 9;
  s.dead_units = 2;
  s.activation = NetActivation{true, 0.2};
  s.train.optimizer = NetOptimizer::Adam;
  s.train.lr = 0.01;
  s.train.batch_size = 2;
  s.unit = unitCase(3);
  s.one_unit_tab = true;
  ASSERT_EQ(setScene(lab, s), "");
  const nlohmann::json j = elbowSceneToJson(lab.scene);
  ElbowLab other;
  resetElbowLab(other);
  ASSERT_EQ(loadElbowScene(other, nlohmann::json::parse(j.dump())), "");
  EXPECT_EQ(elbowSceneToJson(other.scene), j);
  EXPECT_TRUE(other.start == lab.start);

  EXPECT_EQ(loadElbowScene(other, {{"training", {{"lr", "fast"}}}}),
            "training.lr must be a number");
  EXPECT_EQ(loadElbowScene(other, {{"network", {{"units", 65}}}}),
            "units must be in [1, 64] (got 65)");
  EXPECT_EQ(loadElbowScene(other, {{"data", {{"set", "moons"}}}}),
            "data.set must be one of sine, abs, step, cubic, user");
  EXPECT_EQ(loadElbowScene(other, {{"data", {{"points", {{1, 2}, {3}}}}}}),
            "data.points[1] must be [x, y]");
  EXPECT_EQ(loadElbowScene(other, {{"view", {{"zoom", 2}}}}),
            "view.zoom is not a setting here (bends, contributions, one_unit)");
  EXPECT_EQ(loadElbowScene(other, {{"lab", "stochastic"}}), "lab: this is not an elbows scene");
  EXPECT_EQ(elbowSceneToJson(other.scene), j);  // unchanged by the refusals
}

// Leaky ReLU switched on mid-training is part of the run a scene file keeps: loading it replays
// the same run (ReLU until the switch, dead units reviving after it), bit for bit.
TEST(ElbowScene, AnActivationSwitchedWhileTrainingReplaysFromTheFile) {
  ElbowLab lab;
  resetElbowLab(lab);
  applyDeadUnitPreset(lab);
  timelineTogglePlay(lab.timeline);
  advanceElbowLab(lab, 0.25);
  const long switched = shownStep(lab);
  ASSERT_EQ(setActivation(lab, NetActivation{true, 0.1}), "");
  for (int k = 0; k < 4; ++k) advanceElbowLab(lab, 0.25);
  timelineTogglePlay(lab.timeline);
  const VecX params = shownParams(lab);
  const nlohmann::json j = elbowLabSceneToJson(lab);
  EXPECT_EQ(j["network"]["activation"], "relu");  // the run's activation at step 0
  ASSERT_EQ(j["activation_changes"].size(), 1u);
  EXPECT_EQ(j["activation_changes"][0]["step"], switched);

  ElbowLab other;
  resetElbowLab(other);
  ASSERT_EQ(loadElbowScene(other, nlohmann::json::parse(j.dump())), "");
  EXPECT_EQ(shownStep(other), shownStep(lab));
  EXPECT_TRUE(shownParams(other) == params);
  EXPECT_TRUE(other.scene.activation.leaky);  // the controls show the switch
  EXPECT_EQ(deadUnitCount(shownParams(other), other.data), deadUnitCount(params, lab.data));
  // Rewound, the loaded run is ReLU again until the switch.
  timelineSeek(other.timeline, int(switched) - 1);
  syncTraining(other);
  EXPECT_EQ(deadUnitCount(shownParams(other), other.data), 3);
  const VecX rewound = shownParams(other);

  nlohmann::json bad = j;
  bad["activation_changes"][0]["step"] = 0;
  EXPECT_EQ(loadElbowScene(other, bad),
            "activation_changes[0].step must be a whole number after the last change's (and at "
            "least 1)");
  bad = j;
  bad["activation_changes"][0]["activation"] = "tanh";
  EXPECT_EQ(loadElbowScene(other, bad),
            "activation_changes[0].activation must be relu or leaky_relu");
  bad = j;
  bad["activation_changes"][0]["alpha"] = 2;
  EXPECT_EQ(loadElbowScene(other, bad), "activation_changes[0]: alpha must be in [0, 1] (got 2)");
  EXPECT_TRUE(shownParams(other) == rewound) << "a bad file changes nothing";
}

TEST(ElbowLabPanel, OptionsPretrainAndBadOnesSayWhy) {
  ElbowLabPanel panel;
  EXPECT_EQ(panel.applyOptions({"--preset", "e3", "--units", "8", "--alpha", "0.1", "--lr", "0.05",
                                "--batch", "10", "--steps", "500"}),
            "");
  ElbowLab& lab = panel.state();
  EXPECT_EQ(shownStep(lab), 500);
  EXPECT_TRUE(lab.scene.activation.leaky);
  EXPECT_EQ(lab.scene.dead_units, 3);
  EXPECT_EQ(lab.steps_trained, 500);
  EXPECT_EQ(panel.secondsUntilChange(), Lab::kNever);
  EXPECT_TRUE(panel.play());
  EXPECT_LT(panel.secondsUntilChange(), 0.01);

  ElbowLabPanel other;
  EXPECT_NE(other.applyOptions({"--units", "0"}).find("units must be in [1, 64]"),
            std::string::npos);
  EXPECT_NE(other.applyOptions({"--batch", "500"}).find("batch size must be in [1, 200]"),
            std::string::npos);
  EXPECT_NE(other.applyOptions({"--data", "moons"}).find("--data must be"), std::string::npos);
  EXPECT_NE(other.applyOptions({"--case", "5"}).find("--case"), std::string::npos);
  EXPECT_NE(other.applyOptions({"--bogus"}), "");
}

}  // namespace
}  // namespace gradlab
