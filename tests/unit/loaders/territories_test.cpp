#include "loaders/territories.h"

#include <gtest/gtest.h>

#include <fstream>

#include "tests/support/shared_path.h"
#include "tests/unit/loaders/quad_collector.h"

namespace bdis::loaders {
namespace {

using test::QuadCollector;

void write(const std::filesystem::path& p, const std::string& text) {
  std::ofstream out(p, std::ios::binary);
  out << text;
}

// A reduced copy of the shared files' layout with each quirk once (made-up rows, real shape).
void writeFixture(const std::filesystem::path& dir) {
  write(
      dir / "regions.csv",
      "insee_reg,region,region_article,lng,lat,aire,lambda,phi,insee_reg_cheflieu,commune_centre\n"
      "11,Île-de-France,Île-de-France,2.5,48.7,12012,\"2°30' E\",\"48°42' N\",75056,\n"
      "84,Auvergne-Rhône-Alpes,Auvergne-Rhône-Alpes,4.5,45.5,69711,x,y,69123,\n");
  write(dir / "departements.csv",
        "insee_dep,insee_reg,departement,departement_article,lng,lat,aire,lambda,phi,insee_com_"
        "cheflieu,"
        "insee_com_centre\n"
        "01,84,Ain,Ain,5.3,46.1,5785.0,\"5°20'56\"\" E\",\"46°05'58\"\"\",01053,01160\n"
        "75,11,Paris,Paris,2.34,48.86,105.0,x,y,75056,75056\n");
  write(dir / "communes.csv",
        "insee_com,insee_reg,insee_dep,commune,commune_article,code_postal,commune_type,insee_"
        "parente,lat,lng,"
        "superficie_km2,population_2021,population_2015,menages_2021,naissances_2022,deces_2022,"
        "pop_15_64_totale_2021,pop_15_64_chomage_2021,pop_15_64_active_2021\n"
        "01001,84,01,Abergement-Clémenciat,L'Abergement-Clémenciat,01400,COM,,46.1517,4.9306,15.95,"
        "832,767,341,8,5,508,27,417\n"
        "01002,84,01,Multi,Multi,01640,COM,,46.0,5.4,9.15,300,241,115,4,1,163,2,130\n"
        "01002,84,01,Multi,Multi,01650,COM,,46.0,5.4,9.15,300,241,115,4,1,163,2,130\n"
        "01003,,,Déléguée,La Déléguée,01400,COMD,01001,46.2,4.9,5,100,90,40,1,1,60,2,50\n"
        "01004,84,01,Sans,Sans,01500,COM,,,,1,10,10,4,0,0,6,0,5\n"
        "75101,11,75,Paris 1er Arrondissement,Paris 1er "
        "Arrondissement,75001,ARM,75056,48.86,2.34,1.83,100,110,60,1,1,70,5,60\n"
        "75102,11,75,Paris 2e Arrondissement,Paris 2e "
        "Arrondissement,75002,ARM,75056,48.87,2.35,0.99,300,310,150,3,2,200,9,180\n");
}

TEST(Territories, QuirksOnAFixture) {
  test::TempDir dir;
  writeFixture(dir.path());
  Territories t = readTerritories(dir.path().string());
  ASSERT_EQ(t.regions.size(), 2u);
  ASSERT_EQ(t.departements.size(), 2u);
  // 4 COM (01001, 01002, 01004, 75056 built from its arrondissements), 1 COMD, 2 ARM.
  ASSERT_EQ(t.communes.size(), 7u);
  const Commune* multi = nullptr;
  const Commune* paris = nullptr;
  const Commune* comd = nullptr;
  const Commune* sans = nullptr;
  for (const auto& c : t.communes) {
    if (c.code == "01002") multi = &c;
    if (c.code == "75056") paris = &c;
    if (c.type == "COMD") comd = &c;
    if (c.code == "01004") sans = &c;
  }
  ASSERT_TRUE(multi && paris && comd && sans);
  EXPECT_EQ(multi->postcodes, (std::vector<std::string>{"01640", "01650"}));
  EXPECT_EQ(paris->type, "COM");
  EXPECT_EQ(paris->departement, "75");
  EXPECT_EQ(paris->region, "11");
  EXPECT_EQ(paris->population, 400u);
  EXPECT_EQ(paris->postcodes, (std::vector<std::string>{"75001", "75002"}));
  EXPECT_NEAR(paris->lat, (48.86 * 100 + 48.87 * 300) / 400, 1e-9);
  EXPECT_EQ(comd->departement, "01");
  EXPECT_EQ(comd->region, "84");
  EXPECT_FALSE(sans->hasCoordinates);

  QuadCollector sink;
  uint64_t n = emitTerritories(t, "https://example.org/territories", sink);
  EXPECT_EQ(n, sink.lines.size());
  const std::string g = " <https://example.org/territories> .";
  auto has = [&](const std::string& spo) { return sink.count(spo + g) == 1; };
  const std::string c1 = "<https://w3id.org/bdis/id/commune/01001>";
  EXPECT_TRUE(has(
      c1 +
      " <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/bdis/ess#Commune>"));
  EXPECT_TRUE(has(c1 + " <https://w3id.org/bdis/ess#inseeCode> \"01001\""));
  EXPECT_TRUE(has(c1 + " <https://w3id.org/bdis/ess#name> \"L'Abergement-Clémenciat\""));
  EXPECT_TRUE(has(
      c1 + " <https://w3id.org/bdis/ess#departement> <https://w3id.org/bdis/id/departement/01>"));
  EXPECT_TRUE(has(c1 + " <https://w3id.org/bdis/ess#region> <https://w3id.org/bdis/id/region/84>"));
  EXPECT_TRUE(has(c1 + " <https://w3id.org/bdis/ess#postalCode> \"01400\""));
  EXPECT_TRUE(has(c1 + " <http://www.w3.org/2003/01/geo/wgs84_pos#lat> "
                       "\"46.1517\"^^<http://www.w3.org/2001/XMLSchema#decimal>"));
  EXPECT_TRUE(
      has("<https://w3id.org/bdis/id/commune/01001/geometry> "
          "<http://www.opengis.net/ont/geosparql#asWKT> "
          "\"POINT(4.9306 46.1517)\"^^<http://www.opengis.net/ont/geosparql#wktLiteral>"));
  EXPECT_TRUE(has(
      "<https://w3id.org/bdis/id/commune-deleguee/01003> <https://w3id.org/bdis/ess#parentCommune> "
      "<https://w3id.org/bdis/id/commune/01001>"));
  EXPECT_TRUE(
      has("<https://w3id.org/bdis/id/commune/75101> <https://w3id.org/bdis/ess#parentCommune> "
          "<https://w3id.org/bdis/id/commune/75056>"));
  EXPECT_TRUE(
      has("<https://w3id.org/bdis/id/departement/75> <https://w3id.org/bdis/ess#region> "
          "<https://w3id.org/bdis/id/region/11>"));
  EXPECT_TRUE(has(
      "<https://w3id.org/bdis/id/region/11> <https://w3id.org/bdis/ess#name> \"Île-de-France\""));
  EXPECT_EQ(
      sink.count(
          "<https://w3id.org/bdis/id/commune/01004> <http://www.w3.org/2003/01/geo/wgs84_pos#lat>"),
      0u);
  EXPECT_EQ(
      sink.count("<https://w3id.org/bdis/id/commune/01002> <https://w3id.org/bdis/ess#postalCode>"),
      2u);
}

TEST(Territories, SharedCommunes) {
  BDIS_REQUIRE_SHARED(shared);
  Territories t = readTerritories((shared / "data" / "communes").string());
  EXPECT_EQ(t.regions.size(), 18u);
  EXPECT_EQ(t.departements.size(), 101u);
  size_t com = 0, comd = 0, arm = 0;
  for (const auto& c : t.communes) {
    com += c.type == "COM";
    comd += c.type == "COMD";
    arm += c.type == "ARM";
    if (c.type != "ARM") {
      EXPECT_FALSE(c.departement.empty()) << c.code;
    }
  }
  EXPECT_EQ(com, 34931u + 3u);  // + Paris, Lyon, Marseille built from their arrondissements
  EXPECT_EQ(arm, 45u);  // 46 rows: Paris 16e has two postcodes
  EXPECT_EQ(comd, 573u);  // 793 rows, several postcodes each
  for (const auto& c : t.communes) {
    if (c.code == "31555" && c.type == "COM") {
      EXPECT_EQ(c.postcodes.size(), 6u);  // Toulouse
    }
    if (c.code == "75056") {
      EXPECT_EQ(c.postcodes.size(), 21u);  // 75001..75020 and 75116
      EXPECT_GT(c.population, 2000000u);
    }
  }
}

}  // namespace
}  // namespace bdis::loaders
