// Settings: the preferences that persist across runs of `gradlab gui` and `gradlab open` (theme,
// UI scale, recent scene files, window size), as JSON in $XDG_CONFIG_HOME/gradlab/settings.json.
// Headless commands (render, bench-frames, export) and `gui --no-settings` never read or write it.
// Presentation mode is not a setting: the app always starts with its panels shown.
#pragma once

#include <string>
#include <vector>

#include "app/theme.h"

namespace gradlab {

struct App;

// The UI scale's range and the choices of View > UI scale (on top of the monitor's own scale).
constexpr float kMinUiScale = 1.0f, kMaxUiScale = 3.0f;
inline constexpr float kUiScaleChoices[] = {1.0f, 1.25f, 1.5f, 2.0f, 2.5f, 3.0f};

struct Settings {
  Theme theme = Theme::Dark;
  float ui_scale = 1.0f;                         // kMinUiScale to kMaxUiScale
  std::vector<std::string> recent_scenes;        // newest first, at most kMaxRecentScenes
  int window_width = 1600, window_height = 900;  // windowed size (not full screen), screen units

  bool operator==(const Settings& o) const {
    return theme == o.theme && ui_scale == o.ui_scale && recent_scenes == o.recent_scenes &&
           window_width == o.window_width && window_height == o.window_height;
  }
  bool operator!=(const Settings& o) const { return !(*this == o); }
};

// Window sizes a settings file may hold (a smaller window cannot show a lab).
constexpr int kMinWindowSize = 320, kMaxWindowSize = 16384;

// $XDG_CONFIG_HOME/gradlab/settings.json when XDG_CONFIG_HOME is set and absolute (the XDG rule),
// else $HOME/.config/gradlab/settings.json; "" when neither can be used. Null means unset.
std::string settingsPath(const char* xdg_config_home, const char* home);
// settingsPath from the process's environment.
std::string settingsPathFromEnvironment();

// Reads settings from JSON text. Missing keys keep their defaults (older files keep working);
// a key of the wrong type or out of range is a problem. Returns "" or the problem, naming the key,
// and then *settings is all defaults.
std::string settingsFromJsonText(const std::string& text, Settings* settings);
std::string settingsToJsonText(const Settings& settings);

// Reads `path` into *settings. A missing file is a first run: defaults and "". Any other problem
// gives defaults and "settings.json: <problem>; using defaults" for the status bar.
std::string loadSettings(const std::string& path, Settings* settings);
// Writes `path` atomically (creating its directory); "" or the one-line problem.
std::string saveSettings(const std::string& path, const Settings& settings);

// The settings the app shows now; window_w/h: its windowed size. Recent paths become absolute.
Settings settingsFromApp(const App& app, int window_w, int window_h);

// One run's settings file: what it held, what the command line set for this run only, and what
// was last written.
struct SettingsSession {
  std::string path;      // "" when this run keeps no settings (--no-settings, no HOME)
  Settings loaded;       // as read (defaults when it was missing or corrupt)
  Settings written;      // as last written (or as read)
  bool corrupt = false;  // the file could not be used: the next write replaces it
  bool theme_flag = false, scale_flag = false, size_flag = false;  // given on the command line
  Theme flag_theme = Theme::Dark;
  float flag_scale = 1.0f;
  int flag_width = 0, flag_height = 0;
};
// What the file should hold now: the app's settings, except that a value the command line set
// stays the file's own while the app still shows the flag's value (flags are for one run).
Settings settingsToKeep(const SettingsSession& session, const App& app, int window_w, int window_h);
// Writes the kept settings when theme, scale or recent files changed since the last write, and
// on quit when anything did (the window size is written only then: not on every resize step),
// when the file was corrupt, and on the first quit (so the file is there to edit).
// "" or the one-line problem.
std::string saveChangedSettings(SettingsSession& session, const App& app, int window_w,
                                int window_h, bool quitting);

}  // namespace gradlab
