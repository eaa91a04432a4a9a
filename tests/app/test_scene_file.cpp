// Scene files as the app opens and saves them (File menu, gradlab open, a dropped file): the lab
// they name, a round trip for every lab with a scene, and a bad file that changes nothing.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <fstream>
#include <string>
#include <variant>

#include "app/app.h"
#include "app/plot/painter.h"
#include "app/scene_file.h"
#include "tests/app/run_command.h"

namespace gradlab {
namespace {

std::string tempPath(const std::string& name) {
  return ::testing::TempDir() + "gradlab_scene_" + name;
}

void writeText(const std::string& path, const std::string& text) {
  std::ofstream(path) << text;
}

// Every lab whose scene is more than its default (ComingLab has none) saves, opens and shows
// the same scene; opening switches to the lab the file names.
TEST(SceneFile, EveryLabRoundTripsAndOpeningShowsItsLab) {
  for (const LabEntry& entry : labTable()) {
    App app;
    initApp(app);
    app.lab = findLab(entry.name);
    const nlohmann::json before = currentLab(app).saveScene();
    if (before.is_null() || before.empty()) continue;  // a lab with no scene yet
    const std::string path = tempPath(std::string(entry.name) + ".json");
    ASSERT_EQ(saveSceneFile(app, path), "") << entry.name;
    App other;
    initApp(other);
    other.lab = entry.name == std::string("optimizer") ? 1 : 0;
    ASSERT_EQ(openSceneFile(other, path), "") << entry.name;
    EXPECT_EQ(other.lab, app.lab) << entry.name;
    EXPECT_EQ(currentLab(other).saveScene(), before) << entry.name;
    EXPECT_EQ(other.scene_path, path);
    ASSERT_FALSE(other.recent_scenes.empty());
    EXPECT_EQ(other.recent_scenes.front(), path);
  }
}

TEST(SceneFile, ABadFileIsNamedAndChangesNothing) {
  App app;
  initApp(app);
  app.lab = findLab("optimizer");
  const nlohmann::json before = currentLab(app).saveScene();
  const std::string path = tempPath("bad.json");
  writeText(path, R"({"lab": "optimizer", "version": 2, "config": {"lr": -1}})");
  const std::string problem = openSceneFile(app, path);
  EXPECT_NE(problem.find("scene file '" + path + "'"), std::string::npos) << problem;
  EXPECT_NE(problem.find("lr"), std::string::npos) << problem;
  EXPECT_EQ(currentLab(app).saveScene(), before);
  EXPECT_TRUE(app.recent_scenes.empty());

  writeText(path, R"({"version": 2})");
  EXPECT_NE(openSceneFile(app, path).find("lab must name a lab"), std::string::npos);
  writeText(path, R"({"lab": "chemistry"})");
  EXPECT_NE(openSceneFile(app, path).find("lab 'chemistry' is not one of"), std::string::npos);
  writeText(path, "{ not json");
  EXPECT_NE(openSceneFile(app, path).find("is not valid JSON"), std::string::npos);
  EXPECT_NE(openSceneFile(app, path + ".missing").find("cannot read"), std::string::npos);
  EXPECT_EQ(app.lab, findLab("optimizer"));
}

TEST(SceneFile, RecentScenesAreNewestFirstWithoutDuplicates) {
  App app;
  for (int i = 0; i < kMaxRecentScenes + 3; ++i) rememberScene(app, "s" + std::to_string(i));
  rememberScene(app, "s5");
  ASSERT_EQ(int(app.recent_scenes.size()), kMaxRecentScenes);
  EXPECT_EQ(app.recent_scenes[0], "s5");
  EXPECT_EQ(app.recent_scenes[1], "s10");
  EXPECT_EQ(std::count(app.recent_scenes.begin(), app.recent_scenes.end(), "s5"), 1);
}

TEST(SceneFile, OpenOnTheCommandLineFailsBeforeAnyWindowWithOneLine) {
  const std::string path = tempPath("cli-bad.json");
  writeText(path, R"({"lab": "stochastic", "sgd": {"step_sizes": [-1]}})");
  const test::CommandResult r =
      test::runGradlab("open " + path + " --quit-after 1", true, "env -u DISPLAY");
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("gradlab: error: scene file '" + path + "'"), std::string::npos)
      << r.output;
}

TEST(SceneFile, OpenOnTheCommandLineShowsTheLabItNames) {
  App app;
  initApp(app);
  app.lab = findLab("stochastic");
  const std::string path = tempPath("cli-good.json");
  ASSERT_EQ(saveSceneFile(app, path), "");
  const test::CommandResult r = test::runGradlab("open " + path + " --quit-after 1");
  EXPECT_EQ(r.exit_code, 0) << r.output;
}

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

// The lab's export figure called `name`, built at 800x600.
plot::Figure exportedFigure(const Lab& lab, const std::string& name) {
  MeasuringPainter painter;
  for (const ExportFigure& f : lab.exportFigures(Theme::Light))
    if (f.name == name) return f.build(painter, plot::PixelRect{0, 0, 800, 600});
  ADD_FAILURE() << "no export figure " << name;
  return {};
}

// Every lab with a Timeline keeps its position under "timeline": a moved position saves, opens
// in another app and saves again the same.
TEST(SceneFile, TimelinePositionsRoundTripInEveryLabThatHasOne) {
  const std::pair<const char*, const char*> cases[] = {
      {"optimizer", R"({"show_all": false, "shown": 13})"},
      {"stochastic", R"({"show_all": false, "shown": 2500})"},
      {"elbows", R"({"network": {"show_all": false, "shown": 300},
                     "unit": {"show_all": false, "shown": 2}})"},
  };
  for (const auto& [name, timeline_text] : cases) {
    const nlohmann::json timeline = nlohmann::json::parse(timeline_text);
    App app;
    initApp(app);
    app.lab = findLab(name);
    const nlohmann::json default_scene = currentLab(app).saveScene();
    ASSERT_TRUE(default_scene.contains("timeline")) << name;
    EXPECT_NE(default_scene["timeline"], timeline) << name;
    ASSERT_EQ(currentLab(app).loadScene({{"timeline", timeline}}), "") << name;
    const nlohmann::json moved = currentLab(app).saveScene();
    EXPECT_EQ(moved["timeline"], timeline) << name;
    const std::string path = tempPath(std::string("timeline-") + name + ".json");
    ASSERT_EQ(saveSceneFile(app, path), "") << name;
    App other;
    initApp(other);
    ASSERT_EQ(openSceneFile(other, path), "") << name;
    EXPECT_EQ(currentLab(other).saveScene(), moved) << name;
    // Back to showing everything, as the file says.
    ASSERT_EQ(currentLab(other).loadScene(default_scene), "") << name;
    EXPECT_EQ(currentLab(other).saveScene(), default_scene) << name;
  }
}

// A position past the run's end opens at the end: C4 at eta = 0.1 runs 65 steps at most.
TEST(SceneFile, ATimelinePositionPastTheEndIsClampedToTheLongestRun) {
  App app;
  initApp(app);
  app.lab = findLab("optimizer");
  ASSERT_EQ(currentLab(app).loadScene({{"timeline", {{"show_all", false}, {"shown", 100000}}}}),
            "");
  EXPECT_EQ(currentLab(app).saveScene()["timeline"]["shown"], 65);
}

// The exported figures show the saved position, not the run's start or end.
TEST(SceneFile, ExportFiguresShowTheTimelinePosition) {
  App app;
  initApp(app);
  Lab& optimizer = *app.labs[std::size_t(findLab("optimizer"))];
  ASSERT_EQ(optimizer.loadScene({{"timeline", {{"show_all", false}, {"shown", 13}}}}), "");
  int run_ends = 0;
  for (const plot::Item& item : exportedFigure(optimizer, "map").items) {
    const auto* m = std::get_if<plot::MarkerItem>(&item);
    if (!m || m->label.rfind("run ", 0) != 0) continue;
    ++run_ends;
    EXPECT_EQ(m->indices, std::vector<int>{13}) << m->label;
  }
  EXPECT_EQ(run_ends, 3);

  Lab& stochastic = *app.labs[std::size_t(findLab("stochastic"))];
  ASSERT_EQ(stochastic.loadScene({{"timeline", {{"show_all", false}, {"shown", 2500}}}}), "");
  EXPECT_NE(exportedFigure(stochastic, "ellipses").title.find("at iteration 2500"),
            std::string::npos);

  // The shipped E3 scene: trained to the step where three units are dead for good (EXERCISES
  // E3; the lab's tests show the loss stalled near 0.137 by then).
  App e3;
  initApp(e3);
  ASSERT_EQ(openSceneFile(e3, std::string(GRADLAB_SCENES_DIR) + "/e3-dead-units.json"), "");
  EXPECT_EQ(exportedFigure(currentLab(e3), "fit").title, "fit at step 6000: 6 units, 3 dead");
  // The same start under leaky ReLU: a unit dead at initialization comes back.
  ASSERT_EQ(openSceneFile(e3, std::string(GRADLAB_SCENES_DIR) + "/e3-leaky-relu.json"), "");
  EXPECT_EQ(exportedFigure(currentLab(e3), "fit").title, "fit at step 6000: 6 units, 2 dead");
  // ReLU until step 3000, then leaky: stalled with three dead, then two of them revive.
  ASSERT_EQ(openSceneFile(e3, std::string(GRADLAB_SCENES_DIR) + "/e3-leaky-mid-training.json"),
            "");
  EXPECT_EQ(exportedFigure(currentLab(e3), "fit").title, "fit at step 6000: 6 units, 1 dead");
}

// E1's four cases ship as scenes on the one-unit tab, one step taken: each exports the unit
// before and after that step, titled with its case.
TEST(SceneFile, EachE1CaseSceneExportsItsUnitAfterOneStep) {
  const char* titles[] = {"E1 (i) phi(x) = 0", "E1 (ii) w > 0, x > 0", "E1 (iii) w > 0, x < 0",
                          "E1 (iv) w < 0, x > 0"};
  for (int k = 1; k <= 4; ++k) {
    App app;
    initApp(app);
    const std::string path =
        std::string(GRADLAB_SCENES_DIR) + "/e1-case-" + std::to_string(k) + ".json";
    ASSERT_EQ(openSceneFile(app, path), "") << path;
    const std::vector<ExportFigure> figures = currentLab(app).exportFigures(Theme::Light);
    ASSERT_EQ(figures.size(), 1u) << path;
    EXPECT_EQ(figures[0].name, "unit");
    const plot::Figure fig = exportedFigure(currentLab(app), "unit");
    EXPECT_EQ(fig.title, std::string(titles[k - 1]) + ": one SGD step, lr 0.2") << path;
    // Case (i) has nothing to move; the others draw the unit before and after the step.
    const bool moved = k != 1;
    bool before = false;
    for (const plot::Item& item : fig.items)
      before = before || plot::ItemLabel(item) == "before the step";
    EXPECT_TRUE(before) << path;
    bool elbow_arrow = false;
    for (const plot::Item& item : fig.items)
      elbow_arrow = elbow_arrow || plot::ItemLabel(item) == "elbow moves";
    EXPECT_EQ(elbow_arrow, moved) << path;
  }
}

}  // namespace
}  // namespace gradlab
