#pragma once
// Minus(left, right) (18.5).
// https://www.w3.org/TR/sparql11-query/#defn_algMinus

#include "sparql/algebra/op.h"

namespace bdis::sparql::algebra {

/// Minus(left, right) (18.5).
struct Minus final : Op {
  Minus() : Op(OpKind::Minus) {}
  OpPtr left;
  OpPtr right;
};

}  // namespace bdis::sparql::algebra
