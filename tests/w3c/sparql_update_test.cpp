// The W3C SPARQL 1.1 Update evaluation suites: one GoogleTest case per
// manifest entry. A syntax entry (mf:NegativeSyntaxTest11, the update syntax
// test types) must fail or pass parsing. An mf:UpdateEvaluationTest runs on a fresh store holding
// the test's ut:data (default graph) and ut:graphData (named graphs, named by rdfs:label or by
// their IRI); the request is applied in one transaction and the store is then compared graph by
// graph (isomorphism) with the expected state. Plus a check of the committed summary
// (summary-sparql-update.txt).
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "rdf/error.h"
#include "rdf/rdf_reader.h"
#include "rdf/store.h"
#include "sparql/parser/parser.h"
#include "sparql/update.h"
#include "tests/support/shared_path.h"
#include "tests/w3c/isomorphism.h"
#include "tests/w3c/manifest.h"
#include "tests/w3c/skip_list.h"
#include "tests/w3c/suite_support.h"

namespace bdis::w3c {
namespace {

const char* const kSuites[] = {
    "sparql11/add",    "sparql11/basic-update", "sparql11/clear",         "sparql11/copy",
    "sparql11/delete", "sparql11/delete-data",  "sparql11/delete-insert", "sparql11/delete-where",
    "sparql11/drop",   "sparql11/move",         "sparql11/update-silent"};

bool isUpdateEval(std::string_view type) { return type.ends_with("#UpdateEvaluationTest"); }

bool isNegativeSyntax(std::string_view type) {
  return type.ends_with("#NegativeSyntaxTest11") || type.ends_with("#NegativeUpdateSyntaxTest11");
}

bool isSyntaxTest(std::string_view type) {
  return isNegativeSyntax(type) || type.ends_with("#PositiveUpdateSyntaxTest11");
}

std::string readText(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw StorageError("cannot read " + p.string());
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

const std::vector<Case>& cases() {
  static const std::vector<Case> all = [] {
    std::vector<Case> out;
    std::vector<std::pair<std::string, std::filesystem::path>> manifests;
    // Our own regression cases, in the same format (tests/manifests/update).
    const auto own = std::filesystem::path(BDIS_W3C_SOURCE_DIR).parent_path() / "manifests" /
                     "update" / "manifest.ttl";
    if (std::filesystem::exists(own)) manifests.emplace_back("bdis-update", own);
    if (const auto shared = test::sharedDir()) {
      for (const char* suite : kSuites) {
        const auto manifest = *shared / "w3c/sparql" / suite / "manifest.ttl";
        if (std::filesystem::exists(manifest)) manifests.emplace_back(suite, manifest);
      }
    }
    CaseNamer namer;
    for (const auto& [suite, manifest] : manifests) {
      for (ManifestEntry& e : loadManifest(manifest)) {
        if (!isUpdateEval(e.type) && !isSyntaxTest(e.type)) continue;
        std::string name = namer.name(suite, e);
        out.push_back(Case{suite, std::move(name), std::move(e)});
      }
    }
    return out;
  }();
  return all;
}

std::string iriOf(const ManifestEntry& e, const std::filesystem::path& p) {
  return e.testBase.empty() ? fileIri(p) : e.testBase + p.filename().string();
}

struct QuadCollector : rdf::QuadSink {
  std::vector<rdf::Quad> quads;
  void quad(const rdf::QuadView& q) override {
    quads.push_back(rdf::Quad{rdf::Term(q.s), rdf::Term(q.p), rdf::Term(q.o), {}});
  }
};

std::vector<rdf::Quad> readGraph(const ManifestEntry& e, const std::filesystem::path& file) {
  auto fmt = rdf::formatFromPath(file.string());
  if (!fmt) throw std::runtime_error("cannot read " + file.filename().string());
  rdf::ReadOptions o;
  o.format = *fmt;
  o.baseIri = iriOf(e, file);
  QuadCollector c;
  rdf::readFile(file.string(), o, c);
  return c.quads;
}

/// The graphs a manifest node describes: "" for ut:data, the name for each ut:graphData.
std::map<std::string, std::vector<rdf::Quad>> graphsOf(const ManifestEntry& e,
                                                       const ManifestNode& node) {
  std::map<std::string, std::vector<rdf::Quad>> out;
  const std::string ut(kUt);
  out[""];
  for (const auto* d : node.all(ut + "data")) {
    auto q = readGraph(e, d->path());
    out[""].insert(out[""].end(), q.begin(), q.end());
  }
  for (const auto* d : node.all(ut + "graphData")) {
    const ManifestNode* g = d->term.isBlank() ? d->get(ut + "graph") : d;
    const ManifestNode* label = d->get(std::string(kRdfs) + "label");
    if (!g) continue;
    std::string name = label ? label->value() : iriOf(e, g->path());
    auto q = readGraph(e, g->path());
    out[name].insert(out[name].end(), q.begin(), q.end());
  }
  return out;
}

/// A syntax entry: the request (mf:action) must parse, or must not.
Outcome runSyntax(const ManifestEntry& e) {
  const bool negative = isNegativeSyntax(e.type);
  std::string text;
  try {
    text = readText(e.action.path());
  } catch (const std::exception& err) {
    return {Outcome::Failed, err.what()};
  }
  try {
    sparql::parseUpdate(text, iriOf(e, e.action.path()));
  } catch (const SyntaxError& err) {
    if (negative) return {};
    return {Outcome::Failed, std::string("rejected: ") + err.what() + "\n" + text};
  } catch (const SemanticError& err) {
    if (negative) return {};
    return {Outcome::Failed, std::string("rejected: ") + err.what() + "\n" + text};
  }
  if (negative) return {Outcome::Failed, "accepted a request that must be rejected:\n" + text};
  return {};
}

Outcome run(const Case& c) {
  const ManifestEntry& e = c.entry;
  if (const std::string* reason = skipReason(e.iri)) return {Outcome::Skipped, *reason};
  if (isSyntaxTest(e.type)) return runSyntax(e);
  const ManifestNode* request = e.action.get(std::string(kUt) + "request");
  if (!request) return {Outcome::Failed, "no ut:request"};
  try {
    std::ifstream in(request->path(), std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    test::TempDir dir;
    auto store = rdf::Store::open(dir.path());
    {
      auto txn = store->beginWrite();
      insertGraphs(*txn, graphsOf(e, e.action));
      txn->commit();
    }
    {
      auto txn = store->beginWrite();
      sparql::UpdateRequest req;
      req.text = text.str();
      req.baseIri = iriOf(e, request->path());
      sparql::executeUpdate(*txn, req);
      txn->commit();
    }
    auto expected = graphsOf(e, e.result);
    auto read = store->beginRead();
    std::map<std::string, rdf::TermId> actualGraphs{{"", rdf::kDefaultGraph}};
    for (rdf::TermId g : read->namedGraphs()) actualGraphs[read->decode(g).value] = g;
    std::set<std::string> names;
    for (const auto& [n, q] : expected) names.insert(n);
    for (const auto& [n, g] : actualGraphs) names.insert(n);
    for (const auto& name : names) {
      std::vector<rdf::Quad> got;
      auto it = actualGraphs.find(name);
      if (it != actualGraphs.end()) {
        auto cur = read->scan(rdf::QuadPattern{rdf::kAny, rdf::kAny, rdf::kAny, it->second});
        rdf::QuadIds q;
        while (cur.next(q))
          got.push_back(rdf::Quad{read->decode(q.s), read->decode(q.p), read->decode(q.o), {}});
      }
      std::vector<rdf::Quad> want =
          expected.count(name) ? expected[name] : std::vector<rdf::Quad>{};
      std::string why;
      if (!isomorphic(want, got, &why))
        return {Outcome::Failed, "graph <" + name + "> differs: " + why + "\nexpected:\n" +
                                     toNQuads(want) + "got:\n" + toNQuads(got) + "request:\n" +
                                     text.str()};
    }
    return {};
  } catch (const std::exception& err) {
    return {Outcome::Failed, std::string("error: ") + err.what()};
  }
}

class SparqlUpdate : public ::testing::TestWithParam<const Case*> {};

TEST_P(SparqlUpdate, Entry) {
  const Case* c = GetParam();
  if (c == nullptr || c->suite != "bdis-update") {
    BDIS_REQUIRE_SHARED(shared);
    ASSERT_NE(c, nullptr) << "no W3C SPARQL update entries found under " << shared;
  }
  const Outcome o = run(*c);
  if (o.kind == Outcome::Skipped) GTEST_SKIP() << o.message;
  EXPECT_EQ(o.kind, Outcome::Passed) << c->entry.iri << "\n" << o.message;
}

INSTANTIATE_TEST_SUITE_P(W3C, SparqlUpdate, ::testing::ValuesIn(caseParams(cases())),
                         CaseParamName());

TEST(SparqlUpdateSummary, MatchesCommittedSummary) {
  BDIS_REQUIRE_SHARED(shared);
  SuiteCounts counts;
  for (const Case& c : cases()) {
    counts.add(c.suite, run(c).kind);
  }
  expectCommittedSummary(counts.summary(true), "summary-sparql-update.txt", "SPARQL update");
}

}  // namespace
}  // namespace bdis::w3c
