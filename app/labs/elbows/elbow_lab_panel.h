// The elbow lab as the app sees it (the Lab interface): its state, its view state, and the hooks
// render, export, bench-frames and --play use. Logic: elbow_lab.h; drawing: elbow_lab_ui.h.
#pragma once

#include <string>
#include <vector>

#include "app/labs/elbows/elbow_lab.h"
#include "app/labs/elbows/elbow_lab_ui.h"
#include "app/labs/lab.h"

namespace gradlab {

class ElbowLabPanel : public Lab {
 public:
  ElbowLabPanel();

  void reset() override;
  void draw(const LabFrame& frame) override;
  double secondsUntilChange() const override;
  bool play() override;
  bool togglePlay() override;
  bool stepForward() override;
  bool rewind() override;

  nlohmann::json saveScene() const override;
  std::string loadScene(const nlohmann::json& scene) override;
  std::string applyOptions(const std::vector<std::string>& args) override;  // elbow_options.h

  // elbows-fit (fit and elbow markers), elbows-loss, elbows-trace.
  std::vector<ExportFigure> exportFigures(Theme theme) const override;
  std::vector<LabCounter> counters() const override;
  // "fit_area_px: X Y W H", "fit_window: XMIN XMAX YMIN YMAX", then one line per unit:
  // "elbow J: X_DATA PIXEL_X dead|live U_J" (PIXEL_X in output pixels, "none" off the plot).
  void printReport(std::ostream& out, float pixel_scale) const override;

  ElbowLab& state() { return lab_; }
  const ElbowLabView& view() const { return view_; }

 private:
  ElbowLab lab_;
  ElbowLabView view_;
};

}  // namespace gradlab
