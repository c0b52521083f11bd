#include "tests/fuzz/rdf_check.h"

#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "rdf/rdf_reader.h"
#include "rdf/rdf_writer.h"
#include "tests/fuzz/fuzz_check.h"

namespace bdis::fuzz {
namespace {

using rdf::Quad;
using rdf::RdfFormat;

/// Keeps every statement it receives.
class Collector : public rdf::QuadSink {
 public:
  void quad(const rdf::QuadView& q) override {
    quads.push_back(Quad{rdf::Term(q.s), rdf::Term(q.p), rdf::Term(q.o), rdf::Term(q.g)});
  }
  std::vector<Quad> quads;
};

/// Blank labels renamed c0, c1, ... in order of first appearance, so that two readings that
/// label blank nodes differently but consistently compare equal.
std::vector<Quad> canonical(std::vector<Quad> quads) {
  std::unordered_map<std::string, std::string> names;
  auto rename = [&](rdf::Term& t) {
    if (!t.isBlank()) return;
    auto [it, added] = names.try_emplace(t.value, "c" + std::to_string(names.size()));
    t.value = it->second;
  };
  for (Quad& q : quads) {
    rename(q.s);
    rename(q.p);
    rename(q.o);
    rename(q.g);
  }
  return quads;
}

std::string dump(const std::vector<Quad>& quads) {
  std::string out;
  for (const Quad& q : quads) {
    out += rdf::toNTriples(q.s) + " " + rdf::toNTriples(q.p) + " " + rdf::toNTriples(q.o);
    if (!q.g.isNone()) out += " " + rdf::toNTriples(q.g);
    out += " .\n";
  }
  return out;
}

std::string_view formatName(RdfFormat f) {
  switch (f) {
    case RdfFormat::NTriples:
      return "N-Triples";
    case RdfFormat::NQuads:
      return "N-Quads";
    case RdfFormat::Turtle:
      return "Turtle";
    case RdfFormat::TriG:
      return "TriG";
  }
  return "?";
}

rdf::ReadOptions optionsFor(RdfFormat format, bool lax) {
  rdf::ReadOptions o;
  o.format = format;
  o.sourceName = "fuzz";
  if (format == RdfFormat::Turtle || format == RdfFormat::TriG)
    o.baseIri = "http://example.org/base/doc";
  o.skipInvalid = lax;
  return o;
}

void compare(const std::vector<Quad>& expected, const std::vector<Quad>& got,
             const std::string& what) {
  std::vector<Quad> a = canonical(expected);
  std::vector<Quad> b = canonical(got);
  if (a != b) fail(what + " differs\n--- expected\n" + dump(a) + "--- got\n" + dump(b));
}

/// Writes `quads` as `written` and reads them back; the statements must survive.
void roundTrip(const std::vector<Quad>& quads, RdfFormat source, RdfFormat written) {
  std::ostringstream text;
  {
    rdf::RdfWriter writer(text, written);
    for (const Quad& q : quads) writer.write(q.view());
    writer.finish();
  }
  Collector back;
  try {
    rdf::readBuffer(text.str(), optionsFor(written, false), back);
  } catch (const Error& e) {
    fail(std::string("text written as ") + std::string(formatName(written)) +
         " is refused: " + e.what() + "\n--- written\n" + text.str());
  }
  std::vector<Quad> expected = quads;
  // Triple formats drop graph names on writing.
  if (!rdf::isQuadFormat(written)) {
    for (Quad& q : expected) q.g = rdf::Term();
  }
  compare(expected, back.quads,
          std::string(formatName(source)) + " -> " + std::string(formatName(written)) + " -> read");
}

}  // namespace

void checkRdf(std::string_view text, RdfFormat format) {
  Collector strict;
  bool ok = refusedCleanly([&] { rdf::readBuffer(text, optionsFor(format, false), strict); });

  Collector lax;
  uint64_t skipped = 0;
  rdf::ReadOptions laxOptions = optionsFor(format, true);
  laxOptions.onSkipped = [&](const SyntaxError&) { ++skipped; };
  bool laxOk = refusedCleanly([&] { rdf::readBuffer(text, laxOptions, lax); });
  if (!ok) return;

  if (!laxOk || skipped != 0) {
    fail(std::string(formatName(format)) + ": accepted by the strict reader, but the lax reader " +
         (laxOk ? "skipped an error" : "threw"));
  }
  compare(strict.quads, lax.quads, std::string(formatName(format)) + " lax read");
  roundTrip(strict.quads, format, format);
  if (format != RdfFormat::NQuads) roundTrip(strict.quads, format, RdfFormat::NQuads);
}

}  // namespace bdis::fuzz
