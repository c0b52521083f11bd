#pragma once
// The term dictionary inside one LMDB transaction. Inline ids never touch it.
//
//  - id2term: big-endian id -> the term's stored form: its serialized form
//    (term_codec.h), except that an IRI's namespace or a literal's datatype
//    may be replaced by its number in the namespace table (tag byte | 0x80).
//  - term2id: key = 8-byte big-endian termHash(serialized) + the id's
//    big-endian bytes without leading zeros; empty value. A lookup scans the
//    keys of one hash and compares each candidate's term, so collisions are
//    resolved exactly.
//  - namespaces: see namespace_table.h.
//
// Within a write transaction new term2id entries are kept in memory (and in
// the cache) and written in key order when the cache is cleared and at
// flush(), so that a bulk load writes term2id sequentially.
//
// Lifetime: a Dictionary lives inside its transaction and must not outlive it.
// Views it returns point into the LMDB map or into the caller's scratch: valid
// until the transaction ends or, in a write transaction, until its next write.

#include <lmdb.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rdf/namespace_table.h"
#include "rdf/term.h"
#include "rdf/term_cache.h"
#include "rdf/term_id.h"

namespace bdis::rdf {

/// The LMDB databases the dictionary uses.
struct DictionaryDbs {
  MDB_dbi meta = 0;
  MDB_dbi term2id = 0;
  MDB_dbi id2term = 0;
  MDB_dbi namespaces = 0;
};

/// The meta key holding the next dictionary number (8 bytes little-endian).
inline constexpr std::string_view kMetaNextTerm = "next_term";
/// The default memory budget of a write transaction's term cache.
inline constexpr size_t kDefaultTermCacheBytes = size_t{64} << 20;

/// Term <-> id mapping within one transaction.
class Dictionary {
 public:
  /// `writable` when `txn` is a write transaction (intern() is then allowed).
  Dictionary(MDB_txn* txn, DictionaryDbs dbs, bool writable);

  /// The id of a term if known (inline terms always are).
  std::optional<TermId> lookup(const TermView& term) const;
  /// The id of a serialized non-inline term whose termHash is `hash`, if known.
  std::optional<TermId> lookupSerialized(std::string_view serialized, uint64_t hash) const;
  /// The id of a term, adding it if new. Write transactions only.
  TermId intern(const TermView& term);
  /// intern() for a term already serialized (non-inline) and hashed with termHash.
  TermId internSerialized(std::string_view serialized, uint64_t hash);
  /// The term behind an id; inline text and expanded namespaces go to
  /// `scratch`. Throws StorageError for an id the dictionary lacks.
  /// kDefaultGraph decodes to a None term.
  TermView decodeView(TermId id, std::string& scratch) const;
  /// Writes the serialized form of a dictionary id to `out`; false when absent.
  /// Throws StorageError when the stored entry is malformed.
  bool serializedInto(TermId id, std::string& out) const;
  /// Writes pending term2id entries and the next-number counter; call before committing.
  void flush();
  /// Number of dictionary entries.
  uint64_t size() const;
  /// Sets the memory budget of the write transaction's term cache.
  void setCacheBudget(size_t bytes) { cache_.setBudget(bytes); }

 private:
  /// The stored form of a serialized term, written to storedBuf_.
  std::string_view storedForm(std::string_view serialized);
  /// Expands a stored entry into its serialized form in `out`.
  void expand(std::string_view stored, std::string& out) const;
  std::optional<TermId> lookupStored(std::string_view serialized, uint64_t hash) const;
  void remember(uint64_t hash, std::string_view serialized, TermId id);
  void flushPending();

  MDB_txn* txn_;
  DictionaryDbs dbs_;
  bool writable_;
  uint64_t nextNumber_ = 0;  ///< 0 until loaded from meta
  bool dirty_ = false;
  NamespaceTable namespaces_;
  TermCache cache_;
  std::vector<std::pair<uint64_t, uint64_t>> pending_;  ///< (hash, id) not yet in term2id
  mutable std::string serialBuf_;
  mutable std::string storedBuf_;
  mutable std::string verifyBuf_;
};

/// The id2term key of an id: its raw value, 8 bytes big-endian.
std::string idKey(TermId id);
/// The term2id key of (hash, id).
std::string term2idKey(uint64_t hash, TermId id);

}  // namespace bdis::rdf
