// JobThread. See job_thread.h.
#include "app/views/job_thread.h"

#include <pthread.h>
#include <sched.h>

#include <utility>

namespace gradlab {

JobThread::JobThread() : thread_([this] { loop(); }) {
  setPriority(true);
}

JobThread::~JobThread() {
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    stop_ = true;
  }
  changed_.notify_all();
  setPriority(false);  // a job still running finishes at normal priority
  thread_.join();
}

void JobThread::start(std::function<void()> job) {
  wait();
  setPriority(true);
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    job_ = std::move(job);
    busy_ = true;
  }
  changed_.notify_all();
}

void JobThread::wait() {
  std::unique_lock<std::mutex> lock(mutex_);
  if (!busy_) return;
  setPriority(false);
  changed_.wait(lock, [this] { return !busy_; });
}

void JobThread::loop() {
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    changed_.wait(lock, [this] { return stop_ || job_; });
    if (!job_) return;  // stop_, nothing left to run
    std::function<void()> job = std::move(job_);
    job_ = nullptr;
    lock.unlock();
    job();
    job = nullptr;  // what it holds is released before wait() returns
    lock.lock();
    busy_ = false;
    changed_.notify_all();
  }
}

// SCHED_IDLE needs no privilege; where it is refused the job simply runs at normal priority.
void JobThread::setPriority(bool idle) {
  const sched_param param{};
  pthread_setschedparam(thread_.native_handle(), idle ? SCHED_IDLE : SCHED_OTHER, &param);
}

}  // namespace gradlab
