#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "loaders/csv_loader.h"
#include "loaders/generator/model.h"
#include "loaders/generator/writers.h"
#include "loaders/identifiers.h"
#include "loaders/json_loaders.h"
#include "loaders/mapping.h"
#include "loaders/text.h"
#include "tests/support/shared_path.h"
#include "tests/unit/loaders/quad_collector.h"

namespace bdis::gen {
namespace {

TEST(Generator, RandomIsDeterministic) {
  Random a(42), b(42), c(43);
  for (int i = 0; i < 100; ++i) {
    uint64_t x = a.next();
    EXPECT_EQ(x, b.next());
    EXPECT_NE(x, c.next());
  }
  Random r(1);
  for (int i = 0; i < 1000; ++i) {
    double u = r.unit();
    EXPECT_GE(u, 0.0);
    EXPECT_LT(u, 1.0);
    EXPECT_LT(r.below(7), 7u);
  }
}

TEST(Generator, SiretsAreValid) {
  Random r(7);
  for (int i = 0; i < 2000; ++i) {
    std::string s = makeSiret(r);
    ASSERT_TRUE(loaders::isValidSiret(s)) << s;
    ASSERT_TRUE(loaders::isValidSiren(s.substr(0, 9))) << s;
  }
}

std::string readFile(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

WriteSummary generate(const loaders::Territories& t, const std::filesystem::path& dir, uint64_t n,
                      double badRate) {
  CommunePicker picker(t);
  Random r(99);
  OrganisationMaker maker(picker, r);
  WriteOptions o;
  o.folder = dir.string();
  o.badRate = badRate;
  NetworkWriter w(o, r);
  for (uint64_t i = 0; i < n; ++i) w.add(maker.next());
  return w.finish();
}

loaders::LoadReport load(const std::filesystem::path& dir, const std::string& name,
                         test::QuadCollector& sink) {
  loaders::Mapping m = loaders::loadMapping((dir / (name + ".toml")).string());
  if (name == "reemploi")
    return loaders::loadGeoJson((dir / "reemploi.geojson").string(), m, {}, sink);
  if (name == "reseau-amap")
    return loaders::loadGogocarto((dir / "reseau-amap.json").string(), m, {}, sink);
  return loaders::loadCsv((dir / (name + ".csv")).string(), m, {}, sink);
}

TEST(Generator, OrganisationsArePlausibleAndDeterministic) {
  BDIS_REQUIRE_SHARED(shared);
  loaders::Territories t = loaders::readTerritories((shared / "data/communes").string());
  CommunePicker picker(t);
  Random r1(5), r2(5);
  OrganisationMaker m1(picker, r1), m2(picker, r2);
  std::set<std::string> namesAtPostcode;
  for (int i = 0; i < 500; ++i) {
    Organisation a = m1.next(), b = m2.next();
    EXPECT_EQ(a.name, b.name);
    EXPECT_EQ(a.siret, b.siret);
    EXPECT_EQ(a.number, static_cast<uint64_t>(i + 1));
    if (!a.siret.empty()) {
      EXPECT_TRUE(loaders::isValidSiret(a.siret)) << a.siret;
    }
    if (!a.rna.empty()) {
      EXPECT_TRUE(loaders::isValidRna(a.rna)) << a.rna;
    }
    EXPECT_EQ(a.postcode.size(), 5u);
    EXPECT_FALSE(a.description.empty());
    EXPECT_TRUE(namesAtPostcode.insert(loaders::slugify(a.name) + "|" + a.postcode).second)
        << a.name;
  }
  // Communes are drawn in proportion to their population: Paris (about 3 % of the population).
  Random r(11);
  int paris = 0;
  for (int i = 0; i < 20000; ++i) paris += picker.pick(r).departement == "75";
  EXPECT_GT(paris, 20000 * 2 / 100);
  EXPECT_LT(paris, 20000 * 45 / 1000);
}

TEST(Generator, ExportsLoadWithTheirMappings) {
  BDIS_REQUIRE_SHARED(shared);
  loaders::Territories t = loaders::readTerritories((shared / "data/communes").string());
  test::TempDir a, b, c;
  WriteSummary sa = generate(t, a.path(), 600, 0.0);
  WriteSummary sb = generate(t, b.path(), 600, 0.0);
  ASSERT_EQ(sa.files.size(), 4u);
  uint64_t total = 0;
  for (size_t i = 0; i < sa.files.size(); ++i) {
    EXPECT_EQ(readFile(a.path() / sa.files[i].name), readFile(b.path() / sb.files[i].name))
        << sa.files[i].name;
    total += sa.files[i].records;
  }
  EXPECT_EQ(total, 600u + sa.overlapping);
  test::QuadCollector sink;
  const char* names[] = {"annuaire-ess", "cooperatives", "reemploi", "reseau-amap"};
  for (size_t i = 0; i < 4; ++i) {
    loaders::LoadReport r = load(a.path(), names[i], sink);
    EXPECT_EQ(r.records, sa.files[i].records) << names[i];
    EXPECT_EQ(r.skipped, 0u) << names[i] << "\n" << r.details(names[i]);
  }
  // Every record with a defect is rejected.
  WriteSummary sc = generate(t, c.path(), 200, 1.0);
  for (size_t i = 0; i < 4; ++i) {
    test::QuadCollector bad;
    loaders::LoadReport r = load(c.path(), names[i], bad);
    EXPECT_EQ(sc.files[i].bad, sc.files[i].records);
    EXPECT_EQ(r.loaded, 0u) << names[i];
    EXPECT_EQ(r.skipped, sc.files[i].records) << names[i];
  }
}

}  // namespace
}  // namespace bdis::gen
