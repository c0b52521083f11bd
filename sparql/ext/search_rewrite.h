#pragma once
// The search rewrite pass, run on the algebra after parsing and before planning
// (docs/search.md). It replaces, in place:
//  - Jena text:query patterns (`?s text:query "q"`, `?s text:query (prop "q" limit)`,
//    `(?s ?score ?literal) text:query (...)`) and Virtuoso `?lit bif:contains "'q*'"`
//    by a join with an algebra::Table of the text index's hits, removed from their BGP;
//  - in a FILTER bounding `?wkt` (geof:distance(?wkt, POINT, unit) < d or <=, or
//    geof:sfWithin / sfIntersects / sfContains with a constant geometry) where the
//    filtered group binds `?x geo:asWKT ?wkt`: a join with a Table of the candidate
//    ?wkt literals from the R-tree (the FILTER stays, for the exact test);
//  - `ORDER BY geof:distance(?wkt, POINT, unit) LIMIT k` over the lone pattern
//    `?x geo:asWKT ?wkt`, or `GRAPH <g>|?g { ?x geo:asWKT ?wkt }`: a Table of the
//    candidates that can be among the k nearest in the query's dataset.
// Every rewrite gives the same solutions as evaluating the query without it.

#include <string>
#include <vector>

#include "rdf/store.h"
#include "sparql/algebra/op.h"
#include "sparql/exec/exec_context.h"

namespace bdis::sparql::ext {

class SearchIndexes;

/// Jena's text namespace and Virtuoso's bif:contains.
inline constexpr std::string_view kTextQuery = "http://jena.apache.org/text#query";
inline constexpr std::string_view kBifContains = "http://www.openlinksw.com/schemas/bif#contains";

/// Rewrites `root` in place with `indexes` (may be null: text patterns then fail with
/// ExecutionError, geo filters are left to the full scan). Returns one line per
/// rewrite done, for EXPLAIN. Throws SyntaxError for a bad text query and
/// SemanticError for a text:query whose arguments are not constants. `dataset` is the
/// query's resolved dataset (null: the store's default graph and all named graphs);
/// the nearest-k rewrite counts only geometries in it.
std::vector<std::string> rewriteSearch(algebra::OpPtr& root, const rdf::ReadTxn& txn,
                                       SearchIndexes* indexes,
                                       const exec::DatasetIds* dataset = nullptr);

/// rewriteSearch() with activeIndexes(), brought in step with `txn` first.
std::vector<std::string> rewriteSearch(algebra::OpPtr& root, const rdf::ReadTxn& txn,
                                       const exec::DatasetIds* dataset = nullptr);

}  // namespace bdis::sparql::ext
