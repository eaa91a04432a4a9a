// RunWorker: a full recompute too long for one frame runs here, off the UI thread, while the
// views keep showing the previous runs. The lab hands it a snapshot of what the runs depend on; a
// finished job whose version is no longer the newest is dropped. (Since kMaxKeptIterates caps
// the iterations, every recompute of the lab's fits kFrameStepBudget: the worker serves only a
// scheduler with a lower frame_step_budget.)
#pragma once

#include <vector>

#include "app/labs/optimizer/optimizer_lab.h"
#include "app/views/background_worker.h"

namespace gradlab {

struct RunRequest {
  RunInputs inputs;
  int version = 0;  // the caller's request counter when this snapshot was taken
};

struct RunResult {
  std::vector<Trajectory> runs;
  int version = -1;
};

// The runs of a snapshot, on the calling thread (the worker's job).
RunResult computeRunResult(const RunRequest& request);

struct RunWorker : BackgroundWorker<RunRequest, RunResult> {
  RunWorker() : BackgroundWorker(&computeRunResult) {}
};

// Steps a full recompute may take in the frame that asks for it (about 5 ms of gradient
// steps on this machine); larger ones go to the worker.
constexpr long kFrameStepBudget = 200000;

// The lab's side of background recomputes: which request is the newest, whether one is under
// way. Changes go through these functions instead of recomputeRuns / recomputeRun.
struct RunScheduler {
  RunWorker worker;
  // The lab's recomputes stay under kFrameStepBudget since kMaxKeptIterates bounds them; the
  // worker serves a lower budget (tests lower it to exercise the worker).
  long frame_step_budget = kFrameStepBudget;
  int requested = 0;     // request counter: a finished job of an older request is dropped
  bool pending = false;  // a background recompute is under way: the runs shown are older
};

// After a change to the objective, the config or every start: recomputes now when it fits the
// frame budget, else sends a snapshot to the worker and keeps the previous runs on show.
void requestRuns(OptimizerLab& lab, RunScheduler& scheduler);
// After start i moved or was added: reruns it now (one run always fits a frame). In compare
// mode, or while a background recompute of older inputs is under way, everything is requested.
void requestRun(OptimizerLab& lab, RunScheduler& scheduler, int start);
// After removeStart(): a background recompute of the old starts is replaced by a new one.
void startsRemoved(OptimizerLab& lab, RunScheduler& scheduler);
// Takes a finished background recompute when it is the newest request; true when lab.runs
// changed. Call once a frame.
bool collectRuns(OptimizerLab& lab, RunScheduler& scheduler);

}  // namespace gradlab
