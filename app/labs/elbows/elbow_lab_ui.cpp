// The elbow lab's layout: controls on the left; on the right a tab per view.
#include "app/labs/elbows/elbow_lab_ui.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "app/labs/elbows/elbow_figures.h"
#include "app/plot/plot_imgui.h"
#include "app/ui_widgets.h"
#include "app/views/status_chip.h"
#include "app/views/timeline_ui.h"

namespace gradlab {
namespace {

void remember(ElbowLabView& view, const std::string& error) {
  view.edit_error = error;
}

// [SECTION] Controls

void drawNetworkControls(ElbowLab& lab, ElbowLabView& view) {
  ElbowScene& s = lab.scene;
  ImGui::TextUnformatted("Data");
  int set = int(s.data_set);
  if (ImGui::BeginCombo("data set", dataSetDisplayName(s.data_set))) {
    for (int k = 0; k < kDataSetCount; ++k)
      if (ImGui::Selectable(dataSetDisplayName(DataSet(k)), k == set))
        remember(view, setDataSet(lab, DataSet(k)));
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  HelpMarker("Click the fit plot to place your own points (drag to move, right-click to delete).");

  ImGui::Separator();
  ImGui::TextWrapped("Network f(x) = sum_j u_j act(a_j x + b_j) + c");
  int units = s.units, dead = s.dead_units;
  if (ImGui::SliderInt("units p", &units, kMinUnits, kMaxUnits, "%d", ImGuiSliderFlags_AlwaysClamp))
    remember(view, setUnits(lab, units, std::min(dead, units)));
  if (ImGui::SliderInt("start dead", &dead, 0, s.units, "%d", ImGuiSliderFlags_AlwaysClamp))
    remember(view, setUnits(lab, s.units, dead));
  ImGui::SameLine();
  HelpMarker(
      "Units initialized with their elbow beyond the data, facing away: a x + b < 0 at "
      "every point (EXERCISES E3).");
  int seed = int(s.init_seed);
  SetNextNumberFieldWidth("100000");
  if (ImGui::InputInt("init seed", &seed) && seed >= 0)
    remember(view, setInitSeed(lab, std::uint64_t(seed)));

  bool leaky = s.activation.leaky;
  float alpha = float(s.activation.alpha);
  if (ImGui::Checkbox("leaky ReLU", &leaky))
    remember(view, setActivation(lab, NetActivation{leaky, s.activation.alpha}));
  ImGui::SameLine();
  HelpMarker("Changes apply from the shown step on, also mid-training: dead units revive.");
  ImGui::BeginDisabled(!leaky);
  if (ImGui::SliderFloat("alpha", &alpha, 0.0f, 0.5f, "%.3f", ImGuiSliderFlags_AlwaysClamp))
    remember(view, setActivation(lab, NetActivation{leaky, double(alpha)}));
  ImGui::EndDisabled();

  ImGui::Separator();
  ImGui::TextUnformatted("Training");
  TrainSettings t = s.train;
  int adam = t.optimizer == NetOptimizer::Adam;
  bool picked = ImGui::RadioButton("SGD", &adam, 0);
  ImGui::SameLine();
  picked = ImGui::RadioButton("Adam", &adam, 1) || picked;
  if (picked) {
    t.optimizer = adam ? NetOptimizer::Adam : NetOptimizer::Sgd;
    remember(view, setTrainSettings(lab, t));
  }
  float lr = float(t.lr);
  if (ImGui::SliderFloat("learning rate", &lr, 1e-4f, 1.0f, "%.4g",
                         ImGuiSliderFlags_Logarithmic | ImGuiSliderFlags_AlwaysClamp)) {
    t.lr = lr;
    remember(view, setTrainSettings(lab, t));
  }
  int batch = t.batch_size;
  if (ImGui::SliderInt("batch size", &batch, 1, std::max(lab.data.size(), 1), "%d",
                       ImGuiSliderFlags_AlwaysClamp)) {
    t.batch_size = batch;
    remember(view, setTrainSettings(lab, t));
  }
  int shuffle = int(t.seed);
  SetNextNumberFieldWidth("100000");
  if (ImGui::InputInt("shuffle seed", &shuffle) && shuffle >= 0) {
    t.seed = std::uint64_t(shuffle);
    remember(view, setTrainSettings(lab, t));
  }
  int max_steps = s.max_steps;
  SetNextNumberFieldWidth("1000000");
  if (ImGui::InputInt("steps", &max_steps, 1000, 10000, ImGuiInputTextFlags_EnterReturnsTrue))
    remember(view, setMaxSteps(lab, max_steps));

  ImGui::Separator();
  ImGui::Checkbox("data bends", &s.show_bends);
  ImGui::SameLine();
  HelpMarker(
      "Green diamonds: where the target's second difference peaks, the kinks a ReLU fit "
      "needs. Do the elbows find them?");
  ImGui::SameLine();
  ImGui::Checkbox("unit curves", &s.show_contributions);
  if (ImGui::Button("E3 preset: dead units")) applyDeadUnitPreset(lab);
  ImGui::SameLine();
  HelpMarker(
      "6 units, 3 initialized dead, ReLU: the loss stalls. Play, then tick leaky ReLU "
      "mid-training: dead units revive and the loss falls.");
}

void drawNetworkStatus(ElbowLab& lab) {
  const int dead = deadUnitCount(shownParams(lab), lab.data);
  ImGui::Text("step %ld   loss %.4g   dead units: %d of %d", shownStep(lab), shownLoss(lab), dead,
              unitCount(lab));
  if (!lab.status.empty()) drawStatusChip(lab.status, "", true);
  if (!lab.trainer) drawStatusChip("click the plot to place at least 2 points", "", true);
}

// [SECTION] Network tab

void setupLimits(const plot::Limits& l, bool refit) {
  plot::SetupAxesLimits(l.x.min, l.x.max, l.y.min, l.y.max,
                        refit ? ImGuiCond_Always : ImGuiCond_Once);
}

void drawFitPlot(ElbowLab& lab, ElbowLabView& view, Theme theme, ImVec2 size, bool refit) {
  char title[96];
  std::snprintf(title, sizeof title, "fit and elbows at step %ld##fit", shownStep(lab));
  view.fit_drawn = false;
  if (!plot::BeginPlot(title, size, plot::PlotFlags_CallerOwnsLeftClick)) return;
  plot::SetupAxes("x", "y");
  setupLimits(fitLimits(lab), refit);
  const bool user = lab.scene.data_set == DataSet::User;
  for (plot::Item& item : fitItems(lab, theme, user)) plot::PlotItem(std::move(item));
  if (user) {
    // Your points are handles: drag to move, right-click to delete.
    for (int i = 0; i < lab.scene.user_points.size(); ++i) {
      double x = lab.scene.user_points.xs[std::size_t(i)],
             y = lab.scene.user_points.ys[std::size_t(i)];
      bool removed = false;
      if (plot::DragPoint(i, &x, &y, plot::Color{0.6f, 0.6f, 0.6f, 1}, 5, &removed)) {
        remember(view, moveUserPoint(lab, i, x, y));
      }
      if (removed) {
        remember(view, deleteUserPoint(lab, i));
        break;
      }
    }
  }
  if (plot::IsPlotClicked()) {
    const plot::Point at = plot::GetPlotMousePos();
    remember(view, addUserPoint(lab, at.x, at.y));
  }
  view.fit_x = plot::GetPlotPos().x;
  view.fit_y = plot::GetPlotPos().y;
  view.fit_w = plot::GetPlotSize().x;
  view.fit_h = plot::GetPlotSize().y;
  view.fit_limits = plot::GetPlotLimits();
  view.fit_drawn = true;
  plot::EndPlot();
}

// `full` where it fits three quarters of a plot `width` wide (the title centres over the plot
// area, right of the y axis), else the short title: a narrow plot (1024 px at UI scale 1.5).
const char* titleThatFits(const char* full, const char* short_title, float width) {
  return ImGui::CalcTextSize(full, nullptr, true).x <= 0.75f * width ? full : short_title;
}

void drawLossPlot(const ElbowLab& lab, ImVec2 size) {
  if (!plot::BeginPlot(titleThatFits("full-data loss (MSE)##loss", "loss (MSE)##loss", size.x),
                       size, plot::PlotFlags_IntegerX | plot::PlotFlags_NoLegend))
    return;
  plot::SetupAxes("step", "loss", plot::Scale::Linear, plot::Scale::Log);
  setupLimits(lossLimits(lab), true);
  for (plot::Item& item : lossItems(lab, int(size.x))) plot::PlotItem(std::move(item));
  plot::EndPlot();
}

void drawTracePlot(const ElbowLab& lab, Theme theme, ImVec2 size) {
  if (!plot::BeginPlot(titleThatFits("elbow positions -b_j/a_j against step##trace",
                                     "elbows -b_j/a_j##trace", size.x),
                       size, plot::PlotFlags_IntegerX))
    return;
  plot::SetupAxes("step", "elbow x");
  setupLimits(traceLimits(lab), true);
  for (plot::Item& item : traceItems(lab, theme, std::clamp(int(size.x) / 24, 16, 60)))
    plot::PlotItem(std::move(item));
  plot::EndPlot();
}

void drawNetworkTab(ElbowLab& lab, ElbowLabView& view, Theme theme, bool presentation) {
  if (presentation)  // one row of buttons: the plots keep the height
    drawTimelineButtons(lab.timeline);
  else
    drawTimelineControls(lab.timeline);
  syncTraining(lab);  // a Step, seek or Rewind shows its step in this frame
  drawNetworkStatus(lab);
  const bool refit = view.fitted_version != lab.run_version;
  view.fitted_version = lab.run_version;
  const ImVec2 area = ImGui::GetContentRegionAvail();
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const float font = ImGui::GetFontSize();
  // A wide, low view (1600 x 900 at UI scale 2: 18 lines high) puts the three plots in one row:
  // stacked, the fit and the trace were 70 and 40 pixels high.
  if (area.y < font * 22 && area.x > 2.2f * area.y) {
    const float fit_w = (area.x - 2 * spacing) * 0.4f;
    const float loss_w = (area.x - 2 * spacing) * 0.26f;
    drawFitPlot(lab, view, theme, ImVec2(fit_w, area.y), refit);
    ImGui::SameLine();
    drawLossPlot(lab, ImVec2(loss_w, area.y));
    ImGui::SameLine();
    drawTracePlot(lab, theme, ImVec2(area.x - fit_w - loss_w - 2 * spacing, area.y));
    return;
  }
  // Stacked: 60% of the height for the fit, but at least 7.5 lines left for the elbow trace
  // under it (at 1024 x 768 and UI scale 1.5 its plot area was 45 pixels high).
  const float top_h = std::max(font * 7, std::min(area.y * 0.6f, area.y - font * 7.5f - spacing));
  const float fit_w = (area.x - spacing) * 0.62f;
  drawFitPlot(lab, view, theme, ImVec2(fit_w, top_h), refit);
  ImGui::SameLine();
  drawLossPlot(lab, ImVec2(area.x - fit_w - spacing, top_h));
  drawTracePlot(
      lab, theme,
      ImVec2(area.x, std::max(ImGui::GetFontSize() * 6, ImGui::GetContentRegionAvail().y)));
}

// [SECTION] One-unit tab (E1)

void drawUnitFormulas(const ElbowLab& lab) {
  const UnitPoint p = shownUnit(lab);
  const UnitGradient g = unitGradient(p);
  // Wrapped: at 1024 px wide (or a projector's 1.5x) the filled-in formulas are wider than the
  // column, and a cut-off "= 0.18" is the number that matters.
  ImGui::TextWrapped("w = %.4g, b = %.4g, point (x, y) = (%.4g, %.4g)", p.w, p.b, p.x, p.y);
  ImGui::TextWrapped("w x + b = %.4g x %.4g + %.4g = %.4g", p.w, p.x, p.b, g.z);
  ImGui::TextWrapped("phi(x) = relu(%.4g) = %.4g", g.z, g.phi);
  ImGui::TextWrapped("L = (phi(x) - y)^2 / 2 = (%.4g - %.4g)^2 / 2 = %.4g", g.phi, p.y, g.loss);
  ImGui::TextWrapped("dL/dphi = phi(x) - y = %.4g", g.dl_dphi);
  if (g.active) {
    ImGui::TextWrapped("dL/dw = x (phi(x) - y) = %.4g x %.4g = %.4g", p.x, g.dl_dphi, g.dl_dw);
    ImGui::TextWrapped("dL/db = phi(x) - y = %.4g", g.dl_db);
  } else {
    ImGui::TextWrapped("dL/dw = 0, dL/db = 0   (w x + b <= 0: the unit is off at x)");
  }
  const UnitStep s = lastUnitStep(lab);
  if (unitStepsShown(lab) > 0) {
    ImGui::Separator();
    ImGui::Text("step %d: w %.4g -> %.4g (%+.4g)", unitStepsShown(lab), s.before.w, s.after.w,
                s.slope_change());
    if (std::isfinite(s.elbow_before) && std::isfinite(s.elbow_after))
      ImGui::Text("elbow -b/w %.4g -> %.4g (%+.4g, %s)", s.elbow_before, s.elbow_after,
                  s.elbow_change(),
                  s.elbow_change() > 0   ? "right"
                  : s.elbow_change() < 0 ? "left"
                                         : "still");
  }
}

void drawUnitTab(ElbowLab& lab, ElbowLabView& view, Theme theme) {
  const float font = ImGui::GetFontSize();
  const ImVec2 area = ImGui::GetContentRegionAvail();
  const float side_w = std::clamp(area.x * 0.4f, font * 18, font * 30);
  const float plot_w = area.x - side_w - ImGui::GetStyle().ItemSpacing.x;
  if (plot::BeginPlot("phi(x) = relu(w x + b) and one data point##unit", ImVec2(plot_w, area.y),
                      plot::PlotFlags_None)) {
    plot::SetupAxes("x", "phi");
    setupLimits(unitLimits(lab), view.fitted_replays != lab.unit_timeline.last);
    view.fitted_replays = lab.unit_timeline.last;
    for (plot::Item& item : unitItems(lab, theme)) plot::PlotItem(std::move(item));
    // Handles on the unit as shown: the point, the elbow (moves -b/w) and the slope.
    UnitPoint p = shownUnit(lab);
    double px = p.x, py = p.y;
    if (plot::DragPoint(0, &px, &py, plot::Color{0.9f, 0.9f, 0.9f, 1}, 6)) {
      p.x = px, p.y = py;
      remember(view, setUnitPoint(lab, p));
    }
    if (p.w != 0) {
      double ex = -p.b / p.w, ey = 0;
      if (plot::DragPoint(1, &ex, &ey, plot::Color::hex(0xD55E00), 6)) {
        p.b = -p.w * ex;
        remember(view, setUnitPoint(lab, p));
      }
      const double side = p.w > 0 ? 1 : -1;
      double sx = ex + side, sy = std::abs(p.w);
      if (plot::DragPoint(2, &sx, &sy, plot::Color::hex(0x0072B2), 6) && std::abs(sx - ex) > 1e-3) {
        p.w = sy / (sx - ex);
        p.b = -p.w * ex;
        remember(view, setUnitPoint(lab, p));
      }
    }
    plot::EndPlot();
  }
  ImGui::SameLine();
  ImGui::BeginChild("unit side", ImVec2(0, 0), false);
  ImGui::TextWrapped(
      "EXERCISES E1: one unit, one point. Drag the white point, the red elbow or "
      "the blue slope handle.");
  for (int c = 0; c < kUnitCaseCount; ++c) {
    if (ImGui::Button(unitCaseTitle(c))) applyUnitCase(lab, c);
    if (c % 2 == 0) ImGui::SameLine();
  }
  float lr = float(lab.scene.unit_lr);
  if (ImGui::SliderFloat("learning rate##unit", &lr, 0.01f, 2.0f, "%.3f",
                         ImGuiSliderFlags_AlwaysClamp))
    remember(view, setUnitLr(lab, lr));
  if (ImGui::Button("One SGD step")) timelineStep(lab.unit_timeline);
  ImGui::SameLine();
  if (ImGui::Button(lab.unit_timeline.playing ? "Pause##unit" : "Play##unit"))
    timelineTogglePlay(lab.unit_timeline);
  ImGui::SameLine();
  if (ImGui::Button("Rewind##unit")) timelineRewind(lab.unit_timeline);
  ImGui::Separator();
  drawUnitFormulas(lab);
  for (int c = 0; c < kUnitCaseCount; ++c) {
    const UnitPoint k = unitCase(c);
    if (k.w == lab.scene.unit.w && k.b == lab.scene.unit.b && k.x == lab.scene.unit.x &&
        k.y == lab.scene.unit.y) {
      ImGui::Separator();
      ImGui::TextWrapped("%s: %s", unitCaseTitle(c), unitCaseOutcome(c));
    }
  }
  ImGui::EndChild();
}

}  // namespace

void drawElbowLab(ElbowLab& lab, ElbowLabView& view, plot::PlotContext& plots, Theme theme,
                  float dt, bool presentation) {
  plot::SetCurrentContext(&plots);
  advanceElbowLab(lab, dt);
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  if (avail.x < 50 || avail.y < 50) return;
  const float font = ImGui::GetFontSize();
  const float controls_w = ControlColumnWidth(avail.x, 0.24f, 16.0f, 22.0f);
  if (!presentation) {  // presentation mode: the plots fill the window (Play stays above them)
    ImGui::BeginChild("controls", ImVec2(controls_w, 0), false);
    ImGui::PushItemWidth(-font * 7.5f);
    drawNetworkControls(lab, view);
    ImGui::PopItemWidth();
    if (!view.edit_error.empty()) drawStatusChip(view.edit_error, "", true);
    ImGui::EndChild();
    ImGui::SameLine();
  }
  ImGui::BeginChild("views", ImVec2(0, 0), false,
                    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  if (ImGui::BeginTabBar("elbow tabs")) {
    // The scene's tab is selected on the first frames (ImGui applies a selection a frame
    // later); after that the open tab is the scene's.
    const bool request = view.tab_frames < 2;
    ++view.tab_frames;
    const bool unit_tab = lab.scene.one_unit_tab;
    if (ImGui::BeginTabItem("Network (E2, E3)", nullptr,
                            request && !unit_tab ? ImGuiTabItemFlags_SetSelected : 0)) {
      if (!request) lab.scene.one_unit_tab = false;
      drawNetworkTab(lab, view, theme, presentation);
      ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem("One unit (E1)", nullptr,
                            request && unit_tab ? ImGuiTabItemFlags_SetSelected : 0)) {
      if (!request) lab.scene.one_unit_tab = true;
      view.fit_drawn = false;
      drawUnitTab(lab, view, theme);
      ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
  }
  ImGui::EndChild();
}

}  // namespace gradlab
