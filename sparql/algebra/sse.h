#pragma once
// SPARQL S-Expressions (the notation of Apache Jena's `qparse --print=op`),
// for `bdis query --explain` and tests.

#include <string>

#include "sparql/algebra/op.h"
#include "sparql/ast/expr.h"
#include "sparql/ast/path.h"

namespace bdis::sparql::algebra {

/// The operator tree in SSE, one operator per line, indented two spaces per level,
/// e.g. `(project (?s)\n  (bgp (triple ?s ?p ?o)))`.
std::string toSse(const Op& op);

/// An expression in SSE, e.g. `(> ?x 1)`, `(count distinct ?x)`.
std::string toSse(const Expr& e);

/// A property path in SSE, e.g. `(seq <p> (path* <q>))`.
std::string toSse(const Path& p);

/// Collapses runs of whitespace to one space (to compare SSE in tests).
std::string squashSse(const std::string& sse);

}  // namespace bdis::sparql::algebra
