// SPARQL 1.1 Update execution: data operations, DELETE/INSERT WHERE with WITH
// and USING, graph management, LOAD of file: IRIs.
#include <gtest/gtest.h>

#include <fstream>

#include "rdf/error.h"
#include "rdf/store.h"
#include "sparql/update.h"
#include "tests/support/shared_path.h"

namespace bdis::sparql {
namespace {

class Update : public ::testing::Test {
 protected:
  Update() : store_(rdf::Store::open(dir_.path() / "store")) {}
  UpdateStats update(const std::string& text) {
    auto txn = store_->beginWrite();
    UpdateRequest req;
    req.text = "PREFIX : <http://example.org/>\n" + text;
    auto st = executeUpdate(*txn, req);
    txn->commit();
    return st;
  }
  uint64_t count(const std::string& graph = "") {
    auto r = store_->beginRead();
    rdf::TermId g = rdf::kDefaultGraph;
    if (!graph.empty()) {
      auto id = r->lookup(rdf::Term::iri(graph).view());
      if (!id) return 0;
      g = *id;
    }
    return r->count(rdf::QuadPattern{rdf::kAny, rdf::kAny, rdf::kAny, g});
  }

  test::TempDir dir_;
  std::unique_ptr<rdf::Store> store_;
};

TEST_F(Update, DataAndWhere) {
  auto st = update("INSERT DATA { :a :p 1 . :b :p 2 . GRAPH :g { :a :q 3 } }");
  EXPECT_EQ(st.inserted, 3u);
  EXPECT_EQ(count(), 2u);
  EXPECT_EQ(count("http://example.org/g"), 1u);
  update("DELETE { ?s :p ?o } INSERT { ?s :r ?o } WHERE { ?s :p ?o FILTER(?o > 1) }");
  EXPECT_EQ(count(), 2u);
  update("DELETE WHERE { ?s :r ?o }");
  EXPECT_EQ(count(), 1u);
  update("WITH :g INSERT { ?s :copied ?o } WHERE { ?s :q ?o }");
  EXPECT_EQ(count("http://example.org/g"), 2u);
  update("DELETE DATA { :a :p 1 }");
  EXPECT_EQ(count(), 0u);
}

TEST_F(Update, GraphManagement) {
  update("INSERT DATA { GRAPH :g1 { :a :p 1 } GRAPH :g2 { :b :p 2 } :c :p 3 }");
  update("COPY :g1 TO :g3");
  EXPECT_EQ(count("http://example.org/g3"), 1u);
  update("MOVE :g2 TO DEFAULT");
  EXPECT_EQ(count("http://example.org/g2"), 0u);
  EXPECT_EQ(count(), 1u);  // MOVE replaces the destination's content
  update("ADD :g1 TO DEFAULT");
  EXPECT_EQ(count(), 2u);
  EXPECT_THROW(update("CREATE GRAPH :g1"), ExecutionError);
  update("CREATE SILENT GRAPH :g1");
  update("DROP NAMED");
  EXPECT_EQ(count("http://example.org/g1"), 0u);
  update("CLEAR ALL");
  EXPECT_EQ(count(), 0u);
}

TEST_F(Update, LoadFileIri) {
  auto file = dir_.path() / "data.ttl";
  std::ofstream(file) << "@prefix : <http://example.org/> . :x :p :y , :z .\n";
  auto st = update("LOAD <file://" + file.string() + "> INTO GRAPH :loaded");
  EXPECT_EQ(st.inserted, 2u);
  EXPECT_EQ(count("http://example.org/loaded"), 2u);
  EXPECT_THROW(update("LOAD <http://remote.example/data.ttl>"), ExecutionError);
  update("LOAD SILENT <http://remote.example/data.ttl>");
}

}  // namespace
}  // namespace bdis::sparql
