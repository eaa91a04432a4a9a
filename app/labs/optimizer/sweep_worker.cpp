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

}  // namespace gradlab
