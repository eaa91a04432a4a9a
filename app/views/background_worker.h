// BackgroundWorker: one job at a time off the UI thread, the newest request first. A request
// made while a job runs waits, and replaces any older waiting one, so dragging a start never
// queues up stale work. Jobs finish in the order they were requested. When a job's result is
// ready the worker calls `wake` (the app passes glfwPostEmptyEvent), so a sleeping event loop
// draws the frame that collects it instead of polling.
#pragma once

#include <chrono>
#include <exception>
#include <future>
#include <optional>
#include <thread>
#include <utility>

namespace gradlab {

using WakeFunction = void (*)();

template <class Request, class Result>
class BackgroundWorker {
 public:
  using Compute = Result (*)(const Request&);
  explicit BackgroundWorker(Compute compute) : compute_(compute) {}
  BackgroundWorker(const BackgroundWorker&) = delete;
  BackgroundWorker& operator=(const BackgroundWorker&) = delete;
  ~BackgroundWorker() {
    if (thread_.joinable()) thread_.join();  // bounded: one job
  }

  // Called (from the worker thread) after each result is ready; nullptr: nobody is woken.
  void setWake(WakeFunction wake) { wake_ = wake; }

  // Starts the job at once when none runs; otherwise it waits for the running one.
  void request(Request request) {
    pending_ = std::move(request);
    startPending();
  }

  // Collects a finished job into `out` (returns true then) and starts waiting work. Call once
  // a frame.
  bool poll(Result& out) {
    bool finished = false;
    if (job_.valid() && job_.wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
      out = job_.get();
      thread_.join();
      finished = true;
    }
    startPending();
    return finished;
  }

  bool busy() const { return job_.valid() || pending_.has_value(); }

 private:
  void startPending() {
    if (!job_.valid() && pending_) {
      std::promise<Result> promise;
      job_ = promise.get_future();
      // The value is set before wake is called, so the frame it wakes finds the job ready.
      thread_ = std::thread([compute = compute_, wake = wake_, promise = std::move(promise),
                             request = std::move(*pending_)]() mutable {
        try {
          promise.set_value(compute(request));
        } catch (...) {  // e.g. out of memory: poll() rethrows it on the UI thread
          promise.set_exception(std::current_exception());
        }
        if (wake) wake();
      });
      pending_.reset();
    }
  }

  Compute compute_;
  WakeFunction wake_ = nullptr;
  std::future<Result> job_;
  std::thread thread_;
  std::optional<Request> pending_;
};

}  // namespace gradlab
