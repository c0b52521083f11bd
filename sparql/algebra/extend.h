#pragma once
// Extend(input, var, expr) (18.5): BIND, SELECT expressions, GROUP BY ... AS.
// https://www.w3.org/TR/sparql11-query/#defn_extend

#include <string>

#include "sparql/algebra/op.h"
#include "sparql/ast/expr.h"

namespace bdis::sparql::algebra {

/// Extend(input, var, expr) (18.5): BIND, SELECT expressions, GROUP BY ... AS.
struct Extend final : Op {
  Extend() : Op(OpKind::Extend) {}
  OpPtr input;
  std::string var;
  Expr expr;
};

}  // namespace bdis::sparql::algebra
