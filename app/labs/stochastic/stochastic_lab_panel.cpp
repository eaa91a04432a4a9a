// The Stochastic lab behind the Lab interface. See stochastic_lab_panel.h.
#include "app/labs/stochastic/stochastic_lab_panel.h"

#include <cstdio>
#include <nlohmann/json.hpp>

#include "app/labs/stochastic/stochastic_figures.h"
#include "app/labs/stochastic/stochastic_options.h"
#include "app/labs/stochastic/stochastic_scene.h"
#include "app/plot/figure_csv.h"

namespace gradlab {

StochasticLabPanel::StochasticLabPanel() {
  StochasticLabPanel::reset();  // not virtual dispatch: the object is still being made
}

void StochasticLabPanel::reset() {
  resetStochasticLab(lab_);
  view_ = StochasticLabView{};
}

void StochasticLabPanel::draw(const LabFrame& frame) {
  drawStochasticLab(lab_, view_, *frame.plots, frame.theme, frame.dt, frame.presentation);
}

// Only the timeline moves the pictures: a frame when the revealed iterate changes.
double StochasticLabPanel::secondsUntilChange() const {
  return timelineSecondsToNextIterate(lab_.timeline);
}

bool StochasticLabPanel::play() {
  timelineRewind(lab_.timeline);
  timelineTogglePlay(lab_.timeline);
  return lab_.timeline.playing;
}

// The animation reveals the stochastic runs' iterations (and their ellipses) one by one; reset
// shows iteration 0.
bool StochasticLabPanel::togglePlay() {
  timelineTogglePlay(lab_.timeline);
  return true;
}

bool StochasticLabPanel::stepForward() {
  timelineStep(lab_.timeline);
  return true;
}

bool StochasticLabPanel::rewind() {
  timelineRewind(lab_.timeline);
  return true;
}

nlohmann::json StochasticLabPanel::saveScene() const {
  return stochasticLabSceneToJson(lab_);
}

std::string StochasticLabPanel::loadScene(const nlohmann::json& scene) {
  return loadStochasticScene(lab_, scene);
}

std::string StochasticLabPanel::applyOptions(const std::vector<std::string>& args) {
  return applyStochasticOptions(lab_, args);
}

std::vector<ExportFigure> StochasticLabPanel::exportFigures(Theme theme) const {
  std::vector<ExportFigure> figures;
  figures.reserve(std::size_t(stepSizeCount(lab_)) + 1);
  for (int s = 0; s < stepSizeCount(lab_); ++s) {
    figures.push_back(
        {"objective-" + std::to_string(s + 1),
         [this, theme, s](const plot::Painter& painter, const plot::PixelRect& frame) {
           return objectiveFigure(lab_, s, theme, frame, painter);
         }});
  }
  figures.push_back(
      {"ellipses", [this, theme](const plot::Painter& painter, const plot::PixelRect& frame) {
         return ellipseFigure(lab_, theme, frame, painter);
       }});
  return figures;
}

// EXERCISES F1's nine estimation errors as the lab's table shows them (at the shown iterate):
// a row per step size, a column per start, full precision; empty where P was never positive
// definite.
std::vector<ExportTable> StochasticLabPanel::exportTables() const {
  ExportTable table;
  table.name = "errors";
  table.header = {"step_size", "iteration"};
  for (int j = 0; j < startCount(lab_); ++j) table.header.push_back(startLabel(j));
  for (int s = 0; s < stepSizeCount(lab_); ++s) {
    std::vector<std::string> row = {plot::CsvNumber(lab_.scene.sgd.step_sizes[std::size_t(s)]),
                                    std::to_string(timelineIterate(lab_))};
    for (int j = 0; j < startCount(lab_); ++j) {
      const PrecisionRun& run = runAt(lab_, s, j);
      row.push_back(run.size() == 0 ? "" : plot::CsvNumber(shownError(lab_, run)));
    }
    table.rows.push_back(std::move(row));
  }
  return {table};
}

std::vector<LabCounter> StochasticLabPanel::counters() const {
  return {{"runs_recomputed", lab_.runs_recomputed}, {"runs_version", lab_.runs_version}};
}

void StochasticLabPanel::printReport(std::ostream& out, float s) const {
  // Where the ellipse plot lies in output pixels and which data window it shows.
  char line[256];
  std::snprintf(line, sizeof line, "ellipse_area_px: %.2f %.2f %.2f %.2f\n", view_.ellipse_x * s,
                view_.ellipse_y * s, view_.ellipse_w * s, view_.ellipse_h * s);
  out << line;
  const plot::Limits& w = view_.ellipse_limits;
  std::snprintf(line, sizeof line, "ellipse_window: %.17g %.17g %.17g %.17g\n", w.x.min, w.x.max,
                w.y.min, w.y.max);
  out << line;
}

}  // namespace gradlab
