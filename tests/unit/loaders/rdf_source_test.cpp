#include "loaders/rdf_source.h"

#include <gtest/gtest.h>

#include <fstream>

#include "rdf/error.h"
#include "tests/support/shared_path.h"
#include "tests/unit/loaders/quad_collector.h"

namespace bdis::loaders {
namespace {

TEST(EssGlobalRdf, IntoTheSourceGraph) {
  test::TempDir dir;
  auto path = dir.path() / "map.ttl";
  {
    std::ofstream out(path);
    out << R"(@prefix essglobal: <http://purl.org/essglobal/vocab/> .
@prefix gr: <http://purl.org/goodrelations/v1#> .
<https://map.example/i/1> a essglobal:SSEInitiative ;
  gr:name "Coop Uno" ;
  essglobal:hasAddress [ a essglobal:Address ] .
<https://map.example/i/2> a essglobal:SSEInitiative ; gr:name "Coop Due" .
this is not turtle .
<https://map.example/i/3> gr:name "Tre" .
)";
  }
  SourceInfo s;
  s.id = "ripess-it";
  s.graph = "https://example.org/source/ripess-it";
  s.retrievedAt = "2026-12-01T00:00:00Z";
  test::QuadCollector sink;
  LoadReport r = loadEssGlobalRdf(path.string(), s, sink);
  EXPECT_EQ(r.loaded, 2u);
  EXPECT_EQ(r.count(Problem::Malformed), 1u);
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_EQ(r.issues[0].position, 7u);
  EXPECT_EQ(
      sink.count("<https://map.example/i/1> <http://purl.org/goodrelations/v1#name> \"Coop Uno\" "
                 "<https://example.org/source/ripess-it> ."),
      1u);
  EXPECT_EQ(sink.count("<https://map.example/i/3> <http://purl.org/goodrelations/v1#name> \"Tre\" "
                       "<https://example.org/source/ripess-it> ."),
            1u);
  EXPECT_EQ(sink.count("_:src_ripess_it_"), 2u);  // the blank address, scoped to the source
  EXPECT_EQ(
      sink.count("<https://example.org/source/ripess-it> <https://w3id.org/bdis/ess#recordCount> "
                 "\"2\"^^<http://www.w3.org/2001/XMLSchema#integer>"),
      1u);
  EXPECT_EQ(sink.count("\"text/turtle\""), 1u);
  for (const auto& l : sink.lines) {
    EXPECT_NE(l.find("<https://example.org/source/ripess-it> ."), std::string::npos) << l;
  }
  LoaderOptions strict;
  strict.strict = true;
  test::QuadCollector other;
  EXPECT_THROW(loadEssGlobalRdf(path.string(), s, other, strict), SyntaxError);
}

TEST(EssGlobalRdf, SharedVocabularyLoads) {
  BDIS_REQUIRE_SHARED(shared);
  SourceInfo s;
  s.graph = "https://example.org/source/essglobal";
  test::QuadCollector sink;
  LoadReport r =
      loadEssGlobalRdf((shared / "data/essglobal/vocab/essglobal-vocab.ttl").string(), s, sink);
  EXPECT_EQ(r.skipped, 0u);
  // The vocabulary's 606 triples, then the source description (about the graph IRI).
  EXPECT_EQ(r.quads - sink.about("https://example.org/source/essglobal>").size(), 606u);
}

}  // namespace
}  // namespace bdis::loaders
