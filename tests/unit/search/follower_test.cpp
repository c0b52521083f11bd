// The indexes kept in step by the store's write observer (followCommits): after
// every commit of random inserts, erases, graph clears and aborts, the text index
// agrees with the store at the store's generation and the R-tree equals a fresh
// rebuild; a writer killed between the store's commit and the index's is repaired
// on open.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <random>
#include <tuple>

#include "rdf/geo/geo_index.h"
#include "sparql/ext/index_follower.h"
#include "tests/unit/search/search_fixture.h"

namespace bdis::search::testing {
namespace {

using Entry = std::tuple<uint64_t, uint64_t, double, double, double, double>;

std::vector<Entry> entriesOf(const rdf::geo::GeoIndex& geo) {
  std::vector<Entry> out;
  for (const auto& e : geo.intersecting(rdf::geo::Box{{-1000, -1000}, {1000, 1000}}))
    out.emplace_back(e.feature.raw, e.wkt.raw, e.box.min.lon, e.box.min.lat, e.box.max.lon,
                     e.box.max.lat);
  std::sort(out.begin(), out.end());
  return out;
}

class Follower : public SearchFixture {
 protected:
  void SetUp() override {
    load(":seed schema:name \"Graine\" .");
    sparql::ext::followCommits(*store_, indexes_);
  }
  void TearDown() override { store_->setWriteObserver(nullptr); }

  /// One random quad over a few subjects, graphs and the text/geo predicates.
  rdf::QuadIds randomQuad(rdf::WriteTxn& txn, std::mt19937_64& rng) {
    static const char* const kNames[] = {"Épicerie solidaire", "Atelier vélos", "Jardins partagés",
                                         "Coopérative bio", "Ressourcerie"};
    std::uniform_real_distribution<double> lon(4.5, 6.5), lat(42.8, 44.2);
    auto iri = [&](const std::string& s) { return txn.intern(rdf::Term::iri(s).view()); };
    rdf::TermId s = iri("http://example.org/s" + std::to_string(rng() % 12));
    rdf::TermId g = rng() % 3 == 0 ? rdf::kDefaultGraph
                                   : iri("http://example.org/g" + std::to_string(rng() % 2));
    switch (rng() % 6) {
      case 0:
      case 1:
        return {s, iri("http://schema.org/name"),
                txn.intern(rdf::Term::literal(kNames[rng() % 5]).view()), g};
      case 2: {
        std::string wkt = rng() % 10 == 0 ? "POINT(5.1" : "POINT(" + std::to_string(lon(rng)) +
                                                              " " + std::to_string(lat(rng)) + ")";
        return {s, iri(std::string(rdf::geo::kAsWkt)),
                txn.intern(rdf::Term::literal(wkt, std::string(rdf::geo::kWktLiteral)).view()), g};
      }
      case 3:
        return {s, iri(std::string(rdf::geo::kWgsLat)),
                txn.intern(rdf::Term::literal(std::to_string(lat(rng)),
                                            "http://www.w3.org/2001/XMLSchema#decimal")
                               .view()),
                g};
      case 4:
        return {s, iri(std::string(rdf::geo::kWgsLong)),
                txn.intern(rdf::Term::literal(std::to_string(lon(rng)),
                                            "http://www.w3.org/2001/XMLSchema#decimal")
                               .view()),
                g};
      default:
        return {s, iri("http://example.org/other"), s, g};
    }
  }

  void expectInStep(int round) {
    auto txn = store_->beginRead();
    EXPECT_EQ(indexes_->text().recordedMark(), "g" + std::to_string(txn->generation()))
        << "round " << round;
    EXPECT_TRUE(indexes_->check(*txn).empty()) << "round " << round;
    rdf::geo::GeoIndex fresh;
    fresh.rebuild(*txn);
    ASSERT_EQ(entriesOf(indexes_->geo()), entriesOf(fresh)) << "round " << round;
    auto bad = indexes_->geo().badLiteralIds(), freshBad = fresh.badLiteralIds();
    std::sort(bad.begin(), bad.end());
    std::sort(freshBad.begin(), freshBad.end());
    EXPECT_EQ(bad, freshBad) << "round " << round;
    EXPECT_EQ(indexes_->geo().irregularPairs(), fresh.irregularPairs()) << "round " << round;
    EXPECT_FALSE(indexes_->geo().sync(*txn)) << "round " << round;  // nothing left to do
  }
};

TEST_F(Follower, RandomWritesKeepBothIndexesInStepAtEveryCommit) {
  std::mt19937_64 rng(11);
  for (int round = 0; round < 80; ++round) {
    auto txn = store_->beginWrite();
    int op = static_cast<int>(rng() % 6);
    std::vector<rdf::QuadIds> quads;
    for (int i = 0; i < 1 + static_cast<int>(rng() % 8); ++i) quads.push_back(randomQuad(*txn, rng));
    if (op <= 1) {
      txn->insertBatch(quads);
    } else if (op == 2) {
      for (const auto& q : quads) txn->insert(q);
      std::vector<rdf::QuadIds> all;
      rdf::QuadIds q;
      auto cur = txn->scan(rdf::QuadPattern{rdf::kAny, rdf::kAny, rdf::kAny, rdf::kAny});
      while (cur.next(q)) all.push_back(q);
      txn->erase(all[rng() % all.size()]);
    } else if (op == 3) {
      std::vector<rdf::QuadIds> all, gone;
      rdf::QuadIds q;
      auto cur = txn->scan(rdf::QuadPattern{rdf::kAny, rdf::kAny, rdf::kAny, rdf::kAny});
      while (cur.next(q)) all.push_back(q);
      for (const auto& a : all)
        if (rng() % 3 == 0) gone.push_back(a);
      txn->eraseBatch(gone);
    } else if (op == 4) {
      txn->insertBatch(quads);
      txn->clearGraph(rng() % 2 ? rdf::kDefaultGraph
                                : txn->intern(rdf::Term::iri("http://example.org/g0").view()));
    } else {
      txn->insertBatch(quads);
      if (rng() % 2) txn->abort();
      continue;  // aborted or dropped: nothing to index
    }
    txn->commit();
    expectInStep(round);
  }
}

TEST_F(Follower, SearchesSeeAWriteWhenItsCommitReturns) {
  {
    auto txn = store_->beginWrite();
    insertTurtle(*txn, ":v schema:name \"Atelier vélos\" ; geo:asWKT \"POINT(5.4 43.3)\"^^geo:wktLiteral .\n"
                       ":w wgs:lat \"43.31\" ; wgs:long \"5.41\" .");
    txn->commit();
  }
  EXPECT_EQ(select("SELECT ?s WHERE { ?s text:query \"velo\" }"),
            std::vector<std::string>{"s=<http://example.org/v>"});
  EXPECT_EQ(indexes_->geo().withinRadius({5.4, 43.3}, 2000).size(), 2u);
  {
    auto txn = store_->beginWrite();
    auto v = txn->lookup(rdf::Term::iri("http://example.org/v").view());
    std::vector<rdf::QuadIds> gone;
    rdf::QuadIds q;
    auto cur = txn->scan(rdf::QuadPattern{*v, rdf::kAny, rdf::kAny, rdf::kAny});
    while (cur.next(q)) gone.push_back(q);
    txn->eraseBatch(gone);
    txn->commit();
  }
  EXPECT_TRUE(select("SELECT ?s WHERE { ?s text:query \"velo\" }").empty());
  EXPECT_EQ(indexes_->geo().withinRadius({5.4, 43.3}, 2000).size(), 1u);
}

/// Dies right after the store's commit, before the indexes hear of it.
struct KillAtCommit : rdf::WriteObserver {
  void begin() override {}
  std::vector<rdf::TermId> predicates(const rdf::ReadTxn&) override { return {}; }
  void changed(const rdf::ReadTxn&, std::span<const rdf::QuadIds>, bool) override {}
  void committed(uint64_t) override { raise(SIGKILL); }
  void aborted() noexcept override {}
};

TEST_F(Follower, AWriterKilledBetweenTheCommitsIsRepairedOnOpen) {
  store_->setWriteObserver(nullptr);
  indexes_.reset();
  store_.reset();
  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    auto store = rdf::Store::open(dir_.path());
    auto indexes = sparql::ext::SearchIndexes::open(*store);
    sparql::ext::followCommits(*store, indexes);
    auto txn = store->beginWrite();
    insertTurtle(*txn, ":k schema:name \"Jardin partagé\" ; geo:asWKT \"POINT(5 43)\"^^geo:wktLiteral .");
    txn->commit();  // followed: indexed
    store->setWriteObserver(std::make_shared<KillAtCommit>());
    auto next = store->beginWrite();
    insertTurtle(*next, ":m schema:name \"Épicerie vrac\" ; geo:asWKT \"POINT(6 44)\"^^geo:wktLiteral .");
    next->commit();
    _exit(0);
  }
  int status = 0;
  waitpid(child, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status));
  store_ = rdf::Store::open(dir_.path());
  {
    auto txn = store_->beginRead();
    auto text = rdf::text::TextIndex::open(dir_.path(), false,
                                           rdf::text::TextConfig::forStore(dir_.path().string()));
    EXPECT_FALSE(text->check(*txn).empty());  // behind by the second commit
  }
  indexes_ = sparql::ext::SearchIndexes::open(*store_);
  auto txn = store_->beginRead();
  EXPECT_TRUE(indexes_->check(*txn).empty());
  EXPECT_EQ(select("SELECT ?s WHERE { ?s text:query \"epicerie\" }"),
            std::vector<std::string>{"s=<http://example.org/m>"});
  EXPECT_EQ(indexes_->geo().withinRadius({6, 44}, 10).size(), 1u);
}

}  // namespace
}  // namespace bdis::search::testing
