// Sliders bound through a parameter table (core/param_table.h): the named fields of a parameter
// struct, each with its label, range, scale and "(?)" help from the table, so a new
// hyperparameter is one line of the table and one name here.
#pragma once

#include <imgui.h>

#include <algorithm>
#include <cstring>
#include <initializer_list>

#include "app/ui_widgets.h"
#include "core/param_table.h"

namespace gradlab {

// What is left of a row after a label as wide as `label_width` and the "(?)".
inline float sliderRoom(float label_width) {
  const ImGuiStyle& st = ImGui::GetStyle();
  return ImGui::GetContentRegionAvail().x - label_width - ImGui::CalcTextSize("(?)").x -
         2 * st.ItemInnerSpacing.x - st.ItemSpacing.x;
}

// One field: a log or linear slider with its exact box (doubles), a checkbox (bools) or an int
// slider, `width` wide (at most what the row leaves: nothing is clipped at the edge). Returns
// true when the value changed.
template <class T>
bool drawParamSlider(T& params, const ParamField<T>& field, float width) {
  const float row = sliderRoom(ImGui::CalcTextSize(field.label).x);
  bool changed = false;
  if (auto* b = std::get_if<bool T::*>(&field.member)) {
    changed = ImGui::Checkbox(field.label, &(params.**b));
  } else if (auto* i = std::get_if<int T::*>(&field.member)) {
    int value = params.**i;
    ImGui::SetNextItemWidth(std::min(width, row));
    if (ImGui::SliderInt(field.label, &value, int(field.min), int(field.max), "%d",
                         ImGuiSliderFlags_AlwaysClamp | ImGuiSliderFlags_Logarithmic)) {
      params.** i = value;
      changed = true;
    }
  } else {
    double& value = params.*std::get<double T::*>(field.member);
    ImGui::SetNextItemWidth(std::min(width, row));
    changed = field.log_scale ? SliderLogDouble(field.label, &value, field.min, field.max)
                              : SliderDouble(field.label, &value, field.min, field.max);
  }
  ImGui::SameLine();
  HelpMarker(field.help);
  return changed;
}

// The widest label among the fields of `table` called `names`.
template <class T>
float widestParamLabel(const ParamTable<T>& table, std::initializer_list<const char*> names) {
  float widest = 0;
  for (const char* name : names)
    for (const ParamField<T>& field : table)
      if (std::strcmp(field.name, name) == 0)
        widest = std::max(widest, ImGui::CalcTextSize(field.label).x);
  return widest;
}

// The fields of `table` called `names`, in that order, their sliders one width (aligned).
template <class T>
bool drawParamSliders(T& params, const ParamTable<T>& table,
                      std::initializer_list<const char*> names, float width) {
  width = std::min(width, sliderRoom(widestParamLabel(table, names)));
  bool changed = false;
  for (const char* name : names)
    for (const ParamField<T>& field : table)
      if (std::strcmp(field.name, name) == 0) changed |= drawParamSlider(params, field, width);
  return changed;
}

}  // namespace gradlab
