// The deduplication rule (docs/ontology.md): one canonical IRI per organisation, minted from its
// SIRET when the record has one, else from its normalised name and postcode; each source states
// its facts in its own graph; a SIRET IRI is linked by owl:sameAs to the name+postcode IRI.

#include <gtest/gtest.h>

#include "loaders/csv_loader.h"
#include "loaders/json_loaders.h"
#include "loaders/mapping.h"
#include "tests/unit/loaders/quad_collector.h"

namespace bdis::loaders {
namespace {

using test::QuadCollector;

std::string csvMapping(const std::string& id) {
  return R"([source]
id = ")" +
         id + R"("
graph = "https://example.org/source/)" +
         id + R"("

[subject]
template = "https://w3id.org/bdis/id/initiative/siret/{siret}"
fallback = "https://w3id.org/bdis/id/initiative/np/{cp}/{nom|slug}"
same_as = "https://w3id.org/bdis/id/initiative/np/{cp}/{nom|slug}"

[[field]]
column = "nom"
property = "ess:name"
required = true

[[field]]
column = "siret"
property = "ess:siret"
check = "siret"

[[field]]
column = "cp"
property = "ess:postalCode"
check = "postcode"
)";
}

LoaderOptions quiet() {
  LoaderOptions o;
  o.provenance = false;
  return o;
}

TEST(Dedup, SameSiretGivesOneIriWithPerSourceStatements) {
  Mapping a = parseMapping(csvMapping("a"), "a.toml");
  Mapping b = parseMapping(csvMapping("b"), "b.toml");
  QuadCollector sink;
  loadCsvBuffer("nom,siret,cp\nSCOP Bâti,73282932000074,69001\n", "a.csv", a, {}, sink, quiet());
  // The other network spells the SIRET with spaces and the name differently.
  loadCsvBuffer("nom,siret,cp\nBATI SCOP,732 829 320 00074,69001\n", "b.csv", b, {}, sink, quiet());
  const std::string s = "<https://w3id.org/bdis/id/initiative/siret/73282932000074>";
  EXPECT_EQ(
      sink.count(s +
                 " <https://w3id.org/bdis/ess#name> \"SCOP Bâti\" <https://example.org/source/a>"),
      1u);
  EXPECT_EQ(
      sink.count(s +
                 " <https://w3id.org/bdis/ess#name> \"BATI SCOP\" <https://example.org/source/b>"),
      1u);
  EXPECT_EQ(sink.count(s + " <https://w3id.org/bdis/ess#siret> \"73282932000074\""), 2u);
}

TEST(Dedup, SameNameAtSamePostcodeGivesOneIri) {
  Mapping a = parseMapping(csvMapping("a"), "a.toml");
  Mapping b = parseMapping(csvMapping("b"), "b.toml");
  QuadCollector sink;
  loadCsvBuffer("nom,siret,cp\nÉpicerie solidaire « L'Épi »,,1400\n", "a.csv", a, {}, sink,
                quiet());
  loadCsvBuffer("nom,siret,cp\nEPICERIE SOLIDAIRE L'EPI,,01400\n", "b.csv", b, {}, sink, quiet());
  // Same name at another postcode: another organisation.
  loadCsvBuffer("nom,siret,cp\nEpicerie solidaire L'Epi,,01500\n", "b.csv", b, {}, sink, quiet());
  const std::string s = "<https://w3id.org/bdis/id/initiative/np/01400/epicerie-solidaire-l-epi>";
  EXPECT_EQ(sink.count(s + " <https://w3id.org/bdis/ess#name>"), 2u);
  EXPECT_EQ(sink.count("<https://w3id.org/bdis/id/initiative/np/01500/epicerie-solidaire-l-epi> "
                       "<https://w3id.org/bdis/ess#name>"),
            1u);
  EXPECT_EQ(sink.count("owl#sameAs"), 0u);  // no SIRET, nothing to link
}

TEST(Dedup, SiretRecordLinksToTheNameRecordOfAnotherNetwork) {
  Mapping a = parseMapping(csvMapping("a"), "a.toml");
  Mapping b = parseMapping(csvMapping("b"), "b.toml");
  QuadCollector sink;
  loadCsvBuffer("nom,siret,cp\nLa Recyclerie du Val,73282932000074,38000\n", "a.csv", a, {}, sink,
                quiet());
  loadCsvBuffer("nom,siret,cp\nLA RECYCLERIE DU VAL,,38000\n", "b.csv", b, {}, sink, quiet());
  EXPECT_EQ(sink.count("<https://w3id.org/bdis/id/initiative/siret/73282932000074> "
                       "<http://www.w3.org/2002/07/owl#sameAs> "
                       "<https://w3id.org/bdis/id/initiative/np/38000/la-recyclerie-du-val> "
                       "<https://example.org/source/a> ."),
            1u);
  EXPECT_EQ(sink.count("<https://w3id.org/bdis/id/initiative/np/38000/la-recyclerie-du-val> "
                       "<https://w3id.org/bdis/ess#name> \"LA RECYCLERIE DU VAL\" "
                       "<https://example.org/source/b> ."),
            1u);
}

TEST(Dedup, AcrossFormats) {
  Mapping a = parseMapping(csvMapping("a"), "a.toml");
  Mapping g = parseMapping(csvMapping("g"), "g.toml");
  QuadCollector sink;
  loadCsvBuffer("nom,siret,cp\nTiers-lieu La Fabrique,73282932000074,31000\n", "a.csv", a, {}, sink,
                quiet());
  loadGeoJsonBuffer(
      R"({"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": null,
    "properties": {"nom": "La Fabrique", "siret": "73282932000074", "cp": "31000"}}]})",
      "g.geojson", g, {}, sink, quiet());
  EXPECT_EQ(sink.count("<https://w3id.org/bdis/id/initiative/siret/73282932000074> "
                       "<https://w3id.org/bdis/ess#name>"),
            2u);
}

}  // namespace
}  // namespace bdis::loaders
