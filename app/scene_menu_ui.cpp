#include "app/scene_menu_ui.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

#include "app/scene_file.h"

namespace gradlab {
namespace {

void report(App& app, const std::string& problem, const std::string& done) {
  app.scene_message = problem.empty() ? done : problem;
  app.scene_message_is_error = !problem.empty();
}

void openScene(App& app, const std::string& path) {
  report(app, openSceneFile(app, path), "opened " + path);
}

void saveScene(App& app, const std::string& path) {
  report(app, saveSceneFile(app, path), "saved " + path);
}

void showDialog(App& app, bool saving);

// Save scene: to the file last opened or saved, else ask where.
void saveOrAsk(App& app) {
  if (app.scene_path.empty())
    showDialog(app, true);
  else
    saveScene(app, app.scene_path);
}

void showDialog(App& app, bool saving) {
  app.scene_message.clear();
  app.scene_message_is_error = false;
  app.scene_dialog.open = true;
  app.scene_dialog.saving = saving;
  std::string start = app.scene_path;
  if (start.empty())
    start = saving ? std::string(labTable()[std::size_t(app.lab)].name) + ".json" : "";
  std::snprintf(app.scene_dialog.path, sizeof app.scene_dialog.path, "%s", start.c_str());
}

// The .json files beside the typed path (its directory, or the working directory), sorted.
std::vector<std::string> sceneFilesNear(const std::string& typed) {
  namespace fs = std::filesystem;
  fs::path dir = fs::path(typed).parent_path();
  if (dir.empty()) dir = ".";
  std::vector<std::string> files;
  std::error_code error;
  for (fs::directory_iterator it(dir, error), end; !error && it != end; it.increment(error)) {
    if (it->path().extension() == ".json" && it->is_regular_file(error))
      files.push_back(dir == "." ? it->path().filename().string() : it->path().string());
    if (files.size() >= 200) break;  // a huge folder: the first 200 are enough to pick from
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

void drawSceneMenuItems(App& app) {
  if (ImGui::MenuItem("Open scene...", "Ctrl+O")) showDialog(app, false);
  if (ImGui::BeginMenu("Open recent", !app.recent_scenes.empty())) {
    for (const std::string& path : std::vector<std::string>(app.recent_scenes))
      if (ImGui::MenuItem(path.c_str())) openScene(app, path);
    ImGui::EndMenu();
  }
  if (ImGui::MenuItem("Save scene", "Ctrl+S")) saveOrAsk(app);
  if (ImGui::MenuItem("Save scene as...")) showDialog(app, true);
}

void handleSceneShortcuts(App& app) {
  const ImGuiIO& io = ImGui::GetIO();
  if (!io.KeyCtrl || io.WantTextInput) return;
  // GLFW key codes for letters are their upper-case ASCII values.
  if (ImGui::IsKeyPressed('O', false)) showDialog(app, false);
  if (ImGui::IsKeyPressed('S', false)) saveOrAsk(app);
}

void drawSceneDialog(App& app) {
  App::SceneDialog& dialog = app.scene_dialog;
  const char* title = dialog.saving ? "Save scene as" : "Open scene";
  if (dialog.open && !ImGui::IsPopupOpen(title)) ImGui::OpenPopup(title);
  ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 34, 0), ImGuiCond_Appearing);
  if (!ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_NoSavedSettings)) return;
  ImGui::TextWrapped(dialog.saving ? "The current lab's scene is written as JSON (atomically)."
                                   : "A scene file names its lab; that lab opens on it.");
  if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
  ImGui::SetNextItemWidth(-1);
  const bool entered = ImGui::InputText("##path", dialog.path, sizeof dialog.path,
                                        ImGuiInputTextFlags_EnterReturnsTrue);
  ImGui::BeginChild("files", ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * 8), true);
  for (const std::string& file : sceneFilesNear(dialog.path))
    if (ImGui::Selectable(file.c_str(), file == dialog.path))
      std::snprintf(dialog.path, sizeof dialog.path, "%s", file.c_str());
  ImGui::EndChild();
  const bool ok = ImGui::Button(dialog.saving ? "Save" : "Open") || entered;
  ImGui::SameLine();
  const bool cancel =
      ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);
  if (ok && dialog.path[0] != '\0') {
    if (dialog.saving)
      saveScene(app, dialog.path);
    else
      openScene(app, dialog.path);
  }
  // The dialog stays open on a problem (shown under it) so the path can be corrected.
  if (ok && !app.scene_message_is_error && dialog.path[0] != '\0') dialog.open = false;
  if (cancel) dialog.open = false;
  if (app.scene_message_is_error)
    ImGui::TextColored(ImVec4(0.95f, 0.55f, 0.2f, 1), "%s", app.scene_message.c_str());
  if (!dialog.open) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

void openDroppedFiles(App& app) {
  for (const std::string& path : app.dropped_files) openScene(app, path);
  app.dropped_files.clear();
}

}  // namespace gradlab
