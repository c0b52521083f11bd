#pragma once
// A store built from inline Turtle with its search indexes attached, and a query
// runner that applies the search rewrite (or not) before planning, as the engine's
// hook does. Used by the search tests.

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "rdf/store.h"
#include "sparql/ext/search_indexes.h"
#include "tests/support/shared_path.h"

namespace bdis::search::testing {

/// Prefixes prepended to every query and Turtle text of the fixture.
extern const char* const kPrefixes;

/// kPrefixes as SPARQL PREFIX lines.
std::string sparqlPrefixes();

/// "POINT(lon lat)"^^geo:wktLiteral in Turtle, with `decimals` digits after the point.
std::string wktPoint(double lon, double lat, int decimals);

class SearchFixture : public ::testing::Test {
 protected:
  /// Creates the store from Turtle (kPrefixes prepended) and opens the indexes.
  void load(const std::string& turtle);
  /// Adds Turtle in a new write transaction, then tells the indexes (afterCommit).
  void add(const std::string& turtle);
  /// Runs a SELECT (kPrefixes prepended): one "?v=<nt> ..." line per row, sorted
  /// unless `ordered`. `rewrite` false runs the plain full scan.
  std::vector<std::string> select(const std::string& query, bool rewrite = true,
                                  bool ordered = false, std::vector<std::string>* notes = nullptr);
  /// Inserts quads parsed from Turtle into `txn`; returns them.
  std::vector<rdf::QuadIds> insertTurtle(rdf::WriteTxn& txn, const std::string& turtle);

  test::TempDir dir_;
  std::unique_ptr<rdf::Store> store_;
  std::shared_ptr<sparql::ext::SearchIndexes> indexes_;
};

}  // namespace bdis::search::testing
