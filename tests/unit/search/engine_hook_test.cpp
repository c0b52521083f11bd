// The search rewrite and the GeoSPARQL functions through sparql::executeQuery (the
// engine's hook), with the indexes attached as the server and the CLI attach them.
#include <gtest/gtest.h>

#include "rdf/error.h"
#include "tests/unit/search/engine_fixture.h"

namespace bdis::search::testing {
namespace {

class EngineHook : public EngineFixture {
 protected:
  void SetUp() override {
    load(R"ttl(
:a schema:name "Coopérative du Vélo" ; geo:asWKT "POINT(5.37 43.30)"^^geo:wktLiteral .
:b schema:name "Vélo-école" ; geo:asWKT "POINT(2.35 48.85)"^^geo:wktLiteral .
:c schema:name "Garage solidaire" ; geo:asWKT "POINT(5.40 43.31)"^^geo:wktLiteral .
)ttl");
    sparql::ext::setActiveIndexes(indexes_);
  }
  NTriplesRows run(const std::string& q, std::string* explain = nullptr) {
    auto rows = execute(q, {}, explain);
    std::sort(rows.rows.begin(), rows.rows.end());
    return rows;
  }
};

TEST_F(EngineHook, TextAndGeoTogetherWithExplain) {
  std::string explain;
  auto r =
      run("SELECT ?s WHERE { ?s text:query \"velo\" ; geo:asWKT ?w "
          "FILTER(geof:distance(?w, \"POINT(5.38 43.30)\"^^geo:wktLiteral, uom:kilometre) < 50) }",
          &explain);
  EXPECT_EQ(r.rows, std::vector<std::string>{"<http://example.org/a>"});
  EXPECT_NE(explain.find("text:query"), std::string::npos) << explain;
  EXPECT_NE(explain.find("geo filter"), std::string::npos) << explain;
}

TEST_F(EngineHook, FunctionsAndErrors) {
  auto r =
      run("SELECT (geof:distance(\"POINT(0 0)\"^^geo:wktLiteral, \"POINT(0 1)\"^^geo:wktLiteral, "
          "uom:kilometre) AS ?d) (BOUND(?x) AS ?b) WHERE { "
          "BIND(geof:envelope(\"oops\"^^geo:wktLiteral) AS ?x) }");
  ASSERT_EQ(r.rows.size(), 1u);
  EXPECT_EQ(r.rows[0].substr(0, 5), "\"111.");
  EXPECT_NE(r.rows[0].find("\"false\""), std::string::npos);
  EXPECT_THROW(run("SELECT ?s WHERE { ?s text:query \"(velo\" }"), SyntaxError);
}

TEST_F(EngineHook, AWriteNobodyReportedIsSeenByTheNextQuery) {
  {
    auto txn = store_->beginWrite();
    insertTurtle(*txn, ":d schema:name \"Recyclerie du Panier\" .");
    txn->commit();  // as /update or another process would: the indexes are not told
  }
  EXPECT_EQ(run("SELECT ?s WHERE { ?s text:query \"recyclerie\" }").rows,
            std::vector<std::string>{"<http://example.org/d>"});
  auto txn = store_->beginRead();
  EXPECT_TRUE(indexes_->check(*txn).empty());
}

TEST_F(EngineHook, NoIndexesIsAClearError) {
  sparql::ext::setActiveIndexes(nullptr);
  EXPECT_THROW(run("SELECT ?s WHERE { ?s text:query \"velo\" }"), ExecutionError);
  // Queries without search patterns never need them.
  EXPECT_EQ(run("SELECT ?s WHERE { ?s schema:name \"Garage solidaire\" }").rows.size(), 1u);
}

}  // namespace
}  // namespace bdis::search::testing
