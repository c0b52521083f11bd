#pragma once
// Pattern positions: a variable or an RDF term.

#include <cstdint>
#include <string>
#include <utility>

#include "rdf/term.h"

namespace bdis::sparql {

/// A variable or an RDF term, as it appears in a triple pattern, a template or
/// a VALUES row. Variable names are kept without the leading `?`/`$`.
/// Names starting with `?` are non-distinguished variables made by the
/// translator: `?label` from the blank node `_:label` (or an anonymous `.bN`) in a
/// pattern, `?PN` from property-path sequences; they never appear in `SELECT *`
/// and print as `??label` in SSE. Names starting with `.` (`.0`, `.1`, ...) are
/// the aggregate results bound by algebra::Group.
struct VarOrTerm {
  std::string var;  ///< Variable name; empty when this is a term.
  rdf::Term term;   ///< The term when `var` is empty.

  /// A variable named `name` (without `?`).
  static VarOrTerm variable(std::string name) {
    VarOrTerm v;
    v.var = std::move(name);
    return v;
  }
  /// A constant term.
  static VarOrTerm of(rdf::Term t) {
    VarOrTerm v;
    v.term = std::move(t);
    return v;
  }
  bool isVar() const { return !var.empty(); }
  friend bool operator==(const VarOrTerm&, const VarOrTerm&) = default;
};

/// True for variables made by the translator rather than written by the user.
inline bool isHiddenVar(const std::string& name) { return !name.empty() && name[0] == '?'; }

/// Where a construct starts in the query text: 1-based line and column (code
/// points); 0 and 0 when the parser made it. For messages of semantic errors.
struct SourcePos {
  uint32_t line = 0;
  uint32_t column = 0;
  /// "line:column: " or "" when unknown.
  std::string prefix() const {
    if (line == 0) {
      return {};
    }
    return std::to_string(line) + ":" + std::to_string(column) + ": ";
  }
};

/// A triple pattern: subject, predicate, object (no property path).
struct TriplePattern {
  VarOrTerm s, p, o;
  friend bool operator==(const TriplePattern&, const TriplePattern&) = default;
};

/// A quad pattern of an update template or data block; `g` is an empty term
/// (kind None, no variable) for the default graph.
struct QuadPattern {
  VarOrTerm s, p, o, g;
  friend bool operator==(const QuadPattern&, const QuadPattern&) = default;
};

}  // namespace bdis::sparql
