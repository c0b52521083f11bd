#include "rdf/store.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <thread>

#include "rdf/error.h"
#include "rdf/lmdb.h"
#include "tests/support/shared_path.h"
#include "tests/unit/rdf/store_test_util.h"

namespace bdis::rdf {
namespace {

using testing::Model;
using testing::Universe;

class StoreTest : public ::testing::Test {
 protected:
  std::filesystem::path storeDir() const { return dir_.path() / "store"; }
  std::unique_ptr<Store> open(StoreOptions options = {}) {
    return Store::open(storeDir(), options);
  }

  test::TempDir dir_;
};

std::string errorOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const StorageError& e) {
    return e.what();
  }
  return "";
}

/// Random inserts, erases, batches, clearGraph, commits and aborts against a model.
void randomOps(Store& store, Model& model, const Universe& u, std::mt19937_64& rng, int ops) {
  Model committed = model;
  auto txn = store.beginWrite();
  for (int i = 0; i < ops; ++i) {
    int r = static_cast<int>(rng() % 1000);
    if (r < 420) {
      QuadIds q = u.random(rng);
      ASSERT_EQ(txn->insert(q), model.insert(q).second);
    } else if (r < 620) {
      QuadIds q = rng() % 2 ? testing::pickExisting(model, u, rng) : u.random(rng);
      ASSERT_EQ(txn->erase(q), model.erase(q) == 1);
    } else if (r < 800) {
      std::vector<QuadIds> batch;
      size_t n = 1 + rng() % 400;
      for (size_t k = 0; k < n; ++k) {
        batch.push_back(k % 5 == 0 ? testing::pickExisting(model, u, rng) : u.random(rng));
      }
      if (n > 3) {
        batch.push_back(batch[1]);  // a duplicate inside the batch
      }
      uint64_t fresh = 0;
      for (const QuadIds& q : batch) {
        fresh += model.insert(q).second ? 1 : 0;
      }
      ASSERT_EQ(txn->insertBatch(batch), fresh);
    } else if (r < 900) {
      std::vector<QuadIds> batch;
      size_t n = 1 + rng() % 200;
      for (size_t k = 0; k < n; ++k) {
        batch.push_back(k % 2 == 0 ? testing::pickExisting(model, u, rng) : u.random(rng));
      }
      uint64_t gone = 0;
      for (const QuadIds& q : batch) {
        gone += model.erase(q);
      }
      ASSERT_EQ(txn->eraseBatch(batch), gone);
    } else if (r < 906) {
      TermId g = u.graphs[rng() % u.graphs.size()];
      uint64_t gone = 0;
      for (auto it = model.begin(); it != model.end();) {
        if (it->g == g) {
          it = model.erase(it);
          ++gone;
        } else {
          ++it;
        }
      }
      ASSERT_EQ(txn->clearGraph(g), gone);
    } else if (r < 960) {
      txn->commit();
      committed = model;
      txn = store.beginWrite();
    } else {
      if (rng() % 2) {
        txn->abort();
      }
      txn.reset();
      model = committed;
      txn = store.beginWrite();
    }
    if (i % 250 == 0) {
      ASSERT_EQ(txn->count(QuadPattern{kAny, kAny, kAny, kAny}), model.size());
    }
  }
  txn->commit();
}

TEST_F(StoreTest, RandomisedAgainstModel) {
  std::mt19937_64 rng(20261204);
  Model model;
  Universe u;
  {
    auto store = open();
    auto w = store->beginWrite();
    u = Universe::make(*w, 45, 8, 56, 5);
    std::vector<QuadIds> initial;
    initial.reserve(8000);
    for (int i = 0; i < 8000; ++i) {
      initial.push_back(u.random(rng));
    }
    for (const QuadIds& q : initial) {
      model.insert(q);
    }
    EXPECT_EQ(w->insertBatch(initial), model.size());
    w->commit();
    randomOps(*store, model, u, rng, 3000);
    ASSERT_FALSE(::testing::Test::HasFatalFailure());
    ASSERT_GT(model.size(), 5000u) << "enough quads for many blocks";
    testing::verifyAgainstModel(*store->beginRead(), model, u, rng);
  }
  // Reopen: everything persisted.
  auto store = open();
  testing::verifyAgainstModel(*store->beginRead(), model, u, rng);
  randomOps(*store, model, u, rng, 1500);
  ASSERT_FALSE(::testing::Test::HasFatalFailure());
  testing::verifyAgainstModel(*store->beginRead(), model, u, rng);
  auto w = store->beginWrite();
  testing::verifyAgainstModel(*w, model, u, rng);  // reads inside a write txn
}

TEST_F(StoreTest, BulkLoadAppendsPrependsAndMerges) {
  std::mt19937_64 rng(5);
  auto store = open();
  Model model;
  auto w = store->beginWrite();
  Universe u = Universe::make(*w, 300, 20, 200, 3);
  auto batchOf = [&](size_t n, size_t sFrom, size_t sTo) {
    std::vector<QuadIds> batch;
    for (size_t i = 0; i < n; ++i) {
      QuadIds q = u.random(rng);
      q.s = u.subjects[sFrom + rng() % (sTo - sFrom)];
      batch.push_back(q);
    }
    return batch;
  };
  auto load = [&](std::vector<QuadIds> batch) {
    uint64_t fresh = 0;
    for (const QuadIds& q : batch) {
      fresh += model.insert(q).second ? 1 : 0;
    }
    EXPECT_EQ(w->insertBatch(batch), fresh);
  };
  load(batchOf(60000, 100, 200));  // fresh store: append path
  load(batchOf(30000, 200, 300));  // beyond the last block: append again
  load(batchOf(30000, 0, 100));    // before the first block
  load(batchOf(30000, 0, 300));    // everywhere, with many duplicates
  w->commit();
  auto r = store->beginRead();
  testing::verifyAgainstModel(*r, model, u, rng);
  StoreStats st = r->stats();
  EXPECT_GT(st.bytesOnDisk, 0u);
  for (uint64_t b : st.indexBytes) {
    EXPECT_GT(b, 0u);
  }
  EXPECT_GT(st.dictionaryBytes, 0u);
  EXPECT_EQ(st.terms, 300u + 20 + 3 + 200 / 2);  // every other object is inline
  r.reset();
  std::vector<QuadIds> all(model.begin(), model.end());
  auto w2 = store->beginWrite();
  EXPECT_EQ(w2->eraseBatch(all), model.size());
  model.clear();
  testing::verifyAgainstModel(*w2, model, u, rng);
  w2->commit();
}

TEST_F(StoreTest, ChooseIndexCoversBoundPositions) {
  TermId x(0x11);
  auto choose = [&](bool s, bool p, bool o, TermId g) {
    return ReadTxn::chooseIndex(QuadPattern{s ? x : kAny, p ? x : kAny, o ? x : kAny, g});
  };
  EXPECT_EQ(choose(false, false, false, kAny), IndexOrder::SPOG);
  EXPECT_EQ(choose(true, false, false, kAny), IndexOrder::SPOG);
  EXPECT_EQ(choose(false, true, false, kAny), IndexOrder::POSG);
  EXPECT_EQ(choose(false, false, true, kAny), IndexOrder::OSPG);
  EXPECT_EQ(choose(true, false, true, kAny), IndexOrder::OSPG);
  EXPECT_EQ(choose(false, true, true, kAny), IndexOrder::POSG);
  EXPECT_EQ(choose(true, true, true, kAny), IndexOrder::SPOG);
  EXPECT_EQ(choose(false, false, false, x), IndexOrder::GSPO);
  EXPECT_EQ(choose(false, false, false, kDefaultGraph), IndexOrder::GSPO);
  EXPECT_EQ(choose(false, false, false, kAnyNamedGraph), IndexOrder::GSPO);
  EXPECT_EQ(choose(false, true, false, x), IndexOrder::GPOS);
  EXPECT_EQ(choose(false, false, true, x), IndexOrder::GOSP);
  EXPECT_EQ(choose(true, false, true, x), IndexOrder::GOSP);
  EXPECT_EQ(choose(true, true, false, x), IndexOrder::GSPO);
  EXPECT_EQ(choose(false, true, true, x), IndexOrder::GPOS);
  EXPECT_EQ(choose(true, true, true, x), IndexOrder::GSPO);  // a tie: the smaller blocks
  EXPECT_EQ(choose(false, true, false, kAnyNamedGraph), IndexOrder::POSG);
}

TEST_F(StoreTest, SnapshotIsolationAndOwnWrites) {
  auto store = open();
  auto w = store->beginWrite();
  TermId s = w->intern(Term::iri("http://e/s").view());
  TermId p = w->intern(Term::iri("http://e/p").view());
  w->insert(QuadIds{s, p, s, kDefaultGraph});
  w->commit();

  auto before = store->beginRead();
  auto w2 = store->beginWrite();
  TermId o = w2->intern(Term::iri("http://e/o").view());
  EXPECT_TRUE(w2->insert(QuadIds{s, p, o, kDefaultGraph}));
  EXPECT_EQ(w2->count(QuadPattern{s, kAny, kAny, kAny}), 2u) << "a write txn sees its writes";
  EXPECT_EQ(w2->decode(o), Term::iri("http://e/o"));
  EXPECT_EQ(before->count(QuadPattern{s, kAny, kAny, kAny}), 1u);
  w2->commit();
  EXPECT_EQ(before->count(QuadPattern{s, kAny, kAny, kAny}), 1u) << "the snapshot stays";
  EXPECT_FALSE(before->lookup(Term::iri("http://e/o").view()).has_value());
  auto after = store->beginRead();
  EXPECT_EQ(after->count(QuadPattern{s, kAny, kAny, kAny}), 2u);
  EXPECT_EQ(after->lookup(Term::iri("http://e/o").view()), o);
}

TEST_F(StoreTest, AbortLeavesTheStoreUnchanged) {
  auto store = open();
  {
    auto w = store->beginWrite();
    TermId s = w->intern(Term::iri("http://e/kept").view());
    w->insert(QuadIds{s, s, s, kDefaultGraph});
    w->commit();
  }
  for (bool explicitAbort : {true, false}) {
    auto w = store->beginWrite();
    TermId s = w->intern(Term::iri("http://e/dropped").view());
    TermId g = w->intern(Term::iri("http://e/g").view());
    w->insert(QuadIds{s, s, s, g});
    w->clearGraph(kDefaultGraph);
    EXPECT_EQ(w->count(QuadPattern{kAny, kAny, kAny, kAny}), 1u);
    if (explicitAbort) {
      w->abort();
      EXPECT_THROW(w->insert(QuadIds{s, s, s, g}), InternalError) << "finished txn refuses work";
    }
  }
  auto r = store->beginRead();
  EXPECT_EQ(r->count(QuadPattern{kAny, kAny, kAny, kAny}), 1u);
  EXPECT_FALSE(r->lookup(Term::iri("http://e/dropped").view()).has_value());
  EXPECT_TRUE(r->namedGraphs().empty());
  EXPECT_EQ(r->stats().terms, 1u);
  EXPECT_TRUE(r->check().empty());
  // The dictionary counter did not move: the next term gets the next number.
  r.reset();
  auto w = store->beginWrite();
  EXPECT_EQ(w->intern(Term::iri("http://e/next").view()).payload(), 2u);
}

TEST_F(StoreTest, ReopenPersistsTermsAndQuads) {
  std::string longIri = "http://e/" + std::string(1000, 'L');
  QuadIds q;
  {
    auto store = open();
    auto w = store->beginWrite();
    q = QuadIds{w->intern(Term::iri(longIri).view()), w->intern(Term::iri("http://e/p").view()),
                w->intern(Term::literal("chat", "", "fr").view()),
                w->intern(Term::blank("g1").view())};
    w->insert(q);
    w->commit();
  }
  auto store = open(StoreOptions{.create = false, .readOnly = true});
  EXPECT_TRUE(store->readOnly());
  auto r = store->beginRead();
  EXPECT_EQ(r->decode(q.s), Term::iri(longIri));
  EXPECT_EQ(r->decode(q.o), Term::literal("chat", "", "fr"));
  EXPECT_EQ(r->lookup(Term::iri(longIri).view()), q.s);
  EXPECT_EQ(r->namedGraphs(), std::vector<TermId>{q.g});
  EXPECT_TRUE(r->check().empty());
  EXPECT_THROW(store->beginWrite(), StorageError);
  EXPECT_THROW(r->decode(TermId::make(IdTag::Iri, 999)), StorageError);
}

TEST_F(StoreTest, NonIntegerObjectCountsAndObjectRanges) {
  auto store = open();
  auto integer = [](int64_t v) { return TermId::make(IdTag::Integer, zigzag(v)); };
  auto w = store->beginWrite();
  auto iri = [&](const std::string& v) { return w->intern(Term::iri("http://e/" + v).view()); };
  const TermId p = iri("p"), q = iri("q"), g = iri("g");
  const TermId typed =
      w->intern(Term::literal("1.5e0", "http://www.w3.org/2001/XMLSchema#double").view());
  std::vector<QuadIds> quads;
  for (int64_t v = -20; v <= 40; ++v)
    quads.push_back({iri("s" + std::to_string(v)), p, integer(v), v % 2 ? kDefaultGraph : g});
  const QuadIds typedQuad{iri("t"), p, typed, kDefaultGraph};
  quads.push_back(typedQuad);
  quads.push_back({iri("t"), q, integer(5), kDefaultGraph});
  w->insertBatch(quads);
  EXPECT_EQ(w->nonIntegerObjectCount(p), 1u);
  EXPECT_EQ(w->nonIntegerObjectCount(q), 0u);
  w->commit();
  w.reset();
  auto r = store->beginRead();
  EXPECT_EQ(r->check(), std::vector<std::string>{});
  // Integer ids of 10..19 (zigzag payloads 20..38) hold those values and -11..-19.
  for (TermId graph : {kAny, kDefaultGraph, g}) {
    QuadCursor c = r->scanObjectRange(p, integer(10), integer(19), graph);
    std::vector<int64_t> seen;
    QuadIds x;
    while (c.next(x)) {
      EXPECT_EQ(x.p, p);
      if (!graph.isAny()) {
        EXPECT_EQ(x.g, graph);
      }
      seen.push_back(unzigzag(x.o.payload()));
    }
    std::vector<int64_t> expected;
    for (uint64_t z = 20; z <= 38; ++z) {
      int64_t v = unzigzag(z);
      if (v >= -20 && (graph.isAny() || (v % 2 != 0) == graph.isDefaultGraph())) expected.push_back(v);
    }
    EXPECT_EQ(seen, expected);
  }
  r.reset();
  auto w2 = store->beginWrite();
  std::vector<QuadIds> gone = {typedQuad};
  EXPECT_EQ(w2->eraseBatch(gone), 1u);
  EXPECT_EQ(w2->nonIntegerObjectCount(p), 0u);
  EXPECT_EQ(w2->check(), std::vector<std::string>{});
}

TEST_F(StoreTest, SubjectRangesBoundsAndSiblings) {
  // Thousands of quads over many blocks: the subject bounds of a predicate (with and
  // without an object) are the model's first and last subjects, and a subject range
  // scan returns the model's quads of those subjects, in subject order.
  auto store = open();
  auto w = store->beginWrite();
  Universe u = Universe::make(*w, 3000, 3, 40, 3);
  std::mt19937_64 rng(11);
  Model model;
  std::vector<QuadIds> quads;
  for (int i = 0; i < 20000; ++i) {
    QuadIds q = u.random(rng);
    quads.push_back(q);
    model.insert(q);
  }
  w->insertBatch(quads);
  w->commit();
  w.reset();
  auto r = store->beginRead();
  for (TermId p : u.predicates) {
    for (TermId o : {kAny, u.objects[3]}) {
      const auto all = testing::filterModel(model, QuadPattern{kAny, p, o, kAny});
      const auto bounds = r->subjectBounds(p, o);
      if (all.empty()) {
        EXPECT_FALSE(bounds);
        continue;
      }
      ASSERT_TRUE(bounds);
      TermId lo = all.front().s, hi = all.front().s;
      for (const auto& q : all) {
        lo = std::min(lo, q.s);
        hi = std::max(hi, q.s);
      }
      EXPECT_EQ(bounds->first, lo);
      EXPECT_EQ(bounds->second, hi);
      const TermId mid(lo.raw + (hi.raw - lo.raw) / 3);
      for (TermId g : {kAny, kDefaultGraph, u.graphs[1]}) {
        std::vector<QuadIds> expected, seen;
        for (const auto& q : testing::filterModel(model, QuadPattern{kAny, p, o, g}))
          if (q.s >= mid && q.s <= hi) expected.push_back(q);
        QuadCursor c = r->scanSubjectRange(p, o, mid, hi, g);
        QuadIds x;
        while (c.next(x)) seen.push_back(x);
        EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end(),
                                   [](const QuadIds& a, const QuadIds& b) { return a.s < b.s; }));
        std::sort(seen.begin(), seen.end());
        std::sort(expected.begin(), expected.end());
        EXPECT_EQ(seen, expected);
      }
    }
  }
  // A sibling shares the snapshot; after a commit, an older transaction has none.
  auto sibling = r->sibling();
  ASSERT_NE(sibling, nullptr);
  EXPECT_EQ(sibling->stats().quads, r->stats().quads);
  {
    auto w2 = store->beginWrite();
    EXPECT_EQ(w2->sibling(), nullptr);
    w2->insert(QuadIds{u.subjects[0], u.predicates[0], u.objects[0], u.graphs[2]});
    w2->insert(QuadIds{u.subjects[1], u.predicates[0], u.objects[1], u.graphs[2]});
    w2->commit();
  }
  EXPECT_EQ(r->sibling(), nullptr);
  EXPECT_NE(store->beginRead()->sibling(), nullptr);
}

TEST_F(StoreTest, OlderFormatNamesWhatChanged) {
  open().reset();
  {
    lmdb::Env env(storeDir(), 0, uint64_t{1} << 30, 8, 16);
    lmdb::Txn txn(env.get(), 0);
    MDB_dbi meta = lmdb::openDbi(txn.get(), "meta", 0);
    lmdb::put(txn.get(), meta, "format_version", std::string("\x02\0\0\0", 4), 0, "test");
    txn.commit();
  }
  std::string msg = errorOf([&] { open(); });
  EXPECT_NE(msg.find("store format version 2, this bdis reads 5 (format 3 adds the PSOG index, "
                     "format 4 counts the non-integer objects of each predicate, format 5 "
                     "leaves out a last component equal to the previous quad's): "
                     "dump with the old version and reload"),
            std::string::npos)
      << msg;
}

TEST_F(StoreTest, FormatVersionMismatchSaysWhatToDo) {
  open().reset();
  {
    lmdb::Env env(storeDir(), 0, uint64_t{1} << 30, 8, 16);
    lmdb::Txn txn(env.get(), 0);
    MDB_dbi meta = lmdb::openDbi(txn.get(), "meta", 0);
    lmdb::put(txn.get(), meta, "format_version", std::string("\x63\0\0\0", 4), 0, "test");
    txn.commit();
  }
  std::string msg = errorOf([&] { open(); });
  EXPECT_NE(
      msg.find("store format version 99, this bdis reads " + std::to_string(kStoreFormatVersion) +
               ": dump with the old version and "
               "reload"),
      std::string::npos)
      << msg;
}

TEST_F(StoreTest, ReadOnlyFolderIsAClearError) {
  if (::geteuid() == 0) {
    GTEST_SKIP() << "running as root: chmod cannot make a folder read-only";
  }
  open().reset();
  ::chmod(storeDir().c_str(), 0555);
  std::string msg = errorOf([&] { open(); });
  std::string readMsg = errorOf([&] {
    auto store = open(StoreOptions{.create = false, .readOnly = true});
    EXPECT_TRUE(store->beginRead()->check().empty());
  });
  ::chmod(storeDir().c_str(), 0755);
  EXPECT_EQ(readMsg, "") << "a read-only folder still opens read-only";
  EXPECT_NE(msg.find("is read-only"), std::string::npos) << msg;
  EXPECT_NE(msg.find(storeDir().string()), std::string::npos) << msg;
}

TEST_F(StoreTest, FoldersThatAreNotStores) {
  std::filesystem::create_directories(storeDir());
  std::ofstream(storeDir() / "notes.txt") << "hello";
  EXPECT_NE(errorOf([&] { open(); }).find("not a bdis store"), std::string::npos);

  std::filesystem::remove(storeDir() / "notes.txt");
  std::ofstream(storeDir() / "data.mdb") << std::string(8192, 'x');
  EXPECT_NE(errorOf([&] { open(); }).find("bdis store"), std::string::npos);

  std::filesystem::remove_all(storeDir());
  EXPECT_NE(errorOf([&] { open(StoreOptions{.create = false}); }).find("does not exist"),
            std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(storeDir()));

  // An LMDB environment made by someone else.
  std::filesystem::create_directories(storeDir());
  {
    lmdb::Env env(storeDir(), 0, uint64_t{1} << 30, 8, 16);
    lmdb::Txn txn(env.get(), 0);
    lmdb::openDbi(txn.get(), "other", MDB_CREATE);
    txn.commit();
  }
  EXPECT_NE(errorOf([&] { open(); }).find("not a bdis store"), std::string::npos);
}

TEST_F(StoreTest, InterruptedCreationIsFinished) {
  // What a process killed before the creating transaction committed leaves behind.
  std::filesystem::create_directories(storeDir());
  { lmdb::Env env(storeDir(), 0, uint64_t{1} << 30, 8, 16); }
  ASSERT_TRUE(std::filesystem::exists(storeDir() / "data.mdb"));
  auto store = open();
  auto r = store->beginRead();
  EXPECT_EQ(r->count(QuadPattern{kAny, kAny, kAny, kAny}), 0u);
  EXPECT_TRUE(r->check().empty());
}

TEST_F(StoreTest, FullMapIsReportedAsDiskFull) {
  auto store = open(StoreOptions{.mapSize = uint64_t{1} << 20});
  auto w = store->beginWrite();
  std::string msg = errorOf([&] {
    for (int i = 0; i < 100000; ++i) {
      w->intern(Term::iri("http://example.org/a/rather/long/iri/" + std::to_string(i)).view());
    }
  });
  EXPECT_NE(msg.find("disk full while adding a term to the dictionary"), std::string::npos) << msg;
  w.reset();
  EXPECT_TRUE(store->beginRead()->check().empty()) << "the failed transaction left nothing";
}

TEST_F(StoreTest, ReadTxnMovesBetweenThreads) {
  auto store = open();
  auto w = store->beginWrite();
  TermId s = w->intern(Term::iri("http://e/s").view());
  w->insert(QuadIds{s, s, s, kDefaultGraph});
  w->commit();
  auto r = store->beginRead();
  auto r2 = store->beginRead();  // two readers in one thread (MDB_NOTLS)
  uint64_t seen = 0;
  std::thread t([&] { seen = r->count(QuadPattern{kAny, kAny, kAny, kAny}); });
  t.join();
  EXPECT_EQ(seen, 1u);
  EXPECT_EQ(r2->decode(s), Term::iri("http://e/s"));
  r.reset();  // ended in another thread than the one that began it
}

TEST_F(StoreTest, SecondWriterWaits) {
  auto store = open();
  auto w = store->beginWrite();
  TermId s = w->intern(Term::iri("http://e/s").view());
  w->insert(QuadIds{s, s, s, kDefaultGraph});
  std::atomic<bool> started{false};
  std::atomic<uint64_t> seen{99};
  std::thread t([&] {
    auto w2 = store->beginWrite();
    started = true;
    seen = w2->count(QuadPattern{kAny, kAny, kAny, kAny});
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  EXPECT_FALSE(started.load()) << "the second writer must wait for the first";
  w->commit();
  t.join();
  EXPECT_TRUE(started.load());
  EXPECT_EQ(seen.load(), 1u);
}

TEST_F(StoreTest, CheckFindsDamage) {
  {
    auto store = open();
    auto w = store->beginWrite();
    std::mt19937_64 rng(9);
    Universe u = Universe::make(*w, 20, 4, 20, 2);
    std::vector<QuadIds> batch;
    batch.reserve(2000);
    for (int i = 0; i < 2000; ++i) {
      batch.push_back(u.random(rng));
    }
    w->insertBatch(batch);
    w->commit();
    EXPECT_TRUE(store->beginRead()->check().empty());
  }
  // Damage it: drop a POSG block and a dictionary entry, falsify the quad counter.
  {
    lmdb::Env env(storeDir(), 0, uint64_t{1} << 30, 8, 16);
    lmdb::Txn txn(env.get(), 0);
    MDB_dbi posg = lmdb::openDbi(txn.get(), "posg", 0);
    MDB_dbi meta = lmdb::openDbi(txn.get(), "meta", 0);
    MDB_dbi id2term = lmdb::openDbi(txn.get(), "id2term", 0);
    {
      lmdb::Cursor c(txn.get(), posg);
      MDB_val k{};
      MDB_val v{};
      ASSERT_TRUE(c.get(k, v, MDB_FIRST));
      ASSERT_EQ(mdb_cursor_del(c.raw(), 0), 0);
      lmdb::Cursor d(txn.get(), id2term);
      ASSERT_TRUE(d.get(k, v, MDB_FIRST));
      ASSERT_EQ(mdb_cursor_del(d.raw(), 0), 0);
    }
    lmdb::put(txn.get(), meta, "quads", std::string(8, '\x01'), 0, "test");
    txn.commit();
  }
  auto store = open();
  std::vector<std::string> problems = store->beginRead()->check();
  std::string all;
  for (const auto& p : problems) {
    all += p + "\n";
  }
  EXPECT_NE(all.find("index POSG holds"), std::string::npos) << all;
  EXPECT_NE(all.find("quad counter"), std::string::npos) << all;
  EXPECT_NE(all.find("term2id has"), std::string::npos) << all;
  EXPECT_NE(all.find("does not decode"), std::string::npos) << all;
}

/// Writes committed batches of 500 new quads forever; run by KillNineLeavesAConsistentStore.
TEST(StoreCrashChild, DISABLED_WriteForever) {
  const char* dir = std::getenv("BDIS_CRASH_STORE");
  if (dir == nullptr) {
    GTEST_SKIP() << "only run as the child of KillNineLeavesAConsistentStore";
  }
  auto store = Store::open(dir);
  for (int round = 0;; ++round) {
    auto w = store->beginWrite();
    std::vector<QuadIds> batch;
    TermId p = w->intern(Term::iri("http://e/p").view());
    for (int i = 0; i < 500; ++i) {
      TermId s = w->intern(
          Term::iri("http://e/s" + std::to_string(round) + "_" + std::to_string(i)).view());
      batch.push_back(QuadIds{s, p, s, kDefaultGraph});
    }
    w->insertBatch(batch);
    w->commit();
  }
}

TEST_F(StoreTest, KillNineLeavesAConsistentStore) {
  open().reset();
  std::string self = std::filesystem::read_symlink("/proc/self/exe").string();
  for (int attempt = 0; attempt < 3; ++attempt) {
    pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      ::setenv("BDIS_CRASH_STORE", storeDir().c_str(), 1);
      ::execl(self.c_str(), self.c_str(), "--gtest_also_run_disabled_tests",
              "--gtest_filter=StoreCrashChild.DISABLED_WriteForever", static_cast<char*>(nullptr));
      ::_exit(127);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(700 + 400 * attempt));
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    ASSERT_TRUE(WIFSIGNALED(status)) << "the writer ended by itself, status " << status;
    auto store = open();
    auto r = store->beginRead();
    EXPECT_EQ(r->check(), std::vector<std::string>{});
    uint64_t n = r->count(QuadPattern{kAny, kAny, kAny, kAny});
    EXPECT_EQ(n % 500, 0u) << "only whole transactions survive";
    if (attempt == 2) {
      EXPECT_GT(n, 0u) << "the writer committed nothing";
    }
    EXPECT_EQ(r->stats().terms, n + (n > 0 ? 1 : 0));
  }
}

}  // namespace
}  // namespace bdis::rdf
