#include "sparql/update/graph_ops.h"

#include <optional>
#include <string>
#include <vector>

#include "rdf/error.h"

namespace bdis::sparql::update {

namespace {

using GK = ast::GraphRef::Kind;

/// The store id of a DEFAULT / GRAPH reference; nothing for a graph IRI the
/// dictionary lacks (such a graph holds no quad).
std::optional<rdf::TermId> graphId(const rdf::ReadTxn& txn, const ast::GraphRef& ref) {
  if (ref.kind == GK::Default) {
    return rdf::kDefaultGraph;
  }
  return txn.lookup(rdf::Term::iri(ref.iri).view());
}

bool sameGraph(const ast::GraphRef& a, const ast::GraphRef& b) {
  if (a.kind != b.kind) {
    return false;
  }
  return a.kind != GK::Graph || a.iri == b.iri;
}

}  // namespace

GraphChange clearGraphs(rdf::WriteTxn& txn, const ast::GraphRef& target) {
  std::vector<rdf::TermId> graphs;
  if (target.kind == GK::Default || target.kind == GK::All) {
    graphs.push_back(rdf::kDefaultGraph);
  }
  if (target.kind == GK::Named || target.kind == GK::All) {
    const auto named = txn.namedGraphs();
    graphs.insert(graphs.end(), named.begin(), named.end());
  }
  if (target.kind == GK::Graph) {
    if (auto id = graphId(txn, target)) {
      graphs.push_back(*id);
    }
  }
  GraphChange change;
  for (rdf::TermId g : graphs) {
    change.deleted += txn.clearGraph(g);
  }
  return change;
}

void createGraph(const rdf::WriteTxn& txn, const ast::GraphRef& target, bool silent) {
  const auto id = graphId(txn, target);
  if (!id || txn.graphCount(*id) == 0 || silent) {
    return;
  }
  throw ExecutionError("CREATE GRAPH <" + target.iri + ">: the graph already exists");
}

GraphChange transferGraph(rdf::WriteTxn& txn, const ast::UpdateOperation& op) {
  GraphChange change;
  if (sameGraph(op.from, op.target)) {
    return change;
  }
  std::vector<rdf::QuadIds> quads;
  if (auto from = graphId(txn, op.from)) {
    rdf::QuadCursor cursor = txn.scan(rdf::QuadPattern{rdf::kAny, rdf::kAny, rdf::kAny, *from});
    rdf::QuadIds q;
    while (cursor.next(q)) {
      quads.push_back(q);
    }
  }
  const bool replace = op.kind != ast::UpdateOperation::Kind::Add;
  if (replace) {
    if (auto to = graphId(txn, op.target)) {
      change.deleted += txn.clearGraph(*to);
    }
  }
  if (!quads.empty()) {
    const rdf::TermId to = op.target.kind == GK::Default
                               ? rdf::kDefaultGraph
                               : txn.intern(rdf::Term::iri(op.target.iri).view());
    for (auto& q : quads) {
      q.g = to;
    }
    change.inserted += txn.insertBatch(quads);
  }
  if (op.kind == ast::UpdateOperation::Kind::Move) {
    if (auto from = graphId(txn, op.from)) {
      change.deleted += txn.clearGraph(*from);
    }
  }
  return change;
}

}  // namespace bdis::sparql::update
