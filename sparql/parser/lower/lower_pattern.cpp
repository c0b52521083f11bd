// Lowering of group graph patterns, triples (Turtle abbreviations expanded,
// blank nodes labelled), property paths and templates; blank-node label scopes.

#include <optional>

#include "sparql/parser/lower/lowering.h"

namespace bdis::sparql::parser {
namespace {

using PK = ast::PatternElement::Kind;
using SPK = syntax::Path::Kind;

rdf::Term rdfIri(std::string_view local) {
  return rdf::Term::iri(std::string(rdf::kRdf) + std::string(local));
}

ast::TriplePath makeTriple(const VarOrTerm& s, const VarOrTerm& p, const Path* path, VarOrTerm o) {
  ast::TriplePath t;
  t.s = s;
  t.p = p;
  if (path) {
    t.path = std::make_unique<Path>(*path);
  }
  t.o = std::move(o);
  return t;
}

}  // namespace

ast::GroupGraphPattern Lowering::group(const syntax::GroupGraphPattern& g) {
  DepthGuard guard(*this, g.offset);
  ast::GroupGraphPattern out;
  if (!g.elements.empty() && g.elements[0].kind == PK::SubSelect) {
    ast::PatternElement e;
    e.kind = PK::SubSelect;
    e.pos = position(g.elements[0].offset);
    e.subquery = subSelect(g.elements[0].sub.at(0));
    out.elements.push_back(std::move(e));
    return out;
  }
  // Each element can add one level to the algebra (Join, LeftJoin, Extend...).
  DepthGuard body(*this, g.offset);
  int savedScope = currentScope_;
  currentScope_ = nextScope_++;
  for (const auto& se : g.elements) {
    ast::PatternElement e;
    e.pos = position(se.offset);
    e.kind = se.kind;
    element(se, e);
    out.elements.push_back(std::move(e));
    // Triples and FILTER do not end the basic graph pattern.
    if (se.kind != PK::Triples && se.kind != PK::Filter) {
      deeper(se.offset);
      currentScope_ = nextScope_++;
    }
  }
  currentScope_ = savedScope;
  return out;
}

void Lowering::element(const syntax::PatternElement& se, ast::PatternElement& e) {
  switch (se.kind) {
    case PK::Triples:
      for (const auto& t : se.triples) {
        size_t before = e.triples.size();
        triples(t, e.triples, true);
        for (size_t i = before; i < e.triples.size(); ++i) {
          if (e.triples[i].path) {
            deeper(se.offset);
          }
        }
      }
      return;
    case PK::Group:
    case PK::Union:
    case PK::Optional:
    case PK::Minus:
      for (size_t i = 0; i < se.groups.size(); ++i) {
        if (i > 0) {
          deeper(se.groups[i].offset);
        }
        e.groups.push_back(group(se.groups[i]));
      }
      return;
    case PK::Graph:
      e.name = varOrIri(se.name);
      e.groups.push_back(group(se.groups.at(0)));
      return;
    case PK::Service: {
      e.silent = se.silent;
      e.name = varOrIri(se.name);
      e.groups.push_back(group(se.groups.at(0)));
      std::string q;
      if (!prologue_->base.empty()) {
        q += "BASE <" + prologue_->base + ">\n";
      }
      for (const auto& [prefix, iri] : prologue_->prefixes) {
        q.append("PREFIX ").append(prefix).append(": <").append(iri).append(">\n");
      }
      q += "SELECT * WHERE ";
      q.append(src_.text(), se.textBegin, se.textEnd - se.textBegin);
      e.serviceQuery = std::move(q);
      return;
    }
    case PK::Filter:
      e.expr = constraint(se.expr);
      return;
    case PK::Bind:
      e.expr = expression(se.expr);
      e.var = var(se.var);
      return;
    case PK::Values:
      e.values = dataBlock(se.values);
      return;
    case PK::SubSelect:
      failAt(se.offset, "a subquery must be the only content of its group");
  }
}

void Lowering::triples(const syntax::TriplesSameSubject& t, std::vector<ast::TriplePath>& out,
                       bool paths) {
  VarOrTerm s = t.subject.node.empty() ? varOrTerm(t.subject.term)
                                       : triplesNode(t.subject.node[0], out, paths);
  properties(s, t.properties, out, paths);
}

void Lowering::properties(const VarOrTerm& s, const std::vector<syntax::PropertyItem>& items,
                          std::vector<ast::TriplePath>& out, bool paths) {
  for (const auto& item : items) {
    VarOrTerm p;
    std::optional<Path> pathExpr;
    if (!item.verb.path.empty()) {
      Path parsed = path(item.verb.path[0]);
      if (parsed.kind == Path::Kind::Link) {
        p = VarOrTerm::of(parsed.iri);
      } else {
        pathExpr = std::move(parsed);
      }
    } else if (item.verb.token.type == Tok::Var) {
      p = VarOrTerm::variable(var(item.verb.token));
    } else {
      p = VarOrTerm::of(iri(item.verb.token));  // an IRI or `a`
    }
    for (const auto& object : item.objects) {
      VarOrTerm o = graphNode(object, out, paths);
      out.push_back(makeTriple(s, p, pathExpr ? &*pathExpr : nullptr, std::move(o)));
    }
  }
}

VarOrTerm Lowering::graphNode(const syntax::GraphNode& n, std::vector<ast::TriplePath>& out,
                              bool paths) {
  if (!n.node.empty()) {
    return triplesNode(n.node[0], out, paths);
  }
  return varOrTerm(n.term);
}

VarOrTerm Lowering::triplesNode(const syntax::TriplesNode& n, std::vector<ast::TriplePath>& out,
                                bool paths) {
  DepthGuard guard(*this, n.offset);
  if (!n.collection) {
    VarOrTerm b = VarOrTerm::of(freshBlank(n.offset));
    properties(b, n.properties, out, paths);
    return b;
  }
  std::vector<VarOrTerm> items;
  for (const auto& item : n.items) {
    items.push_back(graphNode(item, out, paths));
  }
  VarOrTerm head = VarOrTerm::of(freshBlank(n.offset));
  VarOrTerm node = head;
  for (size_t i = 0; i < items.size(); ++i) {
    out.push_back(makeTriple(node, VarOrTerm::of(rdfIri("first")), nullptr, items[i]));
    VarOrTerm next =
        i + 1 < items.size() ? VarOrTerm::of(freshBlank(n.offset)) : VarOrTerm::of(rdfIri("nil"));
    out.push_back(makeTriple(node, VarOrTerm::of(rdfIri("rest")), nullptr, next));
    node = next;
  }
  return head;
}

Path Lowering::path(const syntax::Path& p) {
  switch (p.kind) {
    case SPK::Alternative:
    case SPK::Sequence: {
      std::optional<DepthGuard> guard;
      if (p.kind == SPK::Alternative) {
        guard.emplace(*this, p.offset);
      }
      std::vector<Path> parts;
      for (const auto& a : p.args) {
        parts.push_back(path(a));
      }
      if (parts.size() == 1) {
        return std::move(parts[0]);
      }
      return Path::of(p.kind == SPK::Alternative ? Path::Kind::Alternative : Path::Kind::Sequence,
                      std::move(parts));
    }
    case SPK::Element:
    case SPK::Group: {
      Path inner = path(p.args.at(0));
      if (!p.modifier.empty()) {
        Path::Kind k = p.modifier == "?"   ? Path::Kind::ZeroOrOne
                       : p.modifier == "*" ? Path::Kind::ZeroOrMore
                                           : Path::Kind::OneOrMore;
        std::vector<Path> one;
        one.push_back(std::move(inner));
        inner = Path::of(k, std::move(one));
      }
      if (!p.inverse) {
        return inner;
      }
      std::vector<Path> one;
      one.push_back(std::move(inner));
      return Path::of(Path::Kind::Inverse, std::move(one));
    }
    case SPK::Iri:
      return Path::link(iri(p.iri));
    case SPK::Negated: {
      Path set;
      set.kind = Path::Kind::NegatedSet;
      for (const auto& item : p.negated) {
        (item.inverse ? set.inverse : set.forward).push_back(iri(item.iri));
      }
      return set;
    }
  }
  return Path();
}

std::vector<TriplePattern> Lowering::triplesTemplate(
    const std::vector<syntax::TriplesSameSubject>& ts) {
  bool saved = inTemplate_;
  inTemplate_ = true;
  std::vector<ast::TriplePath> triplesOut;
  for (const auto& t : ts) {
    triples(t, triplesOut, false);
  }
  inTemplate_ = saved;
  std::vector<TriplePattern> out;
  out.reserve(triplesOut.size());
  for (auto& t : triplesOut) {
    out.push_back(TriplePattern{std::move(t.s), std::move(t.p), std::move(t.o)});
  }
  return out;
}

}  // namespace bdis::sparql::parser
