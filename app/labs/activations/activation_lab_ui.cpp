// The Activation lab's ImGui views. Every change goes through the lab's logic (activation_lab.h),
// which recomputes what it invalidates in the same frame.
#include "app/labs/activations/activation_lab_ui.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <variant>

#include "app/labs/activations/activation_figures.h"
#include "app/plot/plot_imgui.h"
#include "app/ui_widgets.h"

namespace gradlab {
namespace {

ImVec4 toImVec4(plot::Color c) {
  return ImVec4(c.r, c.g, c.b, c.a);
}

void sectionHeader(const char* text) {
  ImGui::Spacing();
  ImGui::TextUnformatted(text);
  ImGui::Separator();
}

// The slider of an activation's parameter (alpha or beta), exact entry beside it.
void drawParamSlider(ActivationLab& lab, Activation a) {
  const ActivationInfo& info = activationInfo(a);
  double value = activationParam(lab.scene, a);
  ImGui::Indent();
  ImGui::PushID(info.name);
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.5f);
  const bool changed = a == Activation::Softplus
                           ? SliderLogDouble(info.param, &value, info.param_min, info.param_max)
                           : SliderDouble(info.param, &value, info.param_min, info.param_max);
  if (changed) setActivationParam(lab, a, value);
  ImGui::PopID();
  ImGui::Unindent();
}

void drawActivationList(ActivationLab& lab) {
  sectionHeader("Activations");
  for (const ActivationInfo& info : activationTable()) {
    bool shown = lab.scene.shown[int(info.id)];
    // A swatch of the curve's colour: the plots have no legend, this list is it.
    const float h = ImGui::GetFrameHeight();
    ImGui::PushID(info.name);
    ImGui::ColorButton("##swatch", toImVec4(activationColor(info.id)),
                       ImGuiColorEditFlags_NoTooltip | ImGuiColorEditFlags_NoDragDrop,
                       ImVec2(h * 0.6f, h));
    ImGui::PopID();
    ImGui::SameLine();
    if (ImGui::Checkbox(info.display_name, &shown)) setActivationShown(lab, info.id, shown);
    ImGui::SameLine();
    char help[256];
    std::snprintf(help, sizeof help, "%s(x) = %s%s%s", info.name, info.formula,
                  info.param ? "\nslider: " : "", info.param ? info.param : "");
    HelpMarker(help);
    // The parameter's slider while it matters: the curve is shown, or an identity uses it.
    const bool leaky_identity = info.id == Activation::LeakyRelu &&
                                lab.scene.identities[int(ActivationIdentity::LeakyIsMax)];
    const bool softplus_identity =
        info.id == Activation::Softplus &&
        lab.scene.identities[int(ActivationIdentity::SoftplusDerivative)];
    if (info.param && (shown || leaky_identity || softplus_identity)) drawParamSlider(lab, info.id);
  }
}

void drawRangeControls(ActivationLab& lab, ActivationLabView& view) {
  sectionHeader("x range");
  double range[2] = {lab.scene.x_min, lab.scene.x_max};
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.6f);
  const double lo = -kActivationRangeLimit, hi = kActivationRangeLimit;
  if (ImGui::DragScalarN("##range", ImGuiDataType_Double, range, 2, 0.05f, &lo, &hi, "%.3g",
                         ImGuiSliderFlags_AlwaysClamp)) {
    view.range_error = setActivationRange(lab, range[0], range[1]);
  }
  ImGui::SameLine();
  HelpMarker("Drag or double-click to type the plotted x range (from, to).");
  for (double half : {2.0, 4.0, 10.0}) {
    char label[48];
    std::snprintf(label, sizeof label, "[-%g, %g]", half, half);
    if (ImGui::SmallButton(label)) view.range_error = setActivationRange(lab, -half, half);
    ImGui::SameLine();
  }
  ImGui::NewLine();
  if (!view.range_error.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.92f, 0.30f, 0.25f, 1.0f));
    ImGui::TextWrapped("%s", view.range_error.c_str());
    ImGui::PopStyleColor();
  }
  bool second = lab.scene.show_second;
  if (ImGui::Checkbox("second derivatives", &second)) setSecondDerivativeShown(lab, second);
}

const IdentityOverlay* overlayOf(const ActivationLab& lab, ActivationIdentity id) {
  for (const IdentityOverlay& o : lab.overlays)
    if (o.id == id) return &o;
  return nullptr;
}

void drawIdentities(ActivationLab& lab) {
  sectionHeader("Identities (EXERCISES A)");
  ImGui::PushTextWrapPos(0);
  for (const ActivationIdentityInfo& info : activationIdentityTable()) {
    bool on = lab.scene.identities[int(info.id)];
    char label[128];
    std::snprintf(label, sizeof label, "%s = %s", info.lhs, info.rhs);
    ImGui::PushID(info.name);
    ImGui::PushStyleColor(ImGuiCol_CheckMark, toImVec4(identityColor(info.id)));
    // The identity as wrapped text beside its checkbox: a long one must not be clipped at the
    // panel's edge on a 1024-pixel projector.
    if (ImGui::Checkbox("##on", &on)) setIdentityShown(lab, info.id, on);
    ImGui::PopStyleColor();
    ImGui::SameLine();
    ImGui::TextWrapped("%s", label);
    ImGui::PopID();
    const IdentityOverlay* o = overlayOf(lab, info.id);
    if (!o) continue;
    ImGui::Indent();
    ImGui::TextDisabled("max |difference| on [%g, %g]: %s", lab.scene.x_min, lab.scene.x_max,
                        formatDifference(o->curves.max_difference).c_str());
    if (info.id == ActivationIdentity::SoftplusDerivative) {
      ImGui::TextDisabled("max |softplus''| = %.4g <= beta/4 = %.4g",
                          o->curves.max_second_derivative, o->curves.second_derivative_bound);
    }
    if (info.id == ActivationIdentity::LeakyIsMax) {
      ImGui::TextDisabled("alpha = %.3g; drag it to 0 (ReLU) or 1 (linear)", lab.scene.leaky_alpha);
      if (lab.leaky_limit != LeakyLimit::None) {
        ImGui::PushStyleColor(ImGuiCol_Text, toImVec4(leakyLimitColor()));
        ImGui::Text(lab.leaky_limit == LeakyLimit::Relu ? "alpha = 0: leaky ReLU is ReLU"
                                                        : "alpha = 1: leaky ReLU is linear");
        ImGui::PopStyleColor();
      }
    }
    ImGui::Unindent();
  }
  ImGui::PopTextWrapPos();
}

void drawTaylorControls(ActivationLab& lab) {
  sectionHeader("Taylor polynomial of sigmoid at 0");
  bool on = lab.scene.taylor;
  int degree = lab.scene.taylor_degree;
  double tolerance = lab.scene.taylor_tolerance;
  bool changed = ImGui::Checkbox("show P(x)", &on);
  ImGui::SameLine();
  HelpMarker(
      "sigmoid(x) = 1/2 + x/4 - x^3/48 + x^5/480 - 17x^7/80640 + ...\n"
      "The coefficients are exact fractions (from the tangent numbers).\n"
      "The series converges only for |x| < pi: beyond, more terms make it worse.");
  if (!on) {
    if (changed) setTaylor(lab, on, degree, tolerance);
    return;
  }
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.5f);
  changed |= ImGui::SliderInt("degree", &degree, 1, kSigmoidTaylorMaxDegree, "%d",
                              ImGuiSliderFlags_AlwaysClamp);
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.5f);
  changed |= SliderLogDouble("tolerance", &tolerance, 1e-12, 1);
  if (changed) setTaylor(lab, on, degree, tolerance);
  ImGui::PushTextWrapPos(0);
  ImGui::TextDisabled("P(x) = %s", sigmoidTaylorText(lab.scene.taylor_degree).c_str());
  if (std::isfinite(lab.taylor.within)) {
    ImGui::TextDisabled("|P - sigmoid| <= %g for |x| <= %.4g; it departs beyond (red)",
                        lab.scene.taylor_tolerance, lab.taylor.within);
  } else {
    ImGui::TextDisabled("|P - sigmoid| <= %g on the whole range", lab.scene.taylor_tolerance);
  }
  ImGui::PopTextWrapPos();
}

// f, f', f'' of every shown activation at the hovered x.
void drawHoverValues(const ActivationLab& lab, const ActivationLabView& view) {
  sectionHeader("Values at the mouse");
  if (!view.hovering) {
    ImGui::TextDisabled("Hover a plot to read f, f' and f'' there.");
    return;
  }
  ImGui::Text("x = %.6g", view.hover_x);
  if (!ImGui::BeginTable("values", 4, ImGuiTableFlags_SizingStretchProp)) return;
  ImGui::TableSetupColumn("activation");
  ImGui::TableSetupColumn("f");
  ImGui::TableSetupColumn("f'");
  ImGui::TableSetupColumn("f''");
  ImGui::TableHeadersRow();
  for (const ActivationCurves& c : lab.curves) {
    const ActivationValue v = activationEval(c.id, view.hover_x, activationParam(lab.scene, c.id));
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextColored(toImVec4(activationColor(c.id)), "%s", activationInfo(c.id).display_name);
    for (double d : {v.f, v.d1, v.d2}) {
      ImGui::TableNextColumn();
      ImGui::Text("%.5g", d + 0.0);  // + 0.0: -0 shows as 0
    }
  }
  ImGui::EndTable();
}

// Draws one kept item through the immediate-mode plot calls.
void plotItem(const plot::Item& item) {
  if (const auto* l = std::get_if<plot::LineItem>(&item)) {
    plot::LineStyle style;
    style.color = l->color;
    style.width = l->width;
    style.in_legend = l->in_legend;
    plot::PlotLine(l->label.c_str(), l->xs.data(), l->ys.data(), int(l->xs.size()), style);
  } else if (const auto* m = std::get_if<plot::MarkerItem>(&item)) {
    plot::MarkerStyle style;
    style.color = m->color;
    style.size = m->size;
    style.in_legend = m->in_legend;
    plot::PlotMarkers(m->label.c_str(), m->xs.data(), m->ys.data(), int(m->xs.size()), style);
  } else if (const auto* r = std::get_if<plot::RefLineItem>(&item)) {
    plot::LineStyle style;
    style.color = r->color;
    style.width = r->width;
    if (r->vertical) {
      plot::PlotVLine(r->label.c_str(), r->value, style);
    } else {
      plot::PlotHLine(r->label.c_str(), r->value, style);
    }
  } else if (const auto* t = std::get_if<plot::TextItem>(&item)) {
    plot::TextStyle style;
    style.color = t->color;
    style.anchor_x = t->anchor_x;
    style.anchor_y = t->anchor_y;
    style.offset_x = t->offset_x;
    style.offset_y = t->offset_y;
    style.background = t->background;
    plot::PlotText(t->text.c_str(), t->x, t->y, style);
  }
}

// cursor: the x hovered last frame (a line on every plot), or NaN.
void drawPlot(const ActivationLab& lab, ActivationLabView& view, int order, float height,
              Theme theme, bool refit, double cursor, bool presentation) {
  char id[64];
  std::snprintf(id, sizeof id, "%s##activation%d", activationPlotTitle(order), order);
  view.drawn[order] = false;
  // No legend: the controls' colour swatches name the curves, and hovering one names it too.
  // Presentation mode hides those swatches, so the top plot names the curves itself.
  const plot::PlotFlags flags = presentation && order == 0 ? 0 : plot::PlotFlags_NoLegend;
  if (!plot::BeginPlot(id, ImVec2(-1, height), flags)) return;
  plot::SetupAxes("x", activationPlotYLabel(order));
  const plot::Limits home = activationPlotLimits(lab, order);
  plot::SetupAxesLimits(home.x.min, home.x.max, home.y.min, home.y.max,
                        refit ? ImGuiCond_Always : ImGuiCond_Once);
  const plot::Limits limits = plot::GetPlotLimits();
  for (const plot::Item& item :
       activationPlotItems(lab, order, limits, theme, ImGui::GetTextLineHeight()))
    plotItem(item);
  if (plot::IsPlotHovered()) {
    view.hovering = true;
    view.hover_x = plot::GetPlotMousePos().x;
  }
  if (!std::isnan(cursor)) {
    plot::LineStyle style;
    style.color = plot::Color{0.5f, 0.5f, 0.5f, 0.6f};
    style.width = 1;
    plot::PlotVLine("##mouse", cursor, style);
  }
  const ImVec2 pos = plot::GetPlotPos(), size = plot::GetPlotSize();
  view.drawn[order] = true;
  view.plot_x[order] = pos.x;
  view.plot_y[order] = pos.y;
  view.plot_w[order] = size.x;
  view.plot_h[order] = size.y;
  view.limits[order] = limits;
  plot::EndPlot();
}

}  // namespace

void drawActivationLab(ActivationLab& lab, ActivationLabView& view, plot::PlotContext& plots,
                       Theme theme, bool presentation) {
  plot::SetCurrentContext(&plots);
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  if (avail.x < 50 || avail.y < 50) return;  // a window too small to draw into
  const float controls_w = ControlColumnWidth(avail.x, 0.3f, 17.0f, 26.0f);

  if (!presentation) {  // presentation mode: the plots fill the window
    ImGui::BeginChild("activation controls", ImVec2(controls_w, 0), false);
    drawActivationList(lab);
    drawRangeControls(lab, view);
    drawIdentities(lab);
    drawTaylorControls(lab);
    drawHoverValues(lab, view);
    ImGui::EndChild();
    ImGui::SameLine();
  }

  ImGui::BeginChild("activation plots", ImVec2(0, 0), false,
                    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  const bool refit = view.fitted_version != lab.version;
  view.fitted_version = lab.version;
  const double cursor = view.hovering ? view.hover_x : std::nan("");
  view.hovering = false;
  const int count = lab.scene.show_second ? 3 : 2;
  const float spacing = ImGui::GetStyle().ItemSpacing.y;
  const float height =
      (ImGui::GetContentRegionAvail().y - spacing * float(count - 1)) / float(count);
  for (int order = 0; order < 3; ++order) {
    if (order < count) {
      drawPlot(lab, view, order, height, theme, refit, cursor, presentation);
    } else {
      view.drawn[order] = false;
    }
  }
  ImGui::EndChild();
}

}  // namespace gradlab
