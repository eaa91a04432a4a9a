// settings.json: a round trip, a table of corrupt files (each gives defaults and a message that
// names the problem), atomic writes, the XDG path rule, and which values a run writes back.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "app/app.h"
#include "app/settings.h"

namespace gradlab {
namespace {

namespace fs = std::filesystem;

// A fresh empty directory per test.
std::string freshDir(const std::string& name) {
  const fs::path dir = fs::path(::testing::TempDir()) / ("gradlab_settings_" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir.string();
}

void writeText(const std::string& path, const std::string& text) {
  std::ofstream(path) << text;
}

std::string readText(const std::string& path) {
  std::ifstream in(path);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

Settings nonDefaultSettings() {
  Settings s;
  s.theme = Theme::Light;
  s.ui_scale = 2.5f;
  s.recent_scenes = {"/home/student/c4.json", "/tmp/b1 grid.json"};
  s.window_width = 1024;
  s.window_height = 768;
  return s;
}

TEST(Settings, WriteThenReadGivesTheSameSettings) {
  const std::string path = freshDir("roundtrip") + "/gradlab/settings.json";  // dir made on save
  const Settings written = nonDefaultSettings();
  ASSERT_NE(written, Settings());
  ASSERT_EQ(saveSettings(path, written), "");
  Settings read;
  EXPECT_EQ(loadSettings(path, &read), "");
  EXPECT_EQ(read, written);
  const nlohmann::json j = nlohmann::json::parse(readText(path));
  EXPECT_EQ(j.at("version"), 1);
  EXPECT_EQ(j.at("theme"), "light");
}

TEST(Settings, MissingFileIsAFirstRunWithDefaultsAndNoMessage) {
  Settings read = nonDefaultSettings();
  EXPECT_EQ(loadSettings(freshDir("missing") + "/settings.json", &read), "");
  EXPECT_EQ(read, Settings());
}

TEST(Settings, MissingKeysKeepTheirDefaults) {
  Settings read;
  EXPECT_EQ(settingsFromJsonText(R"({"theme": "light", "unknown_later_key": [1]})", &read), "");
  Settings expected;
  expected.theme = Theme::Light;
  EXPECT_EQ(read, expected);
}

TEST(Settings, MoreThanEightRecentFilesKeepsTheNewestEight) {
  nlohmann::json j;
  for (int i = 0; i < 12; ++i) j["recent_scenes"].push_back("/s/" + std::to_string(i) + ".json");
  Settings read;
  EXPECT_EQ(settingsFromJsonText(j.dump(), &read), "");
  ASSERT_EQ(read.recent_scenes.size(), 8u);
  EXPECT_EQ(read.recent_scenes.front(), "/s/0.json");
  EXPECT_EQ(read.recent_scenes.back(), "/s/7.json");
}

struct CorruptCase {
  const char* text;
  const char* problem;  // what the message must say
};

TEST(Settings, CorruptFileGivesDefaultsAndAMessageNamingTheProblem) {
  const CorruptCase cases[] = {
      {"", "not valid JSON"},
      {"{\"theme\": \"light\"", "not valid JSON"},
      {"theme = light", "not valid JSON"},
      {"[1, 2]", "not a JSON object"},
      {"{\"theme\": 3}", "theme must be \"dark\" or \"light\""},
      {"{\"theme\": \"blue\"}", "theme must be \"dark\" or \"light\""},
      {"{\"ui_scale\": \"big\"}", "ui_scale must be a number"},
      {"{\"ui_scale\": 7}", "ui_scale 7 is outside 1 to 3"},
      {"{\"ui_scale\": 0.5}", "ui_scale 0.5 is outside 1 to 3"},
      {"{\"recent_scenes\": \"c4.json\"}", "recent_scenes must be a list of file paths"},
      {"{\"recent_scenes\": [\"a.json\", 4]}", "recent_scenes must be a list of file paths"},
      {"{\"window_width\": 100}", "window_width 100 is outside 320 to 16384"},
      {"{\"window_height\": 700.5}", "window_height must be a whole number"},
      {"{\"theme\": \"light\", \"window_height\": null}", "window_height must be a whole number"},
  };
  const std::string path = freshDir("corrupt") + "/settings.json";
  for (const CorruptCase& c : cases) {
    writeText(path, c.text);
    Settings read = nonDefaultSettings();
    const std::string message = loadSettings(path, &read);
    EXPECT_EQ(message, std::string("settings.json: ") + c.problem + "; using defaults") << c.text;
    EXPECT_EQ(read, Settings()) << c.text;
  }
}

TEST(Settings, AtomicWriteLeavesOnlyTheSettingsFile) {
  const std::string dir = freshDir("atomic");
  const std::string path = dir + "/settings.json";
  writeText(path, "{ corrupt");
  ASSERT_EQ(saveSettings(path, nonDefaultSettings()), "");
  ASSERT_EQ(saveSettings(path, Settings()), "");  // over an existing file too
  std::vector<std::string> names;
  for (const fs::directory_entry& entry : fs::directory_iterator(dir))
    names.push_back(entry.path().filename().string());
  EXPECT_EQ(names, std::vector<std::string>{"settings.json"});
  Settings read = nonDefaultSettings();
  EXPECT_EQ(loadSettings(path, &read), "");
  EXPECT_EQ(read, Settings());
}

TEST(Settings, UnwritablePlaceIsAMessageNotACrash) {
  const std::string dir = freshDir("unwritable");
  writeText(dir + "/file", "x");  // a file where the directory should be
  const std::string problem = saveSettings(dir + "/file/gradlab/settings.json", Settings());
  EXPECT_NE(problem.find("cannot create"), std::string::npos) << problem;
}

TEST(Settings, PathFollowsXdgConfigHomeElseHomeConfig) {
  EXPECT_EQ(settingsPath("/x/cfg", "/home/u"), "/x/cfg/gradlab/settings.json");
  EXPECT_EQ(settingsPath(nullptr, "/home/u"), "/home/u/.config/gradlab/settings.json");
  // The XDG rule: a relative XDG_CONFIG_HOME is ignored.
  EXPECT_EQ(settingsPath("relative/cfg", "/home/u"), "/home/u/.config/gradlab/settings.json");
  EXPECT_EQ(settingsPath("", "/home/u"), "/home/u/.config/gradlab/settings.json");
  EXPECT_EQ(settingsPath(nullptr, nullptr), "");
}

TEST(Settings, FromAppMakesRecentPathsAbsolute) {
  App app;
  app.theme = Theme::Light;
  app.requested_scale = 1.5f;
  app.recent_scenes = {"scenes/c4.json", "/abs/b1.json"};
  const Settings s = settingsFromApp(app, 1200, 800);
  EXPECT_EQ(s.theme, Theme::Light);
  EXPECT_EQ(s.ui_scale, 1.5f);
  ASSERT_EQ(s.recent_scenes.size(), 2u);
  EXPECT_EQ(s.recent_scenes[0], (fs::current_path() / "scenes/c4.json").string());
  EXPECT_EQ(s.recent_scenes[1], "/abs/b1.json");
  EXPECT_EQ(s.window_width, 1200);
  EXPECT_EQ(s.window_height, 800);
}

// Command-line flags are for one run: while the app shows a flag's value, the file keeps its own;
// a value changed in the window is the user's and is kept.
TEST(Settings, FlagValuesAreNotWrittenUnlessChangedInTheWindow) {
  SettingsSession session;
  session.loaded = nonDefaultSettings();  // light, 2.5, 1024 x 768
  session.theme_flag = true;
  session.flag_theme = Theme::Dark;
  session.scale_flag = true;
  session.flag_scale = 1.0f;
  session.size_flag = true;
  session.flag_width = 800;
  session.flag_height = 600;
  App app;
  app.theme = Theme::Dark;
  app.requested_scale = 1.0f;
  app.recent_scenes = session.loaded.recent_scenes;
  Settings kept = settingsToKeep(session, app, 800, 600);
  EXPECT_EQ(kept, session.loaded);
  app.requested_scale = 2.0f;  // View > UI scale > 2x
  kept = settingsToKeep(session, app, 900, 600);
  EXPECT_EQ(kept.ui_scale, 2.0f);
  EXPECT_EQ(kept.theme, Theme::Light);
  EXPECT_EQ(kept.window_width, 900);
}

TEST(Settings, WritesOnChangeAndTheWindowSizeOnlyOnQuit) {
  SettingsSession session;
  session.path = freshDir("changes") + "/settings.json";
  App app;  // the defaults: dark, scale 1, no recent files
  EXPECT_EQ(saveChangedSettings(session, app, 1600, 900, false), "");
  EXPECT_FALSE(fs::exists(session.path));  // nothing changed: nothing written
  EXPECT_EQ(saveChangedSettings(session, app, 1600, 900, true), "");
  EXPECT_TRUE(fs::exists(session.path));  // the first quit writes the file, to be edited
  const fs::file_time_type first_write = fs::last_write_time(session.path);
  EXPECT_EQ(saveChangedSettings(session, app, 1600, 900, true), "");
  EXPECT_EQ(fs::last_write_time(session.path), first_write);  // unchanged: not written again
  app.theme = Theme::Light;
  EXPECT_EQ(saveChangedSettings(session, app, 1300, 700, false), "");
  Settings read;
  ASSERT_EQ(loadSettings(session.path, &read), "");
  EXPECT_EQ(read.theme, Theme::Light);
  EXPECT_EQ(read.window_width, 1600);  // a resize alone waits for the quit
  EXPECT_EQ(saveChangedSettings(session, app, 1300, 700, true), "");
  ASSERT_EQ(loadSettings(session.path, &read), "");
  EXPECT_EQ(read.window_width, 1300);
  EXPECT_EQ(read.window_height, 700);
}

TEST(Settings, CorruptFileIsReplacedByTheNextWrite) {
  SettingsSession session;
  session.path = freshDir("replace") + "/settings.json";
  writeText(session.path, "{\"ui_scale\": 9}");
  EXPECT_NE(loadSettings(session.path, &session.loaded), "");
  session.written = session.loaded;
  session.corrupt = true;
  App app;
  EXPECT_EQ(saveChangedSettings(session, app, 1600, 900, false), "");
  Settings read;
  EXPECT_EQ(loadSettings(session.path, &read), "");
  EXPECT_EQ(read, Settings());
}

}  // namespace
}  // namespace gradlab
