#pragma once
// OrderBy(input, conditions) (18.2.5.1).
// https://www.w3.org/TR/sparql11-query/#defn_algOrdered

#include <vector>

#include "sparql/algebra/op.h"
#include "sparql/ast/expr.h"

namespace bdis::sparql::algebra {

/// One sort key: an expression (aggregates already replaced by variables).
struct SortKey {
  Expr expr;
  bool descending = false;
};

/// OrderBy(input, keys) (18.2.5.1).
struct OrderBy final : Op {
  OrderBy() : Op(OpKind::OrderBy) {}
  std::vector<SortKey> keys;
  OpPtr input;
};

}  // namespace bdis::sparql::algebra
