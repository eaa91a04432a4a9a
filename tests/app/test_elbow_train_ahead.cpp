// Training ahead (elbow_lab.h trainAhead): the next frame's steps trained on a second thread must
// never change what the lab shows. Each test drives two labs through the same frames and edits,
// one training ahead between frames as the app does and one training in place only, and checks
// that both show the same run, bit for bit, after every transition.
#include <gtest/gtest.h>

#include <functional>
#include <vector>

#include "app/labs/elbows/elbow_lab.h"

namespace gradlab {
namespace {

// Both labs show the same step, parameters, history and status.
void expectSameRun(ElbowLab& ahead, ElbowLab& in_place, const char* when) {
  SCOPED_TRACE(when);
  EXPECT_EQ(shownStep(ahead), shownStep(in_place));
  EXPECT_EQ(ahead.timeline.playing, in_place.timeline.playing);
  EXPECT_EQ(ahead.timeline.last, in_place.timeline.last);
  ASSERT_TRUE(ahead.trainer && in_place.trainer);
  EXPECT_EQ(ahead.trainer->iteration(), shownStep(ahead));
  EXPECT_TRUE(shownParams(ahead) == shownParams(in_place));
  EXPECT_EQ(ahead.loss_history, in_place.loss_history);
  EXPECT_EQ(ahead.dead_history, in_place.dead_history);
  ASSERT_EQ(ahead.elbow_history.size(), in_place.elbow_history.size());
  for (std::size_t i = 0; i < ahead.elbow_history.size(); ++i)  // NaN: a unit with no elbow
    ASSERT_TRUE(ahead.elbow_history[i] == in_place.elbow_history[i] ||
                (std::isnan(ahead.elbow_history[i]) && std::isnan(in_place.elbow_history[i])))
        << "record " << i;
  EXPECT_EQ(shownLoss(ahead), shownLoss(in_place));
  EXPECT_EQ(ahead.status, in_place.status);
}

struct TwoLabs {
  ElbowLab ahead, in_place;
  TwoLabs() {
    resetElbowLab(ahead);
    resetElbowLab(in_place);
  }
  // The same edit on both.
  void both(const std::function<void(ElbowLab&)>& edit) {
    edit(ahead);
    edit(in_place);
  }
  // One frame as the app draws it: the clock advances, the views are built, and (only `ahead`)
  // the next frame's steps start training while this one is rasterized.
  void frame(double dt) {
    advanceElbowLab(ahead, dt);
    advanceElbowLab(in_place, dt);
    trainAhead(ahead, dt);
  }
};

TEST(ElbowTrainAhead, PlayingTrainsTheNextFramesStepsOnTheSecondThread) {
  TwoLabs labs;
  labs.both([](ElbowLab& lab) { timelineTogglePlay(lab.timeline); });
  for (int k = 0; k < 120; ++k) {
    labs.frame(1.0 / 60);
    expectSameRun(labs.ahead, labs.in_place, "playing");
  }
  EXPECT_EQ(shownStep(labs.ahead), 4000);  // 2000 steps a second for two seconds
  // Every frame after the first took 90% of its steps trained ahead (29 or 30 of 33 or 34).
  EXPECT_GE(labs.ahead.steps_trained_ahead, 119 * 29);
  EXPECT_EQ(labs.ahead.steps_trained, 4000);
  EXPECT_EQ(labs.ahead.replays, labs.in_place.replays);
}

// The app's frames do not come at a steady rate. A job trains a little less than the last
// frame's steps; when this frame comes sooner still, the job went past the clock and is dropped.
// Either way the views show the run trained in place to the clock's step.
TEST(ElbowTrainAhead, FramesAtAnUnsteadyRateShowTheClocksStep) {
  TwoLabs labs;
  labs.both([](ElbowLab& lab) { timelineTogglePlay(lab.timeline); });
  const double dts[] = {1.0 / 60, 1.0 / 120, 1.0 / 30, 0.001, 1.0 / 60, 0.25, 1.0 / 240, 1.0 / 59};
  for (int k = 0; k < 80; ++k) {
    labs.frame(dts[k % 8]);
    expectSameRun(labs.ahead, labs.in_place, "unsteady");
  }
  EXPECT_GT(labs.ahead.steps_trained_ahead, 0);
}

// A pause, a step, a seek back, an activation switch or a new learning rate made while a job
// trains: the job's steps are taken only when they are still the run the lab shows.
TEST(ElbowTrainAhead, EditsWhileAJobTrainsShowWhatTrainingInPlaceShows) {
  TwoLabs labs;
  labs.both([](ElbowLab& lab) { applyDeadUnitPreset(lab); });
  labs.both([](ElbowLab& lab) { timelineTogglePlay(lab.timeline); });
  const std::vector<std::pair<const char*, std::function<void(ElbowLab&)>>> edits = {
      {"pause",
       [](ElbowLab& lab) {
         timelineTogglePlay(lab.timeline);
         syncTraining(lab);
       }},
      {"play",
       [](ElbowLab& lab) {
         timelineTogglePlay(lab.timeline);
         syncTraining(lab);
       }},
      {"step",
       [](ElbowLab& lab) {
         timelineStep(lab.timeline);
         syncTraining(lab);
         timelineTogglePlay(lab.timeline);
       }},
      {"leaky",
       [](ElbowLab& lab) {
         setActivation(lab, NetActivation{true, 0.1});
       }},
      {"seek back",
       [](ElbowLab& lab) {
         timelineSeek(lab.timeline, 120);
         syncTraining(lab);
         timelineTogglePlay(lab.timeline);
       }},
      {"relu",
       [](ElbowLab& lab) {
         setActivation(lab, NetActivation{false, 0.1});
       }},
      {"learning rate",
       [](ElbowLab& lab) {
         TrainSettings t = lab.scene.train;
         t.lr = 0.1;
         setTrainSettings(lab, t);
       }},
      {"units", [](ElbowLab& lab) { setUnits(lab, 8, 2); }},
  };
  for (const auto& [name, edit] : edits) {
    for (int k = 0; k < 5; ++k) labs.frame(1.0 / 60);
    ASSERT_EQ(bool(labs.ahead.ahead), labs.ahead.timeline.playing)
        << "a job is under way while playing, before \"" << name << "\"";
    labs.both(edit);
    expectSameRun(labs.ahead, labs.in_place, name);
    labs.frame(1.0 / 60);
    expectSameRun(labs.ahead, labs.in_place, name);
  }
  EXPECT_GT(labs.ahead.steps_trained_ahead, 0);
}

// A new run made while a job trains the old one: the job is dropped even when the new run's
// clock passes the job's step in the next frame.
TEST(ElbowTrainAhead, ANewRunMadeWhileAJobTrainsDropsTheJob) {
  TwoLabs labs;
  labs.both([](ElbowLab& lab) { timelineTogglePlay(lab.timeline); });
  labs.frame(1.0 / 60);
  ASSERT_TRUE(labs.ahead.ahead);
  labs.both([](ElbowLab& lab) {
    TrainSettings t = lab.scene.train;
    t.lr = 0.2;
    setTrainSettings(lab, t);
  });
  labs.frame(0.1);  // 200 steps: past the old run's job
  expectSameRun(labs.ahead, labs.in_place, "new learning rate");
  EXPECT_EQ(shownStep(labs.ahead), 200);
}

// A run that diverges inside a job stops where it would have stopped in place: same step, same
// status, clock paused there, and no job is started after it.
TEST(ElbowTrainAhead, ARunThatDivergesAheadStopsAtTheSameStep) {
  TwoLabs labs;
  labs.both([](ElbowLab& lab) {
    TrainSettings t = lab.scene.train;
    t.lr = 10;
    t.batch_size = 1;
    setTrainSettings(lab, t);
    setDataSet(lab, DataSet::NoisyCubic);
    timelineTogglePlay(lab.timeline);
  });
  for (int k = 0; k < 200 && labs.in_place.status.empty(); ++k) labs.frame(1.0 / 60);
  labs.frame(1.0 / 60);
  ASSERT_NE(labs.in_place.status, "") << "lr 10 did not diverge";
  expectSameRun(labs.ahead, labs.in_place, "diverged");
  EXPECT_FALSE(labs.ahead.timeline.playing);
  EXPECT_FALSE(labs.ahead.ahead);
}

// A lab destroyed or reset while its job trains waits for the job (no thread outlives the run
// it trains).
TEST(ElbowTrainAhead, ResetWhileAJobTrainsIsSafe) {
  ElbowLab lab;
  resetElbowLab(lab);
  setUnits(lab, 64, 0);
  timelineTogglePlay(lab.timeline);
  lab.timeline.speed = Timeline::kMaxSpeed;
  advanceElbowLab(lab, 1.0 / 60);
  trainAhead(lab, 1.0 / 60);
  ASSERT_TRUE(lab.ahead);
  resetElbowLab(lab);
  EXPECT_FALSE(lab.ahead);
  EXPECT_EQ(shownStep(lab), 0);
  {
    ElbowLab other;
    resetElbowLab(other);
    timelineTogglePlay(other.timeline);
    advanceElbowLab(other, 1.0 / 60);
    trainAhead(other, 1.0 / 60);
    ASSERT_TRUE(other.ahead);
  }  // destroyed with its job under way
}

}  // namespace
}  // namespace gradlab
