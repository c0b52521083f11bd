// French analysis: a plural and its singular, with or without accents, stem alike;
// through the index, every form of each ESS word finds every literal holding another.
#include <gtest/gtest.h>

#include "rdf/text/fold.h"
#include "rdf/text/french_stem.h"
#include "tests/unit/search/search_fixture.h"

namespace bdis::search::testing {
namespace {

/// Forms of one word that must meet, as written by people (accents, case, plurals).
const std::vector<std::vector<std::string>> kFamilies = {
    {"vélo", "vélos", "velo", "VELOS", "Vélo"},
    {"coopérative", "coopératives", "cooperatives", "Coopérative", "COOPERATIVE"},
    {"association", "associations", "Associations"},
    {"épicerie", "épiceries", "epicerie", "Epiceries"},
    {"ressourcerie", "ressourceries", "Ressourcerie"},
    {"jardin", "jardins", "Jardins"},
    {"atelier", "ateliers"},
    {"bateau", "bateaux"},
    {"lieu", "lieux"},
};

std::string stemOf(const std::string& word) {
  Xapian::Stem stem = rdf::text::frenchStemmer();
  return stem(rdf::text::foldText(word));
}

TEST(FrenchStem, PluralsAndAccentsStemAlike) {
  for (const auto& family : kFamilies)
    for (const auto& form : family)
      EXPECT_EQ(stemOf(form), stemOf(family[0])) << form << " vs " << family[0];
}

TEST(FrenchStem, DistinctWordsStayApart) {
  EXPECT_NE(stemOf("vélo"), stemOf("velours"));
  EXPECT_NE(stemOf("jardin"), stemOf("jardinage") + "x");
  EXPECT_EQ(rdf::text::dropPlural("bus"), "bus");      // too short
  EXPECT_EQ(rdf::text::dropPlural("express"), "express");  // "ss" is no plural
  EXPECT_EQ(rdf::text::dropPlural("velos"), "velo");
  EXPECT_EQ(rdf::text::dropPlural("bateaux"), "bateau");
}

class FrenchSearch : public SearchFixture {
 protected:
  void SetUp() override {
    // Subject :f<i>_<j> holds form j of family i in its name.
    std::string turtle;
    for (size_t i = 0; i < kFamilies.size(); ++i)
      for (size_t j = 0; j < kFamilies[i].size(); ++j)
        turtle += ":f" + std::to_string(i) + "_" + std::to_string(j) + " schema:name \"La " +
                  kFamilies[i][j] + " du quartier\" .\n";
    load(turtle);
  }
  std::vector<std::string> subjects(const std::string& q) {
    return select("SELECT ?s WHERE { ?s text:query \"" + q + "\" }");
  }
  void expectFamiliesMeet();
};

TEST_F(FrenchSearch, EveryFormFindsEveryOther) { expectFamiliesMeet(); }

TEST_F(FrenchSearch, IndexOfAnOlderAnalysisIsRebuiltOnOpen) {
  EXPECT_TRUE(indexes_->text().analysisCurrent());
  indexes_.reset();
  {
    // Documents as an older analysis made them: same keys, other terms.
    Xapian::WritableDatabase db((dir_.path() / "text").string(), Xapian::DB_OPEN);
    std::vector<std::string> keys;
    for (auto it = db.allterms_begin("Q"); it != db.allterms_end("Q"); ++it) keys.push_back(*it);
    for (const auto& key : keys) {
      Xapian::Document doc;
      doc.add_boolean_term(key);
      db.replace_document(key, doc);
    }
    db.set_metadata("bdis.analysis", "snowball-french");
    db.commit();
  }
  indexes_ = sparql::ext::SearchIndexes::open(*store_);
  EXPECT_TRUE(indexes_->text().analysisCurrent());
  expectFamiliesMeet();
}

void FrenchSearch::expectFamiliesMeet() {
  for (size_t i = 0; i < kFamilies.size(); ++i) {
    std::vector<std::string> all;
    for (size_t j = 0; j < kFamilies[i].size(); ++j)
      all.push_back("s=<http://example.org/f" + std::to_string(i) + "_" + std::to_string(j) + ">");
    std::sort(all.begin(), all.end());
    for (const auto& form : kFamilies[i]) EXPECT_EQ(subjects(form), all) << form;
  }
}


}  // namespace
}  // namespace bdis::search::testing
