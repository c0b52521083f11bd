#include "sparql/parser/checks.h"

#include <algorithm>
#include <set>

#include "rdf/error.h"
#include "sparql/ast/scope.h"

namespace bdis::sparql::parser {
namespace {

void checkGroup(const ast::GroupGraphPattern& g);

void checkExpr(const Expr& e) {
  if (e.pattern) {
    checkGroup(*e.pattern);
  }
  for (const auto& a : e.args) {
    checkExpr(a);
  }
}

void checkGroup(const ast::GroupGraphPattern& g) {
  using K = ast::PatternElement::Kind;
  std::vector<std::string> seen;
  for (const auto& e : g.elements) {
    if (e.kind == K::Bind) {
      checkExpr(e.expr);
      if (std::find(seen.begin(), seen.end(), e.var) != seen.end()) {
        throw SemanticError(e.pos.prefix() + "BIND: variable ?" + e.var +
                            " is already in scope in this group");
      }
    }
    if (e.kind == K::Filter) {
      checkExpr(e.expr);
    }
    for (const auto& sub : e.groups) {
      checkGroup(sub);
    }
    if (e.kind == K::SubSelect) {
      checkQuery(*e.subquery);
    }
    // In-scope variables of this element alone, added to what precedes it.
    std::vector<std::string> vars;
    {
      switch (e.kind) {
        case K::Triples:
          for (const auto& t : e.triples) {
            for (const VarOrTerm* v : {&t.s, &t.p, &t.o}) {
              if (v->isVar() && !(v == &t.p && t.path)) {
                vars.push_back(v->var);
              }
            }
          }
          break;
        case K::Graph:
        case K::Service:
          if (e.name.isVar()) {
            vars.push_back(e.name.var);
          }
          [[fallthrough]];
        case K::Group:
        case K::Union:
        case K::Optional:
          for (const auto& sub : e.groups) {
            ast::inScopeVariables(sub, vars);
          }
          break;
        case K::Bind:
          vars.push_back(e.var);
          break;
        case K::Values:
          vars = e.values.vars;
          break;
        case K::SubSelect:
          vars = ast::visibleVariables(*e.subquery);
          break;
        case K::Minus:
        case K::Filter:
          break;
      }
    }
    for (auto& v : vars) {
      seen.push_back(std::move(v));
    }
  }
}

/// Variables used in `e` outside aggregates.
void freeVars(const Expr& e, std::vector<std::string>& out) {
  if (e.kind == Expr::Kind::Aggregate || e.pattern) {
    return;
  }
  if (e.kind == Expr::Kind::Var) {
    out.push_back(e.name);
  }
  for (const auto& a : e.args) {
    freeVars(a, out);
  }
}

}  // namespace

void checkQuery(const ast::Query& q) {
  if (q.where) {
    checkGroup(*q.where);
  }
  for (const auto& p : q.select.items) {
    if (p.expr) {
      checkExpr(*p.expr);
    }
  }
  for (const auto& h : q.having) {
    checkExpr(h);
  }
  for (const auto& o : q.orderBy) {
    checkExpr(o.expr);
  }

  std::vector<std::string> scope;
  if (q.where) {
    ast::inScopeVariables(*q.where, scope);
  }
  std::set<std::string> inScope(scope.begin(), scope.end());
  for (const auto& c : q.groupBy) {
    if (c.var.empty()) {
      continue;
    }
    if (inScope.count(c.var)) {
      throw SemanticError(c.pos.prefix() + "GROUP BY: variable ?" + c.var + " in (... AS ?" +
                          c.var + ") is already in scope");
    }
    inScope.insert(c.var);
  }
  std::set<std::string> projected;
  for (const auto& p : q.select.items) {
    if (p.expr && (inScope.count(p.var) || projected.count(p.var))) {
      throw SemanticError(p.pos.prefix() + "SELECT: variable ?" + p.var + " in (... AS ?" + p.var +
                          ") is already in scope");
    }
    projected.insert(p.var);
  }

  bool grouped = !q.groupBy.empty();
  for (const auto& p : q.select.items) {
    grouped = grouped || (p.expr && p.expr->hasAggregate());
  }
  for (const auto& h : q.having) {
    grouped = grouped || h.hasAggregate();
  }
  for (const auto& o : q.orderBy) {
    grouped = grouped || o.expr.hasAggregate();
  }
  if (!grouped) {
    return;
  }
  if (q.select.star && q.form == ast::QueryForm::Select) {
    throw SemanticError(q.select.pos.prefix() +
                        "SELECT * is not allowed with GROUP BY or aggregates");
  }
  std::set<std::string> groupVars;
  for (const auto& c : q.groupBy) {
    if (!c.var.empty()) {
      groupVars.insert(c.var);
    } else if (c.expr.kind == Expr::Kind::Var) {
      groupVars.insert(c.expr.name);
    }
  }
  std::set<std::string> defined = groupVars;
  for (const auto& p : q.select.items) {
    std::vector<std::string> used;
    if (p.expr) {
      freeVars(*p.expr, used);
    } else {
      used.push_back(p.var);
    }
    for (const auto& v : used) {
      if (!defined.count(v)) {
        throw SemanticError(p.pos.prefix() + "SELECT: variable ?" + v +
                            " is neither grouped nor aggregated");
      }
    }
    defined.insert(p.var);
  }
}

void checkUpdate(const ast::Update& u) {
  for (const auto& op : u.operations) {
    if (op.where) {
      checkGroup(*op.where);
    }
  }
}

}  // namespace bdis::sparql::parser
