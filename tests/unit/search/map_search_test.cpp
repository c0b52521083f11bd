// The map search behind GET /search: text, radius, box and facet filters on
// ESS-shaped data, facet counts, paging and ordering.
#include <gtest/gtest.h>

#include "rdf/error.h"
#include "sparql/ext/map_search.h"
#include "tests/unit/search/search_fixture.h"

namespace bdis::search::testing {
namespace {

const char* const kEssData = R"(
@prefix ess: <https://w3id.org/bdis/ess#> .
@prefix id: <https://w3id.org/bdis/id/> .
@prefix kind: <https://w3id.org/bdis/ess/kind/> .
@prefix cj: <https://w3id.org/bdis/ess/cj/> .
id:commune13055 ess:departement id:departement13 .
id:commune69123 ess:departement id:departement69 .
id:i1 a ess:Initiative ; ess:name "Ressourcerie du Vieux-Port" ; ess:kind kind:ressourcerie ;
  ess:legalCategory cj:9220 ; ess:memberOf id:reemploi ; ess:commune id:commune13055 ;
  wgs:lat 43.2965 ; wgs:long 5.3698 .
id:i2 a ess:Initiative ; ess:name "AMAP de la Plaine" ; ess:kind kind:amap ;
  ess:legalCategory cj:9220 ; ess:memberOf id:amap ; ess:commune id:commune13055 ;
  wgs:lat 43.2990 ; wgs:long 5.3850 ; ess:hasAddress id:i2addr .
id:i2addr ess:streetAddress "12 rue des Ressources" .
id:i3 a ess:Initiative ; ess:name "Ressourcerie de la Croix-Rousse" ; ess:kind kind:ressourcerie ;
  ess:legalCategory cj:5710 ; ess:memberOf id:reemploi ; ess:commune id:commune69123 ;
  wgs:lat 45.7750 ; wgs:long 4.8300 .
id:commune13055 ess:name "Marseille" ; wgs:lat 43.29 ; wgs:long 5.37 .
)";

class MapSearch : public SearchFixture {
 protected:
  void SetUp() override { load(kEssData); }
  sparql::ext::MapResult run(const sparql::ext::MapQuery& q) {
    auto txn = store_->beginRead();
    return sparql::ext::mapSearch(*txn, *indexes_, q);
  }
  static std::vector<std::string> ids(const sparql::ext::MapResult& r) {
    std::vector<std::string> out;
    for (const auto& f : r.features) out.push_back(f.iri.value.substr(f.iri.value.rfind('/') + 1));
    return out;
  }
};

TEST_F(MapSearch, EverythingWithFacets) {
  auto r = run({});
  EXPECT_EQ(r.total, 3u);  // initiatives only, not the commune
  EXPECT_EQ(r.facets["sector"]["https://w3id.org/bdis/ess/kind/ressourcerie"], 2u);
  EXPECT_EQ(r.facets["territory"]["https://w3id.org/bdis/id/departement13"], 2u);
  EXPECT_EQ(r.facets["legal"]["https://w3id.org/bdis/ess/cj/9220"], 2u);
  ASSERT_TRUE(r.features[0].point);
}

TEST_F(MapSearch, TextReachesInitiativesThroughAddresses) {
  sparql::ext::MapQuery q;
  q.text = "ressource*";
  auto r = run(q);
  EXPECT_EQ(r.total, 3u);  // two by name, i2 by its street address
  q.text = "ressourcerie";
  EXPECT_EQ(ids(run(q)).size(), 2u);
}

TEST_F(MapSearch, RadiusBoxAndFiltersCombine) {
  sparql::ext::MapQuery q;
  q.near = rdf::geo::LonLat{5.37, 43.30};
  q.radiusMetres = 5000;
  EXPECT_EQ(ids(run(q)), (std::vector<std::string>{"i1", "i2"}));  // nearest first
  q.filters["sector"] = {"amap"};
  EXPECT_EQ(ids(run(q)), std::vector<std::string>{"i2"});
  q.filters.clear();
  q.text = "ressourcerie";
  auto r = run(q);
  EXPECT_EQ(ids(r), std::vector<std::string>{"i1"});
  EXPECT_TRUE(r.features[0].distance);
  EXPECT_EQ(r.features[0].snippet, "<b>Ressourcerie</b> du Vieux-Port");
  sparql::ext::MapQuery box;
  box.box = rdf::geo::Box{{4.5, 45.5}, {5.0, 46.0}};
  box.filters["legal"] = {"https://w3id.org/bdis/ess/cj/5710"};
  EXPECT_EQ(ids(run(box)), std::vector<std::string>{"i3"});
  box.filters["territory"] = {"departement13"};
  EXPECT_TRUE(run(box).features.empty());
}

TEST_F(MapSearch, PagingKeepsTotalsAndFacets) {
  sparql::ext::MapQuery q;
  q.limit = 1;
  q.offset = 1;
  auto r = run(q);
  EXPECT_EQ(r.total, 3u);
  EXPECT_EQ(r.features.size(), 1u);
  EXPECT_EQ(r.facets["network"]["https://w3id.org/bdis/id/reemploi"], 2u);
}

TEST_F(MapSearch, BadTextIsASyntaxErrorWithAColumn) {
  sparql::ext::MapQuery q;
  q.text = "ressourcerie OR";
  try {
    run(q);
    FAIL();
  } catch (const SyntaxError& e) {
    EXPECT_EQ(e.column(), 14u);
  }
}

}  // namespace
}  // namespace bdis::search::testing
