#pragma once
// SortKeyCache: per dictionary term, a 64-bit key that orders it among literals
// of its kind as ORDER BY does, on the first 7 bytes of its lexical form. Filled
// by read transactions as they decode terms, shared by every query of the
// process: a top-k on a string key (ORDER BY ?name LIMIT k) then drops a term
// past its cutoff on the key alone, without reading the dictionary again.
//
// A key is (kind << 56) | the first 7 bytes of the lexical form, big-endian,
// zero-padded. kind 1: a simple literal (xsd:string); 2: a language-tagged
// literal; 3: anything else (its key decides nothing). Two keys of kind 1 or 2
// that differ order their terms as their lexical forms do (bytewise); equal
// keys decide nothing.
//
// Only committed terms may enter: a dictionary number is never reused once
// committed, but one handed out in a write transaction that aborts is, so
// write transactions have no cache (ReadTxn::sortKeyCache is null there).
//
// Thread-safe: any number of readers and writers at once (relaxed atomics;
// a key is written whole and is the same whoever writes it). Memory: 8 bytes
// per dictionary number in chunks of 64 Ki numbers, allocated when first
// written, up to a bound (past it, nothing more is remembered).

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>

#include "rdf/term.h"
#include "rdf/term_id.h"

namespace bdis::rdf {

class SortKeyCache {
 public:
  /// The default bound: 128 MiB (16 M dictionary terms).
  static constexpr size_t kDefaultMaxBytes = size_t{128} << 20;

  explicit SortKeyCache(size_t maxBytes = kDefaultMaxBytes);
  ~SortKeyCache();
  SortKeyCache(const SortKeyCache&) = delete;
  SortKeyCache& operator=(const SortKeyCache&) = delete;

  /// The key remembered for a dictionary id, or 0 when unknown.
  uint64_t get(TermId id) const {
    if (!cacheable(id)) return 0;
    const uint64_t n = id.payload();
    const std::atomic<uint64_t>* chunk = directory_[n >> kChunkBits].load(std::memory_order_acquire);
    return chunk ? chunk[n & (kChunkEntries - 1)].load(std::memory_order_relaxed) : 0;
  }
  /// Remembers the key of a dictionary id (ignored for inline and special ids,
  /// beyond the number range or past the memory bound).
  void put(TermId id, uint64_t key);
  /// Bytes allocated for keys so far.
  size_t bytes() const { return chunks_.load(std::memory_order_relaxed) * kChunkBytes; }

  /// The key of a term (never 0).
  static uint64_t keyOf(const TermView& term);
  /// The kind of a key: 1 simple literal, 2 language-tagged literal, 3 other.
  static int kindOf(uint64_t key) { return static_cast<int>(key >> 56); }

 private:
  static constexpr int kChunkBits = 16;
  static constexpr size_t kChunkEntries = size_t{1} << kChunkBits;
  static constexpr size_t kChunkBytes = kChunkEntries * sizeof(uint64_t);
  static constexpr size_t kDirectoryEntries = size_t{1} << 18;  ///< 2^34 numbers

  static bool cacheable(TermId id) {
    const IdTag t = id.tag();
    return t >= IdTag::Iri && t <= IdTag::Typed && (id.payload() >> kChunkBits) < kDirectoryEntries;
  }

  size_t maxChunks_;
  std::unique_ptr<std::atomic<std::atomic<uint64_t>*>[]> directory_;
  std::atomic<size_t> chunks_{0};
};

}  // namespace bdis::rdf
