// The Activation lab as the app sees it (the Lab interface): its state and view, and the hooks
// render, export and the scene files use. The logic is in activation_lab.h, the drawing in
// activation_lab_ui.h.
#pragma once

#include <string>
#include <vector>

#include "app/labs/activations/activation_lab.h"
#include "app/labs/activations/activation_lab_ui.h"
#include "app/labs/lab.h"

namespace gradlab {

class ActivationLabPanel : public Lab {
 public:
  ActivationLabPanel();

  void reset() override;
  void draw(const LabFrame& frame) override;
  double secondsUntilChange() const override { return kNever; }  // nothing animates

  nlohmann::json saveScene() const override;
  std::string loadScene(const nlohmann::json& scene) override;
  // activation_options.h
  std::string applyOptions(const std::vector<std::string>& args) override;

  std::vector<ExportFigure> exportFigures(Theme theme) const override;
  std::vector<LabCounter> counters() const override;
  // Where each plot lies in output pixels and what it shows:
  // "activation_plot K: X Y W H | x X_MIN X_MAX | y Y_MIN Y_MAX" (K = 0 f, 1 f', 2 f'').
  void printReport(std::ostream& out, float pixel_scale) const override;

  ActivationLab& state() { return lab_; }

 private:
  ActivationLab lab_;
  ActivationLabView view_;
};

}  // namespace gradlab
