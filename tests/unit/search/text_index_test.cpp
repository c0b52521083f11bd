// The text index: French folding and stemming, operators, BM25 order, snippets,
// bad queries, and the SPARQL forms text:query / bif:contains through the rewrite.
#include <gtest/gtest.h>

#include "rdf/error.h"
#include "rdf/text/fold.h"
#include "rdf/text/text_query.h"
#include "tests/unit/search/search_fixture.h"

namespace bdis::search::testing {
namespace {

const char* const kData = R"(
:a schema:name "Coopérative de l'Île" ; schema:description "Épicerie coopérative et solidaire à Marseille" .
:b schema:name "Les Coopératives Réunies" ; schema:description "Réseau de coopératives agricoles" .
:c schema:name "Ressourcerie du Panier" ; schema:description "Réemploi, ressourcerie, recyclerie" .
:d schema:name "Boulangerie bio La Mie" ; schema:description "Pain bio au levain" .
:e schema:name "AMAP des Chartreux" ; rdfs:label "amap chartreux"@fr .
:f schema:name "CHÂTEAU DES ARTS" ; schema:telephone "coopérative" .
)";

class TextSearch : public SearchFixture {
 protected:
  void SetUp() override { load(kData); }
  std::vector<std::string> subjects(const std::string& q) {
    return select("SELECT ?s WHERE { ?s text:query \"" + q + "\" }");
  }
};

TEST(TextFold, FoldsCaseAndAccents) {
  EXPECT_EQ(rdf::text::foldText("Coopérative ÎLE Château"), "cooperative ile chateau");
  EXPECT_EQ(rdf::text::foldText("Œuvre"), "oeuvre");
  EXPECT_EQ(rdf::text::foldQuery("Café AND Thé OR NOT Noël"), "cafe AND the OR NOT noel");
  EXPECT_EQ(rdf::text::foldText(std::string("a\xff") + "b"),
            "a\xEF\xBF\xBD"
            "b");
}

TEST(TextQuerySyntax, ErrorsCarryAColumn) {
  auto column = [](const std::string& q) -> uint64_t {
    try {
      rdf::text::validateQuery(q);
    } catch (const SyntaxError& e) {
      return e.column();
    }
    return 0;
  };
  EXPECT_EQ(column("\"abc"), 1u);
  EXPECT_EQ(column("vélo AND"), 6u);
  EXPECT_EQ(column("(a OR b"), 1u);
  EXPECT_EQ(column("a )"), 3u);
  EXPECT_EQ(column("OR a"), 1u);
  EXPECT_EQ(column(""), 1u);
  EXPECT_EQ(column("ressourc* AND \"coop solidaire\""), 0u);
  EXPECT_EQ(rdf::text::fromVirtuoso("'ressourc*' AND 'pain bio'"), "ressourc* AND \"pain bio\"");
  EXPECT_EQ(rdf::text::fromVirtuoso("'and' and not 'or'"), "and AND NOT or");
}

TEST_F(TextSearch, AccentsAndCaseFoldBothWays) {
  EXPECT_EQ(subjects("chateau"), std::vector<std::string>{"s=<http://example.org/f>"});
  EXPECT_EQ(subjects("CHÂTEAU"), std::vector<std::string>{"s=<http://example.org/f>"});
  EXPECT_EQ(subjects("epicerie"), std::vector<std::string>{"s=<http://example.org/a>"});
  EXPECT_EQ(subjects("île"), std::vector<std::string>{"s=<http://example.org/a>"});
}

TEST_F(TextSearch, PluralsAndSingularsMeet) {
  std::vector<std::string> both{"s=<http://example.org/a>", "s=<http://example.org/b>"};
  EXPECT_EQ(subjects("coopérative"), both);
  EXPECT_EQ(subjects("cooperatives"), both);
  EXPECT_EQ(subjects("Coopératives"), both);
}

TEST_F(TextSearch, OnlyConfiguredPredicatesAreIndexed) {
  // :f has "coopérative" only under schema:telephone, which is not indexed.
  auto rows = subjects("cooperative");
  EXPECT_EQ(std::count(rows.begin(), rows.end(), "s=<http://example.org/f>"), 0);
}

TEST_F(TextSearch, OperatorsPhrasesPrefixes) {
  EXPECT_EQ(subjects("ressourc*"), std::vector<std::string>{"s=<http://example.org/c>"});
  EXPECT_EQ(subjects("pain AND levain"), std::vector<std::string>{"s=<http://example.org/d>"});
  EXPECT_EQ(subjects("bio NOT pain").size(), 1u);  // :d by its name only: one row per subject
  EXPECT_EQ(subjects("amap OR boulangerie").size(), 2u);
  EXPECT_EQ(subjects("\\\"coopérative et solidaire\\\""),
            std::vector<std::string>{"s=<http://example.org/a>"});
  EXPECT_TRUE(subjects("\\\"solidaire et coopérative\\\"").empty());
  EXPECT_EQ(subjects("boulangerie bio"), std::vector<std::string>{"s=<http://example.org/d>"});
}

TEST_F(TextSearch, PropertyListScoreAndLiteral) {
  auto rows = select(
      "SELECT ?s ?lit WHERE { (?s ?score ?lit) text:query (schema:name \"coopérative\" 10) }");
  EXPECT_EQ(rows, (std::vector<std::string>{
                      "s=<http://example.org/a> lit=\"Coop\xC3\xA9rative de l'\xC3\x8Ele\"",
                      "s=<http://example.org/b> lit=\"Les Coop\xC3\xA9ratives R\xC3\xA9unies\""}));
  EXPECT_EQ(select("SELECT ?s WHERE { ?s text:query (rdfs:label \"amap\") }"),
            std::vector<std::string>{"s=<http://example.org/e>"});
  EXPECT_EQ(select("SELECT ?s WHERE { ?s text:query (\"coopérative\" 1) }").size(), 1u);
}

TEST_F(TextSearch, ScoresAreOrdered) {
  auto rows = select(
      "SELECT ?s ?score WHERE { (?s ?score) text:query \"coopérative\" } ORDER BY DESC(?score)",
      true, true);
  ASSERT_EQ(rows.size(), 2u);
  // :a mentions it twice (name and description); :b twice too but in longer text.
  std::vector<double> scores;
  for (const auto& r : rows) {
    size_t q = r.find("score=\"");
    scores.push_back(std::stod(r.substr(q + 7)));
  }
  EXPECT_GE(scores[0], scores[1]);
  EXPECT_GT(scores[1], 0);
}

TEST_F(TextSearch, JoinsWithPatternsFiltersAndOptional) {
  auto rows = select(
      "SELECT ?s ?n WHERE { ?s text:query \"coopérative\" . ?s schema:name ?n "
      "FILTER(CONTAINS(?n, \"Île\")) OPTIONAL { ?s schema:telephone ?t } }");
  EXPECT_EQ(rows, std::vector<std::string>{
                      "s=<http://example.org/a> n=\"Coop\xC3\xA9rative de l'\xC3\x8Ele\""});
}

TEST_F(TextSearch, VirtuosoContains) {
  auto rows =
      select("SELECT ?s WHERE { ?s schema:description ?d . ?d bif:contains \"'ressourc*'\" }");
  EXPECT_EQ(rows, std::vector<std::string>{"s=<http://example.org/c>"});
  rows = select("SELECT ?s WHERE { ?s schema:name ?d . ?d bif:contains \"'boulangerie bio'\" }");
  EXPECT_EQ(rows, std::vector<std::string>{"s=<http://example.org/d>"});
}

TEST_F(TextSearch, SameAnswerAsTheScan) {
  auto indexed =
      select("SELECT DISTINCT ?s WHERE { ?s text:query (schema:description \"recyclerie\") }");
  auto scan = select(
      "SELECT DISTINCT ?s WHERE { ?s schema:description ?d FILTER(CONTAINS(LCASE(?d), "
      "\"recyclerie\")) }",
      false);
  EXPECT_EQ(indexed, scan);
}

TEST_F(TextSearch, BadQueriesAreClearErrors) {
  EXPECT_THROW(subjects("vélo AND"), SyntaxError);
  EXPECT_THROW(select("SELECT ?s WHERE { ?s text:query ?q }"), SemanticError);
  EXPECT_THROW(select("SELECT ?s WHERE { ?s text:query (schema:name \"a\" "
                      "\"x\"^^<http://www.w3.org/2001/XMLSchema#integer>) }"),
               SemanticError);
}

TEST_F(TextSearch, SnippetsHighlightFoldedStems) {
  auto& idx = indexes_->text();
  EXPECT_EQ(idx.snippet("Les Coopératives Réunies", "cooperative"),
            "Les <b>Coopératives</b> Réunies");
  EXPECT_EQ(idx.snippet("Ressourcerie <du> Panier", "ressourc*"),
            "<b>Ressourcerie</b> &lt;du&gt; Panier");
}

TEST_F(TextSearch, WritesAreVisibleAfterCommit) {
  EXPECT_TRUE(subjects("vélorution").empty());
  add(":g schema:name \"Atelier Vélorution\" .");
  EXPECT_EQ(subjects("velorution"), std::vector<std::string>{"s=<http://example.org/g>"});
  auto txn = store_->beginRead();
  EXPECT_TRUE(indexes_->check(*txn).empty());
}

}  // namespace
}  // namespace bdis::search::testing
