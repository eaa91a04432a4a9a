// Background step-size sweeps. See sweep_worker.h.
#include "app/labs/optimizer/sweep_worker.h"

namespace gradlab {

SweepResult computeSweeps(const SweepRequest& request) {
  SweepResult result;
  result.version = request.version;
  result.per_start.reserve(request.starts.size());
  for (const Vec2& start : request.starts)
    result.per_start.push_back(
        stepSizeSweep(*request.objective, request.config, start, request.sweep));
  return result;
}

std::string sweepUnavailable(Method method) {
  if (method == Method::Newton)
    return "Newton takes full steps: it has no step size to sweep. Damped Newton sweeps its "
           "damping eta.";
  return "";
}

BestStep bestSweepStep(const SweepResult& sweeps) {
  BestStep best;
  const auto& runs = sweeps.per_start;
  if (runs.empty()) return best;
  for (std::size_t k = 0; k < runs[0].size(); ++k) {
    long total = 0;
    bool all = true;
    for (const std::vector<SweepPoint>& per_start : runs) {
      all = all && k < per_start.size() && per_start[k].status == RunStatus::Converged;
      if (all) total += per_start[k].iterations;
    }
    if (all && (!best.found || total < best.total_iterations)) {
      best.found = true;
      best.step_size = runs[0][k].step_size;
      best.total_iterations = total;
    }
  }
  return best;
}

SweepOutcome sweepOutcome(const SweepPoint& p) {
  switch (p.status) {
    case RunStatus::Converged:
      return SweepOutcome::Converged;
    case RunStatus::Plateau:
      return SweepOutcome::Plateau;
    case RunStatus::MaxIterations:
    case RunStatus::Stalled:
    case RunStatus::Running:
      return p.oscillating ? SweepOutcome::Oscillating : SweepOutcome::TooSlow;
    default:  // diverged, Newton impossible, a failed line search, an invalid config
      return SweepOutcome::Diverged;
  }
}

}  // namespace gradlab
