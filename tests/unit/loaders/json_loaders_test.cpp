#include "loaders/json_loaders.h"

#include <gtest/gtest.h>

#include "loaders/mapping.h"
#include "rdf/error.h"
#include "tests/unit/loaders/quad_collector.h"

namespace bdis::loaders {
namespace {

using test::linesOf;
using test::QuadCollector;

const char* const kGeoMapping = R"([source]
id = "carte"
graph = "https://example.org/source/carte"

[subject]
template = "https://example.org/i/siret/{siret}"
fallback = "https://example.org/i/np/{adresse.cp}/{nom|slug}"

[[field]]
column = "nom"
property = "ess:name"
required = true

[[field]]
column = "siret"
property = "ess:siret"
check = "siret"

[[field]]
column = "adresse.cp"
property = "ess:postalCode"
check = "postcode"

[[field]]
column = "labels"
property = "ess:hasLabel"
codelist = "label"

[[field]]
column = "effectif"
property = "ess:employees"
check = "integer"

[codelist.label]
base = "https://w3id.org/bdis/ess/label/"
values = ["esus", "siae"]
)";

LoaderOptions noProvenance() {
  LoaderOptions o;
  o.provenance = false;
  return o;
}

TEST(GeoJsonLoader, ExactTriples) {
  Mapping m = parseMapping(kGeoMapping, "m.toml");
  const char* geojson = R"({"type": "FeatureCollection", "features": [
  {"type": "Feature", "geometry": {"type": "Point", "coordinates": [4.835, 45.76]},
   "properties": {"nom": "Ressourcerie du Rhône", "siret": "73282932000074", "adresse": {"cp": "69001"},
                  "labels": ["esus", "siae"], "effectif": 12}},
  {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [[[2.0, 48.0], [2.1, 48.0], [2.1, 48.1], [2.0, 48.0]]]},
   "properties": {"nom": "Jardin", "adresse": {"cp": "75011"}, "labels": null}},
  {"type": "Feature", "geometry": null, "properties": {"nom": "Sans lieu", "adresse": {"cp": "13001"}}}
]})";
  QuadCollector sink;
  LoadReport r = loadGeoJsonBuffer(geojson, "c.geojson", m, {}, sink, noProvenance());
  EXPECT_EQ(r.positionUnit, "feature");
  EXPECT_EQ(r.loaded, 3u);
  const std::string expected = R"nq(<https://example.org/i/siret/73282932000074> <https://w3id.org/bdis/ess#name> "Ressourcerie du Rhône" <https://example.org/source/carte> .
<https://example.org/i/siret/73282932000074> <https://w3id.org/bdis/ess#siret> "73282932000074" <https://example.org/source/carte> .
<https://example.org/i/siret/73282932000074> <https://w3id.org/bdis/ess#postalCode> "69001" <https://example.org/source/carte> .
<https://example.org/i/siret/73282932000074> <https://w3id.org/bdis/ess#hasLabel> <https://w3id.org/bdis/ess/label/esus> <https://example.org/source/carte> .
<https://example.org/i/siret/73282932000074> <https://w3id.org/bdis/ess#hasLabel> <https://w3id.org/bdis/ess/label/siae> <https://example.org/source/carte> .
<https://example.org/i/siret/73282932000074> <https://w3id.org/bdis/ess#employees> "12"^^<http://www.w3.org/2001/XMLSchema#integer> <https://example.org/source/carte> .
<https://example.org/i/siret/73282932000074> <http://www.w3.org/2003/01/geo/wgs84_pos#lat> "45.76"^^<http://www.w3.org/2001/XMLSchema#decimal> <https://example.org/source/carte> .
<https://example.org/i/siret/73282932000074> <http://www.w3.org/2003/01/geo/wgs84_pos#long> "4.835"^^<http://www.w3.org/2001/XMLSchema#decimal> <https://example.org/source/carte> .
<https://example.org/i/siret/73282932000074> <http://www.opengis.net/ont/geosparql#hasGeometry> <https://example.org/i/siret/73282932000074/geometry/carte> <https://example.org/source/carte> .
<https://example.org/i/siret/73282932000074/geometry/carte> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.opengis.net/ont/geosparql#Geometry> <https://example.org/source/carte> .
<https://example.org/i/siret/73282932000074/geometry/carte> <http://www.opengis.net/ont/geosparql#asWKT> "POINT(4.835 45.76)"^^<http://www.opengis.net/ont/geosparql#wktLiteral> <https://example.org/source/carte> .
<https://example.org/i/np/75011/jardin> <https://w3id.org/bdis/ess#name> "Jardin" <https://example.org/source/carte> .
<https://example.org/i/np/75011/jardin> <https://w3id.org/bdis/ess#postalCode> "75011" <https://example.org/source/carte> .
<https://example.org/i/np/75011/jardin> <http://www.opengis.net/ont/geosparql#hasGeometry> <https://example.org/i/np/75011/jardin/geometry/carte> <https://example.org/source/carte> .
<https://example.org/i/np/75011/jardin/geometry/carte> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.opengis.net/ont/geosparql#Geometry> <https://example.org/source/carte> .
<https://example.org/i/np/75011/jardin/geometry/carte> <http://www.opengis.net/ont/geosparql#asWKT> "POLYGON((2 48, 2.1 48, 2.1 48.1, 2 48))"^^<http://www.opengis.net/ont/geosparql#wktLiteral> <https://example.org/source/carte> .
<https://example.org/i/np/13001/sans-lieu> <https://w3id.org/bdis/ess#name> "Sans lieu" <https://example.org/source/carte> .
<https://example.org/i/np/13001/sans-lieu> <https://w3id.org/bdis/ess#postalCode> "13001" <https://example.org/source/carte> .
)nq";
  EXPECT_EQ(sink.set(), linesOf(expected));
}

TEST(GeoJsonLoader, BadFeatures) {
  Mapping m = parseMapping(kGeoMapping, "m.toml");
  const std::string geojson =
      "{\"type\": \"FeatureCollection\", \"features\": [\n"
      "  {\"type\": \"Feature\", \"geometry\": {\"type\": \"Point\", \"coordinates\": [200, 45]},"
      " \"properties\": {\"nom\": \"Loin\", \"adresse\": {\"cp\": \"69001\"}}},\n"
      "  {\"type\": \"Feature\", \"geometry\": null, \"properties\": {\"nom\": \"Caf\xE9\","
      " \"adresse\": {\"cp\": \"69001\"}}},\n"
      "  42,\n"
      "  {\"type\": \"Feature\", \"geometry\": null, \"properties\": {\"nom\": \"X\", \"labels\": "
      "[\"esus\", \"nope\"],"
      " \"adresse\": {\"cp\": \"69001\"}}},\n"
      "  {\"type\": \"Feature\", \"geometry\": {\"type\": \"Point\", \"coordinates\": [\"a\", 1]},"
      " \"properties\": {\"nom\": \"Y\"}},\n"
      "  {\"type\": \"Feature\", \"geometry\": null, \"properties\": {\"siret\": \"123\", \"nom\": "
      "\"Z\"}}\n"
      "]}";
  QuadCollector sink;
  LoadReport r = loadGeoJsonBuffer(geojson, "c.geojson", m, {}, sink, noProvenance());
  EXPECT_EQ(r.loaded, 0u);
  EXPECT_EQ(r.skipped, 6u);
  EXPECT_EQ(r.count(Problem::BadCoordinates), 2u);
  EXPECT_EQ(r.count(Problem::BadEncoding), 1u);
  EXPECT_EQ(r.count(Problem::Malformed), 1u);
  EXPECT_EQ(r.count(Problem::UnknownCode), 1u);
  EXPECT_EQ(r.count(Problem::InvalidIdentifier), 1u);
  ASSERT_EQ(r.issues.size(), 6u);
  EXPECT_EQ(r.issues[0].position, 1u);
  EXPECT_EQ(r.issues[0].reason, "coordinates out of range: [200, 45]");
  EXPECT_EQ(r.issues[1].column, "nom");
  EXPECT_EQ(r.issues[2].position, 3u);
  EXPECT_EQ(r.issues[5].reason, "SIRET '123' is not 14 digits");
  EXPECT_NE(
      r.details("c.geojson").find("c.geojson:feature 4: unknown-code: column 'labels': 'nope'"),
      std::string::npos);
  EXPECT_TRUE(sink.lines.empty());
}

TEST(GeoJsonLoader, NotGeoJson) {
  Mapping m = parseMapping(kGeoMapping, "m.toml");
  QuadCollector sink;
  EXPECT_THROW(loadGeoJsonBuffer("{\"type\": \"Feature\"}", "c.geojson", m, {}, sink), SyntaxError);
  try {
    loadGeoJsonBuffer("{\"type\":\n \"FeatureCollection\",, }", "c.geojson", m, {}, sink);
    FAIL() << "expected SyntaxError";
  } catch (const SyntaxError& e) {
    EXPECT_EQ(e.line(), 2u);
    EXPECT_EQ(e.file(), "c.geojson");
  }
}

// A GoGoCarto export in the shape of its API (/api/elements.json): {"data": [elements]}.
const char* const kGogocarto = R"({
  "licence": "https://opendatacommons.org/licenses/odbl/summary/",
  "ontology": "gogofull",
  "data": [
    {
      "id": "4Xz",
      "name": "AMAP des Pentes",
      "geo": {"latitude": 45.7703, "longitude": 4.8289},
      "sourceKey": "gogocarto",
      "address": {"streetAddress": "3 montée de la Grande-Côte", "addressLocality": "Lyon",
                  "postalCode": "69001", "addressCountry": "FR", "customFormatedAddress": null},
      "createdAt": "2019-03-02T10:11:12+01:00",
      "updatedAt": "2026-10-01T08:00:00+02:00",
      "status": 1,
      "categories": ["AMAP", "Alimentation"],
      "categoriesFull": [{"id": 12, "name": "AMAP", "index": 0}, {"id": 3, "name": "Alimentation", "index": 1}],
      "description": "Paniers de légumes le jeudi.",
      "email": "amap@example.org",
      "telephone": "04 78 00 00 00",
      "website": "https://amap.example.org",
      "openHours": {"Th": "18:30-20:00"}
    },
    {
      "id": "9Kq",
      "name": "Repair Café Croix-Rousse",
      "geo": {"latitude": "45,7745", "longitude": "4,8320"},
      "address": {"postalCode": "69004", "addressLocality": "Lyon"},
      "categories": ["repair café"],
      "siret": "",
      "email": null
    },
    {
      "id": "bad",
      "name": "Sans coordonnées",
      "geo": {"latitude": null, "longitude": 4.8},
      "address": {"postalCode": "69004"}
    }
  ]
})";

const char* const kGogoMapping = R"([source]
id = "gogo"
graph = "https://example.org/source/gogo"

[subject]
template = "https://example.org/i/siret/{siret}"
fallback = ["https://example.org/i/np/{address.postalCode}/{name|slug}", "https://example.org/gogo/{id}"]

[[field]]
column = "name"
property = "schema:name"
required = true

[[field]]
column = "categories"
property = "ess:kind"
codelist = "kind"
unknown = "ignore"

[[field]]
column = "address.addressLocality"
property = "schema:addressLocality"

[[field]]
column = "email"
property = "schema:email"
check = "email"

[[field]]
column = "website"
property = "schema:url"
check = "url"

[[field]]
column = "openHours.Th"
property = "ess:openingHours"

[geometry]
lat = "geo.latitude"
lon = "geo.longitude"
template = "{@subject}/geo"

[codelist.kind]
case = "insensitive"

[codelist.kind.codes]
"AMAP" = "kind:amap"
"Repair Café" = "kind:repair-cafe"
)";

TEST(GogocartoLoader, ExactTriples) {
  Mapping m = parseMapping(kGogoMapping, "g.toml");
  QuadCollector sink;
  LoadReport r = loadGogocartoBuffer(kGogocarto, "g.json", m, {}, sink, noProvenance());
  EXPECT_EQ(r.positionUnit, "element");
  EXPECT_EQ(r.loaded, 2u);
  EXPECT_EQ(r.count(Problem::BadCoordinates), 1u);
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_EQ(r.issues[0].position, 3u);
  const std::string expected = R"nq(<https://example.org/i/np/69001/amap-des-pentes> <http://schema.org/name> "AMAP des Pentes" <https://example.org/source/gogo> .
<https://example.org/i/np/69001/amap-des-pentes> <https://w3id.org/bdis/ess#kind> <https://w3id.org/bdis/ess/kind/amap> <https://example.org/source/gogo> .
<https://example.org/i/np/69001/amap-des-pentes> <http://schema.org/addressLocality> "Lyon" <https://example.org/source/gogo> .
<https://example.org/i/np/69001/amap-des-pentes> <http://schema.org/email> "amap@example.org" <https://example.org/source/gogo> .
<https://example.org/i/np/69001/amap-des-pentes> <http://schema.org/url> <https://amap.example.org> <https://example.org/source/gogo> .
<https://example.org/i/np/69001/amap-des-pentes> <https://w3id.org/bdis/ess#openingHours> "18:30-20:00" <https://example.org/source/gogo> .
<https://example.org/i/np/69001/amap-des-pentes> <http://www.w3.org/2003/01/geo/wgs84_pos#lat> "45.7703"^^<http://www.w3.org/2001/XMLSchema#decimal> <https://example.org/source/gogo> .
<https://example.org/i/np/69001/amap-des-pentes> <http://www.w3.org/2003/01/geo/wgs84_pos#long> "4.8289"^^<http://www.w3.org/2001/XMLSchema#decimal> <https://example.org/source/gogo> .
<https://example.org/i/np/69001/amap-des-pentes> <http://www.opengis.net/ont/geosparql#hasGeometry> <https://example.org/i/np/69001/amap-des-pentes/geo> <https://example.org/source/gogo> .
<https://example.org/i/np/69001/amap-des-pentes/geo> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.opengis.net/ont/geosparql#Geometry> <https://example.org/source/gogo> .
<https://example.org/i/np/69001/amap-des-pentes/geo> <http://www.opengis.net/ont/geosparql#asWKT> "POINT(4.8289 45.7703)"^^<http://www.opengis.net/ont/geosparql#wktLiteral> <https://example.org/source/gogo> .
<https://example.org/i/np/69004/repair-cafe-croix-rousse> <http://schema.org/name> "Repair Café Croix-Rousse" <https://example.org/source/gogo> .
<https://example.org/i/np/69004/repair-cafe-croix-rousse> <https://w3id.org/bdis/ess#kind> <https://w3id.org/bdis/ess/kind/repair-cafe> <https://example.org/source/gogo> .
<https://example.org/i/np/69004/repair-cafe-croix-rousse> <http://schema.org/addressLocality> "Lyon" <https://example.org/source/gogo> .
<https://example.org/i/np/69004/repair-cafe-croix-rousse> <http://www.w3.org/2003/01/geo/wgs84_pos#lat> "45.7745"^^<http://www.w3.org/2001/XMLSchema#decimal> <https://example.org/source/gogo> .
<https://example.org/i/np/69004/repair-cafe-croix-rousse> <http://www.w3.org/2003/01/geo/wgs84_pos#long> "4.8320"^^<http://www.w3.org/2001/XMLSchema#decimal> <https://example.org/source/gogo> .
<https://example.org/i/np/69004/repair-cafe-croix-rousse> <http://www.opengis.net/ont/geosparql#hasGeometry> <https://example.org/i/np/69004/repair-cafe-croix-rousse/geo> <https://example.org/source/gogo> .
<https://example.org/i/np/69004/repair-cafe-croix-rousse/geo> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.opengis.net/ont/geosparql#Geometry> <https://example.org/source/gogo> .
<https://example.org/i/np/69004/repair-cafe-croix-rousse/geo> <http://www.opengis.net/ont/geosparql#asWKT> "POINT(4.8320 45.7745)"^^<http://www.opengis.net/ont/geosparql#wktLiteral> <https://example.org/source/gogo> .
)nq";
  EXPECT_EQ(sink.set(), linesOf(expected));
}

TEST(GogocartoLoader, BareArrayAndNotAnExport) {
  Mapping m = parseMapping(kGogoMapping, "g.toml");
  QuadCollector sink;
  LoadReport r = loadGogocartoBuffer(R"([{"id": "1", "name": "Seul"}, "x"])", "g.json", m, {}, sink,
                                     noProvenance());
  EXPECT_EQ(r.loaded, 1u);
  EXPECT_EQ(r.count(Problem::Malformed), 1u);
  EXPECT_EQ(sink.count("<https://example.org/gogo/1> <http://schema.org/name> \"Seul\""), 1u);
  EXPECT_THROW(loadGogocartoBuffer(R"({"elements": []})", "g.json", m, {}, sink), SyntaxError);
}

}  // namespace
}  // namespace bdis::loaders
