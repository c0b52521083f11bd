#pragma once
// Internal: XSD datatype IRIs and the classification of literals the evaluator
// works with (https://www.w3.org/TR/xmlschema11-2/#built-in-datatypes).

#include <optional>
#include <string>
#include <string_view>

#include "rdf/term.h"

namespace bdis::sparql::expr {

inline constexpr std::string_view kXsdInteger = "http://www.w3.org/2001/XMLSchema#integer";
inline constexpr std::string_view kXsdDecimal = "http://www.w3.org/2001/XMLSchema#decimal";
inline constexpr std::string_view kXsdFloat = "http://www.w3.org/2001/XMLSchema#float";
inline constexpr std::string_view kXsdDouble = "http://www.w3.org/2001/XMLSchema#double";
inline constexpr std::string_view kXsdBoolean = "http://www.w3.org/2001/XMLSchema#boolean";
inline constexpr std::string_view kXsdDateTime = "http://www.w3.org/2001/XMLSchema#dateTime";
inline constexpr std::string_view kXsdDateTimeStamp =
    "http://www.w3.org/2001/XMLSchema#dateTimeStamp";
inline constexpr std::string_view kXsdDate = "http://www.w3.org/2001/XMLSchema#date";
inline constexpr std::string_view kXsdTime = "http://www.w3.org/2001/XMLSchema#time";
inline constexpr std::string_view kXsdDayTimeDuration =
    "http://www.w3.org/2001/XMLSchema#dayTimeDuration";

/// The XSD local name of `datatype` ("integer" for xsd:integer), or empty when
/// `datatype` is not in the XSD namespace.
inline std::string_view xsdLocalName(std::string_view datatype) {
  if (datatype.size() <= rdf::kXsd.size() || datatype.substr(0, rdf::kXsd.size()) != rdf::kXsd)
    return {};
  return datatype.substr(rdf::kXsd.size());
}

/// True for a simple literal or an xsd:string literal (the two are the same in RDF 1.1).
inline bool isStringLiteral(const rdf::Term& t) {
  return t.kind == rdf::TermKind::Literal && t.lang.empty() &&
         (t.datatype.empty() || t.datatype == rdf::kXsdString);
}

/// True for a language-tagged literal.
inline bool isLangLiteral(const rdf::Term& t) {
  return t.kind == rdf::TermKind::Literal && !t.lang.empty();
}

/// True for a literal whose datatype is `dt` (xsd:string given as kXsdString matches
/// simple literals too).
inline bool hasDatatype(const rdf::Term& t, std::string_view dt) {
  if (t.kind != rdf::TermKind::Literal || !t.lang.empty()) return false;
  if (t.datatype.empty()) return dt == rdf::kXsdString;
  return t.datatype == dt;
}

/// A simple literal with lexical form `s`.
inline rdf::Term stringLiteral(std::string s) { return rdf::Term::literal(std::move(s)); }

/// A literal of datatype `dt`.
inline rdf::Term typedLiteral(std::string s, std::string_view dt) {
  return rdf::Term::literal(std::move(s), std::string(dt));
}

/// xsd:boolean literal.
inline rdf::Term booleanLiteral(bool b) {
  return rdf::Term::literal(b ? "true" : "false", std::string(kXsdBoolean));
}

/// The value of a valid xsd:boolean lexical form ("true", "false", "1", "0").
inline std::optional<bool> parseBoolean(std::string_view s) {
  if (s == "true" || s == "1") return true;
  if (s == "false" || s == "0") return false;
  return std::nullopt;
}

/// `s` without leading and trailing XML whitespace (the `collapse` facet applied to
/// the lexical forms of the non-string types before casting).
inline std::string_view trimXmlSpace(std::string_view s) {
  auto ws = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && ws(s.front())) s.remove_prefix(1);
  while (!s.empty() && ws(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace bdis::sparql::expr
