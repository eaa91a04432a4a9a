// The Network lab as the app sees it (the Lab interface): its state and view, and the hooks
// render, export, bench-frames and the scene files use. The logic is in network_lab.h, the
// drawing in network_lab_ui.h.
#pragma once

#include <string>
#include <vector>

#include "app/labs/lab.h"
#include "app/labs/networks/network_lab.h"
#include "app/labs/networks/network_lab_ui.h"

namespace gradlab {

class NetworkLabPanel : public Lab {
 public:
  NetworkLabPanel();

  void reset() override;
  void draw(const LabFrame& frame) override;
  double secondsUntilChange() const override { return kNever; }  // nothing animates

  nlohmann::json saveScene() const override;
  std::string loadScene(const nlohmann::json& scene) override;
  // network_options.h
  std::string applyOptions(const std::vector<std::string>& args) override;

  // One figure per grid cell ("r1c2-relu-seed2"): see the README for why nine files.
  std::vector<ExportFigure> exportFigures(Theme theme) const override;
  std::vector<LabCounter> counters() const override;
  // Where each cell's plot area lies in output pixels and what it shows:
  // "network_cell R C: X Y W H | x X_MIN X_MAX | y Y_MIN Y_MAX | kinks N" (R, C from 0).
  void printReport(std::ostream& out, float pixel_scale) const override;
  // bench-frames --drag: a scripted slider change every frame (the fixed inputs re-drawn, so
  // all nine networks and their kinks are recomputed).
  bool scriptDrag(int frame, ImGuiIO& io) override;

  NetworkLab& state() { return lab_; }
  const NetworkLabView& view() const { return view_; }

 private:
  NetworkLab lab_;
  NetworkLabView view_;
};

}  // namespace gradlab
