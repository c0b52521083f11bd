#include "tests/unit/search/engine_fixture.h"

#include <algorithm>

namespace bdis::search::testing {

void NTriplesRows::row(std::span<const rdf::TermView> values) {
  std::string line;
  for (const auto& v : values) line += (line.empty() ? "" : " ") + rdf::toNTriples(v);
  rows.push_back(line);
}

NTriplesRows EngineFixture::execute(const std::string& q,
                                    const std::optional<sparql::Dataset>& dataset,
                                    std::string* explain) {
  auto txn = store_->beginRead();
  sparql::QueryRequest req;
  req.text = sparqlPrefixes() + q;
  req.dataset = dataset;
  req.explain = explain != nullptr;
  NTriplesRows rows;
  auto stats = sparql::executeQuery(*txn, req, rows);
  if (explain) *explain = stats.explain;
  return rows;
}

std::vector<std::string> EngineFixture::run(const std::string& q, bool indexed,
                                            const std::optional<sparql::Dataset>& dataset,
                                            std::string* explain) {
  sparql::ext::setActiveIndexes(indexed ? indexes_ : nullptr);
  return execute(q, dataset, explain).rows;
}

IndexedAndScanned EngineFixture::bothWays(const std::string& q, bool ordered,
                                          const std::optional<sparql::Dataset>& dataset) {
  IndexedAndScanned out;
  out.indexed = run(q, true, dataset, &out.explain);
  out.scanned = run(q, false, dataset);
  if (!ordered) {
    std::sort(out.indexed.begin(), out.indexed.end());
    std::sort(out.scanned.begin(), out.scanned.end());
  }
  return out;
}

}  // namespace bdis::search::testing
