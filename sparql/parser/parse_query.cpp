// Query forms, SELECT clause, dataset clauses and solution modifiers
// (grammar rules 1-27), and the query unit.

#include <charconv>

#include "rdf/error.h"
#include "sparql/parser/parser_impl.h"

namespace bdis::sparql::parser {

ast::Query Parser::parseQueryUnit() {
  ast::Query q;
  prologue_ = &q.prologue;
  parsePrologue(q.prologue);
  if (isWord("SELECT")) {
    q.form = ast::QueryForm::Select;
    parseSelectClause(q.select);
    parseDatasetClauses(q);
    parseWhere(q, true);
  } else if (acceptWord("CONSTRUCT")) {
    q.form = ast::QueryForm::Construct;
    if (isPunct("{")) {
      advance();
      q.constructTemplate = parseTriplesTemplate(true);
      expectPunct("}", "a triple pattern");
      parseDatasetClauses(q);
      parseWhere(q, true);
    } else {
      parseDatasetClauses(q);
      expectWord("WHERE");
      expectPunct("{", "'WHERE {' (CONSTRUCT WHERE short form) or a template");
      int savedScope = currentScope_;
      currentScope_ = nextScope_++;
      // The short form: the template is also the pattern; blank nodes are variables there.
      q.constructTemplate = parseTriplesTemplate(true);
      currentScope_ = savedScope;
      expectPunct("}", "a triple pattern");
      q.constructWhere = true;
      q.where = std::make_unique<ast::GroupGraphPattern>();
      ast::PatternElement e;
      e.kind = ast::PatternElement::Kind::Triples;
      for (const auto& t : q.constructTemplate) {
        ast::TriplePath tp;
        tp.s = t.s;
        tp.p = t.p;
        tp.o = t.o;
        e.triples.push_back(std::move(tp));
      }
      if (!e.triples.empty()) {
        q.where->elements.push_back(std::move(e));
      }
    }
  } else if (acceptWord("DESCRIBE")) {
    q.form = ast::QueryForm::Describe;
    if (acceptPunct("*")) {
      q.describeStar = true;
    } else {
      while (atVar() || atIri()) {
        q.describe.push_back(atVar() ? VarOrTerm::variable(parseVar()) : VarOrTerm::of(parseIri()));
      }
      if (q.describe.empty()) {
        fail("'*', a variable or an IRI after DESCRIBE");
      }
    }
    parseDatasetClauses(q);
    if (isWord("WHERE") || isPunct("{")) {
      parseWhere(q, true);
    }
  } else if (acceptWord("ASK")) {
    q.form = ast::QueryForm::Ask;
    parseDatasetClauses(q);
    parseWhere(q, true);
  } else {
    fail("SELECT, CONSTRUCT, DESCRIBE or ASK");
  }
  parseSolutionModifiers(q);
  if (acceptWord("VALUES")) {
    q.values = parseDataBlock();
  }
  if (peek().type != Tok::End) {
    fail("end of query");
  }
  return q;
}

void Parser::parseSelectClause(ast::SelectClause& sel) {
  sel.pos = here();
  expectWord("SELECT");
  if (acceptWord("DISTINCT")) {
    sel.distinct = true;
  } else if (acceptWord("REDUCED")) {
    sel.reduced = true;
  }
  if (acceptPunct("*")) {
    sel.star = true;
    return;
  }
  while (true) {
    if (atVar()) {
      ast::Projection p;
      p.pos = here();
      p.var = parseVar();
      sel.items.push_back(std::move(p));
    } else if (isPunct("(")) {
      ast::Projection p;
      p.pos = here();
      advance();
      aggregatesAllowed_ = true;
      p.expr = std::make_unique<Expr>(parseExpression());
      aggregatesAllowed_ = false;
      expectWord("AS");
      p.var = parseVar();
      expectPunct(")");
      sel.items.push_back(std::move(p));
    } else {
      break;
    }
  }
  if (sel.items.empty()) {
    fail("'*', a variable or '(expression AS ?var)' after SELECT");
  }
}

void Parser::parseDatasetClauses(ast::Query& q) {
  while (acceptWord("FROM")) {
    if (acceptWord("NAMED")) {
      q.fromNamed.push_back(parseIri());
    } else {
      q.from.push_back(parseIri());
    }
  }
}

void Parser::parseWhere(ast::Query& q, bool optionalWhereKeyword) {
  if (!acceptWord("WHERE") && !optionalWhereKeyword) {
    fail("WHERE");
  }
  if (!isPunct("{")) {
    fail("'{' (the WHERE clause)");
  }
  q.where = std::make_unique<ast::GroupGraphPattern>(parseGroupGraphPattern());
}

namespace {
uint64_t toCount(const Token& t) {
  uint64_t v = 0;
  std::from_chars(t.text.data(), t.text.data() + t.text.size(), v);
  return v;
}
}  // namespace

void Parser::parseSolutionModifiers(ast::Query& q) {
  if (isWord("GROUP")) {
    advance();
    expectWord("BY");
    do {
      ast::GroupCondition c;
      c.pos = here();
      if (atVar()) {
        c.expr = Expr::var(parseVar());
      } else if (isPunct("(")) {
        advance();
        c.expr = parseExpression();
        if (acceptWord("AS")) {
          c.var = parseVar();
        }
        expectPunct(")", "AS");
      } else if (atIri()) {
        const Token& start = peek();
        c.expr = parseIriOrFunction();
        if (c.expr.kind != Expr::Kind::Function) {
          failAt(start, "expected a function call in GROUP BY");
        }
      } else if (atBuiltin()) {
        c.expr = parseBuiltin();
      } else {
        fail("a variable, '(' or a call after GROUP BY");
      }
      q.groupBy.push_back(std::move(c));
    } while (atVar() || isPunct("(") || atIri() || atBuiltin());
  }
  if (acceptWord("HAVING")) {
    aggregatesAllowed_ = true;
    do {
      q.having.push_back(parseConstraint());
    } while (isPunct("(") || atIri() || atBuiltin() || atAggregate());
    aggregatesAllowed_ = false;
  }
  if (isWord("ORDER")) {
    advance();
    expectWord("BY");
    aggregatesAllowed_ = true;
    do {
      ast::OrderCondition c;
      if (isWord("ASC") || isWord("DESC")) {
        c.descending = isWord("DESC");
        advance();
        if (!isPunct("(")) {
          fail("'(' after ASC/DESC");
        }
        c.expr = parseBracketted();
      } else if (atVar()) {
        c.expr = Expr::var(parseVar());
      } else {
        c.expr = parseConstraint();
      }
      q.orderBy.push_back(std::move(c));
    } while (atVar() || isPunct("(") || atIri() || atBuiltin() || atAggregate() || isWord("ASC") ||
             isWord("DESC"));
    aggregatesAllowed_ = false;
  }
  for (int i = 0; i < 2; ++i) {
    if (!q.limit && acceptWord("LIMIT")) {
      if (peek().type != Tok::Integer || peek().text[0] == '+' || peek().text[0] == '-') {
        fail("an integer after LIMIT");
      }
      q.limit = toCount(advance());
    } else if (!q.offset && acceptWord("OFFSET")) {
      if (peek().type != Tok::Integer || peek().text[0] == '+' || peek().text[0] == '-') {
        fail("an integer after OFFSET");
      }
      q.offset = toCount(advance());
    }
  }
}

std::shared_ptr<ast::Query> Parser::parseSubSelect() {
  auto q = std::make_shared<ast::Query>();
  q->form = ast::QueryForm::Select;
  bool savedAgg = aggregatesAllowed_;
  int savedDepth = aggregateDepth_;
  aggregatesAllowed_ = false;
  aggregateDepth_ = 0;
  parseSelectClause(q->select);
  parseWhere(*q, true);
  parseSolutionModifiers(*q);
  if (acceptWord("VALUES")) {
    q->values = parseDataBlock();
  }
  aggregatesAllowed_ = savedAgg;
  aggregateDepth_ = savedDepth;
  return q;
}

}  // namespace bdis::sparql::parser
