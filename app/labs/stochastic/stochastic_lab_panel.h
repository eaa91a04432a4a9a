// The Stochastic lab as the app sees it (the Lab interface): its state, its view state, and the
// hooks render, export, bench-frames and --play use. Logic: stochastic_lab.h; drawing:
// stochastic_lab_ui.h.
#pragma once

#include <string>
#include <vector>

#include "app/labs/lab.h"
#include "app/labs/stochastic/stochastic_lab.h"
#include "app/labs/stochastic/stochastic_lab_ui.h"

namespace gradlab {

class StochasticLabPanel : public Lab {
 public:
  StochasticLabPanel();

  void reset() override;
  void draw(const LabFrame& frame) override;
  double secondsUntilChange() const override;
  bool play() override;
  bool togglePlay() override;
  bool stepForward() override;
  bool rewind() override;

  nlohmann::json saveScene() const override;
  std::string loadScene(const nlohmann::json& scene) override;
  std::string applyOptions(const std::vector<std::string>& args) override;

  // stochastic-objective-1..3 (one per step size) and stochastic-ellipses.
  std::vector<ExportFigure> exportFigures(Theme theme) const override;
  // stochastic-errors: the nine ||Sigma^-1 - P_hat||^2 of EXERCISES F1, as the table shows them.
  std::vector<ExportTable> exportTables() const override;
  std::vector<LabCounter> counters() const override;
  void printReport(std::ostream& out, float pixel_scale) const override;
  std::uint64_t pixelsVersion() const override { return view_.samples.version(); }

  StochasticLab& state() { return lab_; }
  const StochasticLabView& view() const { return view_; }

 private:
  StochasticLab lab_;
  StochasticLabView view_;
};

}  // namespace gradlab
