// Settings as JSON, read tolerantly and written atomically. See settings.h.
#include "app/settings.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include "app/app.h"
#include "app/scene_file.h"
#include "core/atomic_file.h"

namespace gradlab {
namespace {

constexpr int kSettingsVersion = 1;

// Each reader sets *out from `key` when present; "" or what is wrong with it.
std::string readTheme(const nlohmann::json& j, Theme* out) {
  const auto it = j.find("theme");
  if (it == j.end()) return "";
  if (!it->is_string() || !parseTheme(it->get<std::string>().c_str(), out))
    return "theme must be \"dark\" or \"light\"";
  return "";
}

std::string readScale(const nlohmann::json& j, float* out) {
  const auto it = j.find("ui_scale");
  if (it == j.end()) return "";
  if (!it->is_number()) return "ui_scale must be a number";
  const double scale = it->get<double>();
  if (!(scale >= kMinUiScale && scale <= kMaxUiScale)) {
    std::ostringstream text;
    text << "ui_scale " << scale << " is outside " << kMinUiScale << " to " << kMaxUiScale;
    return text.str();
  }
  *out = float(scale);
  return "";
}

std::string readRecent(const nlohmann::json& j, std::vector<std::string>* out) {
  const auto it = j.find("recent_scenes");
  if (it == j.end()) return "";
  if (!it->is_array()) return "recent_scenes must be a list of file paths";
  out->clear();
  for (const nlohmann::json& path : *it) {
    if (!path.is_string() || path.get<std::string>().empty())
      return "recent_scenes must be a list of file paths";
    if (int(out->size()) < kMaxRecentScenes) out->push_back(path.get<std::string>());
  }
  return "";
}

std::string readWindowSize(const nlohmann::json& j, const char* key, int* out) {
  const auto it = j.find(key);
  if (it == j.end()) return "";
  if (!it->is_number_integer()) return std::string(key) + " must be a whole number";
  const long long size = it->get<long long>();
  if (size < kMinWindowSize || size > kMaxWindowSize)
    return std::string(key) + " " + std::to_string(size) + " is outside " +
           std::to_string(kMinWindowSize) + " to " + std::to_string(kMaxWindowSize);
  *out = int(size);
  return "";
}

}  // namespace

std::string settingsPath(const char* xdg_config_home, const char* home) {
  namespace fs = std::filesystem;
  // XDG: a relative XDG_CONFIG_HOME is invalid and must be ignored.
  if (xdg_config_home && fs::path(xdg_config_home).is_absolute())
    return (fs::path(xdg_config_home) / "gradlab" / "settings.json").string();
  if (home && fs::path(home).is_absolute())
    return (fs::path(home) / ".config" / "gradlab" / "settings.json").string();
  return "";
}

std::string settingsPathFromEnvironment() {
  return settingsPath(std::getenv("XDG_CONFIG_HOME"), std::getenv("HOME"));
}

std::string settingsFromJsonText(const std::string& text, Settings* settings) {
  *settings = Settings();
  const nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded()) return "not valid JSON";
  if (!j.is_object()) return "not a JSON object";
  Settings read;
  std::string problem = readTheme(j, &read.theme);
  if (problem.empty()) problem = readScale(j, &read.ui_scale);
  if (problem.empty()) problem = readRecent(j, &read.recent_scenes);
  if (problem.empty()) problem = readWindowSize(j, "window_width", &read.window_width);
  if (problem.empty()) problem = readWindowSize(j, "window_height", &read.window_height);
  if (problem.empty()) *settings = read;
  return problem;
}

std::string settingsToJsonText(const Settings& settings) {
  nlohmann::json j;
  j["version"] = kSettingsVersion;
  j["theme"] = themeName(settings.theme);
  j["ui_scale"] = settings.ui_scale;
  j["recent_scenes"] = settings.recent_scenes;
  j["window_width"] = settings.window_width;
  j["window_height"] = settings.window_height;
  return j.dump(2) + "\n";
}

std::string loadSettings(const std::string& path, Settings* settings) {
  *settings = Settings();
  std::error_code error;
  if (!std::filesystem::exists(path, error)) return "";  // first run
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  std::string problem = in ? settingsFromJsonText(text.str(), settings) : "cannot be read";
  if (problem.empty()) return "";
  return "settings.json: " + problem + "; using defaults";
}

std::string saveSettings(const std::string& path, const Settings& settings) {
  namespace fs = std::filesystem;
  std::error_code error;
  const fs::path dir = fs::path(path).parent_path();
  if (!dir.empty()) fs::create_directories(dir, error);
  if (error) return "cannot create " + dir.string() + ": " + error.message();
  const std::string text = settingsToJsonText(settings);
  std::string problem;
  writeFileAtomic(path, text.data(), text.size(), &problem);
  return problem;
}

Settings settingsFromApp(const App& app, int window_w, int window_h) {
  Settings s;
  s.theme = app.theme;
  s.ui_scale = app.requested_scale;
  for (const std::string& path : app.recent_scenes) {
    std::error_code error;
    const std::filesystem::path absolute = std::filesystem::absolute(path, error);
    s.recent_scenes.push_back(error ? path : absolute.lexically_normal().string());
  }
  s.window_width = std::clamp(window_w, kMinWindowSize, kMaxWindowSize);
  s.window_height = std::clamp(window_h, kMinWindowSize, kMaxWindowSize);
  return s;
}

Settings settingsToKeep(const SettingsSession& session, const App& app, int window_w,
                        int window_h) {
  Settings s = settingsFromApp(app, window_w, window_h);
  if (session.theme_flag && s.theme == session.flag_theme) s.theme = session.loaded.theme;
  if (session.scale_flag && s.ui_scale == session.flag_scale) s.ui_scale = session.loaded.ui_scale;
  if (session.size_flag && window_w == session.flag_width && window_h == session.flag_height) {
    s.window_width = session.loaded.window_width;
    s.window_height = session.loaded.window_height;
  }
  // A scale outside the menu's range (a --scale 0.5 the user then kept) is not a setting.
  if (!(s.ui_scale >= kMinUiScale && s.ui_scale <= kMaxUiScale))
    s.ui_scale = session.loaded.ui_scale;
  return s;
}

std::string saveChangedSettings(SettingsSession& session, const App& app, int window_w,
                                int window_h, bool quitting) {
  if (session.path.empty()) return "";
  Settings keep = settingsToKeep(session, app, window_w, window_h);
  Settings same_size = keep;
  same_size.window_width = session.written.window_width;
  same_size.window_height = session.written.window_height;
  const bool same = quitting ? keep == session.written : same_size == session.written;
  std::error_code error;
  const bool first_run = quitting && !std::filesystem::exists(session.path, error);
  if (same && !session.corrupt && !first_run) return "";
  if (!quitting) keep = same_size;
  std::string problem = saveSettings(session.path, keep);
  if (problem.empty()) {
    session.written = keep;
    session.corrupt = false;
  }
  return problem;
}

}  // namespace gradlab
