#include "server/http/thread_pool.h"

#include <pthread.h>

#include <algorithm>

namespace bdis::server {

ThreadPool::ThreadPool(unsigned threads, size_t maxQueued) : maxQueued_(maxQueued) {
  if (sched_getaffinity(0, sizeof cpus_, &cpus_) != 0) CPU_ZERO(&cpus_);
  if (threads == 0) threads = 1;
  for (unsigned i = 0; i < threads; ++i) workers_.push_back(std::make_unique<Worker>());
  for (auto& w : workers_) {
    Worker* self = w.get();
    w->thread = std::thread([this, self] { work(*self); });
  }
}

ThreadPool::~ThreadPool() {
  drain();
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  for (auto& w : workers_) w->wake.notify_one();
  for (auto& w : workers_) w->thread.join();
}

bool ThreadPool::trySubmit(std::function<void()> task) {
  Worker* worker = nullptr;
  {
    std::lock_guard lock(mutex_);
    if (!accepting_ || queue_.size() >= maxQueued_) return false;
    queue_.push_back(std::move(task));
    if (!waiting_.empty()) {
      worker = waiting_.back();
      waiting_.pop_back();
      worker->woken = true;
      int cpu = running_ == 0 ? sched_getcpu() : -1;
      // Only when no other task runs: under load, tasks spread over the CPUs.
      if (running_ == 0 && cpu >= 0 && CPU_COUNT(&cpus_) > 1) {
        cpu_set_t here;
        CPU_ZERO(&here);
        CPU_SET(cpu, &here);
        worker->pinned =
            pthread_setaffinity_np(worker->thread.native_handle(), sizeof here, &here) == 0;
      }
    }
  }
  if (worker) worker->wake.notify_one();
  return true;
}

size_t ThreadPool::load() const {
  std::lock_guard lock(mutex_);
  return queue_.size() + running_;
}

void ThreadPool::drain() {
  std::unique_lock lock(mutex_);
  accepting_ = false;
  idle_.wait(lock, [this] { return queue_.empty() && running_ == 0; });
}

void ThreadPool::work(Worker& self) {
  for (;;) {
    std::function<void()> task;
    bool pinned = false;
    {
      std::unique_lock lock(mutex_);
      while (queue_.empty() && !stopping_) {
        waiting_.push_back(&self);
        self.wake.wait(lock, [&] { return self.woken || stopping_; });
        if (!self.woken) waiting_.erase(std::find(waiting_.begin(), waiting_.end(), &self));
        self.woken = false;
        pinned = pinned || self.pinned;
        self.pinned = false;
      }
      if (queue_.empty()) return;
      task = std::move(queue_.front());
      queue_.pop_front();
      ++running_;
    }
    // Back to every CPU: a long task is free to move to an idle one.
    if (pinned) pthread_setaffinity_np(pthread_self(), sizeof cpus_, &cpus_);
    try {
      task();
    } catch (...) {
      // A task reports its own errors; one that escapes must not end the worker.
    }
    {
      std::lock_guard lock(mutex_);
      --running_;
      if (queue_.empty() && running_ == 0) idle_.notify_all();
    }
  }
}

}  // namespace bdis::server
