// The Activation lab behind the Lab interface. See activation_lab_panel.h.
#include "app/labs/activations/activation_lab_panel.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <ostream>

#include "app/labs/activations/activation_figures.h"
#include "app/labs/activations/activation_options.h"
#include "app/labs/activations/activation_scene.h"

namespace gradlab {

ActivationLabPanel::ActivationLabPanel() {
  ActivationLabPanel::reset();  // not virtual dispatch: the object is still being made
}

void ActivationLabPanel::reset() {
  resetActivationLab(lab_);
}

void ActivationLabPanel::draw(const LabFrame& frame) {
  drawActivationLab(lab_, view_, *frame.plots, frame.theme, frame.presentation);
}

nlohmann::json ActivationLabPanel::saveScene() const {
  return activationSceneToJson(lab_.scene);
}

std::string ActivationLabPanel::loadScene(const nlohmann::json& scene) {
  return loadActivationScene(lab_, scene);
}

std::string ActivationLabPanel::applyOptions(const std::vector<std::string>& args) {
  return applyActivationOptions(lab_, args);
}

std::vector<ExportFigure> ActivationLabPanel::exportFigures(Theme theme) const {
  std::vector<ExportFigure> figures;
  const int count = lab_.scene.show_second ? 3 : 2;
  figures.reserve(std::size_t(count));
  for (int order = 0; order < count; ++order) {
    figures.push_back(
        {activationPlotFileName(order),
         [this, theme, order](const plot::Painter& painter, const plot::PixelRect& frame) {
           return activationFigure(lab_, order, theme, frame, painter);
         }});
  }
  return figures;
}

std::vector<LabCounter> ActivationLabPanel::counters() const {
  return {{"recomputes", lab_.version}};
}

void ActivationLabPanel::printReport(std::ostream& out, float s) const {
  for (int k = 0; k < 3; ++k) {
    if (!view_.drawn[k]) continue;
    char line[320];
    const plot::Limits& l = view_.limits[k];
    std::snprintf(line, sizeof line,
                  "activation_plot %d: %.2f %.2f %.2f %.2f | x %.17g %.17g | y %.17g %.17g\n", k,
                  view_.plot_x[k] * s, view_.plot_y[k] * s, view_.plot_w[k] * s,
                  view_.plot_h[k] * s, l.x.min, l.x.max, l.y.min, l.y.max);
    out << line;
  }
}

}  // namespace gradlab
