// The Optimizer lab's logic without a window: the default scene, expression errors, method
// switches and the inspector, against the core's own numbers and EXERCISES.md.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>

#include <chrono>
#include <thread>

#include "app/labs/optimizer/optimizer_figures.h"
#include "app/labs/optimizer/optimizer_lab.h"
#include "app/labs/optimizer/run_worker.h"
#include "app/labs/optimizer/sweep_worker.h"

namespace gradlab {
namespace {

TEST(OptimizerLab, DefaultSceneIsExerciseC4WithThreeConvergedAscents) {
  OptimizerLab lab;
  resetOptimizerLab(lab);
  EXPECT_EQ(lab.scene.spec.name, "two-bumps");
  EXPECT_TRUE(lab.scene.config.maximize);
  EXPECT_EQ(lab.scene.config.method, Method::GradientDescent);
  EXPECT_DOUBLE_EQ(lab.scene.config.step_size, 0.1);
  ASSERT_EQ(lab.runs.size(), 3u);
  const int steps[3] = {55, 54, 65};  // EXERCISES C4, eta = 0.1
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(lab.runs[i].status, RunStatus::Converged);
    EXPECT_EQ(lab.runs[i].status_iteration, steps[i]) << "run " << i + 1;
    EXPECT_NE(runSummary(lab, i).find("to a maximum (f = 1.060077)"), std::string::npos)
        << runSummary(lab, i);
  }
}

TEST(OptimizerLab, InvalidExpressionKeepsThePreviousObjectiveAndReportsTheColumn) {
  OptimizerLab lab;
  resetOptimizerLab(lab);
  const ObjectivePtr before = lab.objective;
  const int version = lab.objective_version;
  EXPECT_FALSE(applyExpression(lab, "x^2 + (y"));
  EXPECT_EQ(lab.objective, before);
  EXPECT_EQ(lab.objective_version, version);
  EXPECT_NE(lab.expression_error.find("column"), std::string::npos) << lab.expression_error;
  EXPECT_EQ(lab.scene.spec.name, "two-bumps");

  EXPECT_TRUE(applyExpression(lab, "(x - 1)^2 + (y + 2)^2"));
  EXPECT_TRUE(lab.expression_error.empty());
  EXPECT_NE(lab.objective, before);
  EXPECT_EQ(lab.scene.spec.name, "expression");
  EXPECT_FALSE(lab.scene.config.maximize);  // a typed function is minimized unless asked otherwise
  recomputeRuns(lab);
  ASSERT_FALSE(lab.runs.empty());
  EXPECT_EQ(lab.runs[0].status, RunStatus::Converged);
  EXPECT_NEAR(lab.runs[0].iterates.back().w.x(), 1.0, 1e-4);
  EXPECT_NEAR(lab.runs[0].iterates.back().w.y(), -2.0, 1e-4);
}

TEST(OptimizerLab, SwitchingMethodKeepsTheStepSizeButNewtonUsesItsOwn) {
  OptimizerLab lab;
  resetOptimizerLab(lab);
  setUserStepSize(lab, 0.25);
  selectMethod(lab, Method::Adam);
  EXPECT_DOUBLE_EQ(lab.scene.config.step_size, 0.25);
  EXPECT_TRUE(lab.scene.config.maximize);
  selectMethod(lab, Method::Newton);
  EXPECT_DOUBLE_EQ(lab.scene.config.step_size, 1.0);
}

// Issue 15, item 6: Newton -> gradient descent used to reset the step to 0.1 (every Rosenbrock
// run then diverged). The gradient step comes back.
TEST(OptimizerLab, NewtonAndBackRestoresTheGradientStep) {
  OptimizerLab lab;
  resetOptimizerLab(lab);
  selectBuiltin(lab, "rosenbrock");
  setUserStepSize(lab, 1e-3);
  selectMethod(lab, Method::Newton);
  selectMethod(lab, Method::DampedNewton);
  EXPECT_DOUBLE_EQ(lab.scene.config.step_size, 0.5);  // damped Newton's own eta
  selectMethod(lab, Method::GradientDescent);
  EXPECT_DOUBLE_EQ(lab.scene.config.step_size, 1e-3);
  recomputeRuns(lab);
  for (const Trajectory& t : lab.runs) EXPECT_NE(t.status, RunStatus::Diverged);
}

// Issue 15, item 6: picking C4 from the list opened it at a suggested 0.299959 (16/15/19 steps),
// not the homework's 0.1 (55/54/65 steps).
TEST(OptimizerLab, AHomeworkFunctionOpensWithTheHomeworkSettings) {
  OptimizerLab lab;
  resetOptimizerLab(lab);
  selectBuiltin(lab, "rosenbrock");
  selectMethod(lab, Method::Adam);
  setUserStepSize(lab, 0.02);
  selectBuiltin(lab, "two-bumps");
  recomputeRuns(lab);
  EXPECT_EQ(lab.scene.config.method, Method::GradientDescent);
  EXPECT_DOUBLE_EQ(lab.scene.config.step_size, 0.1);
  ASSERT_EQ(lab.runs.size(), 3u);
  EXPECT_EQ(lab.runs[0].status_iteration, 55);
  EXPECT_EQ(lab.runs[1].status_iteration, 54);
  EXPECT_EQ(lab.runs[2].status_iteration, 65);
  selectBuiltin(lab, "quadratic");  // C5: gradient descent at 0.5 from (1, 1)
  recomputeRuns(lab);
  EXPECT_DOUBLE_EQ(lab.scene.config.step_size, 0.5);
  EXPECT_NEAR(lab.runs[0].iterates[1].w.x(), 2.0, 1e-15);
  EXPECT_NEAR(lab.runs[0].iterates[1].w.y(), 0.5, 1e-15);
}

// A step the user set stays on a new function; a better one is only offered.
TEST(OptimizerLab, TheUsersStepStaysOnANewFunctionAndABetterOneIsOffered) {
  OptimizerLab lab;
  resetOptimizerLab(lab);
  setUserStepSize(lab, 0.05);
  selectBuiltin(lab, "himmelblau");
  EXPECT_DOUBLE_EQ(lab.scene.config.step_size, 0.05);
  setUserStepSize(lab, 5.0);  // far too long for Himmelblau
  const double offer = offeredStepSize(lab);
  EXPECT_GT(offer, 0);
  EXPECT_LT(offer, 5.0 / 3);
  setUserStepSize(lab, offer);
  EXPECT_EQ(offeredStepSize(lab), 0);  // taken: nothing more to offer
  // Until the user sets one, each function gets a step that suits it.
  OptimizerLab fresh;
  resetOptimizerLab(fresh);
  selectBuiltin(fresh, "himmelblau");
  EXPECT_DOUBLE_EQ(
      fresh.scene.config.step_size,
      suggestedStepSize(*fresh.objective, Method::GradientDescent, fresh.scene.starts[0]));
}

// Issue 15, item 6: a custom expression used to replace all starts with one.
TEST(OptimizerLab, ACustomExpressionKeepsTheStarts) {
  OptimizerLab lab;
  resetOptimizerLab(lab);
  addStart(lab, Vec2(2, 2));
  ASSERT_TRUE(applyExpression(lab, "x^2 + y^2"));
  EXPECT_EQ(lab.scene.starts.size(), 4u);
}

// Issue 15, item 7: deleting run 3 of 4 used to turn pink run 4 into green run 3.
TEST(OptimizerLab, DeletingARunKeepsTheOthersColoursAndNames) {
  OptimizerLab lab;
  resetOptimizerLab(lab);
  ASSERT_EQ(addStart(lab, Vec2(2, 2)), 3);
  recomputeRun(lab, 3);
  const Trajectory fourth = lab.runs[3];
  ASSERT_TRUE(removeStart(lab, 2));
  ASSERT_EQ(lab.scene.starts.size(), 3u);
  EXPECT_EQ(runSlot(lab, 2), 3);  // still the fourth colour
  EXPECT_EQ(runLabel(lab, 2), "run 4");
  EXPECT_EQ(lab.runs[2].iterates.size(), fourth.iterates.size());  // its run, not rerun
  // A new start takes the free slot: the third colour and name come back.
  ASSERT_EQ(addStart(lab, Vec2(-1, -1)), 3);
  EXPECT_EQ(runSlot(lab, 3), 2);
  EXPECT_EQ(runLabel(lab, 3), "run 3");
}

TEST(OptimizerLab, StartEditsRefuseWhatWouldBreakTheScene) {
  OptimizerLab lab;
  resetOptimizerLab(lab);
  EXPECT_EQ(addStart(lab, Vec2(std::nan(""), 0)), -1);
  EXPECT_FALSE(moveStart(lab, 0, Vec2(0, INFINITY)));
  EXPECT_FALSE(moveStart(lab, 0, lab.scene.starts[0]));  // no change, nothing to rerun
  EXPECT_FALSE(moveStart(lab, 7, Vec2(0, 0)));
  while (addRandomStart(lab) >= 0) {
  }
  EXPECT_EQ(int(lab.scene.starts.size()), kMaxRuns);
  for (const Vec2& w : lab.scene.starts) {
    EXPECT_GE(w.x(), lab.scene.view.x_min);
    EXPECT_LE(w.x(), lab.scene.view.x_max);
  }
  while (lab.scene.starts.size() > 1) ASSERT_TRUE(removeStart(lab, 0));
  EXPECT_FALSE(removeStart(lab, 0));  // the last start stays
  EXPECT_EQ(lab.scene.starts.size(), lab.start_slots.size());
}

TEST(OptimizerLab, NewtonOnTheLinearFunctionSaysSoInTheChip) {
  OptimizerLab lab;
  resetOptimizerLab(lab);
  selectBuiltin(lab, "linear");
  selectMethod(lab, Method::Newton);
  recomputeRuns(lab);
  ASSERT_FALSE(lab.runs.empty());
  EXPECT_EQ(lab.runs[0].status, RunStatus::NewtonImpossible);
  EXPECT_NE(runSummary(lab, 0).find("Newton impossible"), std::string::npos) << runSummary(lab, 0);
}

TEST(OptimizerLab, InspectorClassifiesTheTwoBumpsSaddleAndGivesTheNewtonStep) {
  OptimizerLab lab;
  resetOptimizerLab(lab);
  // (0.5, 0.5) is stationary by point symmetry: a saddle between the two maxima.
  const PointInspection p = inspectPoint(*lab.objective, Vec2(0.5, 0.5));
  EXPECT_NEAR(p.eval.grad.norm(), 0.0, 1e-12);
  EXPECT_EQ(p.hessian.kind, PointKind::Saddle);
  EXPECT_LT(p.hessian.eigenvalues(0), 0.0);
  EXPECT_GT(p.hessian.eigenvalues(1), 0.0);
  ASSERT_TRUE(p.newton_ok);
  EXPECT_NEAR(p.newton_step.norm(), 0.0, 1e-12);
  // C5 quadratic: one Newton step from (1, 1) lands on the minimum (2, 1).
  selectBuiltin(lab, "quadratic");
  const PointInspection q = inspectPoint(*lab.objective, Vec2(1, 1));
  ASSERT_TRUE(q.newton_ok);
  EXPECT_NEAR(1 + q.newton_step.x(), 2.0, 1e-12);
  EXPECT_NEAR(1 + q.newton_step.y(), 1.0, 1e-12);
  // The linear function's Hessian is 0: no Newton step (EXERCISES C2).
  selectBuiltin(lab, "linear");
  EXPECT_FALSE(inspectPoint(*lab.objective, Vec2(0.3, 0.7)).newton_ok);
}

TEST(OptimizerLab, InspectorNamesAnOptimumOnlyWhereTheGradientVanishes) {
  OptimizerLab lab;
  resetOptimizerLab(lab);
  // C4's saddle (0.5, 0.5) is stationary; (0.5, 0.45) has the same saddle shape but a slope.
  EXPECT_STREQ(describeShape(inspectPoint(*lab.objective, Vec2(0.5, 0.5)), 1e-4), "a saddle point");
  EXPECT_STREQ(describeShape(inspectPoint(*lab.objective, Vec2(0.5, 0.45)), 1e-4),
               "saddle-shaped here");
  // C5: the Hessian is positive definite everywhere, a minimum only at (2, 1).
  selectBuiltin(lab, "quadratic");
  EXPECT_STREQ(describeShape(inspectPoint(*lab.objective, Vec2(2, 1)), 1e-4), "a minimum");
  EXPECT_STREQ(describeShape(inspectPoint(*lab.objective, Vec2(1, 1)), 1e-4),
               "bowl-shaped here (curves up)");
}

TEST(OptimizerLab, DeepValleysOpenWithLogLevelsAndALogFAxis) {
  OptimizerLab lab;
  resetOptimizerLab(lab);
  EXPECT_FALSE(lab.scene.log_f_axis);  // C4's f lies in (0, 1.06]: linear reads best
  selectBuiltin(lab, "rosenbrock");
  EXPECT_TRUE(lab.scene.log_f_axis);
  EXPECT_TRUE(lab.scene.contour.log_levels);
  selectBuiltin(lab, "quadratic");  // minimum f = -3: a log axis would hide it
  EXPECT_FALSE(lab.scene.log_f_axis);
}

TEST(OptimizerLab, SuggestedStepIsStableAtTheOptimumTheRunsHeadFor) {
  // C6 cubic 2 x1^3 - 5 x1 + x2^2: its minimum (sqrt(5/6), 0) curves 12 sqrt(5/6) = 10.95 along
  // x1, three times more than the first start (0.3, 1). A step from the start's curvature alone
  // (1 / 3.6) oscillates there and diverges; the suggestion must stay below 2 / 10.95.
  OptimizerLab lab;
  resetOptimizerLab(lab);
  selectBuiltin(lab, "cubic");
  EXPECT_LT(lab.scene.config.step_size, 2.0 / (12.0 * std::sqrt(5.0 / 6.0)));
  recomputeRuns(lab);
  ASSERT_EQ(lab.runs.size(), 3u);
  for (int r = 0; r < 2; ++r) {
    EXPECT_EQ(lab.runs[r].status, RunStatus::Converged) << "run " << r + 1;
    EXPECT_NEAR(lab.runs[r].iterates.back().w.x(), std::sqrt(5.0 / 6.0), 1e-4);
  }
  // The third start lies where f falls without bound: diverging is the right answer there.
  EXPECT_EQ(lab.runs[2].status, RunStatus::Diverged);
}

TEST(OptimizerLab, AnimationRevealsIterationsAndStopsAtTheEnd) {
  OptimizerLab lab;
  resetOptimizerLab(lab);
  EXPECT_EQ(shownIterations(lab, 0), 55);  // not animating: everything shown
  EXPECT_EQ(lab.timeline.last, 65);        // the longest run
  timelineTogglePlay(lab.timeline);
  EXPECT_TRUE(timelineAdvance(lab.timeline, 0.25));  // 20 iterations/s: 5 iterations
  EXPECT_EQ(shownIterations(lab, 0), 5);
  for (int i = 0; i < 100; ++i) timelineAdvance(lab.timeline, 0.25);
  EXPECT_FALSE(lab.timeline.playing);
  EXPECT_EQ(shownIterations(lab, 2), 65);
  EXPECT_EQ(shownIterations(lab, 1), 54);  // a shorter run stays at its end
}

// Issue 15, item 1: Play to the end, then a new step size. The old cursor (iteration 13) must not
// cut the new runs short in any view: they are shown in full and the caption says so.
TEST(OptimizerLab, NewStepSizeAfterPlayShowsTheNewRunsInFull) {
  OptimizerLab lab;
  resetOptimizerLab(lab);
  timelineTogglePlay(lab.timeline);
  timelineAdvance(lab.timeline, 0.25);
  timelineSeek(lab.timeline, 13);  // paused at iteration 13
  ASSERT_EQ(shownIterations(lab, 0), 13);
  EXPECT_EQ(shownIterateCaption(lab, 0), "run 1 at iteration 13 of 55");
  lab.scene.config.step_size = 0.01;
  recomputeRuns(lab);
  EXPECT_FALSE(lab.timeline.animated);
  EXPECT_FALSE(lab.timeline.playing);
  const int last = int(lab.runs[0].iterates.size()) - 1;
  EXPECT_GT(last, 500);  // eta = 0.01 crawls
  EXPECT_EQ(shownIterations(lab, 0), last);
  EXPECT_EQ(lab.timeline.last, longestRun(lab));
  EXPECT_EQ(shownIterateCaption(lab, 0),
            "where run 1 ends (iteration " + std::to_string(last) + ")");
}

// The same rule for every change that replaces runs: a new function, a dragged or deleted start.
TEST(OptimizerLab, EveryRunChangeStopsTheTimelineAndShowsAll) {
  OptimizerLab lab;
  resetOptimizerLab(lab);
  const auto playSome = [&lab] {
    timelineTogglePlay(lab.timeline);
    timelineAdvance(lab.timeline, 0.1);
    ASSERT_TRUE(lab.timeline.animated);
  };
  playSome();
  selectBuiltin(lab, "rosenbrock");
  recomputeRuns(lab);
  EXPECT_FALSE(lab.timeline.animated);
  playSome();
  lab.scene.starts[0] = Vec2(0.5, 0.5);
  recomputeRun(lab, 0);
  EXPECT_FALSE(lab.timeline.animated);
  EXPECT_EQ(lab.timeline.last, longestRun(lab));
  playSome();
  removeStart(lab, 0);
  EXPECT_FALSE(lab.timeline.playing);
  EXPECT_EQ(lab.timeline.last, longestRun(lab));
}

TEST(OptimizerLab, CompareModeRunsEveryEnabledMethodFromTheFirstStart) {
  OptimizerLab lab;
  resetOptimizerLab(lab);
  lab.scene.compare = true;
  lab.scene.compare_entries[1].enabled = false;
  recomputeRuns(lab);
  ASSERT_EQ(lab.runs.size(), lab.scene.compare_entries.size());
  EXPECT_TRUE(lab.runs[1].iterates.empty());
  for (std::size_t i = 0; i < lab.runs.size(); ++i) {
    if (i == 1) continue;
    ASSERT_FALSE(lab.runs[i].iterates.empty());
    EXPECT_EQ(lab.runs[i].iterates.front().w, lab.scene.starts.front());
  }
}

TEST(OptimizerLab, CompareModeNumbersARepeatedMethodSoEachHasItsOwnLegendEntry) {
  OptimizerLab lab;
  resetOptimizerLab(lab);
  lab.scene.compare = true;
  lab.scene.compare_entries[1].config = lab.scene.compare_entries[0].config;  // GD twice, GD first
  EXPECT_EQ(runLabel(lab, 0), "Gradient descent (1)");
  EXPECT_EQ(runLabel(lab, 1), "Gradient descent (2)");
  EXPECT_EQ(runLabel(lab, 2), "Adam");
  lab.scene.compare = false;
  EXPECT_EQ(runLabel(lab, 2), "run 3");
}

}  // namespace
}  // namespace gradlab

namespace gradlab {
namespace {

// Waits (bounded) for the scheduler's background recompute to land; true when it did.
bool waitForRuns(OptimizerLab& lab, RunScheduler& scheduler) {
  for (int i = 0; i < 6000 && scheduler.pending; ++i) {
    if (collectRuns(lab, scheduler)) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return !scheduler.pending;
}

// 16 starts at the slider's 100,000 iterations, a step so small that no run stops early: the
// iteration cap holds them to 10,000 each (160,016 steps).
void makeHeavy(OptimizerLab& lab) {
  resetOptimizerLab(lab);
  std::vector<Vec2> starts;
  starts.reserve(kMaxRuns);
  for (int i = 0; i < kMaxRuns; ++i) starts.push_back(Vec2(-1 + 0.1 * i, 0.4));
  setStarts(lab, starts);
  lab.scene.config.stop.max_iterations = 100000;
  lab.scene.config.step_size = 1e-6;
}

// A scheduler whose frame budget the heavy scene exceeds, so its recomputes go to the worker.
void useWorker(RunScheduler& scheduler) {
  scheduler.frame_step_budget = 10000;
}

long keptIterates(const std::vector<Trajectory>& runs) {
  long n = 0;
  for (const Trajectory& t : runs) n += long(t.iterates.size());
  return n;
}

// Issue 15, item 13: 16 starts at 100,000 iterations kept 1.6 M iterates (77 MB); the soak's
// RSS jumped by 83 MB. The iterates kept over all runs are now bounded.
TEST(IterationCap, BoundsTheIteratesKeptOverAllRuns) {
  OptimizerLab lab;
  makeHeavy(lab);
  recomputeRuns(lab);
  ASSERT_EQ(lab.runs.size(), 16u);
  EXPECT_LE(keptIterates(lab.runs), kMaxKeptIterates);
  EXPECT_LE(double(keptIterates(lab.runs)) * sizeof(Iterate), 7.7e6);
  for (const Trajectory& t : lab.runs) {
    EXPECT_EQ(t.iterates.size(), 10001u);  // 16 x 10,001 = kMaxKeptIterates exactly
    EXPECT_EQ(t.status, RunStatus::MaxIterations);
  }
  EXPECT_EQ(lab.scene.config.stop.max_iterations, 100000);  // the user's value stays
  EXPECT_EQ(iterationCapNote(lab),
            "16 runs stop at 10000 iterations: all runs keep at most 160016 iterates (7.7 MB)");
  EXPECT_EQ(runHint(lab, 0),
            "change the step size, or use fewer starts (with 16, each stops at 10000)");
  // The worker's snapshot is capped the same way.
  const RunResult background = computeRunResult({runInputs(lab), 1});
  EXPECT_EQ(keptIterates(background.runs), keptIterates(lab.runs));
}

TEST(IterationCap, OneRunGoesTheFull100000AndTheDefaultSceneIsUntouched) {
  OptimizerLab lab;
  resetOptimizerLab(lab);
  EXPECT_EQ(runIterationCap(lab), lab.scene.config.stop.max_iterations);
  EXPECT_EQ(iterationCapNote(lab), "");
  makeHeavy(lab);
  setStarts(lab, {Vec2(0.5, 0.4)});
  recomputeRuns(lab);
  EXPECT_EQ(lab.runs[0].iterates.size(), 100001u);
  EXPECT_EQ(iterationCapNote(lab), "");
  EXPECT_EQ(runHint(lab, 0), lab.runs[0].hint);   // not capped: the core's own hint
  EXPECT_EQ(cappedIterations(100000, 3), 53337);  // 3 x 53,338 <= 160,016
  EXPECT_EQ(cappedIterations(500, 16), 500);
}

TEST(IterationCap, ANewStartLowersTheCapForEveryRunAndADeletionRaisesIt) {
  OptimizerLab lab;
  makeHeavy(lab);
  std::vector<Vec2> fifteen(lab.scene.starts.begin(), lab.scene.starts.end() - 1);
  setStarts(lab, fifteen);
  recomputeRuns(lab);
  EXPECT_EQ(lab.runs[0].iterates.size(), std::size_t(160016 / 15));  // cap 10,666
  const int added = addStart(lab, Vec2(0.55, 0.4));
  ASSERT_EQ(added, 15);
  recomputeRun(lab, added);
  ASSERT_EQ(lab.runs.size(), 16u);
  for (const Trajectory& t : lab.runs) EXPECT_EQ(t.iterates.size(), 10001u);
  EXPECT_LE(keptIterates(lab.runs), kMaxKeptIterates);
  ASSERT_TRUE(removeStart(lab, 3));
  for (const Trajectory& t : lab.runs) EXPECT_EQ(t.iterates.size(), std::size_t(160016 / 15));
}

TEST(RunScheduler, SmallRecomputesHappenInTheFrameThatAsksForThem) {
  OptimizerLab lab;
  resetOptimizerLab(lab);
  RunScheduler scheduler;
  const int before = lab.runs_version;
  lab.scene.config.step_size = 0.2;
  requestRuns(lab, scheduler);
  EXPECT_FALSE(scheduler.pending);
  EXPECT_EQ(lab.runs_version, before + 1);
  EXPECT_EQ(lab.scene.config.step_size, 0.2);
  EXPECT_FALSE(scheduler.worker.busy());
}

TEST(RunScheduler, LargeRecomputesRunInTheBackgroundAndLandWhole) {
  OptimizerLab lab;
  makeHeavy(lab);
  RunScheduler scheduler;
  useWorker(scheduler);
  ASSERT_GT(fullRecomputeSteps(lab), scheduler.frame_step_budget);
  const std::size_t shown = lab.runs.size();  // the default scene's 3 runs stay on show
  requestRuns(lab, scheduler);
  EXPECT_TRUE(scheduler.pending);
  EXPECT_EQ(lab.runs.size(), shown);
  ASSERT_TRUE(waitForRuns(lab, scheduler));
  ASSERT_EQ(lab.runs.size(), lab.scene.starts.size());
  for (std::size_t i = 0; i < lab.runs.size(); ++i) {
    EXPECT_EQ(lab.runs[i].iterates.size(), 10001u);
    EXPECT_EQ(lab.runs[i].iterates.front().w, lab.scene.starts[i]);
  }
}

TEST(RunScheduler, AStartMovedDuringABackgroundRecomputeIsNotUndoneByIt) {
  OptimizerLab lab;
  makeHeavy(lab);
  RunScheduler scheduler;
  useWorker(scheduler);
  requestRuns(lab, scheduler);
  RunResult ignored;
  scheduler.worker.poll(ignored);  // the old starts are now computing
  lab.scene.starts[0] = Vec2(2.5, 2.5);
  requestRun(lab, scheduler, 0);
  EXPECT_EQ(lab.runs[0].iterates.front().w, Vec2(2.5, 2.5));  // at once
  ASSERT_TRUE(waitForRuns(lab, scheduler));
  EXPECT_EQ(lab.runs[0].iterates.front().w, Vec2(2.5, 2.5));  // and after the job lands
  EXPECT_EQ(lab.runs.size(), lab.scene.starts.size());
}

TEST(OptimizerLab, RemovingAStartKeepsTheOtherRunsWithTheirStarts) {
  OptimizerLab lab;
  resetOptimizerLab(lab);
  const Trajectory third = lab.runs[2];
  removeStart(lab, 1);
  ASSERT_EQ(lab.scene.starts.size(), 2u);
  ASSERT_EQ(lab.runs.size(), 2u);
  EXPECT_EQ(lab.runs[1].iterates.size(), third.iterates.size());
  EXPECT_EQ(lab.runs[1].iterates.front().w, lab.scene.starts[1]);
}

TEST(SweepWorker, DeliversTheNewestRequestAndMatchesADirectSweep) {
  OptimizerLab lab;
  resetOptimizerLab(lab);
  SweepRequest first{lab.objective, lab.scene.config, lab.scene.starts, lab.scene.sweep, 1};
  SweepRequest second = first;
  second.version = 2;
  second.starts = {lab.scene.starts[0]};
  SweepWorker worker;
  SweepResult result;
  worker.request(first);
  worker.poll(result);     // starts the first job
  worker.request(second);  // waits for it, then supersedes it
  for (int i = 0; i < 4000 && result.version < 2; ++i) {
    worker.poll(result);
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  ASSERT_EQ(result.version, 2);
  ASSERT_EQ(result.per_start.size(), 1u);
  const SweepResult direct = computeSweeps(second);
  ASSERT_EQ(direct.per_start[0].size(), result.per_start[0].size());
  for (std::size_t k = 0; k < direct.per_start[0].size(); ++k) {
    EXPECT_EQ(result.per_start[0][k].status, direct.per_start[0][k].status);
    EXPECT_EQ(result.per_start[0][k].iterations, direct.per_start[0][k].iterations);
  }
  // The grid 1e-4 .. 10 with 41 points holds eta = 0.1 (k = 24): EXERCISES C4's 55 steps from
  // (0.2, 0.5), and eta = 1 (k = 32) never converges.
  EXPECT_NEAR(result.per_start[0][24].step_size, 0.1, 1e-12);
  EXPECT_EQ(result.per_start[0][24].status, RunStatus::Converged);
  EXPECT_EQ(result.per_start[0][24].iterations, 55);
  EXPECT_NEAR(result.per_start[0][32].step_size, 1.0, 1e-12);
  EXPECT_EQ(result.per_start[0][32].status, RunStatus::MaxIterations);
  EXPECT_FALSE(worker.busy());
}

}  // namespace
}  // namespace gradlab

namespace gradlab {
namespace {

// Issue 15, item 4: typing "2*x + y^2" passed through "2", which applied at once and showed the
// constant 2 with "converged in 0 steps". Now nothing applies until typing pauses or Enter.
TEST(OptimizerLab, ATypedFunctionAppliesOnlyAfterAPauseOrEnter) {
  OptimizerLab lab;
  resetOptimizerLab(lab);
  ASSERT_TRUE(applyExpression(lab, "x^2 + y^2"));
  const ObjectivePtr before = lab.objective;
  std::string typed;
  for (char c : std::string("2*x + y^2")) {
    typed += c;
    typeExpression(lab, typed);
    EXPECT_FALSE(advanceExpressionTyping(lab, 0.1));  // keystrokes 0.1 s apart
    EXPECT_EQ(lab.objective, before) << "applied while typing: '" << typed << "'";
  }
  EXPECT_NEAR(secondsUntilExpressionApplies(lab), kExpressionPause - 0.1, 1e-12);
  EXPECT_TRUE(advanceExpressionTyping(lab, kExpressionPause));  // the pause
  EXPECT_EQ(lab.scene.spec.expression, "2*x + y^2");
  EXPECT_TRUE(std::isinf(secondsUntilExpressionApplies(lab)));

  typeExpression(lab, "x^4");
  EXPECT_TRUE(commitExpression(lab));  // Enter: at once
  EXPECT_EQ(lab.scene.spec.expression, "x^4");
}

TEST(OptimizerLab, ABrokenTypedFunctionKeepsTheLastValidOneByName) {
  OptimizerLab lab;
  resetOptimizerLab(lab);
  ASSERT_TRUE(applyExpression(lab, "x^2 + y^2"));
  typeExpression(lab, "2x + y^2");
  EXPECT_FALSE(commitExpression(lab));
  EXPECT_EQ(lab.expression_error, "unexpected 'x' at column 2; for a product write 2*x");
  EXPECT_EQ(shownFunctionName(lab), "x^2 + y^2");
  EXPECT_EQ(lab.expression_text, "2x + y^2");  // the box keeps what was typed
}

}  // namespace
}  // namespace gradlab

namespace gradlab {
namespace {

// Issue 15, item 5: the sweep ran for Newton (no step size) and offered "use best step".
TEST(Sweep, NewtonHasNoStepSizeToSweep) {
  EXPECT_NE(sweepUnavailable(Method::Newton), "");
  EXPECT_EQ(sweepUnavailable(Method::DampedNewton), "");  // sweeps its damping
  EXPECT_EQ(sweepUnavailable(Method::GradientDescent), "");
}

// Issue 15, item 5: diverged runs were drawn at 3 x the iteration cap (30,000), and their tooltip
// said "iterations = 30000". A diverged point now sits at the step where it blew up.
TEST(Sweep, OutcomesAreDrawnWhereTheRunStopped) {
  OptimizerLab lab;
  resetOptimizerLab(lab);
  selectBuiltin(lab, "rosenbrock");
  SweepConfig sweep;
  sweep.min_step = 0.01;
  sweep.max_step = 100;
  sweep.count = 9;
  const std::vector<SweepPoint> points =
      stepSizeSweep(*lab.objective, lab.scene.config, lab.scene.starts[0], sweep);
  bool saw_diverged = false;
  for (const SweepPoint& p : points) {
    if (sweepOutcome(p) != SweepOutcome::Diverged) continue;
    saw_diverged = true;
    EXPECT_LT(p.iterations, lab.scene.config.stop.max_iterations);
    EXPECT_GE(p.iterations, 0);
  }
  EXPECT_TRUE(saw_diverged);  // eta up to 100 on Rosenbrock's steep walls
  SweepPoint osc;
  osc.status = RunStatus::MaxIterations;
  osc.oscillating = true;
  EXPECT_EQ(sweepOutcome(osc), SweepOutcome::Oscillating);
  osc.oscillating = false;
  EXPECT_EQ(sweepOutcome(osc), SweepOutcome::TooSlow);
  osc.status = RunStatus::Plateau;
  EXPECT_EQ(sweepOutcome(osc), SweepOutcome::Plateau);
}

TEST(Sweep, BestStepConvergesFromEveryStartInTheFewestIterations) {
  SweepResult r;
  auto point = [](double step, RunStatus status, int iterations) {
    SweepPoint p;
    p.step_size = step;
    p.status = status;
    p.iterations = iterations;
    return p;
  };
  r.per_start = {
      {point(0.1, RunStatus::Converged, 50), point(0.2, RunStatus::Converged, 20),
       point(0.4, RunStatus::Converged, 5)},
      {point(0.1, RunStatus::Converged, 60), point(0.2, RunStatus::Converged, 30),
       point(0.4, RunStatus::Diverged, 3)},
  };
  const BestStep best = bestSweepStep(r);
  ASSERT_TRUE(best.found);
  EXPECT_EQ(best.step_size, 0.2);  // 0.4 is faster from one start but diverges from the other
  EXPECT_EQ(best.total_iterations, 50);
  r.per_start[1][1].status = RunStatus::Plateau;
  r.per_start[1][0].status = RunStatus::MaxIterations;
  EXPECT_FALSE(bestSweepStep(r).found);
  EXPECT_FALSE(bestSweepStep(SweepResult()).found);
}

}  // namespace
}  // namespace gradlab

#include "app/labs/optimizer/optimizer_figures.h"

namespace gradlab {
namespace {

// Measures text as 8 pixels a character; draws nothing (the figure builders only measure).
class MeasuringPainter : public plot::Painter {
 public:
  void polyline(const plot::Point*, int, plot::Color, float, bool) override {}
  void fillConvex(const plot::Point*, int, plot::Color) override {}
  void fillTriangles(const std::vector<plot::Point>&, plot::Color) override {}
  void text(plot::Point, const std::string&, plot::Color, bool) override {}
  plot::Point textSize(const std::string& t) const override {
    return {8.0 * double(t.size()), 17.0};
  }
  float fontSize() const override { return 17; }
  void image(const plot::PixelRect&, const plot::ImageItem&) override {}
  void pushClip(const plot::PixelRect&) override {}
  void popClip() override {}
};

int runEntries(const plot::Figure& fig) {
  int runs = 0;
  for (const plot::LegendEntry& e : fig.legend) runs += e.text.rfind("run ", 0) == 0;
  return runs;
}

// Issue 15, item 10: with 16 starts the map legend covered a third of the map.
TEST(OptimizerLab, TheMapLegendListsRunsOnlyWhileThereAreFew) {
  OptimizerLab lab;
  resetOptimizerLab(lab);
  LabFigureOptions options;
  MeasuringPainter painter;
  EXPECT_EQ(runEntries(mapFigure(lab, options, painter)), 3);
  while (addRandomStart(lab) >= 0) {
  }
  recomputeRuns(lab);
  ASSERT_EQ(lab.runs.size(), std::size_t(kMaxRuns));
  const plot::Figure fig = mapFigure(lab, options, painter);
  EXPECT_EQ(runEntries(fig), 0);
  EXPECT_LE(fig.legend.size(), 3u);  // the known points' kinds
  // The runs are still drawn, each in its own colour.
  int lines = 0;
  for (const plot::Item& item : fig.items) lines += std::holds_alternative<plot::LineItem>(item);
  EXPECT_GE(lines, 1);
}

}  // namespace
}  // namespace gradlab

namespace gradlab {
namespace {

TEST(OptimizerLab, CompareEntriesAreEditedThroughTheLabsLogic) {
  OptimizerLab lab;
  resetOptimizerLab(lab);
  const std::size_t n = lab.scene.compare_entries.size();
  ASSERT_TRUE(addCompareEntry(lab, Method::RMSProp));
  ASSERT_EQ(lab.scene.compare_entries.size(), n + 1);
  EXPECT_EQ(lab.scene.compare_entries.back().config.method, Method::RMSProp);
  EXPECT_DOUBLE_EQ(lab.scene.compare_entries.back().config.step_size,
                   suggestedStepSize(*lab.objective, Method::RMSProp, lab.scene.starts[0]));
  lab.scene.compare_entries[0].enabled = false;
  ASSERT_TRUE(setCompareMethod(lab, 0, Method::Adam));
  EXPECT_EQ(lab.scene.compare_entries[0].config.method, Method::Adam);
  EXPECT_FALSE(lab.scene.compare_entries[0].enabled);         // switching method keeps it off
  EXPECT_TRUE(lab.scene.compare_entries[0].config.maximize);  // two bumps: ascent
  while (addCompareEntry(lab, Method::GradientDescent)) {
  }
  EXPECT_EQ(int(lab.scene.compare_entries.size()), kMaxCompareEntries);
  while (removeCompareEntry(lab, 0)) {
  }
  EXPECT_EQ(lab.scene.compare_entries.size(), 1u);  // the last one stays
  EXPECT_FALSE(setCompareMethod(lab, 5, Method::Adam));
}

}  // namespace
}  // namespace gradlab

namespace gradlab {
namespace {

// At 1024 x 768 and UI scale 1.5 the ||grad f|| plot is 120 pixels wide and "tolerance 0.0001"
// ran off it: the label shortens to what fits.
TEST(OptimizerFigures, TheToleranceLabelShortensToWhatFits) {
  const auto width = [](const char* text) { return 7.0f * float(std::strlen(text)); };
  EXPECT_EQ(toleranceLabel(1e-4, 200, width), "tolerance 0.0001");
  EXPECT_EQ(toleranceLabel(1e-4, 100, width), "tol 0.0001");
  EXPECT_EQ(toleranceLabel(1e-4, 30, width), "0.0001");
  EXPECT_EQ(toleranceLabel(1e-6, 30, width), "1e-06");
}

}  // namespace
}  // namespace gradlab
