// The Serd-based reader: terms as the sink sees them, errors with positions,
// skipInvalid, blank-node scopes, graphs, prefixes and bases.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "rdf/rdf_reader.h"

namespace bdis::rdf {
namespace {

struct Collect final : QuadSink {
  void quad(const QuadView& q) override {
    quads.push_back(Quad{Term(q.s), Term(q.p), Term(q.o), Term(q.g)});
  }
  void prefix(std::string_view n, std::string_view iri) override { prefixes.emplace_back(n, iri); }
  void base(std::string_view iri) override { bases.emplace_back(iri); }
  std::vector<Quad> quads;
  std::vector<std::pair<std::string, std::string>> prefixes;
  std::vector<std::string> bases;
};

ReadOptions opts(RdfFormat f, std::string base = {}) {
  ReadOptions o;
  o.format = f;
  o.baseIri = std::move(base);
  o.sourceName = "data";
  return o;
}

SyntaxError errorOf(std::string_view text, const ReadOptions& o) {
  Collect c;
  try {
    readBuffer(text, o, c);
  } catch (const SyntaxError& e) {
    return e;
  }
  ADD_FAILURE() << "no error for: " << text;
  return SyntaxError("", 0, 0, "");
}

TEST(RdfReader, NTriplesTerms) {
  Collect c;
  const auto r = readBuffer(
      "<http://a/s> <http://a/p> \"x\\ty\"@en-GB .\n"
      "# a comment\n"
      "_:b <http://a/p> \"5\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n"
      "<http://a/s> <http://a/p> \"plain\"^^<http://www.w3.org/2001/XMLSchema#string> .\n",
      opts(RdfFormat::NTriples), c);
  EXPECT_EQ(r.statements, 3u);
  ASSERT_EQ(c.quads.size(), 3u);
  EXPECT_EQ(c.quads[0].o, Term::literal("x\ty", "", "en-GB"));
  EXPECT_TRUE(c.quads[0].g.isNone());
  EXPECT_EQ(c.quads[1].s, Term::blank("b"));
  EXPECT_EQ(c.quads[1].o.datatype, "http://www.w3.org/2001/XMLSchema#integer");
  EXPECT_TRUE(c.quads[2].o.datatype.empty()) << "xsd:string is the empty datatype";
}

TEST(RdfReader, TurtleExpandsPrefixesAndResolvesAgainstChangingBase) {
  Collect c;
  readBuffer(
      "@prefix ex: <http://ex.org/ns#> .\n"
      "PREFIX rel: <sub/>\n"
      "<a> ex:p rel:x ; a ex:C .\n"
      "@base <http://other.org/dir/> .\n"
      "<../b> ex:p \"1\"^^ex:T , 2 .\n",
      opts(RdfFormat::Turtle, "http://base.org/x/doc.ttl"), c);
  ASSERT_EQ(c.quads.size(), 4u);
  EXPECT_EQ(c.quads[0].s, Term::iri("http://base.org/x/a"));
  EXPECT_EQ(c.quads[0].p, Term::iri("http://ex.org/ns#p"));
  EXPECT_EQ(c.quads[0].o, Term::iri("http://base.org/x/sub/x"));
  EXPECT_EQ(c.quads[1].p, Term::iri(std::string(kRdf) + "type"));
  EXPECT_EQ(c.quads[2].s, Term::iri("http://other.org/b"));
  EXPECT_EQ(c.quads[2].o, Term::literal("1", "http://ex.org/ns#T"));
  EXPECT_EQ(c.quads[3].o, Term::literal("2", std::string(kXsd) + "integer"));
  ASSERT_EQ(c.prefixes.size(), 2u);
  EXPECT_EQ(c.prefixes[1], (std::pair<std::string, std::string>("rel", "http://base.org/x/sub/")));
  ASSERT_EQ(c.bases.size(), 1u);
  EXPECT_EQ(c.bases[0], "http://other.org/dir/");
}

TEST(RdfReader, ErrorsNameFileLineColumnAndWhatWasExpected) {
  const auto e =
      errorOf("<http://a/s> <http://a/p> <http://a/o> .\n<http://a/s> <http://a/p> \"x\" junk .\n",
              opts(RdfFormat::NTriples));
  EXPECT_EQ(e.file(), "data");
  EXPECT_EQ(e.line(), 2u);
  EXPECT_EQ(e.column(), 31u);
  EXPECT_NE(e.message().find("expected"), std::string::npos) << e.message();
  EXPECT_EQ(std::string(e.what()).rfind("data:2:31: ", 0), 0u) << e.what();
}

TEST(RdfReader, MissingDotIsReportedAtTheEndOfItsLine) {
  const auto e = errorOf("<http://a/s> <http://a/p> \"x\"\n<http://a/s> <http://a/p> \"y\" .\n",
                         opts(RdfFormat::NTriples));
  EXPECT_EQ(e.line(), 1u);
  EXPECT_EQ(e.column(), 30u);
}

TEST(RdfReader, FirstLineOffsetsPositions) {
  ReadOptions o = opts(RdfFormat::NTriples);
  o.firstLine = 1001;
  const auto e = errorOf("<http://a/s> <http://a/p> <http://a/o> .\n<bad\n", o);
  EXPECT_EQ(e.line(), 1002u);
}

TEST(RdfReader, StrictChecksBeyondSerd) {
  EXPECT_NE(errorOf("<http://a/s> <http://a/p> \"\\uD800\" .\n", opts(RdfFormat::NTriples))
                .message()
                .find("surrogate"),
            std::string::npos);
  EXPECT_EQ(errorOf("<http://a/s> <http://a/p> <rel> .\n", opts(RdfFormat::NTriples)).line(), 1u);
  EXPECT_NE(errorOf("ex:s <http://a/p> <http://a/o> .\n", opts(RdfFormat::NTriples))
                .message()
                .find("prefixed name"),
            std::string::npos);
  EXPECT_NE(errorOf("<s> <http://a/p> <http://a/o> .\n", opts(RdfFormat::Turtle))
                .message()
                .find("no base"),
            std::string::npos);
  EXPECT_NE(
      errorOf("ex:s ex:p ex:o .\n", opts(RdfFormat::Turtle)).message().find("undefined prefix"),
      std::string::npos);
}

TEST(RdfReader, SkipInvalidNTriplesSkipsTheLine) {
  ReadOptions o = opts(RdfFormat::NTriples);
  o.skipInvalid = true;
  std::vector<uint64_t> lines;
  o.onSkipped = [&](const SyntaxError& e) { lines.push_back(e.line()); };
  Collect c;
  const auto r = readBuffer(
      "<http://a/s> <http://a/p> \"1\" .\n"
      "<http://a/s> <http://a/p> junk .\n"
      "<http://a/s> <http://a/p> \"3\" .\n"
      "<http://a/s> <http://a/p> \"\\uDC00\" .\n"
      "<http://a/s> <http://a/p> \"5\" .\n",
      o, c);
  EXPECT_EQ(r.statements, 3u);
  EXPECT_EQ(r.skipped, 2u);
  EXPECT_EQ(lines, (std::vector<uint64_t>{2, 4}));
  ASSERT_EQ(c.quads.size(), 3u);
  EXPECT_EQ(c.quads[2].o.value, "5");
}

TEST(RdfReader, SkipInvalidDropsAStatementMissingItsDot) {
  ReadOptions o = opts(RdfFormat::NQuads);
  o.skipInvalid = true;
  std::vector<uint64_t> lines;
  o.onSkipped = [&](const SyntaxError& e) { lines.push_back(e.line()); };
  Collect c;
  const auto r = readBuffer(
      "<http://a/s> <http://a/p> \"1\" .\n"
      "<http://a/s> <http://a/p> \"2\"\n"
      "<http://a/s> <http://a/p> \"3\" <http://g> .\n"
      "<http://a/s> <http://a/p> \"4\" <http://g> . junk\n",
      o, c);
  EXPECT_EQ(lines, (std::vector<uint64_t>{2, 4}));
  EXPECT_EQ(r.statements, 2u);
  ASSERT_EQ(c.quads.size(), 2u);
  EXPECT_EQ(c.quads[0].o.value, "1");
  EXPECT_EQ(c.quads[1].o.value, "3");
}

TEST(RdfReader, NQuadsBareWordIsAnErrorNotAQuietEnd) {
  // Serd's N-Quads reader stops without an error at a line starting with a
  // bare word; the statements after it must not vanish.
  const std::string text =
      "<http://a/s> <http://a/p> \"1\" .\n"
      "junk <http://a/p> \"2\" .\n"
      "<http://a/s> <http://a/p> \"3\" .\n";
  const auto e = errorOf(text, opts(RdfFormat::NQuads));
  EXPECT_EQ(e.line(), 2u);
  ReadOptions o = opts(RdfFormat::NQuads);
  o.skipInvalid = true;
  Collect c;
  const auto r = readBuffer(text, o, c);
  EXPECT_EQ(r.skipped, 1u);
  ASSERT_EQ(c.quads.size(), 2u);
  EXPECT_EQ(c.quads[1].o.value, "3");
}

TEST(RdfReader, SkipInvalidTurtleResumesAfterTheLine) {
  ReadOptions o = opts(RdfFormat::Turtle, "http://b/");
  o.skipInvalid = true;
  uint64_t reported = 0;
  o.onSkipped = [&](const SyntaxError&) { ++reported; };
  Collect c;
  const auto r = readBuffer(
      "@prefix : <http://a/> .\n:a :p 1 .\n:b :p junk junk .\n:c :p <x y> .\n:d :p 4 .\n", o, c);
  EXPECT_EQ(r.skipped, reported);
  EXPECT_GE(r.skipped, 2u);
  ASSERT_EQ(c.quads.size(), 2u);
  EXPECT_EQ(c.quads[1].s, Term::iri("http://a/d"));
}

// Found by the turtle fuzz target: Serd reads on past the end of the input when it ends inside
// an IRI, one error per byte, forever (and, past the first page, through stale bytes of the
// previous one). The lax reader reports one error and stops; nothing after the end is parsed.
TEST(RdfReader, SkipInvalidTurtleEndingInsideAnIriStops) {
  using namespace std::string_literals;
  std::string big;
  for (int i = 0; i < 3000; ++i) {  // > 64 KiB: the last page follows a full one
    big += "<http://a/s" + std::to_string(i) + "> <http://a/p> <http://a/o> .\n";
  }
  const std::vector<std::pair<std::string, size_t>> cases = {
      {"<http://a/s> <http://a/p> <http://a/o> .\n<http://a/s> <http://a/p> <http://a/o", 1},
      {"<http://a/s> <http://a/p> \"x\"^^<http://a/dt", 0},
      {"@prefix ex: <http://example.org/> .\nex:s ex:\0\0[fix ex: <http"s, 0},
      {"PREFIX p: <x", 0},
      {big + "<http://a/s> <http://a/p> <http://a/o", 3000},
  };
  for (RdfFormat f : {RdfFormat::Turtle, RdfFormat::TriG}) {
    for (const auto& [text, statements] : cases) {
      ReadOptions o = opts(f, "http://b/");
      o.skipInvalid = true;
      std::vector<std::string> messages;
      o.onSkipped = [&](const SyntaxError& e) { messages.push_back(e.message()); };
      Collect c;
      const auto r = readBuffer(text, o, c);
      EXPECT_EQ(c.quads.size(), statements) << text.substr(0, 80);
      ASSERT_FALSE(messages.empty());
      EXPECT_LE(messages.size(), 4u);
      EXPECT_EQ(messages.back(), "expected '>' to end the IRI before the end of the input");
      EXPECT_EQ(r.skipped, messages.size());
    }
  }
  // Strict reading names the same error.
  EXPECT_EQ(errorOf("<http://a/s> <http://a/p> <http://a/o", opts(RdfFormat::Turtle)).message(),
            "expected '>' to end the IRI before the end of the input");
}

TEST(RdfReader, BlankPrefixGivesEachLoadItsOwnScope) {
  ReadOptions o = opts(RdfFormat::Turtle, "http://b/");
  Collect c;
  o.blankPrefix = "L1x";
  readBuffer("_:x <http://a/p> [ <http://a/q> 1 ] .\n", o, c);
  o.blankPrefix = "L2x";
  readBuffer("_:x <http://a/p> [ <http://a/q> 1 ] .\n", o, c);
  ASSERT_EQ(c.quads.size(), 4u);
  EXPECT_EQ(c.quads[0].s.value, "L1xx");
  EXPECT_TRUE(c.quads[0].o.value.starts_with("L1x"));
  EXPECT_EQ(c.quads[2].s.value, "L2xx");
  EXPECT_NE(c.quads[0].o, c.quads[2].o);
}

TEST(RdfReader, DefaultGraphOption) {
  const Term g = Term::iri("http://g/");
  ReadOptions o = opts(RdfFormat::TriG, "http://b/");
  o.defaultGraph = g.view();
  Collect c;
  readBuffer("<s> <p> <o> . <n> { <s> <p> <o2> }\n", o, c);
  ASSERT_EQ(c.quads.size(), 2u);
  EXPECT_EQ(c.quads[0].g, g);
  EXPECT_EQ(c.quads[1].g, Term::iri("http://b/n"));
  ReadOptions nq = opts(RdfFormat::NQuads);
  nq.defaultGraph = g.view();
  Collect d;
  readBuffer("<http://s> <http://p> <http://o> .\n<http://s> <http://p> <http://o> <http://h> .\n",
             nq, d);
  EXPECT_EQ(d.quads[0].g, g);
  EXPECT_EQ(d.quads[1].g, Term::iri("http://h"));
}

TEST(RdfReader, SinkExceptionsPropagate) {
  struct Throwing final : QuadSink {
    void quad(const QuadView&) override { throw StorageError("disk full"); }
  } sink;
  EXPECT_THROW(readBuffer("<http://s> <http://p> <http://o> .\n", opts(RdfFormat::NTriples), sink),
               StorageError);
  EXPECT_THROW(readBuffer("<http://s> <http://p> <http://o> .\n", opts(RdfFormat::Turtle), sink),
               StorageError);
}

TEST(RdfReader, BufferNeedNotEndWithNewlineOrNul) {
  const std::string text = "<http://s> <http://p> \"a\" .<http://s> <http://p> \"b\" .";
  Collect c;
  readBuffer(std::string_view(text).substr(0, 27), opts(RdfFormat::NTriples), c);
  ASSERT_EQ(c.quads.size(), 1u);
  EXPECT_EQ(c.quads[0].o.value, "a");
}

TEST(RdfReader, RefusesTurtleWhereSerdWouldMergeBlankLabels) {
  // Serd renames _:b1 to _:B1 in Turtle; with both spellings present two
  // distinct nodes would silently become one.
  const auto e =
      errorOf("@prefix : <http://a/> .\n_:B1 :p :o .\n:s :p _:b1 .\n", opts(RdfFormat::Turtle));
  EXPECT_EQ(e.line(), 3u);
  EXPECT_EQ(e.column(), 7u);
  Collect c;
  readBuffer("_:b1 <http://a/p> _:b2 .\n_:B3x <http://a/p> _:b1 .\n", opts(RdfFormat::NTriples), c);
  ASSERT_EQ(c.quads.size(), 2u);
  EXPECT_EQ(c.quads[1].s.value, "B3x");
  EXPECT_EQ(c.quads[1].o.value, "b1") << "N-Triples labels are kept as written";
}

}  // namespace
}  // namespace bdis::rdf
