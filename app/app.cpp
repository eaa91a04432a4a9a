// The frame: main menu, lab tabs, the current lab, status bar. See app.h.
#include "app/app.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "app/gl/texture_copy.h"
#include "app/help_overlay_ui.h"
#include "app/lab_undo.h"
#include "app/scene_menu_ui.h"
#include "app/shortcuts.h"

namespace gradlab {
namespace {

void drawMainMenu(App& app) {
  if (!ImGui::BeginMenuBar()) return;
  if (ImGui::BeginMenu("File")) {
    drawSceneMenuItems(app);
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
  if (ImGui::BeginMenu("Run")) {
    if (ImGui::MenuItem("Play / Pause", "Space")) runCommand(app, {Command::PlayPause});
    if (ImGui::MenuItem("Step", "Right")) runCommand(app, {Command::Step});
    if (ImGui::MenuItem("Reset", "R")) runCommand(app, {Command::Reset});
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("View")) {
    if (ImGui::MenuItem("Dark theme (screen)", nullptr, app.theme == Theme::Dark))
      setTheme(app, Theme::Dark);
    if (ImGui::MenuItem("Light theme (print)", nullptr, app.theme == Theme::Light))
      setTheme(app, Theme::Light);
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

// Every shortcut but File's (Ctrl+S, Ctrl+O: scene_menu_ui.h) is in shortcuts.h.
void handleShortcuts(App& app) {
  handleKeyboardShortcuts(app);
  handleSceneShortcuts(app);
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
  plot_style.scale = app.ui_scale;
  LabFrame frame;
  frame.plots = &app.plots;
  frame.theme = app.theme;
  frame.dt = dt;
  currentLab(app).draw(frame);
  ImGui::EndChild();

  drawStatusBar(app, status_height);
  drawAbout(app);
  drawSceneDialog(app);
  drawHelpOverlay(app);
  ImGui::End();
  recordSettledLabScene(app);  // after everything that can change a scene this frame
}

}  // namespace gradlab
