// The committed demo sample (loaders/sample/, synthetic) loads with its mapping files, with the
// defects the generator planted reported, and its networks overlapping.

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "loaders/csv_loader.h"
#include "loaders/json_loaders.h"
#include "loaders/mapping.h"
#include "rdf/rdf_reader.h"
#include "tests/unit/loaders/quad_collector.h"

namespace bdis::loaders {
namespace {

const std::string kSample = BDIS_SAMPLE_DIR;

// Subjects typed ess:Initiative, with the graphs stating it.
std::map<std::string, std::set<std::string>> initiatives(const test::QuadCollector& sink) {
  std::map<std::string, std::set<std::string>> out;
  const std::string type =
      " <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/bdis/ess#Initiative> ";
  for (const auto& l : sink.lines) {
    size_t p = l.find(type);
    if (p == std::string::npos) continue;
    out[l.substr(0, p)].insert(l.substr(p + type.size()));
  }
  return out;
}

TEST(Sample, LoadsWithPlantedDefectsReported) {
  test::QuadCollector sink;
  struct Case {
    const char* name;
    const char* format;
    uint64_t records, skipped;
  };
  // Figures printed by bdis-gen when the sample was generated (see loaders/sample/README.md).
  const Case cases[] = {{"annuaire-ess", "csv", 2155, 5},
                        {"cooperatives", "csv", 450, 4},
                        {"reemploi", "geojson", 978, 1},
                        {"reseau-amap", "json", 967, 4}};
  uint64_t loaded = 0;
  for (const auto& c : cases) {
    Mapping m = loadMapping(kSample + "/" + c.name + ".toml");
    std::string file = kSample + "/" + c.name + "." + c.format;
    LoadReport r;
    if (std::string(c.format) == "csv")
      r = loadCsv(file, m, {}, sink);
    else if (std::string(c.format) == "geojson")
      r = loadGeoJson(file, m, {}, sink);
    else
      r = loadGogocarto(file, m, {}, sink);
    EXPECT_EQ(r.records, c.records) << c.name;
    EXPECT_EQ(r.skipped, c.skipped) << c.name << "\n" << r.details(file);
    EXPECT_EQ(r.count(Problem::BadEncoding), 0u);
    EXPECT_EQ(r.count(Problem::Malformed), 0u);
    loaded += r.loaded;
  }
  auto subjects = initiatives(sink);
  size_t inTwoGraphs = 0;
  for (const auto& [s, graphs] : subjects) inTwoGraphs += graphs.size() > 1;
  // 4,550 listings of 4,000 organisations: most second listings meet their first by SIRET or by
  // name and postcode; the others are linked by owl:sameAs.
  EXPECT_GT(inTwoGraphs, 300u);
  EXPECT_LT(subjects.size(), loaded);
  EXPECT_GT(sink.count("<http://www.w3.org/2002/07/owl#sameAs>"), 2000u);
  EXPECT_EQ(sink.count("<https://w3id.org/bdis/ess#recordCount>"), 4u);
}

// Every concept a shipped mapping's code lists point to is defined in ontology/.
TEST(Sample, CodeListsPointToOntologyConcepts) {
  test::QuadCollector ontology;
  for (const char* f :
       {"legal-categories.ttl", "naf.ttl", "families.ttl", "labels.ttl", "initiative-kinds.ttl"}) {
    rdf::ReadOptions o;
    o.format = rdf::RdfFormat::Turtle;
    rdf::readFile(std::string(BDIS_ONTOLOGY_DIR) + "/" + f, o, ontology);
  }
  std::set<std::string> concepts;
  const std::string type =
      " <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
      "<http://www.w3.org/2004/02/skos/core#Concept>";
  for (const auto& l : ontology.lines) {
    size_t p = l.find(type);
    if (p != std::string::npos) concepts.insert(l.substr(1, p - 2));
  }
  ASSERT_GT(concepts.size(), 180u);
  size_t checked = 0;
  for (const char* name : {"annuaire-ess", "cooperatives", "reemploi", "reseau-amap"}) {
    Mapping m = loadMapping(kSample + "/" + name + ".toml");
    for (const auto& [listName, list] : m.codelists) {
      for (const auto& [code, iri] : list.codes) {
        EXPECT_TRUE(concepts.count(iri))
            << name << ".toml: code list " << listName << ": " << code << " -> " << iri;
        ++checked;
      }
    }
  }
  Mapping gogo = loadMapping(std::string(BDIS_SAMPLE_DIR) + "/../mappings/gogocarto.toml");
  for (const auto& [code, iri] : gogo.codelists.at("kind").codes)
    EXPECT_TRUE(concepts.count(iri)) << iri;
  EXPECT_GT(checked, 500u);
}

}  // namespace
}  // namespace bdis::loaders
