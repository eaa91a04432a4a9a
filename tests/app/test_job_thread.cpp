// JobThread (app/views/job_thread.h): one job at a time on one long-lived thread; wait() returns
// only once the job has finished, and what the job wrote is then visible.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <thread>
#include <vector>

#include "app/views/job_thread.h"

namespace gradlab {
namespace {

TEST(JobThread, WaitReturnsOnceTheJobHasFinished) {
  JobThread thread;
  thread.wait();  // no job: returns at once
  std::vector<int> out;
  thread.start([&out] {
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
    out.push_back(1);
  });
  thread.wait();
  ASSERT_EQ(out.size(), 1u);  // written by the job, read here after wait()
  thread.wait();              // twice: still fine
}

TEST(JobThread, JobsRunOneAtATimeInTheOrderStarted) {
  JobThread thread;
  std::vector<int> order;
  std::atomic<int> running{0};
  bool overlapped = false;
  for (int k = 0; k < 50; ++k) {
    thread.start([&, k] {
      if (running.fetch_add(1) != 0) overlapped = true;
      order.push_back(k);
      running.fetch_sub(1);
    });
  }
  thread.wait();
  EXPECT_FALSE(overlapped);
  ASSERT_EQ(order.size(), 50u);
  for (int k = 0; k < 50; ++k) EXPECT_EQ(order[std::size_t(k)], k);
}

// The thread is made once: every job runs on the same one, not on the caller's.
TEST(JobThread, EveryJobRunsOnTheSameThread) {
  JobThread thread;
  std::vector<std::thread::id> ids;
  for (int k = 0; k < 5; ++k) {
    thread.start([&ids] { ids.push_back(std::this_thread::get_id()); });
    thread.wait();
  }
  ASSERT_EQ(ids.size(), 5u);
  for (const std::thread::id id : ids) {
    EXPECT_EQ(id, ids[0]);
    EXPECT_NE(id, std::this_thread::get_id());
  }
}

// Destroyed while a job runs: the job finishes, and what it captured is released.
TEST(JobThread, DestroyedWhileAJobRunsTheJobFinishes) {
  auto done = std::make_shared<std::atomic<bool>>(false);
  {
    JobThread thread;
    thread.start([done] {
      std::this_thread::sleep_for(std::chrono::milliseconds(30));
      *done = true;
    });
  }
  EXPECT_TRUE(*done);
  EXPECT_EQ(done.use_count(), 1);
}

}  // namespace
}  // namespace gradlab
