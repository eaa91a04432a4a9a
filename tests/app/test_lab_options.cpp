// The parts every lab's own options share: CLI11 parsing into one line, scene files read and
// written.
#include <gtest/gtest.h>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>
#include <string>

#include "app/labs/lab_options.h"

namespace gradlab {
namespace {

TEST(LabOptions, ParsesInOrderAndAProblemIsOneLine) {
  CLI::App parser{"test"};
  double alpha = 0;
  std::vector<double> range;
  parser.add_option("--alpha", alpha, "alpha");
  parser.add_option("--range", range, "MIN,MAX")->delimiter(',');
  EXPECT_EQ(parseLabOptions(parser, {"--alpha", "0.25", "--range", "-2,3"}), "");
  EXPECT_EQ(alpha, 0.25);
  ASSERT_EQ(range.size(), 2u);
  EXPECT_EQ(range[1], 3);
  CLI::App other{"test"};
  other.add_option("--alpha", alpha, "alpha");
  const std::string problem = parseLabOptions(other, {"--alpha", "x"});
  EXPECT_NE(problem.find("--alpha"), std::string::npos) << problem;
  EXPECT_EQ(problem.find('\n'), std::string::npos) << problem;
  EXPECT_NE(parseLabOptions(other, {"--nope"}), "");
}

TEST(LabOptions, SceneFilesRoundTripAndBadOnesAreNamed) {
  const std::string path = testing::TempDir() + "lab_options_scene.json";
  const nlohmann::json scene = {{"lab", "activations"}, {"version", 1}, {"alpha", 0.1}};
  ASSERT_EQ(writeSceneFile(path, scene), "");
  nlohmann::json back;
  ASSERT_EQ(readSceneFile(path, &back), "");
  EXPECT_EQ(back, scene);
  EXPECT_EQ(readSceneFile(path + ".missing", &back),
            "cannot read scene file '" + path + ".missing'");
  std::ofstream(path) << "{ not json";
  EXPECT_EQ(readSceneFile(path, &back), "scene file '" + path + "' is not valid JSON");
  EXPECT_EQ(sceneFileProblem(path, ""), "");
  EXPECT_EQ(sceneFileProblem(path, "alpha must be >= 0"),
            "scene file '" + path + "': alpha must be >= 0");
  EXPECT_NE(writeSceneFile("/nonexistent-dir/x.json", scene), "");
  std::remove(path.c_str());
}

}  // namespace
}  // namespace gradlab
