// The Optimizer lab's right-hand column: f and ||grad f|| versus iteration for every run, the
// Hessian inspector, and the step-size sweep with "use best step".
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <vector>

#include "app/labs/optimizer/optimizer_views.h"
#include "app/plot/plot_imgui.h"
#include "app/ui_widgets.h"

namespace gradlab {
namespace {

// Returns true when the runs changed since the plots were last fitted (they then re-fit).
bool updateCurveCaches(const OptimizerLab& lab, OptimizerLabView& view, float width) {
  view.run_caches.resize(lab.runs.size());
  const int buckets = std::max(16, int(width));
  for (std::size_t r = 0; r < lab.runs.size(); ++r) {
    OptimizerLabView::RunCache& c = view.run_caches[r];
    const int count = lab.runs[r].iterates.empty() ? 0 : shownIterations(lab, int(r)) + 1;
    if (c.curve_version == lab.runs_version && c.curve_shown == count && c.curve_buckets == buckets)
      continue;
    c.curve_version = lab.runs_version;
    c.curve_shown = count;
    c.curve_buckets = buckets;
    if (count > 0) buildEnvelope(lab.runs[r], count, buckets, c.curve);
  }
  const bool changed = view.curves_version != lab.runs_version;
  view.curves_version = lab.runs_version;
  return changed;
}

enum class Curve { F, GradNorm };

void plotRunCurves(const OptimizerLab& lab, const OptimizerLabView& view, Curve curve) {
  for (int r = 0; r < int(lab.runs.size()); ++r) {
    const OptimizerLabView::RunCache& c = view.run_caches[r];
    const CurveEnvelope& e = c.curve;
    if (lab.runs[r].iterates.empty() || e.iter.empty()) continue;
    plot::LineStyle style;
    style.color = plot::RunColor(runSlot(lab, r));
    const std::vector<double>& ys = curve == Curve::F ? e.f : e.grad_norm;
    plot::PlotLine(runLabel(lab, r).c_str(), e.iter.data(), ys.data(), int(e.iter.size()), style);
  }
  if (lab.timeline.animated) {
    plot::LineStyle now;
    now.color = plot::Color{0.5f, 0.5f, 0.5f, 0.8f};
    now.width = 1.5f;
    plot::PlotVLine("##now", std::floor(lab.timeline.position), now);
  }
}

// Runs that ended exactly at 0, marked on the log axis (exactZeroMarks).
void markExactZerosOnLogAxis(const OptimizerLab& lab, Curve curve) {
  for (const plot::TextItem& t : exactZeroMarks(
           lab, curve == Curve::GradNorm, plot::GetPlotLimits(), ImGui::GetTextLineHeight())) {
    plot::TextStyle ts;
    ts.color = t.color;
    ts.anchor_x = t.anchor_x;
    ts.anchor_y = t.anchor_y;
    ts.offset_x = t.offset_x;
    ts.offset_y = t.offset_y;
    plot::PlotText(t.text.c_str(), t.x, t.y, ts);
  }
}

void drawLossCurves(OptimizerLab& lab, const OptimizerLabView& view, float height, bool refit) {
  ImGui::Checkbox("log scale for f", &lab.scene.log_f_axis);
  const char* hint = "hover a curve for exact values";
  if (ImGui::GetContentRegionAvail().x > ImGui::CalcTextSize("log scale for f").x +
                                             ImGui::CalcTextSize(hint).x +
                                             ImGui::GetFrameHeight() * 2) {
    ImGui::SameLine();
    ImGui::TextDisabled("%s", hint);  // only where it fits: clipped text reads as a bug
  }
  // No legends on these small plots: they covered half of each, and the runs' colours are those
  // of the map and the Start points list; hovering a curve names its run.
  const plot::PlotFlags flags = plot::PlotFlags_IntegerX | plot::PlotFlags_NoLegend;
  // A narrow column (800-pixel windows) gets the short titles, not clipped long ones.
  const bool narrow = ImGui::CalcTextSize("||grad f|| versus iteration").x >
                      ImGui::GetContentRegionAvail().x * 0.8f;
  if (plot::BeginPlot(narrow ? "f##loss" : "f versus iteration##loss", ImVec2(-1, height), flags)) {
    plot::SetupAxes("iteration", "f(w)", plot::Scale::Linear,
                    lab.scene.log_f_axis ? plot::Scale::Log : plot::Scale::Linear);
    if (refit) plot::SetupAxesFit();
    plotRunCurves(lab, view, Curve::F);
    if (lab.scene.log_f_axis) markExactZerosOnLogAxis(lab, Curve::F);
    plot::EndPlot();
  }
  if (plot::BeginPlot(narrow ? "||grad f||##gradnorm" : "||grad f|| versus iteration##gradnorm",
                      ImVec2(-1, height), flags)) {
    plot::SetupAxes("iteration", "||grad f||", plot::Scale::Linear, plot::Scale::Log);
    if (refit) plot::SetupAxesFit();
    plotRunCurves(lab, view, Curve::GradNorm);
    markExactZerosOnLogAxis(lab, Curve::GradNorm);
    plot::LineStyle tol;
    tol.color = plot::Color{0.55f, 0.55f, 0.55f, 0.9f};
    tol.width = 1.0f;
    if (lab.scene.config.stop.grad_tol > 0) {
      // Labelled on the line rather than in the legend: one legend row less over the curves.
      plot::PlotHLine("##tolerance", lab.scene.config.stop.grad_tol, tol);
      const std::string text =
          toleranceLabel(lab.scene.config.stop.grad_tol, plot::GetPlotSize().x - 8,
                         [](const char* t) { return ImGui::CalcTextSize(t).x; });
      plot::TextStyle ts;
      ts.color = tol.color;
      ts.anchor_x = 0;
      ts.anchor_y = 1;
      ts.offset_x = 4;
      ts.offset_y = -1;
      plot::PlotText(text.c_str(), plot::GetPlotLimits().x.min, lab.scene.config.stop.grad_tol, ts);
    }
    plot::EndPlot();
  }
}

// A pair "(a, b)" on one line where the column has room, else one number a line (a 1024-pixel
// projector's column); -0 shows as 0 (a Newton step of -0 reads as a bug).
void vectorText(double a, double b, const char* format) {
  char text[96];
  std::snprintf(text, sizeof text, format, a + 0.0, b + 0.0);
  if (ImGui::CalcTextSize(text).x <= ImGui::GetContentRegionAvail().x) {
    ImGui::TextUnformatted(text);
    return;
  }
  ImGui::Text("(%.5g,", a + 0.0);
  ImGui::Text(" %.5g)", b + 0.0);
}

// One row of the inspector's two-column table: the name, then the caller draws the value.
void inspectorRow(const char* name) {
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  ImGui::TextDisabled("%s", name);
  ImGui::TableNextColumn();
}

// What the point's f, gradient and Hessian say: the rows after the point itself.
void drawInspectionRows(const OptimizerLab& lab, const PointInspection& p) {
  const auto row = inspectorRow;
  row("f");
  if (!std::isfinite(p.eval.f)) {
    ImGui::TextColored(ImVec4(0.95f, 0.55f, 0.2f, 1), "undefined here (NaN or inf)");
  } else {
    ImGui::Text("%.7g", p.eval.f);
    row("\u2207f");
    vectorText(p.eval.grad.x(), p.eval.grad.y(), "(%.4g, %.4g)");
    row("\u2016\u2207f\u2016");
    ImGui::Text("%.4g", p.eval.grad.norm());
    row("Hessian");
    ImGui::Text("[%.4g, %.4g]", p.eval.hess(0, 0), p.eval.hess(0, 1));
    row("");
    ImGui::Text("[%.4g, %.4g]", p.eval.hess(1, 0), p.eval.hess(1, 1));
    row("\u03bb\u2081, \u03bb\u2082");
    ImGui::Text("%.4g, %.4g", p.hessian.eigenvalues(0), p.hessian.eigenvalues(1));
    // The shape's words wrap in their column (a 1024-pixel window leaves it narrow); its help
    // marker sits beside the row's name.
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextDisabled("shape");
    ImGui::SameLine();
    HelpMarker(
        "Classification by the Hessian's eigenvalues (EXERCISES C7): both > 0 a bowl, both < 0 "
        "a dome, opposite signs a saddle, a zero eigenvalue degenerate (a valley or ridge). "
        "Only where the gradient vanishes (||grad f|| below the stop tolerance) is a bowl a "
        "minimum and a dome a maximum.");
    ImGui::TableNextColumn();
    ImGui::TextWrapped("%s", describeShape(p, lab.scene.config.stop.grad_tol));
    if (std::isfinite(p.hessian.condition_number)) {
      row("condition");
      ImGui::Text("%.4g", p.hessian.condition_number);
    }
    row("Newton step");
    if (p.newton_ok) {
      vectorText(p.newton_step.x(), p.newton_step.y(), "(%.4g, %.4g)");
    } else {
      ImGui::TextColored(ImVec4(0.95f, 0.55f, 0.2f, 1), "impossible: Hessian singular");
    }
    // A stable step exists only where the method is pulled in along both axes: a bowl when
    // minimizing, a dome when maximizing. Elsewhere one direction runs away at any step size.
    const PointKind pulled_in = lab.scene.config.maximize ? PointKind::Maximum : PointKind::Minimum;
    const double stable = largestStableStep(p.eval.hess, lab.scene.config.maximize);
    if (p.hessian.kind == pulled_in && std::isfinite(stable) && stable > 0) {
      row("stable GD step");
      ImGui::Text("< 2/|\u03bb|max = %.4g", stable);
      ImGui::SameLine();
      HelpMarker(
          "For a quadratic, gradient descent converges exactly when the step size is below "
          "2 / lambda_max (EXERCISES D1). Elsewhere it is the local, second-order estimate.");
    }
  }
}

void drawInspector(OptimizerLab& lab, const OptimizerLabView& view) {
  // Hover wins, then the pin; otherwise the end of run 1, so the view is never empty.
  const bool show_pin = lab.scene.pinned && !view.hovering;
  const bool show_end =
      !view.hovering && !lab.scene.pinned && !lab.runs.empty() && !lab.runs[0].iterates.empty();
  if (!view.hovering && !lab.scene.pinned && !show_end) {
    ImGui::TextWrapped("Hover the contour to inspect a point; right-click it to pin one.");
    return;
  }
  const Vec2 w = show_pin   ? lab.scene.pin
                 : show_end ? lab.runs[0].iterates[shownIterations(lab, 0)].w
                            : view.hover;
  const std::string where = show_pin   ? "the pinned point"
                            : show_end ? shownIterateCaption(lab, 0)
                                       : "hover";
  ImGui::TextUnformatted(where.c_str());
  const char* hint = show_end ? "hover the map for any point" : "";
  if (*hint && ImGui::GetContentRegionAvail().x >
                   ImGui::CalcTextSize(where.c_str()).x + ImGui::CalcTextSize(hint).x + 20) {
    ImGui::SameLine();
    ImGui::TextDisabled("%s", hint);
  }
  // A two-column table: short names on the left, values on the right, so each line stays
  // narrow enough for the column of a 1024-pixel-wide projector.
  if (!ImGui::BeginTable("inspector", 2, ImGuiTableFlags_SizingFixedFit)) return;
  ImGui::TableSetupColumn("name", ImGuiTableColumnFlags_WidthFixed);
  ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch);
  const ObjectiveInfo& info = lab.objective->info();
  inspectorRow(("(" + info.var_x + ", " + info.var_y + ")").c_str());
  vectorText(w.x(), w.y(), "(%.5g, %.5g)");
  drawInspectionRows(lab, inspectPoint(*lab.objective, w));
  ImGui::EndTable();
  if (lab.scene.pinned && ImGui::SmallButton("unpin")) lab.scene.pinned = false;
}

// The sweep plot: iterations against step size for every start, outcomes as marked points.
// How each sweep outcome but convergence is marked (SweepOutcome order, after Converged).
struct OutcomeMark {
  const char* label;
  plot::Color color;
  plot::MarkerShape shape;
  float size;
  bool filled;
};
constexpr OutcomeMark kOutcomeMarks[] = {
    {"diverged", {0.835f, 0.369f, 0.0f, 1}, plot::MarkerShape::Cross, 6, true},
    {"oscillating", {0.902f, 0.624f, 0.0f, 1}, plot::MarkerShape::Diamond, 5, true},
    {"too slow", {0.55f, 0.62f, 0.75f, 1}, plot::MarkerShape::Circle, 5, false},
    {"plateau", {0.6f, 0.6f, 0.6f, 1}, plot::MarkerShape::Square, 5, true},
};

void plotSweep(const OptimizerLab& lab, const OptimizerLabView& view, float height, bool refit) {
  if (!plot::BeginPlot("iterations to converge versus step size##sweep", ImVec2(-1, height)))
    return;
  plot::SetupAxes("step size", "iterations", plot::Scale::Log, plot::Scale::Log);
  if (refit) plot::SetupAxesFit();  // new data: old limits may show none of it
  std::vector<double> marks_x[4], marks_y[4], ok_x, ok_y;
  const auto& sweeps = view.sweeps.per_start;
  for (std::size_t r = 0; r < sweeps.size(); ++r) {
    ok_x.clear();
    ok_y.clear();
    for (const SweepPoint& p : sweeps[r]) {
      const int outcome = int(sweepOutcome(p));
      // A log axis has no 0: a run that stopped at its start counts as 1.
      (outcome == 0 ? ok_x : marks_x[outcome - 1]).push_back(p.step_size);
      (outcome == 0 ? ok_y : marks_y[outcome - 1]).push_back(std::max(1, p.iterations));
    }
    const std::string label = runLabel(lab, int(r));
    // The runs' colours are the map's; the legend is for the outcome marks (hovering names a run).
    plot::LineStyle line;
    line.color = plot::RunColor(runSlot(lab, int(r)));
    line.in_legend = false;
    plot::PlotLine(label.c_str(), ok_x.data(), ok_y.data(), int(ok_x.size()), line);
    plot::MarkerStyle dots;
    dots.color = line.color;
    dots.in_legend = false;
    plot::PlotMarkers(label.c_str(), ok_x.data(), ok_y.data(), int(ok_x.size()), dots);
  }
  for (int k = 0; k < 4; ++k) {  // a legend entry only for outcomes that occur
    if (marks_x[k].empty()) continue;
    plot::MarkerStyle m;
    m.color = kOutcomeMarks[k].color;
    m.shape = kOutcomeMarks[k].shape;
    m.size = kOutcomeMarks[k].size;
    m.filled = kOutcomeMarks[k].filled;
    plot::PlotMarkers(kOutcomeMarks[k].label, marks_x[k].data(), marks_y[k].data(),
                      int(marks_x[k].size()), m);
  }
  plot::LineStyle now;
  now.color = plot::Color{0.5f, 0.5f, 0.5f, 0.9f};
  now.width = 1.0f;
  plot::PlotVLine("##current step", resolved(lab.scene.config).step_size, now);
  plot::EndPlot();
}

void drawSweep(OptimizerLab& lab, OptimizerLabView& view, float height) {
  if (lab.scene.compare) {
    ImGui::TextWrapped("The sweep runs the single-method mode; leave compare mode to use it.");
    return;
  }
  const std::string unavailable = sweepUnavailable(lab.scene.config.method);
  if (!unavailable.empty()) {
    ImGui::TextWrapped("%s", unavailable.c_str());
    return;
  }
  if (view.sweep_requested != lab.runs_version) {
    view.sweep_worker.request(
        {lab.objective, runInputs(lab).config, lab.scene.starts, lab.scene.sweep,
         lab.runs_version});  // the runs' iteration cap, so the sweep agrees with them
    view.sweep_requested = lab.runs_version;
  }
  const bool landed = view.sweep_worker.poll(view.sweeps);
  const bool current = view.sweeps.version == lab.runs_version;

  ImGui::TextDisabled("every start, %d step sizes from %.0e to %.0f", lab.scene.sweep.count,
                      lab.scene.sweep.min_step, lab.scene.sweep.max_step);
  ImGui::SameLine();
  HelpMarker(
      "Each start is run with every step size (log-spaced); the iterations it took to converge "
      "are plotted in the run's colour. Other outcomes are marked where the run stopped: red "
      "crosses diverged at that step, orange diamonds oscillated and hollow circles were too "
      "slow (both at the iteration cap), grey squares stopped on a plateau. The grey vertical "
      "line is the current step. Computed in the background: the app stays responsive.");
  if (!current) {
    ImGui::SameLine();
    ImGui::TextDisabled("updating...");
  }
  plotSweep(lab, view, height - ImGui::GetFrameHeightWithSpacing() * 2, landed);

  const BestStep best = current ? bestSweepStep(view.sweeps) : BestStep();
  if (best.found) {
    char text[112];
    std::snprintf(text, sizeof text, "use best step (%.3g: %ld iterations over all starts)",
                  best.step_size, best.total_iterations);
    if (ImGui::Button(text)) {
      setUserStepSize(lab, best.step_size);
      requestRuns(lab, view.runs);
    }
  } else if (current) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("No step size in the sweep converges from every start.");
    ImGui::PopTextWrapPos();
  }
}

}  // namespace

void drawCurvesAndInspector(OptimizerLab& lab, OptimizerLabView& view, bool with_inspector) {
  // A toggled axis scale needs a fit too: the old limits mean nothing on the new scale.
  const bool refit = updateCurveCaches(lab, view, ImGui::GetContentRegionAvail().x) ||
                     view.log_f_axis_drawn != lab.scene.log_f_axis;
  view.log_f_axis_drawn = lab.scene.log_f_axis;
  const float avail = ImGui::GetContentRegionAvail().y;
  // The bottom tabs need room for the sweep plot; in compare mode (no sweep) only for the
  // inspector's lines, and the curves, with a legend row per method, get the rest.
  const float inspector_h = ImGui::GetTextLineHeightWithSpacing() * 13.5f;  // its 12 rows
  float bottom = lab.scene.compare ? inspector_h : std::max(avail * 0.36f, inspector_h);
  if (!with_inspector) bottom = 0;
  // On a short window the curves keep a readable height (title, axes and ~100 px of data) and
  // the column scrolls to the inspector, rather than squeezing the homework's figure flat.
  // Without the inspector (presentation mode) the column never needs to scroll.
  const float curve_h = std::max((avail - bottom - ImGui::GetFrameHeightWithSpacing()) * 0.5f -
                                     ImGui::GetStyle().ItemSpacing.y,
                                 ImGui::GetTextLineHeightWithSpacing() * (with_inspector ? 9 : 5));
  drawLossCurves(lab, view, curve_h, refit);
  if (with_inspector && ImGui::BeginTabBar("inspect")) {
    if (ImGui::BeginTabItem("Hessian")) {
      drawInspector(lab, view);
      ImGui::EndTabItem();
    }
    const ImGuiTabItemFlags sweep_flags = lab.open_sweep_tab ? ImGuiTabItemFlags_SetSelected : 0;
    lab.open_sweep_tab = false;
    if (ImGui::BeginTabItem("Step-size sweep", nullptr, sweep_flags)) {
      drawSweep(lab, view, ImGui::GetContentRegionAvail().y);
      ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
  }
}

}  // namespace gradlab
