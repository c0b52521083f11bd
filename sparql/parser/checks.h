#pragma once
// The semantic rules the grammar notes and section 18 require of a parsed
// query or update (internal to the parser).

#include "sparql/ast/query.h"
#include "sparql/ast/update.h"

namespace bdis::sparql::parser {

/// Throws bdis::SemanticError when `q` (or a subquery, or an EXISTS pattern) breaks
/// a scoping or grouping rule: `(expr AS ?v)` with ?v already in scope, BIND to a
/// variable in scope in its group, SELECT * or an ungrouped variable with grouping.
void checkQuery(const ast::Query& q);

/// Applies the rules of checkQuery() to the WHERE clauses of an update.
void checkUpdate(const ast::Update& u);

}  // namespace bdis::sparql::parser
