#pragma once
// Private state behind Store, ReadTxn and QuadCursor, shared by the store's
// translation units (store.cpp, store_write.cpp, quad_cursor.cpp, store_check.cpp).
// Not part of the public interface.

#include <filesystem>
#include <memory>
#include <string>

#include "rdf/dictionary.h"
#include "rdf/error.h"
#include "rdf/lmdb.h"
#include "rdf/quad_index.h"
#include "rdf/sort_key_cache.h"
#include "rdf/store.h"
#include "rdf/store_stats.h"

namespace bdis::rdf {

/// Handles of the named databases; valid as long as the environment is open.
struct StoreDbs {
  MDB_dbi meta = 0;
  MDB_dbi term2id = 0;
  MDB_dbi id2term = 0;
  MDB_dbi namespaces = 0;
  MDB_dbi stats = 0;
  MDB_dbi index[kIndexCount] = {};
};

/// An open store: its folder and environment.
struct Store::Impl {
  std::filesystem::path path;
  bool readOnly = false;
  std::unique_ptr<lmdb::Env> env;
  StoreDbs dbs;
  std::function<void()> onCommit;  ///< Store::setCommitCallback
  std::shared_ptr<WriteObserver> observer;  ///< Store::setWriteObserver
  /// Sort keys of committed terms, filled by read transactions (sort_key_cache.h).
  mutable SortKeyCache sortKeys;
};

/// One LMDB transaction with its dictionary view; `writable` for a WriteTxn.
struct ReadTxn::Impl {
  Impl(const Store::Impl& s, bool write)
      : store(s),
        txn(s.env->get(), write ? 0 : MDB_RDONLY),
        dictionary(txn.get(),
                   DictionaryDbs{s.dbs.meta, s.dbs.term2id, s.dbs.id2term, s.dbs.namespaces},
                   write),
        writable(write) {}

  /// The live LMDB transaction; throws when the transaction already ended.
  MDB_txn* live() const {
    BDIS_CHECK(txn.active(), InternalError, "the transaction has already ended");
    return txn.get();
  }
  QuadIndex index(IndexOrder order) const {
    return QuadIndex(live(), store.dbs.index[static_cast<int>(order)], maxBlockBytes(order));
  }
  StatsTable statsTable() const { return StatsTable(live(), store.dbs.stats, store.dbs.meta); }

  const Store::Impl& store;
  lmdb::Txn txn;
  Dictionary dictionary;
  bool writable;
};

/// The key range [lo, hi] of a pattern on one index order, and whether every
/// constraint of the pattern is expressed by that range (no filtering needed).
struct KeyRange {
  Key4 lo{};
  Key4 hi{};
  bool exact = true;
};

/// The range of `pattern` on `order`.
KeyRange keyRange(const QuadPattern& pattern, IndexOrder order);
/// Whether a quad matches a pattern (graph modes as store.h documents).
bool matches(const QuadPattern& pattern, const QuadIds& q);

/// A scan: the range on one index, the block being read and the position in it.
struct QuadCursor::Impl {
  Impl(QuadIndex idx, IndexOrder ord, const QuadPattern& pat)
      : Impl(idx, ord, pat, keyRange(pat, ord)) {}
  /// A scan of an explicit range; quads in it are also checked against `pat` unless
  /// `r.exact`.
  Impl(QuadIndex idx, IndexOrder ord, const QuadPattern& pat, const KeyRange& r)
      : index(idx), order(ord), pattern(pat), range(r) {
    const auto& positions = orderPositions(ord);
    for (int i = 0; i < 4; ++i) {
      keyPos[positions[i]] = i;
    }
  }

  QuadIndex index;
  IndexOrder order;
  QuadPattern pattern;
  KeyRange range;
  QuadIndex::Block block;
  size_t pos = 0;
  bool started = false;
  bool done = false;
  int keyPos[4] = {};  ///< where s, p, o and g sit in a key of this order

  /// Loads the next block in range; false at the end.
  bool advanceBlock();
  bool next(QuadIds& out);
};

}  // namespace bdis::rdf
