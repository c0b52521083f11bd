#include "server/routes/labels.h"

#include <string_view>

namespace bdis::server {

namespace {

/// Label properties, most preferred first.
constexpr std::string_view kLabelProperties[] = {
    "https://w3id.org/bdis/ess#name",
    "http://www.w3.org/2004/02/skos/core#prefLabel",
    "http://www.w3.org/2000/01/rdf-schema#label",
    "http://schema.org/name",
    "http://purl.org/dc/terms/title",
};

}  // namespace

Labels::Labels(const rdf::ReadTxn& txn, size_t maxLookups) : txn_(txn), maxLookups_(maxLookups) {
  for (auto p : kLabelProperties) {
    if (auto id = txn.lookup(rdf::Term::iri(std::string(p)).view())) props_.push_back(*id);
  }
}

std::string Labels::of(const std::string& iri) {
  auto it = cache_.find(iri);
  if (it != cache_.end()) return it->second;
  std::string label;
  if (cache_.size() < maxLookups_) label = lookUp(iri);
  cache_.emplace(iri, label);
  return label;
}

std::string Labels::lookUp(const std::string& iri) {
  auto id = txn_.lookup(rdf::Term::iri(iri).view());
  if (!id) return {};
  for (auto p : props_) {
    std::string best;
    int bestRank = 0;
    auto cursor = txn_.scan(rdf::QuadPattern{*id, p, rdf::kAny, rdf::kAny});
    rdf::QuadIds q;
    std::string scratch;
    while (bestRank < 3 && cursor.next(q)) {
      auto o = txn_.decodeView(q.o, scratch);
      if (!o.isLiteral()) continue;
      int rank = o.lang == "fr" || o.lang.rfind("fr-", 0) == 0 ? 3 : o.lang.empty() ? 2 : 1;
      if (rank > bestRank) {
        bestRank = rank;
        best = std::string(o.value);
      }
    }
    if (bestRank) return best;
  }
  return {};
}

}  // namespace bdis::server
