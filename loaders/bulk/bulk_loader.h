#pragma once
// The bulk loader: RDF files (and ESS sources through the same sink) into the
// store in one write transaction. N-Triples and N-Quads are parsed in parallel
// by line-aligned chunks; terms are interned in input order; quads are
// collected up to the memory limit, then sorted and merged into every index.

#include <cstdint>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "rdf/quad_sink.h"
#include "rdf/rdf_format.h"
#include "rdf/store.h"

namespace bdis::loaders {

/// What `bdis load` was asked to do.
struct BulkLoadOptions {
  std::optional<std::string> graph;        ///< target graph IRI for triples (None: default graph)
  bool replace = false;                    ///< clear the target graph first, in the same transaction
  std::optional<rdf::RdfFormat> format;    ///< forced format; else from each file's extension
  std::string baseIri;                     ///< base IRI; else each file's file: IRI
  bool skipInvalid = false;                ///< report and skip bad statements instead of failing
  uint64_t memoryLimit = 1ull << 30;       ///< bytes for buffered quads before a merge into the indexes
  unsigned threads = 0;                    ///< parse threads; 0 = hardware concurrency
  bool progress = false;                   ///< draw a progress line on stderr
  /// When set, every input is read by this function instead of the RDF readers
  /// (the ESS loaders: CSV with a mapping, GeoJSON, GoGoCarto). It sends the
  /// input's quads to `sink` and reports what it skipped on `log`; it returns the
  /// number of records it skipped. It runs inside the load's transaction.
  std::function<uint64_t(const std::string& path, rdf::QuadSink& sink, std::ostream& log)> reader;
};

/// What a load did.
struct BulkLoadSummary {
  uint64_t statements = 0;  ///< statements read (including duplicates)
  uint64_t inserted = 0;    ///< quads new to the store
  uint64_t skipped = 0;     ///< bad statements skipped (skipInvalid only)
  uint64_t removed = 0;     ///< quads removed by --replace
  double seconds = 0;
};

/// Loads `inputs` (paths, or "-" for stdin) into `store` as one transaction:
/// on any error nothing is committed and the store is exactly as before.
/// Skipped statements are reported on `log`, one line each with their position.
/// Throws SyntaxError / StorageError.
BulkLoadSummary bulkLoad(rdf::Store& store, const std::vector<std::string>& inputs,
                         const BulkLoadOptions& options, std::ostream& log);

/// A fresh blank-node scope prefix: every file of every load gets its own, so
/// `_:b1` in two documents never names the same node.
std::string newBlankScope();

/// Parses sizes such as "512M", "2G", "1048576". Returns nullopt on bad input.
std::optional<uint64_t> parseByteSize(const std::string& text);

}  // namespace bdis::loaders
