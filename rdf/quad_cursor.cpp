#include <algorithm>
#include <limits>

#include "rdf/store_internal.h"

namespace bdis::rdf {

KeyRange keyRange(const QuadPattern& pattern, IndexOrder order) {
  KeyRange r;
  r.hi.fill(std::numeric_limits<uint64_t>::max());
  const uint64_t values[4] = {pattern.s.raw, pattern.p.raw, pattern.o.raw, pattern.g.raw};
  const auto& positions = orderPositions(order);
  int constraints = 0;
  for (int i = 0; i < 4; ++i) {
    constraints += values[i] != kAny.raw ? 1 : 0;
  }
  int covered = 0;
  for (int i = 0; i < 4; ++i) {
    int pos = positions[i];
    uint64_t v = values[pos];
    if (v == kAny.raw) {
      break;
    }
    if (pos == 3 && v == kAnyNamedGraph.raw) {
      // Named graph ids (IRIs, blank nodes) all sort after the default graph.
      r.lo[i] = kDefaultGraph.raw + 1;
      ++covered;
      break;
    }
    r.lo[i] = r.hi[i] = v;
    ++covered;
  }
  r.exact = covered == constraints;
  return r;
}

bool matches(const QuadPattern& pattern, const QuadIds& q) {
  if (!pattern.s.isAny() && pattern.s != q.s) {
    return false;
  }
  if (!pattern.p.isAny() && pattern.p != q.p) {
    return false;
  }
  if (!pattern.o.isAny() && pattern.o != q.o) {
    return false;
  }
  if (pattern.g.isAny()) {
    return true;
  }
  if (pattern.g == kAnyNamedGraph) {
    return !q.g.isDefaultGraph();
  }
  return pattern.g == q.g;
}

bool QuadCursor::Impl::advanceBlock() {
  if (done || (started && block.endsRange)) {
    done = true;
    block.quads.clear();
    pos = 0;
    return false;
  }
  bool ok = started ? index.blockAfter(block.key, range.lo, range.hi, block)
                    : index.blockFor(range.lo, range.hi, block);
  started = true;
  if (!ok || range.hi < block.key) {
    done = true;
    block.quads.clear();
    pos = 0;
    return false;
  }
  pos = 0;  // the block holds only quads within the range
  return true;
}

bool QuadCursor::Impl::next(QuadIds& out) {
  for (;;) {
    while (pos < block.quads.size()) {
      // decodeRange kept only the block's quads within [range.lo, range.hi].
      const Key4& k = block.quads[pos++];
      out = QuadIds{TermId(k[keyPos[0]]), TermId(k[keyPos[1]]), TermId(k[keyPos[2]]),
                    TermId(k[keyPos[3]])};
      if (range.exact || matches(pattern, out)) {
        return true;
      }
    }
    if (!advanceBlock()) {
      return false;
    }
  }
}

QuadCursor::QuadCursor(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
QuadCursor::QuadCursor(QuadCursor&&) noexcept = default;
QuadCursor& QuadCursor::operator=(QuadCursor&&) noexcept = default;
QuadCursor::~QuadCursor() = default;

bool QuadCursor::next(QuadIds& out) { return impl_->next(out); }

size_t QuadCursor::nextBatch(std::span<QuadIds> out) {
  // A block's quads unpermuted in one loop (the positions fixed for the scan), the
  // pattern checked only when the key range does not already imply it.
  Impl& c = *impl_;
  const int s = c.keyPos[0], p = c.keyPos[1], o = c.keyPos[2], g = c.keyPos[3];
  size_t n = 0;
  while (n < out.size()) {
    if (c.pos >= c.block.quads.size()) {
      if (!c.advanceBlock()) {
        break;
      }
      continue;
    }
    const Key4* quads = c.block.quads.data();
    const size_t end = std::min(c.block.quads.size(), c.pos + (out.size() - n));
    for (; c.pos < end; ++c.pos) {
      const Key4& k = quads[c.pos];
      out[n] = QuadIds{TermId(k[s]), TermId(k[p]), TermId(k[o]), TermId(k[g])};
      if (c.range.exact || matches(c.pattern, out[n])) {
        ++n;
      }
    }
  }
  return n;
}

IndexOrder QuadCursor::order() const { return impl_->order; }

}  // namespace bdis::rdf
