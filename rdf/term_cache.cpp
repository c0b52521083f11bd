#include "rdf/term_cache.h"

#include <cstring>

namespace bdis::rdf {

TermCache::TermCache(size_t budgetBytes) : budget_(budgetBytes) {}

std::optional<TermId> TermCache::find(uint64_t hash, std::string_view serialized) const {
  if (slots_.empty()) {
    return std::nullopt;
  }
  const size_t mask = slots_.size() - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (s.id == 0) {
      return std::nullopt;
    }
    if (s.hash == hash && s.size == serialized.size() &&
        std::memcmp(s.bytes, serialized.data(), s.size) == 0) {
      return TermId(s.id);
    }
  }
}

const char* TermCache::store(std::string_view bytes) {
  if (bytes.size() > kBlockBytes / 4) {
    large_.push_back(std::unique_ptr<char[]>(new char[bytes.size()]));  // no zeroing
    largeBytes_ += bytes.size();
    std::memcpy(large_.back().get(), bytes.data(), bytes.size());
    return large_.back().get();
  }
  if (blockUsed_ + bytes.size() > kBlockBytes) {
    blocks_.push_back(std::unique_ptr<char[]>(new char[kBlockBytes]));  // no zeroing
    blockUsed_ = 0;
  }
  char* at = blocks_.back().get() + blockUsed_;
  std::memcpy(at, bytes.data(), bytes.size());
  blockUsed_ += bytes.size();
  return at;
}

void TermCache::grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
  const size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.id == 0) {
      continue;
    }
    size_t i = s.hash & mask;
    while (slots_[i].id != 0) {
      i = (i + 1) & mask;
    }
    slots_[i] = s;
  }
}

void TermCache::insert(uint64_t hash, std::string_view serialized, TermId id) {
  if ((used_ + 1) * 2 > slots_.size()) {
    grow();
  }
  const size_t mask = slots_.size() - 1;
  size_t i = hash & mask;
  while (slots_[i].id != 0) {
    i = (i + 1) & mask;
  }
  slots_[i] = Slot{hash, id.raw, store(serialized), serialized.size()};
  ++used_;
}

void TermCache::clear() {
  std::vector<Slot>().swap(slots_);
  blocks_.clear();
  large_.clear();
  largeBytes_ = 0;
  blockUsed_ = kBlockBytes;
  used_ = 0;
}

}  // namespace bdis::rdf
