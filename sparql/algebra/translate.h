#pragma once
// Translation of the AST to the SPARQL algebra, section 18.2 of
// https://www.w3.org/TR/sparql11-query/#sparqlQuery

#include "sparql/algebra/op.h"
#include "sparql/ast/query.h"

namespace bdis::sparql::algebra {

/// The algebra of a whole query (18.2.1-18.2.5): the WHERE pattern, grouping and
/// aggregates, HAVING, trailing VALUES, SELECT expressions, ORDER BY, projection,
/// DISTINCT/REDUCED and slicing. Blank nodes of the pattern become
/// non-distinguished variables (`??label`). The result does not refer to `q`.
OpPtr translateQuery(const ast::Query& q);

/// The algebra of a group graph pattern alone (18.2.2), as used for the WHERE
/// clause of an update. Blank nodes become non-distinguished variables.
OpPtr translatePattern(const ast::GroupGraphPattern& g);

}  // namespace bdis::sparql::algebra
