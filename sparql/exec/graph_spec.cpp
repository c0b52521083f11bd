#include "sparql/exec/graph_spec.h"

#include <set>
#include <tuple>

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

void scanGraphs(const ExecContext& ctx, const GraphSpec& spec, const rdf::TermId* row,
                rdf::TermId s, rdf::TermId p, rdf::TermId o,
                const std::function<void(const rdf::QuadIds&)>& fn) {
  if (isLocal(s) || isLocal(p) || isLocal(o)) return;  // the store cannot hold query-local terms
  bool merge = spec.kind == GraphSpec::Kind::Default && ctx.dataset().defaultGraphs.size() > 1;
  std::set<std::tuple<uint64_t, uint64_t, uint64_t>> seen;
  rdf::QuadIds buf[256];
  forEachGraph(ctx, spec, row, [&](rdf::TermId g) {
    if (isLocal(g)) return;
    bool filterNamed = g == rdf::kAnyNamedGraph && !ctx.dataset().allNamed;
    auto cursor = ctx.txn().scan(rdf::QuadPattern{s, p, o, g});
    while (size_t n = cursor.nextBatch(buf)) {
      for (size_t i = 0; i < n; ++i) {
        const rdf::QuadIds& q = buf[i];
        if (filterNamed && !ctx.dataset().isNamed(q.g)) continue;
        if (merge && !seen.emplace(q.s.raw, q.p.raw, q.o.raw).second) continue;
        fn(q);
      }
    }
  });
}

}  // namespace bdis::sparql::exec
