#pragma once
// The durable quad store: an LMDB environment holding the dictionary, seven
// index orders of delta-compressed quad blocks, statistics and metadata.
//
// Concurrency is LMDB's: one writer at a time, any number of readers that never
// block; a ReadTxn sees one consistent snapshot for its whole life.
//
// Lifetimes: a Store outlives every transaction begun on it; a QuadCursor and
// every TermView handed out by a transaction are valid until that transaction
// ends (commit, abort or destruction).

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rdf/term.h"
#include "rdf/term_id.h"
#include "rdf/write_observer.h"

namespace bdis::rdf {

/// The on-disk format version this build reads and writes.
inline constexpr uint32_t kStoreFormatVersion = 5;

/// Index orders. The letters name the key order; every triple pattern, with or
/// without a graph, is a prefix range on one of the first six (see chooseIndex).
/// PSOG (format 3 on) is never chosen by chooseIndex: it gives a predicate's range
/// sorted by subject, for merge joins on the subject (ask for it with scan()'s order).
enum class IndexOrder : uint8_t {
  SPOG = 0, POSG = 1, OSPG = 2, GSPO = 3, GPOS = 4, GOSP = 5, PSOG = 6
};
inline constexpr int kIndexCount = 7;
const char* indexName(IndexOrder order);

/// A pattern over quads: kAny for an unbound position. In `g`: kAny matches
/// every graph including the default one, kDefaultGraph only the default
/// graph, kAnyNamedGraph every named graph, any other id that graph.
struct QuadPattern {
  TermId s, p, o, g;
};

/// How a store is opened.
struct StoreOptions {
  bool create = true;       ///< create the folder and an empty store if missing
  bool readOnly = false;    ///< open without write access (bdis query, dump, stats, check)
  uint64_t mapSize = 1ull << 40;  ///< LMDB map size (virtual; the file grows as needed)
  unsigned maxReaders = 512;
};

/// Counts kept by the store, exact after every commit.
struct StoreStats {
  uint64_t quads = 0;
  uint64_t namedGraphs = 0;  ///< graphs other than the default one holding at least one quad
  uint64_t terms = 0;        ///< dictionary entries (inline values are not counted)
  uint64_t bytesOnDisk = 0;  ///< size of the data file
  uint64_t indexBytes[kIndexCount] = {};  ///< LMDB pages used per index order
  uint64_t dictionaryBytes = 0;
};

/// Iterates the quads matching a pattern in the order of one index.
/// Valid until its transaction ends. Move-only.
class QuadCursor {
 public:
  struct Impl;
  explicit QuadCursor(std::unique_ptr<Impl> impl);
  QuadCursor(QuadCursor&&) noexcept;
  QuadCursor& operator=(QuadCursor&&) noexcept;
  ~QuadCursor();

  /// The next matching quad, or false at the end.
  bool next(QuadIds& out);
  /// Up to out.size() next matching quads; returns how many were written (0 at the end).
  size_t nextBatch(std::span<QuadIds> out);
  /// The index this cursor walks; quads come sorted in that order.
  IndexOrder order() const;

 private:
  std::unique_ptr<Impl> impl_;
};

class Store;
class SortKeyCache;

/// A consistent read-only snapshot of the store.
class ReadTxn {
 public:
  struct Impl;
  virtual ~ReadTxn();
  ReadTxn(const ReadTxn&) = delete;
  ReadTxn& operator=(const ReadTxn&) = delete;

  /// The id of a term if the store knows it (inline values always have one).
  std::optional<TermId> lookup(const TermView& term) const;
  /// The term behind an id. Throws StorageError for an id the dictionary lacks.
  Term decode(TermId id) const;
  /// Decodes into a view; `scratch` holds inline values, dictionary strings point
  /// into the map. The view is valid until the transaction ends or scratch changes
  /// (in a WriteTxn: only until its next write, as LMDB moves dirty pages; decode() copies).
  TermView decodeView(TermId id, std::string& scratch) const;

  /// The index chosen for a pattern: bound positions form the longest key prefix
  /// (for a whole quad, which every order has as a prefix, the one with the smaller
  /// blocks: GSPO).
  static IndexOrder chooseIndex(const QuadPattern& pattern);
  /// Every quad matching the pattern, sorted by the chosen index (or by `order`
  /// when given: bound positions that are not a prefix of it are then filtered).
  QuadCursor scan(const QuadPattern& pattern, std::optional<IndexOrder> order = {}) const;
  /// Exact number of quads matching the pattern, counting whole blocks without
  /// decoding them where the range allows.
  uint64_t count(const QuadPattern& pattern) const;
  /// The store's cache of terms' sort keys (sort_key_cache.h), shared by every read
  /// transaction of this Store; null in a WriteTxn (its new terms may be rolled back).
  SortKeyCache* sortKeyCache() const;
  /// Named graphs holding at least one quad, in id order.
  std::vector<TermId> namedGraphs() const;
  /// Counts kept by the store.
  StoreStats stats() const;
  /// The write generation: how many write transactions have committed (0 for a store
  /// without commits since generations exist). Indexes beside the store record it.
  uint64_t generation() const;
  /// Exact number of quads with predicate `p` (all graphs), from the statistics.
  uint64_t predicateCount(TermId p) const;
  /// Exact number of quads with predicate `p` (all graphs) whose object is not an
  /// inline xsd:integer (IdTag::Integer), from the statistics.
  uint64_t nonIntegerObjectCount(TermId p) const;
  /// The quads with predicate `p`, an object id in [oLo, oHi] (raw id order, not
  /// value order) and graph `g` (a graph id, kDefaultGraph or kAnyNamedGraph), in
  /// POSG order.
  QuadCursor scanObjectRange(TermId p, TermId oLo, TermId oHi, TermId g) const;
  /// The quads with predicate `p`, object `o` (kAny: any, in PSOG order; else POSG)
  /// and graph `g` (as scanObjectRange) whose subject id is in [sLo, sHi] (raw id
  /// order): a part of scan({?, p, o, g}) in subject order, for splitting it.
  QuadCursor scanSubjectRange(TermId p, TermId o, TermId sLo, TermId sHi, TermId g) const;
  /// The first and the last subject (raw id order) of the quads with predicate `p`
  /// and object `o` (kAny: any), all graphs, read from the range's first and last
  /// blocks only: bounds to split the subjects at. Nothing when there are no such quads.
  std::optional<std::pair<TermId, TermId>> subjectBounds(TermId p, TermId o) const;
  /// Another read transaction on this one's snapshot, for a helper thread (a
  /// transaction is used by one thread at a time); null in a WriteTxn, when a
  /// write has committed since this transaction began, or when LMDB has no reader
  /// slot left.
  std::unique_ptr<ReadTxn> sibling() const;
  /// Every predicate in use with its quad count, in id order (for the planner and `bdis stats`).
  std::vector<std::pair<TermId, uint64_t>> predicateCounts() const;
  /// Exact number of quads in graph `g` (kDefaultGraph for the default graph).
  uint64_t graphCount(TermId g) const;
  /// Verifies the whole store: blocks decode, are sorted, keyed by their first
  /// quad and do not overlap; the seven indexes hold the same quads; every id
  /// decodes; term2id and id2term are inverses; the counters are exact.
  /// Returns one human-readable line per problem (empty: consistent). Reads everything.
  std::vector<std::string> check() const;

 protected:
  explicit ReadTxn(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
  friend class Store;
};

/// The single write transaction. Reads through it see its own writes.
/// Destroyed without commit(), it aborts and the store is exactly as before.
class WriteTxn : public ReadTxn {
 public:
  ~WriteTxn() override;

  /// The id of a term, adding it to the dictionary if new.
  TermId intern(const TermView& term);
  /// intern() for a non-inline term already serialized (serializeTerm) and
  /// hashed (termHash), as the bulk loader prepares them in parallel.
  TermId internSerialized(std::string_view serialized, uint64_t hash);
  /// The memory the dictionary may keep for terms seen in this transaction
  /// (default 64 MiB); past it, it forgets them and asks LMDB again.
  void setTermCacheBudget(size_t bytes);
  /// Adds a quad; false if it was already there.
  bool insert(const QuadIds& quad);
  /// Removes a quad; false if it was not there.
  bool erase(const QuadIds& quad);
  /// Adds many quads (any order, duplicates allowed): sorted per index and
  /// merged block by block. Reorders `quads`. Returns how many were new.
  uint64_t insertBatch(std::vector<QuadIds>& quads);
  /// Removes many quads; returns how many were there.
  uint64_t eraseBatch(std::vector<QuadIds>& quads);
  /// Removes every quad of a graph (kDefaultGraph for the default one); returns how many.
  uint64_t clearGraph(TermId graph);
  /// Makes every change durable and visible to later readers. The txn is then finished.
  void commit();
  /// Drops every change. The txn is then finished.
  void abort();

 private:
  explicit WriteTxn(std::unique_ptr<Impl> impl);
  friend class Store;
  /// Store::setWriteObserver's observer when this txn began; reset once told how it ended.
  std::shared_ptr<WriteObserver> observer_;
};

/// An open store folder.
class Store {
 public:
  /// Opens (or creates, per options) the store in `dir`. Throws StorageError with a
  /// clear message for a missing or read-only folder, a wrong format version, or
  /// a folder that is not a bdis store.
  static std::unique_ptr<Store> open(const std::filesystem::path& dir,
                                     const StoreOptions& options = {});
  ~Store();

  /// A snapshot for reading; any number may be open at once, from any thread.
  std::unique_ptr<ReadTxn> beginRead() const;
  /// The write transaction; blocks while another one is open.
  std::unique_ptr<WriteTxn> beginWrite();

  const std::filesystem::path& path() const;
  bool readOnly() const;
  /// Called on the committing thread after every successful WriteTxn::commit() on this
  /// Store (the search indexes follow the store this way); what it throws is ignored, the
  /// commit having happened. Set it before writers start; an empty function removes it.
  void setCommitCallback(std::function<void()> callback);
  /// Tells `observer` about every later WriteTxn's changes (write_observer.h); null removes
  /// it. Set it while no write transaction is open.
  void setWriteObserver(std::shared_ptr<WriteObserver> observer);

  struct Impl;

 private:
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace bdis::rdf
