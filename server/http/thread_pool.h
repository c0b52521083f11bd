#pragma once
// A fixed pool of worker threads with a bounded queue: queries run here, never
// on Pistache's network threads, and a full queue is refused (503), not queued
// without end.

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace bdis::server {

class ThreadPool {
 public:
  /// `threads` workers; at most `maxQueued` tasks waiting beyond the running ones.
  ThreadPool(unsigned threads, size_t maxQueued);
  /// Runs every queued task, then joins the workers.
  ~ThreadPool();
  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;

  /// Queues a task; false (and the task is not run) when the queue is full or the
  /// pool is stopping.
  bool trySubmit(std::function<void()> task);
  /// Tasks running or waiting.
  size_t load() const;
  /// Stops accepting tasks and waits until every accepted one has finished.
  void drain();

 private:
  void work();
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::condition_variable idle_;
  std::deque<std::function<void()>> queue_;
  std::vector<std::thread> workers_;
  size_t maxQueued_;
  size_t running_ = 0;
  bool stopping_ = false;
  bool accepting_ = true;
};

}  // namespace bdis::server
