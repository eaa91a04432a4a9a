// Shared widgets. See ui_widgets.h.
#include "app/ui_widgets.h"

#include <imgui.h>
#include <imgui_internal.h>  // FindRenderedTextEnd: a label stops at "##", as in ImGui

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace gradlab {

void SameLineIfFits(float width) {
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  if (ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + width <= right)
    ImGui::SameLine();
}

float ToggleWidth(const char* label) {
  return ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x +
         ImGui::CalcTextSize(label, nullptr, true).x;
}

void SetNextNumberFieldWidth(const char* widest) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const float buttons = 2 * (ImGui::GetFrameHeight() + style.ItemInnerSpacing.x);
  const float text = ImGui::CalcTextSize(widest).x + 2 * style.FramePadding.x;
  ImGui::SetNextItemWidth(std::max(ImGui::CalcItemWidth(), text + buttons));
}

float ControlColumnWidth(float avail_w, float fraction, float min_em, float max_em) {
  const float font = ImGui::GetFontSize();
  if (avail_w < 50 * font) min_em = std::min(min_em, 13.0f);
  return std::clamp(avail_w * fraction, font * min_em, font * max_em);
}

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

std::string ParseTypedNumber(const std::string& text, double min, double max, bool allow_zero,
                             double* value) {
  const char* begin = text.c_str();
  while (*begin == ' ') ++begin;
  char* end = nullptr;
  const double v = std::strtod(begin, &end);
  while (end && *end == ' ') ++end;
  char message[160];
  if (*begin == '\0') return "type a number";
  if (end == begin || *end != '\0' || std::isnan(v)) {
    std::snprintf(message, sizeof message, "'%.40s' is not a number", begin);
    return message;
  }
  if (allow_zero && v == 0) {
    *value = 0;
    return "";
  }
  if (v < min) {
    std::snprintf(message, sizeof message, "%g is too small: at least %g%s", v, min,
                  allow_zero ? " (0: off)" : "");
    return message;
  }
  if (v > max) {
    std::snprintf(message, sizeof message, "%g is too large: at most %g", v, max);
    return message;
  }
  *value = v;
  return "";
}

namespace {

// A slider without a number on it, an exact-entry box beside it and the label: the log and
// linear sliders of ui_widgets.h.
bool SliderWithEntry(const char* label, double* value, double min, double max, bool log,
                     bool allow_zero) {
  ImGui::PushID(label);
  const float full = ImGui::CalcItemWidth();
  const float entry = std::min(full * 0.4f, ImGui::GetFontSize() * 6.5f);
  const float spacing = ImGui::GetStyle().ItemInnerSpacing.x;
  const bool off = allow_zero && *value == 0;
  double v = *value;
  double shown = off ? min : v;  // a log slider has no 0: it rests at its minimum, labelled off
  bool changed = false;
  ImGui::SetNextItemWidth(full - entry - spacing);
  // The value is in the exact box beside it; drawn on the slider too, it sat under the handle.
  const ImGuiSliderFlags flags =
      ImGuiSliderFlags_AlwaysClamp | (log ? ImGuiSliderFlags_Logarithmic : ImGuiSliderFlags_None);
  if (ImGui::SliderScalar("##slider", ImGuiDataType_Double, &shown, &min, &max, off ? "off" : "",
                          flags)) {
    v = shown;
    changed = true;
  }
  ImGui::SameLine(0, spacing);
  ImGui::SetNextItemWidth(entry);
  // Applied when the entry is left, by Enter or by a click elsewhere (ImGui writes the typed
  // text in that frame): never half-typed ("0." of "0.05"), never lost on a click away. A refused
  // entry's reason is kept in ImGui's per-widget storage until the next edit.
  char text[64];
  std::snprintf(text, sizeof text, "%.6g", v);
  ImGui::InputText("##exact", text, sizeof text, ImGuiInputTextFlags_AutoSelectAll);
  // Refused: the typed text's value (NaN: not a number) in ImGui's per-widget storage.
  ImGuiStorage* storage = ImGui::GetStateStorage();
  const ImGuiID refused_id = ImGui::GetID("##refused"), typed_id = ImGui::GetID("##typed");
  if (ImGui::IsItemDeactivatedAfterEdit()) {
    const std::string problem = ParseTypedNumber(text, min, max, allow_zero, &v);
    changed = problem.empty();
    char* end_of_number = nullptr;
    const double typed = std::strtod(text, &end_of_number);
    storage->SetBool(refused_id, !changed);
    storage->SetFloat(typed_id, end_of_number == text ? std::nanf("") : float(typed));
  }
  ImGui::SameLine(0, spacing);
  const char* end = ImGui::FindRenderedTextEnd(label);
  ImGui::TextUnformatted(label, end);
  if (storage->GetBool(refused_id)) {
    if (changed) {  // the slider moved: the old complaint no longer applies
      storage->SetBool(refused_id, false);
    } else {
      char again[32];
      std::snprintf(again, sizeof again, "%.9g", double(storage->GetFloat(typed_id)));
      double unused = 0;
      const std::string problem = std::isnan(storage->GetFloat(typed_id))
                                      ? std::string("that is not a number")
                                      : ParseTypedNumber(again, min, max, allow_zero, &unused);
      ImGui::TextColored(ImVec4(0.95f, 0.55f, 0.2f, 1.0f), "%s; kept %.6g", problem.c_str(), v);
    }
  }
  ImGui::PopID();
  if (changed && v != *value) {
    *value = v;
    return true;
  }
  return false;
}

}  // namespace

bool SliderLogDouble(const char* label, double* value, double min, double max, bool allow_zero) {
  return SliderWithEntry(label, value, min, max, true, allow_zero);
}

bool SliderDouble(const char* label, double* value, double min, double max) {
  return SliderWithEntry(label, value, min, max, false, false);
}

}  // namespace gradlab
