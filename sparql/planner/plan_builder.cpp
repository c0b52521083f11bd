#include "sparql/planner/plan_builder.h"

#include <algorithm>

#include "rdf/error.h"
#include "sparql/planner/bgp_order.h"
#include "sparql/planner/integer_range.h"
#include "sparql/planner/subject_star.h"
#include "sparql/planner/var_analysis.h"

namespace bdis::sparql::planner {

using algebra::as;
using algebra::OpKind;
using exec::GraphSpec;
using exec::OperatorPtr;

namespace {

/// Variables of a filter expression, or nothing when it must stay where it is
/// (EXISTS reads variables beyond those it names).
std::optional<std::set<std::string>> pushableVars(const Expr& e) {
  if (hasExists(e)) return std::nullopt;
  std::set<std::string> v;
  exprVars(e, v);
  return v;
}

}  // namespace

std::set<int> PlanBuilder::slotsOf(const std::set<std::string>& names) const {
  std::set<int> out;
  for (const auto& n : names) {
    int s = ctx_.vars().find(n);
    if (s >= 0) out.insert(s);
  }
  return out;
}

std::vector<int> PlanBuilder::keySlots(const algebra::Op& a, const algebra::Op& b) const {
  // Variables both sides always bind; failing those, those both may bind (rows
  // without a key value are kept aside by RowStore and checked one by one).
  auto l = certainVars(a);
  auto r = certainVars(b);
  std::vector<int> keys;
  for (const auto& v : l)
    if (r.count(v)) keys.push_back(ctx_.vars().find(v));
  if (!keys.empty()) return keys;
  auto lv = visibleVars(a);
  auto rv = visibleVars(b);
  for (const auto& v : lv)
    if (rv.count(v)) keys.push_back(ctx_.vars().find(v));
  return keys;
}

exec::PatternPos PlanBuilder::pos(const VarOrTerm& t, bool& impossible, bool allowLocal) {
  exec::PatternPos p;
  if (t.isVar()) {
    p.slot = ctx_.vars().find(t.var);
    BDIS_ASSERT(p.slot >= 0);
    return p;
  }
  if (allowLocal) {
    p.id = ctx_.toId(t.term);
    return p;
  }
  auto id = ctx_.storeId(t.term);
  if (!id && !t.term.lang.empty()) {
    // Language tags compare case-insensitively: try the lower-case spelling.
    rdf::Term lower = t.term;
    for (char& c : lower.lang)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    id = ctx_.storeId(lower);
  }
  if (!id) {
    impossible = true;
    return p;
  }
  p.id = *id;
  return p;
}

OperatorPtr PlanBuilder::build(const algebra::Op& op) {
  return build(op, GraphSpec{}, {});
}

OperatorPtr PlanBuilder::wrap(OperatorPtr op, Filters filters) {
  if (filters.empty()) return op;
  return exec::makeFilter(ctx_, std::move(op), std::move(filters));
}

void PlanBuilder::noteOpExists(const algebra::Op& op, const GraphSpec& g) {
  using namespace algebra;
  switch (op.kind) {
    case OpKind::LeftJoin:
      for (const auto& e : as<LeftJoin>(op).exprs) noteExists(e, g);
      break;
    case OpKind::Filter:
      for (const auto& e : as<Filter>(op).exprs) noteExists(e, g);
      break;
    case OpKind::Extend: noteExists(as<Extend>(op).expr, g); break;
    case OpKind::OrderBy:
      for (const auto& k : as<OrderBy>(op).keys) noteExists(k.expr, g);
      break;
    case OpKind::Group:
      for (const auto& k : as<Group>(op).keys) noteExists(k.expr, g);
      for (const auto& a : as<Group>(op).aggregates) noteExists(a.aggregate, g);
      break;
    default: break;
  }
}

void PlanBuilder::noteExists(const Expr& e, const GraphSpec& g) {
  if (e.op) existsGraphs_[e.op.get()] = g;
  for (const auto& a : e.args) noteExists(a, g);
}

OperatorPtr PlanBuilder::buildExists(const algebra::Op& op) {
  auto it = existsGraphs_.find(&op);
  return build(op, it == existsGraphs_.end() ? GraphSpec{} : it->second, {});
}

OperatorPtr PlanBuilder::placeFilters(OperatorPtr op, const std::set<int>& bound,
                                      Filters& filters) {
  Filters here;
  for (auto it = filters.begin(); it != filters.end();) {
    auto vars = pushableVars(**it);
    bool ok = vars.has_value();
    if (ok)
      for (int s : slotsOf(*vars)) ok = ok && bound.count(s);
    if (ok) {
      here.push_back(*it);
      it = filters.erase(it);
    } else {
      ++it;
    }
  }
  return wrap(std::move(op), std::move(here));
}

OperatorPtr PlanBuilder::propagateConstants(const algebra::Op& op, OperatorPtr input,
                                            const std::set<int>& bound, Filters& filters) {
  auto chainVars = slotsOf(certainVars(op));
  for (auto it = filters.begin(); it != filters.end();) {
    const Expr& e = **it;
    int slot = -1;
    const rdf::Term* iri = nullptr;
    if (e.kind == Expr::Kind::Equal && e.args.size() == 2) {
      for (int side = 0; side < 2; ++side) {
        const Expr& v = e.args[side];
        const Expr& c = e.args[1 - side];
        if (v.kind == Expr::Kind::Var && c.kind == Expr::Kind::Constant && c.term.isIri()) {
          slot = ctx_.vars().find(v.name);
          iri = &c.term;
        }
      }
    }
    if (slot >= 0 && chainVars.count(slot) && !bound.count(slot)) {
      input = exec::makeBindConstant(ctx_, std::move(input), slot, ctx_.toId(*iri));
      it = filters.erase(it);
    } else {
      ++it;
    }
  }
  return input;
}

OperatorPtr PlanBuilder::chainBgp(const algebra::Bgp& bgp, OperatorPtr input, const GraphSpec& g,
                                  std::set<int>& bound, Filters& filters) {
  std::vector<exec::IdPattern> pats;
  for (const auto& t : bgp.triples) {
    exec::IdPattern p;
    p.s = pos(t.s, p.impossible, false);
    p.p = pos(t.p, p.impossible, false);
    p.o = pos(t.o, p.impossible, false);
    pats.push_back(p);
  }
  input = mergeStar(std::move(input), pats, g, bound, filters);
  input = subjectMerge(std::move(input), pats, g, bound, filters);
  input = objectRange(std::move(input), pats, g, bound, filters);
  double card = input->estimatedRows < 0 ? 1 : input->estimatedRows;
  std::set<int> afterAll = bound;
  for (const auto& step : orderBgp(ctx_, pats, g, afterAll)) {
    const auto& p = step.pattern;
    // Index nested loop: one store probe per input row. When many rows come in
    // and the pattern's whole range is not much larger, scanning the range once
    // into a hash table is cheaper (a hash join on the variables already bound).
    std::vector<int> shared;
    for (const exec::PatternPos* x : {&p.s, &p.p, &p.o})
      if (x->isVar() && bound.count(x->slot) &&
          std::find(shared.begin(), shared.end(), x->slot) == shared.end())
        shared.push_back(x->slot);
    bool hash = !shared.empty() && card > 2000 && step.rangeCount < card * 8 &&
                g.kind == GraphSpec::Kind::Default;
    OperatorPtr scan;
    auto name = [&](const exec::PatternPos& x) {
      if (x.isVar()) return "?" + ctx_.vars().name(x.slot);
      if (x.id.isAny()) return std::string("<unknown>");
      return rdf::toNTriples(ctx_.decode(x.id));
    };
    std::string text = "(" + name(p.s) + " " + name(p.p) + " " + name(p.o) + ")";
    if (p.impossible) text += " unknown constant";
    // A few rows against a range (?s p ?o) joined on ?s alone: paired with the range
    // in PSOG order instead of hashing (subject_range_join_op.cpp).
    const bool rangeJoin = hash && ctx_.planOptions.subjectRangeJoin &&
                           card * 4 < step.rangeCount &&
                           ctx_.dataset().defaultGraphs.size() == 1 && shared.size() == 1 &&
                           p.s.isVar() && shared[0] == p.s.slot && !p.p.isVar() &&
                           p.o.isVar() && p.o.slot != p.s.slot;
    if (rangeJoin) {
      scan = exec::makeSubjectRangeJoin(ctx_, std::move(input), p, g);
    } else if (hash) {
      auto range = exec::makePatternJoin(ctx_, exec::makeSeed(ctx_), p, g);
      range->estimatedRows = step.rangeCount;
      range->detail = text;
      // Materialise the smaller side: a few input rows against a large range
      // are kept in the table and the range streams past them.
      const bool buildLeft = card * 4 < step.rangeCount;
      scan = exec::makeHashJoin(ctx_, std::move(input), std::move(range), shared, buildLeft);
    } else {
      scan = exec::makePatternJoin(ctx_, std::move(input), p, g);
    }
    if (!hash) scan->detail = text;
    card *= step.estimate;
    scan->estimatedRows = card;
    for (const exec::PatternPos* x : {&p.s, &p.p, &p.o})
      if (x->isVar()) bound.insert(x->slot);
    if (g.kind == GraphSpec::Kind::Slot) bound.insert(g.slot);
    input = placeFilters(std::move(scan), bound, filters);
  }
  return input;
}

OperatorPtr PlanBuilder::mergeStar(OperatorPtr input, std::vector<exec::IdPattern>& pats,
                                   const GraphSpec& g, std::set<int>& bound, Filters& filters) {
  bool oneGraph = g.kind == GraphSpec::Kind::Cell ||
                  (g.kind == GraphSpec::Kind::Default && ctx_.dataset().defaultGraphs.size() == 1);
  if (!oneGraph || !bound.empty() || input->name() != "Seed") return input;
  std::map<int, std::vector<size_t>> bySlot;
  for (size_t i = 0; i < pats.size(); ++i) {
    const auto& p = pats[i];
    int vars = 0, slot = -1;
    for (const exec::PatternPos* x : {&p.s, &p.p, &p.o})
      if (x->isVar()) {
        ++vars;
        slot = x->slot;
      }
    if (vars == 1 && !p.impossible) bySlot[slot].push_back(i);
  }
  int best = -1;
  for (const auto& [slot, idx] : bySlot)
    if (idx.size() >= 2 && (best < 0 || idx.size() > bySlot[best].size())) best = slot;
  if (best < 0) return input;
  std::vector<exec::IdPattern> star, rest;
  const auto& chosen = bySlot[best];
  rdf::TermId countGraph = g.kind == GraphSpec::Kind::Cell ? rdf::kAnyNamedGraph
                                                           : ctx_.dataset().defaultGraphs[0];
  auto countOf = [&](const exec::IdPattern& p) {
    auto val = [](const exec::PatternPos& x) { return x.isVar() ? rdf::kAny : x.id; };
    return exec::isLocal(countGraph)
               ? 0.0
               : static_cast<double>(ctx_.txn().count(
                     rdf::QuadPattern{val(p.s), val(p.p), val(p.o), countGraph}));
  };
  std::vector<double> counts(pats.size(), -1);
  double est = -1;  // the smallest of the scans
  for (size_t i : chosen) {
    counts[i] = countOf(pats[i]);
    est = est < 0 ? counts[i] : std::min(est, counts[i]);
  }
  // A scan far larger than the smallest is cheaper as one index probe per
  // merged row (a later pattern join) than read in full by the merge.
  constexpr double kMergeRatio = 32;
  for (size_t i = 0; i < pats.size(); ++i) {
    const bool merged = counts[i] >= 0 && counts[i] <= std::max(est, 1.0) * kMergeRatio;
    (merged ? star : rest).push_back(pats[i]);
  }
  if (star.size() < 2) return input;
  pats = std::move(rest);
  auto merge = exec::makeMergeJoin(ctx_, std::move(star), best, g);
  merge->estimatedRows = est;
  bound.insert(best);
  return placeFilters(std::move(merge), bound, filters);
}

OperatorPtr PlanBuilder::subjectMerge(OperatorPtr input, std::vector<exec::IdPattern>& pats,
                                      const GraphSpec& g, std::set<int>& bound, Filters& filters) {
  bool oneGraph = g.kind == GraphSpec::Kind::Cell ||
                  (g.kind == GraphSpec::Kind::Default && ctx_.dataset().defaultGraphs.size() == 1);
  if (!ctx_.planOptions.subjectMerge || !oneGraph || !bound.empty() || input->name() != "Seed")
    return input;
  rdf::TermId countGraph = g.kind == GraphSpec::Kind::Cell ? rdf::kAnyNamedGraph
                                                           : ctx_.dataset().defaultGraphs[0];
  SubjectStar star = findSubjectStar(ctx_, pats, countGraph);
  if (star.slot < 0) return input;
  std::vector<exec::IdPattern> merged, rest;
  for (size_t i = 0; i < pats.size(); ++i)
    (std::find(star.members.begin(), star.members.end(), i) != star.members.end() ? merged : rest)
        .push_back(pats[i]);
  pats = std::move(rest);
  bound.insert(star.slot);
  for (const auto& p : merged)
    if (p.o.isVar()) bound.insert(p.o.slot);
  auto merge = exec::makeSubjectMerge(ctx_, std::move(merged), star.slot, g);
  merge->estimatedRows = star.estimate;
  return placeFilters(std::move(merge), bound, filters);
}

OperatorPtr PlanBuilder::objectRange(OperatorPtr input, std::vector<exec::IdPattern>& pats,
                                     const GraphSpec& g, std::set<int>& bound, Filters& filters) {
  bool oneGraph = g.kind == GraphSpec::Kind::Cell ||
                  (g.kind == GraphSpec::Kind::Default && ctx_.dataset().defaultGraphs.size() == 1);
  if (!ctx_.planOptions.integerRanges || !oneGraph || !bound.empty() || filters.empty() ||
      input->name() != "Seed")
    return input;
  rdf::TermId countGraph = g.kind == GraphSpec::Kind::Cell ? rdf::kAnyNamedGraph
                                                           : ctx_.dataset().defaultGraphs[0];
  if (exec::isLocal(countGraph)) return input;
  auto val = [](const exec::PatternPos& x) { return x.isVar() ? rdf::kAny : x.id; };
  std::vector<double> counts;
  for (const auto& p : pats)
    counts.push_back(p.impossible ? 0
                                  : static_cast<double>(ctx_.txn().count(rdf::QuadPattern{
                                        val(p.s), val(p.p), val(p.o), countGraph})));
  for (size_t i = 0; i < pats.size(); ++i) {
    const auto& p = pats[i];
    if (p.impossible || !p.s.isVar() || p.p.isVar() || !p.o.isVar() || p.s.slot == p.o.slot)
      continue;
    // Only where the pattern would start the chain anyway: the range then only
    // shortens its scan.
    if (std::any_of(counts.begin(), counts.end(), [&](double c) { return c < counts[i]; }))
      continue;
    auto range = integerIdRange(filters, ctx_.vars().name(p.o.slot));
    if (!range || ctx_.txn().nonIntegerObjectCount(p.p.id) != 0) continue;
    auto scan = exec::makeObjectRange(ctx_, p, range->lo, range->hi, g);
    scan->detail = "(?" + ctx_.vars().name(p.s.slot) + " " + rdf::toNTriples(ctx_.decode(p.p.id)) +
                   " ?" + ctx_.vars().name(p.o.slot) + ") over integer ids of the filters";
    scan->estimatedRows = counts[i];
    bound.insert(p.s.slot);
    bound.insert(p.o.slot);
    pats.erase(pats.begin() + static_cast<std::ptrdiff_t>(i));
    return placeFilters(std::move(scan), bound, filters);
  }
  return input;
}

GraphSpec PlanBuilder::graphSpecFor(const algebra::Graph& graph, const GraphSpec&) {
  GraphSpec spec;
  if (graph.name.isVar()) {
    spec.kind = GraphSpec::Kind::Slot;
    spec.slot = ctx_.vars().find(graph.name.var);
  } else {
    spec.kind = GraphSpec::Kind::Cell;
    auto id = ctx_.storeId(graph.name.term);
    spec.cell = std::make_shared<rdf::TermId>(id && ctx_.dataset().isNamed(*id) ? *id : rdf::kAny);
  }
  return spec;
}

OperatorPtr PlanBuilder::chain(const algebra::Op& op, OperatorPtr input, const GraphSpec& g,
                               std::set<int>& bound, Filters& filters) {
  switch (op.kind) {
    case OpKind::Bgp: return chainBgp(as<algebra::Bgp>(op), std::move(input), g, bound, filters);
    case OpKind::Path: {
      const auto& p = as<algebra::PathOp>(op);
      bool impossible = false;
      auto s = pos(p.s, impossible, true);
      auto o = pos(p.o, impossible, true);
      double card = input->estimatedRows < 0 ? 1 : input->estimatedRows;
      auto out = exec::makePathJoin(ctx_, std::move(input), s, p.path, o, g);
      out->estimatedRows = card * 10;
      if (s.isVar()) bound.insert(s.slot);
      if (o.isVar()) bound.insert(o.slot);
      if (g.kind == GraphSpec::Kind::Slot) bound.insert(g.slot);
      return placeFilters(std::move(out), bound, filters);
    }
    case OpKind::Join: {
      const auto& j = as<algebra::Join>(op);
      input = chain(*j.left, std::move(input), g, bound, filters);
      return chain(*j.right, std::move(input), g, bound, filters);
    }
    case OpKind::Graph: {
      const auto& gr = as<algebra::Graph>(op);
      return chain(*gr.input, std::move(input), graphSpecFor(gr, g), bound, filters);
    }
    default: BDIS_ASSERT(false);
  }
}

OperatorPtr PlanBuilder::build(const algebra::Op& op, const GraphSpec& g, Filters filters) {
  using namespace algebra;
  for (const Expr* e : filters) noteExists(*e, g);
  noteOpExists(op, g);
  if (chainable(op)) {
    std::set<int> bound;
    OperatorPtr input = exec::makeSeed(ctx_);
    input = propagateConstants(op, std::move(input), bound, filters);
    input = placeFilters(std::move(input), bound, filters);
    input = chain(op, std::move(input), g, bound, filters);
    return wrap(std::move(input), std::move(filters));
  }
  switch (op.kind) {
    case OpKind::Bgp:  // the empty BGP: one empty solution
      return wrap(exec::makeSeed(ctx_), std::move(filters));
    case OpKind::Filter: {
      const auto& f = as<Filter>(op);
      Filters mine = filters;
      for (const auto& e : f.exprs) mine.push_back(&e);
      return build(*f.input, g, std::move(mine));
    }
    case OpKind::Join: {
      const auto& j = as<Join>(op);
      if (chainable(*j.right) || chainable(*j.left)) {
        const Op& first = chainable(*j.right) ? *j.left : *j.right;
        const Op& second = chainable(*j.right) ? *j.right : *j.left;
        // Filters covered by the first input go into it; the rest into the chain.
        auto firstVars = slotsOf(certainVars(first));
        Filters inFirst, rest;
        for (const Expr* e : filters) {
          auto v = pushableVars(*e);
          bool ok = v.has_value();
          if (ok)
            for (int s : slotsOf(*v)) ok = ok && firstVars.count(s);
          (ok ? inFirst : rest).push_back(e);
        }
        OperatorPtr input = build(first, g, std::move(inFirst));
        std::set<int> bound = firstVars;
        input = propagateConstants(second, std::move(input), bound, rest);
        input = chain(second, std::move(input), g, bound, rest);
        return wrap(std::move(input), std::move(rest));
      }
      auto lv = slotsOf(certainVars(*j.left));
      auto rv = slotsOf(certainVars(*j.right));
      Filters lf, rf, rest;
      for (const Expr* e : filters) {
        auto v = pushableVars(*e);
        if (!v) {
          rest.push_back(e);
          continue;
        }
        auto s = slotsOf(*v);
        bool inL = std::all_of(s.begin(), s.end(), [&](int x) { return lv.count(x); });
        bool inR = std::all_of(s.begin(), s.end(), [&](int x) { return rv.count(x); });
        (inL ? lf : inR ? rf : rest).push_back(e);
      }
      auto left = build(*j.left, g, std::move(lf));
      auto right = build(*j.right, g, std::move(rf));
      double est = std::max(left->estimatedRows, right->estimatedRows);
      auto out = exec::makeHashJoin(ctx_, std::move(left), std::move(right), keySlots(*j.left, *j.right));
      out->estimatedRows = est;
      return wrap(std::move(out), std::move(rest));
    }
    case OpKind::LeftJoin: {
      const auto& lj = as<LeftJoin>(op);
      Filters above = filters;
      if (auto star = subjectOptionals(lj, g, above)) return wrap(std::move(star), std::move(above));
      auto lv = slotsOf(certainVars(*lj.left));
      Filters lf, rest;
      for (const Expr* e : filters) {
        auto v = pushableVars(*e);
        bool ok = v.has_value();
        if (ok)
          for (int s : slotsOf(*v)) ok = ok && lv.count(s);
        (ok ? lf : rest).push_back(e);
      }
      auto left = build(*lj.left, g, std::move(lf));
      return wrap(leftJoinOver(lj, std::move(left), g), std::move(rest));
    }
    case OpKind::Union: {
      const auto& u = as<Union>(op);
      auto l = build(*u.left, g, filters);
      auto r = build(*u.right, g, filters);
      double est = std::max(0.0, l->estimatedRows) + std::max(0.0, r->estimatedRows);
      auto out = exec::makeUnion(ctx_, std::move(l), std::move(r));
      out->estimatedRows = est;
      return out;
    }
    case OpKind::Minus: {
      const auto& m = as<Minus>(op);
      auto l = build(*m.left, g, {});
      double est = l->estimatedRows;
      auto out = exec::makeMinus(ctx_, std::move(l), build(*m.right, g, {}));
      out->estimatedRows = est;
      return wrap(std::move(out), std::move(filters));
    }
    case OpKind::Graph: {
      const auto& gr = as<Graph>(op);
      GraphSpec spec = graphSpecFor(gr, g);
      if (spec.kind == GraphSpec::Kind::Cell) {
        auto input = build(*gr.input, spec, {});
        auto out = exec::makeGraph(ctx_, std::move(input), spec.cell, -1, *spec.cell);
        return wrap(std::move(out), std::move(filters));
      }
      GraphSpec cellSpec;
      cellSpec.kind = GraphSpec::Kind::Cell;
      cellSpec.cell = std::make_shared<rdf::TermId>();
      auto input = build(*gr.input, cellSpec, {});
      auto out = exec::makeGraph(ctx_, std::move(input), cellSpec.cell, spec.slot, std::nullopt);
      return wrap(std::move(out), std::move(filters));
    }
    case OpKind::Service: {
      const auto& s = as<Service>(op);
      std::string name = s.name.isVar() ? "?" + s.name.var : "<" + s.name.term.value + ">";
      return wrap(exec::makeService(ctx_, s.silent, name), std::move(filters));
    }
    case OpKind::Extend: {
      const auto& e = as<Extend>(op);
      auto in = build(*e.input, g, {});
      double est = in->estimatedRows;
      auto out = exec::makeExtend(ctx_, std::move(in), ctx_.vars().find(e.var), e.expr);
      out->estimatedRows = est;
      return wrap(std::move(out), std::move(filters));
    }
    case OpKind::Group: {
      const auto& gr = as<Group>(op);
      auto in = build(*gr.input, g, {});
      if (ctx_.planOptions.groupCount)
        if (auto counted = exec::countOverSubjectMerge(ctx_, *in, gr)) {
          return wrap(std::move(counted), std::move(filters));
        }
      return wrap(exec::makeGroup(ctx_, std::move(in), gr), std::move(filters));
    }
    case OpKind::Table:
      return wrap(exec::makeTable(ctx_, as<Table>(op)), std::move(filters));
    case OpKind::Project: {
      const auto& p = as<Project>(op);
      std::vector<int> slots;
      for (const auto& v : p.vars) slots.push_back(ctx_.vars().find(v));
      auto in = build(*p.input, g, {});
      double est = in->estimatedRows;
      auto out = exec::makeProject(ctx_, std::move(in), std::move(slots));
      out->estimatedRows = est;
      return wrap(std::move(out), std::move(filters));
    }
    case OpKind::Distinct: {
      auto in = build(*as<Distinct>(op).input, g, {});
      double est = in->estimatedRows;
      auto out = exec::makeDistinct(ctx_, std::move(in));
      out->estimatedRows = est;
      return wrap(std::move(out), std::move(filters));
    }
    case OpKind::Reduced: {
      auto in = build(*as<Reduced>(op).input, g, {});
      double est = in->estimatedRows;
      auto out = exec::makeReduced(ctx_, std::move(in));
      out->estimatedRows = est;
      return wrap(std::move(out), std::move(filters));
    }
    case OpKind::OrderBy: {
      const auto& o = as<OrderBy>(op);
      auto in = build(*o.input, g, {});
      double est = in->estimatedRows;
      auto out = exec::makeOrderBy(ctx_, std::move(in), o.keys, std::nullopt);
      out->estimatedRows = est;
      return wrap(std::move(out), std::move(filters));
    }
    case OpKind::Slice: {
      const auto& s = as<Slice>(op);
      uint64_t offset = s.start.value_or(0);
      // Top-k: Slice(OrderBy) or Slice(Project(OrderBy)).
      const Op* inner = s.input.get();
      const Project* proj = nullptr;
      if (inner->kind == OpKind::Project) {
        proj = &as<Project>(*inner);
        inner = proj->input.get();
      }
      OperatorPtr in;
      if (s.length && inner->kind == OpKind::OrderBy) {
        const auto& o = as<OrderBy>(*inner);
        in = exec::makeOrderBy(ctx_, buildForTopK(*o.input, o.keys, offset + *s.length, g),
                               o.keys, offset + *s.length);
        if (proj) {
          std::vector<int> slots;
          for (const auto& v : proj->vars) slots.push_back(ctx_.vars().find(v));
          in = exec::makeProject(ctx_, std::move(in), std::move(slots));
        }
      } else {
        in = build(*s.input, g, {});
      }
      double est = in->estimatedRows;
      if (s.length && (est < 0 || est > static_cast<double>(*s.length)))
        est = static_cast<double>(*s.length);
      auto out = exec::makeSlice(ctx_, std::move(in), offset, s.length);
      out->estimatedRows = est;
      return wrap(std::move(out), std::move(filters));
    }
    case OpKind::Path: break;
  }
  BDIS_ASSERT(false);
}

OperatorPtr PlanBuilder::leftJoinOver(const algebra::LeftJoin& lj, OperatorPtr left,
                                      const GraphSpec& g) {
  auto lv = slotsOf(certainVars(*lj.left));
  std::vector<const Expr*> exprs;
  for (const auto& e : lj.exprs) exprs.push_back(&e);
  double est = left->estimatedRows;
  OperatorPtr out;
  // OPTIONAL over a chain: probe the index once per left row, unless many
  // left rows come and the right side alone is not much larger (then hash it).
  OperatorPtr independent;
  if (chainable(*lj.right) && left->estimatedRows > 2000) {
    independent = build(*lj.right, g, {});
    if (independent->estimatedRows < 0 || independent->estimatedRows > est * 8)
      independent.reset();
  }
  if (chainable(*lj.right) && !independent) {
    std::set<int> bound = lv;
    Filters none;
    auto right = chain(*lj.right, exec::makeSeed(ctx_), g, bound, none);
    out = exec::makeLeftJoin(ctx_, std::move(left), std::move(right), std::move(exprs), true, {});
  } else if (independent) {
    out = exec::makeLeftJoin(ctx_, std::move(left), std::move(independent), std::move(exprs),
                             false, keySlots(*lj.left, *lj.right));
  } else {
    auto right = build(*lj.right, g, {});
    out = exec::makeLeftJoin(ctx_, std::move(left), std::move(right), std::move(exprs), false,
                             keySlots(*lj.left, *lj.right));
  }
  out->estimatedRows = est;
  return out;
}

}  // namespace bdis::sparql::planner
