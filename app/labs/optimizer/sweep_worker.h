// SweepWorker: step-size sweeps off the UI thread. The lab hands it a snapshot (objective,
// config, starts) whenever the runs change; the finished sweeps are picked up by a later frame.
#pragma once

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

struct SweepWorker : BackgroundWorker<SweepRequest, SweepResult> {
  SweepWorker() : BackgroundWorker(&computeSweeps) {}
};

}  // namespace gradlab
