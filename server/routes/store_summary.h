#pragma once
// The statistics the VoID description publishes (void:triples, distinct subjects and
// objects, class and property partitions, one subset per named graph), computed from
// a store snapshot and kept for as long as the store's write generation stays the same.

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "rdf/store.h"

namespace bdis::server {

/// Counts over a whole store. Quads, not triples: a triple held by two graphs counts twice.
struct StoreSummary {
  uint64_t generation = 0;
  uint64_t quads = 0;
  uint64_t distinctSubjects = 0;
  uint64_t distinctObjects = 0;
  std::vector<std::pair<std::string, uint64_t>> properties;  ///< predicate IRI -> quads
  /// class IRI -> (quads `?s rdf:type class`, distinct such subjects)
  std::vector<std::pair<std::string, std::pair<uint64_t, uint64_t>>> classes;
  /// named graph IRI -> quads (the default graph is left out)
  std::vector<std::pair<std::string, uint64_t>> graphs;
  uint64_t defaultGraphQuads = 0;
};

/// The summary of `txn`'s snapshot. Reads the whole store twice (subjects, objects)
/// the first time a generation is asked for, then answers from a cache (one entry
/// per process: the last generation seen). Thread-safe.
std::shared_ptr<const StoreSummary> storeSummary(const rdf::ReadTxn& txn);

}  // namespace bdis::server
