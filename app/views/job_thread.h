// JobThread: one long-lived thread that runs one job at a time, for work a frame hands off and
// the next frame waits for (the elbow lab trains the next frame's steps while this one is
// rasterized). The thread is made once: one made per frame cost the elbow lab about 2 ms in a
// quarter of its frames under llvmpipe (stack page faults and exit, on a 2-core VM).
//
// A job runs at idle priority, so it takes a core only when the frame's own threads (the UI's
// and llvmpipe's rasterizers) leave one free; wait() gives it normal priority first, so a busy
// machine cannot starve the frame that waits for it.
#pragma once

#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace gradlab {

class JobThread {
 public:
  JobThread();
  ~JobThread();  // waits for a running job
  JobThread(const JobThread&) = delete;
  JobThread& operator=(const JobThread&) = delete;

  // Starts `job` on the thread; a job still running is waited for first. The job must not throw.
  void start(std::function<void()> job);
  // Blocks until the job started last has finished (at once when there is none).
  void wait();

 private:
  void loop();
  void setPriority(bool idle);

  std::mutex mutex_;
  std::condition_variable changed_;
  std::function<void()> job_;  // to run
  bool busy_ = false;          // a job was started and has not finished
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace gradlab
