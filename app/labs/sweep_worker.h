// SweepWorker: step-size sweeps off the UI thread. The lab hands it a snapshot (objective,
// config, starts) whenever the runs change; the finished sweeps are picked up by a later frame.
// A request made while a job runs waits and replaces any older waiting one, so dragging a start
// never queues up stale work.
#pragma once

#include <future>
#include <optional>
#include <vector>

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

class SweepWorker {
 public:
  SweepWorker() = default;
  SweepWorker(const SweepWorker&) = delete;
  SweepWorker& operator=(const SweepWorker&) = delete;
  ~SweepWorker();  // waits for a running job (bounded: one sweep)

  void request(SweepRequest request);
  // Starts waiting work and collects finished work. Returns true when `out` was replaced by a
  // newer result. Call once a frame.
  bool poll(SweepResult& out);
  bool busy() const { return job_.valid() || pending_.has_value(); }

 private:
  std::future<SweepResult> job_;
  std::optional<SweepRequest> pending_;
};

// The sweeps themselves, on the calling thread (the worker's job; tests call it directly).
SweepResult computeSweeps(const SweepRequest& request);

}  // namespace gradlab
