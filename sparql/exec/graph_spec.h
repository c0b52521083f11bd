#pragma once
// Which graph a scan reads (the active graph of 18.6): the dataset's default
// graph, the graph of an enclosing GRAPH operator (a shared cell it sets per
// named graph), or GRAPH ?g evaluated inside the scan through a variable slot.

#include <functional>
#include <memory>
#include <optional>

#include "rdf/store.h"
#include "sparql/exec/exec_context.h"

namespace bdis::sparql::exec {

/// See the file comment.
struct GraphSpec {
  enum class Kind { Default, Cell, Slot };
  Kind kind = Kind::Default;
  /// Cell: the graph in effect, set by the enclosing Graph operator (kAny: none).
  std::shared_ptr<rdf::TermId> cell;
  /// Slot: the variable of GRAPH ?g.
  int slot = -1;
};

/// The graphs a pattern reads for one row: calls `fn(graph)` for each graph to
/// scan (never kAny). For a Slot spec whose variable is unbound in `row`, calls
/// fn(kAnyNamedGraph) once; the caller then keeps only quads whose graph
/// ExecContext::dataset().isNamed() accepts (all of them when allNamed).
void forEachGraph(const ExecContext& ctx, const GraphSpec& spec, const rdf::TermId* row,
                  const std::function<void(rdf::TermId)>& fn);

/// The graph to give a scan for graph `g`: kAny when `g` is the default graph and
/// the store holds no named graph (every quad matches: the range needs no graph
/// check), else `g`. Only for scans whose index order is given, not chosen.
rdf::TermId graphForOrderedScan(const ExecContext& ctx, rdf::TermId g);

/// The concrete graphs of a spec for one row (Slot unbound: all named graphs of the dataset).
std::vector<rdf::TermId> graphsOf(const ExecContext& ctx, const GraphSpec& spec,
                                  const rdf::TermId* row);

/// When the default graph is the merge of every graph of the store (DatasetIds::
/// defaultIsAll) and `triple` (its graph kAny) is scanned in an order with the graph
/// last: that order. One scan over all graphs then gives the copies of a triple next
/// to each other, instead of one scan per graph and a set. Nothing otherwise.
std::optional<rdf::IndexOrder> allGraphsOrder(const ExecContext& ctx,
                                              const rdf::QuadPattern& triple);

}  // namespace bdis::sparql::exec
