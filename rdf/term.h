#pragma once
// RDF terms as values (Term, owning) and as views (TermView, borrowed).
// Lexical forms are kept exactly as read: nothing is canonicalised here.

#include <cstdint>
#include <string>
#include <string_view>

namespace bdis::rdf {

/// What a term is. `None` stands for "no term": the default graph in a quad,
/// an unbound position in a pattern.
enum class TermKind : uint8_t { None = 0, Iri = 1, Blank = 2, Literal = 3 };

inline constexpr std::string_view kXsd = "http://www.w3.org/2001/XMLSchema#";
inline constexpr std::string_view kXsdString = "http://www.w3.org/2001/XMLSchema#string";
inline constexpr std::string_view kRdfLangString =
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString";
inline constexpr std::string_view kRdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

/// A borrowed term. The views live as long as the buffer they point into
/// (for reader callbacks: until the callback returns).
///
/// Literals: `value` is the lexical form; `lang` is the language tag as written
/// (non-empty means rdf:langString); otherwise `datatype` is the datatype IRI,
/// empty meaning xsd:string (RDF 1.1 simple literal).
/// Blank nodes: `value` is the label without "_:".
struct TermView {
  TermKind kind = TermKind::None;
  std::string_view value;
  std::string_view datatype;
  std::string_view lang;

  bool isIri() const { return kind == TermKind::Iri; }
  bool isBlank() const { return kind == TermKind::Blank; }
  bool isLiteral() const { return kind == TermKind::Literal; }
  bool isNone() const { return kind == TermKind::None; }
  /// The datatype IRI as RDF 1.1 defines it (xsd:string or rdf:langString when implicit).
  std::string_view effectiveDatatype() const {
    if (!lang.empty()) return kRdfLangString;
    if (datatype.empty()) return kXsdString;
    return datatype;
  }
  friend bool operator==(const TermView& a, const TermView& b) {
    return a.kind == b.kind && a.value == b.value && a.lang == b.lang &&
           a.effectiveDatatypeForEq() == b.effectiveDatatypeForEq();
  }

 private:
  std::string_view effectiveDatatypeForEq() const {
    return kind == TermKind::Literal ? effectiveDatatype() : std::string_view{};
  }
};

/// An owned term; same conventions as TermView.
struct Term {
  TermKind kind = TermKind::None;
  std::string value;
  std::string datatype;
  std::string lang;

  Term() = default;
  Term(TermKind k, std::string v, std::string dt = {}, std::string lg = {})
      : kind(k), value(std::move(v)), datatype(std::move(dt)), lang(std::move(lg)) {
    if (kind == TermKind::Literal && datatype == kXsdString) datatype.clear();
  }
  explicit Term(const TermView& v)
      : Term(v.kind, std::string(v.value), std::string(v.datatype), std::string(v.lang)) {}

  static Term iri(std::string v) { return Term(TermKind::Iri, std::move(v)); }
  static Term blank(std::string label) { return Term(TermKind::Blank, std::move(label)); }
  static Term literal(std::string lexical, std::string datatype = {}, std::string lang = {}) {
    return Term(TermKind::Literal, std::move(lexical), std::move(datatype), std::move(lang));
  }

  /// A view of this term, valid while this Term lives unchanged.
  TermView view() const { return TermView{kind, value, datatype, lang}; }
  bool isIri() const { return kind == TermKind::Iri; }
  bool isBlank() const { return kind == TermKind::Blank; }
  bool isLiteral() const { return kind == TermKind::Literal; }
  bool isNone() const { return kind == TermKind::None; }

  friend bool operator==(const Term& a, const Term& b) { return a.view() == b.view(); }
  friend bool operator<(const Term& a, const Term& b);
};

/// N-Triples spelling of a term (`<iri>`, `_:label`, `"lex"@lang`, `"lex"^^<dt>`),
/// with the escapes N-Triples requires. `None` gives an empty string.
std::string toNTriples(const TermView& t);
inline std::string toNTriples(const Term& t) { return toNTriples(t.view()); }

/// A quad of borrowed terms; `g.kind == None` is the default graph.
struct QuadView {
  TermView s, p, o, g;
};

/// A quad of owned terms; `g.kind == None` is the default graph.
struct Quad {
  Term s, p, o, g;
  QuadView view() const { return QuadView{s.view(), p.view(), o.view(), g.view()}; }
  friend bool operator==(const Quad&, const Quad&) = default;
};

}  // namespace bdis::rdf
