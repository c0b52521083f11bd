// SPARQL 1.1 Protocol behaviour of a running `bdis serve`.

#include <sys/socket.h>
#include <netinet/in.h>
#include <unistd.h>

#include "tests/http/server_fixture.h"

namespace bdis::test {
namespace {

const char* kData = R"(@prefix schema: <https://schema.org/> .
@prefix ess: <https://w3id.org/bdis/ess#> .
<https://ex.org/i/1> a ess:Initiative ; schema:name "AMAP des Lilas"@fr ; schema:postalCode "13001" .
<https://ex.org/i/2> a ess:Initiative ; schema:name "Ressourcerie du Port"@fr ; schema:postalCode "13002" .
<https://ex.org/i/3> a ess:Initiative ; schema:name "Café associatif"@fr .
)";

const char* kCount =
    "SELECT (COUNT(*) AS ?n) WHERE { ?i a <https://w3id.org/bdis/ess#Initiative> }";

class ProtocolTest : public ServerTest {
 protected:
  void SetUp() override { startServer(kData); }
};

class OneThreadPerQueryTest : public ServerTest {
 protected:
  void SetUp() override { startServer(kData, {"--no-parallel-query"}); }
};

TEST_F(OneThreadPerQueryTest, AnswersAsUsual) {
  // `serve --no-parallel-query`: the switch is taken and group counts and OPTIONAL pages
  // answer as with helper threads (which these few triples would not use anyway).
  auto count = httpRequest("POST", url("/sparql"), kCount,
                           {"Content-Type: application/sparql-query", "Accept: text/csv"});
  ASSERT_EQ(count.status, 200) << count.body;
  EXPECT_EQ(count.body, "n\r\n3\r\n");
  auto page = httpRequest("POST", url("/sparql"),
                          "SELECT ?c (COUNT(?i) AS ?n) WHERE { ?i a ?c OPTIONAL { ?i "
                          "<https://schema.org/postalCode> ?z } } GROUP BY ?c",
                          {"Content-Type: application/sparql-query", "Accept: text/csv"});
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_EQ(page.body, "c,n\r\nhttps://w3id.org/bdis/ess#Initiative,3\r\n");
}

TEST_F(ProtocolTest, HealthAndMetrics) {
  auto h = httpRequest("GET", url("/health"));
  EXPECT_EQ(h.status, 200);
  EXPECT_NE(h.body.find("\"triples\": 8"), std::string::npos) << h.body;
  auto m = httpRequest("GET", url("/metrics"));
  EXPECT_EQ(m.status, 200);
  EXPECT_NE(m.body.find("bdis_store_triples 8"), std::string::npos) << m.body;
}

TEST_F(ProtocolTest, GetQueryWithPercentAndPlusEncoding) {
  // '+' is a space in a query string, %XX escapes are decoded.
  std::string q = "SELECT+%3Fn+WHERE+%7B+%3Fi+%3Chttps%3A%2F%2Fschema.org%2Fname%3E+%3Fn+%7D+ORDER+BY+%3Fn";
  auto r = httpRequest("GET", url("/sparql?query=" + q), {},
                       {"Accept: application/sparql-results+json"});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.headers["content-type"].rfind("application/sparql-results+json", 0), 0u);
  EXPECT_NE(r.body.find("AMAP des Lilas"), std::string::npos);
  EXPECT_LT(r.body.find("AMAP des Lilas"), r.body.find("Ressourcerie du Port"));
}

TEST_F(ProtocolTest, PostFormAndDirectQuery) {
  auto form = httpRequest("POST", url("/sparql"), "query=" + urlEncode(kCount),
                          {"Content-Type: application/x-www-form-urlencoded",
                           "Accept: application/sparql-results+json"});
  ASSERT_EQ(form.status, 200) << form.body;
  EXPECT_NE(form.body.find("\"3\""), std::string::npos) << form.body;
  auto direct = httpRequest("POST", url("/sparql"), kCount,
                            {"Content-Type: application/sparql-query", "Accept: text/csv"});
  ASSERT_EQ(direct.status, 200) << direct.body;
  EXPECT_EQ(direct.body, "n\r\n3\r\n");
}

TEST_F(ProtocolTest, ContentNegotiationAndFormatParameter) {
  auto xml = query(kCount, "application/sparql-results+xml");
  EXPECT_EQ(xml.status, 200);
  EXPECT_NE(xml.body.find("<sparql"), std::string::npos);
  auto tsv = query(kCount, "text/tab-separated-values");
  EXPECT_EQ(tsv.body, "?n\n3\n");
  auto fmt = httpRequest("GET", url("/sparql?format=csv&query=" + urlEncode(kCount)));
  EXPECT_EQ(fmt.body, "n\r\n3\r\n");
  auto none = query(kCount, "image/png");
  EXPECT_EQ(none.status, 406);
  auto construct = query("CONSTRUCT { ?i a <http://x/T> } WHERE { ?i a ?t }", "application/n-triples");
  ASSERT_EQ(construct.status, 200) << construct.body;
  EXPECT_EQ(construct.headers["content-type"].rfind("application/n-triples", 0), 0u);
  EXPECT_NE(construct.body.find("<https://ex.org/i/2> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://x/T> ."),
            std::string::npos)
      << construct.body;
  auto ask = query("ASK { <https://ex.org/i/1> ?p ?o }");
  EXPECT_NE(ask.body.find("true"), std::string::npos);
}

TEST_F(ProtocolTest, SyntaxErrorIs400WithPosition) {
  auto r = query("SELECT ?x WHERE {\n  ?x ?y \n");
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("\"line\": "), std::string::npos) << r.body;
  EXPECT_NE(r.body.find("\"column\": "), std::string::npos) << r.body;
  // The server is still there.
  EXPECT_EQ(httpRequest("GET", url("/health")).status, 200);
}

TEST_F(ProtocolTest, ServiceDescriptionAndQueryPage) {
  auto sd = httpRequest("GET", url("/sparql"), {}, {"Accept: text/turtle"});
  EXPECT_EQ(sd.status, 200);
  EXPECT_NE(sd.body.find("sd:Service"), std::string::npos);
  EXPECT_NE(sd.body.find("sd:SPARQL11Update"), std::string::npos);
  auto page = httpRequest("GET", url("/sparql"), {},
                          {"Accept: text/html,application/xhtml+xml,*/*;q=0.8"});
  EXPECT_EQ(page.status, 200);
  EXPECT_EQ(page.headers["content-type"].rfind("text/html", 0), 0u);
}

TEST_F(ProtocolTest, ProtocolMisuseIsRefused) {
  EXPECT_EQ(httpRequest("GET", url("/sparql?query=" + urlEncode(kCount) + "&update=x")).status, 400);
  EXPECT_EQ(httpRequest("PUT", url("/sparql"), "x").status, 405);
  EXPECT_EQ(httpRequest("POST", url("/sparql"), kCount, {"Content-Type: text/plain"}).status, 415);
  EXPECT_EQ(httpRequest("GET", url("/nowhere")).status, 404);
}

TEST_F(ProtocolTest, ClientDisconnectMidStreamDoesNotHurtTheServer) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  std::string u = url("");
  addr.sin_port = htons(static_cast<uint16_t>(std::stoi(u.substr(u.rfind(':') + 1))));
  ASSERT_EQ(connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  std::string big = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
  std::string req = "GET /sparql?query=" + urlEncode(big) +
                    " HTTP/1.1\r\nHost: x\r\nAccept: text/csv\r\n\r\n";
  ASSERT_EQ(write(fd, req.data(), req.size()), static_cast<ssize_t>(req.size()));
  char buf[1024];
  ASSERT_GT(read(fd, buf, sizeof buf), 0);
  close(fd);
  for (int i = 0; i < 5; ++i) EXPECT_EQ(query(kCount).status, 200);
  EXPECT_TRUE(server().running());
}

}  // namespace
}  // namespace bdis::test
