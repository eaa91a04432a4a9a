// The Stochastic lab's logic without a window: every state transition (edit a step size, play
// then edit, step, seek, reset), scenes and their errors, command-line options, and that the
// views' items agree with the core runs after each transition.
#include <gtest/gtest.h>

#include <Eigen/LU>
#include <cmath>
#include <string>
#include <variant>

#include <nlohmann/json.hpp>

#include "app/labs/stochastic/stochastic_figures.h"
#include "app/labs/stochastic/stochastic_lab.h"
#include "app/labs/stochastic/stochastic_lab_panel.h"
#include "app/labs/stochastic/stochastic_options.h"
#include "app/labs/stochastic/stochastic_scene.h"

namespace gradlab {
namespace {

StochasticLab homework() {
  StochasticLab lab;
  resetStochasticLab(lab);
  return lab;
}

// The last point of start j's curve on step size s's objective plot.
double lastCurveValue(const StochasticLab& lab, int s, int j, double* iteration) {
  for (const plot::Item& item : objectiveItems(lab, s, 200)) {
    const auto* line = std::get_if<plot::LineItem>(&item);
    if (line && line->label == startLabel(j)) {
      *iteration = line->xs.back();
      return line->ys.back();
    }
  }
  return std::nan("");
}

// Every view shows, for every run, the iterate the timeline says: the curve ends there, the
// ellipse is that iterate's P^-1, and the table's error is that iterate's.
void expectViewsAgree(const StochasticLab& lab) {
  const GaussianSgdExperiment fresh = runExperiment(lab.scene.data, lab.scene.sgd);
  ASSERT_EQ(fresh.runs.size(), lab.experiment.runs.size());
  const std::vector<plot::Item> ellipses = ellipseItems(lab, Theme::Dark, true);
  for (int s = 0; s < stepSizeCount(lab); ++s) {
    for (int j = 0; j < startCount(lab); ++j) {
      const PrecisionRun& run = runAt(lab, s, j);
      // The lab's runs are those of its scene (nothing stale).
      ASSERT_EQ(run.precision, fresh.run(s, j).precision) << s << " " << j;
      const int k = shownIterate(lab, run);
      double iteration = -1;
      EXPECT_EQ(lastCurveValue(lab, s, j, &iteration), run.objective[k]);
      EXPECT_EQ(iteration, k);
      EXPECT_EQ(shownError(lab, run), squaredFrobeniusError(lab.scene.data.covariance.inverse(),
                                                            precisionMatrix(run.precision[k])));
    }
  }
  // One ellipse per run, labelled by start, through mean + r L u at u = (1, 0).
  int runs_drawn = 0;
  for (const plot::Item& item : ellipses) {
    const auto* line = std::get_if<plot::LineItem>(&item);
    if (line && line->label.rfind("start ", 0) == 0) ++runs_drawn;
  }
  EXPECT_EQ(runs_drawn, stepSizeCount(lab) * startCount(lab));
}

TEST(StochasticLab, DefaultIsTheHomeworksNineRunsShownInFull) {
  const StochasticLab lab = homework();
  EXPECT_EQ(lab.scene.sgd.step_sizes, (std::vector<double>{1e-5, 1e-4, 1e-3}));
  EXPECT_EQ(lab.experiment.runs.size(), 9u);
  EXPECT_EQ(lab.experiment.data.count(), 1000);
  EXPECT_FALSE(lab.timeline.animated);
  EXPECT_EQ(lab.timeline.last, 10000);
  EXPECT_EQ(timelineIterate(lab), 10000);
  expectViewsAgree(lab);
}

TEST(StochasticLab, ChangingAStepSizeRecomputesOnlyItsRowInTheSameCall) {
  StochasticLab lab = homework();
  const std::vector<Vec3> row0 = runAt(lab, 0, 1).precision;
  const long before = lab.runs_recomputed;
  EXPECT_EQ(setStepSize(lab, 1, 3e-4), "");
  EXPECT_EQ(lab.runs_recomputed - before, 3);
  EXPECT_EQ(runAt(lab, 0, 1).precision, row0);
  EXPECT_EQ(runAt(lab, 1, 0).step_size, 3e-4);
  expectViewsAgree(lab);
}

TEST(StochasticLab, PlayThenChangeAStepSizeShowsTheNewRunsInFullEverywhere) {
  StochasticLab lab = homework();
  timelineTogglePlay(lab.timeline);
  timelineAdvance(lab.timeline, 0.2);  // 200 iterations at 1000/s
  ASSERT_TRUE(lab.timeline.playing);
  EXPECT_EQ(timelineIterate(lab), 200);
  expectViewsAgree(lab);
  EXPECT_EQ(setStepSize(lab, 2, 2e-3), "");
  EXPECT_FALSE(lab.timeline.playing);
  EXPECT_FALSE(lab.timeline.animated);
  EXPECT_EQ(timelineIterate(lab), 10000);
  expectViewsAgree(lab);
}

TEST(StochasticLab, StepSeekAndRewindMoveEveryView) {
  StochasticLab lab = homework();
  timelineStep(lab.timeline);
  EXPECT_EQ(timelineIterate(lab), 1);
  expectViewsAgree(lab);
  timelineSeek(lab.timeline, 4321);
  EXPECT_EQ(timelineIterate(lab), 4321);
  expectViewsAgree(lab);
  timelineRewind(lab.timeline);
  EXPECT_EQ(timelineIterate(lab), 0);
  // At iteration 0 every ellipse is its start's.
  EXPECT_EQ(shownError(lab, runAt(lab, 2, 1)),
            squaredFrobeniusError(lab.true_precision, precisionMatrix(lab.experiment.starts[1])));
  expectViewsAgree(lab);
}

TEST(StochasticLab, ResetRestoresTheHomework) {
  StochasticLab lab = homework();
  const std::vector<double> errors = {shownError(lab, runAt(lab, 2, 0))};
  ASSERT_EQ(setSeed(lab, 7), "");
  ASSERT_EQ(setIterations(lab, 500), "");
  timelineSeek(lab.timeline, 100);
  resetStochasticLab(lab);
  EXPECT_EQ(lab.scene.data.seed, 1u);
  EXPECT_EQ(lab.timeline.last, 10000);
  EXPECT_EQ(shownError(lab, runAt(lab, 2, 0)), errors[0]);
  expectViewsAgree(lab);
}

TEST(StochasticLab, RefusedEditsChangeNothing) {
  StochasticLab lab = homework();
  const long version = lab.runs_version;
  EXPECT_EQ(setStepSize(lab, 0, -1), "step size 1 must be in (0, 10] (got -1)");
  EXPECT_NE(setIterations(lab, 0), "");
  GaussianSpec bad = lab.scene.data;
  bad.covariance << 1, 2, 2, 1;
  EXPECT_NE(setGaussian(lab, bad).find("positive definite"), std::string::npos);
  EXPECT_NE(removeStepSize(lab, 7), "");
  EXPECT_EQ(lab.runs_version, version);
  EXPECT_EQ(lab.scene.sgd.step_sizes[0], 1e-5);
}

TEST(StochasticLab, AStepThatBreaksPositiveDefinitenessIsShownNotNaN) {
  StochasticLab lab = homework();
  ASSERT_EQ(setStepSize(lab, 2, 8.0), "");
  bool any_failed = false;
  for (int j = 0; j < 3; ++j) {
    const PrecisionRun& run = runAt(lab, 2, j);
    if (run.status != PrecisionRunStatus::NotPositiveDefinite) continue;
    any_failed = true;
    EXPECT_TRUE(std::isfinite(shownError(lab, run)));
    EXPECT_NE(errorTableText(lab).find("P not positive definite at iteration " +
                                       std::to_string(run.failed_iteration)),
              std::string::npos);
  }
  ASSERT_TRUE(any_failed);
  // The plot marks it: a note naming the iteration.
  bool noted = false;
  for (const plot::Item& item : objectiveItems(lab, 2, 200))
    if (const auto* text = std::get_if<plot::TextItem>(&item))
      noted |= text->text.find("not PD at ") != std::string::npos;
  EXPECT_TRUE(noted);
  expectViewsAgree(lab);
}

TEST(StochasticLab, ErrorTableTextHasARowPerStepSizeAndFullPrecision) {
  const StochasticLab lab = homework();
  const std::string text = errorTableText(lab);
  EXPECT_EQ(text.rfind("||Sigma^-1 - P||_F^2 at iteration 10000\nstep size\tstart 1\tstart 2\t"
                       "start 3\n1e-5\t",
                       0),
            0u)
      << text;
  char expected[64];
  std::snprintf(expected, sizeof expected, "%.17g", shownError(lab, runAt(lab, 2, 2)));
  EXPECT_NE(text.find(std::string("1e-3\t")), std::string::npos);
  EXPECT_NE(text.find(expected), std::string::npos);
}

// [SECTION] Scenes

TEST(StochasticScene, RoundTripsEveryField) {
  StochasticScene scene;
  scene.data.mean = Vec2(0.5, -1.25);
  scene.data.covariance << 2, -0.3, -0.3, 0.7;
  scene.data.sample_count = 321;
  scene.data.seed = 99;
  scene.sgd.step_sizes = {2e-4, 0.003};
  scene.sgd.start_count = 4;
  scene.sgd.iterations = 777;
  const nlohmann::json j = stochasticSceneToJson(scene);
  StochasticScene back;
  ASSERT_EQ(stochasticSceneFromJson(nlohmann::json::parse(j.dump()), &back), "");
  EXPECT_EQ(back.data.mean, scene.data.mean);
  EXPECT_EQ(back.data.covariance, scene.data.covariance);
  EXPECT_EQ(back.data.sample_count, 321);
  EXPECT_EQ(back.data.seed, 99u);
  EXPECT_EQ(back.sgd.step_sizes, scene.sgd.step_sizes);
  EXPECT_EQ(back.sgd.start_count, 4);
  EXPECT_EQ(back.sgd.iterations, 777);

  StochasticLabPanel panel;
  ASSERT_EQ(panel.loadScene(j), "");
  nlohmann::json shown = j;
  shown["timeline"] = {{"show_all", true}};  // new runs are shown in full
  EXPECT_EQ(panel.saveScene(), shown);
  EXPECT_EQ(panel.state().experiment.runs.size(), 8u);
}

TEST(StochasticScene, MalformedScenesNameTheBadField) {
  const auto error = [](const char* text) {
    StochasticLabPanel panel;
    return panel.loadScene(nlohmann::json::parse(text));
  };
  EXPECT_EQ(error(R"({"sgd": {"step_sizes": [1e-3, -1]}})"),
            "sgd.step_sizes[1] must be in (0, 10] (got -1)");
  EXPECT_EQ(error(R"({"sgd": {"step_sizes": [1e-3, "a"]}})"), "sgd.step_sizes[1] must be a number");
  EXPECT_EQ(error(R"({"sgd": {"iterations": 2.5}})"), "sgd.iterations must be a whole number");
  EXPECT_EQ(error(R"({"sgd": {"iterations": 0}})"),
            "sgd: iterations must be in [1, 200000] (got 0)");
  EXPECT_EQ(error(R"({"sgd": {"stepsizes": [1]}})"),
            "sgd.stepsizes is not a setting here (step_sizes, starts, iterations)");
  EXPECT_EQ(error(R"({"data": {"mean": [0]}})"), "data.mean must be [x, y]");
  EXPECT_EQ(error(R"({"data": {"covariance": [[1, 2], [2, 1]]}})")
                .rfind("data: the covariance must be positive definite", 0),
            0u);
  EXPECT_EQ(error(R"({"data": {"covariance": [[1, 0], [0, null]]}})"),
            "data.covariance[1][1] must be a number");
  EXPECT_EQ(error(R"({"data": {"seed": -3}})"), "data.seed must be a whole number >= 0");
  EXPECT_EQ(error(R"({"lab": "optimizer"})"), "lab: this is not a stochastic scene");
  EXPECT_EQ(error(R"({"version": 99})"),
            "version: this gradlab reads stochastic scene versions up to 1");
  EXPECT_EQ(error(R"([1, 2])"), "a scene must be a JSON object");
  // Missing keys keep the defaults.
  EXPECT_EQ(error(R"({"data": {"seed": 5}})"), "");
}

TEST(StochasticScene, AFailedLoadLeavesTheLabAsItWas) {
  StochasticLabPanel panel;
  const nlohmann::json before = panel.saveScene();
  EXPECT_NE(
      panel.loadScene(nlohmann::json::parse(R"({"data": {"seed": 3}, "sgd": {"starts": 9}})")), "");
  EXPECT_EQ(panel.saveScene(), before);
}

// [SECTION] Options

TEST(StochasticOptions, StepsSeedIterationsAndSeekApply) {
  StochasticLab lab = homework();
  ASSERT_EQ(applyStochasticOptions(lab, {"--steps", "1e-4,2e-3", "--seed", "5", "--iterations",
                                         "2000", "--at", "150"}),
            "");
  EXPECT_EQ(lab.scene.sgd.step_sizes, (std::vector<double>{1e-4, 2e-3}));
  EXPECT_EQ(lab.scene.data.seed, 5u);
  EXPECT_EQ(lab.experiment.runs.size(), 6u);
  EXPECT_EQ(runAt(lab, 1, 0).size(), 2001);
  EXPECT_EQ(timelineIterate(lab), 150);
  expectViewsAgree(lab);
}

TEST(StochasticOptions, BadOptionsAreOneLineErrors) {
  StochasticLab lab = homework();
  EXPECT_EQ(applyStochasticOptions(lab, {"--steps", "1e-4,0"}),
            "--steps/--iterations/--starts: step size 2 must be in (0, 10] (got 0)");
  EXPECT_NE(applyStochasticOptions(lab, {"--covariance", "1,2"}).find("S11,S12,S22"),
            std::string::npos);
  EXPECT_NE(applyStochasticOptions(lab, {"--bogus"}), "");
  EXPECT_NE(applyStochasticOptions(lab, {"--scene", "/nonexistent/x.json"}).find("cannot read"),
            std::string::npos);
  EXPECT_EQ(lab.scene.sgd.step_sizes.size(), 3u);
}

TEST(StochasticPanel, ExportsOneObjectiveFigurePerStepSizeAndTheEllipses) {
  StochasticLabPanel panel;
  const std::vector<ExportFigure> figures = panel.exportFigures(Theme::Light);
  ASSERT_EQ(figures.size(), 4u);
  EXPECT_EQ(figures[0].name, "objective-1");
  EXPECT_EQ(figures[3].name, "ellipses");
  EXPECT_EQ(panel.secondsUntilChange(), Lab::kNever);
  EXPECT_TRUE(panel.play());
  EXPECT_LT(panel.secondsUntilChange(), 0.01);
}

TEST(StochasticFigures, EllipseHasTheCovariancesMahalanobisRadius) {
  Mat2 covariance;
  covariance << 2, 0.6, 0.6, 0.5;
  std::vector<double> xs, ys;
  ellipsePoints(Vec2(1, -1), covariance, kEllipseRadius, 40, xs, ys);
  ASSERT_EQ(xs.size(), 41u);
  const Mat2 precision = covariance.inverse();
  for (std::size_t i = 0; i < xs.size(); ++i) {
    const Vec2 d(xs[i] - 1, ys[i] + 1);
    EXPECT_NEAR(d.dot(precision * d), kEllipseRadius * kEllipseRadius, 1e-9);
  }
  // 95% of a Gaussian's mass: exp(-r^2 / 2) = 0.05.
  EXPECT_NEAR(std::exp(-kEllipseRadius * kEllipseRadius / 2), 0.05, 1e-15);
}

}  // namespace
}  // namespace gradlab
