// PlanBuilder::subjectOptionals: nested OPTIONALs of single patterns on one
// subject become a SubjectOptionals operator (see exec/operators.h).
// PlanBuilder::buildForTopK: ORDER BY ... LIMIT pushed below OPTIONALs as a top-k
// keeping ties.
#include <algorithm>
#include <cstdint>

#include "sparql/planner/plan_builder.h"
#include "sparql/planner/var_analysis.h"

namespace bdis::sparql::planner {

using algebra::as;
using algebra::OpKind;
using exec::GraphSpec;
using exec::OperatorPtr;

OperatorPtr PlanBuilder::subjectOptionals(const algebra::LeftJoin& top, const GraphSpec& g,
                                          Filters& filters, size_t minOptionals) {
  bool oneGraph = g.kind == GraphSpec::Kind::Cell ||
                  (g.kind == GraphSpec::Kind::Default && ctx_.dataset().defaultGraphs.size() == 1);
  if (!ctx_.planOptions.subjectOptionals || !oneGraph) return nullptr;
  // Walk down LeftJoin(LeftJoin(L, {?s p1 ?o1}), {?s p2 ?o2}) ..., innermost first.
  std::vector<const TriplePattern*> pats;
  const algebra::Op* cur = &top;
  while (cur->kind == OpKind::LeftJoin) {
    const auto& lj = as<algebra::LeftJoin>(*cur);
    if (!lj.exprs.empty() || lj.right->kind != OpKind::Bgp) break;
    const auto& bgp = as<algebra::Bgp>(*lj.right);
    if (bgp.triples.size() != 1) break;
    const auto& t = bgp.triples[0];
    if (!t.s.isVar() || t.p.isVar() || !t.o.isVar() || t.o.var == t.s.var) break;
    if (!pats.empty() && t.s.var != pats.back()->s.var) break;
    pats.push_back(&t);
    cur = lj.left.get();
  }
  if (pats.empty() || pats.size() < minOptionals) return nullptr;
  // Only the LeftJoins walked over are replaced: `cur` is their innermost left.
  const algebra::Op& left = *cur;
  const std::string& subject = pats[0]->s.var;
  auto certain = certainVars(left);
  auto visible = visibleVars(left);
  if (!certain.count(subject)) return nullptr;
  std::set<std::string> objects;
  for (const auto* t : pats)
    if (visible.count(t->o.var) || !objects.insert(t->o.var).second) return nullptr;
  std::reverse(pats.begin(), pats.end());  // first OPTIONAL first
  std::vector<std::pair<rdf::TermId, int>> props;
  for (const auto* t : pats) {
    auto id = ctx_.storeId(t->p.term);
    // An unknown predicate matches nothing: the OPTIONAL leaves its variable unbound.
    props.emplace_back(id ? *id : rdf::kAny, ctx_.vars().find(t->o.var));
  }
  auto lv = slotsOf(certain);
  Filters lf, rest;
  for (const Expr* e : filters) {
    std::set<std::string> v;
    bool ok = !hasExists(*e);
    if (ok) exprVars(*e, v);
    for (int s : slotsOf(v)) ok = ok && lv.count(s);
    (ok ? lf : rest).push_back(e);
  }
  // A pattern (?s p o) of a left BGP, constants p and o, whose range is no smaller
  // than that of another pattern on ?s: checked in the subject scan, not probed.
  std::vector<std::pair<rdf::TermId, rdf::TermId>> required;
  algebra::Bgp reduced;
  const algebra::Op* leftPlan = &left;
  if (ctx_.planOptions.subjectChecks && g.kind == GraphSpec::Kind::Default &&
      left.kind == OpKind::Bgp) {
    const auto& bgp = as<algebra::Bgp>(left);
    const rdf::TermId graph = ctx_.dataset().defaultGraphs[0];
    int take = -1;
    uint64_t takeCount = 0, smallest = UINT64_MAX;
    for (size_t i = 0; i < bgp.triples.size(); ++i) {
      const auto& t = bgp.triples[i];
      if (!t.s.isVar() || t.s.var != subject) continue;
      bool impossible = false;
      const exec::PatternPos p = pos(t.p, impossible, false);
      const exec::PatternPos o = pos(t.o, impossible, false);
      if (impossible) {
        take = -1;
        break;  // nothing matches: left to the plain plan
      }
      const uint64_t n = ctx_.txn().count(rdf::QuadPattern{
          rdf::kAny, p.isVar() ? rdf::kAny : p.id, o.isVar() ? rdf::kAny : o.id, graph});
      const bool constant = !p.isVar() && !o.isVar() && !t.o.term.isBlank();
      if (constant && (take < 0 || n > takeCount)) {
        if (take >= 0) smallest = std::min(smallest, takeCount);
        take = static_cast<int>(i);
        takeCount = n;
      } else {
        smallest = std::min(smallest, n);
      }
    }
    if (take >= 0 && smallest <= takeCount) {
      const auto& t = bgp.triples[take];
      bool impossible = false;
      required.emplace_back(pos(t.p, impossible, false).id, pos(t.o, impossible, false).id);
      for (size_t i = 0; i < bgp.triples.size(); ++i)
        if (static_cast<int>(i) != take) reduced.triples.push_back(bgp.triples[i]);
      leftPlan = &reduced;
    }
  }
  auto input = build(*leftPlan, g, std::move(lf));
  // Many left rows against a right range not much larger are cheaper as hash joins on
  // the whole ranges (leftJoinOver); against larger ranges, one subject scan per row
  // beats one index probe per OPTIONAL per row.
  double est = input->estimatedRows;
  if (est > 2000) {
    if (g.kind != GraphSpec::Kind::Default) return nullptr;
    for (const auto& [p, slot] : props)
      if (!p.isAny() && static_cast<double>(ctx_.txn().count(rdf::QuadPattern{
                            rdf::kAny, p, rdf::kAny, ctx_.dataset().defaultGraphs[0]})) <= est * 8)
        return nullptr;
  }
  auto out = exec::makeSubjectOptionals(ctx_, std::move(input), ctx_.vars().find(subject),
                                        std::move(props), std::move(required), g);
  out->estimatedRows = est;
  filters = std::move(rest);
  return out;
}

namespace {

/// True when evaluating `e` on a row twice may give two values (RAND, UUID, ...) or
/// reads beyond the row's variables (EXISTS): such a sort key is not pushed down.
bool unstableKey(const Expr& e) {
  if (e.kind == Expr::Kind::Exists || e.kind == Expr::Kind::NotExists) return true;
  if (e.kind == Expr::Kind::Builtin &&
      (e.name == "RAND" || e.name == "UUID" || e.name == "STRUUID" || e.name == "BNODE"))
    return true;
  return std::any_of(e.args.begin(), e.args.end(), [](const Expr& a) { return unstableKey(a); });
}

}  // namespace

OperatorPtr PlanBuilder::buildForTopK(const algebra::Op& op,
                                      const std::vector<algebra::SortKey>& keys, uint64_t n,
                                      const GraphSpec& g) {
  noteOpExists(op, g);
  // A large n cuts little and would sort every left row twice.
  constexpr uint64_t kMaxPushedTopK = 100000;
  if (!ctx_.planOptions.topKBelowOptional || n == 0 || n > kMaxPushedTopK || keys.empty())
    return build(op, g, {});
  std::set<std::string> keyVars;
  for (const auto& k : keys) {
    if (unstableKey(k.expr)) return build(op, g, {});
    exprVars(k.expr, keyVars);
  }
  // An Extend (BIND) binding no key variable keeps one row per row and its keys.
  if (op.kind == OpKind::Extend) {
    const auto& e = as<algebra::Extend>(op);
    if (keyVars.count(e.var)) return build(op, g, {});
    auto in = buildForTopK(*e.input, keys, n, g);
    double est = in->estimatedRows;
    auto out = exec::makeExtend(ctx_, std::move(in), ctx_.vars().find(e.var), e.expr);
    out->estimatedRows = est;
    return out;
  }
  if (op.kind != OpKind::LeftJoin) return build(op, g, {});
  // LeftJoin (18.5): every left row gives at least one row (Diff keeps the rows no
  // right row extends under the filter), each a merge with that left row: a key over
  // variables the left side binds certainly, or the right side never binds, has the
  // left row's value in all of them. So the final top-n comes from the left rows
  // among the n first, ties with the n-th included.
  const auto& lj = as<algebra::LeftJoin>(op);
  // OPTIONALs read in one subject scan per row: the ones after the key's come almost free.
  Filters none;
  if (auto star = subjectOptionals(lj, g, none)) return star;
  const auto leftCertain = certainVars(*lj.left);
  const auto rightVisible = visibleVars(*lj.right);
  for (const auto& v : keyVars)
    if (!leftCertain.count(v) && rightVisible.count(v)) {
      // The OPTIONALs binding a key run on every left row: one subject scan per row
      // even for a single one, the rest of the chain then runs on the top-k's rows.
      if (auto star = subjectOptionals(lj, g, none, 1)) return star;
      return build(op, g, {});
    }
  auto left = buildForTopK(*lj.left, keys, n, g);
  double est = left->estimatedRows;
  left = exec::makeOrderBy(ctx_, std::move(left), keys, n, true);
  left->estimatedRows = est < 0 ? static_cast<double>(n) : std::min(est, static_cast<double>(n));
  return leftJoinOver(lj, std::move(left), g);
}

}  // namespace bdis::sparql::planner
