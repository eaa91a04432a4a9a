// App: the one state struct that owns everything the UI shows, and the frame that draws it
// (main menu, lab switcher, the current lab, status bar).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "app/export_ui.h"
#include "app/frame_stats.h"
#include "app/labs/lab.h"
#include "app/plot/plot_imgui.h"
#include "app/theme.h"
#include "app/undo.h"

namespace gradlab {

struct App {
  Theme theme = Theme::Dark;
  int lab = 0;                 // index into labTable() and labs
  bool select_lab_tab = true;  // the tab bar follows `lab` on the next frame (CLI, shortcuts)
  bool quit_requested = false;
  bool show_about = false;
  std::string scene_path;                  // the scene file last opened or saved ("" none)
  std::vector<std::string> recent_scenes;  // newest first (File > Open recent)
  std::string scene_message;               // what the last open or save did, for the status bar
  bool scene_message_is_error = false;
  std::vector<std::string> dropped_files;  // files dropped on the window, opened next frame
  std::vector<UndoHistory> undo;           // one per lab: its scenes to undo (app/lab_undo.h)
  bool undo_pending = false;               // input arrived since the scene was last recorded
  bool show_help = false;                  // the keyboard shortcuts overlay (F1 or ?)
  std::string command_message;             // what the last shortcut or Edit/Run command did
  int command_message_lab = -1;            // the lab it was about: shown while that lab is open
  struct SceneDialog {
    bool open = false;     // the dialog is showing
    bool saving = false;   // save as (else open)
    char path[1024] = "";  // the path being typed
  } scene_dialog;
  ExportDialog export_dialog;  // File > Export... (export_ui.h)
  FrameStats frame_stats;
  std::string font_warning;    // from the platform; shown in the status bar when set
  float ui_scale = 1.0f;       // sizes of plot lines and markers follow the UI's scale
  long frames_drawn = 0;       // frames since start (the idle test: none while nothing changes)
  long frames_rasterized = 0;  // of those, the ones whose pixels changed (app/draw_fingerprint.h)

  // Presentation mode (View menu, F5; Esc leaves): labs hide their side panels, lines thicken.
  bool presentation = false;
  float requested_scale = 1.0f;    // View > UI scale; the loop hands it to the platform
  bool toggle_fullscreen = false;  // F11; the loop switches the window and clears it
  std::string settings_message;    // a problem with settings.json, for the status bar

  plot::PlotContext plots;                 // every plot's persistent state (views, hidden items)
  std::vector<std::unique_ptr<Lab>> labs;  // one per labTable() entry, made by initApp
};

// Makes every lab on its default scene. Needs no GL context (labs make their GL resources when
// first drawn). `wake` (may be null) is what background work calls when a result is ready.
void initApp(App& app, WakeFunction wake = nullptr);
Lab& currentLab(App& app);

// Applies the theme's colours; call after changing app.theme.
void setTheme(App& app, Theme theme);
// Draws one frame of the whole UI into the current ImGui frame (fills the display). dt: seconds
// since the previous frame.
void drawApp(App& app, float dt);
// Seconds until the current lab's pictures change on their own (Lab::kNever when idle): the
// event loop sleeps until then or the next input.
double appSecondsUntilChange(const App& app);
// The current lab's Lab::pixelsVersion.
std::uint64_t appPixelsVersion(const App& app);

}  // namespace gradlab
