#pragma once
// Slice(input, start, length) (18.2.5.5): OFFSET and LIMIT.
// https://www.w3.org/TR/sparql11-query/#defn_algSlice

#include <cstdint>
#include <optional>
#include "sparql/algebra/op.h"

namespace bdis::sparql::algebra {

/// Slice(input, start, length) (18.2.5.5): OFFSET and LIMIT.
struct Slice final : Op {
  Slice() : Op(OpKind::Slice) {}
  std::optional<uint64_t> start;   ///< OFFSET
  std::optional<uint64_t> length;  ///< LIMIT
  OpPtr input;
};

}  // namespace bdis::sparql::algebra
