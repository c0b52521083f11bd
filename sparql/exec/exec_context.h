#pragma once
// Per-query execution state shared by every operator of one plan: the read
// snapshot, the variable slots, the query-local dictionary, the dataset, the
// limits (deadline, memory budget, cancellation) and the expression context.
//
// Lifetime: one ExecContext per executeQuery call; it must outlive the plan's
// operators, and the ReadTxn must outlive it.

#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "rdf/store.h"
#include "rdf/term.h"
#include "rdf/term_id.h"
#include "sparql/engine.h"
#include "sparql/expr/evaluator.h"

namespace bdis::sparql::algebra {
struct Op;
}

namespace bdis::sparql::exec {

class Operator;

/// Tag of query-local ids: terms computed by the query (BIND, expressions,
/// VALUES constants, CONSTRUCT) that the store does not know. Never stored.
inline constexpr rdf::IdTag kLocalTag = static_cast<rdf::IdTag>(15);

/// True for a query-local id.
inline bool isLocal(rdf::TermId id) { return id.tag() == kLocalTag; }

/// Variable name <-> row slot. Names are without `?`; translator-made variables
/// start with `?`. There is always at least one slot.
class VarTable {
 public:
  VarTable();
  /// The slot of `name`, adding it if new.
  int add(const std::string& name);
  /// The slot of `name`, or -1.
  int find(std::string_view name) const;
  const std::string& name(int slot) const { return names_[slot]; }
  size_t width() const { return names_.size(); }

 private:
  std::vector<std::string> names_;
  std::map<std::string, int, std::less<>> slots_;
};

/// The RDF dataset of the query, as store ids.
struct DatasetIds {
  /// Graphs merged into the default graph: {kDefaultGraph} for the store's
  /// default graph; may be empty (FROM of unknown graphs, or FROM NAMED only).
  std::vector<rdf::TermId> defaultGraphs;
  /// The named graphs, sorted by id.
  std::vector<rdf::TermId> namedGraphs;
  /// True when namedGraphs is every named graph of the store (no restriction).
  bool allNamed = true;
  /// True when defaultGraphs is every graph of the store (--union-default-graph).
  bool defaultIsAll = false;
  /// Whether `g` is one of the named graphs.
  bool isNamed(rdf::TermId g) const;
};

/// See the file comment.
class ExecContext {
 public:
  ExecContext(const rdf::ReadTxn& txn, const QueryLimits& limits);
  ~ExecContext();

  const rdf::ReadTxn& txn() const { return txn_; }
  VarTable& vars() { return vars_; }
  const VarTable& vars() const { return vars_; }
  DatasetIds& dataset() { return dataset_; }
  const DatasetIds& dataset() const { return dataset_; }
  expr::EvalContext& eval() { return eval_; }

  /// The id of a term: the store's id when it knows the term (inline values
  /// included), else a query-local id (the same one for equal terms).
  rdf::TermId toId(const rdf::Term& term);
  /// The store's id of a term, or nothing when the store lacks it.
  std::optional<rdf::TermId> storeId(const rdf::Term& term) const;
  /// The term behind an id (store or query-local). kAny gives a None term.
  rdf::Term decode(rdf::TermId id) const;
  /// A view of the term behind an id; `scratch` as in ReadTxn::decodeView.
  rdf::TermView decodeView(rdf::TermId id, std::string& scratch) const;

  /// Throws ExecutionError when the deadline has passed or the query was cancelled.
  /// Called once per batch by every operator. Safe from a helper thread of the query.
  void checkLimits() const;
  /// Accounts `bytes` more held by a materialising operator; throws ExecutionError
  /// beyond the memory budget. Safe from a helper thread of the query.
  void reserve(uint64_t bytes);
  /// Gives back bytes accounted by reserve(). Safe from a helper thread of the query.
  void release(uint64_t bytes);

  /// The planner's switches for this query (QueryRequest::plan).
  PlanOptions planOptions;
  /// Operators measure the time spent in them (EXPLAIN); off otherwise, as reading the
  /// clock per batch and per open costs a little on plans opened once per row.
  bool timeOperators = false;
  /// Builds (once per EXISTS pattern) the operator for an EXISTS pattern; set by the planner.
  std::function<std::unique_ptr<Operator>(const algebra::Op&)> buildExists;
  /// A fresh solution number for EvalContext::solutionId (never reused in a query).
  uint64_t newSolutionId() { return ++solutionCounter_; }

  /// Evaluates EXISTS { op } for a row of ids (substituting the row's bindings).
  bool exists(const algebra::Op& op, const rdf::TermId* row);
  /// The EXISTS patterns evaluated so far with their plans, in first-use order (EXPLAIN).
  const std::vector<std::pair<const algebra::Op*, const Operator*>>& existsPlans() const {
    return existsOrder_;
  }

 private:
  const rdf::ReadTxn& txn_;
  QueryLimits limits_;
  std::chrono::steady_clock::time_point deadline_;
  bool hasDeadline_ = false;
  std::atomic<uint64_t> memoryUsed_{0};
  std::atomic<uint32_t> tick_{0};
  uint64_t solutionCounter_ = 0;
  VarTable vars_;
  DatasetIds dataset_;
  expr::EvalContext eval_;
  std::vector<rdf::Term> localTerms_;
  std::unordered_map<std::string, rdf::TermId> localIds_;
  std::unordered_map<const algebra::Op*, std::unique_ptr<Operator>> existsPlans_;
  std::vector<std::pair<const algebra::Op*, const Operator*>> existsOrder_;
};

}  // namespace bdis::sparql::exec
