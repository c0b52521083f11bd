#pragma once
// In-scope variables of patterns and queries (18.2.1, "Variable Scope").

#include <string>
#include <vector>

#include "sparql/ast/query.h"

namespace bdis::sparql::ast {

/// Appends the variables in scope of `g`, each once, in order of first
/// appearance (user variables only: blank nodes are not variables here).
void inScopeVariables(const GroupGraphPattern& g, std::vector<std::string>& out);

/// The variables a (sub)query makes visible: its projection, or for SELECT *
/// the in-scope variables of its WHERE clause and trailing VALUES.
std::vector<std::string> visibleVariables(const Query& q);

}  // namespace bdis::sparql::ast
