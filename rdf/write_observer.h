#pragma once
// The change hook of the store's write transactions (Store::setWriteObserver):
// indexes kept beside the store (text, spatial) see every quad a WriteTxn adds or
// removes, filtered by predicate, and the end of the transaction.
//
// Calls come on the writing thread, in this order for each WriteTxn: begin(), then
// changed() for each batch that touched the observer's predicates, then exactly one
// of committed() or aborted(). Write transactions are one at a time (LMDB's lock), so
// an observer may keep the current transaction's changes in itself.

#include <cstdint>
#include <span>
#include <vector>

#include "rdf/term_id.h"

namespace bdis::rdf {

class ReadTxn;

/// What a Store tells about its writes. Cheap when absent: a WriteTxn without
/// an observer does nothing more than before.
class WriteObserver {
 public:
  virtual ~WriteObserver() = default;
  /// A write transaction has begun (the store's write lock is held).
  virtual void begin() = 0;
  /// The predicates whose quads changed() wants, sorted by id; asked once per batch
  /// with the transaction (ids interned by it included).
  virtual std::vector<TermId> predicates(const ReadTxn& txn) = 0;
  /// Quads of those predicates that the transaction just added (`added`) or removed:
  /// exactly the changes (a quad already there, or absent, is not reported), sorted
  /// subject-predicate-object-graph. Valid during the call only.
  virtual void changed(const ReadTxn& txn, std::span<const QuadIds> quads, bool added) = 0;
  /// The transaction committed; readers begun from now on see write generation
  /// `generation` (ReadTxn::generation()). What it throws is ignored, the data being committed.
  virtual void committed(uint64_t generation) = 0;
  /// The transaction ended without committing (abort(), destruction, a failed commit).
  virtual void aborted() noexcept = 0;
};

}  // namespace bdis::rdf
