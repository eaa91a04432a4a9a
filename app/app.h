// App: the one state struct that owns everything the UI shows, and the frame that draws it
// (main menu, lab switcher, the current lab, status bar).
#pragma once

#include <string>
#include <vector>

#include "app/frame_stats.h"
#include "app/labs/optimizer/optimizer_lab.h"
#include "app/labs/optimizer/optimizer_lab_ui.h"
#include "app/plot/plot_imgui.h"
#include "app/theme.h"

namespace gradlab {

enum class LabId { Optimizer, Activations, Networks, Elbows, Stochastic, Backprop };
constexpr int kLabCount = 6;

struct LabInfo {
  LabId id;
  const char* cli_name;  // as in `gradlab render --lab NAME`
  const char* title;     // tab label
  const char* coming;    // one line for labs not built yet; nullptr when the lab exists
};

const LabInfo& labInfo(LabId id);
bool parseLab(const std::string& name, LabId* id);
std::string labNameList();            // "optimizer|activations|..."
std::vector<std::string> labNames();  // the same, one per entry (CLI validation)

struct App {
  Theme theme = Theme::Dark;
  LabId lab = LabId::Optimizer;
  bool select_lab_tab = true;  // the tab bar follows `lab` on the next frame (CLI, shortcuts)
  bool quit_requested = false;
  bool show_about = false;
  FrameStats frame_stats;
  std::string font_warning;  // from the platform; shown in the status bar when set
  float ui_scale = 1.0f;     // sizes of plot lines and markers follow the UI's scale

  plot::PlotContext plots;  // every plot's persistent state (views, hidden legend items)
  OptimizerLab optimizer;
  OptimizerLabView optimizer_view;  // its GL texture and caches
};

// Puts every lab on its default scene. Call once, with a GL context current.
void initApp(App& app);

// Applies the theme's colours; call after changing app.theme.
void setTheme(App& app, Theme theme);
// Draws one frame of the whole UI into the current ImGui frame (fills the display).
void drawApp(App& app);
// True while something moves on its own (an animation plays): the loop must not sleep.
bool appIsAnimating(const App& app);

}  // namespace gradlab
