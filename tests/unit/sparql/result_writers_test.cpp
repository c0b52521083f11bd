// Exact output of the SPARQL result writers.
#include <gtest/gtest.h>

#include <sstream>

#include "rdf/error.h"
#include "sparql/results/result_format.h"

namespace bdis::sparql {
namespace {

using rdf::TermKind;
using rdf::TermView;

std::string runSelect(ResultFormat f) {
  std::ostringstream out;
  auto w = makeResultWriter(f, out);
  w->begin(QueryForm::Select, {"s", "o"});
  TermView r1[2] = {{TermKind::Iri, "http://ex/a"}, {TermKind::Literal, "a,\"b\"\n", "", "fr"}};
  TermView r2[2] = {{TermKind::Blank, "b0"},
                    {TermKind::Literal, "42", "http://www.w3.org/2001/XMLSchema#integer"}};
  TermView r3[2] = {{TermKind::Iri, "http://ex/c"}, {}};
  w->row(r1);
  w->row(r2);
  w->row(r3);
  w->end();
  return out.str();
}

TEST(ResultWriters, Json) {
  EXPECT_EQ(runSelect(ResultFormat::Json),
            "{\"head\":{\"vars\":[\"s\",\"o\"]},\"results\":{\"bindings\":[\n"
            "{\"s\":{\"type\":\"uri\",\"value\":\"http://ex/a\"},\"o\":{\"type\":\"literal\","
            "\"value\":\"a,\\\"b\\\"\\n\",\"xml:lang\":\"fr\"}},\n"
            "{\"s\":{\"type\":\"bnode\",\"value\":\"b0\"},\"o\":{\"type\":\"literal\",\"value\":"
            "\"42\",\"datatype\":\"http://www.w3.org/2001/XMLSchema#integer\"}},\n"
            "{\"s\":{\"type\":\"uri\",\"value\":\"http://ex/c\"}}\n]}}\n");
}

TEST(ResultWriters, Xml) {
  EXPECT_EQ(runSelect(ResultFormat::Xml),
            "<?xml version=\"1.0\"?>\n<sparql xmlns=\"http://www.w3.org/2005/sparql-results#\">\n"
            "  <head>\n    <variable name=\"s\"/>\n    <variable name=\"o\"/>\n  </head>\n"
            "  <results>\n"
            "    <result>\n      <binding name=\"s\"><uri>http://ex/a</uri></binding>\n"
            "      <binding name=\"o\"><literal xml:lang=\"fr\">a,&quot;b&quot;\n</literal></binding>\n"
            "    </result>\n"
            "    <result>\n      <binding name=\"s\"><bnode>b0</bnode></binding>\n"
            "      <binding name=\"o\"><literal datatype=\"http://www.w3.org/2001/XMLSchema#integer\">"
            "42</literal></binding>\n    </result>\n"
            "    <result>\n      <binding name=\"s\"><uri>http://ex/c</uri></binding>\n    </result>\n"
            "  </results>\n</sparql>\n");
}

TEST(ResultWriters, Csv) {
  EXPECT_EQ(runSelect(ResultFormat::Csv),
            "s,o\r\nhttp://ex/a,\"a,\"\"b\"\"\n\"\r\n_:b0,42\r\nhttp://ex/c,\r\n");
}

TEST(ResultWriters, Tsv) {
  EXPECT_EQ(runSelect(ResultFormat::Tsv),
            "?s\t?o\n<http://ex/a>\t\"a,\\\"b\\\"\\n\"@fr\n_:b0\t42\n<http://ex/c>\t\n");
}

TEST(ResultWriters, Table) {
  EXPECT_EQ(runSelect(ResultFormat::Table),
            "+---------------+----------------+\n"
            "| ?s            | ?o             |\n"
            "+---------------+----------------+\n"
            "| <http://ex/a> | \"a,\\\"b\\\"\\n\"@fr |\n"
            "| _:b0          | 42             |\n"
            "| <http://ex/c> |                |\n"
            "+---------------+----------------+\n"
            "3 rows\n");
}

TEST(ResultWriters, AskJsonXml) {
  std::ostringstream j, x;
  auto wj = makeResultWriter(ResultFormat::Json, j);
  wj->begin(QueryForm::Ask, {});
  wj->boolean(true);
  wj->end();
  EXPECT_EQ(j.str(), "{\"head\":{},\"boolean\":true}\n");
  auto wx = makeResultWriter(ResultFormat::Xml, x);
  wx->begin(QueryForm::Ask, {});
  wx->boolean(false);
  wx->end();
  EXPECT_EQ(x.str(),
            "<?xml version=\"1.0\"?>\n<sparql xmlns=\"http://www.w3.org/2005/sparql-results#\">\n"
            "  <head>\n  </head>\n  <boolean>false</boolean>\n</sparql>\n");
}

TEST(ResultWriters, GraphFormats) {
  rdf::QuadView q{{TermKind::Blank, "x"}, {TermKind::Iri, "http://ex/p"},
                  {TermKind::Literal, "v", "http://ex/dt"}, {TermKind::Iri, "http://ex/g"}};
  std::ostringstream nq, ld;
  auto w = makeResultWriter(ResultFormat::NQuads, nq);
  w->begin(QueryForm::Construct, {});
  w->triple(q);
  w->end();
  EXPECT_EQ(nq.str(), "_:x <http://ex/p> \"v\"^^<http://ex/dt> <http://ex/g> .\n");
  auto l = makeResultWriter(ResultFormat::JsonLd, ld);
  l->begin(QueryForm::Construct, {});
  q.g = {};
  l->triple(q);
  l->end();
  EXPECT_EQ(ld.str(),
            "[\n{\"@id\":\"_:x\",\"http://ex/p\":[{\"@value\":\"v\",\"@type\":\"http://ex/dt\"}]}\n]\n");
}

TEST(ResultWriters, Turtle) {
  std::ostringstream out;
  auto w = makeResultWriter(ResultFormat::Turtle, out);
  w->begin(QueryForm::Construct, {});
  TermView s{TermKind::Iri, "http://ex/s"};
  TermView type{TermKind::Iri, "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"};
  w->triple(rdf::QuadView{s, type, {TermKind::Iri, "http://www.w3.org/2002/07/owl#Thing"}, {}});
  w->triple(rdf::QuadView{s, {TermKind::Iri, "http://ex/p"},
                          {TermKind::Literal, "5", "http://www.w3.org/2001/XMLSchema#integer"}, {}});
  w->end();
  const std::string t = out.str();
  EXPECT_NE(t.find("@prefix owl: <http://www.w3.org/2002/07/owl#>"), std::string::npos) << t;
  EXPECT_NE(t.find("<http://ex/s> a owl:Thing ;"), std::string::npos) << t;
  EXPECT_NE(t.find("<http://ex/p> 5 ."), std::string::npos) << t;
}

TEST(ResultWriters, FormMismatchAndNames) {
  std::ostringstream out;
  auto w = makeResultWriter(ResultFormat::Csv, out);
  EXPECT_THROW(w->begin(QueryForm::Construct, {}), ExecutionError);
  EXPECT_EQ(resultFormatFromName("TTL"), ResultFormat::Turtle);
  EXPECT_EQ(resultFormatFromMime("application/sparql-results+json; charset=utf-8"),
            ResultFormat::Json);
  EXPECT_FALSE(resultFormatFromName("yaml"));
  EXPECT_EQ(mimeType(ResultFormat::Xml), "application/sparql-results+xml");
}

}  // namespace
}  // namespace bdis::sparql
