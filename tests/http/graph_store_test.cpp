// The SPARQL 1.1 Graph Store HTTP Protocol cases of the W3C suite
// (../shared/w3c/sparql/sparql11/graph-store-protocol/manifest-indirect.ttl) against
// /store, plus the RDF syntaxes, status codes and refusals around them. Direct
// graph identification (/store/<path>) is not offered: /store?graph=IRI is.

#include <algorithm>

#include "tests/http/server_fixture.h"

namespace bdis::test {
namespace {

const char* kPerson1 = "http%3A%2F%2Fwww.example%2Fgsp%2Fperson%2F1.ttl";
const char* kPerson2 = "http%3A%2F%2Fwww.example%2Fgsp%2Fperson%2F2.ttl";

const char* kJohn = R"(@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix v: <http://www.w3.org/2006/vcard/ns#> .
<http://www.example/gsp/person/1> a foaf:Person;
    foaf:businessCard [ a v:VCard; v:fn "John Doe" ].
)";
const char* kJane = R"(@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix v: <http://www.w3.org/2006/vcard/ns#> .
<http://www.example/gsp/person/1> a foaf:Person;
    foaf:businessCard [ a v:VCard; v:fn "Jane Doe" ].
)";
const char* kAlice = R"(@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix v: <http://www.w3.org/2006/vcard/ns#> .
[] a foaf:Person; foaf:businessCard [ a v:VCard; v:given-name "Alice" ] .
)";

class GraphStoreTest : public ServerTest {
 protected:
  void SetUp() override { startServer(""); }

  HttpResult send(const std::string& method, const std::string& pathAndQuery,
                  const std::string& body = {},
                  const std::string& contentType = "text/turtle; charset=utf-8") {
    std::vector<std::string> headers = {authHeader()};
    if (!body.empty() || method == "PUT" || method == "POST") {
      headers.push_back("Content-Type: " + contentType);
    }
    return httpRequest(method, url(pathAndQuery), body, headers);
  }
  HttpResult get(const std::string& pathAndQuery, const std::string& accept = "text/turtle") {
    return httpRequest("GET", url(pathAndQuery), {}, {"Accept: " + accept});
  }
  /// The graph as sorted N-Triples lines with blank node labels erased.
  std::string canonical(const std::string& pathAndQuery) {
    auto r = get(pathAndQuery, "application/n-triples");
    EXPECT_EQ(r.status, 200) << r.body;
    std::vector<std::string> lines;
    size_t pos = 0;
    while (pos < r.body.size()) {
      size_t nl = r.body.find('\n', pos);
      if (nl == std::string::npos) nl = r.body.size();
      std::string line = r.body.substr(pos, nl - pos);
      std::string out;
      for (size_t i = 0; i < line.size(); ++i) {
        if (line.compare(i, 2, "_:") == 0) {
          out += "_:b";
          i += 2;
          while (i < line.size() && line[i] != ' ') ++i;
          --i;
        } else {
          out += line[i];
        }
      }
      if (!out.empty()) lines.push_back(out);
      pos = nl + 1;
    }
    std::sort(lines.begin(), lines.end());
    std::string joined;
    for (const auto& l : lines) joined += l + "\n";
    return joined;
  }
};

bool is2xx(long s) { return s >= 200 && s < 300; }

TEST_F(GraphStoreTest, put_get_repeat_indirect) {
  EXPECT_EQ(send("PUT", std::string("/store?graph=") + kPerson1, kJohn).status, 201);
  auto first = get(std::string("/store?graph=") + kPerson1);
  EXPECT_EQ(first.status, 200);
  EXPECT_EQ(first.headers["content-type"], "text/turtle; charset=utf-8");
  EXPECT_NE(first.body.find("John Doe"), std::string::npos) << first.body;
  auto again = send("PUT", std::string("/store?graph=") + kPerson1, kJane);
  EXPECT_TRUE(again.status == 200 || again.status == 204) << again.status;
  auto second = get(std::string("/store?graph=") + kPerson1);
  EXPECT_NE(second.body.find("Jane Doe"), std::string::npos) << second.body;
  EXPECT_EQ(second.body.find("John Doe"), std::string::npos) << second.body;
}

TEST_F(GraphStoreTest, put_get_default) {
  auto put = send("PUT", "/store?default", kAlice);
  EXPECT_TRUE(put.status == 200 || put.status == 201 || put.status == 204) << put.status;
  auto r = get("/store?default");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.headers["content-type"], "text/turtle; charset=utf-8");
  EXPECT_NE(r.body.find("\"Alice\""), std::string::npos) << r.body;
  EXPECT_NE(canonical("/store?default")
                .find("_:b <http://www.w3.org/2006/vcard/ns#given-name> \"Alice\" ."),
            std::string::npos);
}

TEST_F(GraphStoreTest, ETagsAndConditionalGet) {
  // An ETag per write generation, graph and syntax: 304 while nothing is written,
  // a new tag after a write (to any graph), another tag for another syntax.
  ASSERT_TRUE(is2xx(send("PUT", std::string("/store?graph=") + kPerson1, kJohn).status));
  const std::string path = std::string("/store?graph=") + kPerson1;
  auto first = get(path);
  const std::string etag = first.headers["etag"];
  ASSERT_FALSE(etag.empty());
  auto same = httpRequest("GET", url(path), {}, {"Accept: text/turtle", "If-None-Match: " + etag});
  EXPECT_EQ(same.status, 304);
  EXPECT_TRUE(same.body.empty());
  auto listed = httpRequest("GET", url(path), {},
                            {"Accept: text/turtle", "If-None-Match: \"x\", W/" + etag});
  EXPECT_EQ(listed.status, 304);
  auto ntriples = get(path, "application/n-triples");
  EXPECT_NE(ntriples.headers["etag"], etag);
  auto head = httpRequest("HEAD", url(path), {}, {"Accept: text/turtle"});
  EXPECT_EQ(head.headers["etag"], etag);
  auto defaultGraph = get("/store?default");
  EXPECT_NE(defaultGraph.headers["etag"], etag);
  ASSERT_TRUE(is2xx(send("POST", "/store?default", kAlice).status));
  auto after = httpRequest("GET", url(path), {}, {"Accept: text/turtle", "If-None-Match: " + etag});
  EXPECT_EQ(after.status, 200) << "a write elsewhere changes the generation";
  EXPECT_NE(after.headers["etag"], etag);
  EXPECT_EQ(after.body, first.body);
}

TEST_F(GraphStoreTest, put_delete_get_delete_indirect) {
  auto put = send("PUT", std::string("/store?graph=") + kPerson2, kAlice);
  EXPECT_EQ(put.status, 201);
  auto del = send("DELETE", std::string("/store?graph=") + kPerson2);
  EXPECT_TRUE(del.status == 200 || del.status == 204) << del.status;
  EXPECT_EQ(get(std::string("/store?graph=") + kPerson2).status, 404);
  EXPECT_EQ(send("DELETE", std::string("/store?graph=") + kPerson2).status, 404);
}

TEST_F(GraphStoreTest, post_get_post_get_indirect) {
  auto post = send("POST", std::string("/store?graph=") + kPerson1, kJane);
  EXPECT_TRUE(is2xx(post.status)) << post.status << post.body;
  EXPECT_NE(get(std::string("/store?graph=") + kPerson1).body.find("Jane Doe"), std::string::npos);
  std::string multipart =
      "--a6fe4cd636164618814be9f8d3d1a0de\r\n"
      "Content-Disposition: form-data; name=\"lastName.ttl\"; filename=\"lastName.ttl\"\r\n"
      "Content-Type: text/turtle; charset=utf-8\r\n\r\n"
      "@prefix foaf: <http://xmlns.com/foaf/0.1/> .\r\n"
      "<http://www.example/gsp/person/1> foaf:familyName \"Doe\" .\r\n\r\n"
      "--a6fe4cd636164618814be9f8d3d1a0de\r\n"
      "Content-Disposition: form-data; name=\"firstName.ttl\"; filename=\"firstName.ttl\"\r\n"
      "Content-Type: text/turtle; charset=utf-8\r\n\r\n"
      "@prefix foaf: <http://xmlns.com/foaf/0.1/> .\r\n"
      "<http://www.example/gsp/person/1> foaf:givenName \"Jane\" .\r\n\r\n"
      "--a6fe4cd636164618814be9f8d3d1a0de--\r\n";
  auto second = send("POST", std::string("/store?graph=") + kPerson1, multipart,
                     "multipart/form-data; boundary=a6fe4cd636164618814be9f8d3d1a0de");
  EXPECT_TRUE(second.status == 200 || second.status == 204) << second.status << second.body;
  auto r = get(std::string("/store?graph=") + kPerson1, "application/n-triples");
  for (const char* want : {"\"Jane Doe\"", "<http://xmlns.com/foaf/0.1/familyName> \"Doe\"",
                           "<http://xmlns.com/foaf/0.1/givenName> \"Jane\""}) {
    EXPECT_NE(r.body.find(want), std::string::npos) << want << "\n" << r.body;
  }
}

TEST_F(GraphStoreTest, post_get_new_graph) {
  auto created = send("POST", "/store", kAlice);
  ASSERT_EQ(created.status, 201) << created.body;
  std::string location = created.headers["location"];
  ASSERT_FALSE(location.empty());
  auto r = get("/store?graph=" + urlEncode(location));
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.headers["content-type"], "text/turtle; charset=utf-8");
  EXPECT_NE(r.body.find("\"Alice\""), std::string::npos) << r.body;
  // The manifest substitutes the Location unencoded into ?graph=.
  EXPECT_EQ(get("/store?graph=" + location).status, 200);
  // Two creations give two graphs.
  auto other = send("POST", "/store", kAlice);
  EXPECT_EQ(other.status, 201);
  EXPECT_NE(other.headers["location"], location);
}

TEST_F(GraphStoreTest, head_existing_indirect) {
  EXPECT_TRUE(is2xx(send("PUT", std::string("/store?graph=") + kPerson1, kJohn).status));
  auto r = httpRequest("HEAD", url(std::string("/store?graph=") + kPerson1), {},
                       {"Accept: text/turtle; charset=utf-8"});
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.headers["content-type"], "text/turtle; charset=utf-8");
  EXPECT_TRUE(r.body.empty());
  // The graph is not serialised for HEAD: no length is claimed (not a wrong 0).
  EXPECT_EQ(r.headers.count("content-length"), 0u);
}

TEST_F(GraphStoreTest, head_non_existing_indirect) {
  auto r = httpRequest("HEAD", url("/store?graph=http%3A%2F%2Fwww.example%2Fgsp%2Fperson%2F4.ttl"),
                       {}, {"Accept: text/turtle; charset=utf-8"});
  EXPECT_EQ(r.status, 404);
}

TEST_F(GraphStoreTest, put_get_uri_pct_encoded_indirect) {
  EXPECT_EQ(send("PUT", std::string("/store?graph=") + kPerson1, kJohn).status, 201);
  auto r = get("/store?graph=http://www.example/gsp/person/1.ttl");
  EXPECT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("John Doe"), std::string::npos) << r.body;
}

TEST_F(GraphStoreTest, put_get_uri_pct_encoded_twice) {
  EXPECT_EQ(send("PUT", "/store?graph=http://www.example/gsp/person/%31.ttl", kJohn).status, 201);
  std::string jane2 = kJane;
  jane2.replace(jane2.find("person/1"), 8, "person/2");
  EXPECT_EQ(send("PUT", "/store?graph=http://www.example/gsp/person/%2531.ttl", jane2).status, 201);
  auto one = get("/store?graph=http://www.example/gsp/person/%31.ttl");
  EXPECT_NE(one.body.find("John Doe"), std::string::npos) << one.body;
  EXPECT_EQ(one.body.find("Jane Doe"), std::string::npos) << one.body;
  auto two = get("/store?graph=http://www.example/gsp/person/%2531.ttl");
  EXPECT_NE(two.body.find("Jane Doe"), std::string::npos) << two.body;
  EXPECT_EQ(two.body.find("John Doe"), std::string::npos) << two.body;
}

TEST_F(GraphStoreTest, EveryRdfSyntaxInAndOut) {
  const std::string nt = "<http://ex.org/s> <http://ex.org/p> \"o\"@fr .\n";
  const std::string canonicalNt = nt;
  struct Case {
    const char* mime;
    std::string body;
  };
  std::vector<Case> cases = {
      {"application/n-triples", nt},
      {"text/turtle", "@prefix ex: <http://ex.org/> . ex:s ex:p \"o\"@fr ."},
      {"application/n-quads",
       "<http://ex.org/s> <http://ex.org/p> \"o\"@fr <http://ex.org/elsewhere> .\n"},
      {"application/trig", "@prefix ex: <http://ex.org/> . { ex:s ex:p \"o\"@fr . }"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.mime);
    auto put = send("PUT", "/store?graph=http%3A%2F%2Fex.org%2Fg", c.body, c.mime);
    EXPECT_TRUE(is2xx(put.status)) << put.status << put.body;
    EXPECT_EQ(canonical("/store?graph=http%3A%2F%2Fex.org%2Fg"), canonicalNt);
  }
  for (const char* accept :
       {"text/turtle", "application/n-triples", "application/n-quads", "application/trig"}) {
    SCOPED_TRACE(accept);
    auto r = get("/store?graph=http%3A%2F%2Fex.org%2Fg", accept);
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.headers["content-type"], std::string(accept) + "; charset=utf-8");
    EXPECT_EQ(r.headers["vary"], "Accept");
    EXPECT_NE(r.body.find("\"o\"@fr"), std::string::npos) << r.body;
  }
  EXPECT_EQ(get("/store?graph=http%3A%2F%2Fex.org%2Fg", "image/png").status, 406);
}

TEST_F(GraphStoreTest, StatusCodesAndRefusals) {
  // 201 for a new graph, 204 for an existing one, for both PUT and POST.
  EXPECT_EQ(send("POST", "/store?graph=http%3A%2F%2Fex.org%2Fa", kJohn).status, 201);
  EXPECT_EQ(send("POST", "/store?graph=http%3A%2F%2Fex.org%2Fa", kJane).status, 204);
  EXPECT_EQ(send("PUT", "/store?graph=http%3A%2F%2Fex.org%2Fa", kJane).status, 204);
  // The default graph always exists.
  EXPECT_EQ(get("/store?default").status, 200);
  EXPECT_EQ(send("PUT", "/store?default", kJohn).status, 204);
  EXPECT_EQ(send("DELETE", "/store?default").status, 204);
  // Neither or both of ?default and ?graph.
  EXPECT_EQ(get("/store").status, 400);
  EXPECT_EQ(get("/store?default&graph=http%3A%2F%2Fex.org%2Fa").status, 400);
  EXPECT_EQ(send("PUT", "/store", kJohn).status, 400);
  EXPECT_EQ(send("DELETE", "/store").status, 400);
  // A relative graph IRI.
  EXPECT_EQ(get("/store?graph=relative").status, 400);
  // Bodies: unknown syntax, another charset, broken multipart.
  EXPECT_EQ(send("PUT", "/store?default", kJohn, "application/rdf+xml").status, 415);
  EXPECT_EQ(send("PUT", "/store?default", kJohn, "text/turtle; charset=iso-8859-1").status, 415);
  EXPECT_EQ(send("POST", "/store?default", "no boundary here", "multipart/form-data; boundary=xyz")
                .status,
            400);
  // Methods.
  auto patch = send("PATCH", "/store?default", kJohn);
  EXPECT_EQ(patch.status, 405);
  EXPECT_NE(patch.headers["allow"].find("PUT"), std::string::npos);
  // Writes need the token.
  EXPECT_EQ(httpRequest("POST", url("/store"), kJohn, {"Content-Type: text/turtle"}).status, 401);
  EXPECT_EQ(httpRequest("DELETE", url("/store?default")).status, 401);
}

}  // namespace
}  // namespace bdis::test
