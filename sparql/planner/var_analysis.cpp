#include "sparql/planner/var_analysis.h"

#include <algorithm>

namespace bdis::sparql::planner {

using algebra::as;
using algebra::OpKind;

namespace {
void addTerm(const VarOrTerm& t, exec::VarTable& vars) {
  if (t.isVar()) vars.add(t.var);
}
void collectExpr(const Expr& e, exec::VarTable& vars) {
  if (e.kind == Expr::Kind::Var) vars.add(e.name);
  for (const auto& a : e.args) collectExpr(a, vars);
  if (e.op) collectVars(*e.op, vars);
}
}  // namespace

void collectVars(const algebra::Op& op, exec::VarTable& vars) {
  using namespace algebra;
  switch (op.kind) {
    case OpKind::Bgp:
      for (const auto& t : as<Bgp>(op).triples) {
        addTerm(t.s, vars);
        addTerm(t.p, vars);
        addTerm(t.o, vars);
      }
      return;
    case OpKind::Path:
      addTerm(as<PathOp>(op).s, vars);
      addTerm(as<PathOp>(op).o, vars);
      return;
    case OpKind::Join:
      collectVars(*as<Join>(op).left, vars);
      collectVars(*as<Join>(op).right, vars);
      return;
    case OpKind::LeftJoin:
      collectVars(*as<LeftJoin>(op).left, vars);
      collectVars(*as<LeftJoin>(op).right, vars);
      for (const auto& e : as<LeftJoin>(op).exprs) collectExpr(e, vars);
      return;
    case OpKind::Filter:
      collectVars(*as<Filter>(op).input, vars);
      for (const auto& e : as<Filter>(op).exprs) collectExpr(e, vars);
      return;
    case OpKind::Union:
      collectVars(*as<Union>(op).left, vars);
      collectVars(*as<Union>(op).right, vars);
      return;
    case OpKind::Minus:
      collectVars(*as<Minus>(op).left, vars);
      collectVars(*as<Minus>(op).right, vars);
      return;
    case OpKind::Graph:
      addTerm(as<Graph>(op).name, vars);
      collectVars(*as<Graph>(op).input, vars);
      return;
    case OpKind::Service:
      addTerm(as<Service>(op).name, vars);
      collectVars(*as<Service>(op).input, vars);
      return;
    case OpKind::Extend:
      collectVars(*as<Extend>(op).input, vars);
      vars.add(as<Extend>(op).var);
      collectExpr(as<Extend>(op).expr, vars);
      return;
    case OpKind::Group: {
      const auto& g = as<Group>(op);
      collectVars(*g.input, vars);
      for (const auto& k : g.keys) {
        if (!k.var.empty()) vars.add(k.var);
        collectExpr(k.expr, vars);
      }
      for (const auto& a : g.aggregates) {
        vars.add(a.var);
        collectExpr(a.aggregate, vars);
      }
      return;
    }
    case OpKind::Table:
      for (const auto& v : as<Table>(op).vars) vars.add(v);
      return;
    case OpKind::Project:
      collectVars(*as<Project>(op).input, vars);
      for (const auto& v : as<Project>(op).vars) vars.add(v);
      return;
    case OpKind::Distinct: collectVars(*as<Distinct>(op).input, vars); return;
    case OpKind::Reduced: collectVars(*as<Reduced>(op).input, vars); return;
    case OpKind::OrderBy:
      collectVars(*as<OrderBy>(op).input, vars);
      for (const auto& k : as<OrderBy>(op).keys) collectExpr(k.expr, vars);
      return;
    case OpKind::Slice: collectVars(*as<Slice>(op).input, vars); return;
  }
}

void exprVars(const Expr& e, std::set<std::string>& out) {
  if (e.kind == Expr::Kind::Var) out.insert(e.name);
  for (const auto& a : e.args) exprVars(a, out);
}

bool hasExists(const Expr& e) {
  if (e.kind == Expr::Kind::Exists || e.kind == Expr::Kind::NotExists) return true;
  return std::any_of(e.args.begin(), e.args.end(), [](const Expr& a) { return hasExists(a); });
}

std::set<std::string> certainVars(const algebra::Op& op) {
  using namespace algebra;
  std::set<std::string> out;
  auto term = [&](const VarOrTerm& t) {
    if (t.isVar()) out.insert(t.var);
  };
  auto merge = [&](const std::set<std::string>& s) { out.insert(s.begin(), s.end()); };
  switch (op.kind) {
    case OpKind::Bgp:
      for (const auto& t : as<Bgp>(op).triples) {
        term(t.s);
        term(t.p);
        term(t.o);
      }
      break;
    case OpKind::Path:
      term(as<PathOp>(op).s);
      term(as<PathOp>(op).o);
      break;
    case OpKind::Join:
      merge(certainVars(*as<Join>(op).left));
      merge(certainVars(*as<Join>(op).right));
      break;
    case OpKind::LeftJoin: merge(certainVars(*as<LeftJoin>(op).left)); break;
    case OpKind::Filter: merge(certainVars(*as<Filter>(op).input)); break;
    case OpKind::Union: {
      auto l = certainVars(*as<Union>(op).left);
      auto r = certainVars(*as<Union>(op).right);
      std::set_intersection(l.begin(), l.end(), r.begin(), r.end(), std::inserter(out, out.end()));
      break;
    }
    case OpKind::Minus: merge(certainVars(*as<Minus>(op).left)); break;
    case OpKind::Graph:
      term(as<Graph>(op).name);
      merge(certainVars(*as<Graph>(op).input));
      break;
    case OpKind::Service: break;
    case OpKind::Extend: merge(certainVars(*as<Extend>(op).input)); break;
    case OpKind::Group: break;
    case OpKind::Table: {
      const auto& t = as<Table>(op);
      for (size_t i = 0; i < t.vars.size(); ++i) {
        bool all = !t.rows.empty();
        for (const auto& r : t.rows) all = all && i < r.size() && !r[i].isNone();
        if (all) out.insert(t.vars[i]);
      }
      break;
    }
    case OpKind::Project: {
      auto in = certainVars(*as<Project>(op).input);
      for (const auto& v : as<Project>(op).vars)
        if (in.count(v)) out.insert(v);
      break;
    }
    case OpKind::Distinct: merge(certainVars(*as<Distinct>(op).input)); break;
    case OpKind::Reduced: merge(certainVars(*as<Reduced>(op).input)); break;
    case OpKind::OrderBy: merge(certainVars(*as<OrderBy>(op).input)); break;
    case OpKind::Slice: merge(certainVars(*as<Slice>(op).input)); break;
  }
  return out;
}

std::set<std::string> visibleVars(const algebra::Op& op) {
  using namespace algebra;
  std::set<std::string> out;
  auto term = [&](const VarOrTerm& t) {
    if (t.isVar()) out.insert(t.var);
  };
  auto merge = [&](const Op& o) {
    auto s = visibleVars(o);
    out.insert(s.begin(), s.end());
  };
  switch (op.kind) {
    case OpKind::Bgp:
      for (const auto& t : as<Bgp>(op).triples) {
        term(t.s);
        term(t.p);
        term(t.o);
      }
      break;
    case OpKind::Path:
      term(as<PathOp>(op).s);
      term(as<PathOp>(op).o);
      break;
    case OpKind::Join: merge(*as<Join>(op).left); merge(*as<Join>(op).right); break;
    case OpKind::LeftJoin: merge(*as<LeftJoin>(op).left); merge(*as<LeftJoin>(op).right); break;
    case OpKind::Filter: merge(*as<Filter>(op).input); break;
    case OpKind::Union: merge(*as<Union>(op).left); merge(*as<Union>(op).right); break;
    case OpKind::Minus: merge(*as<Minus>(op).left); break;
    case OpKind::Graph: term(as<Graph>(op).name); merge(*as<Graph>(op).input); break;
    case OpKind::Service: merge(*as<Service>(op).input); break;
    case OpKind::Extend: merge(*as<Extend>(op).input); out.insert(as<Extend>(op).var); break;
    case OpKind::Group:
      for (const auto& k : as<Group>(op).keys)
        if (!k.var.empty()) out.insert(k.var);
      for (const auto& a : as<Group>(op).aggregates) out.insert(a.var);
      break;
    case OpKind::Table:
      for (const auto& v : as<Table>(op).vars) out.insert(v);
      break;
    case OpKind::Project:
      for (const auto& v : as<Project>(op).vars) out.insert(v);
      break;
    case OpKind::Distinct: merge(*as<Distinct>(op).input); break;
    case OpKind::Reduced: merge(*as<Reduced>(op).input); break;
    case OpKind::OrderBy: merge(*as<OrderBy>(op).input); break;
    case OpKind::Slice: merge(*as<Slice>(op).input); break;
  }
  return out;
}

bool chainable(const algebra::Op& op) {
  using namespace algebra;
  switch (op.kind) {
    case OpKind::Bgp: return !as<Bgp>(op).triples.empty();
    case OpKind::Path: return true;
    case OpKind::Join: return chainable(*as<Join>(op).left) && chainable(*as<Join>(op).right);
    case OpKind::Graph: return chainable(*as<Graph>(op).input);
    default: return false;
  }
}

}  // namespace bdis::sparql::planner
