// The frame: main menu, lab tabs, the current lab, status bar. See app.h.
#include "app/app.h"

#include <GLFW/glfw3.h>  // key codes of F5 and F11 (ImGui 1.86 names neither)
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/gl/texture_copy.h"
#include "app/help_overlay_ui.h"
#include "app/lab_undo.h"
#include "app/scene_menu_ui.h"
#include "app/settings.h"
#include "app/shortcuts.h"

namespace gradlab {
namespace {

// Presentation mode adds this to the plots' scale: lines and markers 1.5x at UI scale 1; at
// larger UI scales they have grown with the UI already, and 1.5x more would hide the curves.
constexpr float kPresentationPlotScaleStep = 0.5f;

// View menu: presentation mode, full screen and the UI scale (fonts re-rasterized at each size).
void drawViewScaleItems(App& app) {
  if (ImGui::MenuItem("Presentation mode", "F5", app.presentation))
    app.presentation = !app.presentation;
  if (ImGui::MenuItem("Full screen", "F11")) app.toggle_fullscreen = true;
  if (ImGui::BeginMenu("UI scale")) {
    for (float scale : kUiScaleChoices) {
      char label[16];
      std::snprintf(label, sizeof label, "%gx", double(scale));
      if (ImGui::MenuItem(label, nullptr, std::fabs(app.requested_scale - scale) < 1e-3f))
        app.requested_scale = scale;
    }
    ImGui::EndMenu();
  }
}

void drawMainMenu(App& app) {
  if (!ImGui::BeginMenuBar()) return;
  if (ImGui::BeginMenu("File")) {
    drawSceneMenuItems(app);
    ImGui::Separator();
    if (ImGui::MenuItem("Export...", "Ctrl+E")) openExportDialog(app);
    ImGui::Separator();
    if (ImGui::MenuItem("Quit", "Ctrl+Q")) app.quit_requested = true;
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Edit")) {
    if (ImGui::MenuItem("Undo", "Ctrl+Z", false, canUndo(app))) runCommand(app, {Command::Undo});
    if (ImGui::MenuItem("Redo", "Ctrl+Shift+Z", false, canRedo(app)))
      runCommand(app, {Command::Redo});
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("View")) {
    if (ImGui::MenuItem("Dark theme (screen)", nullptr, app.theme == Theme::Dark))
      setTheme(app, Theme::Dark);
    if (ImGui::MenuItem("Light theme (print)", nullptr, app.theme == Theme::Light))
      setTheme(app, Theme::Light);
    ImGui::Separator();
    drawViewScaleItems(app);
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Run")) {
    if (ImGui::MenuItem("Play / Pause", "Space")) runCommand(app, {Command::PlayPause});
    if (ImGui::MenuItem("Step", "Right")) runCommand(app, {Command::Step});
    if (ImGui::MenuItem("Reset", "R")) runCommand(app, {Command::Reset});
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Lab")) {
    const std::vector<LabEntry>& table = labTable();
    for (int i = 0; i < int(table.size()); ++i) {
      char shortcut[16];
      std::snprintf(shortcut, sizeof shortcut, "%d", i + 1);
      if (ImGui::MenuItem(table[i].title, i < 9 ? shortcut : nullptr, app.lab == i)) {
        app.lab = i;
        app.select_lab_tab = true;
      }
    }
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Help")) {
    if (ImGui::MenuItem("Keyboard shortcuts", "F1")) app.show_help = true;
    if (ImGui::MenuItem("About gradlab")) app.show_about = true;
    ImGui::EndMenu();
  }
  ImGui::EndMenuBar();
}

// F5 toggles presentation mode and Esc leaves it (unless a popup or a text field has the key);
// F11 asks the loop for full screen.
void handlePresentationKeys(App& app) {
  const ImGuiIO& io = ImGui::GetIO();
  if (io.KeyCtrl || io.KeyAlt) return;
  if (ImGui::IsKeyPressed(GLFW_KEY_F5, false)) app.presentation = !app.presentation;
  if (ImGui::IsKeyPressed(GLFW_KEY_F11, false)) app.toggle_fullscreen = true;
  if (app.presentation && !io.WantTextInput &&
      !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId) &&
      ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false))
    app.presentation = false;
}

// Every shortcut but File's (Ctrl+S, Ctrl+O: scene_menu_ui.h), presentation mode's and the
// export dialog's (Ctrl+E) is in shortcuts.h.
void handleShortcuts(App& app) {
  handlePresentationKeys(app);
  handleKeyboardShortcuts(app);
  handleSceneShortcuts(app);
  handleExportShortcut(app);
}

void drawLabTabs(App& app) {
  if (!ImGui::BeginTabBar("labs")) return;
  const std::vector<LabEntry>& table = labTable();
  for (int i = 0; i < int(table.size()); ++i) {
    ImGuiTabItemFlags flags = 0;
    if (app.select_lab_tab && app.lab == i) flags |= ImGuiTabItemFlags_SetSelected;
    if (ImGui::BeginTabItem(table[i].title, nullptr, flags)) {
      if (!app.select_lab_tab) app.lab = i;
      ImGui::EndTabItem();
    }
  }
  app.select_lab_tab = false;
  ImGui::EndTabBar();
}

void drawStatusBar(App& app, float height) {
  ImGui::Separator();
  ImGui::BeginChild("status", ImVec2(0, height), false, ImGuiWindowFlags_NoScrollbar);
  ImGui::AlignTextToFramePadding();
  ImGui::Text("%s lab", labTable()[std::size_t(app.lab)].title);
  ImGui::SameLine();
  ImGui::TextDisabled("|");
  ImGui::SameLine();
  if (app.presentation) {  // a classroom needs the way out, not frame times
    ImGui::TextDisabled("presentation mode: F5 or Esc leaves, F11 full screen");
    ImGui::EndChild();
    return;
  }
  if (!app.settings_message.empty()) {
    ImGui::TextColored(ImVec4(0.95f, 0.55f, 0.2f, 1), "%s", app.settings_message.c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("|");
    ImGui::SameLine();
  }
  if (app.frame_stats.shown_count > 0)
    ImGui::Text("frame %.1f ms (max %.1f)", app.frame_stats.shown_mean, app.frame_stats.shown_max);
  else
    ImGui::TextDisabled("frame time: measuring");
  ImGui::SameLine();
  ImGui::TextDisabled("|");
  ImGui::SameLine();
  ImGui::Text("%s theme", themeName(app.theme));
  if (!app.font_warning.empty()) {
    ImGui::SameLine();
    ImGui::TextDisabled("|");
    ImGui::SameLine();
    ImGui::TextColored(ImVec4(0.9f, 0.6f, 0.1f, 1.0f), "%s", app.font_warning.c_str());
  }
  if (!app.command_message.empty() && app.command_message_lab == app.lab) {  // undo, no animation
    ImGui::SameLine();
    ImGui::TextDisabled("|");
    ImGui::SameLine();
    ImGui::TextUnformatted(app.command_message.c_str());
  }
  if (!app.scene_message.empty()) {  // the last scene opened or saved, or why it was not
    ImGui::SameLine();
    ImGui::TextDisabled("|");
    ImGui::SameLine();
    if (app.scene_message_is_error)
      ImGui::TextColored(ImVec4(0.95f, 0.55f, 0.2f, 1), "%s", app.scene_message.c_str());
    else
      ImGui::TextUnformatted(app.scene_message.c_str());
  }
  ImGui::EndChild();
}

void drawAbout(App& app) {
  if (app.show_about) ImGui::OpenPopup("About gradlab");
  if (ImGui::BeginPopupModal("About gradlab", &app.show_about, ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::Text("gradlab - see how neural networks are trained.");
    ImGui::TextDisabled("Dear ImGui %s, OpenGL 3.3 core, Eigen.", IMGUI_VERSION);
    if (ImGui::Button("Close")) {
      app.show_about = false;
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  }
}

}  // namespace

void setTheme(App& app, Theme theme) {
  app.theme = theme;
  applyTheme(theme);
}

double appSecondsUntilChange(const App& app) {
  return app.labs[std::size_t(app.lab)]->secondsUntilChange();
}

std::uint64_t appPixelsVersion(const App& app) {
  return app.labs[std::size_t(app.lab)]->pixelsVersion();
}

void initApp(App& app, WakeFunction wake) {
  plot::SetCurrentContext(&app.plots);
  app.plots.copy_texture = &CopyTextureToClipRect;
  app.labs.clear();
  for (const LabEntry& entry : labTable()) {
    app.labs.push_back(entry.make());
    app.labs.back()->setWake(wake);
  }
  app.lab = std::clamp(app.lab, 0, int(app.labs.size()) - 1);
  app.undo.clear();  // new labs: their histories start at the first frame (lab_undo.h)
}

Lab& currentLab(App& app) {
  return *app.labs[std::size_t(app.lab)];
}

void drawApp(App& app, float dt) {
  openDroppedFiles(app);
  handleShortcuts(app);
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->WorkPos);
  ImGui::SetNextWindowSize(viewport->WorkSize);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_MenuBar |
                                 ImGuiWindowFlags_NoBringToFrontOnFocus |
                                 // The clear colour is the background already; a second
                                 // full-window quad costs ~4 ms a frame under llvmpipe.
                                 ImGuiWindowFlags_NoBackground;
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
  ImGui::Begin("gradlab", nullptr, flags);
  ImGui::PopStyleVar();
  drawMainMenu(app);
  drawLabTabs(app);

  const float status_height = ImGui::GetFrameHeightWithSpacing();
  ImGui::BeginChild("lab", ImVec2(0, -status_height - ImGui::GetStyle().ItemSpacing.y), false);
  plot::PlotStyle& plot_style = app.plots.style;
  plot_style = themePlotStyle(app.theme);
  plot_style.fill_plot_area = false;
  // Presentation mode: thicker lines and larger markers, for the back of a lecture hall.
  plot_style.scale = app.ui_scale + (app.presentation ? kPresentationPlotScaleStep : 0.0f);
  LabFrame frame;
  frame.plots = &app.plots;
  frame.theme = app.theme;
  frame.dt = dt;
  frame.presentation = app.presentation;
  currentLab(app).draw(frame);
  ImGui::EndChild();

  drawStatusBar(app, status_height);
  drawAbout(app);
  drawSceneDialog(app);
  drawExportDialog(app);
  drawHelpOverlay(app);
  ImGui::End();
  recordSettledLabScene(app);  // after everything that can change a scene this frame
}

}  // namespace gradlab
