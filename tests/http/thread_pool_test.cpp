// The query worker pool: every accepted task runs, a full queue refuses, drain
// waits for what was accepted, and idle workers are handed tasks one by one.

#include "server/http/thread_pool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <condition_variable>
#include <mutex>

namespace bdis::test {
namespace {

using server::ThreadPool;

TEST(ThreadPool, EveryAcceptedTaskRunsBeforeDrainReturns) {
  std::atomic<int> ran{0};
  ThreadPool pool(3, 1000);
  int accepted = 0;
  for (int i = 0; i < 500; ++i) accepted += pool.trySubmit([&] { ++ran; }) ? 1 : 0;
  pool.drain();
  EXPECT_EQ(accepted, 500);
  EXPECT_EQ(ran.load(), 500);
  EXPECT_FALSE(pool.trySubmit([] {}));  // drained: no more tasks
}

TEST(ThreadPool, AFullQueueRefusesAndTasksRunOnEveryWorker) {
  std::mutex mutex;
  std::condition_variable cv;
  bool release = false;
  int started = 0;
  std::atomic<int> ran{0};
  ThreadPool pool(2, 2);
  auto blocker = [&] {
    std::unique_lock lock(mutex);
    ++started;
    cv.notify_all();
    cv.wait(lock, [&] { return release; });
    ++ran;
  };
  ASSERT_TRUE(pool.trySubmit(blocker));
  ASSERT_TRUE(pool.trySubmit(blocker));
  {
    // Both workers hold a task at once: each was handed one.
    std::unique_lock lock(mutex);
    cv.wait(lock, [&] { return started == 2; });
  }
  EXPECT_TRUE(pool.trySubmit([&] { ++ran; }));
  EXPECT_TRUE(pool.trySubmit([&] { ++ran; }));
  EXPECT_FALSE(pool.trySubmit([&] { ++ran; }));  // two waiting beyond the running ones
  EXPECT_EQ(pool.load(), 4u);
  {
    std::lock_guard lock(mutex);
    release = true;
  }
  cv.notify_all();
  pool.drain();
  EXPECT_EQ(ran.load(), 4);
  EXPECT_EQ(pool.load(), 0u);
}

TEST(ThreadPool, ATaskThatThrowsDoesNotEndItsWorker) {
  std::atomic<int> ran{0};
  ThreadPool pool(1, 10);
  EXPECT_TRUE(pool.trySubmit([] { throw std::runtime_error("boom"); }));
  EXPECT_TRUE(pool.trySubmit([&] { ++ran; }));
  pool.drain();
  EXPECT_EQ(ran.load(), 1);
}

TEST(ThreadPool, DestroyedWhileIdle) {
  for (int i = 0; i < 20; ++i) {
    ThreadPool pool(4, 4);
    if (i % 2) {
      EXPECT_TRUE(pool.trySubmit([] {}));
    }
  }
}

}  // namespace
}  // namespace bdis::test
