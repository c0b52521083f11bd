#include "sparql/exec/merge_counter.h"

#include <algorithm>

#include "rdf/error.h"

namespace bdis::sparql::exec {
namespace {

/// The value of an inline integer object (SUM and AVG are planned only over
/// predicates whose objects all are).
expr::Int128 integer(rdf::TermId id) {
  BDIS_ASSERT(id.tag() == rdf::IdTag::Integer);
  return rdf::unzigzag(id.payload());
}

}  // namespace

MergeCounter::MergeCounter(ExecContext& ctx, const rdf::ReadTxn& txn, const MergeCountSpec& spec,
                           std::optional<std::pair<rdf::TermId, rdf::TermId>> subjects)
    : ctx_(ctx), spec_(spec), runs_(spec.patterns.size()), runSums_(spec.patterns.size()) {
  for (size_t i = 0; i < spec.patterns.size(); ++i) {
    const IdPattern& p = spec.patterns[i];
    const rdf::TermId o = p.o.isVar() ? rdf::kAny : p.o.id;
    if (subjects) {
      runs_[i].cursor.emplace(
          txn.scanSubjectRange(p.p.id, o, subjects->first, subjects->second, spec.graph));
    } else {
      const rdf::IndexOrder order = o.isAny() ? rdf::IndexOrder::PSOG : rdf::IndexOrder::POSG;
      runs_[i].cursor.emplace(txn.scan(rdf::QuadPattern{rdf::kAny, p.p.id, o, spec.graph}, order));
    }
  }
}

MergeCounter::~MergeCounter() { ctx_.release(accounted_); }

const rdf::QuadIds* MergeCounter::head(size_t i) { return runs_[i].head(ctx_); }

void MergeCounter::count() {
  const size_t k = runs_.size();
  const auto& aggs = spec_.aggs;
  std::vector<int64_t> sizes(k);
  std::fill(runSums_.begin(), runSums_.end(), 0);
  const bool sums = std::find(spec_.summed.begin(), spec_.summed.end(), 1) != spec_.summed.end();
  std::vector<rdf::TermId> keyValues;
  for (;;) {
    rdf::TermId target;
    for (size_t i = 0; i < k; ++i) {
      const rdf::QuadIds* q = head(i);
      if (!q) return;
      target = std::max(target, q->s);
    }
    bool shared = true;
    for (size_t i = 0; i < k && shared; ++i) {
      const rdf::QuadIds* q;
      while ((q = head(i)) && q->s < target) ++runs_[i].pos;
      if (!q) return;
      shared = q->s == target;
    }
    if (!shared) continue;  // try again from the larger subject
    // Most subjects have one quad per run: counted straight from the buffers.
    bool one = true;
    for (const Run& r : runs_) one = one && r.pos + 1 < r.n && r.buf[r.pos + 1].s != target;
    if (one) {
      const size_t g =
          group(spec_.keyRun < 0 ? target : runs_[spec_.keyRun].buf[runs_[spec_.keyRun].pos].o);
      counts[g] += 1;
      if (sums)
        for (size_t a = 0; a < aggs.size(); ++a)
          if (aggs[a].run >= 0) {
            const Run& r = runs_[aggs[a].run];
            this->sums[g * aggs.size() + a] += integer(r.buf[r.pos].o);
          }
      for (Run& r : runs_) ++r.pos;
      continue;
    }
    keyValues.clear();
    for (size_t i = 0; i < k; ++i) {
      int64_t n = 0;
      const rdf::QuadIds* q;
      runSums_[i] = 0;
      while ((q = head(i)) && q->s == target) {
        if (static_cast<int>(i) == spec_.keyRun) keyValues.push_back(q->o);
        if (spec_.summed[i]) runSums_[i] += integer(q->o);
        ++n;
        ++runs_[i].pos;
      }
      sizes[i] = n;
    }
    int64_t others = 1;
    for (size_t i = 0; i < k; ++i)
      if (static_cast<int>(i) != spec_.keyRun) others *= sizes[i];
    if (spec_.keyRun < 0) {
      add(target, others, sizes);
    } else {
      for (rdf::TermId v : keyValues) add(v, others, sizes);
    }
  }
}

void MergeCounter::merge(const MergeCounter& later) {
  const size_t na = spec_.aggs.size();
  for (size_t i = 0; i < later.keys.size(); ++i) {
    const size_t g = group(later.keys[i]);
    counts[g] += later.counts[i];
    for (size_t a = 0; a < na; ++a) sums[g * na + a] += later.sums[i * na + a];
  }
}

void MergeCounter::add(rdf::TermId key, int64_t n, const std::vector<int64_t>& sizes) {
  const size_t g = group(key);
  counts[g] += n;
  const auto& aggs = spec_.aggs;
  for (size_t a = 0; a < aggs.size(); ++a) {
    const int j = aggs[a].run;
    if (j >= 0) sums[g * aggs.size() + a] += runSums_[j] * (n / sizes[j]);
  }
}

size_t MergeCounter::group(rdf::TermId key) {
  // An open-addressing table of positions: a hit is one probe.
  size_t mask = table_.size() - 1;
  size_t h = (key.raw * 0x9E3779B97F4A7C15ull) >> 40;
  for (;; ++h) {
    const Slot& slot = table_[h & mask];
    if (slot.key == key.raw && slot.pos != 0) return slot.pos - 1;
    if (slot.pos == 0) break;
  }
  keys.push_back(key);
  counts.push_back(0);
  sums.resize(sums.size() + spec_.aggs.size(), 0);
  table_[h & mask] = Slot{key.raw, keys.size()};
  if (keys.size() * 2 > table_.size()) rehash(table_.size() * 2);
  const uint64_t bytes = 64 + 32 * spec_.aggs.size();
  accounted_ += bytes;
  ctx_.reserve(bytes);
  return keys.size() - 1;
}

void MergeCounter::rehash(size_t size) {
  table_.assign(size, Slot{});
  const size_t mask = size - 1;
  for (size_t i = 0; i < keys.size(); ++i) {
    size_t h = (keys[i].raw * 0x9E3779B97F4A7C15ull) >> 40;
    while (table_[h & mask].pos != 0) ++h;
    table_[h & mask] = Slot{keys[i].raw, i + 1};
  }
}

}  // namespace bdis::sparql::exec
