#pragma once
// Join(left, right) (18.5).
// https://www.w3.org/TR/sparql11-query/#defn_algJoin

#include "sparql/algebra/op.h"

namespace bdis::sparql::algebra {

/// Join(left, right) (18.5).
struct Join final : Op {
  Join() : Op(OpKind::Join) {}
  OpPtr left;
  OpPtr right;
};

}  // namespace bdis::sparql::algebra
