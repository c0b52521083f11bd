// GET /id/...: minted IRIs dereference by content negotiation to Turtle, N-Triples,
// N-Quads, TriG, JSON-LD and HTML (docs/http.md, "Linked Data").
#include <nlohmann/json.hpp>

#include <set>

#include "rdf/rdf_reader.h"
#include "tests/http/read_checked.h"
#include "tests/http/server_fixture.h"

namespace bdis::test {
namespace {

const char* kData = R"(@prefix ess: <https://w3id.org/bdis/ess#> .
@prefix schema: <http://schema.org/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix wgs: <http://www.w3.org/2003/01/geo/wgs84_pos#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix id: <https://w3id.org/bdis/id/> .
ess:Initiative rdfs:label "Initiative de l'ESS"@fr, "SSE initiative"@en .
ess:name rdfs:label "nom"@fr .
id:initiative\/siret\/123 a ess:Initiative ;
  ess:name "Café <b>&</b> \"Épicerie\" <script>alert(1)</script>" ;
  ess:commune id:commune\/75111 ;
  ess:hasAddress [ ess:postalCode "75011" ] ;
  schema:url <https://cafe.example/?a=1&b=2> ;
  schema:sameAs <javascript:alert(2)> ;
  wgs:lat "48.8590"^^xsd:decimal ; wgs:long "2.3800"^^xsd:decimal .
id:commune\/75111 ess:name "Paris 11e Arrondissement" .
id:network\/amap ess:member id:initiative\/siret\/123 .
<https://w3id.org/bdis/id/initiative/np/75011/caf%C3%A9> ess:name "Café encodé" .
<https://data.example.org/id/local/1> ess:name "minted under the public base" .
id:initiative\/siret\/456 ess:hasAddress id:initiative\/siret\/456\/address\/src ;
  ess:memberOf id:initiative\/siret\/4567 .
id:initiative\/siret\/456\/address\/src ess:locality "Lyon" .
id:initiative\/siret\/4567 ess:name "a neighbour, not a part" .
<https://other.example/id/x> ess:name "minted under another base" .
)";

/// Counts the statements of a document, failing the test when it does not parse.
uint64_t parseCount(const std::string& text, rdf::RdfFormat format) {
  struct Count : rdf::QuadSink {
    void quad(const rdf::QuadView& q) override {
      ++n;
      if (!q.g.isNone()) graphs.insert(std::string(q.g.value));
    }
    uint64_t n = 0;
    std::set<std::string> graphs;
  } sink;
  readChecked(text, format, sink);
  return sink.n;
}

class LinkedDataTest : public ServerTest {
 protected:
  void SetUp() override { startServer(kData, {"--public-base", "https://data.example.org/"}); }
  HttpResult get(const std::string& path, const std::string& accept = {}) {
    std::vector<std::string> h;
    if (!accept.empty()) h.push_back("Accept: " + accept);
    return httpRequest("GET", url(path), {}, h);
  }
};

constexpr const char* kCafe = "/id/initiative/siret/123";

TEST_F(LinkedDataTest, TurtleForMachinesWithVaryAccept) {
  auto r = get(kCafe, "*/*");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.headers["content-type"], "text/turtle; charset=utf-8");
  EXPECT_EQ(r.headers["vary"], "Accept");
  EXPECT_FALSE(r.headers["etag"].empty());
  // 8 own triples + 1 of the address blank node + 1 inbound.
  EXPECT_EQ(parseCount(r.body, rdf::RdfFormat::Turtle), 10u) << r.body;
  EXPECT_NE(r.body.find("@prefix ess:"), std::string::npos);
  EXPECT_NE(r.body.find("network/amap"), std::string::npos) << "inbound triple";
}

TEST_F(LinkedDataTest, VocabularyTermsDereference) {
  // The ontology document (its header and every ess: term) and the schemes' concepts,
  // from the vocabulary built into the program: this store holds none of it.
  auto doc = get("/ess", "text/turtle");
  ASSERT_EQ(doc.status, 200) << doc.body;
  EXPECT_EQ(doc.headers["content-type"], "text/turtle; charset=utf-8");
  EXPECT_EQ(doc.headers["link"], "<https://w3id.org/bdis/ess>; rel=\"canonical\"");
  const uint64_t statements = parseCount(doc.body, rdf::RdfFormat::Turtle);
  EXPECT_GT(statements, 300u) << doc.body.substr(0, 2000);
  auto nt = get("/ess", "application/n-triples");
  EXPECT_EQ(parseCount(nt.body, rdf::RdfFormat::NTriples), statements);
  EXPECT_NE(nt.body.find("<https://w3id.org/bdis/ess#Initiative> "
                         "<http://www.w3.org/2000/01/rdf-schema#label> \"Initiative de l'ESS\"@fr"),
            std::string::npos);
  EXPECT_NE(nt.body.find("<https://w3id.org/bdis/ess> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
                         "<http://www.w3.org/2002/07/owl#Ontology>"),
            std::string::npos);
  EXPECT_EQ(nt.body.find("<https://w3id.org/bdis/ess/cj/5458>"), std::string::npos)
      << "concepts are documents of their own";
  auto term = get("/ess/cj/5458", "application/n-triples");
  ASSERT_EQ(term.status, 200) << term.body;
  EXPECT_NE(term.body.find("<https://w3id.org/bdis/ess/cj/5458> "
                              "<http://www.w3.org/2004/02/skos/core#notation> \"5458\""),
            std::string::npos)
      << term.body;
  auto html = get("/ess/cj/5458", "text/html");
  ASSERT_EQ(html.status, 200);
  EXPECT_NE(html.body.find("href=\"/ess/cj/54\""), std::string::npos) << "links stay on the server";
  EXPECT_EQ(get("/ess/cj/nope", "text/turtle").status, 404);
  EXPECT_EQ(get("/essai", "text/turtle").status, 404);
  EXPECT_EQ(get("/ess", "image/png").status, 406);
  auto head = httpRequest("HEAD", url("/ess"), {}, {"Accept: text/turtle"});
  EXPECT_EQ(head.status, 200);
  EXPECT_EQ(head.headers["content-length"], std::to_string(doc.body.size()));
}

TEST_F(LinkedDataTest, NTriplesNQuadsTrigAndJsonLdParse) {
  auto nt = get(kCafe, "application/n-triples");
  ASSERT_EQ(nt.status, 200);
  EXPECT_EQ(nt.headers["content-type"], "application/n-triples");
  EXPECT_EQ(parseCount(nt.body, rdf::RdfFormat::NTriples), 10u);

  auto nq = get(kCafe, "application/n-quads");
  ASSERT_EQ(nq.status, 200);
  EXPECT_EQ(parseCount(nq.body, rdf::RdfFormat::NQuads), 10u);

  auto trig = get(std::string(kCafe) + "?format=trig");
  ASSERT_EQ(trig.status, 200);
  EXPECT_EQ(trig.headers["content-type"], "application/trig");
  EXPECT_EQ(parseCount(trig.body, rdf::RdfFormat::TriG), 10u);

  auto jl = get(kCafe, "application/ld+json");
  ASSERT_EQ(jl.status, 200);
  EXPECT_EQ(jl.headers["content-type"], "application/ld+json; charset=utf-8");
  // Compacted: a context of prefixes, one node per subject (the initiative, its address,
  // the network pointing at it), compact IRIs, @type.
  auto doc = nlohmann::json::parse(jl.body);
  ASSERT_TRUE(doc.is_object()) << jl.body;
  EXPECT_EQ(doc["@context"]["ess"], "https://w3id.org/bdis/ess#");
  ASSERT_TRUE(doc["@graph"].is_array());
  EXPECT_EQ(doc["@graph"].size(), 3u) << jl.body;
  bool sawName = false;
  for (const auto& node : doc["@graph"]) {
    if (node.contains("ess:name")) {
      EXPECT_EQ(node["@id"], "https://w3id.org/bdis/id/initiative/siret/123");
      EXPECT_EQ(node["@type"][0], "ess:Initiative") << jl.body;
      sawName = node["ess:name"][0]["@value"].get<std::string>().find("<script>") !=
                std::string::npos;
    }
  }
  EXPECT_TRUE(sawName) << jl.body;
}

TEST_F(LinkedDataTest, NamedGraphsAreKeptInQuadFormatsAndListedAsSources) {
  auto put = httpRequest("PUT", url("/store?graph=" + urlEncode("https://w3id.org/bdis/id/source/amap")),
                         "<https://w3id.org/bdis/id/initiative/siret/123> "
                         "<https://w3id.org/bdis/ess#siret> \"123\" .\n",
                         {"Content-Type: application/n-triples", authHeader()});
  ASSERT_EQ(put.status, 201) << put.body;
  auto nq = get(kCafe, "application/n-quads");
  EXPECT_NE(nq.body.find("\"123\" <https://w3id.org/bdis/id/source/amap> ."), std::string::npos)
      << nq.body;
  auto html = get(kCafe, "text/html");
  EXPECT_NE(html.body.find("<a href=\"/id/source/amap\""), std::string::npos) << html.body;
}

TEST_F(LinkedDataTest, HtmlForBrowsersEscapesAndLinks) {
  auto r = get(kCafe, "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.headers["content-type"], "text/html; charset=utf-8");
  EXPECT_EQ(r.headers["vary"], "Accept");
  const auto& b = r.body;
  EXPECT_EQ(b.find("<script>alert"), std::string::npos) << "literal not escaped";
  EXPECT_EQ(b.find("<b>&</b>"), std::string::npos);
  EXPECT_NE(b.find("<h1>Café &lt;b&gt;&amp;&lt;/b&gt; &quot;Épicerie&quot; &lt;script&gt;"),
            std::string::npos)
      << b;
  EXPECT_NE(b.find("href=\"https://cafe.example/?a=1&amp;b=2\""), std::string::npos);
  EXPECT_EQ(b.find("href=\"javascript:"), std::string::npos) << "a javascript: IRI became a link";
  EXPECT_NE(b.find("javascript:alert(2)"), std::string::npos) << "but it is shown";
  // Minted IRIs link to their own /id/ page, with their label; types show their label.
  EXPECT_NE(b.find("<a href=\"/id/commune/75111\" title=\"https://w3id.org/bdis/id/commune/75111\">"
                   "Paris 11e Arrondissement</a>"),
            std::string::npos);
  EXPECT_NE(b.find(">Initiative de l&#39;ESS</a>"), std::string::npos);
  EXPECT_NE(b.find(">nom</a>"), std::string::npos) << "predicate label";
  // Inbound link, blank node, coordinates.
  EXPECT_NE(b.find("Liens entrants"), std::string::npos);
  EXPECT_NE(b.find("href=\"/id/network/amap\""), std::string::npos);
  EXPECT_NE(b.find("75011"), std::string::npos);
  EXPECT_NE(b.find("48.859000, 2.380000"), std::string::npos);
}

TEST_F(LinkedDataTest, LinksFollowToResourcesThatDereference) {
  auto commune = get("/id/commune/75111", "text/html");
  ASSERT_EQ(commune.status, 200);
  EXPECT_NE(commune.body.find("href=\"/id/initiative/siret/123\""), std::string::npos)
      << "inbound link back to the initiative";
  auto network = get("/id/network/amap", "text/turtle");
  ASSERT_EQ(network.status, 200) << "a resource known only as a subject of one triple";
}

TEST_F(LinkedDataTest, PercentInIrisRoundTrips) {
  // The IRI holds "%C3%A9" literally; its link escapes the '%' so that decoding the
  // request path gives the IRI back.
  auto html = get("/id/initiative/np/75011/caf%25C3%25A9", "text/html");
  ASSERT_EQ(html.status, 200) << html.body;
  EXPECT_NE(html.body.find("Café encodé"), std::string::npos);
  EXPECT_NE(html.body.find("href=\"/id/initiative/np/75011/caf%25C3%25A9?format=ttl\""),
            std::string::npos)
      << html.body;
}

TEST_F(LinkedDataTest, NodesUnderTheResourceIriArePartOfItsDescription) {
  auto r = get("/id/initiative/siret/456", "application/n-triples");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_NE(r.body.find("<https://w3id.org/bdis/id/initiative/siret/456/address/src> "
                        "<https://w3id.org/bdis/ess#locality> \"Lyon\" ."),
            std::string::npos)
      << r.body;
  EXPECT_EQ(r.body.find("a neighbour"), std::string::npos) << r.body;
  EXPECT_EQ(parseCount(r.body, rdf::RdfFormat::NTriples), 3u);
}

TEST_F(LinkedDataTest, IrisMintedUnderThePublicBaseDereferenceToo) {
  auto r = get("/id/local/1", "application/n-triples");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_NE(r.body.find("<https://data.example.org/id/local/1>"), std::string::npos);
}

TEST_F(LinkedDataTest, ClearErrors) {
  auto missing = get("/id/initiative/siret/999", "text/turtle");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.headers["vary"], "Accept");
  EXPECT_NE(missing.body.find("https://w3id.org/bdis/id/initiative/siret/999"), std::string::npos);
  EXPECT_EQ(get("/id/", "text/turtle").status, 404);
  auto none = get(kCafe, "image/png");
  EXPECT_EQ(none.status, 406);
  EXPECT_NE(none.body.find("text/turtle"), std::string::npos);
  auto bad = get(std::string(kCafe) + "?format=rdfxml");
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("format"), std::string::npos);
  auto post = httpRequest("POST", url(kCafe), "x", {"Content-Type: text/plain"});
  EXPECT_EQ(post.status, 405);
  EXPECT_EQ(post.headers["allow"], "GET, HEAD");
  EXPECT_EQ(get("/health").status, 200) << "the server is still up";
}

TEST_F(LinkedDataTest, HeadAndConditionalGet) {
  auto head = httpRequest("HEAD", url(kCafe), {}, {"Accept: text/turtle"});
  EXPECT_EQ(head.status, 200);
  EXPECT_TRUE(head.body.empty());
  auto first = get(kCafe, "text/turtle");
  EXPECT_EQ(head.headers["content-length"], std::to_string(first.body.size()));
  EXPECT_EQ(head.headers["etag"], first.headers["etag"]);
  auto etag = first.headers["etag"];
  ASSERT_FALSE(etag.empty());
  auto again = httpRequest("GET", url(kCafe), {}, {"Accept: text/turtle", "If-None-Match: " + etag});
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
  auto html = get(kCafe, "text/html");
  EXPECT_NE(html.headers["etag"], etag) << "one tag per representation";
}

class LinkedDataIdBaseTest : public ServerTest {};

TEST_F(LinkedDataIdBaseTest, IdBaseOptionChangesWhatDereferences) {
  startServer(kData, {"--id-base", "https://other.example/id/"});
  auto other = httpRequest("GET", url("/id/x"), {}, {"Accept: application/n-triples"});
  EXPECT_EQ(other.status, 200) << other.body;
  auto minted = httpRequest("GET", url("/id/initiative/siret/123"), {}, {"Accept: text/turtle"});
  EXPECT_EQ(minted.status, 404);
}

}  // namespace
}  // namespace bdis::test
