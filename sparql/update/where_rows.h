#pragma once
// Evaluation of an update's WHERE clause into materialised solutions (internal
// to sparql/update): every solution is computed, and decoded to terms, before
// any quad changes, so query-local ids never outlive the evaluation.

#include <optional>
#include <string>
#include <vector>

#include "rdf/store.h"
#include "rdf/term.h"
#include "sparql/algebra/op.h"
#include "sparql/engine.h"

namespace bdis::sparql::update {

/// Solutions as owned terms: `vars` names the columns (every variable of the
/// pattern, translator-made ones included); a None term is unbound.
struct Solutions {
  std::vector<std::string> vars;
  std::vector<std::vector<rdf::Term>> rows;
  /// The column of `var`, or -1 when the pattern has no such variable.
  int column(const std::string& var) const;
};

/// The RDF dataset of one WHERE evaluation, as graph IRIs.
struct WhereDataset {
  /// Graphs merged into the default graph; unset: the store's default graph.
  std::optional<std::vector<std::string>> defaultGraphs;
  /// The named graphs; unset: every named graph of the store.
  std::optional<std::vector<std::string>> namedGraphs;
};

/// Every solution of `op` over `txn` (which may be the write transaction: the
/// evaluation then sees its earlier writes). `baseIri` is for IRI()/URI();
/// `bnodeScope` prefixes the labels of BNODE() results (unique per request, so
/// that nodes inserted by different requests never share a label).
/// Throws ExecutionError when a limit is exceeded (the materialised solutions
/// count against QueryLimits::memoryBytes).
Solutions evaluate(const rdf::ReadTxn& txn, const algebra::Op& op, const WhereDataset& dataset,
                   const QueryLimits& limits, const std::string& baseIri,
                   const std::string& bnodeScope);

}  // namespace bdis::sparql::update
