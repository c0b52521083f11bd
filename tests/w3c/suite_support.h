#pragma once
// What the W3C suite runners share: the case and outcome types, unique test
// names, the GoogleTest parameters (with the "SharedDataMissing" placeholder),
// the per-suite counts and their check against the committed summary file, and
// loading a test's graphs into a store.

#include <gtest/gtest.h>

#include <array>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "rdf/store.h"
#include "rdf/term.h"
#include "tests/w3c/manifest.h"

namespace bdis::w3c {

/// One manifest entry, run as one GoogleTest case named `testName`.
struct Case {
  std::string suite;
  std::string testName;
  ManifestEntry entry;
};

/// What running a case gave; `message` says why it failed or was skipped.
struct Outcome {
  enum Kind { Passed, Failed, Skipped } kind = Passed;
  std::string message;
};

/// `s` with every character other than an ASCII letter or digit replaced by '_'.
std::string sanitise(std::string_view s);

/// Gives entries unique test names: "<suite>_<IRI fragment, or the entry's name>",
/// sanitised, with '_' appended until the name has not been given before.
class CaseNamer {
 public:
  /// The name for `e` of `suite`; never the same twice for one namer.
  std::string name(std::string_view suite, const ManifestEntry& e);

 private:
  std::set<std::string> names_;
};

/// The test parameters: a pointer to each of `cases` (valid while `cases` lives), or, when
/// there are none (no shared folder), one nullptr: a case that skips and says why.
std::vector<const Case*> caseParams(const std::vector<Case>& cases);

/// Names a parameter from caseParams: its testName, or "SharedDataMissing" for nullptr.
struct CaseParamName {
  std::string operator()(const ::testing::TestParamInfo<const Case*>& info) const;
};

/// Counts of total, passed, failed and skipped cases per suite, suites in the order first
/// seen (by addSuite or add).
class SuiteCounts {
 public:
  /// Lists `suite` (with zero counts if no case of it is added).
  void addSuite(const std::string& suite);
  /// Counts one case of `suite` with outcome `kind`.
  void add(const std::string& suite, Outcome::Kind kind);
  /// The summary text: a header line, then "suite total passed [failed] skipped" per suite.
  std::string summary(bool withFailed) const;

 private:
  std::vector<std::string> order_;
  std::map<std::string, std::array<int, 4>> counts_;  // total, passed, failed, skipped
};

/// Expects `summary` to equal the committed file tests/w3c/`fileName`; with
/// BDIS_UPDATE_W3C_SUMMARY=1 in the environment, first rewrites that file. `what` names the
/// results in the failure message ("RDF", "SPARQL syntax"...).
void expectCommittedSummary(const std::string& summary, std::string_view fileName,
                            std::string_view what);

/// Inserts `graphs` (name -> quads; "" is the default graph, any other name the IRI of a
/// named graph) through `txn`; the graph of each quad is ignored. Does not commit.
void insertGraphs(rdf::WriteTxn& txn, const std::map<std::string, std::vector<rdf::Quad>>& graphs);

}  // namespace bdis::w3c
