// Background recomputes of the optimizer lab's runs. See run_worker.h.
#include "app/labs/optimizer/run_worker.h"

namespace gradlab {

RunResult computeRunResult(const RunRequest& request) {
  RunResult result;
  result.version = request.version;
  computeRuns(request.inputs, result.runs);
  return result;
}

void requestRuns(OptimizerLab& lab, RunScheduler& s) {
  ++s.requested;  // whatever is under way is now stale
  if (fullRecomputeSteps(lab) <= s.frame_step_budget) {
    recomputeRuns(lab);
    s.pending = false;
    return;
  }
  s.worker.request({runInputs(lab), s.requested});
  s.pending = true;
}

void requestRun(OptimizerLab& lab, RunScheduler& s, int start) {
  if (lab.scene.compare) {
    requestRuns(lab, s);  // every compare run starts from the moved point
    return;
  }
  recomputeRun(lab, start);
  // The job under way computes the old starts: ask again, so its result cannot undo this run.
  if (s.pending) requestRuns(lab, s);
}

void startsRemoved(OptimizerLab& lab, RunScheduler& s) {
  if (s.pending) requestRuns(lab, s);
}

bool collectRuns(OptimizerLab& lab, RunScheduler& s) {
  RunResult result;
  if (!s.worker.poll(result) || result.version != s.requested) return false;
  lab.runs = std::move(result.runs);
  runsChanged(lab);
  s.pending = false;
  return true;
}

}  // namespace gradlab
