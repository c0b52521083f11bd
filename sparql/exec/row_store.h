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
    head_.clear();
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
      auto [it, fresh] = head_.try_emplace(h, idx);
      if (!fresh) {
        next_[idx] = it->second;  // chain: newest first
        it->second = idx;
      }
    } else {
      unkeyed_.push_back(idx);
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
    auto it = head_.find(h);
    if (it != head_.end())
      for (uint32_t i = it->second; i != kEnd; i = next_[i]) fn(row(i));
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

  ExecContext& ctx_;
  size_t width_;
  std::vector<int> keys_;
  std::vector<rdf::TermId> rows_;
  static constexpr uint32_t kEnd = 0xFFFFFFFFu;
  std::unordered_map<uint64_t, uint32_t> head_;  ///< key hash -> newest row with it
  std::vector<uint32_t> next_;                   ///< row -> older row with the same hash
  std::vector<uint32_t> unkeyed_;
  uint64_t accounted_ = 0;
};

}  // namespace bdis::sparql::exec
