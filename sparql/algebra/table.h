#pragma once
// A table of solutions (18.2.2.6 VALUES, 18.2.4.3 trailing VALUES); the unit table (no variables,
// one empty row) is the identity of Join. A cell of kind None is undefined.
// https://www.w3.org/TR/sparql11-query/#defn_algToMultiSet

#include <string>
#include <vector>

#include "rdf/term.h"
#include "rdf/term_id.h"
#include "sparql/algebra/op.h"

namespace bdis::sparql::algebra {

/// A table of solutions (18.2.2.6 VALUES, 18.2.4.3 trailing VALUES); the unit table (no variables,
/// one empty row) is the identity of Join. A cell of kind None is undefined.
struct Table final : Op {
  Table() : Op(OpKind::Table) {}
  std::vector<std::string> vars;
  std::vector<std::vector<rdf::Term>> rows;
  /// Optional, parallel to `rows`: the store id of each cell when its producer knows it
  /// (the search rewrite, sparql/ext); kAny = look the term up. Saves the executor a
  /// dictionary lookup per cell.
  std::vector<std::vector<rdf::TermId>> ids;
  /// The unit table: one row, no variables.
  static bool isUnit(const Table& t) { return t.vars.empty() && t.rows.size() == 1; }
};

}  // namespace bdis::sparql::algebra
