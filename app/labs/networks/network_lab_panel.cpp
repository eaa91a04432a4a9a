// The Network lab behind the Lab interface. See network_lab_panel.h.
#include "app/labs/networks/network_lab_panel.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <ostream>

#include "app/labs/networks/network_figures.h"
#include "app/labs/networks/network_options.h"
#include "app/labs/networks/network_scene.h"

namespace gradlab {

NetworkLabPanel::NetworkLabPanel() {
  NetworkLabPanel::reset();  // not virtual dispatch: the object is still being made
}

void NetworkLabPanel::reset() {
  resetNetworkLab(lab_);
}

void NetworkLabPanel::draw(const LabFrame& frame) {
  drawNetworkLab(lab_, view_, *frame.plots, frame.theme, frame.presentation);
}

nlohmann::json NetworkLabPanel::saveScene() const {
  return networkSceneToJson(lab_.scene);
}

std::string NetworkLabPanel::loadScene(const nlohmann::json& scene) {
  return loadNetworkScene(lab_, scene);
}

std::string NetworkLabPanel::applyOptions(const std::vector<std::string>& args) {
  return applyNetworkOptions(lab_, args);
}

std::vector<ExportFigure> NetworkLabPanel::exportFigures(Theme theme) const {
  std::vector<ExportFigure> figures;
  for (int r = 0; r < networkRows(lab_); ++r) {
    for (int c = 0; c < networkColumns(lab_); ++c) {
      figures.push_back(
          {networkCellFileName(lab_.scene, r, c),
           [this, theme, r, c](const plot::Painter& painter, const plot::PixelRect& frame) {
             return networkCellFigure(lab_, r, c, theme, frame, painter);
           }});
    }
  }
  return figures;
}

std::vector<LabCounter> NetworkLabPanel::counters() const {
  return {{"recomputes", lab_.version}, {"networks_evaluated", lab_.networks_evaluated}};
}

void NetworkLabPanel::printReport(std::ostream& out, float s) const {
  for (int r = 0; r < networkRows(lab_); ++r) {
    for (int c = 0; c < networkColumns(lab_); ++c) {
      const NetworkLabView::Placement& p = view_.cells[r * kNetworkMaxColumns + c];
      if (!p.drawn) continue;
      char line[320];
      std::snprintf(line, sizeof line,
                    "network_cell %d %d: %.2f %.2f %.2f %.2f | x %.17g %.17g | y %.17g %.17g | "
                    "kinks %d\n",
                    r, c, p.x * s, p.y * s, p.w * s, p.h * s, p.limits.x.min, p.limits.x.max,
                    p.limits.y.min, p.limits.y.max, int(networkCell(lab_, r, c).kinks.size()));
      out << line;
    }
  }
}

bool NetworkLabPanel::scriptDrag(int /*frame*/, ImGuiIO& /*io*/) {
  redrawFixedInputs(lab_);
  return true;
}

}  // namespace gradlab
