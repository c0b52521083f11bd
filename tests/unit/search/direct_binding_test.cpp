// Rewrites that drop the pattern an index stands for exactly (a store with only its
// default graph, read as such): same answers as the scan, and the plain join once a
// named graph exists.
#include <gtest/gtest.h>

#include <cstdio>
#include <random>

#include "tests/unit/search/search_fixture.h"

namespace bdis::search::testing {
namespace {

std::string point(double lon, double lat) { return wktPoint(lon, lat, 5); }

bool noted(const std::vector<std::string>& notes, const std::string& what) {
  for (const auto& n : notes)
    if (n.find(what) != std::string::npos) return true;
  return false;
}

class DirectBinding : public SearchFixture {
 protected:
  void SetUp() override {
    std::mt19937_64 rng(77);
    std::uniform_real_distribution<double> lon(4.5, 6.5), lat(42.8, 44.2);
    std::string ttl;
    for (int i = 0; i < 300; ++i) {
      ttl += ":f" + std::to_string(i) + " geo:asWKT " + point(lon(rng), lat(rng)) +
             " ; schema:name \"Atelier " + (i % 3 ? "vélo" : "couture") + " " + std::to_string(i) +
             "\" .\n";
      if (i % 50 == 0) ttl += ":f" + std::to_string(i) + " geo:asWKT \"POINT(5.5 43.5)\" .\n";
    }
    ttl += ":bad geo:asWKT \"POINT(5.5\"^^geo:wktLiteral .\n";
    ttl += ":twice geo:asWKT " + point(5.5, 43.5) + ", " + point(5.51, 43.51) + " .\n";
    load(ttl);
  }
  void expectSame(const std::string& q, const std::string& note, bool direct) {
    std::vector<std::string> notes;
    auto indexed = select(q, true, false, &notes);
    auto scanned = select(q, false);
    EXPECT_EQ(indexed, scanned) << q;
    EXPECT_TRUE(noted(notes, note)) << q;
    EXPECT_EQ(noted(notes, direct ? "bound with" : "xx"), direct) << q;
  }
  void checkAll(bool direct) {
    std::mt19937_64 rng(5);
    std::uniform_real_distribution<double> lon(4.5, 6.5), lat(42.8, 44.2), km(5, 50);
    for (int round = 0; round < 5; ++round) {
      char d[32];
      std::snprintf(d, sizeof d, "%.2f", km(rng));
      std::string f = "FILTER(geof:distance(?w, " + point(lon(rng), lat(rng)) +
                      ", uom:kilometre) < " + d + ")";
      expectSame("SELECT ?x ?w WHERE { ?x geo:asWKT ?w " + f + " }", "geo filter", direct);
      expectSame("SELECT ?x ?n WHERE { ?x geo:asWKT ?w ; schema:name ?n " + f + " }",
                 "geo filter", direct);
    }
    expectSame("SELECT ?x WHERE { ?x geo:asWKT ?w FILTER(geof:sfWithin(?w, \"POLYGON((5 43, 6 "
               "43, 6 44, 5 44, 5 43))\"^^geo:wktLiteral)) }",
               "geo filter", direct);
    // Under GRAPH the default graph's triples are not read: never direct.
    expectSame("SELECT ?g ?x WHERE { GRAPH ?g { ?x geo:asWKT ?w FILTER(geof:distance(?w, " +
                   point(5.5, 43.5) + ", uom:kilometre) < 30) } }",
               "geo filter", false);
  }
};

TEST_F(DirectBinding, GeoFiltersInADefaultGraphStore) { checkAll(true); }

TEST_F(DirectBinding, NotOnceTheStoreHasANamedGraph) {
  add(":g { :f1 geo:asWKT " + point(5.4, 43.4) + " . :other geo:asWKT " + point(5.5, 43.5) +
      " }");
  checkAll(false);
}

TEST_F(DirectBinding, VirtuosoContainsBindsTheSubject) {
  std::vector<std::string> notes;
  auto rows = select("SELECT ?s ?n WHERE { ?s schema:name ?n . ?n bif:contains \"'velo'\" }",
                     true, false, &notes);
  EXPECT_TRUE(noted(notes, "(subject, literal) pair(s) of ?s"));
  EXPECT_EQ(rows.size(), 200u);
  auto scan = select(
      "SELECT ?s ?n WHERE { ?s schema:name ?n FILTER(CONTAINS(LCASE(?n), \"vélo\")) }", false);
  EXPECT_EQ(rows, scan);
  // A named graph: the literal Table joins the pattern again, same answers.
  add(":g { :z schema:name \"Vélo en ville\" }");
  rows = select("SELECT ?s ?n WHERE { ?s schema:name ?n . ?n bif:contains \"'velo'\" }", true,
                false, &notes);
  EXPECT_FALSE(noted(notes, "pair(s)"));
  scan = select(
      "SELECT ?s ?n WHERE { ?s schema:name ?n FILTER(CONTAINS(LCASE(?n), \"vélo\")) }", false);
  EXPECT_EQ(rows, scan);
  EXPECT_EQ(rows.size(), 200u);  // :z is in :g, not in the default graph
}

}  // namespace
}  // namespace bdis::search::testing
