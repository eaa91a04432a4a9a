// The Stochastic lab's layout: controls on the left; on the right one objective plot per step
// size in a row, and under them the ellipse plot beside the error table.
#include "app/labs/stochastic/stochastic_lab_ui.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "app/labs/stochastic/stochastic_figures.h"
#include "app/plot/plot_imgui.h"
#include "app/ui_widgets.h"
#include "app/views/status_chip.h"
#include "app/views/timeline_ui.h"

namespace gradlab {
namespace {

ImVec4 imColor(const plot::Color& c) {
  return ImVec4(c.r, c.g, c.b, c.a);
}

void setupLimits(const plot::Limits& limits, bool refit) {
  plot::SetupAxesLimits(limits.x.min, limits.x.max, limits.y.min, limits.y.max,
                        refit ? ImGuiCond_Always : ImGuiCond_Once);
}

// The limits raised, where needed, so the "ML -864.068" label above the ML line fits a plot
// about `height` pixels high (at UI scale 2 on a 900-pixel window the usual fifth of the height
// left it cut off at the top).
plot::Limits withMlLabelRoom(plot::Limits limits, double ml, float height) {
  const float font = ImGui::GetFontSize();
  const float area_h = std::max(height - 4.5f * font, font);  // less title and x axis
  const double share = std::min(0.6, 1.4 * double(font) / double(area_h));
  const double room = share / (1 - share) * (ml - limits.y.min);  // above ml, in data units
  limits.y.max = std::max(limits.y.max, ml + room);
  return limits;
}

void drawObjectivePlots(const StochasticLab& lab, float height, bool refit) {
  const int count = stepSizeCount(lab);
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const float row = ImGui::GetContentRegionAvail().x - spacing * float(count - 1);
  float width = row / float(count);
  // Narrow plots (1024 px at UI scale 1.5) share one y axis, the first plot's: "log L(P)" leaves
  // the titles, and the others drop their y label and tick labels, which took half their width.
  // The first gets the axis's width on top, so the three plot areas are as wide.
  const bool narrow = ImGui::CalcTextSize(objectiveTitle(lab, 0).c_str()).x > width * 0.9f;
  // Once a frame: the limits read every iterate of every run.
  const plot::Limits shared = narrow ? sharedObjectiveLimits(lab) : plot::Limits{};
  float axis = 0;
  if (narrow) {
    axis = plot::YAxisLabelsWidth("log L(P)", shared.y, plot::Scale::Linear, height);
    width = std::max(1.0f, (row - axis) / float(count));
  }
  for (int s = 0; s < count; ++s) {
    if (s > 0) ImGui::SameLine();
    std::string title = narrow ? "eta = " + formatStepSize(lab.scene.sgd.step_sizes[std::size_t(s)])
                               : objectiveTitle(lab, s);
    title += "##objective" + std::to_string(s);
    const bool shared_axis = narrow && s > 0;
    // No legend: the start colours are those of the table and the ellipse key beside it.
    if (!plot::BeginPlot(title.c_str(), ImVec2(s == 0 ? width + axis : width, height),
                         plot::PlotFlags_IntegerX | plot::PlotFlags_NoLegend |
                             (shared_axis ? plot::PlotFlags_NoYTickLabels : plot::PlotFlags_None)))
      continue;
    plot::SetupAxes("iteration", shared_axis ? "" : "log L(P)");
    setupLimits(withMlLabelRoom(narrow ? shared : objectiveLimits(lab, s),
                                lab.experiment.ml_objective, height),
                refit);
    for (plot::Item& item : objectiveItems(lab, s, std::max(16, int(width))))
      plot::PlotItem(std::move(item));
    plot::EndPlot();
  }
}

void drawEllipsePlot(const StochasticLab& lab, StochasticLabView& view, Theme theme, float size,
                     bool refit) {
  char title[128];
  std::snprintf(title, sizeof title, "ellipses, iteration %d", timelineIterate(lab));
  // A plot narrower than its title (1024 px at UI scale 1.5) keeps "ellipses": the timeline
  // above says the iteration.
  if (ImGui::CalcTextSize(title).x > size) std::snprintf(title, sizeof title, "ellipses");
  std::snprintf(title + std::strlen(title), sizeof title - std::strlen(title), "##ellipses");
  // The key is drawn beside the plot (drawEllipseKey): inside, it covered the data.
  if (!plot::BeginPlot(title, ImVec2(size, size),
                       plot::PlotFlags_EqualAspect | plot::PlotFlags_NoLegend))
    return;
  plot::SetupAxes("x1", "x2");
  setupLimits(ellipseLimits(lab), refit);
  // The thousand samples as one image under the ellipses (they stay while the ellipses move).
  const plot::MarkerItem samples = samplesItem(lab, theme);
  plot::PlotItem(view.samples.item(samples.xs, samples.ys, samples.size, samples.color));
  for (plot::Item& item : ellipseItems(lab, theme, false)) plot::PlotItem(std::move(item));
  view.ellipse_x = plot::GetPlotPos().x;
  view.ellipse_y = plot::GetPlotPos().y;
  view.ellipse_w = plot::GetPlotSize().x;
  view.ellipse_h = plot::GetPlotSize().y;
  view.ellipse_limits = plot::GetPlotLimits();
  plot::EndPlot();
}

void copyTable(const StochasticLab& lab, StochasticLabView& view) {
  const std::string text = errorTableText(lab);
  ImGui::SetClipboardText(text.c_str());
  // A platform without a clipboard keeps nothing: say so, and show the text to select instead.
  const char* back = ImGui::GetClipboardText();
  view.clipboard_failed = back == nullptr || text != back;
  view.copy_status = view.clipboard_failed
                         ? "clipboard unavailable: select the text below and copy it"
                         : "copied (tab-separated, full precision)";
}

void drawErrorTable(const StochasticLab& lab, StochasticLabView& view) {
  ImGui::TextWrapped("||Sigma^-1 - P||_F^2 at iteration %d", timelineIterate(lab));
  const int starts = startCount(lab);
  const ImGuiTableFlags flags =
      ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit;
  if (ImGui::BeginTable("errors", 1 + starts, flags)) {
    ImGui::TableSetupColumn("step size", ImGuiTableColumnFlags_WidthFixed,
                            ImGui::CalcTextSize("step size").x);
    for (int j = 0; j < starts; ++j) ImGui::TableSetupColumn(startLabel(j).c_str());
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    ImGui::TableSetColumnIndex(0);
    ImGui::TextUnformatted("step size");
    for (int j = 0; j < starts; ++j) {
      ImGui::TableSetColumnIndex(1 + j);
      ImGui::TextColored(imColor(startColor(j)), "%s", startLabel(j).c_str());
    }
    for (int s = 0; s < stepSizeCount(lab); ++s) {
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::TextUnformatted(
          formatStepSize(lab.scene.sgd.step_sizes[static_cast<std::size_t>(s)]).c_str());
      for (int j = 0; j < starts; ++j) {
        ImGui::TableSetColumnIndex(1 + j);
        const PrecisionRun& run = runAt(lab, s, j);
        if (run.size() == 0) {
          ImGui::TextColored(ImVec4(0.95f, 0.55f, 0.2f, 1), "not PD");
          continue;
        }
        const bool failed = run.status == PrecisionRunStatus::NotPositiveDefinite &&
                            shownIterate(lab, run) == run.size() - 1;
        if (failed)
          ImGui::TextColored(ImVec4(0.95f, 0.55f, 0.2f, 1), "%.6g *", shownError(lab, run));
        else
          ImGui::Text("%.6g", shownError(lab, run));
        if (ImGui::IsItemHovered())
          ImGui::SetTooltip("%.17g\n%s", shownError(lab, run), run.message.c_str());
      }
    }
    ImGui::EndTable();
  }
  if (ImGui::Button("Copy table")) copyTable(lab, view);
  if (!view.copy_status.empty()) {
    ImGui::SameLine();
    ImGui::TextDisabled("%s", view.copy_status.c_str());
  }
  if (view.clipboard_failed) {
    std::string text = errorTableText(lab);
    ImGui::InputTextMultiline("##table text", text.data(), text.size() + 1,
                              ImVec2(-1, ImGui::GetTextLineHeightWithSpacing() * 5),
                              ImGuiInputTextFlags_ReadOnly);
  }
}

// One key row: a line swatch of the item's colour and width, then its name.
void keyRow(const plot::Color& color, float width, const char* text) {
  const float font = ImGui::GetFontSize();
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const float y = at.y + ImGui::GetTextLineHeight() * 0.5f;
  const float scale = plot::GetStyle().scale;
  ImGui::GetWindowDrawList()->AddLine(ImVec2(at.x, y), ImVec2(at.x + font * 1.8f, y),
                                      ImGui::ColorConvertFloat4ToU32(imColor(color)),
                                      width * scale);
  ImGui::Dummy(ImVec2(font * 2.1f, ImGui::GetTextLineHeight()));
  ImGui::SameLine();
  ImGui::TextUnformatted(text);
}

void drawEllipseKey(const StochasticLab& lab, Theme theme) {
  ImGui::TextUnformatted("Ellipses (95% of the mass)");
  keyRow(truthColor(theme), 2.5f, "true Sigma");
  keyRow(sampleCovarianceColor(), 2.5f, "sample covariance C");
  for (int j = 0; j < startCount(lab); ++j) {
    const std::string text = "P^-1 of the runs from " + startLabel(j);
    keyRow(startColor(j), 2.0f, text.c_str());
  }
  ImGui::TextDisabled("thicker = larger step size; grey dots: the samples");
}

void drawRunStatuses(const StochasticLab& lab) {
  int failed = 0;
  for (int s = 0; s < stepSizeCount(lab); ++s) {
    for (int j = 0; j < startCount(lab); ++j) {
      const PrecisionRun& run = runAt(lab, s, j);
      if (run.status != PrecisionRunStatus::NotPositiveDefinite) continue;
      ++failed;
      drawStatusChip(
          "eta " + formatStepSize(run.step_size) + ", " + startLabel(j) + ": " + run.message,
          "lower the step size", true);
    }
  }
  if (failed == 0)
    drawStatusChip(std::to_string(lab.experiment.runs.size()) +
                       " runs: P stayed symmetric positive definite in every step",
                   "", false);
}

void drawAnswers(const StochasticLab& lab) {
  const Mat2& ml = lab.experiment.ml_precision;
  ImGui::Text("max. likelihood C^-1 = [[%.4f, %.4f], [%.4f, %.4f]]", ml(0, 0), ml(0, 1), ml(1, 0),
              ml(1, 1));
  ImGui::TextDisabled("log L(C^-1) = %.6g: the grey line \"ML\" on each plot",
                      lab.experiment.ml_objective);
  const Mat2& truth = lab.true_precision;
  ImGui::Text("true Sigma^-1 = [[%.4f, %.4f], [%.4f, %.4f]]", truth(0, 0), truth(0, 1), truth(1, 0),
              truth(1, 1));
  ImGui::TextDisabled("||Sigma^-1 - C^-1||_F^2 = %.6g (the best any run can do)",
                      squaredFrobeniusError(truth, ml));
}

}  // namespace

void drawStochasticLab(StochasticLab& lab, StochasticLabView& view, plot::PlotContext& plots,
                       Theme theme, float dt, bool presentation) {
  plot::SetCurrentContext(&plots);
  timelineAdvance(lab.timeline, dt);
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  if (avail.x < 50 || avail.y < 50) return;  // a window too small to draw into
  const float font = ImGui::GetFontSize();
  const float controls_w = ControlColumnWidth(avail.x, 0.24f, 17.0f, 24.0f);

  if (!presentation) {  // presentation mode: the plots fill the window (Play stays above them)
    ImGui::BeginChild("controls", ImVec2(controls_w, 0), false);
    drawStochasticControls(lab, view);
    ImGui::EndChild();
    ImGui::SameLine();
  }

  ImGui::BeginChild("plots", ImVec2(0, 0), false,
                    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  // The views read the timeline: nothing to recompute. Presentation mode: one row of buttons.
  if (presentation)
    drawTimelineButtons(lab.timeline);
  else
    drawTimelineControls(lab.timeline);
  // Recomputed runs re-fit every plot in the same frame: no view shows the old runs' axes.
  const bool refit = view.fitted_version != lab.runs_version;
  view.fitted_version = lab.runs_version;
  const ImVec2 area = ImGui::GetContentRegionAvail();
  // At least 7 lines high: 10 (before) left the ellipse plot 45 pixels wide at UI scale 2 on a
  // 1600 x 900 window.
  const float top_h = std::max(font * 7, area.y * 0.47f);
  drawObjectivePlots(lab, top_h, refit);
  const float bottom_h = ImGui::GetContentRegionAvail().y;
  const float ellipse_size = std::min(bottom_h, area.x * 0.5f);
  drawEllipsePlot(lab, view, theme, ellipse_size, refit);
  ImGui::SameLine();
  ImGui::BeginChild("table", ImVec2(0, 0), false);
  drawErrorTable(lab, view);
  drawRunStatuses(lab);
  ImGui::Spacing();
  drawEllipseKey(lab, theme);
  ImGui::Spacing();
  drawAnswers(lab);
  ImGui::EndChild();
  ImGui::EndChild();
}

}  // namespace gradlab
