#pragma once
// A fixed pool of worker threads with a bounded queue: queries run here, never
// on Pistache's network threads, and a full queue is refused (503), not queued
// without end.
//
// A task is handed to one idle worker. When no other task is running, that worker
// is woken on the submitting thread's CPU: on a virtual machine, waking a thread
// on another, idle CPU costs tens of microseconds (the CPU has halted and its host
// must run it again), more than a small query takes. The worker widens its CPU set
// again as soon as it runs, so that a long task moves to a free CPU as usual;
// under load (tasks running) workers are woken wherever the kernel chooses.

#include <sched.h>

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
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
  struct Worker {
    std::thread thread;
    std::condition_variable wake;
    bool woken = false;   // handed a task by trySubmit
    bool pinned = false;  // its CPU set narrowed to the submitter's CPU
  };
  void work(Worker& self);
  mutable std::mutex mutex_;
  std::condition_variable idle_;
  std::deque<std::function<void()>> queue_;
  std::vector<std::unique_ptr<Worker>> workers_;
  std::vector<Worker*> waiting_;  // idle workers, the most recent last
  cpu_set_t cpus_;                // the process's CPU set at start
  size_t maxQueued_;
  size_t running_ = 0;
  bool stopping_ = false;
  bool accepting_ = true;
};

}  // namespace bdis::server
