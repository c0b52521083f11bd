#pragma once
// Distinct(input) (18.2.5.3).
// https://www.w3.org/TR/sparql11-query/#defn_algDistinct

#include "sparql/algebra/op.h"

namespace bdis::sparql::algebra {

/// Distinct(input) (18.2.5.3).
struct Distinct final : Op {
  Distinct() : Op(OpKind::Distinct) {}
  OpPtr input;
};

}  // namespace bdis::sparql::algebra
