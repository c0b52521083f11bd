#pragma once
// The term dictionary inside one LMDB transaction: term2id (serialized term,
// or its hash when long -> id) and id2term (big-endian id -> serialized term).
// Inline ids never touch it.
//
// Lifetime: a Dictionary lives inside its transaction and must not outlive it.
// Views it returns point into the LMDB map: valid until the transaction ends
// or, in a write transaction, until its next write.

#include <lmdb.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "rdf/term.h"
#include "rdf/term_id.h"

namespace bdis::rdf {

/// The LMDB databases the dictionary uses.
struct DictionaryDbs {
  MDB_dbi meta = 0;
  MDB_dbi term2id = 0;
  MDB_dbi id2term = 0;
};

/// The meta key holding the next dictionary number (8 bytes little-endian).
inline constexpr std::string_view kMetaNextTerm = "next_term";

/// Term <-> id mapping within one transaction.
class Dictionary {
 public:
  /// `writable` when `txn` is a write transaction (intern() is then allowed).
  Dictionary(MDB_txn* txn, DictionaryDbs dbs, bool writable);

  /// The id of a term if known (inline terms always are).
  std::optional<TermId> lookup(const TermView& term) const;
  /// The id of a term, adding it if new. Write transactions only.
  TermId intern(const TermView& term);
  /// The term behind an id; inline text goes to `scratch`. Throws StorageError
  /// for an id the dictionary lacks. kDefaultGraph decodes to a None term.
  TermView decodeView(TermId id, std::string& scratch) const;
  /// The serialized bytes stored for a dictionary id, if present (LMDB lifetimes).
  std::optional<std::string_view> serialized(TermId id) const;
  /// Writes the next-number counter back to meta; call before committing.
  void flush();
  /// Number of dictionary entries.
  uint64_t size() const;

 private:
  std::optional<TermId> lookupKey(std::string_view key, std::string_view serialized) const;

  MDB_txn* txn_;
  DictionaryDbs dbs_;
  bool writable_;
  uint64_t nextNumber_ = 0;  ///< 0 until loaded from meta
  bool dirty_ = false;
  std::unordered_map<std::string, TermId> cache_;  ///< term2id key -> id, this txn only
  mutable std::string keyBuf_;
  mutable std::string serialBuf_;
};

/// The id2term key of an id: its raw value, 8 bytes big-endian.
std::string idKey(TermId id);

}  // namespace bdis::rdf
