#pragma once
// Basic graph pattern: triple patterns matched together (18.1.6). An empty BGP is Z, the
// one-solution identity. https://www.w3.org/TR/sparql11-query/#BasicGraphPattern

#include <vector>

#include "sparql/algebra/op.h"
#include "sparql/ast/term.h"

namespace bdis::sparql::algebra {

/// Basic graph pattern: triple patterns matched together (18.1.6). An empty BGP is Z, the
/// one-solution identity.
struct Bgp final : Op {
  Bgp() : Op(OpKind::Bgp) {}
  std::vector<TriplePattern> triples;
};

}  // namespace bdis::sparql::algebra
