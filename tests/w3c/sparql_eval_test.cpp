// The W3C SPARQL 1.0 / 1.1 query evaluation suites: one GoogleTest case per
// manifest entry (mf:QueryEvaluationTest, mf:CSVResultFormatTest), each run on a
// fresh store holding the test's data (qt:data in the default graph, each
// qt:graphData in the named graph named by its IRI), results compared as the
// W3C harness does (result_set.h); plus our own regression manifests under
// tests/manifests/ and a check of the committed summary (summary-sparql-eval.txt).
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "rdf/error.h"
#include "rdf/rdf_reader.h"
#include "rdf/store.h"
#include "sparql/engine.h"
#include "sparql/parser/parser.h"
#include "tests/support/shared_path.h"
#include "tests/w3c/isomorphism.h"
#include "tests/w3c/manifest.h"
#include "tests/w3c/rdfxml_reader.h"
#include "tests/w3c/result_set.h"
#include "tests/w3c/skip_list.h"

namespace bdis::w3c {
namespace {

const char* const kSuites[] = {
    "sparql10/algebra", "sparql10/ask", "sparql10/basic", "sparql10/bnode-coreference",
    "sparql10/boolean-effective-value", "sparql10/bound", "sparql10/cast", "sparql10/construct",
    "sparql10/dataset", "sparql10/distinct", "sparql10/expr-builtin", "sparql10/expr-equals",
    "sparql10/expr-ops", "sparql10/graph", "sparql10/i18n", "sparql10/open-world",
    "sparql10/optional", "sparql10/optional-filter", "sparql10/reduced", "sparql10/regex",
    "sparql10/solution-seq", "sparql10/sort", "sparql10/triple-match", "sparql10/type-promotion",
    "sparql11/aggregates", "sparql11/bind", "sparql11/bindings", "sparql11/cast",
    "sparql11/construct", "sparql11/csv-tsv-res", "sparql11/exists", "sparql11/functions",
    "sparql11/grouping", "sparql11/json-res", "sparql11/negation", "sparql11/project-expression",
    "sparql11/property-path", "sparql11/subquery", "sparql11/entailment", "sparql11/service"};

struct Case {
  std::string suite;
  std::string testName;
  ManifestEntry entry;
};

struct Outcome {
  enum Kind { Passed, Failed, Skipped } kind = Passed;
  std::string message;
};

std::string sanitise(std::string_view s) {
  std::string out;
  for (char c : s) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    out += ok ? c : '_';
  }
  return out;
}

bool isEvalTest(std::string_view type) {
  return type.ends_with("#QueryEvaluationTest") || type.ends_with("#CSVResultFormatTest");
}

const std::vector<Case>& cases() {
  static const std::vector<Case> all = [] {
    std::vector<Case> out;
    std::set<std::string> names;
    auto add = [&](const std::string& suite, const std::filesystem::path& manifest) {
      for (ManifestEntry& e : loadManifest(manifest)) {
        if (!isEvalTest(e.type)) continue;
        const auto hash = e.iri.rfind('#');
        std::string name = sanitise(suite) + "_" +
                           sanitise(hash == std::string::npos ? e.name : e.iri.substr(hash + 1));
        while (!names.insert(name).second) name += "_";
        out.push_back(Case{suite, name, std::move(e)});
      }
    };
    const std::filesystem::path own = std::filesystem::path(BDIS_TESTS_SOURCE_DIR) / "manifests";
    if (std::filesystem::exists(own / "manifest.ttl")) add("bdis", own / "manifest.ttl");
    const auto shared = test::sharedDir();
    if (!shared) return out;
    const auto sparqlDir = *shared / "w3c/sparql";
    for (const char* suite : kSuites) {
      const auto manifest = sparqlDir / suite / "manifest.ttl";
      if (std::filesystem::exists(manifest)) add(suite, manifest);
    }
    return out;
  }();
  return all;
}

std::string readText(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw StorageError("cannot read " + p.string());
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

/// The IRI a test file is known by (its file: IRI, or under mf:assumedTestBase).
std::string iriOf(const ManifestEntry& e, const std::filesystem::path& p) {
  return e.testBase.empty() ? fileIri(p) : e.testBase + p.filename().string();
}

std::optional<rdf::RdfFormat> rdfFormat(const std::filesystem::path& p) {
  return rdf::formatFromPath(p.string());
}

/// Collects quads from a reader.
struct QuadCollector : rdf::QuadSink {
  std::vector<rdf::Quad> quads;
  void quad(const rdf::QuadView& q) override {
    quads.push_back(rdf::Quad{rdf::Term(q.s), rdf::Term(q.p), rdf::Term(q.o), rdf::Term(q.g)});
  }
};

/// Writes quads into a write transaction.
struct StoreSink : rdf::QuadSink {
  rdf::WriteTxn& txn;
  std::vector<rdf::QuadIds> batch;
  explicit StoreSink(rdf::WriteTxn& t) : txn(t) {}
  void quad(const rdf::QuadView& q) override {
    rdf::QuadIds ids{txn.intern(q.s), txn.intern(q.p), txn.intern(q.o),
                     q.g.isNone() ? rdf::kDefaultGraph : txn.intern(q.g)};
    batch.push_back(ids);
  }
};

/// Loads an RDF file into the store (graph None: the default graph). Throws
/// std::runtime_error naming files that cannot be read (RDF/XML).
void load(rdf::WriteTxn& txn, const ManifestEntry& e, const std::filesystem::path& file,
          const std::string& graph, int& scope) {
  if (file.extension() == ".rdf") {
    std::vector<rdf::QuadIds> ids;
    rdf::TermId g = graph.empty() ? rdf::kDefaultGraph : txn.intern(rdf::Term::iri(graph).view());
    const std::string prefix = "f" + std::to_string(scope++) + "_";
    auto id = [&](rdf::Term t) {
      if (t.isBlank()) t.value = prefix + t.value;
      return txn.intern(t.view());
    };
    for (const auto& q : readRdfXml(readText(file), iriOf(e, file)))
      ids.push_back({id(q.s), id(q.p), id(q.o), g});
    txn.insertBatch(ids);
    return;
  }
  auto fmt = rdfFormat(file);
  if (!fmt) throw std::runtime_error("cannot read " + file.filename().string());
  rdf::ReadOptions o;
  o.format = *fmt;
  o.baseIri = iriOf(e, file);
  o.blankPrefix = "f" + std::to_string(scope++) + "_";
  rdf::Term g = graph.empty() ? rdf::Term() : rdf::Term::iri(graph);
  o.defaultGraph = g.view();
  StoreSink sink(txn);
  rdf::readFile(file.string(), o, sink);
  txn.insertBatch(sink.batch);
}

/// Collects whatever executeQuery produces.
struct Collector : sparql::ResultSink {
  sparql::QueryForm form = sparql::QueryForm::Select;
  ResultSet rs;
  std::vector<rdf::Quad> quads;
  void begin(sparql::QueryForm f, const std::vector<std::string>& vars) override {
    form = f;
    rs.vars = vars;
  }
  void row(std::span<const rdf::TermView> values) override {
    std::vector<rdf::Term> r;
    for (const auto& v : values) r.emplace_back(v);
    rs.rows.push_back(std::move(r));
  }
  void boolean(bool b) override { rs.boolean = b; }
  void triple(const rdf::QuadView& q) override {
    quads.push_back(rdf::Quad{rdf::Term(q.s), rdf::Term(q.p), rdf::Term(q.o), {}});
  }
  void end() override {}
};

Outcome run(const Case& c) {
  const ManifestEntry& e = c.entry;
  if (const std::string* reason = skipReason(e.iri)) return {Outcome::Skipped, *reason};
  const ManifestNode* queryNode = e.action.get(std::string(kQt) + "query");
  if (!queryNode) return {Outcome::Failed, "no qt:query"};
  const std::filesystem::path queryFile = queryNode->path();
  std::string message;
  try {
    const std::string text = readText(queryFile);
    const std::string base = iriOf(e, queryFile);
    test::TempDir dir;
    auto store = rdf::Store::open(dir.path());
    {
      auto txn = store->beginWrite();
      int scope = 0;
      for (const auto* d : e.action.all(std::string(kQt) + "data")) load(*txn, e, d->path(), "", scope);
      for (const auto* d : e.action.all(std::string(kQt) + "graphData")) {
        if (d->term.isBlank()) {
          const ManifestNode* g = d->get(std::string(kQt) + "graph");
          const ManifestNode* label = d->get(std::string(kRdfs) + "label");
          if (g) load(*txn, e, g->path(), label ? label->value() : iriOf(e, g->path()), scope);
        } else {
          load(*txn, e, d->path(), iriOf(e, d->path()), scope);
        }
      }
      // FROM / FROM NAMED of local files: the harness loads them into graphs of that name.
      auto parsed = sparql::parseQuery(text, base);
      std::set<std::string> loaded;
      for (const auto* list : {&parsed.ast.from, &parsed.ast.fromNamed}) {
        for (const auto& t : *list) {
          if (!t.value.starts_with("file:") || !loaded.insert(t.value).second) continue;
          ManifestNode n;
          n.term = t;
          std::filesystem::path p = n.path();
          if (std::filesystem::exists(p)) load(*txn, e, p, t.value, scope);
        }
      }
      txn->commit();
    }
    auto read = store->beginRead();
    Collector got;
    sparql::QueryRequest req;
    req.text = text;
    req.baseIri = base;
    sparql::executeQuery(*read, req, got);

    const std::filesystem::path resultFile = e.result.path();
    const std::string ext = resultFile.extension().string();
    std::optional<ResultSet> expected;
    std::vector<rdf::Quad> expectedGraph;
    if (ext == ".srx") {
      expected = parseSrx(readText(resultFile));
    } else if (ext == ".srj") {
      expected = parseSrj(readText(resultFile));
    } else if (ext == ".tsv") {
      expected = parseTsv(readText(resultFile));
    } else if (ext == ".csv") {
      expected = parseCsv(readText(resultFile));
      got.rs = toCsvView(got.rs);
    } else {
      QuadCollector qc;
      if (ext == ".rdf") {
        qc.quads = readRdfXml(readText(resultFile), iriOf(e, resultFile));
      } else {
        auto fmt = rdfFormat(resultFile);
        if (!fmt) return {Outcome::Failed, "unknown result format " + ext};
        rdf::ReadOptions o;
        o.format = *fmt;
        o.baseIri = iriOf(e, resultFile);
        rdf::readFile(resultFile.string(), o, qc);
      }
      if (got.form == sparql::QueryForm::Select || got.form == sparql::QueryForm::Ask) {
        expected = fromRdf(qc.quads);
        if (!expected) return {Outcome::Failed, "result file holds no rs:ResultSet"};
      } else {
        expectedGraph = std::move(qc.quads);
      }
    }
    if (expected) {
      bool ordered = !sparql::parseQuery(text, base).ast.orderBy.empty();
      std::string why;
      if (!sameResults(*expected, got.rs, ordered && expected->ordered, &why))
        return {Outcome::Failed, why + "\nexpected:\n" + describe(*expected) + "got:\n" +
                                     describe(got.rs) + "query:\n" + text};
      return {};
    }
    std::string why;
    if (!isomorphic(expectedGraph, got.quads, &why))
      return {Outcome::Failed, "graphs differ: " + why + "\nexpected:\n" + toNQuads(expectedGraph) +
                                   "got:\n" + toNQuads(got.quads) + "query:\n" + text};
    return {};
  } catch (const std::exception& err) {
    return {Outcome::Failed, std::string("error: ") + err.what()};
  }
}

/// Why a test is a known failure (sparql_eval_known_failures.txt), or nullptr.
const std::string* knownFailure(const std::string& iri) {
  static const std::map<std::string, std::string> known = [] {
    std::map<std::string, std::string> out;
    std::ifstream in(std::filesystem::path(BDIS_W3C_SOURCE_DIR) / "sparql_eval_known_failures.txt");
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] != '<') continue;
      size_t close = line.find('>');
      if (close == std::string::npos) continue;
      out.emplace(line.substr(1, close - 1), line.substr(std::min(line.size(), close + 2)));
    }
    return out;
  }();
  auto it = known.find(iri);
  return it == known.end() ? nullptr : &it->second;
}

class SparqlEval : public ::testing::TestWithParam<const Case*> {};

TEST_P(SparqlEval, Entry) {
  const Case* c = GetParam();
  if (c == nullptr) {
    BDIS_REQUIRE_SHARED(shared);
    FAIL() << "no W3C SPARQL evaluation entries found under " << shared;
  }
  const Outcome o = run(*c);
  if (o.kind == Outcome::Skipped) GTEST_SKIP() << o.message;
  if (const std::string* known = knownFailure(c->entry.iri)) {
    EXPECT_EQ(o.kind, Outcome::Failed)
        << c->entry.iri << " now passes: remove it from sparql_eval_known_failures.txt";
    GTEST_SKIP() << "known failure: " << *known << "\n" << o.message;
  }
  EXPECT_EQ(o.kind, Outcome::Passed) << c->entry.iri << "\n" << o.message;
}

std::vector<const Case*> params() {
  std::vector<const Case*> out;
  for (const Case& c : cases()) out.push_back(&c);
  if (out.empty()) out.push_back(nullptr);
  return out;
}

INSTANTIATE_TEST_SUITE_P(W3C, SparqlEval, ::testing::ValuesIn(params()),
                         [](const ::testing::TestParamInfo<const Case*>& info) {
                           return info.param ? info.param->testName
                                             : std::string("SharedDataMissing");
                         });

TEST(SparqlEvalSummary, MatchesCommittedSummary) {
  BDIS_REQUIRE_SHARED(shared);
  std::map<std::string, std::array<int, 4>> counts;  // total, passed, failed, skipped
  std::vector<std::string> order;
  for (const Case& c : cases()) {
    if (!counts.count(c.suite)) order.push_back(c.suite);
    auto& n = counts[c.suite];
    ++n[0];
    const Outcome o = run(c);
    ++n[o.kind == Outcome::Passed ? 1 : o.kind == Outcome::Failed ? 2 : 3];
  }
  std::string summary =
      "# suite total passed failed skipped (regenerate: BDIS_UPDATE_W3C_SUMMARY=1)\n";
  for (const std::string& suite : order) {
    const auto& n = counts[suite];
    summary += suite + " " + std::to_string(n[0]) + " " + std::to_string(n[1]) + " " +
               std::to_string(n[2]) + " " + std::to_string(n[3]) + "\n";
  }
  const std::filesystem::path file =
      std::filesystem::path(BDIS_W3C_SOURCE_DIR) / "summary-sparql-eval.txt";
  if (const char* update = std::getenv("BDIS_UPDATE_W3C_SUMMARY"); update && *update == '1') {
    std::ofstream(file) << summary;
  }
  std::ifstream in(file);
  std::stringstream committed;
  committed << in.rdbuf();
  EXPECT_EQ(committed.str(), summary) << "the W3C SPARQL evaluation results changed; review, then "
                                      << "regenerate " << file << " with BDIS_UPDATE_W3C_SUMMARY=1";
}

}  // namespace
}  // namespace bdis::w3c
