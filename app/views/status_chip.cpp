// The status chip. See status_chip.h.
#include "app/views/status_chip.h"

#include <imgui.h>

namespace gradlab {

void drawStatusChip(const std::string& summary, const std::string& hint, bool failed) {
  ImGui::Indent(ImGui::GetStyle().IndentSpacing * 0.5f);
  ImGui::PushTextWrapPos(0);
  if (failed) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.95f, 0.55f, 0.2f, 1.0f));
  // ImGui wraps after '.', which would split "f = 1.060077": the numbers go whole.
  const std::size_t paren = summary.find(" (");
  const bool fits = ImGui::CalcTextSize(summary.c_str()).x <= ImGui::GetContentRegionAvail().x;
  if (!fits && paren != std::string::npos && summary.back() == ')') {
    ImGui::TextUnformatted(summary.c_str(), summary.c_str() + paren);
    ImGui::TextUnformatted(summary.c_str() + paren + 2, summary.c_str() + summary.size() - 1);
  } else {
    ImGui::TextUnformatted(summary.c_str());
  }
  if (failed) ImGui::PopStyleColor();
  if (!hint.empty()) ImGui::TextDisabled("%s", hint.c_str());
  ImGui::PopTextWrapPos();
  ImGui::Unindent(ImGui::GetStyle().IndentSpacing * 0.5f);
}

}  // namespace gradlab
