#pragma once
// Evaluation of an update's WHERE clause into materialised solutions (internal
// to sparql/update): all solutions are computed before any quad changes.

#include <optional>
#include <string>
#include <vector>

#include "rdf/store.h"
#include "rdf/term.h"
#include "sparql/algebra/op.h"
#include "sparql/engine.h"

namespace bdis::sparql::update {

/// Solutions as terms: `vars` names the columns; a None term is unbound.
struct Solutions {
  std::vector<std::string> vars;
  std::vector<std::vector<rdf::Term>> rows;
  /// The column of `var`, or -1.
  int column(const std::string& var) const;
};

/// The graphs of the WHERE evaluation: `defaultGraphs` empty means the store's
/// default graph; with `restrictNamed`, only `namedGraphs` are named graphs.
struct WhereDataset {
  std::vector<std::string> defaultGraphs;
  std::vector<std::string> namedGraphs;
  bool restrictNamed = false;
};

/// Every solution of `op` against the snapshot `txn`.
Solutions evaluateWhere(const rdf::ReadTxn& txn, const algebra::Op& op, const WhereDataset& ds,
                        const QueryLimits& limits);

}  // namespace bdis::sparql::update
