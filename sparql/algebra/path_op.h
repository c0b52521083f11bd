#pragma once
// Property path pattern (18.1.7): subject, path, object. Only paths that 18.2.2.4 leaves as paths
// (alternatives, closures, negated sets, and inverses/sequences containing them).
// https://www.w3.org/TR/sparql11-query/#sparqlPropertyPaths

#include "sparql/algebra/op.h"
#include "sparql/ast/path.h"
#include "sparql/ast/term.h"

namespace bdis::sparql::algebra {

/// Property path pattern (18.1.7): subject, path, object. Only paths that 18.2.2.4 leaves as paths
/// (alternatives, closures, negated sets, and inverses/sequences containing them).
struct PathOp final : Op {
  PathOp() : Op(OpKind::Path) {}
  VarOrTerm s;
  Path path;
  VarOrTerm o;
};

}  // namespace bdis::sparql::algebra
