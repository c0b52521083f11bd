// WriteTxn: interning, single and batch inserts/erases, clearGraph, commit.
#include <tbb/parallel_sort.h>

#include <algorithm>
#include <future>

#include "rdf/store_internal.h"

namespace bdis::rdf {

namespace {

bool isTermTag(TermId id) { return id.tag() != IdTag::Special && id.tag() <= IdTag::Decimal; }

void checkQuad(const QuadIds& q) {
  BDIS_CHECK(isTermTag(q.s) && isTermTag(q.p) && isTermTag(q.o), InternalError,
             "a quad's subject, predicate and object must be terms");
  BDIS_CHECK(q.g.isDefaultGraph() || q.g.isIri() || q.g.isBlank(), InternalError,
             "a quad's graph must be kDefaultGraph, an IRI or a blank node");
}

Key4 asKey(const QuadIds& q) { return Key4{q.s.raw, q.p.raw, q.o.raw, q.g.raw}; }

/// Sorts the quads (SPOG) and returns them as unique SPOG keys.
std::vector<Key4> sortedUniqueKeys(std::vector<QuadIds>& quads) {
  for (const QuadIds& q : quads) {
    checkQuad(q);
  }
  tbb::parallel_sort(quads.begin(), quads.end(), [](const QuadIds& a, const QuadIds& b) {
    return Key4Less()(asKey(a), asKey(b));
  });
  std::vector<Key4> keys;
  keys.reserve(quads.size());
  for (size_t i = 0; i < quads.size(); ++i) {
    if (i == 0 || quads[i] != quads[i - 1]) {
      keys.push_back(asKey(quads[i]));
    }
  }
  return keys;
}

/// Meta key of the write generation (decimal), bumped by every commit.
constexpr std::string_view kMetaGeneration = "write_generation";

}  // namespace

uint64_t ReadTxn::generation() const {
  std::string_view value;
  if (!lmdb::get(impl_->live(), impl_->store.dbs.meta, kMetaGeneration, value)) return 0;
  return std::stoull(std::string(value));
}

WriteTxn::WriteTxn(std::unique_ptr<Impl> impl)
    : ReadTxn(std::move(impl)), observer_(impl_->store.observer) {
  if (observer_) observer_->begin();
}

WriteTxn::~WriteTxn() {
  impl_->txn.abort();
  if (observer_) observer_->aborted();
}

void Store::setWriteObserver(std::shared_ptr<WriteObserver> observer) {
  impl_->observer = std::move(observer);
}

/// Tells `observer` the changed quads (SPOG keys) of its predicates.
static void notify(WriteObserver& observer, const ReadTxn& txn, const std::vector<Key4>& changed,
                   bool added) {
  std::vector<TermId> preds = observer.predicates(txn);
  if (preds.empty()) return;
  std::vector<QuadIds> quads;
  for (const Key4& k : changed)
    if (std::binary_search(preds.begin(), preds.end(), TermId(k[1])))
      quads.push_back(unpermute(k, IndexOrder::SPOG));
  if (!quads.empty()) observer.changed(txn, quads, added);
}

TermId WriteTxn::intern(const TermView& term) {
  impl_->live();
  return impl_->dictionary.intern(term);
}

TermId WriteTxn::internSerialized(std::string_view serialized, uint64_t hash) {
  impl_->live();
  return impl_->dictionary.internSerialized(serialized, hash);
}

void WriteTxn::setTermCacheBudget(size_t bytes) { impl_->dictionary.setCacheBudget(bytes); }

/// `changed` (SPOG keys) permuted into `order` and sorted, written to `out`.
static void permuteSorted(const std::vector<Key4>& changed, IndexOrder order,
                          std::vector<Key4>& out) {
  const auto& pos = orderPositions(order);
  out.resize(changed.size());
  for (size_t k = 0; k < changed.size(); ++k) {
    const Key4& c = changed[k];
    out[k] = Key4{c[pos[0]], c[pos[1]], c[pos[2]], c[pos[3]]};
  }
  tbb::parallel_sort(out.begin(), out.end(), Key4Less());
}

/// Applies a change already made to SPOG (the exact set `changed`, SPOG-sorted)
/// to the other six orders and to the counters. The next order is sorted on
/// another thread while this one writes the current order (LMDB calls stay on
/// the transaction's thread).
static void propagate(ReadTxn::Impl& impl, const std::vector<Key4>& changed, bool insert) {
  std::vector<Key4> current;
  std::vector<Key4> next;
  permuteSorted(changed, static_cast<IndexOrder>(1), current);
  for (int i = 1; i < kIndexCount; ++i) {
    auto order = static_cast<IndexOrder>(i);
    std::future<void> sorting;  // waits in its destructor if the write below throws
    if (i + 1 < kIndexCount) {
      sorting = std::async(std::launch::async, [&changed, &next, i] {
        permuteSorted(changed, static_cast<IndexOrder>(i + 1), next);
      });
    }
    QuadIndex index = impl.index(order);
    uint64_t n =
        insert ? index.insertSorted(current, nullptr) : index.eraseSorted(current, nullptr);
    if (sorting.valid()) {
      sorting.get();
    }
    if (n != changed.size()) {
      throw StorageError(std::string("index ") + indexName(order) +
                         " disagrees with SPOG: run bdis check");
    }
    current.swap(next);
  }
  // Counters in chunks, so that a huge batch needs no second full copy.
  constexpr size_t kChunk = size_t{1} << 16;
  std::vector<QuadIds> chunk;
  chunk.reserve(std::min(kChunk, changed.size()));
  StatsTable stats = impl.statsTable();
  for (size_t from = 0; from < changed.size(); from += kChunk) {
    chunk.clear();
    for (size_t k = from; k < std::min(changed.size(), from + kChunk); ++k) {
      chunk.push_back(unpermute(changed[k], IndexOrder::SPOG));
    }
    stats.apply(chunk, insert ? 1 : -1);
  }
}

bool WriteTxn::insert(const QuadIds& quad) {
  std::vector<QuadIds> one{quad};
  return insertBatch(one) == 1;
}

bool WriteTxn::erase(const QuadIds& quad) {
  std::vector<QuadIds> one{quad};
  return eraseBatch(one) == 1;
}

uint64_t WriteTxn::insertBatch(std::vector<QuadIds>& quads) {
  impl_->live();
  std::vector<Key4> keys = sortedUniqueKeys(quads);
  std::vector<Key4> added;
  impl_->index(IndexOrder::SPOG).insertSorted(keys, &added);
  if (added.empty()) {
    return 0;
  }
  keys.clear();
  keys.shrink_to_fit();
  propagate(*impl_, added, true);
  if (observer_) notify(*observer_, *this, added, true);
  return added.size();
}

uint64_t WriteTxn::eraseBatch(std::vector<QuadIds>& quads) {
  impl_->live();
  std::vector<Key4> keys = sortedUniqueKeys(quads);
  std::vector<Key4> removed;
  impl_->index(IndexOrder::SPOG).eraseSorted(keys, &removed);
  if (removed.empty()) {
    return 0;
  }
  propagate(*impl_, removed, false);
  if (observer_) notify(*observer_, *this, removed, false);
  return removed.size();
}

uint64_t WriteTxn::clearGraph(TermId graph) {
  BDIS_CHECK(graph.isDefaultGraph() || graph.isIri() || graph.isBlank(), InternalError,
             "clearGraph needs kDefaultGraph, an IRI or a blank node");
  std::vector<QuadIds> quads;
  QuadCursor cursor = scan(QuadPattern{kAny, kAny, kAny, graph}, IndexOrder::GSPO);
  QuadIds q;
  while (cursor.next(q)) {
    quads.push_back(q);
  }
  return eraseBatch(quads);
}

void WriteTxn::commit() {
  impl_->live();
  impl_->dictionary.flush();
  uint64_t generationAfter = generation() + 1;
  std::string next = std::to_string(generationAfter);
  lmdb::put(impl_->live(), impl_->store.dbs.meta, kMetaGeneration, next, 0, "committing");
  impl_->txn.commit();
  if (auto observer = std::exchange(observer_, nullptr)) {
    try {
      observer->committed(generationAfter);
    } catch (...) {  // committed; the observer reports its own failures
    }
  }
  if (impl_->store.onCommit) {
    try {
      impl_->store.onCommit();
    } catch (...) {  // the data is committed; a follower's failure is its own to report
    }
  }
}

void WriteTxn::abort() {
  impl_->txn.abort();
  if (auto observer = std::exchange(observer_, nullptr)) observer->aborted();
}

}  // namespace bdis::rdf
