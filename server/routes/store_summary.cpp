#include "server/routes/store_summary.h"

#include <mutex>

namespace bdis::server {

namespace {

constexpr const char* kRdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

/// Distinct values of the leading position of `order` over the whole store.
uint64_t distinctLeading(const rdf::ReadTxn& txn, rdf::IndexOrder order, bool subject) {
  auto cursor = txn.scan(rdf::QuadPattern{rdf::kAny, rdf::kAny, rdf::kAny, rdf::kAny}, order);
  std::vector<rdf::QuadIds> batch(1024);
  uint64_t n = 0;
  rdf::TermId last{};
  bool first = true;
  while (size_t got = cursor.nextBatch(batch)) {
    for (size_t i = 0; i < got; ++i) {
      rdf::TermId v = subject ? batch[i].s : batch[i].o;
      if (first || !(v == last)) {
        ++n;
        last = v;
        first = false;
      }
    }
  }
  return n;
}

std::shared_ptr<StoreSummary> compute(const rdf::ReadTxn& txn) {
  auto s = std::make_shared<StoreSummary>();
  s->generation = txn.generation();
  s->quads = txn.stats().quads;
  s->distinctSubjects = distinctLeading(txn, rdf::IndexOrder::SPOG, true);
  s->distinctObjects = distinctLeading(txn, rdf::IndexOrder::OSPG, false);
  for (const auto& [p, n] : txn.predicateCounts()) {
    auto t = txn.decode(p);
    if (t.isIri()) s->properties.emplace_back(t.value, n);
  }
  if (auto type = txn.lookup(rdf::Term::iri(kRdfType).view())) {
    // POSG: sorted by class, then subject.
    auto cursor = txn.scan(rdf::QuadPattern{rdf::kAny, *type, rdf::kAny, rdf::kAny},
                           rdf::IndexOrder::POSG);
    rdf::QuadIds q;
    rdf::TermId cls{}, subject{};
    uint64_t quads = 0, entities = 0;
    auto flush = [&] {
      if (quads == 0) return;
      auto t = txn.decode(cls);
      if (t.isIri()) s->classes.push_back({t.value, {quads, entities}});
    };
    while (cursor.next(q)) {
      if (!(q.o == cls)) {
        flush();
        cls = q.o;
        quads = entities = 0;
        subject = rdf::TermId{};
      }
      ++quads;
      if (!(q.s == subject)) {
        ++entities;
        subject = q.s;
      }
    }
    flush();
  }
  for (auto g : txn.namedGraphs()) {
    auto t = txn.decode(g);
    if (t.isIri()) s->graphs.emplace_back(t.value, txn.graphCount(g));
  }
  s->defaultGraphQuads = txn.graphCount(rdf::kDefaultGraph);
  return s;
}

}  // namespace

std::shared_ptr<const StoreSummary> storeSummary(const rdf::ReadTxn& txn) {
  static std::mutex mutex;
  static std::shared_ptr<const StoreSummary> cached;
  uint64_t generation = txn.generation();
  {
    std::lock_guard lock(mutex);
    if (cached && cached->generation == generation) return cached;
  }
  auto fresh = compute(txn);
  std::lock_guard lock(mutex);
  cached = fresh;
  return fresh;
}

}  // namespace bdis::server
