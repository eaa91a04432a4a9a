// The Stochastic lab's controls column: the timeline, the step sizes, iterations and starts, the
// data (mean, covariance, N, seed), with the homework's formulas as "(?)" notes.
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <string>

#include "app/labs/stochastic/stochastic_lab_ui.h"
#include "app/ui_widgets.h"

namespace gradlab {
namespace {

const ImVec4 kRefused(0.95f, 0.55f, 0.2f, 1.0f);

// Records an edit's outcome: a refusal stays under the controls until the next edit.
void noteEdit(StochasticLabView& view, const std::string& error) {
  view.edit_error = error;
}

void drawStepSizes(StochasticLab& lab, StochasticLabView& view) {
  ImGui::TextUnformatted("Step sizes");
  ImGui::SameLine();
  HelpMarker(
      "Stochastic gradient ASCENT on log L (EXERCISES F1), one sample per step:\n"
      "  P <- P + eta * (1/2) (P^-1 - x_i x_i^T)\n"
      "with x_i drawn in a shuffled order, every sample once per epoch.\n"
      "The gradient is the homework's matrix gradient (P's four entries\n"
      "independent); it is symmetric, so P stays symmetric. One plot per step size.");
  const int count = stepSizeCount(lab);
  int remove = -1;
  for (int s = 0; s < count; ++s) {
    ImGui::PushID(s);
    double eta = lab.scene.sgd.step_sizes[static_cast<std::size_t>(s)];
    const float remove_w =
        count > 1 ? ImGui::GetFrameHeight() + ImGui::GetStyle().ItemSpacing.x : 0;
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - remove_w -
                            ImGui::CalcTextSize("eta 9").x);
    char label[16];
    std::snprintf(label, sizeof label, "eta %d", s + 1);
    if (SliderLogDouble(label, &eta, 1e-6, 10)) noteEdit(view, setStepSize(lab, s, eta));
    if (count > 1) {
      ImGui::SameLine();
      if (ImGui::Button("x", ImVec2(ImGui::GetFrameHeight(), 0))) remove = s;
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("remove this step size");
    }
    ImGui::PopID();
  }
  if (remove >= 0) noteEdit(view, removeStepSize(lab, remove));
  ImGui::BeginDisabled(count >= 6);
  if (ImGui::Button("Add step size")) {
    const double largest =
        *std::max_element(lab.scene.sgd.step_sizes.begin(), lab.scene.sgd.step_sizes.end());
    noteEdit(view, addStepSize(lab, std::min(10.0, largest * 3)));
  }
  ImGui::EndDisabled();
}

void drawRunSettings(StochasticLab& lab, StochasticLabView& view) {
  const float width = ImGui::GetContentRegionAvail().x * 0.45f;
  int iterations = lab.scene.sgd.iterations;
  ImGui::SetNextItemWidth(width);
  ImGui::InputInt("iterations", &iterations, 0, 0);
  if (ImGui::IsItemDeactivatedAfterEdit() && iterations != lab.scene.sgd.iterations)
    noteEdit(view, setIterations(lab, iterations));
  int starts = lab.scene.sgd.start_count;
  ImGui::SetNextItemWidth(width);
  if (ImGui::InputInt("random starts", &starts, 1, 1) && starts != lab.scene.sgd.start_count)
    noteEdit(view, setStartCount(lab, starts));
  ImGui::PushTextWrapPos(0);
  ImGui::TextDisabled(
      "Each start: P0 = R diag(l1, l2) R^T, a random rotation R and l1, l2 uniform in "
      "[0.5, 2] x 2/trace(C): symmetric positive definite, condition <= 4, scaled to the data.");
  ImGui::PopTextWrapPos();
}

// A number box applied when left (Enter or a click away), never half-typed.
bool inputApplied(const char* label, double* value, float width) {
  ImGui::SetNextItemWidth(width);
  double v = *value;
  ImGui::InputDouble(label, &v, 0, 0, "%.6g");
  if (ImGui::IsItemDeactivatedAfterEdit() && v != *value) {
    *value = v;
    return true;
  }
  return false;
}

void drawData(StochasticLab& lab, StochasticLabView& view) {
  ImGui::TextUnformatted("Data");
  ImGui::SameLine();
  HelpMarker(
      "N samples x_i = mu + L z_i (L L^T = Sigma), z_i standard normal by Box-Muller on\n"
      "std::mt19937_64 (the same numbers on every run: std::normal_distribution differs\n"
      "between C++ libraries). The model knows mu, so\n"
      "  log L(P) = (N/2) log det P - (1/2) sum_i (x_i - mu)^T P (x_i - mu)\n"
      "and its maximizer is C^-1, C = (1/N) sum_i (x_i - mu)(x_i - mu)^T the sample\n"
      "covariance. The plots evaluate log L from C in O(1) per iteration.");
  GaussianSpec spec = lab.scene.data;
  const float label_w = ImGui::CalcTextSize("Sigma ").x;
  const float width =
      (ImGui::GetContentRegionAvail().x - label_w) / 2 - ImGui::GetStyle().ItemSpacing.x;
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("mu");
  ImGui::SameLine(label_w);
  bool changed = inputApplied("##mu1", &spec.mean(0), width);
  ImGui::SameLine();
  changed |= inputApplied("##mu2", &spec.mean(1), width);
  // Sigma as the 2x2 matrix it is; Sigma21 mirrors Sigma12 (a covariance is symmetric).
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Sigma");
  ImGui::SameLine(label_w);
  changed |= inputApplied("##s11", &spec.covariance(0, 0), width);
  ImGui::SameLine();
  double s12 = spec.covariance(0, 1);
  if (inputApplied("##s12", &s12, width)) {
    spec.covariance(0, 1) = spec.covariance(1, 0) = s12;
    changed = true;
  }
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + label_w);
  ImGui::BeginDisabled();
  double s21 = spec.covariance(1, 0);
  inputApplied("##s21", &s21, width);
  ImGui::EndDisabled();
  ImGui::SameLine();
  changed |= inputApplied("##s22", &spec.covariance(1, 1), width);
  int n = spec.sample_count;
  const float box_w = ImGui::GetContentRegionAvail().x * 0.45f;
  ImGui::SetNextItemWidth(box_w);
  ImGui::InputInt("samples N", &n, 0, 0);
  if (ImGui::IsItemDeactivatedAfterEdit() && n != spec.sample_count) {
    spec.sample_count = n;
    changed = true;
  }
  int seed = static_cast<int>(std::min<std::uint64_t>(spec.seed, 2147483647u));
  ImGui::SetNextItemWidth(box_w);
  ImGui::InputInt("##seed", &seed, 0, 0);
  if (ImGui::IsItemDeactivatedAfterEdit() && seed >= 0 &&
      static_cast<std::uint64_t>(seed) != spec.seed) {
    spec.seed = static_cast<std::uint64_t>(seed);
    changed = true;
  }
  ImGui::SameLine();
  if (ImGui::Button("new seed")) {
    spec.seed += 1;
    changed = true;
  }
  if (changed) noteEdit(view, setGaussian(lab, spec));
  if (ImGui::Button("Homework defaults")) {
    resetStochasticLab(lab);
    view.edit_error.clear();
  }
}

}  // namespace

void drawStochasticControls(StochasticLab& lab, StochasticLabView& view) {
  ImGui::PushTextWrapPos(0);
  ImGui::TextUnformatted("EXERCISES F1: SGD on a Gaussian's precision matrix");
  ImGui::TextDisabled(
      "Maximize log L(P) = (N/2) log det P - (1/2) sum x_i^T P x_i, one sample per step: "
      "P <- P + eta (1/2)(P^-1 - x_i x_i^T).");
  ImGui::PopTextWrapPos();
  ImGui::Separator();
  drawStepSizes(lab, view);
  ImGui::Spacing();
  drawRunSettings(lab, view);
  ImGui::Separator();
  drawData(lab, view);
  if (!view.edit_error.empty()) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(kRefused, "%s (kept the previous value)", view.edit_error.c_str());
    ImGui::PopTextWrapPos();
  }
}

}  // namespace gradlab
