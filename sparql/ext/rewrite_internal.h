#pragma once
// Shared by the rewrite files (text_rewrite.cpp, geo_rewrite.cpp). Internal.

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "rdf/store.h"
#include "sparql/algebra/all.h"
#include "sparql/exec/exec_context.h"
#include "sparql/ext/search_indexes.h"

namespace bdis::sparql::ext::detail {

/// State of one rewrite run. The indexes are fetched on first need only, so that
/// queries without search patterns never open them.
struct Rewriter {
  Rewriter(const rdf::ReadTxn& t, std::function<std::shared_ptr<SearchIndexes>()> p,
           const exec::DatasetIds* d)
      : txn(t), provider(std::move(p)), dataset(d) {}
  const rdf::ReadTxn& txn;
  std::function<std::shared_ptr<SearchIndexes>()> provider;
  /// The query's dataset; null: the store's default graph and every named graph.
  const exec::DatasetIds* dataset;
  std::vector<std::string> notes;

  /// The indexes, or null when none are attached.
  SearchIndexes* indexes() {
    if (!fetched_) {
      held_ = provider ? provider() : nullptr;
      fetched_ = true;
    }
    return held_.get();
  }

 private:
  std::shared_ptr<SearchIndexes> held_;
  bool fetched_ = false;
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
