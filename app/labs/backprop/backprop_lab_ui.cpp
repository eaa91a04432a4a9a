// The Backprop lab's layout: controls on the left; on the right the graph view, and under it the
// G3 plot beside the G4 panel.
#include "app/labs/backprop/backprop_lab_ui.h"

#include <imgui.h>

#include <algorithm>

#include "app/labs/backprop/backprop_figures.h"
#include "app/plot/plot_imgui.h"
#include "app/ui_widgets.h"

namespace gradlab {
namespace {

void drawCrossEntropyPlot(const BackpropLab& lab, BackpropLabView& view, ImVec2 size) {
  // A narrow plot (1024 px at UI scale 1.5) gets the short title and y label.
  std::string title = crossEntropyTitle(lab);
  const bool narrow = ImGui::CalcTextSize(title.c_str()).x > size.x * 0.8f;
  if (narrow) title = "G3: cross-entropy";
  title += "##g3";
  if (!plot::BeginPlot(title.c_str(), size)) return;
  const std::string x_label = crossEntropyXLabel(lab);
  plot::SetupAxes(x_label.c_str(), narrow ? "L" : "cross-entropy L");
  const plot::Limits limits = crossEntropyLimits(lab);
  const bool refit = view.fitted_version != lab.version;
  plot::SetupAxesLimits(limits.x.min, limits.x.max, limits.y.min, limits.y.max,
                        refit ? ImGuiCond_Always : ImGuiCond_Once);
  view.fitted_version = lab.version;
  for (plot::Item& item : crossEntropyItems(lab)) plot::PlotItem(std::move(item));
  plot::EndPlot();
}

}  // namespace

void drawBackpropLab(BackpropLab& lab, BackpropLabView& view, plot::PlotContext& plots, Theme theme,
                     float dt, bool presentation) {
  plot::SetCurrentContext(&plots);
  advanceExpressionTyping(lab, dt);
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  if (avail.x < 50 || avail.y < 50) return;  // a window too small to draw into
  const float font = ImGui::GetFontSize();
  const float controls_w = ControlColumnWidth(avail.x, 0.24f, 17.0f, 24.0f);

  if (!presentation) {  // presentation mode: the graph and plots fill the window
    ImGui::BeginChild("controls", ImVec2(controls_w, 0), false);
    drawBackpropControls(lab, view);
    ImGui::EndChild();
    ImGui::SameLine();
  }

  ImGui::BeginChild("views", ImVec2(0, 0), false,
                    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  const ImVec2 area = ImGui::GetContentRegionAvail();
  ImGui::TextUnformatted(lab.graph.title.c_str());
  ImGui::SameLine();
  HelpMarker(
      "Each box: the node, its forward value, and the output's derivative in it (its "
      "adjoint). Each edge: the local derivative and the adjoint it carries back (on a "
      "weight: w and dL/dw). Hover a node for its adjoint as a sum over paths; click it to "
      "highlight those paths.");
  const float graph_h = std::max(font * 12, (area.y - ImGui::GetFrameHeightWithSpacing()) * 0.6f);
  const int clicked = drawGraphView(lab, view.graph, ImVec2(area.x, graph_h), theme);
  if (clicked >= 0) selectNode(lab, clicked);
  ImGui::Separator();
  const float bottom_h = ImGui::GetContentRegionAvail().y;
  const float plot_w = area.x * 0.48f;
  drawCrossEntropyPlot(lab, view, ImVec2(plot_w, bottom_h));
  ImGui::SameLine();
  ImGui::BeginChild("g4", ImVec2(0, bottom_h), false);
  drawMatrixGradientPanel(lab, view);
  ImGui::EndChild();
  ImGui::EndChild();
}

}  // namespace gradlab
