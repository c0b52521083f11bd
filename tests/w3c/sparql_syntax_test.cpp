// The W3C SPARQL 1.0 / 1.1 syntax suites (positive and negative, query and
// update, federation): one GoogleTest case per manifest entry, parse only, plus
// a check of the committed summary (summary-sparql-syntax.txt).
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <random>
#include <set>
#include <sstream>

#include "rdf/error.h"
#include "sparql/parser/parser.h"
#include "tests/support/shared_path.h"
#include "tests/w3c/manifest.h"
#include "tests/w3c/skip_list.h"
#include "tests/w3c/suite_support.h"

namespace bdis::w3c {
namespace {

/// The syntax suites proper; other sparql11 folders are added when their
/// manifest has syntax entries (aggregates, construct, grouping, delete-insert...).
const char* const kSuites[] = {
    "sparql10/syntax-sparql1",  "sparql10/syntax-sparql2",  "sparql10/syntax-sparql3",
    "sparql10/syntax-sparql4",  "sparql10/syntax-sparql5",  "sparql11/syntax-query",
    "sparql11/syntax-update-1", "sparql11/syntax-update-2", "sparql11/syntax-fed"};

bool isSyntaxTest(std::string_view type) {
  return type.find("SyntaxTest") != std::string_view::npos;
}

/// The suites to run: kSuites, then every other sparql11 folder with syntax entries.
std::vector<std::string> suites(const std::filesystem::path& sparqlDir) {
  std::vector<std::string> out(std::begin(kSuites), std::end(kSuites));
  std::set<std::string> known(out.begin(), out.end());
  std::vector<std::string> extra;
  for (const auto& dir : std::filesystem::directory_iterator(sparqlDir / "sparql11")) {
    const auto manifest = dir.path() / "manifest.ttl";
    const std::string name = "sparql11/" + dir.path().filename().string();
    if (known.count(name) || !std::filesystem::exists(manifest)) {
      continue;
    }
    std::ifstream in(manifest);
    std::stringstream text;
    text << in.rdbuf();
    if (text.str().find("SyntaxTest") != std::string::npos) {
      extra.push_back(name);
    }
  }
  std::sort(extra.begin(), extra.end());
  out.insert(out.end(), extra.begin(), extra.end());
  return out;
}

const std::vector<Case>& cases() {
  static const std::vector<Case> all = [] {
    std::vector<Case> out;
    const auto shared = test::sharedDir();
    if (!shared) {
      return out;
    }
    const auto sparqlDir = *shared / "w3c/sparql";
    CaseNamer namer;
    for (const std::string& suite : suites(sparqlDir)) {
      for (ManifestEntry& e : loadManifest(sparqlDir / suite / "manifest.ttl")) {
        if (!isSyntaxTest(e.type)) {
          continue;
        }
        std::string name = namer.name(suite, e);
        out.push_back(Case{suite, std::move(name), std::move(e)});
      }
    }
    return out;
  }();
  return all;
}

Outcome run(const Case& c) {
  const ManifestEntry& e = c.entry;
  if (const std::string* reason = skipReason(e.iri)) {
    return {Outcome::Skipped, *reason};
  }
  const std::filesystem::path action = e.action.path();
  std::ifstream in(action, std::ios::binary);
  if (!in) {
    return {Outcome::Failed, "cannot read " + action.string()};
  }
  std::stringstream text;
  text << in.rdbuf();
  const std::string_view type(e.type);
  const bool negative = type.find("Negative") != std::string_view::npos;
  const bool update = type.find("Update") != std::string_view::npos;
  const std::string base =
      e.testBase.empty() ? fileIri(action) : e.testBase + action.filename().string();
  try {
    if (update) {
      sparql::parseUpdate(text.str(), base);
    } else {
      sparql::parseQuery(text.str(), base);
    }
  } catch (const Error& err) {
    if (negative) {
      return {};
    }
    return {Outcome::Failed,
            std::string("rejected valid input: ") + err.what() + "\n" + text.str()};
  }
  if (negative) {
    return {Outcome::Failed, "accepted invalid input:\n" + text.str()};
  }
  return {};
}

class SparqlSyntax : public ::testing::TestWithParam<const Case*> {};

TEST_P(SparqlSyntax, Entry) {
  BDIS_REQUIRE_SHARED(shared);
  const Case* c = GetParam();
  ASSERT_NE(c, nullptr) << "no W3C SPARQL syntax entries found under " << shared;
  const Outcome o = run(*c);
  if (o.kind == Outcome::Skipped) {
    GTEST_SKIP() << o.message;
  }
  EXPECT_EQ(o.kind, Outcome::Passed) << c->entry.iri << "\n" << o.message;
}

INSTANTIATE_TEST_SUITE_P(W3C, SparqlSyntax, ::testing::ValuesIn(caseParams(cases())),
                         CaseParamName());

TEST(SparqlSyntaxSummary, MatchesCommittedSummary) {
  BDIS_REQUIRE_SHARED(shared);
  SuiteCounts counts;
  for (const Case& c : cases()) {
    counts.add(c.suite, run(c).kind);
  }
  expectCommittedSummary(counts.summary(false), "summary-sparql-syntax.txt", "SPARQL syntax");
}

// Every query and update of the evaluation tests (sparql10 and sparql11) must
// parse too: a wider corpus than the syntax suites, checked in one case.
TEST(SparqlSyntaxCorpus, EvaluationTestQueriesParse) {
  BDIS_REQUIRE_SHARED(shared);
  const auto sparqlDir = shared / "w3c/sparql";
  const std::string query = std::string(kQt) + "query";
  const std::string request = std::string(kUt) + "request";
  int parsed = 0;
  std::vector<std::string> failures;
  for (const char* version : {"sparql10", "sparql11"}) {
    std::vector<std::filesystem::path> dirs;
    for (const auto& d : std::filesystem::directory_iterator(sparqlDir / version)) {
      if (std::filesystem::exists(d.path() / "manifest.ttl")) {
        dirs.push_back(d.path());
      }
    }
    std::sort(dirs.begin(), dirs.end());
    for (const auto& dir : dirs) {
      for (const ManifestEntry& e : loadManifest(dir / "manifest.ttl")) {
        if (isSyntaxTest(e.type) || skipReason(e.iri)) {
          continue;
        }
        const ManifestNode* q = e.action.get(query);
        const ManifestNode* u = e.action.get(request);
        if (!q && !u) {
          continue;
        }
        const std::filesystem::path file = (q ? q : u)->path();
        std::ifstream in(file, std::ios::binary);
        if (!in) {
          continue;  // protocol and service-description tests name no local file
        }
        std::stringstream text;
        text << in.rdbuf();
        try {
          if (u) {
            sparql::parseUpdate(text.str(), fileIri(file));
          } else {
            sparql::parseQuery(text.str(), fileIri(file));
          }
          ++parsed;
        } catch (const Error& err) {
          failures.push_back(e.iri + ": " + err.what());
        }
      }
    }
  }
  EXPECT_GT(parsed, 500);
  for (const auto& f : failures) {
    ADD_FAILURE() << f;
  }
}

// Robustness: random edits of the suite's queries and updates either parse or
// fail with a positioned SyntaxError or a SemanticError, never anything else
// (a crash, another exception). Deterministic: a fixed seed.
TEST(SparqlSyntaxCorpus, MutatedQueriesFailCleanly) {
  BDIS_REQUIRE_SHARED(shared);
  std::vector<std::pair<std::string, bool>> corpus;  // text, is an update
  for (const auto& f : std::filesystem::recursive_directory_iterator(shared / "w3c/sparql")) {
    const auto ext = f.path().extension();
    if (ext != ".rq" && ext != ".ru") {
      continue;
    }
    std::ifstream in(f.path(), std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    corpus.emplace_back(text.str(), ext == ".ru");
  }
  ASSERT_FALSE(corpus.empty());
  std::sort(corpus.begin(), corpus.end());
  const char* const pieces[] = {"{",   "}",   "(",        ")",     "[",      "]",     ".",
                                ";",   ",",   "?x",       "_:b",   "<a>",    "\"s\"", "-1.5e3",
                                "a",   "|",   "/",        "^",     "*",      "+",     "!",
                                "()",  "[]",  "OPTIONAL", "UNION", "FILTER", "GRAPH", "COUNT(",
                                "AS ", "'''", "\\u0041",  "#",     "\n",     "@en",   "^^"};
  std::mt19937 rng(20261204);
  for (int i = 0; i < 20000; ++i) {
    auto [text, update] = corpus[rng() % corpus.size()];
    for (int m = 1 + static_cast<int>(rng() % 4); m > 0 && !text.empty(); --m) {
      const size_t pos = rng() % (text.size() + 1);
      switch (rng() % 4) {
        case 0:
          text.erase(pos, 1 + rng() % 5);
          break;
        case 1:
          text.insert(pos, pieces[rng() % std::size(pieces)]);
          break;
        case 2:
          if (pos < text.size()) {
            text[pos] = static_cast<char>(rng() % 256);
          }
          break;
        default:
          text.resize(pos);
          break;
      }
    }
    try {
      if (update) {
        sparql::parseUpdate(text);
      } else {
        sparql::parseQuery(text);
      }
    } catch (const SyntaxError& e) {
      ASSERT_GT(e.line(), 0u) << text;
      ASSERT_GT(e.column(), 0u) << text;
    } catch (const SemanticError&) {
    } catch (const std::exception& e) {
      FAIL() << "unexpected exception " << e.what() << " for:\n" << text;
    }
  }
}

}  // namespace
}  // namespace bdis::w3c
