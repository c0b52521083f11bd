#pragma once
// LeftJoin(left, right, expr) (18.5): OPTIONAL, with the OPTIONAL group's filters as expr (empty =
// true). https://www.w3.org/TR/sparql11-query/#defn_algLeftJoin

#include <vector>

#include "sparql/algebra/op.h"
#include "sparql/ast/expr.h"

namespace bdis::sparql::algebra {

/// LeftJoin(left, right, expr) (18.5): OPTIONAL, with the OPTIONAL group's filters as expr (empty =
/// true).
struct LeftJoin final : Op {
  LeftJoin() : Op(OpKind::LeftJoin) {}
  OpPtr left;
  OpPtr right;
  std::vector<Expr> exprs;  ///< Conjunction; empty means true.
};

}  // namespace bdis::sparql::algebra
