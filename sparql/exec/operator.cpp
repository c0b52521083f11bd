#include "sparql/exec/operator.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace bdis::sparql::exec {

namespace {

/// Adds the time from its construction to its destruction to a counter, if asked.
class Timer {
 public:
  Timer(bool on, uint64_t& total) : total_(on ? &total : nullptr) {
    if (total_) start_ = std::chrono::steady_clock::now();
  }
  ~Timer() {
    if (total_)
      *total_ += static_cast<uint64_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(
                                           std::chrono::steady_clock::now() - start_)
                                           .count());
  }
  Timer(const Timer&) = delete;
  Timer& operator=(const Timer&) = delete;

 private:
  uint64_t* total_;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace

void Operator::open(const rdf::TermId* seed) {
  Timer timer(ctx_.timeOperators, nanos_);
  ++opens_;
  doOpen(seed);
}

bool Operator::next(Batch& out) {
  Timer timer(ctx_.timeOperators, nanos_);
  ctx_.checkLimits();
  out.clear();
  while (doNext(out)) {
    if (!out.empty()) {
      actualRows_ += out.size();
      return true;
    }
  }
  out.clear();
  return false;
}

void Operator::close() { doClose(); }

namespace {
void explainInto(const Operator& op, int depth, std::ostringstream& out) {
  out << std::string(static_cast<size_t>(depth) * 2, ' ') << op.name();
  if (!op.detail.empty()) out << ' ' << op.detail;
  out << "  [est ";
  if (op.estimatedRows < 0) {
    out << '?';
  } else {
    out << static_cast<uint64_t>(std::llround(op.estimatedRows));
  }
  out << ", actual " << op.actualRows();
  if (op.opens() > 1) out << " over " << op.opens() << " opens";
  if (op.nanos() > 0) {
    char ms[32];
    std::snprintf(ms, sizeof ms, ", %.3f ms", static_cast<double>(op.nanos()) / 1e6);
    out << ms;
  }
  out << "]\n";
  for (const Operator* c : op.children()) explainInto(*c, depth + 1, out);
}
}  // namespace

std::string explainPlan(const Operator& root) {
  std::ostringstream out;
  explainInto(root, 0, out);
  return out.str();
}

}  // namespace bdis::sparql::exec
