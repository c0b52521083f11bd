#pragma once
// The published dumps: one folder per store write generation,
// `<store>/dumps/<generation>/`, holding bdis.nq.gz, bdis.nt.gz, bdis.ttl.gz,
// initiatives.csv, initiatives.geojson and manifest.json (sizes, SHA-256, dates).
// A set is written into a temporary folder and renamed into place when complete,
// so a folder with a manifest is always whole; older sets are then removed.

#include <chrono>
#include <cstdint>
#include <ctime>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "rdf/store.h"
#include "server/routes/catalog_graph.h"

namespace bdis::server {

class App;

/// One published file.
struct DumpFile {
  std::string name;            ///< e.g. "bdis.nq.gz"
  std::string title;           ///< e.g. "N-Quads (gzip)"
  std::string contentType;     ///< HTTP Content-Type of the file as served
  std::string mediaType;       ///< media type of the content once decompressed
  std::string compressFormat;  ///< "application/gzip", or empty
  uint64_t bytes = 0;
  std::string sha256;          ///< hex
  std::time_t modified = 0;    ///< when written (UTC seconds)
  uint64_t statements = 0;     ///< quads, triples or initiatives written
};

/// A complete set of dumps.
struct DumpSet {
  uint64_t generation = 0;
  std::filesystem::path folder;
  std::time_t created = 0;
  std::vector<DumpFile> files;

  /// The file named `name`, or nullptr.
  const DumpFile* find(const std::string& name) const;
};

/// The dumps folder of a store (`<store>/dumps`).
std::filesystem::path dumpsRoot(const std::string& storePath);

/// The newest complete set under `root`, if any.
std::optional<DumpSet> latestDumps(const std::filesystem::path& root);

/// Writes the set of `txn`'s snapshot under `root` (replacing one of the same
/// generation), removes older sets, and returns it. Throws StorageError when the
/// files cannot be written. One publication at a time per process.
DumpSet publishDumps(const rdf::ReadTxn& txn, const std::filesystem::path& root);

/// Sets older than this are rewritten on access when the store has changed since.
inline constexpr std::chrono::seconds kDumpRefreshAfter{3600};

/// The set to serve: the newest one when it is of the store's generation or younger
/// than kDumpRefreshAfter, else (or when there is none) a new one, written now.
/// When writing fails (a read-only folder) the newest set is served; with none, an
/// HttpError 503 says how to publish them (`bdis dump --publish`).
DumpSet currentDumps(App& app, const rdf::ReadTxn& txn);

/// The catalog's view of the current set (empty when none can be had).
std::vector<CatalogDistribution> publishedDistributions(App& app, const rdf::ReadTxn& txn);

/// `t` as an HTTP date ("Sat, 05 Dec 2026 00:00:00 GMT") or, with `iso`, xsd:dateTime.
std::string formatTime(std::time_t t, bool iso);

}  // namespace bdis::server
