// The Stochastic lab's state and logic (EXERCISES F1): the scene (data and experiment settings),
// the nine runs it gives, and the animation clock. No ImGui and no GL: every state change below
// is a function tested headless; stochastic_lab_ui.cpp draws the lab.
#pragma once

#include <string>
#include <vector>

#include "app/views/timeline.h"
#include "core/gaussian_sgd.h"

namespace gradlab {

// The lab's inputs, what a scene file stores. Always valid: the setters refuse bad values.
struct StochasticScene {
  GaussianSpec data;      // mean, covariance, N, seed (F1: 0, [[1, .5], [.5, 1]], 1000)
  GaussianSgdConfig sgd;  // step sizes, random starts per step size, iterations
};

struct StochasticLab {
  StochasticScene scene;
  // [Results] always those of `scene`: every setter recomputes what it invalidates, at once.
  GaussianSgdExperiment experiment;
  Mat2 true_precision = Mat2::Identity();  // Sigma^-1
  long runs_version = 0;                   // bumped whenever a run changes: views cache by it
  long runs_recomputed = 0;                // runs computed so far (a counter for bench-frames)
  // [Animation] views show iterates 0..shownIterate(); new runs are shown in full.
  Timeline timeline;
};

constexpr double kDefaultPlaySpeed = 1000;  // iterations per second: 10 s for the homework's run

// The homework's experiment, computed, every iterate shown.
void resetStochasticLab(StochasticLab& lab);

// [SECTION] Edits. Each returns "" and recomputes, or returns why the value is refused and
// changes nothing.
std::string setStepSize(StochasticLab& lab, int index, double step_size);  // one row only
std::string setStepSizes(StochasticLab& lab, const std::vector<double>& step_sizes);
std::string addStepSize(StochasticLab& lab, double step_size);
std::string removeStepSize(StochasticLab& lab, int index);
std::string setIterations(StochasticLab& lab, int iterations);
std::string setStartCount(StochasticLab& lab, int start_count);
std::string setSeed(StochasticLab& lab, std::uint64_t seed);
std::string setGaussian(StochasticLab& lab, const GaussianSpec& spec);  // data, then everything
std::string setScene(StochasticLab& lab, const StochasticScene& scene);

// [SECTION] What the views show
int stepSizeCount(const StochasticLab& lab);
int startCount(const StochasticLab& lab);
const PrecisionRun& runAt(const StochasticLab& lab, int step_index, int start_index);
// The last iterate the views show of this run (its last one unless the timeline is animated).
int shownIterate(const StochasticLab& lab, const PrecisionRun& run);
// The iterate the timeline points at, for labels: "iteration k".
int timelineIterate(const StochasticLab& lab);
// ||Sigma^-1 - P||_F^2 at the shown iterate (the homework's error once every iterate is shown).
double shownError(const StochasticLab& lab, const PrecisionRun& run);
// The table of shown errors, tab-separated with a header, as "Copy table" puts it on the
// clipboard: a row per step size, a column per start.
std::string errorTableText(const StochasticLab& lab);
// "start j" (1-based): a start keeps its colour and name across the step-size plots.
std::string startLabel(int start_index);
// A step size as the UI writes it: 1e-05 as "1e-5", 0.0003 as "3e-4".
std::string formatStepSize(double step_size);

}  // namespace gradlab
