// SPARQL 1.1 Update (grammar rules 3, 29-52): operations, quad data and templates.

#include <map>

#include "rdf/error.h"
#include "sparql/parser/parser_impl.h"

namespace bdis::sparql::parser {

using OK = ast::UpdateOperation::Kind;

ast::Update Parser::parseUpdateUnit() {
  ast::Update u;
  prologue_ = &u.prologue;
  int index = 0;
  while (true) {
    parsePrologue(u.prologue);
    if (peek().type == Tok::End) {
      break;
    }
    ast::UpdateOperation op;
    currentScope_ = -(++index);
    // Pattern labels are scoped to one operation's WHERE clause; labels of DATA
    // blocks (keys starting with \x01) must stay apart across the whole request.
    std::erase_if(labelScope_, [](const auto& entry) { return entry.first[0] != '\x01'; });
    parseUpdateOperation(op);
    u.operations.push_back(std::move(op));
    if (peek().type == Tok::End) {
      break;
    }
    expectPunct(";", "end of update");
  }
  return u;
}

ast::GraphRef Parser::parseGraphRefAll() {
  ast::GraphRef r;
  if (acceptWord("DEFAULT")) {
    r.kind = ast::GraphRef::Kind::Default;
  } else if (acceptWord("NAMED")) {
    r.kind = ast::GraphRef::Kind::Named;
  } else if (acceptWord("ALL")) {
    r.kind = ast::GraphRef::Kind::All;
  } else {
    if (!acceptWord("GRAPH")) {
      fail("GRAPH, DEFAULT, NAMED or ALL");
    }
    r.kind = ast::GraphRef::Kind::Graph;
    r.iri = parseIri().value;
  }
  return r;
}

ast::GraphRef Parser::parseGraphOrDefault() {
  ast::GraphRef r;
  if (acceptWord("DEFAULT")) {
    return r;
  }
  acceptWord("GRAPH");
  if (!atIri()) {
    fail("DEFAULT, GRAPH or an IRI");
  }
  r.kind = ast::GraphRef::Kind::Graph;
  r.iri = parseIri().value;
  return r;
}

std::vector<QuadPattern> Parser::parseQuadPattern(bool data) {
  bool savedVars = noVars_, savedTemplate = inTemplate_, savedCheck = checkTemplateLabels_;
  noVars_ = data;
  checkTemplateLabels_ = data;  // labels of DATA blocks must not cross operations
  expectPunct("{");
  std::vector<QuadPattern> out;
  auto addTriples = [&](const VarOrTerm& g) {
    for (auto& t : parseTriplesTemplate(true)) {
      out.push_back(QuadPattern{std::move(t.s), std::move(t.p), std::move(t.o), g});
    }
  };
  addTriples(VarOrTerm{});
  while (acceptWord("GRAPH")) {
    VarOrTerm g = atVar() ? VarOrTerm::variable(parseVar()) : VarOrTerm::of(parseIri());
    expectPunct("{");
    addTriples(g);
    expectPunct("}", "a triple");
    acceptPunct(".");
    addTriples(VarOrTerm{});
  }
  expectPunct("}", "a triple or GRAPH");
  noVars_ = savedVars;
  inTemplate_ = savedTemplate;
  checkTemplateLabels_ = savedCheck;
  return out;
}

namespace {

/// The pattern of DELETE WHERE: its quads as triples blocks and GRAPH blocks.
std::unique_ptr<ast::GroupGraphPattern> quadsAsPattern(const std::vector<QuadPattern>& quads) {
  auto g = std::make_unique<ast::GroupGraphPattern>();
  using PK = ast::PatternElement::Kind;
  for (const auto& q : quads) {
    bool isDefault = !q.g.isVar() && q.g.term.isNone();
    ast::PatternElement* target = nullptr;
    if (!g->elements.empty()) {
      auto& last = g->elements.back();
      if (isDefault && last.kind == PK::Triples) {
        target = &last;
      }
      if (!isDefault && last.kind == PK::Graph && last.name == q.g) {
        target = &last.groups[0].elements[0];
      }
    }
    if (!target) {
      ast::PatternElement e;
      if (isDefault) {
        e.kind = PK::Triples;
      } else {
        e.kind = PK::Graph;
        e.name = q.g;
        e.groups.emplace_back();
        ast::PatternElement inner;
        inner.kind = PK::Triples;
        e.groups[0].elements.push_back(std::move(inner));
      }
      g->elements.push_back(std::move(e));
      target = isDefault ? &g->elements.back() : &g->elements.back().groups[0].elements[0];
    }
    ast::TriplePath t;
    t.s = q.s;
    t.p = q.p;
    t.o = q.o;
    target->triples.push_back(std::move(t));
  }
  return g;
}

}  // namespace

void Parser::parseUpdateOperation(ast::UpdateOperation& op) {
  auto silent = [&] { op.silent = acceptWord("SILENT"); };
  if (acceptWord("LOAD")) {
    op.kind = OK::Load;
    silent();
    op.source = parseIri().value;
    if (acceptWord("INTO")) {
      expectWord("GRAPH");
      op.into = parseIri().value;
    }
  } else if (isWord("CLEAR") || isWord("DROP")) {
    op.kind = isWord("CLEAR") ? OK::Clear : OK::Drop;
    advance();
    silent();
    op.target = parseGraphRefAll();
  } else if (acceptWord("CREATE")) {
    op.kind = OK::Create;
    silent();
    expectWord("GRAPH");
    op.target.kind = ast::GraphRef::Kind::Graph;
    op.target.iri = parseIri().value;
  } else if (isWord("ADD") || isWord("MOVE") || isWord("COPY")) {
    std::string w = advance().text;
    op.kind = w.size() == 3 ? OK::Add : (w[0] == 'm' || w[0] == 'M') ? OK::Move : OK::Copy;
    silent();
    op.from = parseGraphOrDefault();
    expectWord("TO");
    op.target = parseGraphOrDefault();
  } else if (isWord("INSERT") && isWord("DATA", 1)) {
    pos_ += 2;
    op.kind = OK::InsertData;
    op.insertQuads = parseQuadPattern(true);
  } else if (isWord("DELETE") && isWord("DATA", 1)) {
    pos_ += 2;
    op.kind = OK::DeleteData;
    noBlanks_ = true;
    op.deleteQuads = parseQuadPattern(true);
    noBlanks_ = false;
  } else if (isWord("DELETE") && isWord("WHERE", 1)) {
    pos_ += 2;
    op.kind = OK::DeleteWhere;
    noBlanks_ = true;
    op.deleteQuads = parseQuadPattern(false);
    noBlanks_ = false;
    op.where = quadsAsPattern(op.deleteQuads);
  } else if (isWord("WITH") || isWord("DELETE") || isWord("INSERT")) {
    op.kind = OK::Modify;
    if (acceptWord("WITH")) {
      op.with = parseIri().value;
    }
    if (acceptWord("DELETE")) {
      op.hasDeleteClause = true;
      noBlanks_ = true;
      op.deleteQuads = parseQuadPattern(false);
      noBlanks_ = false;
    }
    if (acceptWord("INSERT")) {
      op.hasInsertClause = true;
      op.insertQuads = parseQuadPattern(false);
    }
    if (!op.hasDeleteClause && !op.hasInsertClause) {
      fail("DELETE or INSERT");
    }
    while (acceptWord("USING")) {
      ast::UsingClause c;
      c.named = acceptWord("NAMED");
      c.iri = parseIri().value;
      op.usingClauses.push_back(std::move(c));
    }
    expectWord("WHERE");
    op.where = std::make_unique<ast::GroupGraphPattern>(parseGroupGraphPattern());
  } else {
    fail("an update operation (INSERT, DELETE, LOAD, CLEAR, DROP, CREATE, ADD, MOVE, COPY, WITH)");
  }
}

}  // namespace bdis::sparql::parser
