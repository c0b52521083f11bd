// GET /: the public page (docs/http.md, "The public page"): the search form, the
// links, the configuration with the facet labels escaped for a <script> element,
// Leaflet only when the build installed it, and a script that parses.
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

#include "tests/http/server_fixture.h"

namespace bdis::test {
namespace {

const char* kData = R"(@prefix ess: <https://w3id.org/bdis/ess#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix kind: <https://w3id.org/bdis/ess/kind/> .
kind:amap a skos:Concept ; skos:prefLabel "AMAP"@fr, "CSA"@en .
kind:evil a skos:Concept ; skos:prefLabel "</script><script>alert(1)</script>"@fr .
<https://w3id.org/bdis/id/network/amap> a ess:Network ; ess:name "Réseau des AMAP" .
<https://w3id.org/bdis/id/initiative/siret/1> a ess:Initiative ; ess:name "AMAP du coin" ;
  ess:kind kind:amap .
)";

class PublicPageTest : public ServerTest {
 protected:
  void SetUp() override { startServer(kData, {"--public-base", "https://data.example.org/"}); }
};

/// The text between `open` and the next `close`, or empty.
std::string between(const std::string& s, const std::string& open, const std::string& close) {
  auto a = s.find(open);
  if (a == std::string::npos) return {};
  a += open.size();
  auto b = s.find(close, a);
  return b == std::string::npos ? std::string() : s.substr(a, b - a);
}

TEST_F(PublicPageTest, PageWithSearchFormAndLinks) {
  auto r = httpRequest("GET", url("/"), {}, {"Accept: text/html"});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.headers["content-type"], "text/html; charset=utf-8");
  const auto& b = r.body;
  EXPECT_NE(b.find("<form id=\"f\""), std::string::npos);
  EXPECT_NE(b.find("fetch('/search?'"), std::string::npos) << "the page drives /search";
  for (const char* link : {"href=\"/sparql\"", "href=\"/dumps/\"", "href=\"/catalog\""})
    EXPECT_NE(b.find(link), std::string::npos) << link;
  EXPECT_NE(b.find("'/id/'"), std::string::npos) << "results link to /id/ pages";
}

TEST_F(PublicPageTest, ConfigurationCarriesEscapedLabelsAndIdBases) {
  auto r = httpRequest("GET", url("/"));
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.body.find("<script>alert"), std::string::npos) << "a label closed the script element";
  auto text = between(r.body, "<script type=\"application/json\" id=\"bdis-config\">", "</script>");
  ASSERT_FALSE(text.empty()) << r.body;
  auto cfg = nlohmann::json::parse(text);
  EXPECT_EQ(cfg["labels"]["https://w3id.org/bdis/ess/kind/amap"], "AMAP");
  EXPECT_EQ(cfg["labels"]["https://w3id.org/bdis/ess/kind/evil"],
            "</script><script>alert(1)</script>");
  EXPECT_EQ(cfg["labels"]["https://w3id.org/bdis/id/network/amap"], "Réseau des AMAP");
  EXPECT_EQ(cfg["idBases"], nlohmann::json::array({"https://w3id.org/bdis/id/",
                                                   "https://data.example.org/id/"}));

  // Leaflet is referenced exactly when the build installed it (the page falls back
  // to the list alone otherwise).
  bool leaflet = cfg["leaflet"].get<bool>();
  EXPECT_EQ(r.body.find("/assets/leaflet/leaflet.js") != std::string::npos, leaflet);
  EXPECT_EQ(httpRequest("GET", url("/assets/leaflet/leaflet.js")).status, leaflet ? 200 : 404);
}

TEST_F(PublicPageTest, ScriptParses) {
  if (!std::filesystem::exists("/usr/bin/node")) GTEST_SKIP() << "no node to check the script";
  auto r = httpRequest("GET", url("/"));
  auto marker = std::string("<script>\n(function () {");
  auto script = between(r.body, "<script>\n", "</script>");
  ASSERT_NE(r.body.find(marker), std::string::npos);
  auto file = std::filesystem::path(storeDir()).parent_path() / "page.js";
  std::ofstream(file) << script;
  auto check = run({"/usr/bin/node", "--check", file.string()});
  EXPECT_EQ(check.exitCode, 0) << check.err;
}

TEST_F(PublicPageTest, OtherMethodsAreRefused) {
  auto r = httpRequest("POST", url("/"), "x", {"Content-Type: text/plain"});
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.headers["allow"], "GET, HEAD");
  auto head = httpRequest("HEAD", url("/"));
  EXPECT_EQ(head.status, 200);
  EXPECT_TRUE(head.body.empty());
}

}  // namespace
}  // namespace bdis::test
