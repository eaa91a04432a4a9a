// The optimizer lab as the app sees it (the Lab interface): its state, its view caches, and the
// hooks render, bench-frames and --play use. The logic is in optimizer_lab.h, the drawing in
// optimizer_lab_ui.h.
#pragma once

#include <string>
#include <vector>

#include "app/labs/lab.h"
#include "app/labs/optimizer/optimizer_lab.h"
#include "app/labs/optimizer/optimizer_lab_ui.h"

namespace gradlab {

class OptimizerLabPanel : public Lab {
 public:
  OptimizerLabPanel();

  void reset() override;
  void draw(const LabFrame& frame) override;
  double secondsUntilChange() const override;
  void setWake(WakeFunction wake) override;
  bool working() const override;
  bool play() override;
  bool togglePlay() override;
  bool stepForward() override;
  bool rewind() override;

  nlohmann::json saveScene() const override;
  std::string loadScene(const nlohmann::json& scene) override;

  // --scene FILE (first), --function, --expr, --type-expr, --method, --lr, --start X,Y,
  // --compare, --pin X,Y, then --save-scene FILE (optimizer_options.h)
  std::string applyOptions(const std::vector<std::string>& args) override;

  std::vector<ExportFigure> exportFigures(Theme theme) const override;
  std::vector<LabCounter> counters() const override;
  std::uint64_t pixelsVersion() const override;
  void printReport(std::ostream& out, float pixel_scale) const override;
  bool scriptDrag(int frame, ImGuiIO& io) override;

  OptimizerLab& state() { return lab_; }
  const OptimizerLabView& view() const { return view_; }

 private:
  OptimizerLab lab_;
  OptimizerLabView view_;
  Vec2 drag_center_ = Vec2::Zero();
};

}  // namespace gradlab
