// GET /dumps/: the published dumps (docs/http.md, "Dumps"): the listing, files that
// load back, checksums, ETag / Last-Modified, ranges, conditional requests, and
// `bdis dump --publish`.
#include <sodium.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

#include "tests/http/server_fixture.h"

namespace bdis::test {
namespace {

const char* kData = R"(@prefix ess: <https://w3id.org/bdis/ess#> .
@prefix wgs: <http://www.w3.org/2003/01/geo/wgs84_pos#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<https://w3id.org/bdis/id/initiative/siret/1> a ess:Initiative ;
  ess:name "Café \"Le Zinc\", coopératif" ; ess:siret "1" ;
  ess:hasAddress <https://w3id.org/bdis/id/initiative/siret/1/address/s> ;
  wgs:lat "43.3"^^xsd:decimal ; wgs:long "5.4"^^xsd:decimal .
<https://w3id.org/bdis/id/initiative/siret/1/address/s> ess:postalCode "13001" .
<https://w3id.org/bdis/id/initiative/siret/2> a ess:Initiative ; ess:name "<Sans> lieu" .
)";

std::string sha256(const std::string& data) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  char hex[2 * crypto_hash_sha256_BYTES + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

class DumpsTest : public ServerTest {
 protected:
  void SetUp() override {
    ASSERT_GE(sodium_init(), 0);
    startServer(kData, {"--public-base", "https://data.example.org/"});
  }
  nlohmann::json listing() {
    auto r = httpRequest("GET", url("/dumps/"));
    EXPECT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.headers["content-type"], "application/json");
    return nlohmann::json::parse(r.body);
  }
  /// Loads a downloaded dump into a fresh store; returns `bdis load`'s summary.
  std::string reload(const std::string& body, const std::string& name) {
    auto dir = std::filesystem::path(storeDir()).parent_path();
    auto file = dir / name;
    std::ofstream(file, std::ios::binary) << body;
    auto r = bdis({"load", "--store", (dir / ("reload-" + name)).string(), file.string()});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    return r.err + r.out;
  }
};

TEST_F(DumpsTest, ListingDescribesEveryFileAndFilesMatchIt) {
  auto j = listing();
  std::vector<std::string> names;
  for (const auto& f : j["files"]) names.push_back(f["name"]);
  EXPECT_EQ(names, (std::vector<std::string>{"bdis.nq.gz", "bdis.nt.gz", "bdis.ttl.gz",
                                             "initiatives.csv", "initiatives.geojson"}));
  for (const auto& f : j["files"]) {
    std::string name = f["name"];
    EXPECT_EQ(f["url"], "https://data.example.org/dumps/" + name);
    auto r = httpRequest("GET", url("/dumps/" + name));
    ASSERT_EQ(r.status, 200) << name;
    EXPECT_EQ(r.body.size(), f["bytes"].get<uint64_t>()) << name;
    EXPECT_EQ(sha256(r.body), f["sha256"]) << name;
    EXPECT_EQ(r.headers["etag"], f["etag"]);
    EXPECT_EQ(r.headers["last-modified"], f["last_modified"]);
    EXPECT_EQ(r.headers["accept-ranges"], "bytes");
    EXPECT_EQ(r.headers["content-type"], f["content_type"]);
  }
}

TEST_F(DumpsTest, RdfDumpsLoadBack) {
  // 9 quads, all in the default graph.
  auto nq = httpRequest("GET", url("/dumps/bdis.nq.gz"));
  EXPECT_NE(reload(nq.body, "bdis.nq.gz").find("loaded 9 triples"), std::string::npos);
  auto nt = httpRequest("GET", url("/dumps/bdis.nt.gz"));
  EXPECT_NE(reload(nt.body, "bdis.nt.gz").find("loaded 9 triples"), std::string::npos);
  auto ttl = httpRequest("GET", url("/dumps/bdis.ttl.gz"));
  EXPECT_NE(reload(ttl.body, "bdis.ttl.gz").find("loaded 9 triples"), std::string::npos);
}

TEST_F(DumpsTest, InitiativesAsCsvAndGeoJson) {
  auto csv = httpRequest("GET", url("/dumps/initiatives.csv"));
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.body.rfind("id,name,siret,", 0), 0u) << csv.body;
  EXPECT_NE(csv.body.find("\r\nhttps://w3id.org/bdis/id/initiative/siret/1,"
                          "\"Café \"\"Le Zinc\"\", coopératif\",1,"),
            std::string::npos)
      << csv.body;
  EXPECT_NE(csv.body.find(",13001,"), std::string::npos) << "postal code of the address node";
  EXPECT_NE(csv.body.find("\r\nhttps://w3id.org/bdis/id/initiative/siret/2,<Sans> lieu,"),
            std::string::npos);

  auto geo = httpRequest("GET", url("/dumps/initiatives.geojson"));
  ASSERT_EQ(geo.status, 200);
  EXPECT_EQ(geo.headers["content-type"], "application/geo+json");
  auto j = nlohmann::json::parse(geo.body);
  EXPECT_EQ(j["type"], "FeatureCollection");
  ASSERT_EQ(j["features"].size(), 2u);
  EXPECT_EQ(j["features"][0]["geometry"]["coordinates"], nlohmann::json::array({5.4, 43.3}));
  EXPECT_EQ(j["features"][0]["properties"]["postal_code"], "13001");
  EXPECT_TRUE(j["features"][1]["geometry"].is_null());
}

TEST_F(DumpsTest, RangesAndConditionalRequests) {
  auto whole = httpRequest("GET", url("/dumps/bdis.nq.gz"));
  ASSERT_EQ(whole.status, 200);
  auto size = whole.body.size();
  auto part = httpRequest("GET", url("/dumps/bdis.nq.gz"), {}, {"Range: bytes=5-14"});
  EXPECT_EQ(part.status, 206);
  EXPECT_EQ(part.body, whole.body.substr(5, 10));
  EXPECT_EQ(part.headers["content-range"], "bytes 5-14/" + std::to_string(size));
  auto tail = httpRequest("GET", url("/dumps/bdis.nq.gz"), {}, {"Range: bytes=-7"});
  EXPECT_EQ(tail.status, 206);
  EXPECT_EQ(tail.body, whole.body.substr(size - 7));
  auto open = httpRequest("GET", url("/dumps/bdis.nq.gz"), {}, {"Range: bytes=3-"});
  EXPECT_EQ(open.body, whole.body.substr(3));
  auto beyond = httpRequest("GET", url("/dumps/bdis.nq.gz"), {},
                            {"Range: bytes=" + std::to_string(size) + "-"});
  EXPECT_EQ(beyond.status, 416);
  EXPECT_EQ(beyond.headers["content-range"], "bytes */" + std::to_string(size));
  auto several = httpRequest("GET", url("/dumps/bdis.nq.gz"), {}, {"Range: bytes=0-1,4-5"});
  EXPECT_EQ(several.status, 200) << "several ranges: the whole file";
  auto stale = httpRequest("GET", url("/dumps/bdis.nq.gz"), {},
                           {"Range: bytes=0-1", "If-Range: \"other\""});
  EXPECT_EQ(stale.status, 200) << "If-Range that does not match: the whole file";

  auto etag = whole.headers["etag"];
  auto same = httpRequest("GET", url("/dumps/bdis.nq.gz"), {}, {"If-None-Match: " + etag});
  EXPECT_EQ(same.status, 304);
  EXPECT_TRUE(same.body.empty());
  auto other = httpRequest("GET", url("/dumps/bdis.nq.gz"), {}, {"If-None-Match: \"x\""});
  EXPECT_EQ(other.status, 200);
  // HEAD: the GET's headers and length, no body (the file is not read).
  auto head = httpRequest("HEAD", url("/dumps/bdis.nq.gz"));
  EXPECT_EQ(head.status, 200);
  EXPECT_TRUE(head.body.empty());
  EXPECT_EQ(head.headers["content-length"], std::to_string(size));
  EXPECT_EQ(head.headers["etag"], etag);
  auto headPart = httpRequest("HEAD", url("/dumps/bdis.nq.gz"), {}, {"Range: bytes=5-14"});
  EXPECT_EQ(headPart.status, 206);
  EXPECT_EQ(headPart.headers["content-length"], "10");
  auto listing = httpRequest("GET", url("/dumps/"), {}, {"Accept: application/json"});
  auto headListing = httpRequest("HEAD", url("/dumps/"), {}, {"Accept: application/json"});
  EXPECT_TRUE(headListing.body.empty());
  EXPECT_EQ(headListing.headers["content-length"], std::to_string(listing.body.size()));
}

TEST_F(DumpsTest, ClearErrors) {
  EXPECT_EQ(httpRequest("GET", url("/dumps/nothing.nt.gz")).status, 404);
  EXPECT_EQ(httpRequest("GET", url("/dumps/manifest.json")).status, 404);
  EXPECT_EQ(httpRequest("GET", url("/dumps/%2e%2e%2fdata.mdb")).status, 404);
  auto post = httpRequest("POST", url("/dumps/bdis.nq.gz"), "x", {"Content-Type: text/plain"});
  EXPECT_EQ(post.status, 405);
  auto moved = httpRequest("GET", url("/dumps"));
  EXPECT_EQ(moved.status, 301);
  EXPECT_EQ(moved.headers["location"], "/dumps/");
  EXPECT_EQ(httpRequest("GET", url("/dumps/"), {}, {"Accept: image/png"}).status, 406);
  EXPECT_EQ(httpRequest("GET", url("/health")).status, 200);
}

TEST_F(DumpsTest, HtmlListingAndCatalogDistributions) {
  auto html = httpRequest("GET", url("/dumps/"), {}, {"Accept: text/html"});
  ASSERT_EQ(html.status, 200);
  EXPECT_NE(html.body.find("<a href=\"/dumps/bdis.nq.gz\">"), std::string::npos);
  auto j = listing();
  auto cat = httpRequest("GET", url("/catalog?format=nt")).body;
  for (const auto& f : j["files"]) {
    std::string dl = "<https://data.example.org/dumps/" + f["name"].get<std::string>() + ">";
    EXPECT_NE(cat.find("<https://data.example.org/catalog#dataset> <http://rdfs.org/ns/void#dataDump> " + dl),
              std::string::npos);
    EXPECT_NE(cat.find(dl + " <http://www.w3.org/ns/dcat#downloadURL> " + dl), std::string::npos);
    EXPECT_NE(cat.find("\"" + f["sha256"].get<std::string>() + "\""), std::string::npos);
  }
}

TEST_F(DumpsTest, WritesAreDumpedByPublishOrAfterTheRefreshDelay) {
  auto before = listing();
  auto upd = httpRequest("POST", url("/update"),
                         "INSERT DATA { <https://w3id.org/bdis/id/x> <https://ex.org/p> 1 }",
                         {"Content-Type: application/sparql-update", authHeader()});
  ASSERT_EQ(upd.status, 200) << upd.body;
  EXPECT_EQ(listing()["generation"], before["generation"]) << "a young set is kept";
  auto pub = bdis({"dump", "--store", storeDir(), "--publish"});
  ASSERT_EQ(pub.exitCode, 0) << pub.err;
  EXPECT_NE(pub.out.find("bdis.nq.gz"), std::string::npos);
  auto after = listing();
  EXPECT_GT(after["generation"].get<uint64_t>(), before["generation"].get<uint64_t>());
  auto nq = httpRequest("GET", url("/dumps/bdis.nq.gz"));
  EXPECT_NE(reload(nq.body, "after.nq.gz").find("loaded 10 triples"), std::string::npos);
  int sets = 0;
  for (const auto& e : std::filesystem::directory_iterator(std::filesystem::path(storeDir()) / "dumps"))
    sets += e.is_directory();
  EXPECT_EQ(sets, 1) << "the older set was removed";
}

}  // namespace
}  // namespace bdis::test
