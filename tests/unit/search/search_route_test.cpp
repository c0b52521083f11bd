// GET /search through the HTTP application (no network): GeoJSON shape, facets,
// and 400s that name the parameter and the column.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "server/http/app.h"
#include "server/routes/routes.h"
#include "tests/unit/search/search_fixture.h"

namespace bdis::search::testing {
namespace {

class SearchRoute : public SearchFixture {
 protected:
  void SetUp() override {
    load(R"(
@prefix ess: <https://w3id.org/bdis/ess#> .
<https://w3id.org/bdis/id/i1> a ess:Initiative ; ess:name "Ressourcerie du Vieux-Port" ;
  ess:kind <https://w3id.org/bdis/ess/kind/ressourcerie> ; wgs:lat 43.2965 ; wgs:long 5.3698 .
<https://w3id.org/bdis/id/i2> a ess:Initiative ; ess:name "AMAP de la Plaine" ;
  ess:kind <https://w3id.org/bdis/ess/kind/amap> ; wgs:lat 43.2990 ; wgs:long 5.3850 .
)");
    sparql::ext::setActiveIndexes(indexes_);
    app_ = std::make_unique<server::App>(*store_, server::ServerConfig{}, server::TokenAuth{});
    server::registerSearchRoutes(*app_);
  }
  void TearDown() override { sparql::ext::setActiveIndexes(nullptr); }
  server::HttpResponse get(std::multimap<std::string, std::string> params) {
    server::HttpRequest req;
    req.method = "GET";
    req.path = "/search";
    req.params = std::move(params);
    return app_->handle(req);
  }
  std::unique_ptr<server::App> app_;
};

TEST_F(SearchRoute, GeoJsonWithFacets) {
  auto r = get({{"q", "ressourcerie"}, {"near", "43.30,5.37"}, {"radius", "5"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.contentType, "application/geo+json");
  auto j = nlohmann::json::parse(r.body);
  EXPECT_EQ(j["type"], "FeatureCollection");
  EXPECT_EQ(j["total"], 1);
  auto f = j["features"][0];
  EXPECT_EQ(f["id"], "https://w3id.org/bdis/id/i1");
  EXPECT_EQ(f["geometry"]["coordinates"][0], 5.3698);
  EXPECT_EQ(f["properties"]["snippet"], "<b>Ressourcerie</b> du Vieux-Port");
  EXPECT_EQ(j["facets"]["sector"]["https://w3id.org/bdis/ess/kind/ressourcerie"], 1);
  auto all = nlohmann::json::parse(get({{"sector", "amap,ressourcerie"}, {"limit", "1"}}).body);
  EXPECT_EQ(all["total"], 2);
  EXPECT_EQ(all["features"].size(), 1u);
}

TEST_F(SearchRoute, BadParametersAre400WithAColumn) {
  struct Case {
    const char* name;
    const char* value;
    int column;
  };
  for (const Case& c :
       {Case{"q", "vélo AND", 6}, Case{"q", "(a", 1}, Case{"near", "43.3;5.4", 5},
        Case{"near", "91,5", 1}, Case{"bbox", "1,2,x,4", 5}, Case{"limit", "-1", 1}}) {
    auto r = get({{c.name, c.value}});
    EXPECT_EQ(r.status, 400) << c.name << "=" << c.value;
    auto j = nlohmann::json::parse(r.body);
    EXPECT_EQ(j["parameter"], c.name);
    EXPECT_EQ(j["column"], c.column) << c.name << "=" << c.value << ": " << r.body;
  }
}

}  // namespace
}  // namespace bdis::search::testing
