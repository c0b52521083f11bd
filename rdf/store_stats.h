#pragma once
// The exact counters of a store inside one transaction: the total in `meta`,
// per-predicate and per-graph quad counts in `stats`, and per predicate the quads
// whose object is not an inline xsd:integer (format 4: a range of integer ids is
// then every object that can compare as a number)
// (key 'p', 'g' or 'n' + 8-byte big-endian id -> 8-byte little-endian count).
//
// Lifetime: lives inside its transaction and must not outlive it.

#include <lmdb.h>

#include <cstdint>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "rdf/term_id.h"

namespace bdis::rdf {

/// The meta key of the total quad count.
inline constexpr std::string_view kMetaQuads = "quads";

/// Reads and updates the counters.
class StatsTable {
 public:
  /// Which counter family a key belongs to.
  enum class Kind : char { Predicate = 'p', Graph = 'g', NonIntegerObjects = 'n' };

  /// The counters seen through `txn` (a write txn for apply() and reset()).
  StatsTable(MDB_txn* txn, MDB_dbi stats, MDB_dbi meta) : txn_(txn), stats_(stats), meta_(meta) {}

  /// Total quads.
  uint64_t quads() const;
  /// Quads with predicate / in graph `id` (kDefaultGraph for the default one) /
  /// with predicate `id` and an object that is not an inline integer.
  uint64_t get(Kind kind, TermId id) const;
  /// Every (id, count) of a family, in id order.
  std::vector<std::pair<TermId, uint64_t>> list(Kind kind) const;
  /// Adds (sign > 0) or subtracts (sign < 0) the given quads to every counter.
  void apply(std::span<const QuadIds> quads, int sign);
  /// Writes the whole stats table and total from scratch (used on creation).
  void reset();

 private:
  MDB_txn* txn_;
  MDB_dbi stats_;
  MDB_dbi meta_;
};

/// An 8-byte little-endian counter.
std::string le64(uint64_t v);
/// Parses an 8-byte little-endian counter; throws StorageError when the size is wrong.
uint64_t readLe64(std::string_view v);

}  // namespace bdis::rdf
