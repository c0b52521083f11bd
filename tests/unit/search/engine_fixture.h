#pragma once
// The search fixture with queries run through sparql::executeQuery (the engine's
// hook), and the comparison of an indexed run with the plain scan. Used by the
// search tests that go through the engine.

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "sparql/engine.h"
#include "tests/unit/search/search_fixture.h"

namespace bdis::search::testing {

/// A result sink keeping one line per row: the values in N-Triples, space-separated.
struct NTriplesRows : sparql::ResultSink {
  std::vector<std::string> rows;
  void begin(sparql::QueryForm, const std::vector<std::string>&) override {}
  void row(std::span<const rdf::TermView> values) override;
  void boolean(bool) override {}
  void triple(const rdf::QuadView&) override {}
  void end() override {}
};

/// Rows of an indexed run and of the plain scan of the same query.
struct IndexedAndScanned {
  std::vector<std::string> indexed;
  std::vector<std::string> scanned;
  /// EXPLAIN of the indexed run.
  std::string explain;
};

class EngineFixture : public SearchFixture {
 protected:
  void TearDown() override { sparql::ext::setActiveIndexes(nullptr); }

  /// Runs `q` (the fixture's prefixes prepended) through sparql::executeQuery with
  /// whatever indexes are active; rows in the engine's order. Fills `explain` if given.
  NTriplesRows execute(const std::string& q, const std::optional<sparql::Dataset>& dataset = {},
                       std::string* explain = nullptr);
  /// Attaches the indexes (or none when `indexed` is false), then runs execute().
  std::vector<std::string> run(const std::string& q, bool indexed,
                               const std::optional<sparql::Dataset>& dataset = {},
                               std::string* explain = nullptr);
  /// Runs `q` with and without the indexes; rows sorted unless `ordered`.
  IndexedAndScanned bothWays(const std::string& q, bool ordered,
                             const std::optional<sparql::Dataset>& dataset = {});
};

}  // namespace bdis::search::testing
