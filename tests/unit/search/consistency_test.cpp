// The text index kept in step with the store: writes after commit, recovery when a
// writer dies between the store's commit and the index's (simulated, and a real
// killed child process), check() and rebuild.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tests/unit/search/search_fixture.h"

namespace bdis::search::testing {
namespace {

class Consistency : public SearchFixture {
 protected:
  void SetUp() override {
    load(":a schema:name \"Recyclerie des Alpes\" .\n:b schema:name \"Épicerie solidaire\" .");
  }
  std::vector<std::string> find(const std::string& q) {
    return select("SELECT ?s WHERE { ?s text:query \"" + q + "\" }");
  }
  /// Writes the store only, as a writer killed before updating the index would.
  void writeStoreOnly(const std::string& insert, const std::string& eraseSubject) {
    auto txn = store_->beginWrite();
    insertTurtle(*txn, insert);
    auto s = txn->lookup(rdf::Term::iri("http://example.org/" + eraseSubject).view());
    std::vector<rdf::QuadIds> gone;
    rdf::QuadIds q;
    auto cur = txn->scan(rdf::QuadPattern{*s, rdf::kAny, rdf::kAny, rdf::kAny});
    while (cur.next(q)) gone.push_back(q);
    txn->eraseBatch(gone);
    txn->commit();
  }
  std::vector<std::string> problems() {
    auto txn = store_->beginRead();
    return indexes_->check(*txn);
  }
};

TEST_F(Consistency, FreshIndexAgrees) {
  EXPECT_TRUE(problems().empty());
  EXPECT_EQ(indexes_->text().documentCount(), 2u);
}

TEST_F(Consistency, CheckSeesAStoreWrittenBehindItsBack) {
  writeStoreOnly(":c schema:name \"Atelier vélo\" .", "a");
  auto p = problems();
  // The generation moved on; one literal missing, one document stale.
  ASSERT_EQ(p.size(), 3u);
  EXPECT_NE(p[0].find("mark 'g"), std::string::npos);
  EXPECT_NE(p[1].find("1 indexed literal"), std::string::npos);
  EXPECT_NE(p[2].find("1 document"), std::string::npos);
}

TEST_F(Consistency, ReopenRecoversAfterASimulatedCrash) {
  writeStoreOnly(":c schema:name \"Atelier vélo\" .", "a");
  indexes_.reset();
  indexes_ = sparql::ext::SearchIndexes::open(*store_);
  EXPECT_TRUE(problems().empty());
  EXPECT_EQ(find("velo"), std::vector<std::string>{"s=<http://example.org/c>"});
  EXPECT_TRUE(find("recyclerie").empty());
}

TEST_F(Consistency, ReopenRecoversAfterAKilledWriter) {
  indexes_.reset();
  store_.reset();
  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    // The child: opens store and indexes, commits to the store, dies before the index.
    auto store = rdf::Store::open(dir_.path());
    auto indexes = sparql::ext::SearchIndexes::open(*store);
    auto txn = store->beginWrite();
    insertTurtle(*txn, ":k schema:name \"Jardin partagé\" .");
    txn->commit();
    raise(SIGKILL);
    _exit(0);
  }
  int status = 0;
  waitpid(child, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status));
  store_ = rdf::Store::open(dir_.path());
  indexes_ = sparql::ext::SearchIndexes::open(*store_);
  EXPECT_TRUE(problems().empty());
  EXPECT_EQ(find("jardin partage"), std::vector<std::string>{"s=<http://example.org/k>"});
}

TEST_F(Consistency, EveryCommitBumpsTheGenerationAndAnOlderSnapshotLeavesTheIndexAlone) {
  auto before = store_->beginRead();
  uint64_t g = before->generation();
  EXPECT_GT(g, 0u);
  add(":c schema:name \"Atelier vélo\" .");
  auto after = store_->beginRead();
  EXPECT_EQ(after->generation(), g + 1);
  EXPECT_EQ(indexes_->text().recordedMark(), "g" + std::to_string(g + 1));
  indexes_->sync(*before);  // a query on the older snapshot
  EXPECT_EQ(indexes_->text().recordedMark(), "g" + std::to_string(g + 1));
  EXPECT_EQ(find("velo"), std::vector<std::string>{"s=<http://example.org/c>"});
}

TEST_F(Consistency, FollowingCommitsKeepsTheIndexInStepAtCommit) {
  sparql::ext::followCommits(*store_, indexes_);
  {
    auto txn = store_->beginWrite();
    insertTurtle(*txn, ":e schema:name \"Tiers-lieu des Chartreux\" .");
    txn->commit();
  }
  auto txn = store_->beginRead();
  EXPECT_EQ(indexes_->text().recordedMark(), "g" + std::to_string(txn->generation()));
  EXPECT_TRUE(indexes_->check(*txn).empty());
  indexes_.reset();  // held weakly: later commits just go on
  auto w = store_->beginWrite();
  insertTurtle(*w, ":f schema:name \"Friperie\" .");
  w->commit();
  store_->setCommitCallback({});
}

TEST_F(Consistency, AfterCommitKeepsStepAndRebuildStartsOver) {
  add(":d schema:name \"Café associatif\" ; schema:description \"café, concerts\" .");
  EXPECT_TRUE(problems().empty());
  EXPECT_EQ(find("cafe"), std::vector<std::string>{"s=<http://example.org/d>"});
  auto txn = store_->beginRead();
  EXPECT_EQ(indexes_->text().rebuild(*txn), 4u);
  EXPECT_TRUE(indexes_->check(*txn).empty());
  EXPECT_EQ(find("concert"), std::vector<std::string>{"s=<http://example.org/d>"});
}

TEST_F(Consistency, ATripleInTwoGraphsStaysUntilBothGo) {
  auto txn = store_->beginWrite();
  auto s = txn->intern(rdf::Term::iri("http://example.org/a").view());
  auto p = txn->intern(rdf::Term::iri("http://schema.org/name").view());
  auto o = txn->intern(rdf::Term::literal("Recyclerie des Alpes").view());
  auto g = txn->intern(rdf::Term::iri("http://example.org/g").view());
  txn->insert({s, p, o, g});
  txn->erase({s, p, o, rdf::kDefaultGraph});
  txn->commit();
  auto read = store_->beginRead();
  std::vector<rdf::QuadIds> touched{{s, p, o, g}, {s, p, o, rdf::kDefaultGraph}};
  indexes_->afterCommit(*read, touched);
  EXPECT_EQ(find("recyclerie"), std::vector<std::string>{"s=<http://example.org/a>"});
  EXPECT_TRUE(indexes_->check(*read).empty());
}

}  // namespace
}  // namespace bdis::search::testing
