#pragma once
// The public entry points of the SPARQL 1.1 parser: text -> AST -> algebra.

#include <string_view>
#include <vector>

#include "sparql/algebra/op.h"
#include "sparql/ast/query.h"
#include "sparql/ast/update.h"

namespace bdis::sparql {

/// A parsed query: the AST as written (IRIs resolved) and its algebra.
struct ParsedQuery {
  ast::Query ast;
  algebra::OpPtr algebra;  ///< Never null.
};

/// A parsed update request: the AST and, per operation, the algebra of its WHERE
/// clause (DELETE WHERE, Modify), null for the other operations.
struct ParsedUpdate {
  ast::Update ast;
  std::vector<algebra::OpPtr> where;  ///< One entry per ast.operations.
};

/// Parses a SPARQL 1.1 query. `baseIri` resolves relative IRIs before any BASE.
/// Throws bdis::SyntaxError (1-based line and column of the failure point, and
/// what was expected) or bdis::SemanticError (scoping and aggregate rules,
/// unknown prefixes, blank-node label reuse across basic graph patterns).
ParsedQuery parseQuery(std::string_view text, std::string_view baseIri = "");

/// Parses a SPARQL 1.1 Update request; errors as parseQuery().
ParsedUpdate parseUpdate(std::string_view text, std::string_view baseIri = "");

}  // namespace bdis::sparql
