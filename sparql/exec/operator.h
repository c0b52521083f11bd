#pragma once
// The base of every physical operator: open(seed) / next(batch) / close, with
// counters for EXPLAIN. Operators produce batches of rows of the query's
// width (ExecContext::vars()).
//
// Seeds: open() takes an optional row of bindings (a correlated evaluation:
// EXISTS, OPTIONAL over an index, GRAPH). Leaves start from the seed, so every
// output row is compatible with it and includes its bindings. The pointer is
// only read during open(); operators copy what they need.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "sparql/exec/batch.h"
#include "sparql/exec/exec_context.h"

namespace bdis::sparql::exec {

/// See the file comment. Not thread-safe; one plan runs on one thread.
class Operator {
 public:
  Operator(ExecContext& ctx, std::string name) : ctx_(ctx), name_(std::move(name)) {}
  virtual ~Operator() = default;
  Operator(const Operator&) = delete;
  Operator& operator=(const Operator&) = delete;

  /// Starts (or restarts) the operator; `seed` is null or a row of the query's width.
  void open(const rdf::TermId* seed);
  /// Replaces `out` with the next non-empty batch; false (and `out` empty) at the end.
  bool next(Batch& out);
  /// Releases what open() acquired; the operator may be opened again.
  void close();

  /// The operator's name in EXPLAIN, e.g. `HashJoin`.
  const std::string& name() const { return name_; }
  /// Details for EXPLAIN (pattern, variables, expressions).
  std::string detail;
  /// The planner's estimate of rows produced per open.
  double estimatedRows = -1;
  /// Rows produced so far, over all opens.
  uint64_t actualRows() const { return actualRows_; }
  /// Times opened.
  uint64_t opens() const { return opens_; }
  /// Nanoseconds spent in open() and next(), its inputs included, when the context
  /// times operators (ExecContext::timeOperators); 0 otherwise.
  uint64_t nanos() const { return nanos_; }
  /// Inputs, for EXPLAIN.
  virtual std::vector<const Operator*> children() const { return {}; }

 protected:
  virtual void doOpen(const rdf::TermId* seed) = 0;
  /// Appends rows to `out` (empty on entry); returns false when exhausted and
  /// nothing was appended. May return true with an empty batch only never.
  virtual bool doNext(Batch& out) = 0;
  virtual void doClose() {}

  ExecContext& ctx_;

 private:
  std::string name_;
  uint64_t actualRows_ = 0;
  uint64_t opens_ = 0;
  uint64_t nanos_ = 0;
};

using OperatorPtr = std::unique_ptr<Operator>;

/// The EXPLAIN text of a plan: one line per operator, children indented two
/// spaces, each with its estimated and actual row counts and, when timed, the
/// milliseconds spent in it and its inputs.
std::string explainPlan(const Operator& root);

}  // namespace bdis::sparql::exec
