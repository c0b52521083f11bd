#pragma once
// A batch of solutions over term ids: rows of a fixed width (one slot per
// variable of the query, see VarTable), stored flat. kAny marks an unbound slot. The width is
// never zero (VarTable always has at least one slot).

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "rdf/term_id.h"

namespace bdis::sparql::exec {

/// Rows per batch that operators aim for.
inline constexpr size_t kBatchRows = 1024;

/// Rows of TermId, `width` ids each. Owned; the spans it hands out are valid
/// until the batch changes.
struct Batch {
  size_t width = 0;
  std::vector<rdf::TermId> ids;

  explicit Batch(size_t w = 0) : width(w) {}
  size_t size() const { return ids.size() / width; }
  bool empty() const { return size() == 0; }
  bool full() const { return size() >= kBatchRows; }
  void clear() { ids.clear(); }
  const rdf::TermId* row(size_t i) const { return ids.data() + i * width; }
  rdf::TermId* row(size_t i) { return ids.data() + i * width; }
  /// Appends a copy of `r` (width ids) and returns the new row.
  rdf::TermId* append(const rdf::TermId* r) {
    ids.insert(ids.end(), r, r + width);
    return ids.data() + ids.size() - width;
  }
  /// Appends an all-unbound row and returns it.
  rdf::TermId* appendEmpty() {
    ids.resize(ids.size() + width);
    return ids.data() + ids.size() - width;
  }
};

/// True when two rows agree on every slot bound in both (18.3 compatible mappings).
inline bool compatible(const rdf::TermId* a, const rdf::TermId* b, size_t width) {
  for (size_t i = 0; i < width; ++i)
    if (!a[i].isAny() && !b[i].isAny() && a[i] != b[i]) return false;
  return true;
}

/// Writes the merge of two compatible rows into `out` (may alias `a`).
inline void mergeInto(rdf::TermId* out, const rdf::TermId* a, const rdf::TermId* b, size_t width) {
  for (size_t i = 0; i < width; ++i) out[i] = a[i].isAny() ? b[i] : a[i];
}

/// Appends `row` (out.width ids) to `out` merged with `seed` when the two are
/// compatible, nothing otherwise; an empty `seed` appends `row` as it is. `row` is
/// overwritten by the merge.
inline void appendSeeded(Batch& out, rdf::TermId* row, const std::vector<rdf::TermId>& seed) {
  if (!seed.empty()) {
    if (!compatible(row, seed.data(), out.width)) return;
    mergeInto(row, row, seed.data(), out.width);
  }
  out.append(row);
}

}  // namespace bdis::sparql::exec
