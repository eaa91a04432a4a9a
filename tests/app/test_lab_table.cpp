// The lab table and the Lab interface, without a window.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <set>
#include <string>
#include <thread>

#include "app/app.h"
#include "app/labs/lab.h"
#include "app/labs/optimizer/optimizer_lab_panel.h"
#include "app/views/background_worker.h"

namespace gradlab {
namespace {

TEST(LabTable, NamesAndTitlesAreUniqueAndEveryLabIsMade) {
  std::set<std::string> names, titles;
  for (const LabEntry& entry : labTable()) {
    EXPECT_TRUE(names.insert(entry.name).second) << entry.name;
    EXPECT_TRUE(titles.insert(entry.title).second) << entry.title;
    std::unique_ptr<Lab> lab = entry.make();
    ASSERT_NE(lab, nullptr) << entry.name;
    EXPECT_EQ(findLab(entry.name), int(&entry - labTable().data()));
  }
  EXPECT_EQ(labTable().front().name, std::string("optimizer"));  // the default scene's lab
  EXPECT_EQ(findLab("nope"), -1);
  EXPECT_EQ(labNameList(), "optimizer|activations|networks|elbows|stochastic|backprop");
}

TEST(LabTable, InitAppMakesOneLabPerEntryAndIdleLabsNeverWake) {
  App app;
  initApp(app);
  ASSERT_EQ(app.labs.size(), labTable().size());
  for (int i = 0; i < int(app.labs.size()); ++i) {
    app.lab = i;
    EXPECT_EQ(appSecondsUntilChange(app), Lab::kNever) << labTable()[std::size_t(i)].name;
  }
}

// A lab that implements only what it must: the interface's defaults take no options, have
// nothing to play and never change on their own.
struct BareLab final : Lab {
  void reset() override {}
  void draw(const LabFrame& /*frame*/) override {}
};

TEST(LabTable, TheInterfaceDefaultsRejectOptionsByNameAndHaveNothingToPlay) {
  BareLab lab;
  EXPECT_EQ(lab.applyOptions({}), "");
  EXPECT_NE(lab.applyOptions({"--lr", "0.1"}).find("'--lr'"), std::string::npos);
  EXPECT_FALSE(lab.play());
  EXPECT_EQ(lab.secondsUntilChange(), Lab::kNever);
  EXPECT_TRUE(lab.exportFigures(Theme::Dark).empty());
}

TEST(OptimizerLabPanel, OptionsSetTheSceneAndBadOnesSayWhy) {
  OptimizerLabPanel panel;
  EXPECT_EQ(panel.applyOptions(
                {"--function", "rosenbrock", "--method", "adam", "--lr", "0.05", "--pin", "1,2"}),
            "");
  const OptimizerLab& lab = panel.state();
  EXPECT_EQ(lab.scene.spec.name, "rosenbrock");
  EXPECT_EQ(lab.scene.config.method, Method::Adam);
  EXPECT_DOUBLE_EQ(lab.scene.config.step_size, 0.05);
  EXPECT_TRUE(lab.scene.pinned);
  EXPECT_EQ(lab.scene.pin, Vec2(1, 2));

  OptimizerLabPanel other;
  EXPECT_NE(other.applyOptions({"--lr", "nan"}), "");
  EXPECT_NE(other.applyOptions({"--lr", "-1"}), "");
  EXPECT_NE(other.applyOptions({"--method", "sgd9"}).find("unknown method 'sgd9'"),
            std::string::npos);
  EXPECT_NE(other.applyOptions({"--bogus"}), "");
}

TEST(OptimizerLabPanel, PlayStartsTheTimelineAndSaysWhenTheNextIterateIsDue) {
  OptimizerLabPanel panel;
  EXPECT_EQ(panel.secondsUntilChange(), Lab::kNever);
  ASSERT_TRUE(panel.play());
  EXPECT_NEAR(panel.secondsUntilChange(), 1.0 / 20, 1e-12);  // 20 iterations/s
  EXPECT_EQ(shownIterations(panel.state(), 0), 0);
}

TEST(OptimizerLabPanel, CountersNameWhatTheFramesRecompute) {
  OptimizerLabPanel panel;
  const std::vector<LabCounter> before = panel.counters();
  ASSERT_EQ(before.size(), 3u);
  EXPECT_EQ(before[0].first, "run_recomputes");
  recomputeRuns(panel.state());
  EXPECT_EQ(panel.counters()[0].second, before[0].second + 1);
}

std::atomic<int> wakes{0};
void countWake() {
  ++wakes;
}
int slowSquare(const int& x) {
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  return x * x;
}

TEST(BackgroundWorker, StartsOnRequestAndWakesTheLoopOnceTheResultIsReady) {
  wakes = 0;
  BackgroundWorker<int, int> worker(&slowSquare);
  worker.setWake(&countWake);
  worker.request(7);  // starts now: no frame has to poll first
  EXPECT_TRUE(worker.busy());
  for (int i = 0; i < 500 && wakes == 0; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  ASSERT_EQ(wakes, 1);
  int result = 0;
  EXPECT_TRUE(worker.poll(result));  // woken: the result is there
  EXPECT_EQ(result, 49);
  EXPECT_FALSE(worker.busy());
}

}  // namespace
}  // namespace gradlab
