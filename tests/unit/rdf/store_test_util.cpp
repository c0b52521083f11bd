#include "tests/unit/rdf/store_test_util.h"

#include <algorithm>
#include <map>
#include <string>

#include "rdf/term_codec.h"

namespace bdis::rdf::testing {

Universe Universe::make(WriteTxn& w, int subjects, int predicates, int objects, int graphs) {
  Universe u;
  for (int i = 0; i < subjects; ++i) {
    Term t = i % 9 == 8 ? Term::blank("b" + std::to_string(i))
                        : Term::iri("http://example.org/s/" + std::to_string(i));
    u.subjects.push_back(w.intern(t.view()));
  }
  for (int i = 0; i < predicates; ++i) {
    u.predicates.push_back(w.intern(Term::iri("http://example.org/p/" + std::to_string(i)).view()));
  }
  for (int i = 0; i < objects; ++i) {
    Term t;
    switch (i % 4) {
      case 0:
        t = Term::iri("http://example.org/o/" + std::to_string(i));
        break;
      case 1:
        t = Term::literal(std::to_string(i * 1000 - 7000), std::string(kXsdInteger));
        break;
      case 2:
        t = Term::literal("v" + std::to_string(i));
        break;
      default:
        t = Term::literal("a longer literal number " + std::to_string(i), "", "en");
        break;
    }
    u.objects.push_back(w.intern(t.view()));
  }
  u.graphs.push_back(kDefaultGraph);
  for (int i = 0; i < graphs; ++i) {
    u.graphs.push_back(w.intern(Term::iri("http://example.org/g/" + std::to_string(i)).view()));
  }
  return u;
}

QuadIds Universe::random(std::mt19937_64& rng) const {
  auto pick = [&](const std::vector<TermId>& v) { return v[rng() % v.size()]; };
  return QuadIds{pick(subjects), pick(predicates), pick(objects), pick(graphs)};
}

std::vector<QuadIds> filterModel(const Model& model, const QuadPattern& pattern) {
  std::vector<QuadIds> out;
  for (const QuadIds& q : model) {
    if (!pattern.s.isAny() && q.s != pattern.s) {
      continue;
    }
    if (!pattern.p.isAny() && q.p != pattern.p) {
      continue;
    }
    if (!pattern.o.isAny() && q.o != pattern.o) {
      continue;
    }
    if (pattern.g == kAnyNamedGraph && q.g.isDefaultGraph()) {
      continue;
    }
    if (!pattern.g.isAny() && pattern.g != kAnyNamedGraph && q.g != pattern.g) {
      continue;
    }
    out.push_back(q);
  }
  return out;
}

QuadIds pickExisting(const Model& model, const Universe& u, std::mt19937_64& rng) {
  QuadIds probe = u.random(rng);
  if (model.empty()) {
    return probe;
  }
  auto it = model.lower_bound(probe);
  return it == model.end() ? *model.begin() : *it;
}

namespace {

/// Scans in `order` (or the chosen one), checks the sort order, returns the quads SPOG-sorted.
std::vector<QuadIds> scanSorted(const ReadTxn& txn, const QuadPattern& pattern,
                                std::optional<IndexOrder> order) {
  QuadCursor cursor = txn.scan(pattern, order);
  IndexOrder used = cursor.order();
  if (order) {
    EXPECT_EQ(used, *order);
  }
  std::vector<QuadIds> out;
  QuadIds q;
  while (cursor.next(q)) {
    if (!out.empty()) {
      EXPECT_LT(permute(out.back(), used), permute(q, used))
          << "scan not sorted by " << indexName(used);
    }
    out.push_back(q);
  }
  EXPECT_FALSE(cursor.next(q)) << "a finished cursor stays finished";
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

void verifyAgainstModel(const ReadTxn& txn, const Model& model, const Universe& u,
                        std::mt19937_64& rng) {
  EXPECT_EQ(txn.check(), std::vector<std::string>{});
  const TermId graphModes[] = {kAny, kDefaultGraph, kAnyNamedGraph, TermId(1)};
  for (int mask = 0; mask < 8; ++mask) {
    for (int gm = 0; gm < 4; ++gm) {
      for (int inst = 0; inst < 4; ++inst) {
        QuadIds base = inst < 3 ? pickExisting(model, u, rng) : u.random(rng);
        QuadPattern pattern{(mask & 1) ? base.s : kAny, (mask & 2) ? base.p : kAny,
                            (mask & 4) ? base.o : kAny, graphModes[gm]};
        if (gm == 3) {
          pattern.g = inst == 3 ? u.graphs[1 + rng() % (u.graphs.size() - 1)] : base.g;
        }
        std::vector<QuadIds> expected = filterModel(model, pattern);
        SCOPED_TRACE("mask " + std::to_string(mask) + " graph mode " + std::to_string(gm));
        EXPECT_EQ(scanSorted(txn, pattern, std::nullopt), expected);
        EXPECT_EQ(txn.count(pattern), expected.size());
        if (inst == 0) {
          for (int o = 0; o < kIndexCount; ++o) {
            EXPECT_EQ(scanSorted(txn, pattern, static_cast<IndexOrder>(o)), expected);
          }
        }
      }
    }
  }
  // Whole store through nextBatch, in SPOG order.
  QuadCursor all = txn.scan(QuadPattern{kAny, kAny, kAny, kAny}, IndexOrder::SPOG);
  std::vector<QuadIds> got;
  std::vector<QuadIds> batch(97);
  while (size_t n = all.nextBatch(batch)) {
    got.insert(got.end(), batch.begin(), batch.begin() + n);
  }
  EXPECT_EQ(got, std::vector<QuadIds>(model.begin(), model.end()));

  StoreStats st = txn.stats();
  EXPECT_EQ(st.quads, model.size());
  std::map<TermId, uint64_t> byP;
  std::map<TermId, uint64_t> byG;
  for (const QuadIds& q : model) {
    ++byP[q.p];
    ++byG[q.g];
  }
  std::vector<TermId> named;
  for (auto [g, n] : byG) {
    if (!g.isDefaultGraph()) {
      named.push_back(g);
    }
  }
  EXPECT_EQ(txn.namedGraphs(), named);
  EXPECT_EQ(st.namedGraphs, named.size());
  EXPECT_EQ(txn.predicateCounts(),
            (std::vector<std::pair<TermId, uint64_t>>(byP.begin(), byP.end())));
  for (TermId p : u.predicates) {
    EXPECT_EQ(txn.predicateCount(p), byP.count(p) != 0 ? byP.at(p) : 0);
  }
  for (TermId g : u.graphs) {
    EXPECT_EQ(txn.graphCount(g), byG.count(g) != 0 ? byG.at(g) : 0);
  }
}

}  // namespace bdis::rdf::testing
