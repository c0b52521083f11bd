#pragma once
// Project(input, vars) (18.2.5.2).
// https://www.w3.org/TR/sparql11-query/#defn_algProjection

#include <string>
#include <vector>
#include "sparql/algebra/op.h"

namespace bdis::sparql::algebra {

/// Project(input, vars) (18.2.5.2).
struct Project final : Op {
  Project() : Op(OpKind::Project) {}
  std::vector<std::string> vars;
  OpPtr input;
};

}  // namespace bdis::sparql::algebra
