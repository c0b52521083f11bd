#pragma once
// Group, Aggregation and AggregateJoin (18.2.4.1, 18.5) as one operator.
// https://www.w3.org/TR/sparql11-query/#aggregateAlgebra

#include <string>
#include <vector>

#include "sparql/algebra/op.h"
#include "sparql/ast/expr.h"

namespace bdis::sparql::algebra {

/// One grouping key. `var` is the GROUP BY ... AS variable, or the variable of a
/// plain `GROUP BY ?v`; empty for an anonymous key expression.
struct GroupKey {
  std::string var;
  Expr expr;
};

/// One Aggregation of 18.2.4.1 bound by AggregateJoin to an internal variable
/// (`?.0`, `?.1`, ... printed like Jena): `aggregate` has Kind::Aggregate.
struct AggregateBinding {
  std::string var;
  Expr aggregate;
};

/// AggregateJoin(Aggregation(..., Group(keys, input))...): groups the input by
/// `keys` (one group with no keys when there is no GROUP BY), then binds each
/// aggregate per group. Each output row holds the key variables and the
/// aggregate variables.
struct Group final : Op {
  Group() : Op(OpKind::Group) {}
  std::vector<GroupKey> keys;
  std::vector<AggregateBinding> aggregates;
  OpPtr input;
};

}  // namespace bdis::sparql::algebra
