// Store::setWriteObserver: the observer sees exactly the changes of its predicates,
// and how each write transaction ends.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>

#include "rdf/store.h"
#include "tests/support/shared_path.h"
#include "tests/unit/rdf/store_test_util.h"

namespace bdis::rdf {
namespace {

/// Records what it is told; watches the predicates in `watched`.
struct Recorder : WriteObserver {
  std::vector<TermId> watched;
  std::set<QuadIds> pendingAdded, pendingRemoved;
  std::set<QuadIds> present;  // the watched quads, as replayed from committed changes
  std::vector<std::string> events;

  void begin() override { events.push_back("begin"); }
  std::vector<TermId> predicates(const ReadTxn&) override { return watched; }
  void changed(const ReadTxn&, std::span<const QuadIds> quads, bool added) override {
    EXPECT_TRUE(std::is_sorted(quads.begin(), quads.end()));
    for (const QuadIds& q : quads) {
      EXPECT_TRUE(std::binary_search(watched.begin(), watched.end(), q.p));
      if (added) {
        if (!pendingRemoved.erase(q)) {
          EXPECT_TRUE(pendingAdded.insert(q).second);
        }
      } else {
        if (!pendingAdded.erase(q)) {
          EXPECT_TRUE(pendingRemoved.insert(q).second);
        }
      }
    }
  }
  void committed(uint64_t generation) override {
    events.push_back("commit " + std::to_string(generation));
    for (const auto& q : pendingRemoved) EXPECT_EQ(present.erase(q), 1u);
    for (const auto& q : pendingAdded) EXPECT_TRUE(present.insert(q).second);
    pendingAdded.clear();
    pendingRemoved.clear();
  }
  void aborted() noexcept override {
    events.push_back("abort");
    pendingAdded.clear();
    pendingRemoved.clear();
  }
};

TEST(WriteObserverTest, SeesExactlyTheCommittedChangesOfItsPredicates) {
  test::TempDir dir;
  auto store = Store::open(dir.path() / "store");
  auto recorder = std::make_shared<Recorder>();
  testing::Universe u;
  {
    auto w = store->beginWrite();
    u = testing::Universe::make(*w, 40, 6, 60, 3);
    w->commit();
  }
  recorder->watched = {u.predicates[1], u.predicates[3]};
  std::sort(recorder->watched.begin(), recorder->watched.end());
  store->setWriteObserver(recorder);

  std::mt19937_64 rng(7);
  testing::Model model;
  for (int round = 0; round < 60; ++round) {
    auto w = store->beginWrite();
    testing::Model next = model;
    int op = static_cast<int>(rng() % 5);
    if (op == 0) {  // batch insert with duplicates
      std::vector<QuadIds> quads;
      for (int i = 0; i < 50; ++i) quads.push_back(u.random(rng));
      quads.push_back(quads.front());
      for (const auto& q : quads) next.insert(q);
      w->insertBatch(quads);
    } else if (op == 1) {  // batch erase, some absent
      std::vector<QuadIds> quads;
      for (int i = 0; i < 20; ++i) quads.push_back(testing::pickExisting(model, u, rng));
      for (int i = 0; i < 5; ++i) quads.push_back(u.random(rng));
      for (const auto& q : quads) next.erase(q);
      w->eraseBatch(quads);
    } else if (op == 2) {  // single inserts and erases
      for (int i = 0; i < 10; ++i) {
        QuadIds q = u.random(rng);
        w->insert(q);
        next.insert(q);
        QuadIds e = testing::pickExisting(next, u, rng);
        w->erase(e);
        next.erase(e);
      }
    } else if (op == 3) {  // clear a graph
      TermId g = u.graphs[rng() % u.graphs.size()];
      w->clearGraph(g);
      std::erase_if(next, [&](const QuadIds& q) { return q.g == g; });
    } else {  // changes thrown away
      std::vector<QuadIds> quads;
      for (int i = 0; i < 30; ++i) quads.push_back(u.random(rng));
      w->insertBatch(quads);
      if (rng() % 2) w->abort();
      continue;  // destroyed uncommitted otherwise
    }
    w->commit();
    model = std::move(next);
    std::set<QuadIds> expected;
    for (const auto& q : model)
      if (std::binary_search(recorder->watched.begin(), recorder->watched.end(), q.p))
        expected.insert(q);
    ASSERT_EQ(recorder->present, expected) << "round " << round;
  }
  // Every transaction began once and ended once.
  size_t begins = std::count(recorder->events.begin(), recorder->events.end(), "begin");
  EXPECT_EQ(begins * 2, recorder->events.size());
  // Generations reported as the readers see them.
  auto r = store->beginRead();
  auto last = std::find_if(recorder->events.rbegin(), recorder->events.rend(),
                           [](const std::string& e) { return e.starts_with("commit"); });
  ASSERT_NE(last, recorder->events.rend());
  EXPECT_EQ(*last, "commit " + std::to_string(r->generation()));
}

TEST(WriteObserverTest, RemovedObserverIsNotCalled) {
  test::TempDir dir;
  auto store = Store::open(dir.path() / "store");
  auto recorder = std::make_shared<Recorder>();
  store->setWriteObserver(recorder);
  store->setWriteObserver(nullptr);
  auto w = store->beginWrite();
  TermId s = w->intern(TermView{TermKind::Iri, "http://ex/s", {}, {}});
  w->insert(QuadIds{s, s, s, kDefaultGraph});
  w->commit();
  EXPECT_TRUE(recorder->events.empty());
}

}  // namespace
}  // namespace bdis::rdf
