// GET /catalog and /.well-known/void: DCAT-AP and VoID from the live store
// (docs/http.md, "Catalog"). tests/http/linked_data_formats_test.py checks that the
// four syntaxes carry the same graph with rdflib.
#include <nlohmann/json.hpp>

#include <algorithm>

#include "rdf/rdf_reader.h"
#include "tests/http/read_checked.h"
#include "tests/http/server_fixture.h"

namespace bdis::test {
namespace {

const char* kData = R"(@prefix ess: <https://w3id.org/bdis/ess#> .
<https://w3id.org/bdis/id/initiative/siret/1> a ess:Initiative ; ess:name "AMAP <du> coin" .
<https://w3id.org/bdis/id/initiative/siret/2> a ess:Initiative ; ess:name "Recyclerie" .
)";

const char* kSource = R"(@prefix ess: <https://w3id.org/bdis/ess#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<https://w3id.org/bdis/id/source/amap> a ess:Source ;
  dcterms:title "Réseau <AMAP> & co" ;
  dcterms:license <https://www.etalab.gouv.fr/licence-ouverte-open-licence> ;
  dcterms:publisher <https://w3id.org/bdis/id/network/amap> ;
  ess:retrievedAt "2026-11-02T10:00:00Z"^^xsd:dateTime .
<https://w3id.org/bdis/id/network/amap> ess:name "Réseau des AMAP" .
)";

/// The N-Triples lines of a Turtle document (fails the test when it does not parse).
std::vector<std::string> triples(const std::string& text, rdf::RdfFormat format) {
  struct Lines : rdf::QuadSink {
    void quad(const rdf::QuadView& q) override {
      lines.push_back(rdf::toNTriples(q.s) + " " + rdf::toNTriples(q.p) + " " +
                      rdf::toNTriples(q.o));
    }
    std::vector<std::string> lines;
  } sink;
  readChecked(text, format, sink);
  return sink.lines;
}

bool has(const std::vector<std::string>& lines, const std::string& line) {
  return std::find(lines.begin(), lines.end(), line) != lines.end();
}

class CatalogTest : public ServerTest {
 protected:
  void SetUp() override {
    startServer(kData, {"--public-base", "https://data.example.org/"});
    auto put = httpRequest("PUT", url("/store?graph=" + urlEncode("https://w3id.org/bdis/id/source/amap")),
                           kSource, {"Content-Type: text/turtle", authHeader()});
    ASSERT_EQ(put.status, 201) << put.body;
  }
};

TEST_F(CatalogTest, TurtleByDefaultWithDcatAndVoid) {
  auto r = httpRequest("GET", url("/catalog"));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.headers["content-type"], "text/turtle; charset=utf-8");
  EXPECT_EQ(r.headers["vary"], "Accept");
  auto t = triples(r.body, rdf::RdfFormat::Turtle);
  const std::string cat = "<https://data.example.org/catalog>";
  const std::string ds = "<https://data.example.org/catalog#dataset>";
  const std::string rdfType = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>";
  const std::string dcat = "http://www.w3.org/ns/dcat#";
  const std::string vd = "http://rdfs.org/ns/void#";
  const std::string integer = "^^<http://www.w3.org/2001/XMLSchema#integer>";
  EXPECT_TRUE(has(t, cat + " " + rdfType + " <" + dcat + "Catalog>"));
  EXPECT_TRUE(has(t, cat + " <" + dcat + "dataset> " + ds));
  EXPECT_TRUE(has(t, ds + " " + rdfType + " <" + dcat + "Dataset>"));
  EXPECT_TRUE(has(t, ds + " " + rdfType + " <" + vd + "Dataset>"));
  // 4 default-graph quads + 6 in the source graph.
  EXPECT_TRUE(has(t, ds + " <" + vd + "triples> \"10\"" + integer));
  EXPECT_TRUE(has(t, ds + " <" + vd + "distinctSubjects> \"4\"" + integer));
  EXPECT_TRUE(has(t, ds + " <" + vd + "sparqlEndpoint> <https://data.example.org/sparql>"));
  EXPECT_TRUE(has(t, ds + " <" + vd + "uriSpace> \"https://w3id.org/bdis/id/\""));
  EXPECT_TRUE(has(t, ds + " <http://purl.org/dc/terms/license> "
                          "<https://www.etalab.gouv.fr/licence-ouverte-open-licence>"));
  EXPECT_TRUE(has(t, "<https://data.example.org/sparql> " + rdfType + " <" + dcat + "DataService>"));
  EXPECT_TRUE(has(t, "<https://data.example.org/catalog#publisher> <http://xmlns.com/foaf/0.1/name> "
                     "\"bdis\""));
  for (const auto& line : t) EXPECT_EQ(line.find("contactPoint"), std::string::npos) << line;
  EXPECT_TRUE(has(t, "<https://data.example.org/sparql> <" + dcat +
                         "endpointURL> <https://data.example.org/sparql>"));
  // The source: its own dataset, title, publisher with its name, subset with its size.
  const std::string src = "<https://w3id.org/bdis/id/source/amap>";
  EXPECT_TRUE(has(t, src + " <http://purl.org/dc/terms/title> \"Réseau <AMAP> & co\""));
  EXPECT_TRUE(has(t, src + " <" + vd + "triples> \"6\"" + integer));
  EXPECT_TRUE(has(t, ds + " <" + vd + "subset> " + src));
  EXPECT_TRUE(has(t, "<https://w3id.org/bdis/id/network/amap> <http://xmlns.com/foaf/0.1/name> "
                     "\"Réseau des AMAP\""));
  // The class partition of ess:Initiative.
  bool partition = false;
  for (const auto& line : t)
    partition = partition || line.find("<" + vd + "class> <https://w3id.org/bdis/ess#Initiative>") !=
                                 std::string::npos;
  EXPECT_TRUE(partition);
}

class CatalogPublisherTest : public ServerTest {
 protected:
  void SetUp() override {
    startServer(kData, {"--public-base", "https://data.example.org/", "--publisher",
                        "CRESS Provence-Alpes-Côte d'Azur", "--publisher-iri",
                        "https://www.wikidata.org/entity/Q3006221", "--contact-email",
                        "donnees@cress-paca.example"});
  }
};

TEST_F(CatalogPublisherTest, PublisherAndContactPointFromTheOptions) {
  for (const auto& [accept, format] :
       std::vector<std::pair<std::string, rdf::RdfFormat>>{{"text/turtle", rdf::RdfFormat::Turtle},
                                                           {"application/n-triples",
                                                            rdf::RdfFormat::NTriples}}) {
    auto r = httpRequest("GET", url("/catalog"), {}, {"Accept: " + accept});
    ASSERT_EQ(r.status, 200) << r.body;
    auto t = triples(r.body, format);
    const std::string cat = "<https://data.example.org/catalog>";
    const std::string ds = "<https://data.example.org/catalog#dataset>";
    const std::string who = "<https://www.wikidata.org/entity/Q3006221>";
    const std::string contact = "<https://data.example.org/catalog#contact>";
    EXPECT_TRUE(has(t, cat + " <http://purl.org/dc/terms/publisher> " + who)) << r.body;
    EXPECT_TRUE(has(t, ds + " <http://purl.org/dc/terms/publisher> " + who)) << r.body;
    EXPECT_TRUE(has(t, who + " <http://xmlns.com/foaf/0.1/name> \"CRESS Provence-Alpes-Côte d'Azur\""))
        << r.body;
    EXPECT_TRUE(has(t, ds + " <http://www.w3.org/ns/dcat#contactPoint> " + contact)) << r.body;
    EXPECT_TRUE(has(t, contact + " <http://www.w3.org/2006/vcard/ns#hasEmail> "
                                 "<mailto:donnees@cress-paca.example>"))
        << r.body;
  }
  // Without the options (CatalogTest): publisher "bdis" under the public base, no contact point.
}

TEST_F(CatalogTest, WellKnownVoidAndOtherSyntaxes) {
  auto nt = httpRequest("GET", url("/.well-known/void"), {}, {"Accept: application/n-triples"});
  ASSERT_EQ(nt.status, 200);
  EXPECT_EQ(nt.headers["content-type"], "application/n-triples");
  auto n = triples(nt.body, rdf::RdfFormat::NTriples).size();
  EXPECT_GT(n, 40u);

  auto jl = httpRequest("GET", url("/catalog"), {}, {"Accept: application/ld+json"});
  ASSERT_EQ(jl.status, 200);
  // Compacted: one node per subject; its values, @type included, are the triples.
  auto doc = nlohmann::json::parse(jl.body);
  EXPECT_EQ(doc["@context"]["dcat"], "http://www.w3.org/ns/dcat#");
  size_t values = 0;
  for (const auto& node : doc["@graph"])
    for (const auto& [key, v] : node.items())
      if (key != "@id") values += v.size();
  EXPECT_EQ(values, n) << jl.body;

  auto xml = httpRequest("GET", url("/catalog"), {}, {"Accept: application/rdf+xml"});
  ASSERT_EQ(xml.status, 200);
  EXPECT_EQ(xml.headers["content-type"], "application/rdf+xml; charset=utf-8");
  EXPECT_EQ(xml.body.rfind("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rdf:RDF", 0), 0u);
  EXPECT_NE(xml.body.find("<dcterms:title>Réseau &lt;AMAP&gt; &amp; co</dcterms:title>"),
            std::string::npos);

  auto html = httpRequest("GET", url("/catalog"), {}, {"Accept: text/html"});
  ASSERT_EQ(html.status, 200);
  EXPECT_EQ(html.headers["content-type"], "text/html; charset=utf-8");
  EXPECT_NE(html.body.find("&quot;Réseau &lt;AMAP&gt; &amp; co&quot;"), std::string::npos);
  EXPECT_EQ(html.body.find("<AMAP>"), std::string::npos);
}

TEST_F(CatalogTest, ClearErrors) {
  auto none = httpRequest("GET", url("/catalog"), {}, {"Accept: image/png"});
  EXPECT_EQ(none.status, 406);
  EXPECT_NE(none.body.find("application/rdf+xml"), std::string::npos);
  EXPECT_EQ(httpRequest("GET", url("/catalog?format=yaml")).status, 400);
  auto post = httpRequest("POST", url("/catalog"), "x", {"Content-Type: text/plain"});
  EXPECT_EQ(post.status, 405);
  EXPECT_EQ(post.headers["allow"], "GET, HEAD");
}

TEST_F(CatalogTest, CountsFollowWrites) {
  auto before = httpRequest("GET", url("/catalog?format=nt")).body;
  auto upd = httpRequest("POST", url("/update"),
                         "INSERT DATA { <https://w3id.org/bdis/id/x> <https://ex.org/p> 1 }",
                         {"Content-Type: application/sparql-update", authHeader()});
  ASSERT_EQ(upd.status, 200) << upd.body;
  auto after = httpRequest("GET", url("/catalog?format=nt")).body;
  EXPECT_NE(after.find("<http://rdfs.org/ns/void#triples> \"11\""), std::string::npos) << after;
}

}  // namespace
}  // namespace bdis::test
