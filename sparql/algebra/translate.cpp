// Section 18.2 of SPARQL 1.1 Query: from the AST to the algebra.

#include "sparql/algebra/translate.h"

#include <algorithm>

#include "sparql/algebra/all.h"
#include "sparql/algebra/sse.h"
#include "sparql/ast/scope.h"

namespace bdis::sparql::algebra {
namespace {

using PK = ast::PatternElement::Kind;

OpPtr unitTable() {
  auto t = std::make_unique<Table>();
  t->rows.emplace_back();
  return t;
}

bool isUnit(const Op& op) { return op.kind == OpKind::Table && Table::isUnit(as<Table>(op)); }

/// Join(G, A) with the simplification of 18.2.2.8: Join(Z, A) = A, Join(A, Z) = A.
OpPtr join(OpPtr g, OpPtr a) {
  if (isUnit(*g)) {
    return a;
  }
  if (isUnit(*a)) {
    return g;
  }
  auto j = std::make_unique<Join>();
  j->left = std::move(g);
  j->right = std::move(a);
  return j;
}

template <typename T>
OpPtr binary(OpPtr l, OpPtr r) {
  auto op = std::make_unique<T>();
  op->left = std::move(l);
  op->right = std::move(r);
  return op;
}

OpPtr table(const ast::ValuesBlock& vb) {
  auto t = std::make_unique<Table>();
  t->vars = vb.vars;
  t->rows = vb.rows;
  return t;
}

/// Translation state for one query or update (fresh-variable counters).
class Translator {
 public:
  OpPtr query(const ast::Query& q);
  OpPtr group(const ast::GroupGraphPattern& g);

 private:
  /// A triple pattern or a path, in the order of 18.2.2.4.
  struct Item {
    TriplePattern triple;
    std::unique_ptr<PathOp> path;
  };

  VarOrTerm node(const VarOrTerm& t) const {
    if (!t.isVar() && t.term.isBlank()) {
      return VarOrTerm::variable("?" + t.term.value);
    }
    return t;
  }
  VarOrTerm freshVar() { return VarOrTerm::variable("?P" + std::to_string(pathVars_++)); }
  void translatePath(const VarOrTerm& x, const Path& p, const VarOrTerm& y, std::vector<Item>& out);
  OpPtr flush(std::vector<Item>& items);
  Expr expr(const Expr& e);
  Expr replaceAggregates(const Expr& e, std::vector<AggregateBinding>& aggs);

  int pathVars_ = 0;
};

void Translator::translatePath(const VarOrTerm& x, const Path& p, const VarOrTerm& y,
                               std::vector<Item>& out) {
  switch (p.kind) {
    case Path::Kind::Link:
      out.push_back(Item{TriplePattern{x, VarOrTerm::of(p.iri), y}, nullptr});
      return;
    case Path::Kind::Inverse:
      translatePath(y, p.args[0], x, out);
      return;
    case Path::Kind::Sequence: {
      VarOrTerm from = x;
      for (size_t i = 0; i < p.args.size(); ++i) {
        VarOrTerm to = i + 1 == p.args.size() ? y : freshVar();
        translatePath(from, p.args[i], to, out);
        from = to;
      }
      return;
    }
    default: {
      auto op = std::make_unique<PathOp>();
      op->s = x;
      op->path = p;
      op->o = y;
      out.push_back(Item{{}, std::move(op)});
      return;
    }
  }
}

OpPtr Translator::flush(std::vector<Item>& items) {
  OpPtr result = unitTable();
  std::unique_ptr<Bgp> bgp;
  auto closeBgp = [&] {
    if (bgp) {
      result = join(std::move(result), std::move(bgp));
    }
    bgp.reset();
  };
  for (auto& it : items) {
    if (it.path) {
      closeBgp();
      result = join(std::move(result), std::move(it.path));
    } else {
      if (!bgp) {
        bgp = std::make_unique<Bgp>();
      }
      bgp->triples.push_back(std::move(it.triple));
    }
  }
  closeBgp();
  items.clear();
  return result;
}

Expr Translator::expr(const Expr& e) {
  Expr out;
  out.kind = e.kind;
  out.name = e.name;
  out.term = e.term;
  out.distinct = e.distinct;
  out.hasSeparator = e.hasSeparator;
  out.separator = e.separator;
  for (const auto& a : e.args) {
    out.args.push_back(expr(a));
  }
  if (e.pattern) {
    out.op = group(*e.pattern);
  }
  return out;
}

Expr Translator::replaceAggregates(const Expr& e, std::vector<AggregateBinding>& aggs) {
  if (e.kind == Expr::Kind::Aggregate) {
    Expr a = expr(e);
    std::string key = toSse(a);
    for (const auto& b : aggs) {
      if (toSse(b.aggregate) == key) {
        return Expr::var(b.var);
      }
    }
    std::string var = "." + std::to_string(aggs.size());
    aggs.push_back(AggregateBinding{var, std::move(a)});
    return Expr::var(var);
  }
  Expr out;
  out.kind = e.kind;
  out.name = e.name;
  out.term = e.term;
  out.distinct = e.distinct;
  out.hasSeparator = e.hasSeparator;
  out.separator = e.separator;
  for (const auto& a : e.args) {
    out.args.push_back(replaceAggregates(a, aggs));
  }
  if (e.pattern) {
    out.op = group(*e.pattern);
  }
  return out;
}

OpPtr Translator::group(const ast::GroupGraphPattern& g) {
  std::vector<Expr> filters;
  OpPtr result = unitTable();
  std::vector<Item> items;  // the current triples block (filters do not end it)
  auto closeBlock = [&] {
    if (!items.empty()) {
      result = join(std::move(result), flush(items));
    }
  };
  for (const auto& e : g.elements) {
    if (e.kind == PK::Filter) {
      filters.push_back(expr(e.expr));
      continue;
    }
    if (e.kind == PK::Triples) {
      for (const auto& t : e.triples) {
        if (t.path) {
          translatePath(node(t.s), *t.path, node(t.o), items);
        } else {
          items.push_back(Item{TriplePattern{node(t.s), node(t.p), node(t.o)}, nullptr});
        }
      }
      continue;
    }
    closeBlock();
    switch (e.kind) {
      case PK::Optional: {
        // 18.2.2.6: the LeftJoin takes the FILTERs of the OPTIONAL's own group
        // only. A Filter that comes from a nested group ({ { P FILTER(F) } })
        // stays inside the right operand: simplification of Join(Z, A) happens
        // after translation, so it must not expose the inner filter here
        // (dawg-optional-filter-005-not-simplified).
        const auto& inner = e.groups[0].elements;
        const bool ownFilter = std::any_of(inner.begin(), inner.end(),
                                           [](const auto& x) { return x.kind == PK::Filter; });
        OpPtr a = group(e.groups[0]);
        auto lj = std::make_unique<LeftJoin>();
        if (ownFilter && a->kind == OpKind::Filter) {
          auto& f = as<Filter>(*a);
          lj->exprs = std::move(f.exprs);
          lj->right = std::move(f.input);
        } else {
          lj->right = std::move(a);
        }
        lj->left = std::move(result);
        result = std::move(lj);
        break;
      }
      case PK::Minus:
        result = binary<Minus>(std::move(result), group(e.groups[0]));
        break;
      case PK::Bind: {
        auto ext = std::make_unique<Extend>();
        ext->input = std::move(result);
        ext->var = e.var;
        ext->expr = expr(e.expr);
        result = std::move(ext);
        break;
      }
      case PK::Group:
        result = join(std::move(result), group(e.groups[0]));
        break;
      case PK::Union: {
        OpPtr u = group(e.groups[0]);
        for (size_t i = 1; i < e.groups.size(); ++i) {
          u = binary<Union>(std::move(u), group(e.groups[i]));
        }
        result = join(std::move(result), std::move(u));
        break;
      }
      case PK::Graph: {
        auto op = std::make_unique<Graph>();
        op->name = e.name;
        op->input = group(e.groups[0]);
        result = join(std::move(result), std::move(op));
        break;
      }
      case PK::Service: {
        auto op = std::make_unique<Service>();
        op->name = e.name;
        op->silent = e.silent;
        op->query = e.serviceQuery;
        op->input = group(e.groups[0]);
        result = join(std::move(result), std::move(op));
        break;
      }
      case PK::Values:
        result = join(std::move(result), table(e.values));
        break;
      case PK::SubSelect:
        result = join(std::move(result), query(*e.subquery));
        break;
      case PK::Triples:
      case PK::Filter:
        break;
    }
  }
  closeBlock();
  if (!filters.empty()) {
    auto f = std::make_unique<Filter>();
    f->exprs = std::move(filters);
    f->input = std::move(result);
    result = std::move(f);
  }
  return result;
}

OpPtr Translator::query(const ast::Query& q) {
  OpPtr p = q.where ? group(*q.where) : unitTable();

  // 18.2.4.1 Grouping and aggregation.
  bool grouped = !q.groupBy.empty();
  for (const auto& s : q.select.items) {
    grouped = grouped || (s.expr && s.expr->hasAggregate());
  }
  for (const auto& h : q.having) {
    grouped = grouped || h.hasAggregate();
  }
  for (const auto& o : q.orderBy) {
    grouped = grouped || o.expr.hasAggregate();
  }
  std::vector<AggregateBinding> aggs;
  std::vector<Expr> selectExprs;  // per select item; Constant None when a plain variable
  std::vector<Expr> havings;
  std::vector<SortKey> keys;
  for (const auto& s : q.select.items) {
    selectExprs.push_back(s.expr ? replaceAggregates(*s.expr, aggs) : Expr());
  }
  for (const auto& h : q.having) {
    havings.push_back(replaceAggregates(h, aggs));
  }
  for (const auto& o : q.orderBy) {
    keys.push_back(SortKey{replaceAggregates(o.expr, aggs), o.descending});
  }
  if (grouped) {
    auto g = std::make_unique<Group>();
    for (const auto& c : q.groupBy) {
      GroupKey k;
      k.expr = expr(c.expr);
      k.var = !c.var.empty() ? c.var : (c.expr.kind == Expr::Kind::Var ? c.expr.name : "");
      g->keys.push_back(std::move(k));
    }
    g->aggregates = std::move(aggs);
    g->input = std::move(p);
    p = std::move(g);
  }
  if (!havings.empty()) {
    auto f = std::make_unique<Filter>();
    f->exprs = std::move(havings);
    f->input = std::move(p);
    p = std::move(f);
  }
  // 18.2.4.3 trailing VALUES.
  if (q.values) {
    p = join(std::move(p), table(*q.values));
  }
  // 18.2.4.4 SELECT expressions.
  for (size_t i = 0; i < q.select.items.size(); ++i) {
    if (!q.select.items[i].expr) {
      continue;
    }
    auto ext = std::make_unique<Extend>();
    ext->input = std::move(p);
    ext->var = q.select.items[i].var;
    ext->expr = std::move(selectExprs[i]);
    p = std::move(ext);
  }
  // 18.2.5 solution modifiers.
  if (!keys.empty()) {
    auto o = std::make_unique<OrderBy>();
    o->keys = std::move(keys);
    o->input = std::move(p);
    p = std::move(o);
  }
  if (q.form == ast::QueryForm::Select) {
    auto proj = std::make_unique<Project>();
    if (q.select.star) {
      for (auto& v : ast::visibleVariables(q)) {
        if (!isHiddenVar(v)) {
          proj->vars.push_back(std::move(v));
        }
      }
    } else {
      for (const auto& s : q.select.items) {
        if (std::find(proj->vars.begin(), proj->vars.end(), s.var) == proj->vars.end()) {
          proj->vars.push_back(s.var);
        }
      }
    }
    proj->input = std::move(p);
    p = std::move(proj);
    if (q.select.distinct) {
      auto d = std::make_unique<Distinct>();
      d->input = std::move(p);
      p = std::move(d);
    } else if (q.select.reduced) {
      auto r = std::make_unique<Reduced>();
      r->input = std::move(p);
      p = std::move(r);
    }
  }
  if (q.limit || q.offset) {
    auto s = std::make_unique<Slice>();
    s->start = q.offset;
    s->length = q.limit;
    s->input = std::move(p);
    p = std::move(s);
  }
  return p;
}

}  // namespace

OpPtr translateQuery(const ast::Query& q) {
  Translator t;
  return t.query(q);
}

OpPtr translatePattern(const ast::GroupGraphPattern& g) {
  Translator t;
  return t.group(g);
}

}  // namespace bdis::sparql::algebra
