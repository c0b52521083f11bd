#pragma once
// Variable analysis of algebra trees for the planner: every variable (to size
// rows), the variables an expression reads, and the variables certainly bound
// in every solution of an operator (for join keys and filter placement).

#include <set>
#include <string>

#include "sparql/algebra/all.h"
#include "sparql/exec/exec_context.h"

namespace bdis::sparql::planner {

/// Adds every variable of `op` (patterns, expressions, EXISTS patterns,
/// aggregates, VALUES, projections) to `vars`.
void collectVars(const algebra::Op& op, exec::VarTable& vars);

/// Adds every variable that `e` reads to `out`, not looking inside EXISTS.
void exprVars(const Expr& e, std::set<std::string>& out);

/// True when `e` contains EXISTS / NOT EXISTS.
bool hasExists(const Expr& e);

/// The variables bound in every solution of `op`.
std::set<std::string> certainVars(const algebra::Op& op);

/// The variables that may be bound in a solution of `op` (its visible
/// variables: a subquery shows only its projection, a Group its keys and aggregates).
std::set<std::string> visibleVars(const algebra::Op& op);

/// True when `op` can be evaluated as a chain of index joins over an input
/// stream (BGPs, paths, joins of those, GRAPH over those).
bool chainable(const algebra::Op& op);

}  // namespace bdis::sparql::planner
