#pragma once
// The full-text index: a Xapian database in `<store>/text/`, one document per
// distinct (subject, predicate, literal) triple whose predicate is configured
// (TextConfig), whatever the graph. See docs/search.md.
//
// Each document: unique term "Q<s><p><o>" (ids in 16 hex digits), boolean term
// "P<p>", values 0/1/2 = subject/predicate/literal ids (8 bytes, big-endian),
// data = the literal's lexical form, text = foldText(literal) with French stems.
// The metadata key "bdis.mark" holds the storeMark() of the snapshot it reflects.
//
// Thread safety: every member function may be called from any thread (one mutex).

#include <array>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <vector>

#include "rdf/store.h"
#include "rdf/text/text_config.h"

namespace bdis::rdf::text {

/// One match: the triple behind the document and its BM25 weight.
struct TextHit {
  TermId subject, predicate, literal;
  double score = 0;
};

/// What to look for.
struct TextSearch {
  std::string query;               ///< Text query language (text_query.h), unfolded.
  std::vector<TermId> predicates;  ///< Only these predicates; empty = every indexed one.
  uint64_t limit = 0;              ///< 0 = every match.
  uint64_t offset = 0;
  /// False: every match, in no particular order, scores 0 (no BM25 weighting, which
  /// reads each match's document length); for callers that neither rank nor cut.
  bool ranked = true;
};

/// Differences between the store and the index (keys are (s, p, o) ids).
struct TextDiff {
  std::vector<std::array<uint64_t, 3>> missing;  ///< in the store, not in the index
  std::vector<std::array<uint64_t, 3>> stale;    ///< in the index, not in the store
};

/// The text index of one store folder.
class TextIndex {
 public:
  /// Opens `<storeDir>/text` (creating it when writable and missing). Read-only
  /// when `writable` is false (then a missing index searches as empty).
  /// Throws StorageError when Xapian cannot open it.
  static std::unique_ptr<TextIndex> open(const std::filesystem::path& storeDir, bool writable,
                                         TextConfig config);
  ~TextIndex();

  /// The configured predicate IRIs.
  const TextConfig& config() const { return config_; }
  /// Ids of the configured predicates the snapshot knows.
  std::vector<TermId> predicateIds(const ReadTxn& txn) const;

  /// Replaces the whole index by the literals of `txn`; returns the document count.
  uint64_t rebuild(const ReadTxn& txn);
  /// Brings the index to `txn` by difference (adds the missing, removes the stale);
  /// returns how many documents changed. Unless `force`, does nothing when the marks
  /// agree (a mark without the store's write generation can miss an insert and an
  /// erase that cancel out: opening forces the comparison).
  uint64_t reconcile(const ReadTxn& txn, bool force = false);
  /// Applies writes already committed: for each touched quad of an indexed predicate
  /// with a literal object, (re)indexes it when `txn` still holds the triple in some
  /// graph, removes it otherwise. Then records txn's mark.
  void apply(const ReadTxn& txn, std::span<const QuadIds> touched);

  /// Matches ordered by decreasing BM25 score. Throws SyntaxError for a bad query.
  std::vector<TextHit> search(const TextSearch& request) const;
  /// The literal's text with query words wrapped in <b>...</b>, cut to about
  /// `length` bytes around the first match.
  std::string snippet(std::string_view literal, const std::string& query,
                      size_t length = 160) const;

  /// Loads the docid -> triple map that search() uses instead of reading each hit's
  /// document (about 3 s per million documents); search() does it on first use otherwise.
  void warm() const;

  /// Documents in the index.
  uint64_t documentCount() const;
  /// False when the documents were made by another analysis than this build's
  /// (french_stem.h kAnalysisVersion): the index must then be rebuilt.
  bool analysisCurrent() const;
  /// The mark recorded by the last rebuild / reconcile / apply ("" for none).
  std::string recordedMark() const;
  /// The exact differences with `txn` (reads every indexed triple and document).
  TextDiff diff(const ReadTxn& txn) const;
  /// One line per problem: mark mismatch, missing and stale documents. Empty: agree.
  std::vector<std::string> check(const ReadTxn& txn) const;
  bool writable() const { return writable_; }

  struct Impl;

 private:
  TextIndex(std::unique_ptr<Impl> impl, TextConfig config, bool writable);
  std::unique_ptr<Impl> impl_;
  TextConfig config_;
  bool writable_;
  mutable std::mutex mutex_;  ///< guards Xapian objects
  std::mutex writeMutex_;     ///< one rebuild / reconcile / apply at a time, whole
};

/// What identifies a store snapshot for the indexes: "g<generation>" once the store
/// has committed with generations, otherwise the quad count and the counts of `predicates`.
std::string storeMark(const ReadTxn& txn, std::span<const TermId> predicates);
/// True when both marks carry generations and `mark`'s is older than `than`'s: an
/// index already past a snapshot is not taken back to it.
bool markBehind(std::string_view mark, std::string_view than);

}  // namespace bdis::rdf::text
