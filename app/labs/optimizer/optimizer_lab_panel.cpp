// The optimizer lab behind the Lab interface. See optimizer_lab_panel.h.
#include "app/labs/optimizer/optimizer_lab_panel.h"
#include "app/labs/lab_options.h"

#include <imgui.h>
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "app/labs/optimizer/optimizer_figures.h"
#include "app/labs/optimizer/optimizer_options.h"
#include "app/labs/optimizer/optimizer_scene.h"
#include "app/plot/plot_imgui.h"

namespace gradlab {

OptimizerLabPanel::OptimizerLabPanel() {
  OptimizerLabPanel::reset();  // not virtual dispatch: the object is still being made
}

void OptimizerLabPanel::reset() {
  resetOptimizerLab(lab_);
}

void OptimizerLabPanel::draw(const LabFrame& frame) {
  drawOptimizerLab(lab_, view_, *frame.plots, frame.theme, frame.dt, frame.presentation);
}

double OptimizerLabPanel::secondsUntilChange() const {
  return std::min(timelineSecondsToNextIterate(lab_.timeline), secondsUntilExpressionApplies(lab_));
}

bool OptimizerLabPanel::working() const {
  return view_.sweep_worker.busy() || view_.runs.worker.busy();
}

void OptimizerLabPanel::setWake(WakeFunction wake) {
  view_.runs.worker.setWake(wake);
  view_.sweep_worker.setWake(wake);
}

bool OptimizerLabPanel::play() {
  timelineNewRuns(lab_.timeline, longestRun(lab_));
  timelineTogglePlay(lab_.timeline);
  return lab_.timeline.playing;
}

// The animation reveals the runs' iterates one by one; reset shows iterate 0 of every run.
bool OptimizerLabPanel::togglePlay() {
  timelineTogglePlay(lab_.timeline);
  return true;
}

bool OptimizerLabPanel::stepForward() {
  timelineStep(lab_.timeline);
  return true;
}

bool OptimizerLabPanel::rewind() {
  timelineRewind(lab_.timeline);
  return true;
}

std::string OptimizerLabPanel::applyOptions(const std::vector<std::string>& args) {
  if (args.empty()) return "";
  CLI::App parser{"optimizer lab options"};
  OptimizerOptions options;
  addOptimizerOptions(parser, options);
  std::string problem = parseLabOptions(parser, args);
  if (!problem.empty()) return problem;
  return applyOptimizerOptions(lab_, options);
}

nlohmann::json OptimizerLabPanel::saveScene() const {
  return optimizerLabSceneToJson(lab_);
}

std::string OptimizerLabPanel::loadScene(const nlohmann::json& j) {
  return loadOptimizerScene(lab_, j);
}

std::vector<ExportFigure> OptimizerLabPanel::exportFigures(Theme theme) const {
  using Builder =
      plot::Figure (*)(const OptimizerLab&, const LabFigureOptions&, const plot::Painter&);
  const auto figure = [this, theme](const char* name, Builder build) {
    return ExportFigure{
        name, [this, theme, build](const plot::Painter& painter, const plot::PixelRect& frame) {
          LabFigureOptions options;
          options.theme = theme;
          options.frame = frame;
          return build(lab_, options, painter);
        }};
  };
  return {figure("map", mapFigure), figure("f", lossFigure), figure("grad-norm", gradNormFigure)};
}

std::uint64_t OptimizerLabPanel::pixelsVersion() const {
  return std::uint64_t(view_.contour.shades);  // the only texture it writes in place
}

std::vector<LabCounter> OptimizerLabPanel::counters() const {
  return {{"run_recomputes", lab_.runs_version},
          {"field_evaluations", view_.contour.field_evaluations},
          {"contour_shades", view_.contour.shades}};
}

void OptimizerLabPanel::printReport(std::ostream& out, float s) const {
  // Where the contour plot lies in output pixels and which data window it shows.
  char line[256];
  std::snprintf(line, sizeof line, "contour_area_px: %.2f %.2f %.2f %.2f\n", view_.plot_x * s,
                view_.plot_y * s, view_.plot_w * s, view_.plot_h * s);
  out << line;
  const Window& w = view_.plot_limits;
  std::snprintf(line, sizeof line, "contour_window: %.17g %.17g %.17g %.17g\n", w.x_min, w.x_max,
                w.y_min, w.y_max);
  out << line;
}

// Bench input: press on the first start's handle, then drag it around a circle.
bool OptimizerLabPanel::scriptDrag(int frame, ImGuiIO& io) {
  const Window& w = view_.plot_limits;
  if (view_.plot_w <= 0 || w.x_max <= w.x_min || lab_.scene.starts.empty()) return false;
  if (frame == 0) drag_center_ = lab_.scene.starts[0];
  const double radius = 0.12 * (w.x_max - w.x_min);
  const double angle = 0.05 * frame;
  const Vec2 target = frame == 0
                          ? drag_center_
                          : drag_center_ + radius * Vec2(std::cos(angle) - 1, std::sin(angle));
  io.MousePos =
      ImVec2(view_.plot_x + float((target.x() - w.x_min) / (w.x_max - w.x_min)) * view_.plot_w,
             view_.plot_y + float((w.y_max - target.y()) / (w.y_max - w.y_min)) * view_.plot_h);
  io.MouseDown[0] = true;
  return true;
}

}  // namespace gradlab
