#pragma once
// Human-readable labels of IRIs, read from the store for the HTML pages.

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "rdf/store.h"

namespace bdis::server {

/// Labels from `ess:name`, `skos:prefLabel`, `rdfs:label`, `schema:name`,
/// `dcterms:title` (in that order of preference), French first, then untagged,
/// then any language. Caches what it looked up; past `maxLookups` distinct IRIs it
/// answers empty. Lives no longer than the transaction it reads.
class Labels {
 public:
  explicit Labels(const rdf::ReadTxn& txn, size_t maxLookups = 400);

  /// The label of an IRI, or empty when it has none (or the budget is spent).
  std::string of(const std::string& iri);

 private:
  std::string lookUp(const std::string& iri);

  const rdf::ReadTxn& txn_;
  size_t maxLookups_;
  std::vector<rdf::TermId> props_;
  std::map<std::string, std::string> cache_;
};

}  // namespace bdis::server
