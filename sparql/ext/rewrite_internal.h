#pragma once
// Shared by the rewrite files (text_rewrite.cpp, geo_rewrite.cpp). Internal.

#include <string>
#include <vector>

#include "rdf/store.h"
#include "sparql/algebra/all.h"
#include "sparql/ext/search_indexes.h"

namespace bdis::sparql::ext::detail {

/// State of one rewrite run.
struct Rewriter {
  const rdf::ReadTxn& txn;
  SearchIndexes* indexes;
  std::vector<std::string> notes;
};

/// Replaces text:query / bif:contains patterns of the Bgp `op` (op may become a Join or a Table).
void rewriteTextBgp(algebra::OpPtr& op, Rewriter& r);
/// Adds candidate Tables to a Filter that bounds a geo:asWKT variable.
void rewriteGeoFilter(algebra::Filter& filter, Rewriter& r);
/// Adds kNN candidates under an ORDER BY distance below a LIMIT (`slice`).
void rewriteGeoNearest(algebra::Slice& slice, Rewriter& r);

/// Join(left, right).
algebra::OpPtr makeJoin(algebra::OpPtr left, algebra::OpPtr right);

}  // namespace bdis::sparql::ext::detail
