// The Optimizer lab's layout and its contour view: the shaded field, trajectories as arrows,
// draggable start points, known optima and the pinned Hessian inspector's curvature axes.
#include "app/labs/optimizer/optimizer_lab_ui.h"

#include <imgui.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "app/labs/optimizer/optimizer_views.h"
#include "app/plot/colormap.h"
#include "app/plot/label_placement.h"
#include "app/plot/plot_imgui.h"
#include "app/views/timeline_ui.h"
#include "core/field.h"

namespace gradlab {
namespace {

// A point placed with the mouse, rounded to the largest 1-2-5 step that is at most a pixel: a
// click lands on (2, 2), not on (1.999, 2.001), and never more than a pixel from the cursor.
Vec2 roundToPixel(const Vec2& w, const plot::Limits& limits, ImVec2 size) {
  auto round = [](double v, double span, float pixels) {
    const double pixel = span / std::max(1.0f, pixels);
    if (!(pixel > 0) || !std::isfinite(pixel)) return v;
    const double decade = std::pow(10.0, std::floor(std::log10(pixel)));
    const double step = pixel >= 5 * decade   ? 5 * decade
                        : pixel >= 2 * decade ? 2 * decade
                                              : decade;
    return std::round(v / step) * step;
  };
  return Vec2(round(w.x(), limits.x.max - limits.x.min, size.x),
              round(w.y(), limits.y.max - limits.y.min, size.y));
}

// How the contour image was made: the function with its parameters, the colour map, the levels
// and the mapped range, as JSON (the image's source_id).
std::string contourSourceId(const OptimizerLab& lab, const OptimizerLabView& view) {
  nlohmann::json j;
  j["kind"] = "contour";
  j["function"] = lab.scene.spec.name;
  if (lab.scene.spec.name == "expression") j["expression"] = lab.scene.spec.expression;
  for (const auto& [name, value] : lab.scene.spec.params) j["params"][name] = value;
  j["colormap"] = plot::ColormapName(plot::Colormap(lab.scene.contour.colormap));
  j["levels"] = lab.scene.contour.levels;
  j["log_levels"] = lab.scene.contour.log_levels;
  j["lines_only"] = lab.scene.contour.lines_only;
  j["map_range"] = {view.contour.mapping.lo, view.contour.mapping.hi};
  if (view.contour.mapping.log) j["map_log_base"] = view.contour.mapping.log_base;
  return j.dump();
}

// Re-evaluates the field when the objective or the window changed, re-maps it when the colour
// mapping changed, and re-shades the texture when anything it shows changed. Returns the
// texture (0 when there is none to show).
// The lab's contour layer at the plot's view; the kept image's source id is remade when the
// texture is re-shaded (it changes with nothing else).
GLuint updateContour(const OptimizerLab& lab, OptimizerLabView& view, const plot::Limits& limits,
                     int pixel_w, int pixel_h, Theme theme) {
  const int shades = view.contour.shades;
  const GLuint texture = updateContourLayer(
      view.contour, *lab.objective, lab.objective_version, lab.scene.contour,
      Window{limits.x.min, limits.x.max, limits.y.min, limits.y.max}, pixel_w, pixel_h, theme);
  if (view.contour.shades != shades) view.contour_source = contourSourceId(lab, view);
  return texture;
}

// The line under the map: what the colour bar maps (or how to navigate when there is none), left
// of the "reset view" button; no caption on a window too small for both.
void drawMapCaption(const OptimizerLab& lab, const OptimizerLabView& view, bool color_bar,
                    float width) {
  char caption[96];
  if (view.runs.pending) {
    std::snprintf(caption, sizeof caption, "computing the runs...");
  } else if (color_bar) {
    std::snprintf(caption, sizeof caption, "f over the visible window%s; %d levels",
                  lab.scene.contour.log_levels ? ", log-spaced" : "", lab.scene.contour.levels);
  } else {
    std::snprintf(caption, sizeof caption,
                  "Wheel to zoom, right-drag to box-zoom, Shift + drag to pan.");
  }
  const float button_w = ImGui::CalcTextSize("reset view").x + ImGui::GetFontSize() * 2;
  if (!color_bar || ImGui::CalcTextSize(caption).x + button_w <= width) {
    ImGui::TextDisabled("%s", caption);
  } else {
    ImGui::Dummy(ImVec2(0, ImGui::GetTextLineHeight()));
  }
}

// "reset view" at the right end of the line under the contour: a double click cannot do it
// there, since every click on the map adds a start.
void drawResetViewButton(OptimizerLab& lab, float width) {
  const char* label = "reset view";
  const float w = ImGui::CalcTextSize(label).x + 2 * ImGui::GetStyle().FramePadding.x;
  ImGui::SameLine(std::max(width - w, 0.0f));
  if (ImGui::SmallButton(label)) {
    lab.scene.view = lab.home_view;
    lab.reset_view = true;
  }
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip(
        "Back to the function's window. Wheel zooms, right-drag box-zooms,\n"
        "Shift + drag or middle-drag pans.");
}

// A thin translucent edge in the background colour around each run: the run colours stay
// readable where the map has a similar hue (blue on viridis purple, green on its green).
plot::Color trajectoryHalo() {
  return plot::GetStyle().theme.legend_background.withAlpha(0.6f);
}

// Arrows w_i -> w_i+1 for a run's shown iterates (buildTrajectoryPath: long runs are a line with
// evenly spaced arrows). The arrays are cached and rebuilt only when the run, the shown
// iterations, the view or the size change.
void plotTrajectory(const OptimizerLab& lab, OptimizerLabView& view, int run, plot::Color color,
                    const char* label, bool in_legend, const plot::Limits& limits,
                    ImVec2 plot_size) {
  const Trajectory& t = lab.runs[run];
  if (t.iterates.empty()) return;
  const int shown = shownIterations(lab, run);
  view.run_caches.resize(lab.runs.size());
  OptimizerLabView::RunCache& c = view.run_caches[run];
  const Window window{limits.x.min, limits.x.max, limits.y.min, limits.y.max};
  const bool stale = c.version != lab.runs_version || c.shown != shown ||
                     !sameWindow(c.limits, window) || c.width != plot_size.x ||
                     c.height != plot_size.y || c.arrows != lab.scene.show_arrows;
  if (stale) {
    c.version = lab.runs_version;
    c.shown = shown;
    c.limits = window;
    c.width = plot_size.x;
    c.height = plot_size.y;
    c.arrows = lab.scene.show_arrows;
    buildTrajectoryPath(t, shown, lab.scene.show_arrows, window, plot_size.x, plot_size.y, c.path);
  }
  const TrajectoryPath& p = c.path;
  if (!p.path_x.empty()) {
    plot::LineStyle line;
    line.color = color;
    line.width = 1.5f;
    line.indices = p.path_i.data();
    line.halo = trajectoryHalo();
    line.in_legend = in_legend;
    plot::PlotLine(label, p.path_x.data(), p.path_y.data(), int(p.path_x.size()), line);
  }
  if (!p.arrow_x.empty()) {
    plot::ArrowStyle arrows;
    arrows.color = color;
    arrows.indices = p.arrow_i.data();
    arrows.halo = trajectoryHalo();
    arrows.in_legend = in_legend;
    // Same label as the path: one legend entry, hidden together.
    plot::PlotArrows(label, p.arrow_x.data(), p.arrow_y.data(), int(p.arrow_x.size()), arrows);
  }
}

// Eigenvectors scaled by |eigenvalue| (solid: positive curvature, dashed look: negative) and the
// Newton step, from the pinned point.
void plotCurvatureAxes(const OptimizerLab& lab, const plot::Limits& limits) {
  const PointInspection p = inspectPoint(*lab.objective, lab.scene.pin);
  const double span = 0.12 * std::min(limits.x.max - limits.x.min, limits.y.max - limits.y.min);
  const double largest = p.hessian.eigenvalues.cwiseAbs().maxCoeff();
  // Everything drawn from the pin gets a halo in the background colour: ink and the axis colours
  // stay readable on every part of every colour map (the saddle map is near white at its centre).
  const plot::Color halo = plot::GetStyle().theme.legend_background.withAlpha(0.9f);
  // Both axes first, then their labels on top: a label is never crossed by the other axis.
  double xs[2][2], ys[2][2];
  for (int i = 0; i < 2; ++i) {
    const double lambda = p.hessian.eigenvalues(i);
    const double length = largest > 0 ? span * std::fabs(lambda) / largest : 0;
    const Vec2 v = p.hessian.eigenvectors.col(i) * length;
    xs[i][0] = lab.scene.pin.x() - v.x();
    xs[i][1] = lab.scene.pin.x() + v.x();
    ys[i][0] = lab.scene.pin.y() - v.y();
    ys[i][1] = lab.scene.pin.y() + v.y();
    plot::LineStyle style;
    style.color = lambda > 0 ? plot::Color::hex(0xE69F00) : plot::Color::hex(0x56B4E9);
    style.width = 3.0f;
    style.halo = halo;
    plot::PlotLine("##axis", xs[i], ys[i], 2, style);
  }
  plot::PixelRect first_label{0, 0, 0, 0};  // the λ1 label's box (pixels): λ2's avoids it
  for (int i = 0; i < 2; ++i) {
    char text[48];
    std::snprintf(text, sizeof text, "\u03bb%s = %.3g", i == 0 ? "\u2081" : "\u2082",
                  p.hessian.eigenvalues(i));
    // Ink on the legend's box: readable on every colour map and in both themes. The λ2 label
    // goes to the other end of its axis, right-aligned, where it would cover the λ1 label.
    const ImVec2 start = plot::PlotToPixels(xs[i][0], ys[i][0]);
    const ImVec2 end = plot::PlotToPixels(xs[i][1], ys[i][1]);
    const ImVec2 size = ImGui::CalcTextSize(text);
    const float gap = 9;
    const plot::SegmentLabel place =
        plot::PlaceSegmentLabel(start.x, start.y, end.x, end.y, size.x, size.y, gap, first_label);
    if (i == 0) first_label = plot::LabelBox(end.x, end.y, size.x, size.y, 0, 0.5, gap, 0);
    plot::TextStyle ts;
    ts.anchor_x = float(place.anchor_x);
    ts.offset_x = float(place.offset_x);
    ts.background = plot::GetStyle().theme.legend_background;
    const int at = place.at_start ? 0 : 1;
    plot::PlotText(text, xs[i][at], ys[i][at], ts);
  }
  if (p.newton_ok) {
    const double xs[2] = {lab.scene.pin.x(), lab.scene.pin.x() + p.newton_step.x()};
    const double ys[2] = {lab.scene.pin.y(), lab.scene.pin.y() + p.newton_step.y()};
    plot::ArrowStyle style;
    style.color = plot::GetStyle().theme.text;  // ink colour: never one of the runs' colours
    style.width = 2.5f;
    style.halo = halo;
    plot::PlotArrows("Newton step##pin", xs, ys, 2, style);
  }
  plot::MarkerStyle pin;
  pin.color = plot::GetStyle().theme.text;
  pin.shape = plot::MarkerShape::Diamond;
  pin.size = 6;
  pin.halo = halo;
  const double px = lab.scene.pin.x(), py = lab.scene.pin.y();
  plot::PlotMarkers("##pin", &px, &py, 1, pin);
}

// Returns true when the runs must be recomputed (a start moved, was added or deleted).
// The number of start handles on the map: every start, or the first in compare mode.
int handleCount(const OptimizerLab& lab) {
  const int starts = int(lab.scene.starts.size());
  return lab.scene.compare ? std::min(1, starts) : starts;
}

// The map's mouse: drag a start, right-click it away, click to add one, right-click empty space
// to pin the inspector. Each change goes through the lab's logic; only what changed reruns (16
// runs of 100,000 iterations would not fit a frame). Returns true when the runs changed. Runs
// before the items are drawn, so the trajectories already follow a drag.
bool handleContourInput(OptimizerLab& lab, OptimizerLabView& view) {
  int delete_start = -1, moved_start = -1;
  for (int i = 0; i < handleCount(lab); ++i) {
    double x = lab.scene.starts[i].x(), y = lab.scene.starts[i].y();
    bool right_clicked = false;
    // Handles are keyed by colour slot: deleting a start does not hand its drag to another.
    if (plot::DragPoint(runSlot(lab, i), &x, &y, plot::RunColor(runSlot(lab, i)), 6,
                        &right_clicked)) {
      if (moveStart(lab, i, roundToPixel(Vec2(x, y), plot::GetPlotLimits(), plot::GetPlotSize())))
        moved_start = i;
    }
    if (right_clicked) delete_start = i;
  }
  bool changed = false;
  if (delete_start >= 0 && removeStart(lab, delete_start)) {
    if (lab.scene.compare) {
      requestRuns(lab, view.runs);
    } else {
      startsRemoved(lab, view.runs);
    }
    changed = true;
  }
  if (plot::IsPlotClicked(ImGuiMouseButton_Left) && !lab.scene.compare) {
    const plot::Point m = plot::GetPlotMousePos();
    const int added =
        addStart(lab, roundToPixel(Vec2(m.x, m.y), plot::GetPlotLimits(), plot::GetPlotSize()));
    if (added >= 0) moved_start = added;
  }
  if (plot::IsPlotClicked(ImGuiMouseButton_Right)) {
    const plot::Point m = plot::GetPlotMousePos();
    lab.scene.pinned = true;
    lab.scene.pin = Vec2(m.x, m.y);
  }
  if (moved_start >= 0) requestRun(lab, view.runs, moved_start);
  return changed || moved_start >= 0;
}

// Every run's trajectory with its end marker, the known stationary points over them (a
// maximum's ring stays visible around the end square of a run that reached it), then the start
// handles on top.
void plotRunsAndKnownPoints(const OptimizerLab& lab, OptimizerLabView& view, Theme theme,
                            const plot::Limits& limits, ImVec2 area) {
  for (int i = 0; i < int(lab.runs.size()); ++i) {
    if (lab.runs[i].iterates.empty()) continue;
    const std::string label = runLabel(lab, i);
    const plot::Color color = plot::RunColor(runSlot(lab, i));
    plotTrajectory(lab, view, i, color, label.c_str(), mapLegendListsRuns(lab), limits, area);
    // End marker: where the run is now (animation) or where it stopped.
    const int end_i = shownIterations(lab, i);
    const Iterate& end = lab.runs[i].iterates[end_i];
    plot::MarkerStyle style;
    style.color = color;
    style.shape = plot::MarkerShape::Square;
    style.size = 5;
    style.indices = &end_i;
    style.halo = trajectoryHalo();
    style.in_legend = mapLegendListsRuns(lab);
    const double ex = end.w.x(), ey = end.w.y();
    plot::PlotMarkers(label.c_str(), &ex, &ey, 1, style);
  }
  for (const KnownPoint& k : lab.objective->info().known_points) {
    plot::MarkerStyle style;
    style.color = theme == Theme::Dark ? plot::Color{1, 1, 1, 0.9f} : plot::Color{0, 0, 0, 0.85f};
    // Minimum "+", maximum hollow circle, saddle "x": told apart without colour.
    style.shape = k.kind == "saddle"    ? plot::MarkerShape::Cross
                  : k.kind == "maximum" ? plot::MarkerShape::Circle
                                        : plot::MarkerShape::Plus;
    style.filled = k.kind != "maximum";
    style.size = 6;
    const double x = k.w.x(), y = k.w.y();
    plot::PlotMarkers(("known " + k.kind).c_str(), &x, &y, 1, style);
  }
  for (int i = 0; i < handleCount(lab); ++i) {
    plot::MarkerStyle ring;
    ring.color = theme == Theme::Dark ? plot::Color{0.1f, 0.1f, 0.12f, 1} : plot::Color{1, 1, 1, 1};
    ring.size = 8;
    plot::MarkerStyle dot;
    dot.color = plot::RunColor(runSlot(lab, i));
    dot.size = 6;
    const int start_i = 0;
    dot.indices = &start_i;
    const double x = lab.scene.starts[i].x(), y = lab.scene.starts[i].y();
    plot::PlotMarkers("##start ring", &x, &y, 1, ring);
    plot::PlotMarkers("##start", &x, &y, 1, dot);
  }
}

// The shaded field at the plot's current view (re-evaluated and re-shaded only on change).
void plotField(OptimizerLab& lab, OptimizerLabView& view, Theme theme) {
  const plot::Limits limits = plot::GetPlotLimits();
  const ImVec2 area = plot::GetPlotSize(), area_pos = plot::GetPlotPos();
  view.plot_x = area_pos.x;
  view.plot_y = area_pos.y;
  view.plot_w = area.x;
  view.plot_h = area.y;
  view.plot_limits = Window{limits.x.min, limits.x.max, limits.y.min, limits.y.max};
  lab.scene.view = view.plot_limits;
  const float fb_scale = ImGui::GetIO().DisplayFramebufferScale.x;
  const GLuint texture =
      updateContour(lab, view, limits, int(area.x * fb_scale), int(area.y * fb_scale), theme);
  if (!texture) return;
  // ImGui 1.86 names textures by void*; the GL backend reads the GL name back out of it.
  plot::PlotImage("##field", reinterpret_cast<ImTextureID>(std::uintptr_t(texture)),  // NOLINT
                  limits.x.min, limits.y.min, limits.x.max, limits.y.max,
                  view.contour_source.c_str(), true, plot::Color{1, 1, 1, 1},
                  view.contour.field_image, true);  // shaded at the plot's pixel size
}

// The map: field, runs, known points, handles, the pinned inspector's axes; under it the colour
// bar and the reset-view button. Returns true when the runs changed.
bool drawContourView(OptimizerLab& lab, OptimizerLabView& view, Theme theme, ImVec2 size) {
  const ObjectiveInfo& info = lab.objective->info();
  // Under the plot: a line with the caption and the reset-view button. The colour bar is the
  // plot's own (a figure item, exported with it), in a strip under its x-axis label.
  const bool color_bar = lab.scene.contour.colorbar && view.contour.field_valid;
  const ImVec2 plot_size(size.x, std::max(size.y - ImGui::GetFrameHeightWithSpacing(), 50.0f));
  const plot::PlotFlags flags = plot::PlotFlags_EqualAspect | plot::PlotFlags_CallerOwnsLeftClick;
  if (!plot::BeginPlot("##contour", plot_size, flags)) return false;
  plot::SetupAxes(info.var_x.c_str(), info.var_y.c_str());
  if (color_bar) plot::SetupColorBar();
  // The scene's view when it was just set (a new function, "reset view", a loaded scene).
  const Window& target = lab.reset_view ? lab.scene.view : lab.home_view;
  plot::SetupAxesLimits(target.x_min, target.x_max, target.y_min, target.y_max,
                        lab.reset_view ? ImGuiCond_Always : ImGuiCond_Once);
  lab.reset_view = false;
  const bool changed = handleContourInput(lab, view);
  plotField(lab, view, theme);
  if (color_bar && view.contour.field_valid)
    plot::PlotColorBar(colorBar(lab.scene.contour, view.contour.mapping));
  plotRunsAndKnownPoints(lab, view, theme, plot::GetPlotLimits(), plot::GetPlotSize());
  if (lab.scene.pinned) plotCurvatureAxes(lab, plot::GetPlotLimits());
  view.hovering = plot::IsPlotHovered();
  if (view.hovering) {
    const plot::Point m = plot::GetPlotMousePos();
    view.hover = Vec2(m.x, m.y);
  }
  plot::EndPlot();
  if (!view.contour.error.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.95f, 0.4f, 0.3f, 1));
    ImGui::TextWrapped("Contour shader failed, showing trajectories only:\n%s",
                       view.contour.error.c_str());
    ImGui::PopStyleColor();
  }
  drawMapCaption(lab, view, color_bar, size.x);
  drawResetViewButton(lab, size.x);
  return changed;
}

}  // namespace

void drawOptimizerLab(OptimizerLab& lab, OptimizerLabView& view, plot::PlotContext& plots,
                      Theme theme, float dt, bool presentation) {
  plot::SetCurrentContext(&plots);
  timelineAdvance(lab.timeline, dt);
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  if (avail.x < 50 || avail.y < 50) return;  // a window too small to draw into
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const float font = ImGui::GetFontSize();
  // The right column keeps room for the inspector's name and value columns (about 17 em) on a
  // 1024-pixel projector; narrower windows (800 x 600, or 1024 x 768 at UI scale 1.5: about 40
  // em) give the map the room instead: the controls and the inspector's pairs wrap.
  // Presentation mode hides the controls: the map and the curves fill the window.
  const bool narrow = avail.x < 50 * font;
  const float controls_w =
      presentation ? -spacing
                   : std::clamp(avail.x * 0.26f, font * (narrow ? 15.0f : 18.0f), font * 26.0f);
  const float right_min = avail.x > 58 * font ? 17.0f : (narrow ? 11.0f : 12.0f);
  const float right_w = std::max((avail.x - controls_w) * 0.38f, font * right_min);
  const float center_w = std::max(avail.x - controls_w - right_w - 2 * spacing, font * 8.0f);

  collectRuns(lab, view.runs);
  if (advanceExpressionTyping(lab, dt)) requestRuns(lab, view.runs);
  if (!presentation) {
    ImGui::BeginChild("controls", ImVec2(controls_w, 0), false);
    if (drawOptimizerControls(lab)) requestRuns(lab, view.runs);
    ImGui::EndChild();
    ImGui::SameLine();
  }

  ImGui::BeginChild("contour view", ImVec2(center_w, 0), false,
                    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  if (presentation) drawTimelineButtons(lab.timeline);  // Play/Step/Rewind stay reachable
  drawContourView(lab, view, theme, ImGui::GetContentRegionAvail());
  ImGui::EndChild();
  ImGui::SameLine();

  ImGui::BeginChild("curves", ImVec2(0, 0), false);
  drawCurvesAndInspector(lab, view, !presentation);
  ImGui::EndChild();
}

}  // namespace gradlab
