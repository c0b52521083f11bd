#pragma once
// TermCache: the write transaction's memory of serialized term -> id, an
// open-addressing table keyed by the term's 64-bit hash whose entries point
// at the term's bytes in an arena, so that a hit is one probe and one memcmp
// (no allocation per entry). Bounded by a byte budget: the owner clears it
// when full().
//
// Lifetime: owned by a Dictionary; ids stay valid only within its transaction.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "rdf/term_id.h"

namespace bdis::rdf {

/// Serialized term -> id, for one write transaction.
class TermCache {
 public:
  /// `budgetBytes`: the memory (slots and term bytes) past which full() turns true.
  explicit TermCache(size_t budgetBytes);

  /// The id stored for exactly these bytes, if any.
  std::optional<TermId> find(uint64_t hash, std::string_view serialized) const;
  /// Records bytes -> id (the bytes are copied). The bytes must not be present yet.
  void insert(uint64_t hash, std::string_view serialized, TermId id);
  /// Whether the budget is used up (the owner should clear()).
  bool full() const { return bytes() >= budget_; }
  /// Forgets every entry and releases the memory.
  void clear();
  /// Memory held, in bytes.
  size_t bytes() const {
    return slots_.size() * sizeof(Slot) + blocks_.size() * kBlockBytes + largeBytes_;
  }
  /// Changes the budget; takes effect at the next full() check.
  void setBudget(size_t budgetBytes) { budget_ = budgetBytes; }

 private:
  struct Slot {
    uint64_t hash = 0;
    uint64_t id = 0;  ///< 0: empty slot (no dictionary id is 0)
    const char* bytes = nullptr;
    uint64_t size = 0;
  };
  static constexpr size_t kBlockBytes = size_t{1} << 20;

  const char* store(std::string_view bytes);
  void grow();

  size_t budget_;
  std::vector<Slot> slots_;
  size_t used_ = 0;
  std::vector<std::unique_ptr<char[]>> blocks_;
  size_t blockUsed_ = kBlockBytes;
  std::vector<std::unique_ptr<char[]>> large_;  ///< terms longer than a quarter block
  size_t largeBytes_ = 0;
};

}  // namespace bdis::rdf
