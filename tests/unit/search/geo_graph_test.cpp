// The geo rewrite over named graphs and query datasets, through sparql::executeQuery:
// random points spread over several graphs (some literals in more than one), each
// query compared with the same query run without indexes (the plain scan).
#include <gtest/gtest.h>

#include <cstdio>
#include <random>

#include "tests/unit/search/engine_fixture.h"

namespace bdis::search::testing {
namespace {

std::string wkt(double lon, double lat) { return wktPoint(lon, lat, 6); }

class GeoGraphs : public EngineFixture {
 protected:
  void SetUp() override {
    std::mt19937_64 rng(2026);
    std::uniform_real_distribution<double> lon(4.0, 7.0), lat(42.5, 45.0);
    std::string ttl;
    // :g0 .. :g3 with 100 points each, :g4 with 3 far points, 40 in the default graph.
    std::vector<std::string> shared;
    for (int g = 0; g < 4; ++g) {
      ttl += ":g" + std::to_string(g) + " {\n";
      for (int i = 0; i < 100; ++i) {
        std::string w = wkt(lon(rng), lat(rng));
        ttl += ":f" + std::to_string(g) + "_" + std::to_string(i) + " geo:asWKT " + w + " .\n";
        if (i % 10 == 0) shared.push_back(w);
      }
      // Literals of other graphs again: by another feature, and by the same one.
      for (size_t j = 0; j < shared.size(); j += 3)
        ttl += ":s" + std::to_string(j) + " geo:asWKT " + shared[j] + " .\n";
      ttl += "}\n";
    }
    ttl += ":g4 { :far1 geo:asWKT " + wkt(-70.1, -30.2) + " . :far2 geo:asWKT " +
           wkt(120.5, 10.5) + " . :far3 geo:asWKT " + wkt(5.30, 43.25) + " }\n";
    for (int i = 0; i < 40; ++i)
      ttl += ":d" + std::to_string(i) + " geo:asWKT " + wkt(lon(rng), lat(rng)) + " .\n";
    load(ttl);
    sparql::ext::setActiveIndexes(indexes_);
  }
  /// Runs `q` with and without the indexes; expects equal rows (in order when
  /// `ordered`) and the rewrite `note` in EXPLAIN (none when empty).
  void same(const std::string& q, const std::string& note, bool ordered,
            const std::optional<sparql::Dataset>& dataset = {}, size_t expectRows = 0) {
    auto [indexed, scanned, explain] = bothWays(q, ordered, dataset);
    EXPECT_EQ(indexed, scanned) << q;
    if (expectRows) {
      EXPECT_EQ(indexed.size(), expectRows) << q;
    }
    if (note.empty()) {
      EXPECT_EQ(explain.find("rewrite: geo"), std::string::npos) << q << "\n" << explain;
    } else {
      EXPECT_NE(explain.find("rewrite: " + note), std::string::npos) << q << "\n" << explain;
    }
  }
};

std::string centre(std::mt19937_64& rng) {
  std::uniform_real_distribution<double> lon(4.0, 7.0), lat(42.5, 45.0);
  return wkt(lon(rng), lat(rng));
}

std::string nearestOrder(const std::string& c) {
  return " ORDER BY geof:distance(?w, " + c + ", uom:metre) ?g ?x";
}

TEST_F(GeoGraphs, RadiusAndWithinInGraphs) {
  std::mt19937_64 rng(5);
  std::uniform_real_distribution<double> km(5, 60);
  for (int round = 0; round < 6; ++round) {
    char d[32];
    std::snprintf(d, sizeof d, "%.3f", km(rng));
    std::string f = "FILTER(geof:distance(?w, " + centre(rng) + ", uom:kilometre) < " + d + ")";
    same("SELECT ?g ?x WHERE { GRAPH ?g { ?x geo:asWKT ?w } " + f + " }", "geo filter", false);
    same("SELECT ?x WHERE { GRAPH :g1 { ?x geo:asWKT ?w " + f + " } }", "geo filter", false);
    same("SELECT ?x FROM :g0 FROM :g2 WHERE { ?x geo:asWKT ?w " + f + " }", "geo filter", false);
    same("SELECT ?x WHERE { ?x geo:asWKT ?w " + f + " }", "geo filter", false,
         sparql::Dataset{{"http://example.org/g3", "http://example.org/g1"}, {}});
  }
  std::string poly =
      "FILTER(geof:sfWithin(?w, \"POLYGON((5 43, 6 43, 6.5 44, 5 44, 5 43))\"^^geo:wktLiteral))";
  same("SELECT ?g ?x WHERE { GRAPH ?g { ?x geo:asWKT ?w " + poly + " } }", "geo filter", false);
  same("SELECT ?x WHERE { GRAPH :g2 { ?x geo:asWKT ?w } " + poly + " }", "geo filter", false);
  same("SELECT ?x FROM :g1 WHERE { ?x geo:asWKT ?w " + poly + " }", "geo filter", false);
  same("SELECT ?g ?x WHERE { GRAPH ?g { ?x geo:asWKT ?w " + poly + " } }", "geo filter", false,
       sparql::Dataset{{}, {"http://example.org/g0", "http://example.org/g3"}});
}

TEST_F(GeoGraphs, NearestKInGraphsIsExact) {
  std::mt19937_64 rng(9);
  for (int k : {1, 4, 13, 40}) {
    std::string c = centre(rng), lim = " LIMIT " + std::to_string(k);
    size_t n = static_cast<size_t>(k);
    same("SELECT ?g ?x ?w WHERE { GRAPH ?g { ?x geo:asWKT ?w } }" + nearestOrder(c) + lim,
         "geo nearest", true, {}, n);
    same("SELECT ?x ?w WHERE { GRAPH :g2 { ?x geo:asWKT ?w } }" + nearestOrder(c) + lim,
         "geo nearest", true, {}, n);
    same("SELECT ?x ?w FROM :g1 FROM :g3 WHERE { ?x geo:asWKT ?w }" + nearestOrder(c) + lim,
         "geo nearest", true, {}, n);
    same("SELECT ?x ?w WHERE { ?x geo:asWKT ?w }" + nearestOrder(c) + lim, "geo nearest", true,
         {}, n);
    same("SELECT ?g ?x WHERE { GRAPH ?g { ?x geo:asWKT ?w } }" + nearestOrder(c) + lim +
             " OFFSET 3",
         "geo nearest", true, {}, n);
    // The protocol dataset: default graph merged from two graphs, named graphs restricted.
    sparql::Dataset ds{{"http://example.org/g0", "http://example.org/g2"},
                       {"http://example.org/g3", "http://example.org/g4"}};
    same("SELECT ?x ?w WHERE { ?x geo:asWKT ?w }" + nearestOrder(c) + lim, "geo nearest", true,
         ds, n);
    same("SELECT ?g ?x WHERE { GRAPH ?g { ?x geo:asWKT ?w } }" + nearestOrder(c) + lim,
         "geo nearest", true, ds, n);
    same("SELECT ?x FROM NAMED :g1 WHERE { GRAPH :g1 { ?x geo:asWKT ?w } }" + nearestOrder(c) +
             lim,
         "geo nearest", true, {}, n);
  }
}

TEST_F(GeoGraphs, NearestKWithFewerInScopeOrOutsideTheDataset) {
  std::string c = wkt(5.3, 43.3);
  // :g4 holds 3 geometries, two far away: all are answers.
  same("SELECT ?x WHERE { GRAPH :g4 { ?x geo:asWKT ?w } }" + nearestOrder(c) + " LIMIT 10",
       "geo nearest", true, {}, 3);
  same("SELECT ?x FROM :g4 WHERE { ?x geo:asWKT ?w }" + nearestOrder(c) + " LIMIT 2",
       "geo nearest", true, {}, 2);
  // A graph outside the dataset, or unknown: no solution, no rewrite.
  same("SELECT ?x FROM NAMED :g1 WHERE { GRAPH :g2 { ?x geo:asWKT ?w } }" + nearestOrder(c) +
           " LIMIT 3",
       "", true);
  same("SELECT ?x WHERE { GRAPH :nothing { ?x geo:asWKT ?w } }" + nearestOrder(c) + " LIMIT 3",
       "", true);
  // An empty default graph (FROM NAMED only).
  same("SELECT ?x FROM NAMED :g1 WHERE { ?x geo:asWKT ?w }" + nearestOrder(c) + " LIMIT 3",
       "geo nearest", true);
  // Bound subject: other features' geometries cannot bound the answer.
  same("SELECT ?w WHERE { GRAPH ?g { :far1 geo:asWKT ?w } }" + nearestOrder(c) + " LIMIT 1", "",
       true, {}, 1);
}

}  // namespace
}  // namespace bdis::search::testing
