// The W3C RDF 1.1 syntax suites (N-Triples, N-Quads, Turtle, TriG): one
// GoogleTest case per manifest entry, plus a check of the committed summary.
#include <gtest/gtest.h>

#include <optional>
#include <sstream>

#include "rdf/error.h"
#include "rdf/rdf_reader.h"
#include "rdf/rdf_writer.h"
#include "tests/support/shared_path.h"
#include "tests/w3c/isomorphism.h"
#include "tests/w3c/manifest.h"
#include "tests/w3c/skip_list.h"
#include "tests/w3c/suite_support.h"

namespace bdis::w3c {
namespace {

const char* const kSuites[] = {"rdf-n-triples", "rdf-n-quads", "rdf-turtle", "rdf-trig"};

const std::vector<Case>& cases() {
  static const std::vector<Case> all = [] {
    std::vector<Case> out;
    const auto shared = test::sharedDir();
    if (!shared) {
      return out;
    }
    CaseNamer namer;
    for (const char* suite : kSuites) {
      const auto manifest = *shared / "w3c/rdf/rdf11" / suite / "manifest.ttl";
      for (ManifestEntry& e : loadManifest(manifest)) {
        std::string name = namer.name(suite, e);
        out.push_back(Case{suite, std::move(name), std::move(e)});
      }
    }
    return out;
  }();
  return all;
}

std::optional<rdf::RdfFormat> formatOf(std::string_view type) {
  if (type.find("NTriples") != std::string_view::npos) {
    return rdf::RdfFormat::NTriples;
  }
  if (type.find("NQuads") != std::string_view::npos) {
    return rdf::RdfFormat::NQuads;
  }
  if (type.find("Turtle") != std::string_view::npos) {
    return rdf::RdfFormat::Turtle;
  }
  if (type.find("Trig") != std::string_view::npos) {
    return rdf::RdfFormat::TriG;
  }
  return std::nullopt;
}

/// Collects quads and the prefixes declared on the way.
class Collector final : public rdf::QuadSink {
 public:
  void quad(const rdf::QuadView& q) override {
    quads.push_back(rdf::Quad{rdf::Term(q.s), rdf::Term(q.p), rdf::Term(q.o), rdf::Term(q.g)});
  }
  void prefix(std::string_view name, std::string_view iri) override {
    prefixes.emplace_back(name, iri);
  }
  std::vector<rdf::Quad> quads;
  std::vector<std::pair<std::string, std::string>> prefixes;
};

std::string baseFor(const ManifestEntry& e, const std::filesystem::path& file) {
  if (e.testBase.empty()) {
    return fileIri(file);
  }
  return e.testBase + file.filename().string();
}

Collector parse(const std::filesystem::path& file, rdf::RdfFormat format, const std::string& base) {
  Collector c;
  rdf::ReadOptions o;
  o.format = format;
  o.baseIri = base;
  rdf::readFile(file.string(), o, c);
  return c;
}

/// Writes `in` in `format`, reads it back, and compares.
std::optional<std::string> roundTrip(const Collector& in, rdf::RdfFormat format,
                                     const std::string& base) {
  std::ostringstream text;
  rdf::WriterOptions wo;
  wo.prefixes = in.prefixes;
  wo.baseIri = base;
  rdf::RdfWriter writer(text, format, wo);
  for (const rdf::Quad& q : in.quads) {
    writer.write(q.view());
  }
  writer.finish();
  Collector back;
  rdf::ReadOptions ro;
  ro.format = format;
  ro.baseIri = base;
  ro.sourceName = "written " + std::string(rdf::fileExtension(format));
  try {
    rdf::readBuffer(text.str(), ro, back);
  } catch (const Error& e) {
    return std::string("writer output does not parse: ") + e.what() + "\n" + text.str();
  }
  std::string why;
  if (!isomorphic(in.quads, back.quads, &why)) {
    return "writer round trip (" + std::string(rdf::fileExtension(format)) + ") differs: " + why +
           "written:\n" + text.str();
  }
  return std::nullopt;
}

Outcome run(const Case& c) {
  const ManifestEntry& e = c.entry;
  if (const std::string* reason = skipReason(e.iri)) {
    return {Outcome::Skipped, *reason};
  }
  const auto format = formatOf(e.type);
  if (!format) {
    return {Outcome::Failed, "unknown test type " + e.type};
  }
  const std::filesystem::path action = e.action.path();
  const std::string base = baseFor(e, action);
  const std::string_view type(e.type);
  const bool negative = type.find("Negative") != std::string_view::npos;
  Collector got;
  try {
    got = parse(action, *format, base);
  } catch (const SyntaxError& err) {
    if (negative) {
      return {};
    }
    return {Outcome::Failed, std::string("rejected valid input: ") + err.what()};
  } catch (const Error& err) {
    return {Outcome::Failed, err.what()};
  }
  if (negative) {
    return {Outcome::Failed, "accepted invalid input " + action.string()};
  }
  if (type.ends_with("Eval")) {
    const std::filesystem::path result = e.result.path();
    const auto resultFormat = rdf::formatFromPath(result.string());
    Collector expected;
    try {
      expected = parse(result, resultFormat.value_or(rdf::RdfFormat::NQuads), fileIri(result));
    } catch (const Error& err) {
      return {Outcome::Failed, std::string("cannot read the expected result: ") + err.what()};
    }
    std::string why;
    if (!isomorphic(expected.quads, got.quads, &why)) {
      return {Outcome::Failed, "result differs from " + result.string() + ": " + why};
    }
  }
  for (const rdf::RdfFormat f : {*format, rdf::RdfFormat::NQuads}) {
    if (auto failure = roundTrip(got, f, base)) {
      return {Outcome::Failed, *failure};
    }
  }
  return {};
}

class RdfSuite : public ::testing::TestWithParam<const Case*> {};

TEST_P(RdfSuite, Entry) {
  BDIS_REQUIRE_SHARED(shared);
  const Case* c = GetParam();
  ASSERT_NE(c, nullptr) << "no W3C RDF manifest entries found under " << shared;
  const Outcome o = run(*c);
  if (o.kind == Outcome::Skipped) {
    GTEST_SKIP() << o.message;
  }
  EXPECT_EQ(o.kind, Outcome::Passed) << c->entry.iri << "\n" << o.message;
}

INSTANTIATE_TEST_SUITE_P(W3C, RdfSuite, ::testing::ValuesIn(caseParams(cases())), CaseParamName());

TEST(RdfSuitesSummary, MatchesCommittedSummary) {
  BDIS_REQUIRE_SHARED(shared);
  SuiteCounts counts;
  for (const char* suite : kSuites) {
    counts.addSuite(suite);
  }
  for (const Case& c : cases()) {
    counts.add(c.suite, run(c).kind);
  }
  expectCommittedSummary(counts.summary(false), "summary-rdf.txt", "RDF");
}

}  // namespace
}  // namespace bdis::w3c
