#pragma once
// Counters exported at /metrics in the Prometheus text format.

#include <atomic>
#include <cstdint>
#include <string>

namespace bdis::server {

class Metrics {
 public:
  /// Counts a finished request by route family and status class.
  void request(const std::string& route, int status, double seconds);
  void inFlight(int delta) { inFlight_ += delta; }
  void rejected() { ++rejected_; }
  /// The exposition text; `triples` is read from the store by the caller.
  std::string render(uint64_t triples) const;

 private:
  static constexpr int kRoutes = 6;  // sparql, update, store, search, other, health
  static constexpr int kClasses = 5;  // 1xx..5xx
  static int routeIndex(const std::string& route);
  std::atomic<uint64_t> counts_[kRoutes][kClasses] = {};
  std::atomic<uint64_t> micros_[kRoutes] = {};
  std::atomic<int64_t> inFlight_{0};
  std::atomic<uint64_t> rejected_{0};
};

}  // namespace bdis::server
