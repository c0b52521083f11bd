#pragma once
// Evaluation of SPARQL 1.1 expressions over one solution
// (https://www.w3.org/TR/sparql11-query/#expressions, with the XPath Functions
// and Operators 3.1 semantics the specification refers to).
//
// Errors follow SPARQL error semantics: a failed evaluation (type error, unbound
// variable, invalid argument) is reported as std::nullopt, never as an exception.

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rdf/term.h"
#include "sparql/ast/expr.h"

namespace bdis::sparql::expr {

/// One solution as seen by the evaluator.
class Row {
 public:
  virtual ~Row() = default;
  /// The value bound to `var` (name without `?`), or nullptr when unbound. The
  /// pointer stays valid while the row is unchanged.
  virtual const rdf::Term* get(std::string_view var) const = 0;
};

/// What an evaluation needs beyond the row: per-query constants and callbacks.
/// One context serves a whole query (NOW() is constant across it).
struct EvalContext {
  /// The value of NOW() for this query.
  std::chrono::system_clock::time_point now;
  /// The base IRI that IRI()/URI() resolve relative references against (may be empty).
  std::string baseIri;
  /// A prefix making BNODE() labels unique to this query (e.g. a per-query counter or random id).
  std::string bnodeScope;
  /// The counter behind fresh BNODE() labels; incremented on each fresh node.
  uint64_t bnodeCounter = 0;
  /// Identifies the solution being evaluated, for BNODE(str): the executor changes it
  /// (e.g. increments it) for each new solution, so that BNODE(str) gives the same
  /// node for the same string within one solution and different nodes across solutions.
  uint64_t solutionId = 0;
  /// Evaluates EXISTS: true when the pattern `op` has a solution compatible with `row`
  /// (set by the executor; when empty, EXISTS and NOT EXISTS are errors).
  std::function<bool(const algebra::Op&, const Row&)> exists;
  /// Evaluates a call of a function IRI that is neither an XSD cast nor known to the
  /// evaluator; returns nullopt for an error (also when empty: unknown functions are errors).
  std::function<std::optional<rdf::Term>(std::string_view iri, const std::vector<rdf::Term>& args)>
      extension;
};

/// The value of `e` for `row`, or nullopt on error (type error, unbound variable).
///
/// BNODE(): a fresh blank node per call, labelled bnodeScope + "b" + bnodeCounter++.
/// BNODE(str): labelled bnodeScope + "s" + solutionId + "x" + hex(UTF-8 of str), hence
/// the same node for the same string and solutionId, and no clash with BNODE() labels.
std::optional<rdf::Term> evaluate(const Expr& e, const Row& row, EvalContext& ctx);

/// The effective boolean value of `e` for `row` (the test of FILTER, 17.2.2), or
/// nullopt on error. Same result as effectiveBooleanValue(evaluate(e)), but
/// connectives, comparisons, IN, BOUND and EXISTS are decided without building
/// boolean terms: the fast path for filters.
std::optional<bool> evaluateBoolean(const Expr& e, const Row& row, EvalContext& ctx);

/// The effective boolean value of a term (17.2.2): booleans by value, plain
/// literals (simple, xsd:string, language-tagged) by non-emptiness, numerics by
/// non-zero and non-NaN; an xsd:boolean or numeric literal with an invalid lexical
/// form is false. nullopt (type error) for IRIs, blank nodes and other literals.
std::optional<bool> effectiveBooleanValue(const rdf::Term& t);

/// The `=` operator (17.4.1.x RDFterm-equal and the typed value equalities):
/// true/false when decidable, nullopt for a type error (e.g. two literals of an
/// unknown datatype with different lexical forms).
std::optional<bool> equalTerms(const rdf::Term& a, const rdf::Term& b);

/// The ORDER BY total order (15.1): unbound < blank nodes < IRIs < literals.
/// Blank nodes and IRIs by label/IRI (code points). Literals by family, then value:
/// numerics (NaN first) < simple/xsd:string < language-tagged (text, then tag) <
/// booleans < xsd:dateTime < xsd:date < xsd:time (values without time zone taken as
/// UTC) < durations < other datatypes (by datatype IRI). Equal values with different
/// spellings (1, 1.0, "01"^^xsd:integer) are ordered by datatype IRI, then lexical
/// form, so that only identical terms compare 0. Returns <0, 0 or >0; nullptr is unbound.
int orderCompare(const rdf::Term* a, const rdf::Term* b);

}  // namespace bdis::sparql::expr
