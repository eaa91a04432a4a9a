// Homework figures in one command: `gradlab export SCENE.json` and `gradlab export --all` (every
// scene shipped in assets/scenes), with no display; every file a real picture.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <vector>

#include "tests/app/png_image.h"
#include "tests/app/run_command.h"

namespace gradlab::test {
namespace {

const char* kNoDisplay = "env -u DISPLAY -u WAYLAND_DISPLAY";

std::string freshDir(const std::string& name) {
  const std::string dir = ::testing::TempDir() + "gradlab_scenes_" + name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

// Distinct colours on a coarse grid: a blank or single-colour file has one or two.
int distinctColours(const Image& image) {
  std::set<unsigned> colours;
  for (int y = 0; y < image.height; y += 7)
    for (int x = 0; x < image.width; x += 7) {
      const unsigned char* p = image.at(x, y);
      colours.insert(unsigned(p[0]) << 16 | unsigned(p[1]) << 8 | p[2]);
    }
  return int(colours.size());
}

TEST(ExportScenes, EveryShippedSceneExportsRealPicturesWithNoDisplay) {
  const std::string dir = freshDir("all");
  const CommandResult r =
      runGradlab("export --all --out-dir " + dir + " --size 400x300", true, kNoDisplay);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  int scenes = 0;
  for (const auto& entry : std::filesystem::directory_iterator(GRADLAB_SCENES_DIR)) {
    if (entry.path().extension() != ".json") continue;
    ++scenes;
    const std::string stem = entry.path().stem().string();
    int files = 0;
    for (const auto& out : std::filesystem::directory_iterator(dir)) {
      const std::string name = out.path().filename().string();
      if (name.rfind(stem + "-", 0) != 0) continue;
      if (out.path().extension() == ".csv") continue;  // a lab's table (test_export_csv.cpp)
      ++files;
      const Image image = loadPng(out.path().string());
      EXPECT_EQ(image.width, 400) << name;
      EXPECT_GT(distinctColours(image), 20) << name;
    }
    EXPECT_GE(files, 1) << stem;
  }
  EXPECT_GE(scenes, 13);
  // F1's error table comes with its figures, whatever their format.
  EXPECT_TRUE(std::filesystem::exists(dir + "/f1-precision-sgd-errors.csv"));
}

// The files the README's "Figures for your report" table lists, one per figure the exercises ask
// for: a scene file's stem, then the figure.
TEST(ExportScenes, AllWritesEveryHomeworkFigureByName) {
  const std::string dir = freshDir("names");
  const CommandResult r =
      runGradlab("export --all --out-dir " + dir + " --size 400x300", true, kNoDisplay);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  std::set<std::string> written;
  for (const auto& out : std::filesystem::directory_iterator(dir))
    written.insert(out.path().filename().string());
  std::set<std::string> expected = {"a-activation-identities-values.png",
                                    "a-activation-identities-derivatives.png",
                                    "c5-gd-vs-newton-map.png",
                                    "c5-gd-vs-newton-f.png",
                                    "c5-gd-vs-newton-grad-norm.png",
                                    "e3-dead-units-fit.png",
                                    "e3-dead-units-loss.png",
                                    "e3-dead-units-trace.png",
                                    "e3-leaky-relu-fit.png",
                                    "e3-leaky-relu-loss.png",
                                    "e3-leaky-relu-trace.png",
                                    "e3-leaky-mid-training-fit.png",
                                    "e3-leaky-mid-training-loss.png",
                                    "e3-leaky-mid-training-trace.png",
                                    "f1-precision-sgd-objective-1.png",
                                    "f1-precision-sgd-objective-2.png",
                                    "f1-precision-sgd-objective-3.png",
                                    "f1-precision-sgd-ellipses.png",
                                    "f1-precision-sgd-errors.csv"};
  for (const char* eta : {"0.1", "1", "5"})
    for (const char* figure : {"map", "f", "grad-norm"})
      expected.insert(std::string("c4-eta-") + eta + "-" + figure + ".png");
  for (int k = 1; k <= 4; ++k) expected.insert("e1-case-" + std::to_string(k) + "-unit.png");
  // B1's 3 x 3 grid: activations by weight sets, one file per cell.
  int b1_cells = 0;
  for (const std::string& name : written)
    if (name.rfind("b1-random-networks-", 0) == 0) ++b1_cells, expected.insert(name);
  EXPECT_EQ(b1_cells, 9);
  EXPECT_EQ(written, expected);
}

// `gradlab render SCENE.json` draws the whole window on that scene, in the lab it names: here
// under Xvfb at a projector's 1024x768, every shipped scene.
TEST(ExportScenes, EveryShippedSceneRendersTheWholeWindow) {
  const std::string dir = freshDir("render");
  for (const auto& entry : std::filesystem::directory_iterator(GRADLAB_SCENES_DIR)) {
    if (entry.path().extension() != ".json") continue;
    const std::string png = dir + "/" + entry.path().stem().string() + ".png";
    const CommandResult r =
        runGradlab("render " + entry.path().string() + " --size 1024x768 --report --out " + png);
    ASSERT_EQ(r.exit_code, 0) << entry.path() << ": " << r.output;
    const Image image = loadPng(png);
    EXPECT_EQ(image.width, 1024) << png;
    EXPECT_EQ(image.height, 768) << png;
    EXPECT_GT(distinctColours(image), 20) << png;
    // The E3 scene opens trained to its step, as its export does.
    if (entry.path().stem() == "e3-dead-units") {
      EXPECT_NE(r.output.find("step: 6000"), std::string::npos) << r.output;
    }
  }
}

TEST(ExportScenes, RenderOfABadSceneFileIsOneLineAndExit2) {
  const std::string dir = freshDir("render-bad");
  const std::string scene = dir + "/bad.json";
  std::ofstream(scene) << R"({"lab": "elbows", "timeline": {"network": {"shown": -1}}})";
  const CommandResult r = runGradlab("render " + scene + " --out " + dir + "/x.png");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find("gradlab: error: scene file '" + scene +
                          "': timeline.network.shown must be a whole number >= 0"),
            std::string::npos)
      << r.output;
  EXPECT_EQ(std::count(r.output.begin(), r.output.end(), '\n'), 1) << r.output;
  EXPECT_FALSE(std::filesystem::exists(dir + "/x.png"));
}

TEST(ExportScenes, OneSceneFileNamesItsFiguresAfterTheFile) {
  const std::string dir = freshDir("one");
  const CommandResult r = runGradlab(std::string("export ") + GRADLAB_SCENES_DIR +
                                         "/c5-gd-vs-newton.json --out-dir " + dir + " --format svg",
                                     true, kNoDisplay);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  for (const char* name : {"map", "f", "grad-norm"})
    EXPECT_TRUE(std::filesystem::exists(dir + "/c5-gd-vs-newton-" + name + ".svg")) << name;
}

// --scale 2 doubles the pixels of a PNG (the same layout, drawn finer) and of an SVG's size.
TEST(ExportScenes, ScaleTwoDoublesThePixelSize) {
  const std::string dir = freshDir("scale");
  for (const char* format : {"png", "svg"}) {
    const CommandResult r = runGradlab(
        std::string("export --size 400x300 --scale 2 --format ") + format + " --out-dir " + dir,
        true, kNoDisplay);
    ASSERT_EQ(r.exit_code, 0) << r.output;
  }
  const Image png = loadPng(dir + "/optimizer-map.png");
  EXPECT_EQ(png.width, 800);
  EXPECT_EQ(png.height, 600);
  std::ifstream svg(dir + "/optimizer-map.svg");
  const std::string text((std::istreambuf_iterator<char>(svg)), std::istreambuf_iterator<char>());
  EXPECT_NE(text.find("width=\"800\" height=\"600\" viewBox=\"0 0 400 300\""), std::string::npos);
}

TEST(ExportScenes, ABadSceneFileIsOneLineAndExit2) {
  const std::string dir = freshDir("bad");
  const std::string scene = dir + "/bad.json";
  std::ofstream(scene) << R"({"lab": "optimizer", "config": {"lr": "fast"}})";
  const CommandResult r = runGradlab("export " + scene + " --out-dir " + dir, true, kNoDisplay);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find("gradlab: error: scene file '" + scene + "'"), std::string::npos)
      << r.output;
  EXPECT_EQ(std::count(r.output.begin(), r.output.end(), '\n'), 1) << r.output;
}

}  // namespace
}  // namespace gradlab::test
