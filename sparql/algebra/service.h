#pragma once
// Service(name, input, silent) (SPARQL 1.1 Federated Query, section 4): input sent to a remote
// endpoint. https://www.w3.org/TR/sparql11-query/#sparqlAlgebraEval

#include <string>

#include "sparql/algebra/op.h"
#include "sparql/ast/term.h"

namespace bdis::sparql::algebra {

/// Service(name, input, silent) (SPARQL 1.1 Federated Query, section 4): input sent to a remote
/// endpoint.
struct Service final : Op {
  Service() : Op(OpKind::Service) {}
  VarOrTerm name;  ///< Endpoint IRI or a variable.
  bool silent = false;
  /// The query to send: prologue + `SELECT * WHERE { ... }` as written (see
  /// ast::PatternElement::serviceQuery).
  std::string query;
  OpPtr input;
};

}  // namespace bdis::sparql::algebra
