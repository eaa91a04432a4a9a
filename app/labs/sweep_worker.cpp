// Background step-size sweeps. See sweep_worker.h.
#include "app/labs/sweep_worker.h"

#include <chrono>

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

SweepWorker::~SweepWorker() {
  if (job_.valid()) job_.wait();
}

void SweepWorker::request(SweepRequest request) {
  pending_ = std::move(request);
}

bool SweepWorker::poll(SweepResult& out) {
  bool updated = false;
  if (job_.valid() && job_.wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
    SweepResult done = job_.get();
    if (done.version > out.version) {
      out = std::move(done);
      updated = true;
    }
  }
  if (!job_.valid() && pending_) {
    job_ = std::async(std::launch::async,
                      [request = std::move(*pending_)] { return computeSweeps(request); });
    pending_.reset();
  }
  return updated;
}

}  // namespace gradlab
