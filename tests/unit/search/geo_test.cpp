// The spatial index and the GeoSPARQL functions: random points against brute
// force, filters and nearest-k through the rewrite against the plain scan, bad WKT.
#include <gtest/gtest.h>

#include <random>

#include "rdf/geo/wkt.h"
#include "sparql/ext/geof.h"
#include "tests/unit/search/search_fixture.h"

namespace bdis::search::testing {
namespace {

using rdf::geo::LonLat;

std::string wktLit(const std::string& wkt) { return "\"" + wkt + "\"^^geo:wktLiteral"; }

std::optional<rdf::Term> geof(const std::string& name, std::vector<rdf::Term> args) {
  return sparql::ext::callExtension(std::string(sparql::ext::kGeof) + name, args);
}
rdf::Term wkt(const std::string& text) {
  return rdf::Term::literal(text, "http://www.opengis.net/ont/geosparql#wktLiteral");
}
rdf::Term uom(const std::string& unit) {
  return rdf::Term::iri(std::string(sparql::ext::kUom) + unit);
}

TEST(Geof, DistancesInMetresAndKilometres) {
  // Marseille Vieux-Port to Aix-en-Provence centre: about 25.6 km.
  auto m =
      geof("distance", {wkt("POINT(5.3698 43.2965)"), wkt("POINT(5.4474 43.5297)"), uom("metre")});
  ASSERT_TRUE(m);
  EXPECT_NEAR(std::stod(m->value), 26700, 600);
  auto km = geof("distance",
                 {wkt("POINT(5.3698 43.2965)"), wkt("POINT(5.4474 43.5297)"), uom("kilometre")});
  EXPECT_NEAR(std::stod(km->value), std::stod(m->value) / 1000, 1e-6);
  // EPSG:4326 literals give latitude first.
  auto swapped =
      geof("distance", {wkt("<http://www.opengis.net/def/crs/EPSG/0/4326> POINT(43.2965 5.3698)"),
                        wkt("POINT(5.3698 43.2965)"), uom("metre")});
  EXPECT_NEAR(std::stod(swapped->value), 0, 1e-6);
}

TEST(Geof, RelationsBufferEnvelope) {
  auto square = wkt("POLYGON((0 0, 10 0, 10 10, 0 10, 0 0))");
  EXPECT_EQ(geof("sfWithin", {wkt("POINT(5 5)"), square})->value, "true");
  EXPECT_EQ(geof("sfWithin", {wkt("POINT(15 5)"), square})->value, "false");
  EXPECT_EQ(geof("sfContains", {square, wkt("POINT(5 5)")})->value, "true");
  EXPECT_EQ(geof("sfIntersects", {wkt("LINESTRING(-5 5, 5 5)"), square})->value, "true");
  EXPECT_EQ(geof("envelope", {wkt("LINESTRING(0 0, 2 3)")})->value,
            "POLYGON ((0 0, 2 0, 2 3, 0 3, 0 0))");
  auto buffer =
      geof("buffer",
           {wkt("POINT(5 45)"),
            rdf::Term::literal("1000", "http://www.w3.org/2001/XMLSchema#integer"), uom("metre")});
  ASSERT_TRUE(buffer);
  EXPECT_EQ(geof("sfWithin", {wkt("POINT(5.001 45.001)"), *buffer})->value, "true");
}

TEST(Geof, BadInputIsAnErrorValueNeverACrash) {
  for (const char* bad : {"POINT(1)", "POLYGON((0 0, 1 1))", "garbage", "", "POINT(a b)",
                          "<http://example.org/crs> POINT(1 2)", "<unclosed POINT(1 2)",
                          "LINESTRING(0 0, 1 1", "POINT(1e400 2)"}) {
    EXPECT_FALSE(geof("distance", {wkt(bad), wkt("POINT(0 0)"), uom("metre")})) << bad;
    EXPECT_FALSE(geof("sfWithin", {wkt(bad), wkt("POINT(0 0)")})) << bad;
    EXPECT_FALSE(geof("envelope", {wkt(bad)})) << bad;
  }
  EXPECT_FALSE(geof("distance", {wkt("POINT(0 0)"), wkt("POINT(1 1)"), uom("furlong")}));
  EXPECT_FALSE(geof("distance", {wkt("POINT(0 0)")}));
  EXPECT_FALSE(geof("sfWithin", {rdf::Term::iri("http://example.org/x"), wkt("POINT(0 0)")}));
  EXPECT_FALSE(sparql::ext::callExtension("http://example.org/unknown", {}));
}

class GeoSearch : public SearchFixture {
 protected:
  void SetUp() override {
    std::mt19937_64 rng(42);
    std::uniform_real_distribution<double> lon(4.0, 7.0), lat(42.5, 45.0);
    std::string ttl;
    for (int i = 0; i < 600; ++i) {
      LonLat p{lon(rng), lat(rng)};
      points_.push_back(p);
      std::string id = ":p" + std::to_string(i);
      char buf[80];
      std::snprintf(buf, sizeof buf, "POINT(%.6f %.6f)", p.lon, p.lat);
      ttl += id + " geo:asWKT " + wktLit(buf) + " ; :kind " + (i % 3 == 0 ? ":coop" : ":asso") +
             " .\n";
    }
    ttl += ":zone geo:asWKT " +
           wktLit("POLYGON((5.3 43.2, 5.5 43.2, 5.5 43.4, 5.3 43.4, 5.3 43.2))") + " .\n";
    ttl += ":broken geo:asWKT " + wktLit("POINT(nowhere)") + " .\n";
    ttl += ":w wgs:lat \"43.3\" ; wgs:long \"5.4\" .\n";
    load(ttl);
  }
  std::vector<LonLat> points_;
};

TEST_F(GeoSearch, IndexHoldsEveryValidGeometry) {
  EXPECT_EQ(indexes_->geo().size(), 602u);  // 600 points, the zone, the lat/long pair
  EXPECT_EQ(indexes_->geo().badLiterals(), 1u);
}

TEST_F(GeoSearch, RadiusMatchesBruteForce) {
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> lon(4.0, 7.0), lat(42.5, 45.0), r(1000, 60000);
  for (int round = 0; round < 40; ++round) {
    LonLat c{lon(rng), lat(rng)};
    double metres = r(rng);
    size_t expected = 0;
    for (const auto& p : points_)
      if (rdf::geo::haversineMetres(c, p) <= metres) ++expected;
    size_t got = 0;
    for (const auto& e : indexes_->geo().withinRadius(c, metres))
      if (!e.wkt.isAny() && e.box.min.lon == e.box.max.lon) ++got;
    EXPECT_EQ(got, expected) << round;
  }
}

TEST_F(GeoSearch, DistanceFilterEqualsTheScan) {
  std::mt19937_64 rng(11);
  std::uniform_real_distribution<double> lon(4.0, 7.0), lat(42.5, 45.0), r(2, 50);
  for (int round = 0; round < 8; ++round) {
    char q[400];
    std::snprintf(
        q, sizeof q,
        "SELECT ?x WHERE { ?x geo:asWKT ?w ; :kind :coop "
        "FILTER(geof:distance(?w, \"POINT(%.5f %.5f)\"^^geo:wktLiteral, uom:kilometre) %s %.3f) }",
        lon(rng), lat(rng), round % 2 ? "<" : "<=", r(rng));
    std::vector<std::string> notes;
    auto indexed = select(q, true, false, &notes);
    EXPECT_EQ(indexed, select(q, false)) << q;
    ASSERT_EQ(notes.size(), 1u);
    EXPECT_NE(notes[0].find("candidate"), std::string::npos);
  }
}

TEST_F(GeoSearch, WithinPolygonEqualsTheScan) {
  std::string q =
      "SELECT ?x WHERE { ?x geo:asWKT ?w FILTER(geof:sfWithin(?w, "
      "\"POLYGON((5 43, 6 43, 6.5 44, 5 44, 5 43))\"^^geo:wktLiteral)) }";
  auto indexed = select(q);
  EXPECT_FALSE(indexed.empty());
  EXPECT_EQ(indexed, select(q, false));
  std::string inter =
      "SELECT ?x WHERE { ?x geo:asWKT ?w FILTER(geof:sfIntersects(\"POINT(5.4 "
      "43.3)\"^^geo:wktLiteral, ?w)) }";
  EXPECT_EQ(select(inter), std::vector<std::string>{"x=<http://example.org/zone>"});
  EXPECT_EQ(select(inter), select(inter, false));
}

TEST_F(GeoSearch, NearestKEqualsTheScan) {
  for (int k : {1, 5, 17}) {
    std::string q =
        "SELECT ?x WHERE { ?x geo:asWKT ?w } ORDER BY geof:distance(?w, "
        "\"POINT(5.37 43.30)\"^^geo:wktLiteral, uom:metre) LIMIT " +
        std::to_string(k);
    std::vector<std::string> notes;
    auto indexed = select(q, true, true, &notes);
    EXPECT_EQ(indexed.size(), static_cast<size_t>(k));
    EXPECT_EQ(indexed, select(q, false, true)) << k;
    EXPECT_EQ(notes.size(), 1u);
  }
}

TEST_F(GeoSearch, NearestKInAGraphEqualsTheScan) {
  add(":g1 { :q1 geo:asWKT \"POINT(5.371 43.301)\"^^geo:wktLiteral . :p3 geo:asWKT \"POINT(5.3 "
      "43.1)\"^^geo:wktLiteral }\n"
      ":g2 { :q1 geo:asWKT \"POINT(5.371 43.301)\"^^geo:wktLiteral . :q2 geo:asWKT \"POINT(5.38 "
      "43.31)\"^^geo:wktLiteral }");
  std::string q =
      "SELECT ?x ?g WHERE { GRAPH ?g { ?x geo:asWKT ?w } } ORDER BY geof:distance(?w, "
      "\"POINT(5.37 43.30)\"^^geo:wktLiteral, uom:metre) LIMIT 4";
  std::vector<std::string> notes;
  EXPECT_EQ(select(q, true, true, &notes), select(q, false, true));
  // The index spans every graph; neighbours are counted in the pattern's scope only.
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_NE(notes[0].find("in GRAPH"), std::string::npos) << notes[0];
  // In the default graph, the k nearest of the index may be in g1 or g2: more are taken.
  std::string plain =
      "SELECT ?x WHERE { ?x geo:asWKT ?w } ORDER BY geof:distance(?w, "
      "\"POINT(5.37 43.30)\"^^geo:wktLiteral, uom:metre) LIMIT 3";
  EXPECT_EQ(select(plain, true, true, &notes), select(plain, false, true));
  EXPECT_EQ(notes.size(), 1u);
}

TEST_F(GeoSearch, TextGeoAndPatternsTogether) {
  add(":p1 <http://schema.org/name> \"Coopérative du vélo\" . :p2 <http://schema.org/name> "
      "\"Vélo-école\" .");
  std::string q =
      "SELECT ?x WHERE { ?x text:query \"vélo\" ; geo:asWKT ?w "
      "FILTER(geof:distance(?w, \"POINT(5 44)\"^^geo:wktLiteral, uom:kilometre) < 1000) }";
  EXPECT_EQ(select(q),
            (std::vector<std::string>{"x=<http://example.org/p1>", "x=<http://example.org/p2>"}));
}

TEST_F(GeoSearch, BadWktInDataIsSkippedNotFatal) {
  auto rows = select(
      "SELECT ?x WHERE { ?x geo:asWKT ?w FILTER(geof:distance(?w, \"POINT(0 0)\"^^geo:wktLiteral, "
      "uom:metre) >= 0) }",
      false);
  EXPECT_EQ(rows.size(), 601u);  // the broken literal is an error value, filtered out
}

}  // namespace
}  // namespace bdis::search::testing
