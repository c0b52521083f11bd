// Tokens, prologue, IRIs, literals, blank nodes and VALUES data blocks.

#include <cctype>

#include "rdf/error.h"
#include "sparql/parser/iri.h"
#include "sparql/parser/parser_impl.h"

namespace bdis::sparql::parser {
namespace {

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) {
    return false;
  }
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::toupper(static_cast<unsigned char>(a[i])) !=
        std::toupper(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

std::string describe(const Token& t) {
  switch (t.type) {
    case Tok::End:
      return "end of input";
    case Tok::IriRef:
      return "<" + t.text + ">";
    case Tok::PNameNs:
      return "'" + t.text + ":'";
    case Tok::PNameLn:
      return "'" + t.text + ":" + t.local + "'";
    case Tok::BNodeLabel:
      return "'_:" + t.text + "'";
    case Tok::Var:
      return "variable ?" + t.text;
    case Tok::LangTag:
      return "'@" + t.text + "'";
    case Tok::String:
      return "a string";
    case Tok::Nil:
      return "'()'";
    case Tok::Anon:
      return "'[]'";
    default:
      return "'" + t.text + "'";
  }
}

constexpr std::string_view kXsdInteger = "http://www.w3.org/2001/XMLSchema#integer";
constexpr std::string_view kXsdDecimal = "http://www.w3.org/2001/XMLSchema#decimal";
constexpr std::string_view kXsdDouble = "http://www.w3.org/2001/XMLSchema#double";
constexpr std::string_view kXsdBoolean = "http://www.w3.org/2001/XMLSchema#boolean";

}  // namespace

Parser::Parser(const Source& src, std::string base)
    : src_(src), toks_(tokenize(src)), initialBase_(std::move(base)) {}

const Token& Parser::peek(size_t k) const {
  size_t i = pos_ + k;
  return i < toks_.size() ? toks_[i] : toks_.back();
}

bool Parser::isWord(std::string_view kw, size_t k) const {
  const Token& t = peek(k);
  if (t.type != Tok::Word) {
    return false;
  }
  if (kw == "a") {
    return t.text == "a";  // 'a' is case-sensitive
  }
  return equalsIgnoreCase(t.text, kw);
}

bool Parser::isPunct(std::string_view p, size_t k) const {
  const Token& t = peek(k);
  return t.type == Tok::Punct && t.text == p;
}

bool Parser::acceptWord(std::string_view kw) {
  if (!isWord(kw)) {
    return false;
  }
  ++pos_;
  return true;
}

bool Parser::acceptPunct(std::string_view p) {
  if (!isPunct(p)) {
    return false;
  }
  ++pos_;
  return true;
}

void Parser::expectWord(std::string_view kw) {
  if (!acceptWord(kw)) {
    fail(std::string(kw));
  }
}

void Parser::expectPunct(std::string_view p, std::string_view what) {
  if (acceptPunct(p)) {
    return;
  }
  std::string e = "'" + std::string(p) + "'";
  if (!what.empty()) {
    e += " or " + std::string(what);
  }
  fail(e);
}

const Token& Parser::advance() {
  const Token& t = peek();
  if (pos_ < toks_.size() - 1) {
    ++pos_;
  }
  return t;
}

void Parser::fail(const std::string& expected) const {
  failAt(peek(), "expected " + expected + ", found " + describe(peek()));
}

SourcePos Parser::here() const {
  auto [line, col] = src_.lineColumn(peek().offset);
  return SourcePos{static_cast<uint32_t>(line), static_cast<uint32_t>(col)};
}

void Parser::deeper(int n) {
  depth_ += n;
  if (depth_ > kMaxDepth) {
    failAt(peek(), "query nested too deeply (more than " + std::to_string(kMaxDepth) +
                       " levels of groups, brackets or operators)");
  }
}

void Parser::failAt(const Token& t, const std::string& message) const {
  auto [line, col] = src_.lineColumn(t.offset);
  throw SyntaxError("", line, col, message);
}

void Parser::parsePrologue(ast::Prologue& p) {
  while (true) {
    if (acceptWord("BASE")) {
      if (peek().type != Tok::IriRef) {
        fail("an IRI after BASE");
      }
      p.base = resolve(advance().text);
    } else if (acceptWord("PREFIX")) {
      if (peek().type != Tok::PNameNs) {
        fail("a prefix name such as 'ex:' after PREFIX");
      }
      std::string name = advance().text;
      if (peek().type != Tok::IriRef) {
        fail("an IRI after PREFIX " + name + ":");
      }
      p.prefixes[name] = resolve(advance().text);
    } else {
      return;
    }
  }
}

std::string Parser::resolve(std::string_view iri) const {
  const std::string& base = prologue_ && !prologue_->base.empty() ? prologue_->base : initialBase_;
  return resolveIri(base, iri);
}

bool Parser::atIri() const {
  Tok t = peek().type;
  return t == Tok::IriRef || t == Tok::PNameNs || t == Tok::PNameLn;
}

rdf::Term Parser::parseIri() {
  const Token& t = peek();
  if (t.type == Tok::IriRef) {
    advance();
    return rdf::Term::iri(resolve(t.text));
  }
  if (t.type == Tok::PNameNs || t.type == Tok::PNameLn) {
    auto it = prologue_->prefixes.find(t.text);
    if (it == prologue_->prefixes.end()) {
      failAt(t, "undefined prefix '" + t.text + ":'");
    }
    advance();
    return rdf::Term::iri(it->second + t.local);
  }
  fail("an IRI");
}

bool Parser::atLiteral() const {
  Tok t = peek().type;
  return t == Tok::String || t == Tok::Integer || t == Tok::Decimal || t == Tok::Double ||
         isWord("true") || isWord("false");
}

rdf::Term Parser::parseLiteral() {
  const Token& t = peek();
  switch (t.type) {
    case Tok::Integer:
      advance();
      return rdf::Term::literal(t.text, std::string(kXsdInteger));
    case Tok::Decimal:
      advance();
      return rdf::Term::literal(t.text, std::string(kXsdDecimal));
    case Tok::Double:
      advance();
      return rdf::Term::literal(t.text, std::string(kXsdDouble));
    case Tok::String: {
      advance();
      if (peek().type == Tok::LangTag) {
        return rdf::Term::literal(t.text, {}, advance().text);
      }
      if (acceptPunct("^^")) {
        return rdf::Term::literal(t.text, parseIri().value);
      }
      return rdf::Term::literal(t.text);
    }
    default:
      break;
  }
  if (isWord("true") || isWord("false")) {
    std::string v = isWord("true") ? "true" : "false";
    advance();
    return rdf::Term::literal(v, std::string(kXsdBoolean));
  }
  fail("a literal");
}

std::string Parser::parseVar() {
  if (!atVar()) {
    fail("a variable");
  }
  if (noVars_) {
    failAt(peek(), "variables are not allowed in INSERT DATA / DELETE DATA");
  }
  return advance().text;
}

bool Parser::atBlank() const { return peek().type == Tok::BNodeLabel || peek().type == Tok::Anon; }

rdf::Term Parser::freshBlank() {
  if (noBlanks_) {
    failAt(peek(), "blank nodes are not allowed in DELETE templates and data");
  }
  return rdf::Term::blank(".b" + std::to_string(blankCounter_++));
}

rdf::Term Parser::parseBlank() {
  const Token& t = peek();
  if (t.type == Tok::Anon) {
    rdf::Term b = freshBlank();
    advance();
    return b;
  }
  if (t.type != Tok::BNodeLabel) {
    fail("a blank node");
  }
  if (noBlanks_) {
    failAt(t, "blank nodes are not allowed in DELETE templates and data");
  }
  if (!inTemplate_ || checkTemplateLabels_) {
    std::string key = (inTemplate_ ? "\x01" : "") + t.text;
    auto [it, inserted] = labelScope_.emplace(key, currentScope_);
    if (!inserted && it->second != currentScope_) {
      failAt(t, "blank node label _:" + t.text +
                    " is already used in another basic graph pattern or operation");
    }
  }
  advance();
  return rdf::Term::blank(t.text);
}

VarOrTerm Parser::parseVarOrTerm() {
  if (atVar()) {
    return VarOrTerm::variable(parseVar());
  }
  if (atIri()) {
    return VarOrTerm::of(parseIri());
  }
  if (atBlank()) {
    return VarOrTerm::of(parseBlank());
  }
  if (peek().type == Tok::Nil) {
    advance();
    return VarOrTerm::of(rdf::Term::iri(std::string(rdf::kRdf) + "nil"));
  }
  if (atLiteral()) {
    return VarOrTerm::of(parseLiteral());
  }
  fail("a variable, an IRI, a literal or a blank node");
}

rdf::Term Parser::parseDataValue() {
  if (acceptWord("UNDEF")) {
    return rdf::Term();
  }
  if (atIri()) {
    return parseIri();
  }
  if (atLiteral()) {
    return parseLiteral();
  }
  fail("an IRI, a literal or UNDEF");
}

ast::ValuesBlock Parser::parseDataBlock() {
  ast::ValuesBlock vb;
  if (atVar()) {
    vb.vars.push_back(parseVar());
    expectPunct("{");
    while (!acceptPunct("}")) {
      if (peek().type == Tok::End) {
        fail("'}'");
      }
      vb.rows.push_back({parseDataValue()});
    }
    return vb;
  }
  if (peek().type == Tok::Nil) {
    advance();
  } else {
    expectPunct("(", "a variable");
    while (!acceptPunct(")")) {
      vb.vars.push_back(parseVar());
    }
  }
  expectPunct("{");
  while (!acceptPunct("}")) {
    std::vector<rdf::Term> row;
    if (peek().type == Tok::Nil) {
      advance();
    } else {
      expectPunct("(", "'}'");
      while (!acceptPunct(")")) {
        row.push_back(parseDataValue());
      }
    }
    if (row.size() != vb.vars.size()) {
      failAt(toks_[pos_ - 1], "VALUES row has " + std::to_string(row.size()) + " values for " +
                                  std::to_string(vb.vars.size()) + " variables");
    }
    vb.rows.push_back(std::move(row));
  }
  return vb;
}

}  // namespace bdis::sparql::parser
