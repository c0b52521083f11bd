// The manifest reader: includes, ordered entries, nested blank-node actions
// (the SPARQL query and update shapes), file paths.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include "tests/support/shared_path.h"
#include "tests/w3c/manifest.h"

namespace bdis::w3c {
namespace {

const std::string kMfP = std::string(kMf);
const std::string kQtP = std::string(kQt);
const std::string kUtP = std::string(kUt);

void writeFile(const std::filesystem::path& p, const std::string& text) {
  std::ofstream(p) << text;
}

TEST(Manifest, IncludesEntriesAndNestedActions) {
  test::TempDir dir;
  std::filesystem::create_directory(dir.path() / "sub dir");
  writeFile(dir.path() / "manifest.ttl",
            "@prefix mf: <http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#> .\n"
            "<> a mf:Manifest ; mf:include ( <sub%20dir/manifest.ttl> ) ;\n"
            "  mf:entries ( <#t2> <#t1> ) .\n"
            "<#t1> a mf:QueryEvaluationTest ; mf:name \"one\" ; mf:action <a.rq> .\n"
            "<#t2> a mf:QueryEvaluationTest ; mf:name \"two\" ; mf:action <b.rq> .\n");
  writeFile(
      dir.path() / "sub dir" / "manifest.ttl",
      "@prefix mf: <http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#> .\n"
      "@prefix qt: <http://www.w3.org/2001/sw/DataAccess/tests/test-query#> .\n"
      "@prefix ut: <http://www.w3.org/2009/sparql/tests/test-update#> .\n"
      "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
      "@prefix dawgt: <http://www.w3.org/2001/sw/DataAccess/tests/test-dawg#> .\n"
      "<> a mf:Manifest ; mf:entries ( <#q> <#u> ) .\n"
      "<#q> a mf:QueryEvaluationTest ; mf:name \"q\" ; dawgt:approval dawgt:Approved ;\n"
      "  mf:action [ qt:query <q.rq> ; qt:data <d.ttl> ; qt:graphData <g1.ttl>, <g2.ttl> ] ;\n"
      "  mf:result <q.srx> .\n"
      "<#u> a mf:UpdateEvaluationTest ; mf:name \"u\" ;\n"
      "  mf:action [ ut:request <u.ru> ;\n"
      "    ut:graphData [ ut:graph <g.ttl> ; rdfs:label \"http://example.org/g1\" ] ] ;\n"
      "  mf:result [ ut:data <after.ttl> ] .\n");
  const auto entries = loadManifest(dir.path() / "manifest.ttl");
  ASSERT_EQ(entries.size(), 4u);
  EXPECT_EQ(entries[0].name, "q");
  EXPECT_EQ(entries[1].name, "u");
  EXPECT_EQ(entries[2].name, "two");
  EXPECT_EQ(entries[3].name, "one");
  EXPECT_EQ(entries[3].type, kMfP + "QueryEvaluationTest");
  EXPECT_TRUE(entries[3].iri.ends_with("/manifest.ttl#t1"));
  EXPECT_EQ(entries[3].action.path(), dir.path() / "a.rq");

  const ManifestEntry& q = entries[0];
  EXPECT_EQ(q.approval, "http://www.w3.org/2001/sw/DataAccess/tests/test-dawg#Approved");
  EXPECT_EQ(q.manifest.filename(), "manifest.ttl");
  ASSERT_NE(q.action.get(kQtP + "query"), nullptr);
  EXPECT_EQ(q.action.get(kQtP + "query")->path(), dir.path() / "sub dir" / "q.rq");
  EXPECT_EQ(q.action.all(kQtP + "graphData").size(), 2u);
  EXPECT_EQ(q.result.path(), dir.path() / "sub dir" / "q.srx");

  const ManifestEntry& u = entries[1];
  const ManifestNode* gd = u.action.get(kUtP + "graphData");
  ASSERT_NE(gd, nullptr);
  ASSERT_NE(gd->get(kUtP + "graph"), nullptr);
  EXPECT_EQ(gd->get(kUtP + "graph")->path(), dir.path() / "sub dir" / "g.ttl");
  EXPECT_EQ(gd->get(std::string(kRdfs) + "label")->value(), "http://example.org/g1");
  ASSERT_NE(u.result.get(kUtP + "data"), nullptr);
  EXPECT_TRUE(u.result.get(kUtP + "data")->term.isIri());
}

TEST(Manifest, Sparql11ManifestsLoad) {
  BDIS_REQUIRE_SHARED(shared);
  const auto entries = loadManifest(shared / "w3c/sparql/sparql11/manifest-all.ttl");
  EXPECT_GT(entries.size(), 400u);
  const auto add01 = std::find_if(entries.begin(), entries.end(), [](const ManifestEntry& e) {
    return e.iri.ends_with("add/manifest#add01");
  });
  ASSERT_NE(add01, entries.end());
  const ManifestNode* request = add01->action.get(kUtP + "request");
  ASSERT_NE(request, nullptr);
  EXPECT_TRUE(std::filesystem::exists(request->path())) << request->path();
}

}  // namespace
}  // namespace bdis::w3c
