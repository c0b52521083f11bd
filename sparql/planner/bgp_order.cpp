#include "sparql/planner/bgp_order.h"

#include <cmath>
#include <limits>

namespace bdis::sparql::planner {

namespace {

rdf::TermId graphForCount(const exec::ExecContext& ctx, const exec::GraphSpec& g) {
  if (g.kind == exec::GraphSpec::Kind::Default) {
    const auto& d = ctx.dataset().defaultGraphs;
    return d.size() == 1 ? d[0] : rdf::kAny;
  }
  return rdf::kAnyNamedGraph;
}

}  // namespace

std::vector<OrderedPattern> orderBgp(exec::ExecContext& ctx,
                                     const std::vector<exec::IdPattern>& patterns,
                                     const exec::GraphSpec& graph, std::set<int>& bound) {
  rdf::TermId g = graphForCount(ctx, graph);
  std::vector<double> base(patterns.size());
  for (size_t i = 0; i < patterns.size(); ++i) {
    const auto& p = patterns[i];
    if (p.impossible || exec::isLocal(g)) {
      base[i] = 0;
      continue;
    }
    rdf::QuadPattern q{p.s.isVar() ? rdf::kAny : p.s.id, p.p.isVar() ? rdf::kAny : p.p.id,
                       p.o.isVar() ? rdf::kAny : p.o.id, g};
    base[i] = static_cast<double>(ctx.txn().count(q));
  }
  std::vector<bool> used(patterns.size(), false);
  std::vector<OrderedPattern> out;
  for (size_t step = 0; step < patterns.size(); ++step) {
    size_t best = 0;
    double bestScore = std::numeric_limits<double>::infinity();
    double bestEst = 0;
    for (size_t i = 0; i < patterns.size(); ++i) {
      if (used[i]) continue;
      const auto& p = patterns[i];
      int boundPositions = 0;
      int varPositions = 0;
      for (const exec::PatternPos* pos : {&p.s, &p.p, &p.o}) {
        if (!pos->isVar()) continue;
        ++varPositions;
        if (bound.count(pos->slot)) ++boundPositions;
      }
      // A bound subject leaves a handful of values per (s, p); a bound object
      // or predicate narrows the range roughly like a selective constant.
      double est = base[i];
      bool subjectBound = p.s.isVar() && bound.count(p.s.slot);
      if (subjectBound) est = std::min(est, 3.0);
      int others = boundPositions - (subjectBound ? 1 : 0);
      if (others > 0) est = std::max(subjectBound ? 0.5 : 1.0, est / std::pow(50.0, others));
      if (boundPositions == varPositions && varPositions > 0) est = std::min(est, 1.0);
      bool connected = boundPositions > 0 || bound.empty() || varPositions == 0;
      double score = connected ? est : est * 1e6 + 1e6;
      if (score < bestScore) {
        bestScore = score;
        best = i;
        bestEst = est;
      }
    }
    used[best] = true;
    const auto& p = patterns[best];
    for (const exec::PatternPos* pos : {&p.s, &p.p, &p.o})
      if (pos->isVar()) bound.insert(pos->slot);
    out.push_back(OrderedPattern{p, bestEst, base[best]});
  }
  return out;
}

}  // namespace bdis::sparql::planner
