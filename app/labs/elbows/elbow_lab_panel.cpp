// The elbow lab behind the Lab interface. See elbow_lab_panel.h.
#include "app/labs/elbows/elbow_lab_panel.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "app/labs/elbows/elbow_figures.h"
#include "app/labs/elbows/elbow_options.h"
#include "app/labs/elbows/elbow_scene.h"

namespace gradlab {

ElbowLabPanel::ElbowLabPanel() {
  ElbowLabPanel::reset();  // not virtual dispatch: the object is still being made
}

void ElbowLabPanel::reset() {
  resetElbowLab(lab_);
  view_ = ElbowLabView{};
}

void ElbowLabPanel::draw(const LabFrame& frame) {
  drawElbowLab(lab_, view_, *frame.plots, frame.theme, frame.dt, frame.presentation);
  trainAhead(lab_, frame.dt);  // while this frame is rasterized
}

// Only the two clocks move the pictures: a frame when either's step changes.
double ElbowLabPanel::secondsUntilChange() const {
  return std::min(timelineSecondsToNextIterate(lab_.timeline),
                  timelineSecondsToNextIterate(lab_.unit_timeline));
}

bool ElbowLabPanel::play() {
  if (lab_.scene.one_unit_tab) {
    timelineRewind(lab_.unit_timeline);
    timelineTogglePlay(lab_.unit_timeline);
    return lab_.unit_timeline.playing;
  }
  timelineRewind(lab_.timeline);
  syncTraining(lab_);
  timelineTogglePlay(lab_.timeline);
  return lab_.timeline.playing;
}

// The animation is training: the network's SGD steps (or, on the one-unit tab, the single unit's
// steps). Reset goes back to step 0, the untrained network; the same seed retrains it identically.
bool ElbowLabPanel::togglePlay() {
  if (lab_.scene.one_unit_tab) {
    timelineTogglePlay(lab_.unit_timeline);
    return true;
  }
  timelineTogglePlay(lab_.timeline);
  syncTraining(lab_);
  return true;
}

bool ElbowLabPanel::stepForward() {
  if (lab_.scene.one_unit_tab) {
    timelineStep(lab_.unit_timeline);
    return true;
  }
  timelineStep(lab_.timeline);
  syncTraining(lab_);
  return true;
}

bool ElbowLabPanel::rewind() {
  if (lab_.scene.one_unit_tab) {
    timelineRewind(lab_.unit_timeline);
    return true;
  }
  timelineRewind(lab_.timeline);
  syncTraining(lab_);
  return true;
}

nlohmann::json ElbowLabPanel::saveScene() const {
  return elbowLabSceneToJson(lab_);
}

std::string ElbowLabPanel::loadScene(const nlohmann::json& scene) {
  return loadElbowScene(lab_, scene);
}

std::string ElbowLabPanel::applyOptions(const std::vector<std::string>& args) {
  return applyElbowOptions(lab_, args);
}

// What the open tab shows: E1's unit, or the network's fit, loss and elbow trace.
std::vector<ExportFigure> ElbowLabPanel::exportFigures(Theme theme) const {
  if (lab_.scene.one_unit_tab)
    return {{"unit", [this, theme](const plot::Painter& p, const plot::PixelRect& f) {
               return unitFigure(lab_, theme, f, p);
             }}};
  return {
      {"fit", [this, theme](const plot::Painter& p,
                            const plot::PixelRect& f) { return fitFigure(lab_, theme, f, p); }},
      {"loss", [this, theme](const plot::Painter& p,
                             const plot::PixelRect& f) { return lossFigure(lab_, theme, f, p); }},
      {"trace", [this, theme](const plot::Painter& p,
                              const plot::PixelRect& f) { return traceFigure(lab_, theme, f, p); }},
  };
}

std::vector<LabCounter> ElbowLabPanel::counters() const {
  return {{"steps_trained", lab_.steps_trained},
          {"steps_trained_ahead", lab_.steps_trained_ahead},
          {"replays", lab_.replays},
          {"params_version", lab_.params_version}};
}

void ElbowLabPanel::printReport(std::ostream& out, float s) const {
  char line[256];
  std::snprintf(line, sizeof line, "fit_area_px: %.2f %.2f %.2f %.2f\n", view_.fit_x * s,
                view_.fit_y * s, view_.fit_w * s, view_.fit_h * s);
  out << line;
  const plot::Limits& w = view_.fit_limits;
  std::snprintf(line, sizeof line, "fit_window: %.17g %.17g %.17g %.17g\n", w.x.min, w.x.max,
                w.y.min, w.y.max);
  out << line;
  std::snprintf(line, sizeof line, "step: %ld\n", shownStep(lab_));
  out << line;
  const VecX& params = shownParams(lab_);
  const std::vector<bool> dead = deadUnits(params, lab_.data);
  for (int j = 0; j < reluNetUnits(params); ++j) {
    const double e = elbowOf(params, j);
    const char* state = dead[std::size_t(j)] ? "dead" : "live";
    const double u = params(2 * reluNetUnits(params) + j);
    if (!view_.fit_drawn || !std::isfinite(e) || e < w.x.min || e > w.x.max) {
      std::snprintf(line, sizeof line, "elbow %d: %.17g none %s %.17g\n", j, e, state, u);
    } else {
      const double px = (view_.fit_x + (e - w.x.min) / (w.x.max - w.x.min) * view_.fit_w) * s;
      std::snprintf(line, sizeof line, "elbow %d: %.17g %.2f %s %.17g\n", j, e, px, state, u);
    }
    out << line;
  }
}

}  // namespace gradlab
