// XSD casts (17.5): from strings by the lexical rules, between numerics, to and
// from booleans, to strings (XPath canonical spellings), date/times; invalid casts.

#include <gtest/gtest.h>

#include "tests/unit/sparql/expr_test_util.h"

namespace bdis::sparql::expr {
namespace {

using namespace test;

std::string cast(const std::string& type, std::string_view v) {
  return run(fn("xsd:" + type, lit(v)));
}

TEST(ExprCast, StringToNumerics) {
  EXPECT_EQ(cast("integer", "\"13\""), "\"13\"^^xsd:integer");
  EXPECT_EQ(cast("integer", "\" -0013 \""), "\"-13\"^^xsd:integer");
  EXPECT_EQ(cast("integer", "\"1.5\""), "error");
  EXPECT_EQ(cast("integer", "\"0.0\""), "error");
  EXPECT_EQ(cast("integer", "\"1E0\""), "error");
  EXPECT_EQ(cast("integer", "\"string\""), "error");
  EXPECT_EQ(cast("decimal", "\"+33.3300\""), "\"33.33\"^^xsd:decimal");
  EXPECT_EQ(cast("decimal", "\"1\""), "\"1\"^^xsd:decimal");
  EXPECT_EQ(cast("decimal", "\"0E1\""), "error");
  EXPECT_EQ(cast("decimal", "\"-10.2E3\""), "error");
  EXPECT_EQ(cast("double", "\"-10.2E3\""), "\"-1.02E4\"^^xsd:double");
  EXPECT_EQ(cast("double", "\"+33.3300\""), "\"3.333E1\"^^xsd:double");
  EXPECT_EQ(cast("double", "\"0E1\""), "\"0.0E0\"^^xsd:double");
  EXPECT_EQ(cast("double", "\"INF\""), "\"INF\"^^xsd:double");
  EXPECT_EQ(cast("double", "\"inf\""), "error");
  EXPECT_EQ(cast("float", "\"1.5\""), "\"1.5E0\"^^xsd:float");
  EXPECT_EQ(cast("float", "\"2002-10-10T17:00:00Z\""), "error");
  EXPECT_EQ(cast("int", "\"2147483648\""), "error");
  EXPECT_EQ(cast("int", "\"-5\""), "\"-5\"^^xsd:int");
  EXPECT_EQ(cast("nonNegativeInteger", "\"-1\""), "error");
}

TEST(ExprCast, NumericToNumeric) {
  EXPECT_EQ(cast("integer", "1.0"), "\"1\"^^xsd:integer");
  EXPECT_EQ(cast("integer", "-2.5"), "\"-2\"^^xsd:integer");
  EXPECT_EQ(cast("integer", "\"-7.875\"^^xsd:float"), "\"-7\"^^xsd:integer");
  EXPECT_EQ(cast("integer", "\"NaN\"^^xsd:double"), "error");
  EXPECT_EQ(cast("integer", "\"INF\"^^xsd:double"), "error");
  EXPECT_EQ(cast("decimal", "\"1.25\"^^xsd:float"), "\"1.25\"^^xsd:decimal");
  EXPECT_EQ(cast("decimal", "\"0.1\"^^xsd:float"), "\"0.1\"^^xsd:decimal");
  EXPECT_EQ(cast("decimal", "1e0"), "\"1\"^^xsd:decimal");
  EXPECT_EQ(cast("decimal", "1"), "\"1\"^^xsd:decimal");
  EXPECT_EQ(cast("double", "1"), "\"1.0E0\"^^xsd:double");
  EXPECT_EQ(cast("double", "-2.5"), "\"-2.5E0\"^^xsd:double");
  EXPECT_EQ(cast("float", "\"1E0\"^^xsd:double"), "\"1.0E0\"^^xsd:float");
  EXPECT_EQ(cast("byte", "300"), "error");
  EXPECT_EQ(cast("byte", "-128"), "\"-128\"^^xsd:byte");
  EXPECT_EQ(cast("integer", "\"abc\"^^xsd:integer"), "error");
}

TEST(ExprCast, Booleans) {
  EXPECT_EQ(cast("boolean", "\"true\""), "\"true\"^^xsd:boolean");
  EXPECT_EQ(cast("boolean", "\"0\""), "\"false\"^^xsd:boolean");
  EXPECT_EQ(cast("boolean", "\"TRUE\""), "error");
  EXPECT_EQ(cast("boolean", "\"yes\""), "error");
  EXPECT_EQ(cast("boolean", "0"), "\"false\"^^xsd:boolean");
  EXPECT_EQ(cast("boolean", "-1.5"), "\"true\"^^xsd:boolean");
  EXPECT_EQ(cast("boolean", "\"NaN\"^^xsd:double"), "\"false\"^^xsd:boolean");
  EXPECT_EQ(cast("boolean", "\"0\"^^xsd:boolean"), "\"false\"^^xsd:boolean");
  EXPECT_EQ(cast("integer", "true"), "\"1\"^^xsd:integer");
  EXPECT_EQ(cast("decimal", "false"), "\"0\"^^xsd:decimal");
  EXPECT_EQ(cast("double", "true"), "\"1.0E0\"^^xsd:double");
  EXPECT_EQ(cast("float", "\"0\"^^xsd:boolean"), "\"0.0E0\"^^xsd:float");
}

TEST(ExprCast, ToString) {
  EXPECT_EQ(cast("string", "<http://example.org/z>"), "\"http://example.org/z\"");
  EXPECT_EQ(cast("string", "\"+33.3300\""), "\"+33.3300\"");
  EXPECT_EQ(cast("string", "\"0\"^^xsd:boolean"), "\"false\"");
  EXPECT_EQ(cast("string", "1.0"), "\"1\"");
  EXPECT_EQ(cast("string", "-2.50"), "\"-2.5\"");
  EXPECT_EQ(cast("string", "1E0"), "\"1\"");
  EXPECT_EQ(cast("string", "0E1"), "\"0\"");
  EXPECT_EQ(cast("string", "\"1.25\"^^xsd:float"), "\"1.25\"");
  EXPECT_EQ(cast("string", "\"-7.875\"^^xsd:float"), "\"-7.875\"");
  EXPECT_EQ(cast("string", "1.5e7"), "\"1.5E7\"");
  EXPECT_EQ(cast("string", "1e-7"), "\"1.0E-7\"");
  EXPECT_EQ(cast("string", "\"007\"^^xsd:integer"), "\"7\"");
  EXPECT_EQ(cast("string", "\"2002-10-10T17:00:00Z\"^^xsd:dateTime"), "\"2002-10-10T17:00:00Z\"");
  EXPECT_EQ(cast("string", "_:b"), "error");
  EXPECT_EQ(cast("string", "\"chat\"@fr"), "error");
}

TEST(ExprCast, DateTimes) {
  EXPECT_EQ(cast("dateTime", "\"2002-10-10T17:00:00Z\""), "\"2002-10-10T17:00:00Z\"^^xsd:dateTime");
  EXPECT_EQ(cast("dateTime", "\" 2002-10-10T12:00:00-05:00 \""),
            "\"2002-10-10T12:00:00-05:00\"^^xsd:dateTime");
  EXPECT_EQ(cast("dateTime", "\"2002-10-10\""), "error");
  EXPECT_EQ(cast("dateTime", "\"2002-10-10\"^^xsd:date"), "\"2002-10-10T00:00:00\"^^xsd:dateTime");
  EXPECT_EQ(cast("date", "\"2002-10-10T17:00:00+01:00\"^^xsd:dateTime"),
            "\"2002-10-10+01:00\"^^xsd:date");
  EXPECT_EQ(cast("time", "\"2002-10-10T17:00:00Z\"^^xsd:dateTime"), "\"17:00:00Z\"^^xsd:time");
  EXPECT_EQ(cast("date", "\"17:00:00\"^^xsd:time"), "error");
  EXPECT_EQ(cast("dateTime", "1"), "error");
  EXPECT_EQ(cast("integer", "\"2002-10-10T17:00:00Z\"^^xsd:dateTime"), "error");
  EXPECT_EQ(cast("dateTime", "true"), "error");
}

TEST(ExprCast, UnknownFunctionsGoToTheExtensionHook) {
  MapRow row;
  EvalContext ctx;
  Expr ext = fn("http://example.org/fn", lit("1"), lit("\"a\""));
  EXPECT_EQ(run(ext, row, ctx), "error");
  ctx.extension = [](std::string_view iri,
                     const std::vector<rdf::Term>& args) -> std::optional<rdf::Term> {
    if (iri != "http://example.org/fn") {
      return std::nullopt;
    }
    return rdf::Term::literal(std::to_string(args.size()));
  };
  EXPECT_EQ(run(ext, row, ctx), "\"2\"");
  EXPECT_EQ(run(fn("http://example.org/other"), row, ctx), "error");
  EXPECT_EQ(run(fn("http://example.org/fn", var("unbound")), row, ctx), "error");
  EXPECT_EQ(run(fn("xsd:gYear", lit("\"2001\"")), row, ctx), "error");
}

}  // namespace
}  // namespace bdis::sparql::expr
