#pragma once
// One index order inside one LMDB transaction: a database of delta-compressed
// blocks (see quad_block.h) keyed by their first quad.
//
// Lifetime: a QuadIndex lives inside its transaction and must not outlive it.

#include <lmdb.h>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "rdf/quad_block.h"
#include "rdf/store.h"

namespace bdis::rdf {

/// Block-level operations on one index database.
class QuadIndex {
 public:
  /// The index database `dbi` seen through `txn` (a write txn for the modifying calls);
  /// blocks it writes are at most `maxBlock` bytes.
  QuadIndex(MDB_txn* txn, MDB_dbi dbi, size_t maxBlock = kMaxBlockBytes)
      : txn_(txn), dbi_(dbi), maxBlock_(maxBlock) {}

  /// Merges strictly increasing `keys` into the index, one decode/encode per
  /// touched block; keys beyond the last block are appended (MDB_APPEND).
  /// Appends the keys that were not already present to `added` when given.
  /// Returns how many were new.
  uint64_t insertSorted(std::span<const Key4> keys, std::vector<Key4>* added);
  /// Removes strictly increasing `keys`; appends those that were present to
  /// `removed` when given. Returns how many were removed.
  uint64_t eraseSorted(std::span<const Key4> keys, std::vector<Key4>* removed);
  /// Exact number of keys in [lo, hi]; blocks wholly inside are counted from headers.
  uint64_t countRange(const Key4& lo, const Key4& hi) const;

  /// A block's key and its decoded quads within the range asked for.
  struct Block {
    Key4 key{};
    std::vector<Key4> quads;
    bool endsRange = false;  ///< a quad past the range's end was met: no later block is needed
  };
  /// The block that may hold `lo` (greatest key <= lo), else the first block,
  /// with its quads in [lo, hi]; false when the index is empty.
  bool blockFor(const Key4& lo, const Key4& hi, Block& out) const;
  /// The block that may hold `hi` (greatest key <= hi), else the first block, with
  /// its quads in [lo, hi]: the last of them is the range's last quad, if any.
  bool lastBlockFor(const Key4& lo, const Key4& hi, Block& out) const;
  /// The first block whose key is greater than `key`, with its quads in [lo, hi];
  /// false when there is none.
  bool blockAfter(const Key4& key, const Key4& lo, const Key4& hi, Block& out) const;

 private:
  /// The block with the greatest key <= `at` (else the first), its quads in [lo, hi].
  bool blockAt(const Key4& at, const Key4& lo, const Key4& hi, Block& out) const;
  void writeBlocks(std::span<const Key4> head, std::span<const Key4> tail, bool append);

  MDB_txn* txn_;
  MDB_dbi dbi_;
  size_t maxBlock_;
};

}  // namespace bdis::rdf
