// The Backprop lab behind the Lab interface. See backprop_lab_panel.h.
#include "app/labs/backprop/backprop_lab_panel.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <ostream>

#include "app/labs/backprop/backprop_figures.h"
#include "app/labs/backprop/backprop_options.h"
#include "app/labs/backprop/backprop_scene.h"

namespace gradlab {

BackpropLabPanel::BackpropLabPanel() {
  BackpropLabPanel::reset();  // not virtual dispatch: the object is still being made
}

void BackpropLabPanel::reset() {
  resetBackpropLab(lab_);
  view_ = BackpropLabView{};
}

void BackpropLabPanel::draw(const LabFrame& frame) {
  drawBackpropLab(lab_, view_, *frame.plots, frame.theme, frame.dt, frame.presentation);
}

nlohmann::json BackpropLabPanel::saveScene() const {
  return backpropSceneToJson(lab_.scene);
}

std::string BackpropLabPanel::loadScene(const nlohmann::json& scene) {
  std::string error = loadBackpropScene(lab_, scene);
  if (error.empty()) view_.expression_synced = -1;  // the formula box shows the loaded formula
  return error;
}

std::string BackpropLabPanel::applyOptions(const std::vector<std::string>& args) {
  std::string error = applyBackpropOptions(lab_, args);
  view_.expression_synced = -1;
  return error;
}

std::vector<ExportFigure> BackpropLabPanel::exportFigures(Theme theme) const {
  return {{"g3", [this, theme](const plot::Painter& painter, const plot::PixelRect& frame) {
             return crossEntropyFigure(lab_, theme, frame, painter);
           }}};
}

std::vector<LabCounter> BackpropLabPanel::counters() const {
  return {{"graph_recomputes", lab_.recomputes}};
}

void BackpropLabPanel::printReport(std::ostream& out, float s) const {
  if (!view_.graph.drawn) return;
  for (std::size_t i = 0; i < view_.graph.boxes.size(); ++i) {
    const NodeBox& b = view_.graph.boxes[i];
    char line[320];
    std::snprintf(line, sizeof line,
                  "graph_node %d %s: %.2f %.2f %.2f %.2f | value %.17g | grad %.17g\n", int(i),
                  lab_.graph.nodes[i].name.c_str(), b.x * s, b.y * s, b.w * s, b.h * s,
                  lab_.pass.values[i], lab_.pass.adjoints[i]);
    out << line;
  }
}

bool BackpropLabPanel::scriptDrag(int frame, ImGuiIO& /*io*/) {
  if (frame == 0) drag_start_ = lab_.scene.network;
  NetworkG1 network = drag_start_;
  network.x[0] += std::sin(0.05 * frame);
  return setNetwork(lab_, network).empty();
}

}  // namespace gradlab
