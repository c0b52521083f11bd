// The SPARQL 1.1 Protocol test cases of the W3C suite
// (../shared/w3c/sparql/sparql11/protocol/manifest.ttl), one test per entry, each
// replaying the manifest's HTTP exchanges against a running `bdis serve`.

#include "tests/http/server_fixture.h"

namespace bdis::test {
namespace {

const char* kData1 = "http://kasei.us/2009/09/sparql/data/data1.rdf";
const char* kData2 = "http://kasei.us/2009/09/sparql/data/data2.rdf";
const char* kData3 = "http://kasei.us/2009/09/sparql/data/data3.rdf";

class W3cProtocolTest : public ServerTest {
 protected:
  void SetUp() override {
    startServer("");
    for (const char* g : {kData1, kData2, kData3}) {
      std::string nt = std::string("<") + g +
                       "> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
                       "<http://xmlns.com/foaf/0.1/Document> .\n";
      auto r = httpRequest("PUT", url("/store?graph=" + urlEncode(g)), nt,
                           {"Content-Type: application/n-triples", authHeader()});
      ASSERT_EQ(r.status, 201) << r.body;
    }
  }

  static std::string enc(const std::string& s) { return urlEncode(s); }

  /// POST with a body of the given media type (no Content-Type header when empty:
  /// "Content-Type:" stops libcurl from adding its form default).
  HttpResult post(const std::string& pathAndQuery, const std::string& body,
                  const std::string& contentType, std::vector<std::string> headers = {}) {
    headers.push_back("Content-Type:" + (contentType.empty() ? "" : " " + contentType));
    return httpRequest("POST", url(pathAndQuery), body, headers);
  }

  /// An update the way the manifest sends it; true when the server executed it.
  bool update(const std::string& pathAndQuery, const std::string& text, HttpResult* out) {
    *out = post(pathAndQuery, text, "application/sparql-update", {authHeader()});
    return out->status != 501;
  }

  static bool isSuccess(const HttpResult& r) { return r.status >= 200 && r.status < 400; }
  static bool isTrue(const HttpResult& r) {
    return r.body.find("\"boolean\": true") != std::string::npos ||
           r.body.find("\"boolean\":true") != std::string::npos ||
           r.body.find("<boolean>true</boolean>") != std::string::npos;
  }
  static bool isClientError(const HttpResult& r) { return r.status >= 400 && r.status < 500; }
};

const std::string kAskTwoDefaults =
    std::string("ASK { <") + kData1 + "> a ?type . <" + kData2 + "> a ?type . }";
const std::string kAskTwoNamed = std::string("ASK { GRAPH ?g1 { <") + kData1 +
                                 "> a ?type } GRAPH ?g2 { <" + kData2 + "> a ?type } }";
const std::string kData0Param =
    "default-graph-uri=" + urlEncode("http://kasei.us/2009/09/sparql/data/data0.rdf");

#define EXPECT_TRUE_ANSWER(r)                                   \
  do {                                                          \
    EXPECT_TRUE(isSuccess(r)) << (r).status << " " << (r).body; \
    EXPECT_TRUE(isTrue(r)) << (r).body;                         \
  } while (0)

TEST_F(W3cProtocolTest, query_post_form) {
  auto r =
      post("/sparql?" + kData0Param, "query=ASK%20%7B%7D", "application/x-www-form-urlencoded");
  EXPECT_TRUE_ANSWER(r);
}

// Pistache's own query map keeps one value per name; the server reads the raw
// request line (server/http/raw_request.h) so that repeated parameters arrive.
TEST_F(W3cProtocolTest, query_dataset_default_graphs_get) {
  auto r = httpRequest("GET", url("/sparql?query=" + enc(kAskTwoDefaults) + "&default-graph-uri=" +
                                  enc(kData1) + "&default-graph-uri=" + enc(kData2)));
  EXPECT_TRUE_ANSWER(r);
  // Only one of the two graphs as the default graph: the query is false.
  auto one = httpRequest(
      "GET", url("/sparql?query=" + enc(kAskTwoDefaults) + "&default-graph-uri=" + enc(kData1)));
  EXPECT_TRUE(isSuccess(one));
  EXPECT_FALSE(isTrue(one)) << one.body;
}

TEST_F(W3cProtocolTest, query_dataset_default_graphs_post) {
  auto r = post("/sparql?default-graph-uri=" + enc(kData1) + "&default-graph-uri=" + enc(kData2),
                kAskTwoDefaults, "application/sparql-query");
  EXPECT_TRUE_ANSWER(r);
  // The same dataset as repeated form fields.
  auto form = post("/sparql",
                   "query=" + enc(kAskTwoDefaults) + "&default-graph-uri=" + enc(kData1) +
                       "&default-graph-uri=" + enc(kData2),
                   "application/x-www-form-urlencoded");
  EXPECT_TRUE_ANSWER(form);
}

TEST_F(W3cProtocolTest, query_dataset_named_graphs_post) {
  auto r = post("/sparql?named-graph-uri=" + enc(kData1) + "&named-graph-uri=" + enc(kData2),
                kAskTwoNamed, "application/sparql-query");
  EXPECT_TRUE_ANSWER(r);
  auto form = post("/sparql",
                   "query=" + enc(kAskTwoNamed) + "&named-graph-uri=" + enc(kData1) +
                       "&named-graph-uri=" + enc(kData2),
                   "application/x-www-form-urlencoded");
  EXPECT_TRUE_ANSWER(form);
}

TEST_F(W3cProtocolTest, query_dataset_named_graphs_get) {
  auto r = httpRequest("GET", url("/sparql?query=" + enc(kAskTwoNamed) + "&named-graph-uri=" +
                                  enc(kData1) + "&named-graph-uri=" + enc(kData2)));
  EXPECT_TRUE_ANSWER(r);
}

TEST_F(W3cProtocolTest, query_dataset_full) {
  std::string q = std::string("ASK {\n  <") + kData3 + "> a ?type\n  GRAPH ?g1 { <" + kData1 +
                  "> a ?type }\n  GRAPH ?g2 { <" + kData2 + "> a ?type }\n}";
  auto r = post("/sparql?default-graph-uri=" + enc(kData3) + "&named-graph-uri=" + enc(kData1) +
                    "&named-graph-uri=" + enc(kData2),
                q, "application/sparql-query");
  EXPECT_TRUE_ANSWER(r);
}

TEST_F(W3cProtocolTest, query_multiple_dataset) {
  std::string q = std::string("ASK FROM <") + kData3 + "> { GRAPH ?g1 { <" + kData1 +
                  "> a ?type } GRAPH ?g2 { <" + kData2 + "> a ?type } }";
  auto r = post("/sparql?named-graph-uri=" + enc(kData1) + "&named-graph-uri=" + enc(kData2), q,
                "application/sparql-query");
  EXPECT_TRUE_ANSWER(r);
}

TEST_F(W3cProtocolTest, query_get) {
  auto r = httpRequest("GET", url("/sparql?query=ASK%20%7B%7D&" + kData0Param));
  EXPECT_TRUE_ANSWER(r);
}

TEST_F(W3cProtocolTest, query_content_type_select) {
  auto r = post("/sparql?" + kData0Param, "SELECT (1 AS ?value) {}", "application/sparql-query");
  ASSERT_TRUE(isSuccess(r)) << r.body;
  const std::string& ct = r.headers["content-type"];
  EXPECT_TRUE(ct.rfind("application/sparql-results+json", 0) == 0 ||
              ct.rfind("application/sparql-results+xml", 0) == 0 || ct.rfind("text/csv", 0) == 0 ||
              ct.rfind("text/tab-separated-values", 0) == 0)
      << ct;
  EXPECT_NE(r.body.find("\"value\""), std::string::npos) << r.body;
}

TEST_F(W3cProtocolTest, query_content_type_ask) {
  auto r = post("/sparql?" + kData0Param, "ASK {}", "application/sparql-query");
  ASSERT_TRUE(isSuccess(r)) << r.body;
  const std::string& ct = r.headers["content-type"];
  EXPECT_TRUE(ct.rfind("application/sparql-results+json", 0) == 0 ||
              ct.rfind("application/sparql-results+xml", 0) == 0)
      << ct;
}

TEST_F(W3cProtocolTest, query_content_type_describe) {
  // The manifest sends no Accept: any RDF syntax will do.
  auto r =
      post("/sparql?" + kData0Param, "DESCRIBE <http://example.org/>", "application/sparql-query");
  ASSERT_TRUE(isSuccess(r)) << r.body;
  const std::string& ct = r.headers["content-type"];
  EXPECT_TRUE(ct.rfind("text/turtle", 0) == 0 || ct.rfind("application/n-triples", 0) == 0) << ct;
}

TEST_F(W3cProtocolTest, query_content_type_construct) {
  auto r = post("/sparql?" + kData0Param, "CONSTRUCT { <s> <p> 1 } WHERE {}",
                "application/sparql-query", {"Accept: text/turtle"});
  ASSERT_TRUE(isSuccess(r)) << r.body;
  EXPECT_EQ(r.headers["content-type"].rfind("text/turtle", 0), 0u) << r.headers["content-type"];
  EXPECT_NE(r.body.find("1"), std::string::npos) << r.body;
}

TEST_F(W3cProtocolTest, query_post_direct) {
  auto r = post("/sparql", "ASK {}", "application/sparql-query");
  EXPECT_TRUE_ANSWER(r);
}

TEST_F(W3cProtocolTest, bad_query_method) {
  auto r = httpRequest("PUT", url("/sparql?query=ASK%20%7B%7D&" + kData0Param), {},
                       {"Content-Type: application/x-www-form-urlencoded"});
  EXPECT_TRUE(isClientError(r)) << r.status;
}

TEST_F(W3cProtocolTest, bad_multiple_queries) {
  auto get = httpRequest("GET", url("/sparql?query=ASK%20%7B%7D&query=SELECT%20%2A%20%7B%7D"));
  EXPECT_TRUE(isClientError(get)) << get.status;
  auto form = post("/sparql", "query=ASK%20%7B%7D&query=SELECT%20%2A%20%7B%7D",
                   "application/x-www-form-urlencoded");
  EXPECT_TRUE(isClientError(form)) << form.status;
  auto both = post("/sparql?query=ASK%20%7B%7D", "SELECT * {}", "application/sparql-query");
  EXPECT_TRUE(isClientError(both)) << both.status;
}

TEST_F(W3cProtocolTest, bad_query_wrong_media_type) {
  EXPECT_TRUE(isClientError(post("/sparql", "ASK {}", "text/plain")));
}

TEST_F(W3cProtocolTest, bad_query_missing_form_type) {
  EXPECT_TRUE(isClientError(post("/sparql", "query=ASK%20%7B%7D", "")));
}

TEST_F(W3cProtocolTest, bad_query_missing_direct_type) {
  EXPECT_TRUE(isClientError(post("/sparql", "ASK {}", "")));
}

TEST_F(W3cProtocolTest, bad_query_non_utf8) {
  EXPECT_TRUE(isClientError(post("/sparql", "ASK {}", "application/sparql-query; charset=UTF-16")));
}

TEST_F(W3cProtocolTest, bad_query_syntax) {
  auto r = httpRequest("GET", url("/sparql?query=ASK%20%7B"));
  EXPECT_EQ(r.status, 400) << r.body;
}

TEST_F(W3cProtocolTest, bad_update_get) {
  auto r = httpRequest("GET", url("/sparql?update=CLEAR%20ALL"), {}, {authHeader()});
  EXPECT_TRUE(isClientError(r)) << r.status;
}

TEST_F(W3cProtocolTest, bad_multiple_updates) {
  auto r = post("/sparql", "update=CLEAR%20NAMED&update=CLEAR%20DEFAULT",
                "application/x-www-form-urlencoded", {authHeader()});
  EXPECT_TRUE(isClientError(r)) << r.status;
}

TEST_F(W3cProtocolTest, bad_update_wrong_media_type) {
  EXPECT_TRUE(isClientError(post("/sparql", "CLEAR NAMED", "text/plain", {authHeader()})));
}

TEST_F(W3cProtocolTest, bad_update_missing_form_type) {
  EXPECT_TRUE(isClientError(post("/sparql", "update=CLEAR%20NAMED", "", {authHeader()})));
}

TEST_F(W3cProtocolTest, bad_update_non_utf8) {
  EXPECT_TRUE(isClientError(
      post("/sparql", "CLEAR NAMED", "application/sparql-update; charset=UTF-16", {authHeader()})));
}

TEST_F(W3cProtocolTest, bad_update_syntax) {
  auto r =
      post("/sparql", "update=CLEAR%20XYZ", "application/x-www-form-urlencoded", {authHeader()});
  ASSERT_NE(r.status, 501) << "SPARQL Update must be executed";
  EXPECT_EQ(r.status, 400) << r.body;
}

TEST_F(W3cProtocolTest, bad_update_dataset_conflict) {
  HttpResult r;
  ASSERT_TRUE(update("/sparql?using-named-graph-uri=" + enc("http://example/people"),
              "PREFIX foaf: <http://xmlns.com/foaf/0.1/> WITH <http://example/addresses> DELETE { "
              "?person foaf:givenName 'Bill' } INSERT { ?person foaf:givenName 'William' } WHERE "
              "{ ?person foaf:givenName 'Bill' }",
              &r)) << "SPARQL Update must be executed";
  EXPECT_TRUE(isClientError(r)) << r.status << " " << r.body;
}

TEST_F(W3cProtocolTest, update_post_form) {
  auto r = post("/sparql", "update=CLEAR+ALL", "application/x-www-form-urlencoded", {authHeader()});
  ASSERT_NE(r.status, 501) << "SPARQL Update must be executed";
  EXPECT_TRUE(isSuccess(r)) << r.status << " " << r.body;
  EXPECT_EQ(httpRequest("GET", url("/store?graph=" + enc(kData1))).status, 404);
}

TEST_F(W3cProtocolTest, update_post_direct) {
  HttpResult r;
  ASSERT_TRUE(update("/sparql", "CLEAR ALL", &r)) << "SPARQL Update must be executed";
  EXPECT_TRUE(isSuccess(r)) << r.status << " " << r.body;
  EXPECT_EQ(httpRequest("GET", url("/store?graph=" + enc(kData2))).status, 404);
}

const std::string kInsertThree = std::string("INSERT DATA {\n GRAPH <") + kData1 + "> { <" +
                                 kData1 + "> a foaf:Document }\n GRAPH <" + kData2 + "> { <" +
                                 kData2 + "> a foaf:Document }\n GRAPH <" + kData3 + "> { <" +
                                 kData3 + "> a foaf:Document }\n}";
const char* kPrefixes =
    "PREFIX dc: <http://purl.org/dc/terms/>\nPREFIX foaf: <http://xmlns.com/foaf/0.1/>\n";

TEST_F(W3cProtocolTest, update_dataset_default_graph) {
  HttpResult r;
  ASSERT_TRUE(update("/sparql?using-graph-uri=" + enc(kData1),
              std::string(kPrefixes) + "CLEAR ALL ;\nINSERT DATA { GRAPH <" + kData1 + "> { <" +
                  kData1 +
                  "> a foaf:Document } } ;\nINSERT { GRAPH "
                  "<http://example.org/protocol-update-dataset-test/> { ?s a "
                  "dc:BibliographicResource } } WHERE { ?s a foaf:Document }",
              &r)) << "SPARQL Update must be executed";
  EXPECT_TRUE(isSuccess(r)) << r.status << " " << r.body;
  auto ask =
      post("/sparql",
           std::string("ASK { GRAPH <http://example.org/protocol-update-dataset-test/> { <") +
               kData1 + "> a <http://purl.org/dc/terms/BibliographicResource> } }",
           "application/sparql-query");
  EXPECT_TRUE_ANSWER(ask);
}

std::string askTwoNotThird(const std::string& graph) {
  return std::string("ASK { GRAPH <") + graph + "> { <" + kData1 +
         "> a <http://purl.org/dc/terms/BibliographicResource> . <" + kData2 +
         "> a <http://purl.org/dc/terms/BibliographicResource> . } FILTER NOT EXISTS { GRAPH <" +
         graph + "> { <" + kData3 + "> a <http://purl.org/dc/terms/BibliographicResource> . } } }";
}

TEST_F(W3cProtocolTest, update_dataset_default_graphs) {
  const std::string g = "http://example.org/protocol-update-dataset-graphs-test/";
  HttpResult r;
  ASSERT_TRUE(update("/sparql?using-graph-uri=" + enc(kData1) + "&using-graph-uri=" + enc(kData2),
              std::string(kPrefixes) + "DROP ALL ;\n" + kInsertThree + " ;\nINSERT { GRAPH <" + g +
                  "> { ?s a dc:BibliographicResource } } WHERE { ?s a foaf:Document }",
              &r)) << "SPARQL Update must be executed";
  EXPECT_TRUE(isSuccess(r)) << r.status << " " << r.body;
  EXPECT_TRUE_ANSWER(post("/sparql", askTwoNotThird(g), "application/sparql-query"));
}

TEST_F(W3cProtocolTest, update_dataset_named_graphs) {
  const std::string g = "http://example.org/protocol-update-dataset-named-graphs-test/";
  HttpResult r;
  ASSERT_TRUE(update(
          "/sparql?using-named-graph-uri=" + enc(kData1) + "&using-named-graph-uri=" + enc(kData2),
          std::string(kPrefixes) + "DROP ALL ;\n" + kInsertThree + " ;\nINSERT { GRAPH <" + g +
              "> { ?s a dc:BibliographicResource } } WHERE { GRAPH ?g { ?s a foaf:Document } }",
          &r)) << "SPARQL Update must be executed";
  EXPECT_TRUE(isSuccess(r)) << r.status << " " << r.body;
  EXPECT_TRUE_ANSWER(post("/sparql", askTwoNotThird(g), "application/sparql-query"));
}

TEST_F(W3cProtocolTest, update_dataset_full) {
  const std::string g = "http://example.org/protocol-update-dataset-full-test/";
  HttpResult r;
  ASSERT_TRUE(update("/sparql?using-graph-uri=" + enc(kData1) + "&using-named-graph-uri=" + enc(kData2),
              std::string(kPrefixes) + "DROP ALL ;\n" + kInsertThree + " ;\nINSERT { GRAPH <" + g +
                  "> { ?s <http://example.org/in> ?in } } WHERE { { GRAPH ?g { ?s a "
                  "foaf:Document } BIND(?g AS ?in) } UNION { ?s a foaf:Document . "
                  "BIND(\"default\" AS ?in) } }",
              &r)) << "SPARQL Update must be executed";
  EXPECT_TRUE(isSuccess(r)) << r.status << " " << r.body;
  std::string ask = std::string("ASK { GRAPH <") + g + "> { <" + kData1 +
                    "> <http://example.org/in> \"default\" . <" + kData2 +
                    "> <http://example.org/in> <" + kData2 + "> . } FILTER NOT EXISTS { GRAPH <" +
                    g + "> { <" + kData3 + "> ?p ?o } } }";
  EXPECT_TRUE_ANSWER(post("/sparql", ask, "application/sparql-query"));
}

TEST_F(W3cProtocolTest, update_base_uri) {
  HttpResult r;
  ASSERT_TRUE(update("/sparql",
              "CLEAR SILENT GRAPH <http://example.org/protocol-base-test/> ;\nINSERT DATA { GRAPH "
              "<http://example.org/protocol-base-test/> { <http://example.org/s> "
              "<http://example.org/p> <test> } }",
              &r)) << "SPARQL Update must be executed";
  EXPECT_TRUE(isSuccess(r)) << r.status << " " << r.body;
  auto ask = post("/sparql",
                  "ASK { GRAPH <http://example.org/protocol-base-test/> { <http://example.org/s> "
                  "<http://example.org/p> ?o FILTER (isIRI(?o) && STR(?o) != \"test\") } }",
                  "application/sparql-query");
  EXPECT_TRUE_ANSWER(ask);
}

}  // namespace
}  // namespace bdis::test
