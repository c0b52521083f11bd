#include "loaders/csv_loader.h"

#include <gtest/gtest.h>

#include "loaders/mapping.h"
#include "rdf/error.h"
#include "tests/unit/loaders/quad_collector.h"

namespace bdis::loaders {
namespace {

using test::linesOf;
using test::QuadCollector;

const char* const kMapping = R"([source]
id = "test"
graph = "https://example.org/source/test"
title = "Test"
url = "https://example.org/export.csv"
license = "https://www.etalab.gouv.fr/licence-ouverte-open-licence"
network = "https://example.org/network/test"
network_name = "Réseau test"
retrieved_at = "2026-12-01T09:00:00Z"

[csv]
delimiter = ";"

[subject]
template = "https://example.org/i/siret/{siret}"
fallback = "https://example.org/i/np/{cp}/{nom|slug}"
same_as = "https://example.org/i/np/{cp}/{nom|slug}"
types = "ess:Initiative"
id = "id"

[[node]]
name = "adr"
template = "{@subject}/address/{@source}"
types = "ess:Address"
link = "ess:hasAddress"

[[field]]
column = "nom"
property = "ess:name"
required = true

[[field]]
column = "siret"
property = "ess:siret"
check = "siret"

[[field]]
column = "cj"
property = "ess:legalCategory"
codelist = "cj"

[[field]]
column = "cp"
property = "ess:postalCode"
check = "postcode"
node = "adr"

[[field]]
column = "activites"
property = "ess:kind"
codelist = "kind"
separator = "|"

[[field]]
column = "web"
property = "ess:website"
check = "url"

[[field]]
column = "desc"
property = "ess:description"
lang = "fr"

[[field]]
column = "creation"
property = "ess:foundingDate"
check = "date"

[geometry]
lat = "lat"
lon = "lon"

[membership]
since = "adhesion"

[codelist.cj]
base = "https://w3id.org/bdis/ess/cj/"
values = ["9220", "5458"]

[codelist.kind]
base = "https://w3id.org/bdis/ess/kind/"
values = ["amap", "tiers-lieu"]
)";

const char* const kHeader = "id;nom;siret;cj;cp;activites;web;desc;creation;lat;lon;adhesion\n";

TEST(CsvLoader, ExactTriples) {
  Mapping m = parseMapping(kMapping, "m.toml");
  std::string csv =
      std::string(kHeader) +
      "1;SCOP Bâti;732 829 320 00074;5458;69001;;https://scop.example/;\"Rénovation; \"\"éco\"\"\";"
      "2001-05-02;45.76;4.83;2020-01-15\r\n"
      "2;AMAP du Centre;;9220;1400;amap|tiers-lieu;;;;;;\n";
  QuadCollector sink;
  LoadReport r = loadCsvBuffer(csv, "t.csv", m, {}, sink);
  EXPECT_EQ(r.records, 2u);
  EXPECT_EQ(r.loaded, 2u);
  EXPECT_EQ(r.skipped, 0u);
  EXPECT_EQ(r.quads, sink.lines.size());
  const std::string expected =
      R"nq(<https://example.org/i/siret/73282932000074> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/bdis/ess#Initiative> <https://example.org/source/test> .
<https://example.org/i/siret/73282932000074> <https://w3id.org/bdis/ess#sourceId> "1" <https://example.org/source/test> .
<https://example.org/i/siret/73282932000074> <http://www.w3.org/2002/07/owl#sameAs> <https://example.org/i/np/69001/scop-bati> <https://example.org/source/test> .
<https://example.org/i/siret/73282932000074> <https://w3id.org/bdis/ess#name> "SCOP Bâti" <https://example.org/source/test> .
<https://example.org/i/siret/73282932000074> <https://w3id.org/bdis/ess#siret> "73282932000074" <https://example.org/source/test> .
<https://example.org/i/siret/73282932000074> <https://w3id.org/bdis/ess#legalCategory> <https://w3id.org/bdis/ess/cj/5458> <https://example.org/source/test> .
<https://example.org/i/siret/73282932000074> <https://w3id.org/bdis/ess#hasAddress> <https://example.org/i/siret/73282932000074/address/test> <https://example.org/source/test> .
<https://example.org/i/siret/73282932000074/address/test> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/bdis/ess#Address> <https://example.org/source/test> .
<https://example.org/i/siret/73282932000074/address/test> <https://w3id.org/bdis/ess#postalCode> "69001" <https://example.org/source/test> .
<https://example.org/i/siret/73282932000074> <https://w3id.org/bdis/ess#website> <https://scop.example/> <https://example.org/source/test> .
<https://example.org/i/siret/73282932000074> <https://w3id.org/bdis/ess#description> "Rénovation; \"éco\""@fr <https://example.org/source/test> .
<https://example.org/i/siret/73282932000074> <https://w3id.org/bdis/ess#foundingDate> "2001-05-02"^^<http://www.w3.org/2001/XMLSchema#date> <https://example.org/source/test> .
<https://example.org/i/siret/73282932000074> <http://www.w3.org/2003/01/geo/wgs84_pos#lat> "45.76"^^<http://www.w3.org/2001/XMLSchema#decimal> <https://example.org/source/test> .
<https://example.org/i/siret/73282932000074> <http://www.w3.org/2003/01/geo/wgs84_pos#long> "4.83"^^<http://www.w3.org/2001/XMLSchema#decimal> <https://example.org/source/test> .
<https://example.org/i/siret/73282932000074> <http://www.opengis.net/ont/geosparql#hasGeometry> <https://example.org/i/siret/73282932000074/geometry/test> <https://example.org/source/test> .
<https://example.org/i/siret/73282932000074/geometry/test> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.opengis.net/ont/geosparql#Geometry> <https://example.org/source/test> .
<https://example.org/i/siret/73282932000074/geometry/test> <http://www.opengis.net/ont/geosparql#asWKT> "POINT(4.83 45.76)"^^<http://www.opengis.net/ont/geosparql#wktLiteral> <https://example.org/source/test> .
<https://example.org/i/siret/73282932000074> <https://w3id.org/bdis/ess#memberOf> <https://example.org/network/test> <https://example.org/source/test> .
<https://example.org/i/siret/73282932000074> <http://www.w3.org/ns/org#memberOf> <https://example.org/network/test> <https://example.org/source/test> .
<https://example.org/i/siret/73282932000074/membership/test> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/bdis/ess#Membership> <https://example.org/source/test> .
<https://example.org/i/siret/73282932000074/membership/test> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/ns/org#Membership> <https://example.org/source/test> .
<https://example.org/i/siret/73282932000074/membership/test> <http://www.w3.org/ns/org#member> <https://example.org/i/siret/73282932000074> <https://example.org/source/test> .
<https://example.org/i/siret/73282932000074/membership/test> <http://www.w3.org/ns/org#organization> <https://example.org/network/test> <https://example.org/source/test> .
<https://example.org/i/siret/73282932000074/membership/test> <https://w3id.org/bdis/ess#memberSince> "2020-01-15"^^<http://www.w3.org/2001/XMLSchema#date> <https://example.org/source/test> .
<https://example.org/i/np/01400/amap-du-centre> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/bdis/ess#Initiative> <https://example.org/source/test> .
<https://example.org/i/np/01400/amap-du-centre> <https://w3id.org/bdis/ess#sourceId> "2" <https://example.org/source/test> .
<https://example.org/i/np/01400/amap-du-centre> <https://w3id.org/bdis/ess#name> "AMAP du Centre" <https://example.org/source/test> .
<https://example.org/i/np/01400/amap-du-centre> <https://w3id.org/bdis/ess#legalCategory> <https://w3id.org/bdis/ess/cj/9220> <https://example.org/source/test> .
<https://example.org/i/np/01400/amap-du-centre> <https://w3id.org/bdis/ess#hasAddress> <https://example.org/i/np/01400/amap-du-centre/address/test> <https://example.org/source/test> .
<https://example.org/i/np/01400/amap-du-centre/address/test> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/bdis/ess#Address> <https://example.org/source/test> .
<https://example.org/i/np/01400/amap-du-centre/address/test> <https://w3id.org/bdis/ess#postalCode> "01400" <https://example.org/source/test> .
<https://example.org/i/np/01400/amap-du-centre> <https://w3id.org/bdis/ess#kind> <https://w3id.org/bdis/ess/kind/amap> <https://example.org/source/test> .
<https://example.org/i/np/01400/amap-du-centre> <https://w3id.org/bdis/ess#kind> <https://w3id.org/bdis/ess/kind/tiers-lieu> <https://example.org/source/test> .
<https://example.org/i/np/01400/amap-du-centre> <https://w3id.org/bdis/ess#memberOf> <https://example.org/network/test> <https://example.org/source/test> .
<https://example.org/i/np/01400/amap-du-centre> <http://www.w3.org/ns/org#memberOf> <https://example.org/network/test> <https://example.org/source/test> .
<https://example.org/i/np/01400/amap-du-centre/membership/test> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/bdis/ess#Membership> <https://example.org/source/test> .
<https://example.org/i/np/01400/amap-du-centre/membership/test> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/ns/org#Membership> <https://example.org/source/test> .
<https://example.org/i/np/01400/amap-du-centre/membership/test> <http://www.w3.org/ns/org#member> <https://example.org/i/np/01400/amap-du-centre> <https://example.org/source/test> .
<https://example.org/i/np/01400/amap-du-centre/membership/test> <http://www.w3.org/ns/org#organization> <https://example.org/network/test> <https://example.org/source/test> .
<https://example.org/source/test> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/bdis/ess#Source> <https://example.org/source/test> .
<https://example.org/source/test> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/ns/prov#Entity> <https://example.org/source/test> .
<https://example.org/source/test> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/Dataset> <https://example.org/source/test> .
<https://example.org/source/test> <http://purl.org/dc/terms/title> "Test" <https://example.org/source/test> .
<https://example.org/source/test> <http://purl.org/dc/terms/source> <https://example.org/export.csv> <https://example.org/source/test> .
<https://example.org/source/test> <http://purl.org/dc/terms/license> <https://www.etalab.gouv.fr/licence-ouverte-open-licence> <https://example.org/source/test> .
<https://example.org/source/test> <http://purl.org/dc/terms/publisher> <https://example.org/network/test> <https://example.org/source/test> .
<https://example.org/source/test> <http://purl.org/dc/terms/format> "text/csv" <https://example.org/source/test> .
<https://example.org/source/test> <https://w3id.org/bdis/ess#retrievedAt> "2026-12-01T09:00:00Z"^^<http://www.w3.org/2001/XMLSchema#dateTime> <https://example.org/source/test> .
<https://example.org/source/test> <https://w3id.org/bdis/ess#recordCount> "2"^^<http://www.w3.org/2001/XMLSchema#integer> <https://example.org/source/test> .
<https://example.org/source/test> <https://w3id.org/bdis/ess#rejectedCount> "0"^^<http://www.w3.org/2001/XMLSchema#integer> <https://example.org/source/test> .
<https://example.org/network/test> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/bdis/ess#Network> <https://example.org/source/test> .
<https://example.org/network/test> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://purl.org/essglobal/vocab/Network> <https://example.org/source/test> .
<https://example.org/network/test> <https://w3id.org/bdis/ess#name> "Réseau test" <https://example.org/source/test> .
<https://example.org/network/test> <http://schema.org/name> "Réseau test" <https://example.org/source/test> .
)nq";
  EXPECT_EQ(sink.set(), linesOf(expected));
  EXPECT_EQ(sink.lines.size(), linesOf(expected).size());  // no duplicates
}

TEST(CsvLoader, BadRecordsAreReportedAndSkipped) {
  Mapping m = parseMapping(kMapping, "m.toml");
  std::string csv = std::string(kHeader) +
                    "1;Bon;;9220;69001;;;;;;;\n"                          // line 2: good
                    "2;;;9220;69001;;;;;;;\n"                             // 3: missing name
                    "3;Mauvais SIRET;73282932000075;9220;69001;;;;;;;\n"  // 4: Luhn
                    "4;Code;;9999;69001;;;;;;;\n"                         // 5: unknown code
                    "5;Coord;;9220;69001;;;;;abc;4.8;\n"                  // 6: coordinates
                    "6;Caf\xE9;;9220;69001;;;;;;;\n"                      // 7: not UTF-8
                    "7;Court;;9220\n"                                     // 8: cell count
                    "8;\"Sur deux\nlignes\";;9220;69002;;;;;;;\n"         // 9-10: good
                    "9;Date;;9220;69001;;;;31/02/2020;;;\n"               // 11: bad date
                    "10;Demi;;9220;69001;;;;;45.7;;\n"                    // 12: half coordinates
                    "11;Bien;;9220;69003;amap|inconnu;;;;;;\n";           // 13: unknown kind
  QuadCollector sink;
  LoadReport r = loadCsvBuffer(csv, "t.csv", m, {}, sink);
  EXPECT_EQ(r.records, 11u);
  EXPECT_EQ(r.loaded, 2u);
  EXPECT_EQ(r.skipped, 9u);
  EXPECT_EQ(r.count(Problem::MissingRequired), 1u);
  EXPECT_EQ(r.count(Problem::InvalidIdentifier), 1u);
  EXPECT_EQ(r.count(Problem::UnknownCode), 2u);
  EXPECT_EQ(r.count(Problem::BadCoordinates), 2u);
  EXPECT_EQ(r.count(Problem::BadEncoding), 1u);
  EXPECT_EQ(r.count(Problem::Malformed), 1u);
  EXPECT_EQ(r.count(Problem::BadValue), 1u);
  ASSERT_EQ(r.issues.size(), 9u);
  std::vector<uint64_t> lines;
  for (const auto& i : r.issues) lines.push_back(i.position);
  EXPECT_EQ(lines, (std::vector<uint64_t>{3, 4, 5, 6, 7, 8, 11, 12, 13}));
  EXPECT_EQ(r.issues[0].column, "nom");
  EXPECT_EQ(r.issues[1].reason, "SIRET '73282932000075' fails the Luhn check");
  EXPECT_EQ(r.issues[5].reason, "the record has 4 cells, the header 12");
  EXPECT_NE(r.details("t.csv").find("t.csv:4: invalid-identifier: column 'siret': SIRET"),
            std::string::npos);
  EXPECT_EQ(r.summary().substr(0, 24), "loaded 2 of 11 records (");
  EXPECT_NE(r.summary().find("skipped 9: 1 missing-required, 1 invalid-identifier, 2 unknown-code, "
                             "2 bad-coordinates, 1 bad-encoding, 1 bad-value, 1 malformed"),
            std::string::npos);
  // Nothing of the bad records reached the sink: only two initiatives, and the multi-line name.
  EXPECT_EQ(sink.count("<https://w3id.org/bdis/ess#Initiative>"), 2u);
  EXPECT_EQ(sink.count("\"Sur deux\\nlignes\""), 1u);
  EXPECT_EQ(sink.count("Mauvais"), 0u);
  EXPECT_EQ(sink.count("/np/69003/"), 0u);
  EXPECT_EQ(sink.count("\"9\"^^<http://www.w3.org/2001/XMLSchema#integer>"), 1u);  // rejectedCount
}

TEST(CsvLoader, StrictModeStopsAtTheFirstBadRecord) {
  Mapping m = parseMapping(kMapping, "m.toml");
  std::string csv =
      std::string(kHeader) + "1;Bon;;9220;69001;;;;;;;\n3;X;73282932000075;9220;69001;;;;;;;\n";
  QuadCollector sink;
  LoaderOptions strict;
  strict.strict = true;
  try {
    loadCsvBuffer(csv, "t.csv", m, {}, sink, strict);
    FAIL() << "expected SemanticError";
  } catch (const SemanticError& e) {
    EXPECT_EQ(
        std::string(e.what()),
        "t.csv:3: invalid-identifier: column 'siret': SIRET '73282932000075' fails the Luhn check "
        "(strict mode: load stopped)");
  }
}

TEST(CsvLoader, MissingColumnAndSourceOverrides) {
  Mapping m = parseMapping(kMapping, "m.toml");
  QuadCollector sink;
  try {
    loadCsvBuffer("id;nom\n1;x\n", "t.csv", m, {}, sink);
    FAIL() << "expected SemanticError";
  } catch (const SemanticError& e) {
    EXPECT_EQ(std::string(e.what()), "m.toml: column 'siret' is not in the header of t.csv");
  }
  SourceInfo given;
  given.graph = "https://example.org/other";
  given.id = "other";
  LoadReport r =
      loadCsvBuffer(std::string(kHeader) + "1;Bon;;9220;69001;;;;;;;\n", "t.csv", m, given, sink);
  EXPECT_EQ(r.loaded, 1u);
  EXPECT_EQ(
      sink.count(
          "<https://example.org/i/np/69001/bon/address/other> "
          "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/bdis/ess#Address> "
          "<https://example.org/other> ."),
      1u);
}

TEST(CsvLoader, QuotingEdgeCases) {
  const char* mapping = R"([source]
graph = "https://example.org/g"
[subject]
template = "https://example.org/i/{id}"
[[field]]
column = "v"
property = "ess:name"
)";
  Mapping m = parseMapping(mapping, "m.toml");
  // BOM, CRLF, empty lines, a quoted cell with a comma and an embedded CRLF, an unterminated quote.
  std::string csv = "\xEF\xBB\xBFid,v\r\n\r\na,\"x, y\"\r\nb,\"1\r\n2\"\n\nc,\"oops\n";
  QuadCollector sink;
  LoadReport r = loadCsvBuffer(csv, "q.csv", m, {}, sink);
  EXPECT_EQ(r.loaded, 2u);
  EXPECT_EQ(r.count(Problem::Malformed), 1u);
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_EQ(r.issues[0].position, 7u);
  EXPECT_EQ(sink.count("<https://example.org/i/a> <https://w3id.org/bdis/ess#name> \"x, y\""), 1u);
  EXPECT_EQ(sink.count("<https://example.org/i/b> <https://w3id.org/bdis/ess#name> \"1\\r\\n2\""),
            1u);
}

}  // namespace
}  // namespace bdis::loaders

namespace bdis::loaders {
namespace {

// Random bytes as CSV: every record is loaded or rejected with a reason; nothing else happens.
TEST(CsvLoader, GarbageFailsCleanly) {
  Mapping m = parseMapping(kMapping, "m.toml");
  const char alphabet[] = ";\"\n\r,a1\xC3\xA9\xFF 7.";
  uint64_t state = 777;
  auto next = [&] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return state >> 33;
  };
  for (int i = 0; i < 300; ++i) {
    std::string csv = kHeader;
    size_t n = next() % 400;
    for (size_t k = 0; k < n; ++k) csv.push_back(alphabet[next() % (sizeof alphabet - 1)]);
    test::QuadCollector sink;
    LoadReport r = loadCsvBuffer(csv, "g.csv", m, {}, sink);
    EXPECT_EQ(r.records, r.loaded + r.skipped);
    EXPECT_EQ(r.quads, sink.lines.size());
  }
}

}  // namespace
}  // namespace bdis::loaders
