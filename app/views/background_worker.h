// BackgroundWorker: one job at a time off the UI thread, the newest request first. A request
// made while a job runs waits, and replaces any older waiting one, so dragging a start never
// queues up stale work. Jobs finish in the order they were requested.
#pragma once

#include <chrono>
#include <future>
#include <optional>
#include <utility>

namespace gradlab {

template <class Request, class Result>
class BackgroundWorker {
 public:
  using Compute = Result (*)(const Request&);
  explicit BackgroundWorker(Compute compute) : compute_(compute) {}
  BackgroundWorker(const BackgroundWorker&) = delete;
  BackgroundWorker& operator=(const BackgroundWorker&) = delete;
  ~BackgroundWorker() {
    if (job_.valid()) job_.wait();  // bounded: one job
  }

  void request(Request request) { pending_ = std::move(request); }

  // Collects a finished job into `out` (returns true then) and starts waiting work. Call once
  // a frame.
  bool poll(Result& out) {
    bool finished = false;
    if (job_.valid() && job_.wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
      out = job_.get();
      finished = true;
    }
    if (!job_.valid() && pending_) {
      job_ = std::async(std::launch::async, [compute = compute_, request = std::move(*pending_)] {
        return compute(request);
      });
      pending_.reset();
    }
    return finished;
  }

  bool busy() const { return job_.valid() || pending_.has_value(); }

 private:
  Compute compute_;
  std::future<Result> job_;
  std::optional<Request> pending_;
};

}  // namespace gradlab
