#pragma once
// Helpers for the expression evaluator tests: terms from a compact spelling,
// expression builders, a map-backed Row and a printable form of results.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rdf/term.h"
#include "sparql/ast/expr.h"
#include "sparql/expr/evaluator.h"

namespace bdis::sparql::expr::test {

inline constexpr std::string_view kXsdNs = "http://www.w3.org/2001/XMLSchema#";

/// A term from a compact spelling: `<iri>`, `_:label`, `"lex"`, `"lex"@lang`,
/// `"lex"^^xsd:local`, `"lex"^^<iri>`, or a bare Turtle number/boolean
/// (`12` integer, `1.5` decimal, `1e0` double, `true`).
inline rdf::Term term(std::string_view s) {
  if (s.starts_with("<")) return rdf::Term::iri(std::string(s.substr(1, s.size() - 2)));
  if (s.starts_with("_:")) return rdf::Term::blank(std::string(s.substr(2)));
  if (s.starts_with("\"")) {
    size_t close = s.rfind('"');
    std::string lex(s.substr(1, close - 1));
    std::string_view rest = s.substr(close + 1);
    if (rest.starts_with("@")) return rdf::Term::literal(lex, {}, std::string(rest.substr(1)));
    if (rest.starts_with("^^xsd:"))
      return rdf::Term::literal(lex, std::string(kXsdNs) + std::string(rest.substr(6)));
    if (rest.starts_with("^^<"))
      return rdf::Term::literal(lex, std::string(rest.substr(3, rest.size() - 4)));
    return rdf::Term::literal(lex);
  }
  std::string lex(s);
  if (s == "true" || s == "false") return rdf::Term::literal(lex, std::string(kXsdNs) + "boolean");
  if (s.find_first_of("eE") != std::string_view::npos)
    return rdf::Term::literal(lex, std::string(kXsdNs) + "double");
  if (s.find('.') != std::string_view::npos)
    return rdf::Term::literal(lex, std::string(kXsdNs) + "decimal");
  return rdf::Term::literal(lex, std::string(kXsdNs) + "integer");
}

/// The inverse of term() for results ("error" for nullopt); datatypes in the XSD
/// namespace are written xsd:local, integers/decimals/doubles/booleans too.
inline std::string show(const std::optional<rdf::Term>& t) {
  if (!t) return "error";
  switch (t->kind) {
    case rdf::TermKind::None:
      return "none";
    case rdf::TermKind::Iri:
      return "<" + t->value + ">";
    case rdf::TermKind::Blank:
      return "_:" + t->value;
    case rdf::TermKind::Literal:
      break;
  }
  std::string out = "\"" + t->value + "\"";
  if (!t->lang.empty()) return out + "@" + t->lang;
  if (t->datatype.empty() || t->datatype == rdf::kXsdString) return out;
  if (t->datatype.starts_with(kXsdNs)) return out + "^^xsd:" + t->datatype.substr(kXsdNs.size());
  return out + "^^<" + t->datatype + ">";
}

/// A constant expression from a compact term spelling.
inline Expr lit(std::string_view s) { return Expr::constant(term(s)); }
/// A variable reference.
inline Expr var(std::string name) { return Expr::var(std::move(name)); }

/// A built-in call (upper-case name).
template <typename... A>
Expr call(std::string name, A&&... args) {
  return Expr::call(Expr::Kind::Builtin, std::move(name), exprList(std::forward<A>(args)...));
}
/// A function call by IRI; `xsd:local` is expanded.
template <typename... A>
Expr fn(std::string iri, A&&... args) {
  if (iri.starts_with("xsd:")) iri = std::string(kXsdNs) + iri.substr(4);
  return Expr::call(Expr::Kind::Function, std::move(iri), exprList(std::forward<A>(args)...));
}
/// An operator node.
template <typename... A>
Expr op(Expr::Kind k, A&&... args) {
  return Expr::call(k, {}, exprList(std::forward<A>(args)...));
}

/// A row backed by a map.
class MapRow : public Row {
 public:
  MapRow() = default;
  MapRow(std::initializer_list<std::pair<const std::string, rdf::Term>> vars) : vars_(vars) {}
  const rdf::Term* get(std::string_view var) const override {
    auto it = vars_.find(std::string(var));
    return it == vars_.end() ? nullptr : &it->second;
  }
  void set(const std::string& var, rdf::Term t) { vars_[var] = std::move(t); }

 private:
  std::map<std::string, rdf::Term> vars_;
};

/// Evaluates with an empty row and a fresh context, and shows the result.
inline std::string run(const Expr& e) {
  MapRow row;
  EvalContext ctx;
  return show(evaluate(e, row, ctx));
}

/// Evaluates with `row` and `ctx`, and shows the result.
inline std::string run(const Expr& e, const Row& row, EvalContext& ctx) {
  return show(evaluate(e, row, ctx));
}

}  // namespace bdis::sparql::expr::test
