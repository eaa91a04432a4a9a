// Scene files as the app opens and saves them (File menu, gradlab open, a dropped file): the lab
// they name, a round trip for every lab with a scene, and a bad file that changes nothing.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <fstream>
#include <string>

#include "app/app.h"
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

}  // namespace
}  // namespace gradlab
