#include "server/http/thread_pool.h"

namespace bdis::server {

ThreadPool::ThreadPool(unsigned threads, size_t maxQueued) : maxQueued_(maxQueued) {
  if (threads == 0) threads = 1;
  for (unsigned i = 0; i < threads; ++i) workers_.emplace_back([this] { work(); });
}

ThreadPool::~ThreadPool() {
  drain();
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  for (auto& t : workers_) t.join();
}

bool ThreadPool::trySubmit(std::function<void()> task) {
  {
    std::lock_guard lock(mutex_);
    if (!accepting_ || queue_.size() >= maxQueued_) return false;
    queue_.push_back(std::move(task));
  }
  wake_.notify_one();
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

void ThreadPool::work() {
  for (;;) {
    std::function<void()> task;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;
      task = std::move(queue_.front());
      queue_.pop_front();
      ++running_;
    }
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
