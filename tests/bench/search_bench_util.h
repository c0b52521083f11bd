#pragma once
// What the search benchmark programs share: a row-counting sink, wall-clock
// milliseconds, and timed query runs (one, or the median of several).

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "rdf/store.h"
#include "sparql/engine.h"

namespace bdis::bench {

using Clock = std::chrono::steady_clock;

/// A result sink that only counts rows.
struct CountRows : sparql::ResultSink {
  uint64_t rows = 0;
  void begin(sparql::QueryForm, const std::vector<std::string>&) override {}
  void row(std::span<const rdf::TermView>) override { ++rows; }
  void boolean(bool) override {}
  void triple(const rdf::QuadView&) override {}
  void end() override {}
};

/// Milliseconds since `start`.
inline double msSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

/// Runs `text` (a whole query, prefixes included) once in a new read transaction:
/// wall time of executeQuery in ms, and the row count.
inline std::pair<double, uint64_t> timeQuery(const rdf::Store& store, const std::string& text) {
  auto txn = store.beginRead();
  sparql::QueryRequest req;
  req.text = text;
  CountRows sink;
  auto start = Clock::now();
  sparql::executeQuery(*txn, req, sink);
  return {msSince(start), sink.rows};
}

/// Median wall time in ms of `runs` runs of timeQuery, and the row count.
inline std::pair<double, uint64_t> medianQuery(const rdf::Store& store, const std::string& text,
                                               int runs) {
  std::vector<double> ms;
  uint64_t rows = 0;
  for (int i = 0; i < runs; ++i) {
    auto [m, r] = timeQuery(store, text);
    ms.push_back(m);
    rows = r;
  }
  std::sort(ms.begin(), ms.end());
  return {ms[ms.size() / 2], rows};
}

}  // namespace bdis::bench
