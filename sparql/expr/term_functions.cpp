// Functions on RDF terms (17.4.1, 17.4.2): STR, LANG, DATATYPE, IRI, BNODE, STRDT,
// STRLANG, sameTerm, isIRI/isBlank/isLiteral/isNumeric, UUID, STRUUID, RAND.

#include <random>

#include "sparql/expr/builtins.h"
#include "sparql/expr/numeric.h"
#include "sparql/expr/xsd.h"
#include "sparql/parser/iri.h"

namespace bdis::sparql::expr {

namespace {

std::mt19937_64& randomEngine() {
  thread_local std::mt19937_64 engine{std::random_device{}()};
  return engine;
}

/// A random (version 4) UUID in its lowercase 8-4-4-4-12 spelling.
std::string randomUuid() {
  uint64_t hi = randomEngine()(), lo = randomEngine()();
  hi = (hi & 0xFFFFFFFFFFFF0FFFULL) | 0x0000000000004000ULL;  // version 4
  lo = (lo & 0x3FFFFFFFFFFFFFFFULL) | 0x8000000000000000ULL;  // variant 10
  static const char* hex = "0123456789abcdef";
  std::string out;
  out.reserve(36);
  for (int i = 0; i < 32; ++i) {
    uint64_t word = i < 16 ? hi : lo;
    int shift = 60 - 4 * (i % 16);
    out += hex[(word >> shift) & 0xF];
    if (i == 7 || i == 11 || i == 15 || i == 19) {
      out += '-';
    }
  }
  return out;
}

/// A BCP 47 language tag as the SPARQL grammar accepts it: [a-zA-Z]+ ('-' [a-zA-Z0-9]+)*.
bool isLanguageTag(std::string_view s) {
  if (s.empty()) {
    return false;
  }
  size_t i = 0, part = 0;
  bool first = true;
  while (i <= s.size()) {
    if (i == s.size() || s[i] == '-') {
      if (part == 0 || part > 8) {
        return false;
      }
      if (i == s.size()) {
        return true;
      }
      part = 0;
      first = false;
      ++i;
      continue;
    }
    char c = s[i];
    bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    bool digit = c >= '0' && c <= '9';
    if (!(alpha || (!first && digit))) {
      return false;
    }
    ++part;
    ++i;
  }
  return true;
}

}  // namespace

std::optional<rdf::Term> fnStr(Args a, EvalContext&) {
  if (a.size() != 1 || a[0]->isBlank()) {
    return std::nullopt;
  }
  return stringLiteral(a[0]->value);
}

std::optional<rdf::Term> fnLang(Args a, EvalContext&) {
  if (a.size() != 1 || !a[0]->isLiteral()) {
    return std::nullopt;
  }
  return stringLiteral(a[0]->lang);
}

std::optional<rdf::Term> fnDatatype(Args a, EvalContext&) {
  if (a.size() != 1 || !a[0]->isLiteral()) {
    return std::nullopt;
  }
  return rdf::Term::iri(std::string(a[0]->view().effectiveDatatype()));
}

std::optional<rdf::Term> fnIri(Args a, EvalContext& ctx) {
  if (a.size() != 1) {
    return std::nullopt;
  }
  if (a[0]->isIri()) {
    return *a[0];
  }
  if (!isStringLiteral(*a[0])) {
    return std::nullopt;
  }
  for (char c : a[0]->value) {
    if (static_cast<unsigned char>(c) <= 0x20 || c == '<' || c == '>' || c == '"' || c == '{' ||
        c == '}' || c == '|' || c == '\\' || c == '^' || c == '`') {
      return std::nullopt;
    }
  }
  return rdf::Term::iri(parser::resolveIri(ctx.baseIri, a[0]->value));
}

std::optional<rdf::Term> fnBnode(Args a, EvalContext& ctx) {
  if (a.empty()) {
    return rdf::Term::blank(ctx.bnodeScope + "b" + std::to_string(ctx.bnodeCounter++));
  }
  if (a.size() != 1 || !isStringLiteral(*a[0])) {
    return std::nullopt;
  }
  static const char* hex = "0123456789abcdef";
  std::string label = ctx.bnodeScope + "s" + std::to_string(ctx.solutionId) + "x";
  for (unsigned char c : a[0]->value) {
    label += hex[c >> 4];
    label += hex[c & 0xF];
  }
  return rdf::Term::blank(std::move(label));
}

std::optional<rdf::Term> fnStrdt(Args a, EvalContext&) {
  // rdf:langString needs a language tag, which STRDT cannot give.
  if (a.size() != 2 || !isStringLiteral(*a[0]) || !a[1]->isIri() ||
      a[1]->value == rdf::kRdfLangString) {
    return std::nullopt;
  }
  return rdf::Term::literal(a[0]->value, a[1]->value);
}

std::optional<rdf::Term> fnStrlang(Args a, EvalContext&) {
  if (a.size() != 2 || !isStringLiteral(*a[0]) || !isStringLiteral(*a[1])) {
    return std::nullopt;
  }
  if (!isLanguageTag(a[1]->value)) {
    return std::nullopt;
  }
  return rdf::Term::literal(a[0]->value, {}, a[1]->value);
}

std::optional<rdf::Term> fnSameTerm(Args a, EvalContext&) {
  if (a.size() != 2) {
    return std::nullopt;
  }
  return booleanLiteral(*a[0] == *a[1]);
}

std::optional<rdf::Term> fnIsIri(Args a, EvalContext&) {
  if (a.size() != 1) {
    return std::nullopt;
  }
  return booleanLiteral(a[0]->isIri());
}

std::optional<rdf::Term> fnIsBlank(Args a, EvalContext&) {
  if (a.size() != 1) {
    return std::nullopt;
  }
  return booleanLiteral(a[0]->isBlank());
}

std::optional<rdf::Term> fnIsLiteral(Args a, EvalContext&) {
  if (a.size() != 1) {
    return std::nullopt;
  }
  return booleanLiteral(a[0]->isLiteral());
}

std::optional<rdf::Term> fnIsNumeric(Args a, EvalContext&) {
  if (a.size() != 1) {
    return std::nullopt;
  }
  return booleanLiteral(numericValue(*a[0]).has_value());
}

std::optional<rdf::Term> fnUuid(Args a, EvalContext&) {
  if (!a.empty()) {
    return std::nullopt;
  }
  return rdf::Term::iri("urn:uuid:" + randomUuid());
}

std::optional<rdf::Term> fnStruuid(Args a, EvalContext&) {
  if (!a.empty()) {
    return std::nullopt;
  }
  return stringLiteral(randomUuid());
}

std::optional<rdf::Term> fnRand(Args a, EvalContext&) {
  if (!a.empty()) {
    return std::nullopt;
  }
  std::uniform_real_distribution<double> dist(0.0, 1.0);
  return numericTerm(Numeric::ofDouble(dist(randomEngine())));
}

}  // namespace bdis::sparql::expr
