// Lowering of update requests: operations, quad data and templates, with the
// restrictions of data blocks and DELETE templates.

#include "sparql/parser/lower/lowering.h"

namespace bdis::sparql::parser {
namespace {

using OK = ast::UpdateOperation::Kind;

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

ast::Update Lowering::update(const syntax::Update& su) {
  ast::Update u;
  prologue_ = &u.prologue;
  int index = 0;
  for (const auto& step : su.steps) {
    prologue(step.prologue, u.prologue);
    if (step.operation.empty()) {
      continue;
    }
    ast::UpdateOperation op;
    currentScope_ = -(++index);
    // Pattern labels are scoped to one operation's WHERE clause; labels of DATA
    // blocks (keys starting with \x01) must stay apart across the whole request.
    std::erase_if(labelScope_, [](const auto& entry) { return entry.first[0] != '\x01'; });
    operation(step.operation[0], op);
    u.operations.push_back(std::move(op));
  }
  return u;
}

ast::GraphRef Lowering::graphRef(const syntax::GraphRef& r) {
  ast::GraphRef out;
  out.kind = r.kind;
  if (r.kind == ast::GraphRef::Kind::Graph) {
    out.iri = iri(r.iri).value;
  }
  return out;
}

std::vector<QuadPattern> Lowering::quads(const syntax::Quads& q, bool data) {
  bool savedVars = noVars_, savedCheck = checkTemplateLabels_;
  noVars_ = data;
  checkTemplateLabels_ = data;  // labels of DATA blocks must not cross operations
  std::vector<QuadPattern> out;
  for (const auto& block : q.blocks) {
    VarOrTerm g = block.graph.type == Tok::End ? VarOrTerm{} : varOrIri(block.graph);
    for (auto& t : triplesTemplate(block.triples)) {
      out.push_back(QuadPattern{std::move(t.s), std::move(t.p), std::move(t.o), g});
    }
  }
  noVars_ = savedVars;
  checkTemplateLabels_ = savedCheck;
  return out;
}

void Lowering::operation(const syntax::UpdateOperation& so, ast::UpdateOperation& op) {
  op.kind = so.kind;
  op.silent = so.silent;
  switch (so.kind) {
    case OK::Load:
      op.source = iri(so.source).value;
      if (so.into.type != Tok::End) {
        op.into = iri(so.into).value;
      }
      return;
    case OK::Clear:
    case OK::Drop:
    case OK::Create:
      op.target = graphRef(so.target);
      return;
    case OK::Add:
    case OK::Move:
    case OK::Copy:
      op.from = graphRef(so.from);
      op.target = graphRef(so.target);
      return;
    case OK::InsertData:
      op.insertQuads = quads(so.insertQuads, true);
      return;
    case OK::DeleteData:
      noBlanks_ = true;
      op.deleteQuads = quads(so.deleteQuads, true);
      noBlanks_ = false;
      return;
    case OK::DeleteWhere:
      noBlanks_ = true;
      op.deleteQuads = quads(so.deleteQuads, false);
      noBlanks_ = false;
      op.where = quadsAsPattern(op.deleteQuads);
      return;
    case OK::Modify:
      if (so.with.type != Tok::End) {
        op.with = iri(so.with).value;
      }
      op.hasDeleteClause = so.hasDelete;
      op.hasInsertClause = so.hasInsert;
      if (so.hasDelete) {
        noBlanks_ = true;
        op.deleteQuads = quads(so.deleteQuads, false);
        noBlanks_ = false;
      }
      if (so.hasInsert) {
        op.insertQuads = quads(so.insertQuads, false);
      }
      for (const auto& c : so.usingClauses) {
        ast::UsingClause u;
        u.named = c.named;
        u.iri = iri(c.iri).value;
        op.usingClauses.push_back(std::move(u));
      }
      op.where = std::make_unique<ast::GroupGraphPattern>(group(so.where.at(0)));
      return;
  }
}

}  // namespace bdis::sparql::parser
