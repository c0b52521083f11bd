#pragma once
// Reduced(input) (18.2.5.4).
// https://www.w3.org/TR/sparql11-query/#defn_algReduced

#include "sparql/algebra/op.h"

namespace bdis::sparql::algebra {

/// Reduced(input) (18.2.5.4).
struct Reduced final : Op {
  Reduced() : Op(OpKind::Reduced) {}
  OpPtr input;
};

}  // namespace bdis::sparql::algebra
