// A lab not built yet: its one-line note. See coming_lab.h.
#include "app/labs/coming_lab.h"

#include <imgui.h>

namespace gradlab {

void ComingLab::draw(const LabFrame& /*frame*/) {
  ImGui::Dummy(ImVec2(0, ImGui::GetTextLineHeight()));
  ImGui::Indent();
  ImGui::TextDisabled("%s", note_.c_str());
  ImGui::Unindent();
}

}  // namespace gradlab
