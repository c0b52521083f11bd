// Group graph patterns, triples with the Turtle abbreviations, property paths
// and templates (grammar rules 53-104).

#include <optional>

#include "rdf/error.h"
#include "sparql/parser/parser_impl.h"

namespace bdis::sparql::parser {
namespace {

using PK = ast::PatternElement::Kind;

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

ast::GroupGraphPattern Parser::parseGroupGraphPattern() {
  DepthGuard guard(*this);
  expectPunct("{");
  ast::GroupGraphPattern g;
  if (isWord("SELECT")) {
    ast::PatternElement e;
    e.kind = PK::SubSelect;
    e.subquery = parseSubSelect();
    g.elements.push_back(std::move(e));
    expectPunct("}");
    return g;
  }
  parseGroupBody(g);
  expectPunct("}", "a triple pattern");
  return g;
}

bool Parser::atTriplesStart() const {
  Tok t = peek().type;
  return atVar() || atIri() || atBlank() || atLiteral() || t == Tok::Nil || isPunct("(") ||
         isPunct("[");
}

void Parser::parseGroupBody(ast::GroupGraphPattern& g) {
  // Each element can add one level to the algebra (Join, LeftJoin, Extend...).
  DepthGuard guard(*this);
  int savedScope = currentScope_;
  currentScope_ = nextScope_++;
  while (true) {
    ast::PatternElement e;
    e.pos = here();
    if (atTriplesStart()) {
      e.kind = PK::Triples;
      while (true) {
        size_t before = e.triples.size();
        parseTriplesSameSubject(e.triples, true);
        for (size_t i = before; i < e.triples.size(); ++i) {
          if (e.triples[i].path) {
            deeper();
          }
        }
        if (!acceptPunct(".")) {
          if (atTriplesStart()) {
            fail("'.' between triple patterns");
          }
          break;
        }
        if (!atTriplesStart()) {
          break;
        }
      }
      g.elements.push_back(std::move(e));
      continue;
    }
    if (isPunct("{")) {
      e.groups.push_back(parseGroupGraphPattern());
      e.kind = PK::Group;
      while (acceptWord("UNION")) {
        deeper();
        e.kind = PK::Union;
        e.groups.push_back(parseGroupGraphPattern());
      }
    } else if (acceptWord("OPTIONAL")) {
      e.kind = PK::Optional;
      e.groups.push_back(parseGroupGraphPattern());
    } else if (acceptWord("MINUS")) {
      e.kind = PK::Minus;
      e.groups.push_back(parseGroupGraphPattern());
    } else if (acceptWord("GRAPH")) {
      e.kind = PK::Graph;
      e.name = atVar() ? VarOrTerm::variable(parseVar()) : VarOrTerm::of(parseIri());
      e.groups.push_back(parseGroupGraphPattern());
    } else if (acceptWord("SERVICE")) {
      e.kind = PK::Service;
      e.silent = acceptWord("SILENT");
      e.name = atVar() ? VarOrTerm::variable(parseVar()) : VarOrTerm::of(parseIri());
      size_t begin = peek().offset;
      e.groups.push_back(parseGroupGraphPattern());
      size_t end = toks_[pos_ - 1].offset + 1;
      std::string q;
      if (!prologue_->base.empty()) {
        q += "BASE <" + prologue_->base + ">\n";
      }
      for (const auto& [prefix, iri] : prologue_->prefixes) {
        q.append("PREFIX ").append(prefix).append(": <").append(iri).append(">\n");
      }
      q += "SELECT * WHERE ";
      q.append(src_.text(), begin, end - begin);
      e.serviceQuery = std::move(q);
    } else if (acceptWord("FILTER")) {
      e.kind = PK::Filter;
      e.expr = parseConstraint();
      acceptPunct(".");
      g.elements.push_back(std::move(e));
      continue;  // a FILTER does not end the basic graph pattern
    } else if (acceptWord("BIND")) {
      e.kind = PK::Bind;
      expectPunct("(");
      e.expr = parseExpression();
      expectWord("AS");
      e.var = parseVar();
      expectPunct(")");
    } else if (acceptWord("VALUES")) {
      e.kind = PK::Values;
      e.values = parseDataBlock();
    } else {
      break;
    }
    g.elements.push_back(std::move(e));
    deeper();
    currentScope_ = nextScope_++;
    acceptPunct(".");
  }
  currentScope_ = savedScope;
}

void Parser::parseTriplesSameSubject(std::vector<ast::TriplePath>& out, bool paths) {
  if (isPunct("[") || isPunct("(")) {
    VarOrTerm s = parseTriplesNode(out, paths);
    bool verb = atVar() || atIri() || isWord("a") ||
                (paths && (isPunct("^") || isPunct("(") || isPunct("!")));
    if (verb) {
      parsePropertyList(s, out, paths);
    }
    return;
  }
  VarOrTerm s = parseVarOrTerm();
  parsePropertyList(s, out, paths);
}

void Parser::parsePropertyList(const VarOrTerm& s, std::vector<ast::TriplePath>& out, bool paths) {
  auto atVerb = [&] {
    return atVar() || atIri() || isWord("a") ||
           (paths && (isPunct("^") || isPunct("(") || isPunct("!")));
  };
  while (true) {
    if (!atVerb()) {
      fail(paths ? "a predicate or a property path" : "a predicate");
    }
    VarOrTerm p;
    std::optional<Path> path;
    if (atVar()) {
      p = VarOrTerm::variable(parseVar());
    } else if (paths) {
      Path parsed = parsePath();
      if (parsed.kind == Path::Kind::Link) {
        p = VarOrTerm::of(parsed.iri);
      } else {
        path = std::move(parsed);
      }
    } else if (acceptWord("a")) {
      p = VarOrTerm::of(rdfIri("type"));
    } else {
      p = VarOrTerm::of(parseIri());
    }
    parseObjectList(s, p, path ? &*path : nullptr, out, paths);
    bool more = false;
    while (acceptPunct(";")) {
      if (atVerb()) {
        more = true;
        break;
      }
    }
    if (!more) {
      return;
    }
  }
}

void Parser::parseObjectList(const VarOrTerm& s, const VarOrTerm& p, const Path* path,
                             std::vector<ast::TriplePath>& out, bool paths) {
  do {
    VarOrTerm o = parseGraphNode(out, paths);
    out.push_back(makeTriple(s, p, path, std::move(o)));
  } while (acceptPunct(","));
}

VarOrTerm Parser::parseGraphNode(std::vector<ast::TriplePath>& out, bool paths) {
  if (isPunct("[") || isPunct("(")) {
    return parseTriplesNode(out, paths);
  }
  return parseVarOrTerm();
}

VarOrTerm Parser::parseTriplesNode(std::vector<ast::TriplePath>& out, bool paths) {
  DepthGuard guard(*this);
  if (acceptPunct("[")) {
    VarOrTerm b = VarOrTerm::of(freshBlank());
    parsePropertyList(b, out, paths);
    expectPunct("]", "';'");
    return b;
  }
  expectPunct("(");
  std::vector<VarOrTerm> items;
  while (!acceptPunct(")")) {
    if (peek().type == Tok::End) {
      fail("')'");
    }
    items.push_back(parseGraphNode(out, paths));
  }
  if (items.empty()) {
    fail("a collection member");
  }
  VarOrTerm head = VarOrTerm::of(freshBlank());
  VarOrTerm node = head;
  for (size_t i = 0; i < items.size(); ++i) {
    out.push_back(makeTriple(node, VarOrTerm::of(rdfIri("first")), nullptr, items[i]));
    VarOrTerm next =
        i + 1 < items.size() ? VarOrTerm::of(freshBlank()) : VarOrTerm::of(rdfIri("nil"));
    out.push_back(makeTriple(node, VarOrTerm::of(rdfIri("rest")), nullptr, next));
    node = next;
  }
  return head;
}

Path Parser::parsePath() {
  DepthGuard guard(*this);
  std::vector<Path> alts;
  alts.push_back(parsePathSequence());
  while (acceptPunct("|")) {
    alts.push_back(parsePathSequence());
  }
  if (alts.size() == 1) {
    return std::move(alts[0]);
  }
  return Path::of(Path::Kind::Alternative, std::move(alts));
}

Path Parser::parsePathSequence() {
  std::vector<Path> seq;
  seq.push_back(parsePathEltOrInverse());
  while (acceptPunct("/")) {
    seq.push_back(parsePathEltOrInverse());
  }
  if (seq.size() == 1) {
    return std::move(seq[0]);
  }
  return Path::of(Path::Kind::Sequence, std::move(seq));
}

Path Parser::parsePathEltOrInverse() {
  bool inverse = acceptPunct("^");
  Path p = parsePathPrimary();
  if (isPunct("?") || isPunct("*") || isPunct("+")) {
    std::string m = advance().text;
    Path::Kind k = m == "?"   ? Path::Kind::ZeroOrOne
                   : m == "*" ? Path::Kind::ZeroOrMore
                              : Path::Kind::OneOrMore;
    std::vector<Path> one;
    one.push_back(std::move(p));
    p = Path::of(k, std::move(one));
  }
  if (!inverse) {
    return p;
  }
  std::vector<Path> one;
  one.push_back(std::move(p));
  return Path::of(Path::Kind::Inverse, std::move(one));
}

Path Parser::parsePathPrimary() {
  if (acceptWord("a")) {
    return Path::link(rdfIri("type"));
  }
  if (atIri()) {
    return Path::link(parseIri());
  }
  if (acceptPunct("!")) {
    Path set;
    set.kind = Path::Kind::NegatedSet;
    if (peek().type == Tok::Nil) {
      advance();
    } else if (acceptPunct("(")) {
      parseNegatedItem(set);
      while (acceptPunct("|")) {
        parseNegatedItem(set);
      }
      expectPunct(")", "'|'");
    } else {
      parseNegatedItem(set);
    }
    return set;
  }
  if (acceptPunct("(")) {
    Path p = parsePath();
    expectPunct(")", "'|' or '/'");
    return p;
  }
  fail("a property path (IRI, 'a', '^', '!' or '(')");
}

void Parser::parseNegatedItem(Path& set) {
  bool inverse = acceptPunct("^");
  rdf::Term iri = acceptWord("a") ? rdfIri("type") : parseIri();
  (inverse ? set.inverse : set.forward).push_back(std::move(iri));
}

std::vector<TriplePattern> Parser::parseTriplesTemplate(bool allowBody) {
  std::vector<TriplePattern> out;
  if (!allowBody) {
    return out;
  }
  bool saved = inTemplate_;
  inTemplate_ = true;
  std::vector<ast::TriplePath> triples;
  while (atTriplesStart()) {
    parseTriplesSameSubject(triples, false);
    if (!acceptPunct(".")) {
      break;
    }
  }
  inTemplate_ = saved;
  for (auto& t : triples) {
    out.push_back(TriplePattern{std::move(t.s), std::move(t.p), std::move(t.o)});
  }
  return out;
}

}  // namespace bdis::sparql::parser
