#pragma once
// A materialised multiset of rows with a hash index on some slots, shared by
// the hash join, LeftJoin, Minus and Distinct (internal to sparql/exec).

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "sparql/exec/batch.h"
#include "sparql/exec/exec_context.h"

namespace bdis::sparql::exec {

/// Hash of `n` ids.
inline uint64_t hashIds(const rdf::TermId* ids, size_t n) {
  uint64_t h = 0x9E3779B97F4A7C15ull;
  for (size_t i = 0; i < n; ++i) {
    h ^= ids[i].raw + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2);
  }
  return h;
}

/// Rows kept flat, indexed by the ids at `keySlots` (rows with an unbound key
/// slot go to a separate list that every probe also visits). Memory is
/// accounted on the ExecContext and given back on destruction.
class RowStore {
 public:
  RowStore(ExecContext& ctx, std::vector<int> keySlots)
      : ctx_(ctx), width_(ctx.vars().width()), keys_(std::move(keySlots)) {}
  ~RowStore() { ctx_.release(accounted_); }
  RowStore(const RowStore&) = delete;
  RowStore& operator=(const RowStore&) = delete;

  void clear() {
    rows_.clear();
    slots_.clear();
    used_ = 0;
    next_.clear();
    unkeyed_.clear();
    ctx_.release(accounted_);
    accounted_ = 0;
  }
  void add(const rdf::TermId* r) {
    uint32_t idx = static_cast<uint32_t>(size());
    rows_.insert(rows_.end(), r, r + width_);
    uint64_t bytes = width_ * sizeof(rdf::TermId) + 24;
    accounted_ += bytes;
    ctx_.reserve(bytes);
    if (keys_.empty()) return;
    uint64_t h;
    next_.push_back(kEnd);
    if (keyHash(r, h)) {
      if ((used_ + 1) * 2 > slots_.size()) grow();
      Slot& slot = slots_[find(h)];
      if (slot.head == kEnd) {
        slot.hash = h;
        ++used_;
      } else {
        next_[idx] = slot.head;  // chain: newest first
      }
      slot.head = idx;
    } else {
      unkeyed_.push_back(idx);
    }
  }
  /// Prepares for about `n` rows (an estimate: rows beyond it still fit).
  void reserve(size_t n) {
    rows_.reserve(n * width_);
    if (keys_.empty()) return;
    next_.reserve(n);
    size_t want = 64;
    while (want < n * 2) want *= 2;
    if (want > slots_.size()) {
      std::vector<Slot> old = std::move(slots_);
      slots_.assign(want, Slot{});
      for (const Slot& x : old)
        if (x.head != kEnd) slots_[find(x.hash)] = x;
    }
  }
  size_t size() const { return rows_.size() / width_; }
  const rdf::TermId* row(size_t i) const { return rows_.data() + i * width_; }
  /// Calls fn(row) for every stored row that may be compatible with `probe`.
  template <typename Fn>
  void candidates(const rdf::TermId* probe, Fn&& fn) const {
    uint64_t h;
    if (keys_.empty() || !keyHash(probe, h)) {
      for (size_t i = 0; i < size(); ++i) fn(row(i));
      return;
    }
    if (!slots_.empty())
      for (uint32_t i = slots_[find(h)].head; i != kEnd; i = next_[i]) fn(row(i));
    for (uint32_t i : unkeyed_) fn(row(i));
  }

 private:
  bool keyHash(const rdf::TermId* r, uint64_t& h) const {
    h = 0x51ED27;
    for (int k : keys_) {
      if (r[k].isAny()) return false;
      h = h * 0x100000001B3ull ^ (r[k].raw * 0x9E3779B97F4A7C15ull);
    }
    return true;
  }

  /// Open addressing (linear probing, at most half full): the slot holding
  /// hash `h`, or the empty slot where it would go.
  size_t find(uint64_t h) const {
    const size_t mask = slots_.size() - 1;
    size_t i = static_cast<size_t>(((h ^ (h >> 29)) * 0x9E3779B97F4A7C15ull) >> 20) & mask;
    while (slots_[i].head != kEnd && slots_[i].hash != h) i = (i + 1) & mask;
    return i;
  }
  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 64 : old.size() * 2, Slot{});
    for (const Slot& s : old)
      if (s.head != kEnd) slots_[find(s.hash)] = s;
  }

  ExecContext& ctx_;
  size_t width_;
  std::vector<int> keys_;
  std::vector<rdf::TermId> rows_;
  static constexpr uint32_t kEnd = 0xFFFFFFFFu;
  struct Slot {
    uint64_t hash = 0;
    uint32_t head = kEnd;  ///< newest row with this key hash; kEnd when the slot is free
  };
  std::vector<Slot> slots_;  ///< key hash -> newest row with it
  size_t used_ = 0;
  std::vector<uint32_t> next_;                   ///< row -> older row with the same hash
  std::vector<uint32_t> unkeyed_;
  uint64_t accounted_ = 0;
};

}  // namespace bdis::sparql::exec
