// SweepWorker: step-size sweeps off the UI thread. The lab hands it a snapshot (objective,
// config, starts) whenever the runs change; the finished sweeps are picked up by a later frame.
#pragma once

#include <string>
#include <vector>

#include "app/views/background_worker.h"
#include "core/analysis.h"
#include "core/objective.h"
#include "core/run.h"

namespace gradlab {

struct SweepRequest {
  ObjectivePtr objective;  // immutable, safe to share with the worker
  RunConfig config;
  std::vector<Vec2> starts;
  SweepConfig sweep;
  int version = 0;  // the lab's runs_version this snapshot belongs to
};

struct SweepResult {
  std::vector<std::vector<SweepPoint>> per_start;  // per_start[i] belongs to starts[i]
  int version = -1;
};

// The sweeps themselves, on the calling thread (the worker's job; tests call it directly).
SweepResult computeSweeps(const SweepRequest& request);

// Whether the lab's current method has a step size to sweep: pure Newton takes full steps (its
// damped form sweeps the damping eta). "" when it does, else the sentence the sweep tab shows.
std::string sweepUnavailable(Method method);

// The step that converges from every start in the fewest iterations summed over the starts;
// found = false when no step of the sweep converges from all of them.
struct BestStep {
  bool found = false;
  double step_size = 0;
  long total_iterations = 0;
};
BestStep bestSweepStep(const SweepResult& sweeps);

// How each sweep point is drawn: converged points on the run's curve; the others as markers
// of their outcome, each at the iteration where its run stopped (diverged: the step at which it
// blew up; oscillating, too slow: the iteration cap; plateau: where the flat plain stopped it).
enum class SweepOutcome { Converged, Diverged, Oscillating, TooSlow, Plateau };
SweepOutcome sweepOutcome(const SweepPoint& point);

struct SweepWorker : BackgroundWorker<SweepRequest, SweepResult> {
  SweepWorker() : BackgroundWorker(&computeSweeps) {}
};

}  // namespace gradlab
