// Shared widgets. See ui_widgets.h.
#include "app/ui_widgets.h"

#include <imgui.h>
#include <imgui_internal.h>  // FindRenderedTextEnd: a label stops at "##", as in ImGui

#include <algorithm>
#include <cmath>

namespace gradlab {

void HelpMarker(const char* text) {
  ImGui::TextDisabled("(?)");
  if (ImGui::IsItemHovered()) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28.0f);
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  }
}

bool SliderLogDouble(const char* label, double* value, double min, double max, const char* format,
                     bool allow_zero) {
  ImGui::PushID(label);
  const float full = ImGui::CalcItemWidth();
  const float entry = std::min(full * 0.38f, ImGui::GetFontSize() * 5.5f);
  const float spacing = ImGui::GetStyle().ItemInnerSpacing.x;
  const bool off = allow_zero && *value == 0;
  double v = *value;
  double shown = off ? min : v;  // a log slider has no 0: it rests at its minimum, labelled off
  bool changed = false;
  ImGui::SetNextItemWidth(full - entry - spacing);
  if (ImGui::SliderScalar("##slider", ImGuiDataType_Double, &shown, &min, &max,
                          off ? "off" : format,
                          ImGuiSliderFlags_Logarithmic | ImGuiSliderFlags_AlwaysClamp)) {
    v = shown;
    changed = true;
  }
  ImGui::SameLine(0, spacing);
  ImGui::SetNextItemWidth(entry);
  // Applied when the entry is left, by Enter or by a click elsewhere (ImGui writes the typed
  // value in that frame): never half-typed ("0." of "0.05"), never lost on a click away.
  double typed = v;
  ImGui::InputDouble("##exact", &typed, 0, 0, "%.6g");
  if (ImGui::IsItemDeactivatedAfterEdit() && std::isfinite(typed)) {
    v = (allow_zero && typed == 0) ? 0.0 : std::clamp(typed, min, max);
    changed = true;
  }
  ImGui::SameLine(0, spacing);
  const char* end = ImGui::FindRenderedTextEnd(label);
  ImGui::TextUnformatted(label, end);
  ImGui::PopID();
  if (changed && v != *value) {
    *value = v;
    return true;
  }
  return false;
}

bool SliderDouble(const char* label, double* value, double min, double max, const char* format) {
  double v = *value;
  if (ImGui::SliderScalar(label, ImGuiDataType_Double, &v, &min, &max, format,
                          ImGuiSliderFlags_AlwaysClamp) &&
      std::isfinite(v) && v != *value) {
    *value = v;
    return true;
  }
  return false;
}

}  // namespace gradlab
