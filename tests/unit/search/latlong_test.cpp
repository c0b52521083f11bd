// The wgs84 lat/long rewrite through sparql::executeQuery: random pairs spread over
// graphs (some split across two, some with two values or unusual lexical forms),
// each query compared with the same query run without indexes (the plain scan).
#include <gtest/gtest.h>

#include <cstdio>
#include <random>

#include "tests/unit/search/engine_fixture.h"

namespace bdis::search::testing {
namespace {

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "\"%.5f\"^^xsd:decimal", v);
  return buf;
}

std::string point(double lon, double lat) { return wktPoint(lon, lat, 4); }

const char* const kPairWkt =
    "STRDT(CONCAT(\"POINT(\", STR(?lo), \" \", STR(?la), \")\"), geo:wktLiteral)";

class LatLong : public EngineFixture {
 protected:
  void SetUp() override {
    std::mt19937_64 rng(4242);
    std::uniform_real_distribution<double> lon(4.0, 7.0), lat(42.5, 45.0);
    std::string ttl = "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n";
    for (int g = 0; g < 3; ++g) {
      ttl += ":g" + std::to_string(g) + " {\n";
      for (int i = 0; i < 80; ++i)
        ttl += ":p" + std::to_string(g) + "_" + std::to_string(i) + " wgs:lat " + num(lat(rng)) +
               " ; wgs:long " + num(lon(rng)) + " .\n";
      // The same pairs again in this graph (a subject in several graphs).
      for (int i = 0; i < 80; i += 7)
        ttl += ":d" + std::to_string(i) + " wgs:lat " + num(43.0 + i * 0.01) + " ; wgs:long " +
               num(5.0 + i * 0.01) + " .\n";
      ttl += "}\n";
    }
    for (int i = 0; i < 80; ++i)
      ttl += ":d" + std::to_string(i) + " wgs:lat " + num(43.0 + i * 0.01) + " ; wgs:long " +
             num(5.0 + i * 0.01) + " .\n";
    // Irregular pairs: split over two graphs, two values, odd lexical forms, strings.
    ttl += ":g0 { :split wgs:lat " + num(43.3) + " }\n:g1 { :split wgs:long " + num(5.4) + " }\n";
    ttl += ":two wgs:lat " + num(43.31) + ", " + num(44.9) + " ; wgs:long " + num(5.41) + " .\n";
    ttl += ":expo wgs:lat \"4.33e1\"^^xsd:double ; wgs:long \"5.38e0\"^^xsd:double .\n";
    ttl += ":plus wgs:lat \"+43.29\"^^xsd:decimal ; wgs:long \"5.36\"^^xsd:decimal .\n";
    ttl += ":text wgs:lat \"43.3\" ; wgs:long \"5.37\" .\n";
    ttl += ":iri wgs:lat :somewhere ; wgs:long \"5.37\" .\n";
    ttl += ":nolong wgs:lat " + num(43.3) + " .\n";
    ttl += ":both wgs:lat " + num(43.2) + " ; wgs:long " + num(5.2) + " ; geo:asWKT " +
           point(5.2, 43.2) + " .\n";
    load(ttl);
  }
  /// Runs `q` with and without the indexes; expects equal rows (in order when
  /// `ordered`), at least `minRows` of them, and the rewrite `note` in EXPLAIN.
  void same(const std::string& q, const std::string& note, bool ordered,
            const std::optional<sparql::Dataset>& dataset = {}, size_t minRows = 0) {
    auto [indexed, scanned, explain] = bothWays(q, ordered, dataset);
    EXPECT_EQ(indexed, scanned) << q;
    EXPECT_GE(indexed.size(), minRows) << q;
    if (note.empty()) {
      EXPECT_EQ(explain.find("wgs84 pair"), std::string::npos) << q << "\n" << explain;
    } else {
      EXPECT_NE(explain.find("rewrite: " + note), std::string::npos) << q << "\n" << explain;
    }
  }
};

TEST_F(LatLong, BoxFiltersOnTheNumbers) {
  std::mt19937_64 rng(3);
  std::uniform_real_distribution<double> lon(4.0, 6.5), lat(42.5, 44.5), size(0.05, 0.6);
  for (int round = 0; round < 8; ++round) {
    double la = lat(rng), lo = lon(rng), h = size(rng), w = size(rng);
    char f[256];
    std::snprintf(f, sizeof f, "FILTER(?la > %.4f && ?la < %.4f && %.4f <= ?lo && ?lo <= %.4f)", la,
                  la + h, lo, lo + w);
    std::string box = f;
    same("SELECT ?s ?la ?lo WHERE { ?s wgs:lat ?la ; wgs:long ?lo " + box + " }",
         "geo filter on the wgs84 pair", false);
    same("SELECT ?g ?s WHERE { GRAPH ?g { ?s wgs:lat ?la ; wgs:long ?lo } " + box + " }",
         "geo filter on the wgs84 pair", false);
    same("SELECT ?s FROM :g0 FROM :g1 WHERE { ?s wgs:lat ?la . ?s wgs:long ?lo " + box + " }",
         "geo filter on the wgs84 pair", false);
    same("SELECT ?s ?n WHERE { ?s wgs:lat ?la ; wgs:long ?lo OPTIONAL { ?s :name ?n } " + box +
             " }",
         "geo filter on the wgs84 pair", false);
  }
  // A band (latitude only), the irregular subjects among the answers.
  same("SELECT ?s WHERE { ?s wgs:lat ?la ; wgs:long ?lo FILTER(?la >= 43.28 && ?la <= 43.32) }",
       "geo filter on the wgs84 pair", false, {}, 3);
  // Bounds on a variable that is not the pair's: no rewrite.
  same("SELECT ?s WHERE { ?s wgs:lat ?la ; :other ?lo FILTER(?la > 43 && ?lo < 5) }", "", false);
}

TEST_F(LatLong, DistanceAndWithinOnThePairsWkt) {
  std::mt19937_64 rng(8);
  std::uniform_real_distribution<double> lon(4.0, 7.0), lat(42.5, 45.0), km(3, 60);
  for (int round = 0; round < 6; ++round) {
    std::string c = point(lon(rng), lat(rng));
    char d[32];
    std::snprintf(d, sizeof d, "%.3f", km(rng));
    std::string direct =
        "FILTER(geof:distance(" + std::string(kPairWkt) + ", " + c + ", uom:kilometre) < " + d + ")";
    same("SELECT ?s ?la ?lo WHERE { ?s wgs:lat ?la ; wgs:long ?lo " + direct + " }",
         "geo filter on the wgs84 pair", false);
    same("SELECT ?g ?s WHERE { GRAPH ?g { ?s wgs:lat ?la ; wgs:long ?lo } " + direct + " }",
         "geo filter on the wgs84 pair", false);
    std::string viaBind = "BIND(" + std::string(kPairWkt) + " AS ?w) FILTER(" + d +
                          " > geof:distance(" + c + ", ?w, uom:kilometre))";
    same("SELECT ?s ?w WHERE { ?s wgs:lat ?la ; wgs:long ?lo " + viaBind + " }",
         "geo filter on the wgs84 pair", false);
  }
  same("SELECT ?s WHERE { ?s wgs:lat ?la ; wgs:long ?lo FILTER(geof:sfWithin(" +
           std::string(kPairWkt) +
           ", \"POLYGON((5 43, 6 43, 6.5 44, 5 44, 5 43))\"^^geo:wktLiteral)) }",
       "geo filter on the wgs84 pair", false, {}, 10);
  // Latitude first in the WKT is another point: no rewrite.
  same("SELECT ?s WHERE { ?s wgs:lat ?la ; wgs:long ?lo FILTER(geof:distance(STRDT(CONCAT("
       "\"POINT(\", STR(?la), \" \", STR(?lo), \")\"), geo:wktLiteral), " +
           point(5.3, 43.3) + ", uom:kilometre) < 20) }",
       "", false);
}

TEST_F(LatLong, NearestKIsExact) {
  std::mt19937_64 rng(12);
  std::uniform_real_distribution<double> lon(4.0, 7.0), lat(42.5, 45.0);
  for (int k : {1, 5, 17, 60}) {
    std::string c = point(lon(rng), lat(rng));
    std::string order = " ORDER BY geof:distance(" + std::string(kPairWkt) + ", " + c +
                        ", uom:metre) ?s ?la ?lo LIMIT " + std::to_string(k);
    size_t n = static_cast<size_t>(k);
    const std::string note = "geo nearest " + std::to_string(k) + " on the wgs84 pair";
    same("SELECT ?s ?la ?lo WHERE { ?s wgs:lat ?la ; wgs:long ?lo }" + order, note, true, {}, n);
    same("SELECT ?g ?s WHERE { GRAPH ?g { ?s wgs:lat ?la ; wgs:long ?lo } }" + order, note, true,
         {}, n);
    same("SELECT ?s WHERE { GRAPH :g1 { ?s wgs:lat ?la ; wgs:long ?lo } }" + order, note, true, {},
         n);
    same("SELECT ?s FROM :g0 FROM :g1 WHERE { ?s wgs:lat ?la ; wgs:long ?lo }" + order, note, true,
         {}, n);
    same("SELECT ?s ?d WHERE { ?s wgs:lat ?la ; wgs:long ?lo BIND(" + std::string(kPairWkt) +
             " AS ?w) BIND(geof:distance(?w, " + c + ", uom:metre) AS ?d) } ORDER BY "
             "geof:distance(?w, " + c + ", uom:metre) ?s ?la ?lo LIMIT " + std::to_string(k),
         note, true, {}, n);
    sparql::Dataset ds{{"http://example.org/g2"}, {"http://example.org/g0"}};
    same("SELECT ?s WHERE { ?s wgs:lat ?la ; wgs:long ?lo }" + order, note, true, ds, n);
    same("SELECT ?g ?s WHERE { GRAPH ?g { ?s wgs:lat ?la ; wgs:long ?lo } }" + order, note, true,
         ds, n);
  }
  // Another pattern in the group could drop candidates: no rewrite.
  same("SELECT ?s WHERE { ?s wgs:lat ?la ; wgs:long ?lo ; :name ?n } ORDER BY geof:distance(" +
           std::string(kPairWkt) + ", " + point(5, 43) + ", uom:metre) LIMIT 3",
       "", true);
}

TEST_F(LatLong, WritesReachThePairIndex) {
  sparql::ext::followCommits(*store_, indexes_);
  {
    auto txn = store_->beginWrite();
    insertTurtle(*txn,
                 "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
                 ":new wgs:lat \"43.2965\"^^xsd:decimal ; wgs:long \"5.3698\"^^xsd:decimal .\n"
                 ":g0 { :p0_1 wgs:lat \"50.1\"^^xsd:decimal }");  // irregular: two latitudes
    txn->commit();
  }
  same("SELECT ?s ?la WHERE { ?s wgs:lat ?la ; wgs:long ?lo FILTER(?la > 43.29 && ?la < 43.30 "
       "&& ?lo > 5.36 && ?lo < 5.37) }",
       "geo filter on the wgs84 pair", false, {}, 1);
  same("SELECT ?s WHERE { GRAPH ?g { ?s wgs:lat ?la ; wgs:long ?lo } FILTER(?la > 50) }",
       "geo filter on the wgs84 pair", false, {}, 1);
  store_->setWriteObserver(nullptr);
}

}  // namespace
}  // namespace bdis::search::testing
