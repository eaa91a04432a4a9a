// The Backprop lab as the app sees it (the Lab interface): its state and view, and the hooks
// render, export and the scene files use. Logic: backprop_lab.h; drawing: backprop_lab_ui.h.
#pragma once

#include <string>
#include <vector>

#include "app/labs/backprop/backprop_lab.h"
#include "app/labs/backprop/backprop_lab_ui.h"
#include "app/labs/lab.h"

namespace gradlab {

class BackpropLabPanel : public Lab {
 public:
  BackpropLabPanel();

  void reset() override;
  void draw(const LabFrame& frame) override;
  // Nothing animates; a typed formula applies when typing pauses.
  double secondsUntilChange() const override { return lab_.expression_typing.secondsLeft(); }

  nlohmann::json saveScene() const override;
  std::string loadScene(const nlohmann::json& scene) override;
  // backprop_options.h
  std::string applyOptions(const std::vector<std::string>& args) override;

  // backprop-g3: the cross-entropy against the true class's logit.
  std::vector<ExportFigure> exportFigures(Theme theme) const override;
  std::vector<LabCounter> counters() const override;
  // One line per drawn node, in output pixels, with its forward value and adjoint:
  // "graph_node I NAME: X Y W H | value V | grad G".
  void printReport(std::ostream& out, float pixel_scale) const override;
  // bench-frames --drag: G1's input x1 moves every frame, as typing or dragging a value would, so
  // every forward value and gradient of the graph changes.
  bool scriptDrag(int frame, ImGuiIO& io) override;

  BackpropLab& state() { return lab_; }

 private:
  BackpropLab lab_;
  BackpropLabView view_;
  NetworkG1 drag_start_;  // scriptDrag's network at its first frame
};

}  // namespace gradlab
