// The shared animation clock: every transition, headless.
#include <gtest/gtest.h>

#include <cmath>

#include "app/views/timeline.h"

namespace gradlab {
namespace {

Timeline clockWithRuns(int last) {
  Timeline t;
  timelineNewRuns(t, last);
  return t;
}

TEST(Timeline, NewRunsAreShownInFullAndStopped) {
  Timeline t = clockWithRuns(40);
  EXPECT_FALSE(t.animated);
  EXPECT_FALSE(t.playing);
  EXPECT_EQ(timelineShown(t, 40), 40);
  EXPECT_EQ(timelineShown(t, 7), 7);  // a shorter run: its own end
  EXPECT_TRUE(std::isinf(timelineSecondsToNextIterate(t)));
}

TEST(Timeline, PlayStartsFromZeroWhenEverythingWasShown) {
  Timeline t = clockWithRuns(40);
  timelineTogglePlay(t);
  EXPECT_TRUE(t.playing);
  EXPECT_TRUE(t.animated);
  EXPECT_EQ(timelineShown(t, 40), 0);
  timelineTogglePlay(t);  // pause
  EXPECT_FALSE(t.playing);
  EXPECT_TRUE(t.animated);
}

TEST(Timeline, PlayAfterTheEndRestarts) {
  Timeline t = clockWithRuns(10);
  timelineSeek(t, 10);
  timelineTogglePlay(t);
  EXPECT_EQ(timelineShown(t, 10), 0);
}

TEST(Timeline, PlayResumesWhereItPaused) {
  Timeline t = clockWithRuns(40);
  timelineSeek(t, 12);
  timelineTogglePlay(t);
  EXPECT_EQ(timelineShown(t, 40), 12);
}

TEST(Timeline, AdvanceReportsOnlyChangesOfTheShownIterate) {
  Timeline t = clockWithRuns(40);
  t.speed = 20;
  timelineTogglePlay(t);
  EXPECT_NEAR(timelineSecondsToNextIterate(t), 0.05, 1e-12);
  EXPECT_FALSE(timelineAdvance(t, 0.02));  // 0.4 of an iterate: same picture
  EXPECT_NEAR(timelineSecondsToNextIterate(t), 0.03, 1e-12);
  EXPECT_TRUE(timelineAdvance(t, 0.031));
  EXPECT_EQ(timelineShown(t, 40), 1);
}

TEST(Timeline, AdvanceStopsAtTheEndAndClampsLongStalls) {
  Timeline t = clockWithRuns(40);
  t.speed = 20;
  timelineTogglePlay(t);
  timelineAdvance(t, 10.0);  // a 10 s stall counts as 0.25 s
  EXPECT_EQ(timelineShown(t, 40), 5);
  for (int i = 0; i < 20; ++i) timelineAdvance(t, 0.25);
  EXPECT_FALSE(t.playing);
  EXPECT_EQ(timelineShown(t, 40), 40);
  EXPECT_FALSE(timelineAdvance(t, 0.25));  // stopped: nothing changes
}

TEST(Timeline, StepAndRewindPause) {
  Timeline t = clockWithRuns(3);
  timelineStep(t);
  EXPECT_EQ(timelineShown(t, 3), 1);
  timelineStep(t);
  timelineStep(t);
  timelineStep(t);  // clamps at the end
  EXPECT_EQ(timelineShown(t, 3), 3);
  timelineTogglePlay(t);
  timelineRewind(t);
  EXPECT_FALSE(t.playing);
  EXPECT_EQ(timelineShown(t, 3), 0);
  timelineShowAll(t);
  EXPECT_FALSE(t.animated);
}

TEST(Timeline, SeekClampsToTheRuns) {
  Timeline t = clockWithRuns(10);
  timelineSeek(t, 99);
  EXPECT_EQ(timelineShown(t, 10), 10);
  timelineSeek(t, -3);
  EXPECT_EQ(timelineShown(t, 10), 0);
}

TEST(Timeline, SingleIterateRunsDoNotPlay) {
  Timeline t = clockWithRuns(0);  // every run converged at its start
  timelineTogglePlay(t);
  EXPECT_FALSE(t.playing);
}

TEST(Timeline, ExtremeSpeedsAreClamped) {
  Timeline t = clockWithRuns(100000);
  t.speed = 1e9;
  timelineTogglePlay(t);
  timelineAdvance(t, 0.1);
  EXPECT_EQ(timelineShown(t, 100000), 10000);  // kMaxSpeed x 0.1 s
  t.speed = 0;
  EXPECT_NEAR(timelineSecondsToNextIterate(t), 1.0, 1e-9);  // kMinSpeed
}

}  // namespace
}  // namespace gradlab
