#pragma once
// Graph(name, input) (18.2.2.7 GRAPH; evaluation 18.6): input evaluated in the named graph(s).
// https://www.w3.org/TR/sparql11-query/#sparqlAlgebraEval

#include "sparql/algebra/op.h"
#include "sparql/ast/term.h"

namespace bdis::sparql::algebra {

/// Graph(name, input) (18.2.2.7 GRAPH; evaluation 18.6): input evaluated in the named graph(s).
struct Graph final : Op {
  Graph() : Op(OpKind::Graph) {}
  VarOrTerm name;  ///< An IRI or a variable.
  OpPtr input;
};

}  // namespace bdis::sparql::algebra
