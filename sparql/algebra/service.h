#pragma once
// Service(name, input, silent) (SPARQL 1.1 Federated Query, section 4): input sent to a remote endpoint.
// https://www.w3.org/TR/sparql11-query/#sparqlAlgebraEval

#include "sparql/ast/term.h"
#include "sparql/algebra/op.h"

namespace bdis::sparql::algebra {

/// Service(name, input, silent) (SPARQL 1.1 Federated Query, section 4): input sent to a remote endpoint.
struct Service final : Op {
  Service() : Op(OpKind::Service) {}
  VarOrTerm name;  ///< Endpoint IRI or a variable.
  bool silent = false;
  OpPtr input;
};

}  // namespace bdis::sparql::algebra
