#include "sparql/exec/graph_spec.h"

#include "rdf/quad_block.h"

namespace bdis::sparql::exec {

void forEachGraph(const ExecContext& ctx, const GraphSpec& spec, const rdf::TermId* row,
                  const std::function<void(rdf::TermId)>& fn) {
  switch (spec.kind) {
    case GraphSpec::Kind::Default:
      for (rdf::TermId g : ctx.dataset().defaultGraphs) fn(g);
      return;
    case GraphSpec::Kind::Cell:
      if (spec.cell && !spec.cell->isAny()) fn(*spec.cell);
      return;
    case GraphSpec::Kind::Slot: {
      rdf::TermId g = row ? row[spec.slot] : rdf::kAny;
      if (g.isAny()) {
        fn(rdf::kAnyNamedGraph);
      } else if (ctx.dataset().isNamed(g)) {
        fn(g);
      }
      return;
    }
  }
}

rdf::TermId graphForOrderedScan(const ExecContext& ctx, rdf::TermId g) {
  if (g != rdf::kDefaultGraph) return g;
  const rdf::ReadTxn& txn = ctx.txn();
  return txn.graphCount(rdf::kDefaultGraph) == txn.count(rdf::QuadPattern{}) ? rdf::kAny : g;
}

std::vector<rdf::TermId> graphsOf(const ExecContext& ctx, const GraphSpec& spec,
                                  const rdf::TermId* row) {
  std::vector<rdf::TermId> out;
  forEachGraph(ctx, spec, row, [&](rdf::TermId g) {
    if (g == rdf::kAnyNamedGraph) {
      out.insert(out.end(), ctx.dataset().namedGraphs.begin(), ctx.dataset().namedGraphs.end());
    } else {
      out.push_back(g);
    }
  });
  return out;
}

std::optional<rdf::IndexOrder> allGraphsOrder(const ExecContext& ctx,
                                              const rdf::QuadPattern& triple) {
  if (!ctx.dataset().defaultIsAll || !triple.g.isAny()) return std::nullopt;
  const rdf::IndexOrder order = rdf::ReadTxn::chooseIndex(triple);
  if (rdf::orderPositions(order)[3] != 3) return std::nullopt;
  return order;
}

}  // namespace bdis::sparql::exec
