#pragma once
// Filter(expr, input) (18.5): the conjunction of a group's FILTERs over the whole group.
// https://www.w3.org/TR/sparql11-query/#defn_algFilter

#include <vector>

#include "sparql/algebra/op.h"
#include "sparql/ast/expr.h"

namespace bdis::sparql::algebra {

/// Filter(expr, input) (18.5): the conjunction of a group's FILTERs over the whole group.
struct Filter final : Op {
  Filter() : Op(OpKind::Filter) {}
  std::vector<Expr> exprs;  ///< Conjunction.
  OpPtr input;
};

}  // namespace bdis::sparql::algebra
