// The keyboard shortcuts overlay. See help_overlay_ui.h.
#include "app/help_overlay_ui.h"

#include <imgui.h>

#include "app/shortcuts.h"

namespace gradlab {

void drawHelpOverlay(App& app) {
  constexpr const char* kTitle = "Keyboard shortcuts";
  if (!app.show_help) {
    if (ImGui::IsPopupOpen(kTitle)) {  // closed by F1 or ? (shortcuts.cpp) this frame
      if (ImGui::BeginPopup(kTitle)) {
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
      }
    }
    return;
  }
  if (!ImGui::IsPopupOpen(kTitle)) ImGui::OpenPopup(kTitle);
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  // A plain popup (not modal): no full-window dimming quad, and a click outside closes it.
  if (!ImGui::BeginPopup(kTitle, ImGuiWindowFlags_AlwaysAutoResize)) {
    app.show_help = false;  // closed by a click outside
    return;
  }
  ImGui::TextUnformatted(kTitle);
  ImGui::Separator();
  if (ImGui::BeginTable("shortcuts", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) {
    for (const ShortcutHelp& line : shortcutHelp()) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(line.keys);
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(line.what);
    }
    ImGui::EndTable();
  }
  ImGui::Spacing();
  ImGui::TextDisabled("Keys act when no text field is being edited.");
  ImGui::TextDisabled("Undo is per lab. Esc, F1 or a click closes this.");
  const bool close = ImGui::Button("Close") ||
                     ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false) ||
                     ImGui::IsMouseClicked(0);  // anywhere: there is nothing to click inside
  if (close) {
    app.show_help = false;
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

}  // namespace gradlab
