// Broken scene files, one table for every lab: each gives its expected error, naming the bad
// field, through File > Open (every lab's scene and the shown lab are kept) and through
// `gradlab export SCENE.json` (one line, exit 2, no file written).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "app/app.h"
#include "app/scene_file.h"
#include "tests/app/run_command.h"

namespace gradlab {
namespace {

struct BrokenScene {
  const char* what;      // the test's name for the case
  const char* text;      // the file's contents
  const char* expected;  // a substring of the error
};

// A valid key before the bad one checks that nothing is half-applied.
const BrokenScene kBrokenScenes[] = {
    // The file itself.
    {"not JSON", "{ not json", "is not valid JSON"},
    {"not an object", "[1, 2, 3]", "lab must name a lab"},
    {"no lab", R"({"version": 1})", "lab must name a lab"},
    {"lab not a name", R"({"lab": 3})", "lab must name a lab"},
    {"unknown lab", R"({"lab": "chemistry"})", "lab 'chemistry' is not one of"},
    // Versions from a newer gradlab.
    {"optimizer version", R"({"lab": "optimizer", "version": 99})", "version"},
    {"activations version", R"({"lab": "activations", "version": 99})", "version"},
    {"networks version", R"({"lab": "networks", "version": 99})", "version"},
    {"elbows version", R"({"lab": "elbows", "version": 99})", "version"},
    {"stochastic version", R"({"lab": "stochastic", "version": 99})", "version"},
    {"backprop version", R"({"lab": "backprop", "version": 99})", "version"},
    {"version not a number", R"({"lab": "stochastic", "version": "two"})", "version"},
    // A wrong type.
    {"optimizer lr type", R"({"lab": "optimizer", "starts": [[0, 0]], "config": {"lr": "fast"}})",
     "config.lr"},
    {"optimizer starts type", R"({"lab": "optimizer", "starts": "here"})", "starts"},
    {"activations alpha type", R"({"lab": "activations", "leaky_alpha": "big"})",
     "leaky_alpha must be a number"},
    {"activations shown name", R"({"lab": "activations", "shown": ["relu", "swish"]})",
     "shown[1]: 'swish' is not"},
    {"networks depth type", R"({"lab": "networks", "width": 3, "depth": "three"})",
     "depth must be a whole number"},
    {"networks seeds type", R"({"lab": "networks", "seeds": "1,2"})",
     "seeds must be a list of whole numbers"},
    {"elbows lr type", R"({"lab": "elbows", "unit": {"w": 3}, "training": {"lr": "fast"}})",
     "training.lr must be a number"},
    {"elbows bends type", R"({"lab": "elbows", "view": {"bends": 1}})",
     "view.bends must be true or false"},
    {"stochastic iterations type",
     R"({"lab": "stochastic", "data": {"seed": 7}, "sgd": {"iterations": "many"}})",
     "sgd.iterations must be a whole number"},
    {"backprop weight type",
     R"({"lab": "backprop", "network": {"w1": [[2, 1, "x"], [-1, -3, 5]]}})",
     "network.w1[0][2] must be a number"},
    {"backprop graph name", R"({"lab": "backprop", "graph": "g5"})",
     R"(graph: "g5" is not a graph)"},
    // A value out of range.
    {"optimizer beta1 range", R"({"lab": "optimizer", "config": {"adam": {"beta1": 2}}})",
     "config.adam.beta1 must be in [0, 0.9999]"},
    {"activations alpha range", R"({"lab": "activations", "leaky_alpha": 5})",
     "leaky_alpha must be in [0, 1]"},
    {"elbows units range", R"({"lab": "elbows", "network": {"units": 0}})", "units must be in"},
    {"stochastic step range", R"({"lab": "stochastic", "sgd": {"step_sizes": [1e-4, -1]}})",
     "sgd.step_sizes[1] must be in (0, 10]"},
    {"backprop step range", R"({"lab": "backprop", "step_size": 100})",
     "step_size must be in (0, 10]"},
    // A bad timeline position.
    {"optimizer timeline type", R"({"lab": "optimizer", "timeline": 5})",
     "timeline must be an object"},
    {"optimizer timeline no shown", R"({"lab": "optimizer", "timeline": {"show_all": false}})",
     "timeline.shown is missing"},
    {"stochastic timeline negative",
     R"({"lab": "stochastic", "sgd": {"iterations": 500}, "timeline": {"show_all": false, "shown": -3}})",
     "timeline.shown must be a whole number >= 0"},
    {"stochastic timeline fraction", R"({"lab": "stochastic", "timeline": {"shown": 2.5}})",
     "timeline.shown must be a whole number"},
    {"stochastic timeline key", R"({"lab": "stochastic", "timeline": {"playing": true}})",
     "timeline.playing is not a setting here"},
    {"elbows timeline show_all",
     R"({"lab": "elbows", "unit": {"w": 3}, "timeline": {"network": {"show_all": "no"}}})",
     "timeline.network.show_all must be true or false"},
    {"elbows timeline unit", R"({"lab": "elbows", "timeline": {"unit": {"shown": "one"}}})",
     "timeline.unit.shown must be a whole number"},
    {"elbows timeline key", R"({"lab": "elbows", "timeline": {"speed": 3}})",
     "timeline.speed is not a setting here"},
    {"activations has no timeline",
     R"({"lab": "activations", "timeline": {"show_all": false, "shown": 3}})", "timeline"},
};

std::string tempPath(const std::string& name) {
  return ::testing::TempDir() + "gradlab_broken_" + name;
}

std::string fileName(const BrokenScene& c) {
  std::string name = c.what;
  std::replace(name.begin(), name.end(), ' ', '-');
  return name + ".json";
}

std::vector<nlohmann::json> everyLabsScene(const App& app) {
  std::vector<nlohmann::json> scenes;
  for (const auto& lab : app.labs) scenes.push_back(lab->saveScene());
  return scenes;
}

TEST(SceneErrors, FileOpenNamesTheProblemAndKeepsEveryScene) {
  App app;
  initApp(app);
  // Not on the default scenes: the E3 preset trained to a step, and a timeline moved.
  ASSERT_EQ(
      app.labs[std::size_t(findLab("elbows"))]->applyOptions({"--preset", "e3", "--steps", "40"}),
      "");
  ASSERT_EQ(app.labs[std::size_t(findLab("stochastic"))]->applyOptions({"--at", "25"}), "");
  app.lab = findLab("backprop");
  const std::vector<nlohmann::json> before = everyLabsScene(app);
  for (const BrokenScene& c : kBrokenScenes) {
    const std::string path = tempPath(fileName(c));
    std::ofstream(path) << c.text;
    const std::string problem = openSceneFile(app, path);
    EXPECT_NE(problem.find("scene file '" + path + "'"), std::string::npos)
        << c.what << ": " << problem;
    EXPECT_NE(problem.find(c.expected), std::string::npos) << c.what << ": " << problem;
    EXPECT_EQ(problem.find('\n'), std::string::npos) << c.what;
    EXPECT_EQ(app.lab, findLab("backprop")) << c.what;
    EXPECT_TRUE(everyLabsScene(app) == before) << c.what;
    EXPECT_TRUE(app.recent_scenes.empty()) << c.what;
  }
}

TEST(SceneErrors, ExportSaysTheSameInOneLineWithExit2) {
  const std::string dir = tempPath("export-out");
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  for (const BrokenScene& c : kBrokenScenes) {
    const std::string path = tempPath(fileName(c));
    std::ofstream(path) << c.text;
    const test::CommandResult r = test::runGradlab("export " + path + " --out-dir " + dir, true,
                                                   "env -u DISPLAY -u WAYLAND_DISPLAY");
    EXPECT_EQ(r.exit_code, 2) << c.what << ": " << r.output;
    EXPECT_EQ(test::countLines(r.output), 1) << c.what << ": " << r.output;
    EXPECT_EQ(r.output.rfind("gradlab: error: scene file '" + path + "'", 0), 0u)
        << c.what << ": " << r.output;
    EXPECT_NE(r.output.find(c.expected), std::string::npos) << c.what << ": " << r.output;
  }
  EXPECT_TRUE(std::filesystem::is_empty(dir));
}

}  // namespace
}  // namespace gradlab
