#pragma once
// The graph management operations of SPARQL 1.1 Update (section 3.2): CLEAR,
// DROP, CREATE, ADD, MOVE, COPY, over a store whose graphs are implicit (a
// named graph exists while it holds a quad; see sparql/update.h).

#include <cstdint>

#include "rdf/store.h"
#include "sparql/ast/update.h"

namespace bdis::sparql::update {

/// Quads a graph operation added and removed.
struct GraphChange {
  uint64_t inserted = 0;
  uint64_t deleted = 0;
};

/// CLEAR / DROP of `target`: GRAPH g, DEFAULT, NAMED (every named graph) or
/// ALL. A graph holding nothing is left as it is (no error).
GraphChange clearGraphs(rdf::WriteTxn& txn, const ast::GraphRef& target);

/// CREATE GRAPH `target`: nothing to do for a graph holding no quad; throws
/// ExecutionError for a graph holding quads unless `silent`.
void createGraph(const rdf::WriteTxn& txn, const ast::GraphRef& target, bool silent);

/// ADD (`kind` Add), COPY or MOVE from `op.from` to `op.target` (each DEFAULT
/// or GRAPH g). Nothing happens when both name the same graph; otherwise COPY
/// and MOVE first empty the destination, and MOVE then empties the source.
GraphChange transferGraph(rdf::WriteTxn& txn, const ast::UpdateOperation& op);

}  // namespace bdis::sparql::update
