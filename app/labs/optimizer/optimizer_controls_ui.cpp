// The Optimizer lab's left panel: function, optimizer, stop rules, start points, animation and
// contour options. Every change is applied in the frame it happens (see drawOptimizerControls).
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>

#include "app/labs/optimizer/optimizer_lab_ui.h"
#include "app/plot/color.h"
#include "app/plot/colormap.h"
#include "app/ui_widgets.h"
#include "app/views/param_sliders.h"
#include "app/views/status_chip.h"
#include "app/views/timeline_ui.h"

namespace gradlab {
namespace {

ImVec4 toImVec4(const plot::Color& c) {
  return ImVec4(c.r, c.g, c.b, c.a);
}

// A run's status chip: orange when the run failed, with what to try below it.
void drawStatusChip(const OptimizerLab& lab, int run) {
  const Trajectory& t = lab.runs[run];
  const bool failed = t.status != RunStatus::Converged && t.status != RunStatus::Running &&
                      t.status != RunStatus::MaxIterations;
  gradlab::drawStatusChip(runSummary(lab, run), runHint(lab, run), failed);
}

// [Function] picker, description, parameters, expression box with the error at its column.
// The function picker: every built-in, then "Custom expression".
bool drawFunctionPicker(OptimizerLab& lab) {
  bool changed = false;
  const bool is_expression = lab.scene.spec.name == "expression";
  const std::string current =
      is_expression ? "Custom expression f(x, y)" : lab.objective->info().title;
  ImGui::SetNextItemWidth(-FLT_MIN);
  if (!ImGui::BeginCombo("##function", current.c_str(), ImGuiComboFlags_HeightLarge)) return false;
  for (const ObjectiveInfo& info : builtinObjectives()) {
    if (ImGui::Selectable(info.title.c_str(), !is_expression && info.name == lab.scene.spec.name)) {
      selectBuiltin(lab, info.name);
      changed = true;
    }
  }
  ImGui::Separator();
  if (ImGui::Selectable("Custom expression f(x, y)", is_expression)) {
    if (lab.expression_text.empty()) lab.expression_text = "(x - 1)^2 + 4*(y + 0.5)^2";
    changed |= applyExpression(lab, lab.expression_text);
  }
  ImGui::EndCombo();
  return changed;
}

// A red underline under the character the parser stopped at (the error's "column N"), in the
// box whose top-left corner is box_min: the column is seen, not counted.
void underlineErrorColumn(const std::string& typed, const std::string& error, ImVec2 box_min) {
  const std::size_t at = error.rfind("column ");
  const int column = at == std::string::npos ? 0 : std::atoi(error.c_str() + at + 7);
  if (column <= 0) return;
  const std::size_t prefix = std::min<std::size_t>(column - 1, typed.size());
  const float x0 = box_min.x + ImGui::GetStyle().FramePadding.x +
                   ImGui::CalcTextSize(typed.c_str(), typed.c_str() + prefix).x;
  const float w =
      std::max(ImGui::CalcTextSize("m").x * 0.8f,
               prefix < typed.size()
                   ? ImGui::CalcTextSize(typed.c_str() + prefix, typed.c_str() + prefix + 1).x
                   : 0.0f);
  const float y = box_min.y + ImGui::GetFrameHeight() - 3.0f;
  ImGui::GetWindowDrawList()->AddLine(ImVec2(x0, y), ImVec2(x0 + w, y), IM_COL32(230, 60, 50, 255),
                                      2.5f);
}

// The expression box: applied on Enter or when typing pauses (optimizer_lab.cpp), never
// half-typed; an error is underlined at its column and the function still shown is named.
bool drawExpressionBox(OptimizerLab& lab) {
  bool changed = false;
  ImGui::SetNextItemWidth(-FLT_MIN);
  const ImVec2 box_min = ImGui::GetCursorScreenPos();
  std::string text = lab.expression_text;
  if (ImGui::InputTextWithHint("##expression", "e.g. x^2 + 3*sin(y)", &text))
    typeExpression(lab, text);
  if (ImGui::IsItemDeactivated()) changed |= commitExpression(lab);
  ImGui::PushTextWrapPos(0);
  if (!lab.expression_error.empty()) {
    underlineErrorColumn(lab.expression_text, lab.expression_error, box_min);
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.92f, 0.30f, 0.25f, 1.0f));
    ImGui::TextWrapped("%s", lab.expression_error.c_str());
    ImGui::PopStyleColor();
    ImGui::TextDisabled("Still showing %s", shownFunctionName(lab).c_str());
  }
  ImGui::TextDisabled(
      "Variables x, y (or w1, w2); + - * / ^; exp log sqrt abs sin cos tan min max pow; "
      "activations tanh sigmoid relu leaky_relu(x, a) softplus(x[, beta]) elu(x[, a]) gelu silu "
      "hardtanh; pi, e.");
  ImGui::PopTextWrapPos();
  return changed;
}

// The built-in's parameters, bound to the spec's current values.
bool drawFunctionParams(OptimizerLab& lab) {
  bool changed = false;
  for (const Param& param : lab.objective->info().params) {
    double value = param.value;
    for (const auto& [key, v] : lab.scene.spec.params)
      if (key == param.name) value = v;
    ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x * 0.72f,
                                     sliderRoom(ImGui::CalcTextSize(param.name.c_str()).x)));
    if (SliderDouble(param.name.c_str(), &value, param.min, param.max)) {
      std::string error;
      if (setObjectiveParam(lab, param.name, value, &error)) changed = true;
    }
    if (!param.help.empty()) {
      ImGui::SameLine();
      HelpMarker(param.help.c_str());
    }
  }
  return changed;
}

bool drawFunctionSection(OptimizerLab& lab) {
  bool changed = drawFunctionPicker(lab);
  if (lab.scene.spec.name == "expression" || !lab.expression_error.empty()) {
    changed |= drawExpressionBox(lab);
  } else {
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", lab.objective->info().description.c_str());
    ImGui::PopTextWrapPos();
  }
  if (lab.scene.spec.name != "expression") changed |= drawFunctionParams(lab);
  return changed;
}

// The hyperparameters of one method, PyTorch's names. Returns true when one changed.
bool drawMethodParams(RunConfig& config, const char* id) {
  ImGui::PushID(id);
  bool changed = false;
  if (config.method == Method::Newton) ImGui::TextDisabled("w <- w - H^-1 grad f (no step size)");
  // The step size and the method's own fields come in two tables: one width for all (aligned).
  float widest = 0;
  visitMethodParams(config, [&](auto&, const auto& table, ParamNames names) {
    widest = std::max(widest, widestParamLabel(table, names));
  });
  const float width = std::min(ImGui::GetContentRegionAvail().x * 0.72f, sliderRoom(widest));
  visitMethodParams(config, [&](auto& params, const auto& table, ParamNames names) {
    changed |= drawParamSliders(params, table, names, width);
  });
  ImGui::PopID();
  return changed;
}

bool methodCombo(const char* id, Method* method) {
  bool changed = false;
  if (ImGui::BeginCombo(id, methodDisplayName(*method))) {
    int count = 0;
    const MethodInfo* table = methodTable(&count);
    for (int i = 0; i < count; ++i) {
      if (ImGui::Selectable(table[i].display_name, table[i].method == *method)) {
        changed = table[i].method != *method;
        *method = table[i].method;
      }
    }
    ImGui::EndCombo();
  }
  return changed;
}

// "suggested: 0.3 [use]" under the step size when the current one is far from what suits the
// function; the user's value stays until they take it.
bool drawStepOffer(OptimizerLab& lab) {
  const double offer = offeredStepSize(lab);
  if (offer <= 0) return false;
  ImGui::AlignTextToFramePadding();
  ImGui::TextDisabled("suggested step %.3g", offer);
  ImGui::SameLine();
  if (!ImGui::SmallButton("use")) return false;
  setUserStepSize(lab, offer);
  return true;
}

// One method with its hyperparameters; the step the user sets is remembered (setUserStepSize).
bool drawSingleMethod(OptimizerLab& lab) {
  bool changed = false;
  Method method = lab.scene.config.method;
  ImGui::SetNextItemWidth(-FLT_MIN);
  if (methodCombo("##method", &method)) {
    selectMethod(lab, method);
    changed = true;
  }
  RunConfig edited = lab.scene.config;
  if (drawMethodParams(edited, "single")) {
    const double step = edited.step_size;
    const bool step_changed = step != lab.scene.config.step_size;
    lab.scene.config = edited;
    if (step_changed) setUserStepSize(lab, step);
    changed = true;
  }
  return changed | drawStepOffer(lab);
}

// Compare mode: each method in its run's colour, on/off, its hyperparameters and status chip.
bool drawCompareEntries(OptimizerLab& lab) {
  bool changed = false;
  int remove = -1;
  for (std::size_t i = 0; i < lab.scene.compare_entries.size(); ++i) {
    CompareEntry& entry = lab.scene.compare_entries[i];
    ImGui::PushID(int(i));
    ImGui::ColorButton("##color", toImVec4(plot::RunColor(runSlot(lab, int(i)))),
                       ImGuiColorEditFlags_NoTooltip, ImVec2(ImGui::GetFrameHeight(), 0));
    ImGui::SameLine();
    changed |= ImGui::Checkbox("##on", &entry.enabled);
    ImGui::SameLine();
    Method method = entry.config.method;
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - ImGui::GetFrameHeight() * 1.4f);
    if (methodCombo("##method", &method)) changed |= setCompareMethod(lab, int(i), method);
    ImGui::SameLine();
    if (ImGui::Button("x")) remove = int(i);
    if (entry.enabled) {
      const double step_before = entry.config.step_size;
      if (drawMethodParams(entry.config, "entry")) {
        entry.step_from_user |= entry.config.step_size != step_before;
        changed = true;
      }
      if (i < lab.runs.size()) drawStatusChip(lab, int(i));
    }
    ImGui::PopID();
  }
  if (remove >= 0) changed |= removeCompareEntry(lab, remove);
  if (int(lab.scene.compare_entries.size()) < kMaxCompareEntries && ImGui::Button("+ add a method"))
    changed |= addCompareEntry(lab, Method::RMSProp);
  return changed;
}

bool drawOptimizerSection(OptimizerLab& lab) {
  bool changed = false;
  int direction = lab.scene.config.maximize ? 1 : 0;
  changed |= ImGui::RadioButton("minimize", &direction, 0);
  SameLineIfFits(ToggleWidth("maximize (ascent)"));  // a narrow column stacks them
  changed |= ImGui::RadioButton("maximize (ascent)", &direction, 1);
  lab.scene.config.maximize = direction == 1;
  if (ImGui::Checkbox("Compare methods", &lab.scene.compare)) changed = true;
  ImGui::SameLine();
  HelpMarker(
      "Runs several optimizers, each with its own hyperparameters, from the first start "
      "point and overlays them on the same contour and loss plots.");
  return changed | (lab.scene.compare ? drawCompareEntries(lab) : drawSingleMethod(lab));
}

bool drawStopSection(OptimizerLab& lab) {
  bool changed = false;
  StopRules& stop = lab.scene.config.stop;
  const float width = ImGui::GetContentRegionAvail().x * 0.72f;
  ImGui::SetNextItemWidth(width);
  changed |= SliderLogDouble("||grad|| tol", &stop.grad_tol, 1e-12, 1.0, true);
  ImGui::SameLine();
  HelpMarker(
      "Stop when ||grad f|| falls below this (the homework uses 1e-4). 0 disables it: "
      "type 0 in the box.");
  int max_iterations = stop.max_iterations;
  ImGui::SetNextItemWidth(width * 0.62f);
  if (ImGui::SliderInt("max iterations", &max_iterations, 1, 100000, "%d",
                       ImGuiSliderFlags_Logarithmic | ImGuiSliderFlags_AlwaysClamp)) {
    stop.max_iterations = max_iterations;
    changed = true;
  }
  const std::string cap_note = iterationCapNote(lab);
  if (!cap_note.empty()) ImGui::TextWrapped("%s", cap_note.c_str());
  if (ImGui::TreeNode("more stop rules")) {
    ImGui::SetNextItemWidth(width);
    changed |= SliderLogDouble("|delta f| tol", &stop.f_tol, 1e-15, 1.0, true);
    ImGui::SetNextItemWidth(width);
    changed |= SliderLogDouble("||delta w|| tol", &stop.x_tol, 1e-15, 1.0, true);
    ImGui::TextDisabled("Type 0 to switch a rule off.");
    ImGui::TreePop();
  }
  return changed;
}

bool drawStartsSection(OptimizerLab& lab) {
  bool changed = false;
  int remove = -1;
  const std::size_t shown = lab.scene.compare ? std::min<std::size_t>(1, lab.scene.starts.size())
                                              : lab.scene.starts.size();
  for (std::size_t i = 0; i < shown; ++i) {
    ImGui::PushID(lab.start_slots[i]);
    ImGui::ColorButton("##color", toImVec4(plot::RunColor(runSlot(lab, int(i)))),
                       ImGuiColorEditFlags_NoTooltip, ImVec2(ImGui::GetFrameHeight(), 0));
    ImGui::SameLine();
    double xy[2] = {lab.scene.starts[i].x(), lab.scene.starts[i].y()};
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - ImGui::GetFrameHeight() * 1.6f);
    if (ImGui::DragScalarN("##start", ImGuiDataType_Double, xy, 2, 0.01f, nullptr, nullptr, "%.4g"))
      changed |= moveStart(lab, int(i), Vec2(xy[0], xy[1]));
    ImGui::SameLine();
    ImGui::BeginDisabled(lab.scene.starts.size() <= 1);  // the last start stays
    if (ImGui::Button("x")) remove = int(i);
    ImGui::EndDisabled();
    if (!lab.scene.compare && i < lab.runs.size()) drawStatusChip(lab, int(i));
    ImGui::PopID();
  }
  // One path deletes a start, here and on the map: its run goes, the others stay as they are.
  if (remove >= 0 && removeStart(lab, remove)) changed = true;
  if (!lab.scene.compare && int(lab.scene.starts.size()) < kMaxRuns) {
    if (ImGui::Button("+ random start")) changed |= addRandomStart(lab) >= 0;
    ImGui::SameLine();
  }
  if (ImGui::Button("default starts")) {
    setStarts(lab, defaultStarts(lab.objective->info()));
    changed = true;
  }
  ImGui::PushTextWrapPos(0);
  ImGui::TextDisabled(
      "Click the contour to add a start, drag one to move it, right-click it to "
      "delete it.");
  ImGui::PopTextWrapPos();
  return changed;
}

void drawContourSection(OptimizerLab& lab) {
  ContourOptions& c = lab.scene.contour;
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.45f);
  ImGui::SliderInt("levels", &c.levels, 2, 60, "%d", ImGuiSliderFlags_AlwaysClamp);
  ImGui::SameLine();
  ImGui::Checkbox("log spacing", &c.log_levels);
  ImGui::SameLine();
  HelpMarker(
      "Levels spaced in log(f - min f): shows the floor of narrow valleys such as "
      "Rosenbrock's.");
  ImGui::Checkbox("lines only", &c.lines_only);
  ImGui::SameLine();
  ImGui::Checkbox("colour bar", &c.colorbar);
  ImGui::SameLine();
  ImGui::Checkbox("arrows", &lab.scene.show_arrows);
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.45f);
  const char* names[plot::kColormapCount] = {"viridis", "cividis", "coolwarm (diverging)"};
  ImGui::Combo("colour map", &c.colormap, names, plot::kColormapCount);
}

}  // namespace

bool drawOptimizerControls(OptimizerLab& lab) {
  bool changed = false;
  const ImGuiTreeNodeFlags open = ImGuiTreeNodeFlags_DefaultOpen;
  if (ImGui::CollapsingHeader("Function", open)) changed |= drawFunctionSection(lab);
  if (ImGui::CollapsingHeader("Optimizer", open)) changed |= drawOptimizerSection(lab);
  if (ImGui::CollapsingHeader("Stop rules")) changed |= drawStopSection(lab);
  if (ImGui::CollapsingHeader(lab.scene.compare ? "Start point" : "Start points", open))
    changed |= drawStartsSection(lab);
  if (ImGui::CollapsingHeader("Animation", open)) drawTimelineControls(lab.timeline);
  if (ImGui::CollapsingHeader("Contour")) drawContourSection(lab);
  return changed;
}

}  // namespace gradlab
