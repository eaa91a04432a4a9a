// Settings in the real app under Xvfb: what settings.json holds is what the next start shows
// (theme, UI scale with fonts re-rasterized, recent files, window size); flags are for one run;
// a corrupt file is reported and replaced; headless commands never touch it.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <string>

#include "tests/app/run_command.h"

namespace gradlab {
namespace {

namespace fs = std::filesystem;

std::string freshConfigHome(const std::string& name) {
  const fs::path dir = fs::path(::testing::TempDir()) / ("gradlab_gui_settings_" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir.string();
}

std::string settingsFile(const std::string& home) {
  return home + "/gradlab/settings.json";
}

void writeSettings(const std::string& home, const std::string& text) {
  fs::create_directories(home + "/gradlab");
  std::ofstream(settingsFile(home)) << text;
}

nlohmann::json readSettings(const std::string& home) {
  std::ifstream in(settingsFile(home));
  return nlohmann::json::parse(in, nullptr, false);
}

// The value after "key: " in --report-ui's output ("" when missing).
std::string reported(const std::string& output, const std::string& key) {
  const std::string text = "\n" + output;
  const std::size_t at = text.find("\n" + key + ": ");
  if (at == std::string::npos) return "";
  const std::size_t value = at + key.size() + 3;
  return text.substr(value, text.find('\n', value) - value);
}

test::CommandResult runWithHome(const std::string& home, const std::string& arguments) {
  return test::runGradlab(arguments + " --quit-after 1.5 --report-ui", true,
                          "XDG_CONFIG_HOME='" + home + "'");
}

TEST(GuiSettings, SavedSettingsShowAtStartAndOpenedScenesAreRememberedOnQuit) {
  const std::string home = freshConfigHome("saved");
  writeSettings(home, R"({"version": 1, "theme": "light", "ui_scale": 2,
                          "recent_scenes": ["/tmp/an-old-scene.json"],
                          "window_width": 1000, "window_height": 700})");
  test::CommandResult r = runWithHome(home, "gui");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(reported(r.output, "theme"), "light") << r.output;
  EXPECT_EQ(reported(r.output, "ui_scale"), "2") << r.output;
  EXPECT_EQ(reported(r.output, "window"), "1000x700") << r.output;
  EXPECT_EQ(reported(r.output, "recent_scenes"), "1") << r.output;
  EXPECT_EQ(reported(r.output, "settings_message"), "") << r.output;

  // Opening a scene puts it first in the recent files, and quitting writes them.
  const std::string scene = std::string(GRADLAB_SCENES_DIR) + "/c4-eta-1.json";
  r = runWithHome(home, "open '" + scene + "'");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const nlohmann::json saved = readSettings(home);
  ASSERT_FALSE(saved.is_discarded());
  ASSERT_EQ(saved.at("recent_scenes").size(), 2u) << saved.dump();
  EXPECT_EQ(saved.at("recent_scenes")[0], fs::path(scene).lexically_normal().string());
  EXPECT_EQ(saved.at("recent_scenes")[1], "/tmp/an-old-scene.json");
  EXPECT_EQ(saved.at("theme"), "light");
  EXPECT_EQ(saved.at("ui_scale"), 2.0);
  EXPECT_EQ(saved.at("window_width"), 1000);
  EXPECT_EQ(saved.at("window_height"), 700);

  // The next start shows them.
  r = runWithHome(home, "gui");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(reported(r.output, "recent_scenes"), "2") << r.output;
  EXPECT_EQ(reported(r.output, "recent"), fs::path(scene).lexically_normal().string());
}

// Scale 2 rasterizes the font at twice the pixel size (sharp), not by stretching a scale-1
// atlas with FontGlobalScale (blurred).
TEST(GuiSettings, ScaleTwoRasterizesFontsAtTwiceTheSize) {
  const test::CommandResult one = test::runGradlab("gui --no-settings --quit-after 1 --report-ui");
  const test::CommandResult two =
      test::runGradlab("gui --no-settings --scale 2 --quit-after 1 --report-ui");
  ASSERT_EQ(one.exit_code, 0) << one.output;
  ASSERT_EQ(two.exit_code, 0) << two.output;
  const double px1 = std::stod(reported(one.output, "font_raster_px"));
  const double px2 = std::stod(reported(two.output, "font_raster_px"));
  EXPECT_EQ(px1, 17.0) << one.output;  // kBaseFontPx on Xvfb's content scale 1
  EXPECT_EQ(px2, 2 * px1) << two.output;
  EXPECT_EQ(reported(one.output, "font_global_scale"), "1");
  EXPECT_EQ(reported(two.output, "font_global_scale"), "1");
  EXPECT_EQ(reported(two.output, "ui_scale"), "2");
}

TEST(GuiSettings, CorruptFileIsReportedAndReplacedByDefaults) {
  const std::string home = freshConfigHome("corrupt");
  writeSettings(home, R"({"theme": "light", "ui_scale": "huge"})");
  const test::CommandResult r = runWithHome(home, "gui");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(reported(r.output, "settings_message"),
            "settings.json: ui_scale must be a number; using defaults")
      << r.output;
  EXPECT_EQ(reported(r.output, "theme"), "dark");  // the default, not the file's "light"
  const nlohmann::json saved = readSettings(home);
  ASSERT_FALSE(saved.is_discarded());
  EXPECT_EQ(saved.at("ui_scale"), 1.0);
  EXPECT_EQ(saved.at("theme"), "dark");
}

TEST(GuiSettings, CommandLineFlagsApplyToOneRunOnly) {
  const std::string home = freshConfigHome("flags");
  writeSettings(home, R"({"theme": "dark", "ui_scale": 1.25, "window_width": 1200,
                          "window_height": 800})");
  const test::CommandResult r = runWithHome(home, "gui --theme light --scale 2 --size 900x600");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(reported(r.output, "theme"), "light");
  EXPECT_EQ(reported(r.output, "ui_scale"), "2");
  EXPECT_EQ(reported(r.output, "window"), "900x600");
  const nlohmann::json saved = readSettings(home);
  EXPECT_EQ(saved.at("theme"), "dark") << saved.dump();
  EXPECT_EQ(saved.at("ui_scale"), 1.25) << saved.dump();
  EXPECT_EQ(saved.at("window_width"), 1200) << saved.dump();
}

TEST(GuiSettings, NoSettingsFlagAndHeadlessCommandsNeverWriteTheFile) {
  const std::string home = freshConfigHome("untouched");
  const std::string env = "XDG_CONFIG_HOME='" + home + "'";
  test::CommandResult r = test::runGradlab("gui --no-settings --quit-after 1", true, env);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const std::string png = home + "/shot.png";
  r = test::runGradlab("render --lab activations --size 640x480 --out '" + png + "'", true, env);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  r = test::runGradlab("export --lab activations --out-dir '" + home + "'", true, env);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_FALSE(fs::exists(home + "/gradlab")) << "a settings directory was made";
  // And the same gui run without the flag does write it on quit (the check above can fail).
  r = test::runGradlab("gui --quit-after 1", true, env);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_TRUE(fs::exists(settingsFile(home)));
}

}  // namespace
}  // namespace gradlab
