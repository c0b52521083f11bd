// The ESS ontology (ontology/*.ttl): it parses; every ess: class and property has a label and a
// definition in French and in English; every alignment target exists in the vocabulary it points
// to (ESSGlobal: the shared files themselves; others: ontology/external-terms.ttl); every concept
// has a French preferred label and belongs to a scheme.

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>

#include "rdf/quad_sink.h"
#include "rdf/rdf_reader.h"
#include "tests/support/shared_path.h"

namespace bdis {
namespace {

const std::string kOntology = BDIS_ONTOLOGY_DIR;
constexpr std::string_view kEss = "https://w3id.org/bdis/ess#";
constexpr std::string_view kRdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
constexpr std::string_view kRdfs = "http://www.w3.org/2000/01/rdf-schema#";
constexpr std::string_view kOwl = "http://www.w3.org/2002/07/owl#";
constexpr std::string_view kSkos = "http://www.w3.org/2004/02/skos/core#";
constexpr std::string_view kEssGlobal = "http://purl.org/essglobal/";

struct Graph : rdf::QuadSink {
  std::vector<rdf::Quad> quads;
  void quad(const rdf::QuadView& q) override {
    quads.push_back(rdf::Quad{rdf::Term(q.s), rdf::Term(q.p), rdf::Term(q.o), rdf::Term(q.g)});
  }
  std::set<std::string> subjects() const {
    std::set<std::string> out;
    for (const auto& q : quads) {
      if (q.s.isIri()) out.insert(q.s.value);
    }
    return out;
  }
};

void read(const std::string& path, Graph& g) {
  rdf::ReadOptions o;
  o.format = rdf::RdfFormat::Turtle;
  rdf::readFile(path, o, g);
}

Graph ontology() {
  Graph g;
  for (const char* f : {"ess.ttl", "legal-categories.ttl", "naf.ttl", "families.ttl", "labels.ttl",
                        "initiative-kinds.ttl"}) {
    read(kOntology + "/" + f, g);
  }
  return g;
}

TEST(Ontology, Parses) {
  Graph g = ontology();
  EXPECT_GT(g.quads.size(), 1900u);
  Graph ext;
  read(kOntology + "/external-terms.ttl", ext);
  EXPECT_GT(ext.quads.size(), 100u);
}

TEST(Ontology, EveryTermHasFrenchAndEnglishLabelsAndDefinitions) {
  Graph g = ontology();
  std::set<std::string> terms;
  for (const auto& q : g.quads) {
    if (q.p.value == kRdfType && q.s.value.rfind(kEss, 0) == 0 &&
        (q.o.value == std::string(kOwl) + "Class" ||
         q.o.value == std::string(kOwl) + "ObjectProperty" ||
         q.o.value == std::string(kOwl) + "DatatypeProperty")) {
      terms.insert(q.s.value);
    }
  }
  EXPECT_GE(terms.size(), 60u);
  std::map<std::string, std::set<std::string>> labels, definitions;
  for (const auto& q : g.quads) {
    if (!terms.count(q.s.value) || !q.o.isLiteral() || q.o.value.empty()) continue;
    if (q.p.value == std::string(kRdfs) + "label") labels[q.s.value].insert(q.o.lang);
    if (q.p.value == std::string(kSkos) + "definition" ||
        q.p.value == std::string(kRdfs) + "comment") {
      definitions[q.s.value].insert(q.o.lang);
    }
  }
  for (const auto& t : terms) {
    EXPECT_TRUE(labels[t].count("fr")) << t << " has no French rdfs:label";
    EXPECT_TRUE(labels[t].count("en")) << t << " has no English rdfs:label";
    EXPECT_TRUE(definitions[t].count("fr")) << t << " has no French definition";
    EXPECT_TRUE(definitions[t].count("en")) << t << " has no English definition";
  }
}

TEST(Ontology, EveryTermIsAligned) {
  Graph g = ontology();
  std::set<std::string> terms, aligned;
  for (const auto& q : g.quads) {
    if (q.p.value == kRdfType && q.s.value.rfind(kEss, 0) == 0 &&
        q.o.value.rfind(std::string(kOwl), 0) == 0) {
      terms.insert(q.s.value);
    }
    bool alignment = q.p.value == std::string(kRdfs) + "subClassOf" ||
                     q.p.value == std::string(kRdfs) + "subPropertyOf" ||
                     q.p.value == std::string(kOwl) + "equivalentClass" ||
                     q.p.value == std::string(kOwl) + "equivalentProperty";
    if (alignment && q.o.value.rfind(kEss, 0) != 0) aligned.insert(q.s.value);
  }
  for (const auto& t : terms) {
    // A sub-property of another ess: property is aligned through it (ess:departement ->
    // ess:within).
    bool viaEss = false;
    for (const auto& q : g.quads) {
      if (q.s.value == t &&
          (q.p.value == std::string(kRdfs) + "subPropertyOf" ||
           q.p.value == std::string(kRdfs) + "subClassOf") &&
          aligned.count(q.o.value)) {
        viaEss = true;
      }
    }
    EXPECT_TRUE(aligned.count(t) || viaEss) << t << " is not aligned to any external vocabulary";
  }
}

TEST(Ontology, EveryAlignmentTargetExists) {
  BDIS_REQUIRE_SHARED(shared);
  Graph g = ontology();
  Graph essglobal;
  read((shared / "data/essglobal/vocab/essglobal-vocab.ttl").string(), essglobal);
  for (const auto& entry :
       std::filesystem::directory_iterator(shared / "data/essglobal/standard")) {
    read(entry.path().string(), essglobal);
  }
  Graph external;
  read(kOntology + "/external-terms.ttl", external);
  std::set<std::string> essglobalTerms = essglobal.subjects();
  std::set<std::string> externalTerms = external.subjects();
  std::set<std::string> essTerms = g.subjects();
  const std::set<std::string> alignmentPredicates = {
      std::string(kRdfs) + "subClassOf",     std::string(kRdfs) + "subPropertyOf",
      std::string(kOwl) + "equivalentClass", std::string(kOwl) + "equivalentProperty",
      std::string(kRdfs) + "seeAlso",        std::string(kSkos) + "closeMatch",
      std::string(kSkos) + "exactMatch",     std::string(kSkos) + "broadMatch",
      std::string(kSkos) + "narrowMatch",    std::string(kSkos) + "relatedMatch"};
  size_t checked = 0;
  for (const auto& q : g.quads) {
    if (!alignmentPredicates.count(q.p.value) || !q.o.isIri()) continue;
    const std::string& target = q.o.value;
    ++checked;
    if (target.rfind("https://w3id.org/bdis/", 0) == 0) {
      EXPECT_TRUE(essTerms.count(target)) << q.s.value << " points to undefined " << target;
    } else if (target.rfind(kEssGlobal, 0) == 0) {
      EXPECT_TRUE(essglobalTerms.count(target))
          << q.s.value << " points to " << target << ", which ESSGlobal does not define";
    } else {
      EXPECT_TRUE(externalTerms.count(target))
          << q.s.value << " points to " << target << ", not declared in external-terms.ttl";
    }
  }
  EXPECT_GT(checked, 200u);
}

TEST(Ontology, ConceptsHaveFrenchLabelsAndSchemes) {
  Graph g = ontology();
  std::set<std::string> concepts;
  std::map<std::string, std::set<std::string>> prefLabels;
  std::set<std::string> inScheme, schemes;
  for (const auto& q : g.quads) {
    if (q.p.value == kRdfType && q.o.value == std::string(kSkos) + "Concept")
      concepts.insert(q.s.value);
    if (q.p.value == kRdfType && q.o.value == std::string(kSkos) + "ConceptScheme")
      schemes.insert(q.s.value);
    if (q.p.value == std::string(kSkos) + "prefLabel") prefLabels[q.s.value].insert(q.o.lang);
    if (q.p.value == std::string(kSkos) + "inScheme") inScheme.insert(q.s.value);
  }
  EXPECT_EQ(schemes.size(), 5u);
  EXPECT_GT(concepts.size(), 180u);
  for (const auto& c : concepts) {
    EXPECT_TRUE(prefLabels[c].count("fr")) << c << " has no French skos:prefLabel";
    EXPECT_TRUE(inScheme.count(c)) << c << " is in no scheme";
  }
  // The NAF sections A..U and the SCOP legal categories are there.
  for (char s = 'A'; s <= 'U'; ++s) {
    EXPECT_TRUE(concepts.count("https://w3id.org/bdis/ess/naf/" + std::string(1, s))) << s;
  }
  EXPECT_TRUE(concepts.count("https://w3id.org/bdis/ess/cj/5458"));
  EXPECT_TRUE(concepts.count("https://w3id.org/bdis/ess/cj/5558"));
  EXPECT_TRUE(concepts.count("https://w3id.org/bdis/ess/cj/9220"));
}

}  // namespace
}  // namespace bdis
