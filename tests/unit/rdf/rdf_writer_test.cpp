// The writer: line formats, Turtle / TriG abbreviations, and output that reads back.
#include <gtest/gtest.h>

#include <sstream>

#include "rdf/rdf_reader.h"
#include "rdf/rdf_writer.h"

namespace bdis::rdf {
namespace {

const std::string kEx = "http://ex.org/";

Quad q(const std::string& s, const std::string& p, Term o, Term g = {}) {
  return Quad{Term::iri(kEx + s), Term::iri(kEx + p), std::move(o), std::move(g)};
}

std::string write(RdfFormat f, const std::vector<Quad>& quads, WriterOptions o = {}) {
  std::ostringstream out;
  RdfWriter w(out, f, std::move(o));
  for (const Quad& x : quads) {
    w.write(x.view());
  }
  w.finish();
  return out.str();
}

struct Collect final : QuadSink {
  void quad(const QuadView& v) override {
    quads.push_back(Quad{Term(v.s), Term(v.p), Term(v.o), Term(v.g)});
  }
  std::vector<Quad> quads;
};

std::vector<Quad> reread(const std::string& text, RdfFormat f) {
  Collect c;
  ReadOptions o;
  o.format = f;
  readBuffer(text, o, c);
  return c.quads;
}

TEST(RdfWriter, NQuadsLines) {
  const std::string out =
      write(RdfFormat::NQuads, {q("s", "p", Term::literal("a\"b\n", "", "fr")),
                                q("s", "p", Term::blank("x"), Term::iri(kEx + "g"))});
  EXPECT_EQ(out,
            "<http://ex.org/s> <http://ex.org/p> \"a\\\"b\\n\"@fr .\n"
            "<http://ex.org/s> <http://ex.org/p> _:x <http://ex.org/g> .\n");
  EXPECT_EQ(write(RdfFormat::NTriples, {q("s", "p", Term::iri(kEx + "o"), Term::iri(kEx + "g"))}),
            "<http://ex.org/s> <http://ex.org/p> <http://ex.org/o> .\n");
}

TEST(RdfWriter, TurtleGroupsSubjectsAndPredicates) {
  WriterOptions o;
  o.prefixes = {{"ex", kEx}, {"xsd", std::string(kXsd)}};
  const std::string xsd(kXsd);
  const std::vector<Quad> quads = {
      q("s", "p", Term::iri(kEx + "a")),
      q("s", "p", Term::literal("1", xsd + "integer")),
      q("s", "q", Term::literal("1.50", xsd + "decimal")),
      Quad{Term::iri(kEx + "s"), Term::iri(std::string(kRdf) + "type"), Term::iri(kEx + "C"), {}},
      q("t", "p", Term::literal("true", xsd + "boolean")),
      q("t", "p", Term::literal("1.", xsd + "decimal")),
      q("t", "p", Term::literal("x", xsd + "date")),
      q("t/x", "p", Term::literal("y")),
  };
  const std::string out = write(RdfFormat::Turtle, quads, o);
  EXPECT_EQ(out,
            "@prefix ex: <http://ex.org/> .\n"
            "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
            "\n"
            "ex:s ex:p ex:a ,\n"
            "        1 ;\n"
            "    ex:q 1.50 ;\n"
            "    a ex:C .\n"
            "ex:t ex:p true ,\n"
            "        \"1.\"^^xsd:decimal ,\n"
            "        \"x\"^^xsd:date .\n"
            "<http://ex.org/t/x> ex:p \"y\" .\n");
  EXPECT_EQ(reread(out, RdfFormat::Turtle), quads);
}

TEST(RdfWriter, TrigBlocksForConsecutiveQuadsOfAGraph) {
  WriterOptions o;
  o.prefixes = {{"", kEx}};
  const Term g1 = Term::iri(kEx + "g1");
  const std::vector<Quad> quads = {
      q("s", "p", Term::iri(kEx + "o")),
      q("s", "p", Term::iri(kEx + "o"), g1),
      q("s", "q", Term::iri(kEx + "o"), g1),
      q("s", "p", Term::blank("b"), Term::blank("g2")),
  };
  const std::string out = write(RdfFormat::TriG, quads, o);
  EXPECT_EQ(out,
            "@prefix : <http://ex.org/> .\n\n"
            ":s :p :o .\n"
            ":g1 {\n"
            "    :s :p :o ;\n"
            "        :q :o .\n"
            "}\n"
            "_:g2 {\n"
            "    :s :p _:b .\n"
            "}\n");
  EXPECT_EQ(reread(out, RdfFormat::TriG), quads);
}

TEST(RdfWriter, BaseAndUnsafeNamesStayReadable) {
  WriterOptions o;
  o.baseIri = "http://ex.org/dir/doc";
  o.prefixes = {{"bad name", kEx}, {"ex", kEx}};
  const std::vector<Quad> quads = {
      Quad{Term::iri("http://ex.org/dir/a"), Term::iri(kEx + "p."), Term::blank("-odd label"), {}},
      Quad{Term::iri("http://ex.org/dir/x:y"), Term::iri(kEx + "p"), Term::blank("bdisxz"), {}},
  };
  const std::string out = write(RdfFormat::Turtle, quads, o);
  EXPECT_NE(out.find("<a> <http://ex.org/p.> _:bdisx"), std::string::npos) << out;
  EXPECT_EQ(out.find("bad name"), std::string::npos);
  Collect c;
  ReadOptions ro;
  ro.format = RdfFormat::Turtle;
  readBuffer(out, ro, c);
  ASSERT_EQ(c.quads.size(), 2u);
  EXPECT_EQ(c.quads[0].s, quads[0].s);
  EXPECT_EQ(c.quads[1].s, quads[1].s);
  EXPECT_NE(c.quads[0].o, c.quads[1].o);
}

}  // namespace
}  // namespace bdis::rdf
