#include "rdf/sort_key_cache.h"

#include <algorithm>

namespace bdis::rdf {

SortKeyCache::SortKeyCache(size_t maxBytes)
    : maxChunks_(maxBytes / kChunkBytes),
      directory_(new std::atomic<std::atomic<uint64_t>*>[kDirectoryEntries]) {
  for (size_t i = 0; i < kDirectoryEntries; ++i)
    directory_[i].store(nullptr, std::memory_order_relaxed);
}

SortKeyCache::~SortKeyCache() {
  for (size_t i = 0; i < kDirectoryEntries; ++i) delete[] directory_[i].load();
}

void SortKeyCache::put(TermId id, uint64_t key) {
  if (!cacheable(id) || key == 0) return;
  const uint64_t n = id.payload();
  auto& slot = directory_[n >> kChunkBits];
  std::atomic<uint64_t>* chunk = slot.load(std::memory_order_acquire);
  if (!chunk) {
    // Reserve the chunk against the bound first, then publish it; a thread that
    // loses the race gives its reservation back.
    if (chunks_.fetch_add(1, std::memory_order_relaxed) >= maxChunks_) {
      chunks_.fetch_sub(1, std::memory_order_relaxed);
      return;
    }
    auto* fresh = new std::atomic<uint64_t>[kChunkEntries];
    for (size_t i = 0; i < kChunkEntries; ++i) fresh[i].store(0, std::memory_order_relaxed);
    std::atomic<uint64_t>* expected = nullptr;
    if (slot.compare_exchange_strong(expected, fresh, std::memory_order_acq_rel)) {
      chunk = fresh;
    } else {
      delete[] fresh;
      chunks_.fetch_sub(1, std::memory_order_relaxed);
      chunk = expected;
    }
  }
  chunk[n & (kChunkEntries - 1)].store(key, std::memory_order_relaxed);
}

uint64_t SortKeyCache::keyOf(const TermView& term) {
  uint64_t kind = 3;
  if (term.kind == TermKind::Literal) {
    if (!term.lang.empty())
      kind = 2;
    else if (term.datatype.empty() || term.datatype == kXsdString)
      kind = 1;
  }
  uint64_t key = kind << 56;
  if (kind == 3) return key;
  const size_t n = std::min<size_t>(7, term.value.size());
  for (size_t i = 0; i < n; ++i)
    key |= static_cast<uint64_t>(static_cast<uint8_t>(term.value[i])) << (8 * (6 - i));
  return key;
}

}  // namespace bdis::rdf
