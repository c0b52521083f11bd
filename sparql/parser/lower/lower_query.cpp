// Lowering of query units, SELECT clauses, solution modifiers and subqueries.

#include <charconv>

#include "sparql/parser/lower/lowering.h"

namespace bdis::sparql::parser {
namespace {

uint64_t toCount(const Token& t) {
  uint64_t v = 0;
  std::from_chars(t.text.data(), t.text.data() + t.text.size(), v);
  return v;
}

/// The CONSTRUCT WHERE short form: the template is also the pattern.
std::unique_ptr<ast::GroupGraphPattern> templateAsPattern(const std::vector<TriplePattern>& ts) {
  auto where = std::make_unique<ast::GroupGraphPattern>();
  ast::PatternElement e;
  e.kind = ast::PatternElement::Kind::Triples;
  for (const auto& t : ts) {
    ast::TriplePath tp;
    tp.s = t.s;
    tp.p = t.p;
    tp.o = t.o;
    e.triples.push_back(std::move(tp));
  }
  if (!e.triples.empty()) {
    where->elements.push_back(std::move(e));
  }
  return where;
}

}  // namespace

ast::Query Lowering::query(const syntax::Query& sq) {
  ast::Query q;
  prologue_ = &q.prologue;
  prologue(sq.prologue, q.prologue);
  q.form = sq.form;
  switch (sq.form) {
    case ast::QueryForm::Select:
      selectClause(sq.select, q.select);
      break;
    case ast::QueryForm::Construct:
      if (sq.hasTemplate) {
        q.constructTemplate = triplesTemplate(sq.constructTemplate);
      }
      break;
    case ast::QueryForm::Describe:
      q.describeStar = sq.describeStar;
      for (const auto& t : sq.describe) {
        q.describe.push_back(varOrIri(t));
      }
      break;
    case ast::QueryForm::Ask:
      break;
  }
  q.from = dataset(sq.dataset, false);
  q.fromNamed = dataset(sq.dataset, true);
  if (sq.form == ast::QueryForm::Construct && !sq.hasTemplate) {
    int savedScope = currentScope_;
    currentScope_ = nextScope_++;
    // The short form: blank nodes of the template are variables of the pattern.
    q.constructTemplate = triplesTemplate(sq.constructTemplate);
    currentScope_ = savedScope;
    q.constructWhere = true;
    q.where = templateAsPattern(q.constructTemplate);
  } else if (!sq.where.empty()) {
    q.where = std::make_unique<ast::GroupGraphPattern>(group(sq.where[0]));
  }
  modifiers(sq.modifiers, q);
  if (!sq.values.empty()) {
    q.values = dataBlock(sq.values[0]);
  }
  return q;
}

void Lowering::selectClause(const syntax::SelectClause& s, ast::SelectClause& sel) {
  sel.pos = position(s.offset);
  sel.distinct = s.distinct;
  sel.reduced = s.reduced;
  sel.star = s.star;
  for (const auto& item : s.items) {
    ast::Projection p;
    p.pos = position(item.offset);
    if (!item.expr.empty()) {
      aggregatesAllowed_ = true;
      p.expr = std::make_unique<Expr>(expression(item.expr[0]));
      aggregatesAllowed_ = false;
    }
    p.var = var(item.var);
    sel.items.push_back(std::move(p));
  }
}

void Lowering::modifiers(const syntax::Modifiers& m, ast::Query& q) {
  for (const auto& g : m.groupBy) {
    ast::GroupCondition c;
    c.pos = position(g.offset);
    if (g.bare && g.expr.kind == syntax::Expression::Kind::Constant) {
      failAt(g.expr.offset, "expected a function call in GROUP BY");
    }
    c.expr = expression(g.expr);
    if (g.var.type != Tok::End) {
      c.var = var(g.var);
    }
    q.groupBy.push_back(std::move(c));
  }
  aggregatesAllowed_ = true;
  for (const auto& h : m.having) {
    q.having.push_back(constraint(h));
  }
  for (const auto& o : m.orderBy) {
    ast::OrderCondition c;
    c.descending = o.descending;
    c.expr = constraint(o.expr);
    q.orderBy.push_back(std::move(c));
  }
  aggregatesAllowed_ = false;
  if (m.limit.type != Tok::End) {
    q.limit = toCount(m.limit);
  }
  if (m.offset.type != Tok::End) {
    q.offset = toCount(m.offset);
  }
}

std::shared_ptr<ast::Query> Lowering::subSelect(const syntax::SubSelect& s) {
  auto q = std::make_shared<ast::Query>();
  q->form = ast::QueryForm::Select;
  bool savedAgg = aggregatesAllowed_;
  int savedDepth = aggregateDepth_;
  aggregatesAllowed_ = false;
  aggregateDepth_ = 0;
  selectClause(s.select, q->select);
  q->where = std::make_unique<ast::GroupGraphPattern>(group(s.where));
  modifiers(s.modifiers, *q);
  if (!s.values.empty()) {
    q->values = dataBlock(s.values[0]);
  }
  aggregatesAllowed_ = savedAgg;
  aggregateDepth_ = savedDepth;
  return q;
}

}  // namespace bdis::sparql::parser
