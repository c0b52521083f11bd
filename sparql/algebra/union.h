#pragma once
// Union(left, right) (18.5).
// https://www.w3.org/TR/sparql11-query/#defn_algUnion

#include "sparql/algebra/op.h"

namespace bdis::sparql::algebra {

/// Union(left, right) (18.5).
struct Union final : Op {
  Union() : Op(OpKind::Union) {}
  OpPtr left;
  OpPtr right;
};

}  // namespace bdis::sparql::algebra
