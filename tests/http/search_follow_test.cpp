// Writes through /update and /store are searchable (text:query, lat/long and WKT
// geo filters) as soon as their request returns: the server's indexes follow the
// store's write transactions (docs/search.md, "Kept in step"); `bdis check` agrees.
#include "tests/http/server_fixture.h"

namespace bdis::test {
namespace {

const char* kData = R"(@prefix schema: <http://schema.org/> .
<https://ex.org/a> schema:name "Épicerie solidaire" .
)";

const char* kPrefixes =
    "PREFIX schema: <http://schema.org/>\n"
    "PREFIX text: <http://jena.apache.org/text#>\n"
    "PREFIX geo: <http://www.opengis.net/ont/geosparql#>\n"
    "PREFIX geof: <http://www.opengis.net/def/function/geosparql/>\n"
    "PREFIX uom: <http://www.opengis.net/def/uom/OGC/1.0/>\n"
    "PREFIX wgs: <http://www.w3.org/2003/01/geo/wgs84_pos#>\n"
    "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\n";

class SearchFollowTest : public ServerTest {
 protected:
  void SetUp() override { startServer(kData); }
  HttpResult update(const std::string& u) {
    return httpRequest("POST", url("/update"), std::string(kPrefixes) + u,
                       {"Content-Type: application/sparql-update", authHeader()});
  }
  std::string select(const std::string& q) {
    auto r = query(std::string(kPrefixes) + q, "text/csv");
    EXPECT_EQ(r.status, 200) << r.body;
    return r.body;
  }
  std::string velo() { return select("SELECT ?s WHERE { ?s text:query \"velo\" }"); }
  std::string box() {
    return select(
        "SELECT ?s WHERE { ?s wgs:lat ?la ; wgs:long ?lo "
        "FILTER(?la > 43.2 && ?la < 43.4 && ?lo > 5.3 && ?lo < 5.5) }");
  }
  std::string near() {
    return select(
        "SELECT ?s WHERE { ?s geo:asWKT ?w FILTER(geof:distance(?w, \"POINT(5.37 43.3)\"^^"
        "geo:wktLiteral, uom:kilometre) < 5) }");
  }
};

TEST_F(SearchFollowTest, UpdateAndGraphStoreWritesAreSearchableWhenTheyReturn) {
  EXPECT_EQ(velo(), "s\r\n");
  auto ins = update(
      "INSERT DATA { <https://ex.org/v> schema:name \"Atelier vélos\" ; "
      "wgs:lat \"43.30\"^^xsd:decimal ; wgs:long \"5.40\"^^xsd:decimal ; "
      "geo:asWKT \"POINT(5.38 43.31)\"^^geo:wktLiteral }");
  ASSERT_EQ(ins.status, 200) << ins.body;
  EXPECT_EQ(velo(), "s\r\nhttps://ex.org/v\r\n");
  EXPECT_EQ(box(), "s\r\nhttps://ex.org/v\r\n");
  EXPECT_EQ(near(), "s\r\nhttps://ex.org/v\r\n");

  // A Graph Store PUT into a named graph, then its DELETE.
  auto put = httpRequest("PUT", url("/store?graph=" + urlEncode("https://ex.org/g")),
                         "<https://ex.org/w> <http://schema.org/name> \"Vélo-école\" .\n",
                         {"Content-Type: text/turtle", authHeader()});
  ASSERT_TRUE(put.status >= 200 && put.status < 300) << put.status << put.body;
  EXPECT_EQ(velo(), "s\r\nhttps://ex.org/v\r\nhttps://ex.org/w\r\n");
  auto del = httpRequest("DELETE", url("/store?graph=" + urlEncode("https://ex.org/g")), {},
                         {authHeader()});
  ASSERT_TRUE(del.status >= 200 && del.status < 300) << del.status;
  EXPECT_EQ(velo(), "s\r\nhttps://ex.org/v\r\n");

  auto gone = update("DELETE WHERE { <https://ex.org/v> ?p ?o }");
  ASSERT_EQ(gone.status, 200) << gone.body;
  EXPECT_EQ(velo(), "s\r\n");
  EXPECT_EQ(box(), "s\r\n");
  EXPECT_EQ(near(), "s\r\n");
}

}  // namespace
}  // namespace bdis::test
