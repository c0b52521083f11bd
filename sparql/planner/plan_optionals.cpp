// PlanBuilder::subjectOptionals: nested OPTIONALs of single patterns on one
// subject become a SubjectOptionals operator (see exec/operators.h).
#include <algorithm>

#include "sparql/planner/plan_builder.h"
#include "sparql/planner/var_analysis.h"

namespace bdis::sparql::planner {

using algebra::as;
using algebra::OpKind;
using exec::GraphSpec;
using exec::OperatorPtr;

OperatorPtr PlanBuilder::subjectOptionals(const algebra::LeftJoin& top, const GraphSpec& g,
                                          Filters& filters) {
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
  if (pats.size() < 2) return nullptr;
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
  auto input = build(left, g, std::move(lf));
  // Many left rows are cheaper as hash joins on the whole ranges (build's LeftJoin).
  if (input->estimatedRows > 2000) return nullptr;
  double est = input->estimatedRows;
  auto out = exec::makeSubjectOptionals(ctx_, std::move(input), ctx_.vars().find(subject),
                                        std::move(props), g);
  out->estimatedRows = est;
  filters = std::move(rest);
  return out;
}

}  // namespace bdis::sparql::planner
