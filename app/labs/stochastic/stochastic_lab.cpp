// The Stochastic lab's logic. See stochastic_lab.h.
#include "app/labs/stochastic/stochastic_lab.h"

#include <Eigen/LU>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <string>
#include <utility>

#include "core/text_format.h"

namespace gradlab {

namespace {

void newRuns(StochasticLab& lab) {
  ++lab.runs_version;
  int last = 0;
  for (const PrecisionRun& run : lab.experiment.runs) last = std::max(last, run.size() - 1);
  // A run that stopped early still has the full iteration axis: the timeline spans the scene's.
  last = std::max(last, lab.scene.sgd.iterations);
  timelineNewRuns(lab.timeline, last);
}

void recomputeAll(StochasticLab& lab) {
  // New data and starts; the runs' storage is reused (no fresh pages to fault in).
  std::vector<PrecisionRun> storage = std::move(lab.experiment.runs);
  lab.experiment = prepareExperiment(lab.scene.data, lab.scene.sgd.start_count);
  lab.experiment.runs = std::move(storage);
  rerunAll(lab.experiment, lab.scene.sgd, lab.scene.data.seed);
  lab.true_precision = lab.scene.data.covariance.inverse();
  lab.runs_recomputed += static_cast<long>(lab.experiment.runs.size());
  newRuns(lab);
}

// Recomputes the runs only (the data and starts stay): after a step-size list or iteration edit.
void recomputeRuns(StochasticLab& lab) {
  rerunAll(lab.experiment, lab.scene.sgd, lab.scene.data.seed);
  lab.runs_recomputed += static_cast<long>(lab.experiment.runs.size());
  newRuns(lab);
}

}  // namespace

void resetStochasticLab(StochasticLab& lab) {
  lab = StochasticLab{};
  lab.timeline.speed = kDefaultPlaySpeed;
  recomputeAll(lab);
}

// [SECTION] Edits

std::string setStepSize(StochasticLab& lab, int index, double step_size) {
  if (index < 0 || index >= stepSizeCount(lab))
    return formatText("there is no step size %d", index + 1);
  GaussianSgdConfig config = lab.scene.sgd;
  config.step_sizes[static_cast<std::size_t>(index)] = step_size;
  const std::string error = config.validate();
  if (!error.empty()) return error;
  lab.scene.sgd = config;
  // Only this row's runs change: each start keeps its sample order (gaussian_sgd.h).
  rerunStepSize(lab.experiment, index, step_size, config.iterations, lab.scene.data.seed);
  const int starts = startCount(lab);
  lab.runs_recomputed += starts;
  newRuns(lab);
  return "";
}

std::string setStepSizes(StochasticLab& lab, const std::vector<double>& step_sizes) {
  GaussianSgdConfig config = lab.scene.sgd;
  config.step_sizes = step_sizes;
  const std::string error = config.validate();
  if (!error.empty()) return error;
  lab.scene.sgd = config;
  recomputeRuns(lab);
  return "";
}

std::string addStepSize(StochasticLab& lab, double step_size) {
  std::vector<double> list = lab.scene.sgd.step_sizes;
  list.push_back(step_size);
  return setStepSizes(lab, list);
}

std::string removeStepSize(StochasticLab& lab, int index) {
  if (index < 0 || index >= stepSizeCount(lab))
    return formatText("there is no step size %d", index + 1);
  std::vector<double> list = lab.scene.sgd.step_sizes;
  list.erase(list.begin() + index);
  return setStepSizes(lab, list);
}

std::string setIterations(StochasticLab& lab, int iterations) {
  GaussianSgdConfig config = lab.scene.sgd;
  config.iterations = iterations;
  const std::string error = config.validate();
  if (!error.empty()) return error;
  lab.scene.sgd = config;
  recomputeRuns(lab);
  return "";
}

std::string setStartCount(StochasticLab& lab, int start_count) {
  GaussianSgdConfig config = lab.scene.sgd;
  config.start_count = start_count;
  const std::string error = config.validate();
  if (!error.empty()) return error;
  lab.scene.sgd = config;
  recomputeAll(lab);
  return "";
}

std::string setSeed(StochasticLab& lab, std::uint64_t seed) {
  GaussianSpec spec = lab.scene.data;
  spec.seed = seed;
  return setGaussian(lab, spec);
}

std::string setGaussian(StochasticLab& lab, const GaussianSpec& spec) {
  const std::string error = spec.validate();
  if (!error.empty()) return error;
  lab.scene.data = spec;
  recomputeAll(lab);
  return "";
}

std::string setScene(StochasticLab& lab, const StochasticScene& scene) {
  std::string error = scene.data.validate();
  if (error.empty()) error = scene.sgd.validate();
  if (!error.empty()) return error;
  lab.scene = scene;
  recomputeAll(lab);
  return "";
}

// [SECTION] What the views show

int stepSizeCount(const StochasticLab& lab) {
  return static_cast<int>(lab.scene.sgd.step_sizes.size());
}

int startCount(const StochasticLab& lab) {
  return static_cast<int>(lab.experiment.starts.size());
}

const PrecisionRun& runAt(const StochasticLab& lab, int step_index, int start_index) {
  return lab.experiment.run(step_index, start_index);
}

int shownIterate(const StochasticLab& lab, const PrecisionRun& run) {
  return timelineShown(lab.timeline, run.size() - 1);
}

int timelineIterate(const StochasticLab& lab) {
  return timelineShown(lab.timeline, lab.timeline.last);
}

double shownError(const StochasticLab& lab, const PrecisionRun& run) {
  if (run.size() == 0) return std::numeric_limits<double>::quiet_NaN();
  return squaredFrobeniusError(
      lab.true_precision,
      precisionMatrix(run.precision[static_cast<std::size_t>(shownIterate(lab, run))]));
}

std::string errorTableText(const StochasticLab& lab) {
  std::string text = formatText("||Sigma^-1 - P||_F^2 at iteration %d", timelineIterate(lab));
  text += "\nstep size";
  for (int j = 0; j < startCount(lab); ++j) text += "\t" + startLabel(j);
  for (int s = 0; s < stepSizeCount(lab); ++s) {
    text += "\n" + formatStepSize(lab.scene.sgd.step_sizes[static_cast<std::size_t>(s)]);
    for (int j = 0; j < startCount(lab); ++j) {
      const PrecisionRun& run = runAt(lab, s, j);
      if (run.size() == 0) {
        text += "\tnot positive definite";
        continue;
      }
      // Full precision: the numbers the report quotes.
      text += formatText("\t%.17g", shownError(lab, run));
      if (run.status == PrecisionRunStatus::NotPositiveDefinite &&
          shownIterate(lab, run) == run.size() - 1)
        text += formatText(" (P not positive definite at iteration %d)", run.failed_iteration);
    }
  }
  return text + "\n";
}

std::string startLabel(int start_index) {
  return formatText("start %d", start_index + 1);
}

std::string formatStepSize(double step_size) {
  char text[32];
  // Small steps as the homework writes them: 1e-5, 3e-4, 2.5e-3; others as %g (0.01, 0.5).
  if (step_size > 0 && step_size < 0.01) {
    std::snprintf(text, sizeof text, "%.3e", step_size);
    std::string mantissa(text, std::strchr(text, 'e'));
    while (mantissa.back() == '0') mantissa.pop_back();
    if (mantissa.back() == '.') mantissa.pop_back();
    const int exponent = std::atoi(std::strchr(text, 'e') + 1);
    return mantissa + "e" + std::to_string(exponent);
  }
  std::snprintf(text, sizeof text, "%g", step_size);
  return text;
}

}  // namespace gradlab
