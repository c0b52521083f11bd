// '=' and '!=' (RDFterm-equal and value equality, the open-world cases of the W3C
// suite), relational operators, effective boolean value, ||/&& with errors, IN,
// NOT IN, sameTerm and the ORDER BY order.

#include <gtest/gtest.h>

#include <algorithm>

#include "tests/unit/sparql/expr_test_util.h"

namespace bdis::sparql::expr {
namespace {

using namespace test;
using K = Expr::Kind;

const std::string kTrue = "\"true\"^^xsd:boolean";
const std::string kFalse = "\"false\"^^xsd:boolean";

std::string eq(std::string_view a, std::string_view b) {
  auto r = equalTerms(term(a), term(b));
  return r ? (*r ? "true" : "false") : "error";
}

TEST(ExprCompare, EqualNumericsByValue) {
  EXPECT_EQ(eq("1", "\"01\"^^xsd:integer"), "true");
  EXPECT_EQ(eq("1", "1.0"), "true");
  EXPECT_EQ(eq("1", "1e0"), "true");
  EXPECT_EQ(eq("\"1\"^^xsd:int", "\"1.0\"^^xsd:float"), "true");
  EXPECT_EQ(eq("0.1", "0.1e0"), "true");  // the decimal is promoted to the same double
  EXPECT_EQ(eq("2", "3"), "false");
  EXPECT_EQ(eq("\"NaN\"^^xsd:double", "\"NaN\"^^xsd:double"), "true");  // same term
  EXPECT_EQ(eq("\"NaN\"^^xsd:double", "\"NaN\"^^xsd:float"), "false");
}

TEST(ExprCompare, EqualStringsAndLanguageTags) {
  EXPECT_EQ(eq("\"xyz\"", "\"xyz\"^^xsd:string"), "true");
  EXPECT_EQ(eq("\"xyz\"", "\"abc\""), "false");
  EXPECT_EQ(eq("\"xyz\"@en", "\"xyz\"@EN"), "true");
  EXPECT_EQ(eq("\"xyz\"@en", "\"xyz\"@fr"), "false");
  EXPECT_EQ(eq("\"xyz\"@en", "\"xyz\""), "false");
  EXPECT_EQ(eq("\"xyz\"@en", "\"xyz\"^^xsd:integer"), "false");
}

TEST(ExprCompare, EqualUnknownAndIllTypedLiterals) {
  // Same term: true; otherwise the values cannot be compared: a type error.
  EXPECT_EQ(eq("\"xyz\"^^<http://example/unknown>", "\"xyz\"^^<http://example/unknown>"), "true");
  EXPECT_EQ(eq("\"xyz\"^^<http://example/unknown>", "\"abc\"^^<http://example/unknown>"), "error");
  EXPECT_EQ(eq("\"xyz\"", "\"xyz\"^^<http://example/unknown>"), "error");
  EXPECT_EQ(eq("\"xyz\"", "\"xyz\"^^xsd:integer"), "error");
  EXPECT_EQ(eq("\"xyz\"^^xsd:integer", "\"abc\"^^xsd:integer"), "error");
  EXPECT_EQ(eq("\"xyz\"^^xsd:integer", "\"xyz\"^^xsd:integer"), "true");
  EXPECT_EQ(eq("1", "\"a\"^^<http://example/unknown>"), "error");
}

TEST(ExprCompare, EqualAcrossKindsAndKnownTypes) {
  EXPECT_EQ(eq("<http://a>", "<http://a>"), "true");
  EXPECT_EQ(eq("<http://a>", "<http://b>"), "false");
  EXPECT_EQ(eq("_:a", "_:a"), "true");
  EXPECT_EQ(eq("_:a", "<http://a>"), "false");
  EXPECT_EQ(eq("<http://a>", "\"http://a\""), "false");
  EXPECT_EQ(eq("true", "\"1\"^^xsd:boolean"), "true");
  EXPECT_EQ(eq("true", "1"), "false");
  EXPECT_EQ(eq("\"2006-08-23T09:00:00+01:00\"^^xsd:dateTime", "\"2006-08-23\"^^xsd:date"), "false");
}

TEST(ExprCompare, EqualDateTimesWithTimeZones) {
  EXPECT_EQ(
      eq("\"2002-10-10T12:00:00-05:00\"^^xsd:dateTime", "\"2002-10-10T17:00:00Z\"^^xsd:dateTime"),
      "true");
  EXPECT_EQ(
      eq("\"2002-10-10T12:00:00-05:00\"^^xsd:dateTime", "\"2002-10-10T12:00:00Z\"^^xsd:dateTime"),
      "false");
  // One with and one without a time zone, within 14 hours: indeterminate.
  EXPECT_EQ(eq("\"2002-10-10T12:00:00\"^^xsd:dateTime", "\"2002-10-10T12:00:00Z\"^^xsd:dateTime"),
            "error");
  EXPECT_EQ(eq("\"2002-10-10T12:00:00\"^^xsd:dateTime", "\"2002-10-12T12:00:00Z\"^^xsd:dateTime"),
            "false");
  EXPECT_EQ(eq("\"2006-08-23Z\"^^xsd:date", "\"2006-08-23+00:00\"^^xsd:date"), "true");
  EXPECT_EQ(eq("\"2006-08-23\"^^xsd:date", "\"2006-08-23Z\"^^xsd:date"), "error");
  EXPECT_EQ(eq("\"2001-01-01Z\"^^xsd:date", "\"2006-08-23\"^^xsd:date"), "false");
}

TEST(ExprCompare, NotEqualHasTheSameErrors) {
  EXPECT_EQ(run(op(K::NotEqual, lit("1"), lit("2"))), kTrue);
  EXPECT_EQ(run(op(K::NotEqual, lit("1"), lit("1.0"))), kFalse);
  EXPECT_EQ(run(op(K::NotEqual, lit("\"a\""), lit("\"a\"^^<http://u>"))), "error");
  EXPECT_EQ(run(op(K::NotEqual, lit("\"a\"@en"), lit("\"a\"^^<http://u>"))), kTrue);
  EXPECT_EQ(run(op(K::Equal, var("x"), lit("1"))), "error");
}

TEST(ExprCompare, Relational) {
  EXPECT_EQ(run(op(K::Less, lit("1"), lit("1.5"))), kTrue);
  EXPECT_EQ(run(op(K::Greater, lit("\"10\"^^xsd:int"), lit("9e0"))), kTrue);
  EXPECT_EQ(run(op(K::LessEq, lit("2.0"), lit("2"))), kTrue);
  EXPECT_EQ(run(op(K::GreaterEq, lit("2"), lit("2.0001"))), kFalse);
  EXPECT_EQ(run(op(K::Less, lit("\"abc\""), lit("\"abd\"^^xsd:string"))), kTrue);
  EXPECT_EQ(run(op(K::Less, lit("\"Z\""), lit("\"a\""))), kTrue);
  EXPECT_EQ(run(op(K::Less, lit("\"é\""), lit("\"z\""))), kFalse);  // code point order
  EXPECT_EQ(run(op(K::Less, lit("false"), lit("true"))), kTrue);
  EXPECT_EQ(run(op(K::Less, lit("1"), lit("\"2\""))), "error");
  EXPECT_EQ(run(op(K::Less, lit("\"a\"@en"), lit("\"b\"@en"))), "error");
  EXPECT_EQ(run(op(K::Less, lit("<http://a>"), lit("<http://b>"))), "error");
  EXPECT_EQ(run(op(K::Less, lit("\"NaN\"^^xsd:double"), lit("1"))), kFalse);
  EXPECT_EQ(run(op(K::GreaterEq, lit("\"NaN\"^^xsd:double"), lit("1"))), kFalse);
  EXPECT_EQ(run(op(K::Less, lit("\"-INF\"^^xsd:double"), lit("-100000"))), kTrue);
}

TEST(ExprCompare, RelationalDateTimes) {
  auto dt = [](std::string_view s) { return lit("\"" + std::string(s) + "\"^^xsd:dateTime"); };
  EXPECT_EQ(run(op(K::Less, dt("2002-10-10T12:00:00-05:00"), dt("2002-10-10T18:00:00Z"))), kTrue);
  EXPECT_EQ(run(op(K::Greater, dt("2002-10-10T12:00:00+14:00"), dt("2002-10-09T23:00:00Z"))),
            kFalse);
  EXPECT_EQ(run(op(K::Less, dt("2002-10-10T12:00:00"), dt("2002-10-10T12:00:00Z"))), "error");
  EXPECT_EQ(run(op(K::Less, dt("2002-10-10T12:00:00"), dt("2002-10-11T03:00:00Z"))), kTrue);
  EXPECT_EQ(run(op(K::Greater, lit("\"2006-08-23Z\"^^xsd:date"), lit("\"2006-08-22\"^^xsd:date"))),
            kTrue);
  EXPECT_EQ(run(op(K::Less, dt("2006-08-23T09:00:00+01:00"), lit("\"2006-08-22\"^^xsd:date"))),
            "error");
  EXPECT_EQ(run(op(K::Less, dt("-0044-03-15T12:00:00Z"), dt("0001-01-01T00:00:00Z"))), kTrue);
  EXPECT_EQ(
      run(op(K::Less, lit("\"PT1H\"^^xsd:dayTimeDuration"), lit("\"PT61M\"^^xsd:dayTimeDuration"))),
      kTrue);
}

TEST(ExprCompare, EffectiveBooleanValue) {
  auto ebv = [](std::string_view s) {
    auto r = effectiveBooleanValue(term(s));
    return r ? (*r ? "true" : "false") : "error";
  };
  EXPECT_EQ(ebv("true"), std::string("true"));
  EXPECT_EQ(ebv("\"0\"^^xsd:boolean"), std::string("false"));
  EXPECT_EQ(ebv("\"maybe\"^^xsd:boolean"), std::string("false"));
  EXPECT_EQ(ebv("\"foo\""), std::string("true"));
  EXPECT_EQ(ebv("\"\""), std::string("false"));
  EXPECT_EQ(ebv("\"\"^^xsd:string"), std::string("false"));
  EXPECT_EQ(ebv("\"x\"@en"), std::string("true"));
  EXPECT_EQ(ebv("1"), std::string("true"));
  EXPECT_EQ(ebv("0"), std::string("false"));
  EXPECT_EQ(ebv("0.0"), std::string("false"));
  EXPECT_EQ(ebv("0.01e0"), std::string("true"));
  EXPECT_EQ(ebv("\"NaN\"^^xsd:double"), std::string("false"));
  EXPECT_EQ(ebv("\"abc\"^^xsd:integer"), std::string("false"));
  EXPECT_EQ(ebv("<http://x>"), std::string("error"));
  EXPECT_EQ(ebv("_:b"), std::string("error"));
  EXPECT_EQ(ebv("\"2001-01-01\"^^xsd:date"), std::string("error"));
  EXPECT_EQ(ebv("\"x\"^^<http://u>"), std::string("error"));
}

TEST(ExprCompare, LogicWithErrors) {
  auto orOf = [](Expr a, Expr b) { return run(op(K::Or, std::move(a), std::move(b))); };
  auto andOf = [](Expr a, Expr b) { return run(op(K::And, std::move(a), std::move(b))); };
  EXPECT_EQ(orOf(lit("true"), var("u")), kTrue);
  EXPECT_EQ(orOf(var("u"), lit("true")), kTrue);
  EXPECT_EQ(orOf(var("u"), lit("false")), "error");
  EXPECT_EQ(orOf(lit("false"), lit("false")), kFalse);
  EXPECT_EQ(orOf(var("u"), var("u")), "error");
  EXPECT_EQ(andOf(lit("false"), var("u")), kFalse);
  EXPECT_EQ(andOf(var("u"), lit("false")), kFalse);
  EXPECT_EQ(andOf(var("u"), lit("true")), "error");
  EXPECT_EQ(andOf(lit("true"), lit("\"x\"")), kTrue);
  EXPECT_EQ(andOf(lit("true"), lit("<http://x>")), "error");
  EXPECT_EQ(run(op(K::Not, lit("\"\""))), kTrue);
  EXPECT_EQ(run(op(K::Not, var("u"))), "error");
}

TEST(ExprCompare, EvaluateBooleanMatchesTheEffectiveBooleanValue) {
  MapRow row{{"x", term("2")}, {"s", term("\"abc\"")}};
  EvalContext ctx;
  std::vector<Expr> exprs;
  exprs.push_back(op(K::Or, var("u"), op(K::Less, var("x"), lit("3"))));
  exprs.push_back(op(K::And, var("u"), lit("false")));
  exprs.push_back(op(K::And, var("u"), lit("true")));
  exprs.push_back(op(K::Not, call("BOUND", var("u"))));
  exprs.push_back(call("BOUND", var("x")));
  exprs.push_back(op(K::NotIn, var("x"), lit("1"), lit("2.0")));
  exprs.push_back(op(K::NotEqual, var("s"), lit("\"abc\"^^<http://u>")));
  exprs.push_back(var("s"));
  exprs.push_back(var("x"));
  exprs.push_back(lit("<http://x>"));
  exprs.push_back(op(K::Subtract, var("x"), lit("2")));
  exprs.push_back(call("IF", op(K::Greater, var("x"), lit("1")), lit("\"\""), lit("1")));
  exprs.push_back(call("REGEX", var("s"), lit("\"^a\"")));
  for (const Expr& e : exprs) {
    auto viaTerm = evaluate(e, row, ctx);
    std::optional<bool> expected =
        viaTerm ? effectiveBooleanValue(*viaTerm) : std::optional<bool>();
    EXPECT_EQ(evaluateBoolean(e, row, ctx), expected) << run(e, row, ctx);
  }
  EXPECT_EQ(evaluateBoolean(op(K::Or, var("u"), lit("1")), row, ctx), std::optional<bool>(true));
  EXPECT_EQ(evaluateBoolean(lit("\"\""), row, ctx), std::optional<bool>(false));
  EXPECT_EQ(evaluateBoolean(var("u"), row, ctx), std::nullopt);
}

TEST(ExprCompare, InAndNotIn) {
  EXPECT_EQ(run(op(K::In, lit("2"), lit("1"), lit("2.0"))), kTrue);
  EXPECT_EQ(run(op(K::In, lit("2"))), kFalse);
  EXPECT_EQ(run(op(K::NotIn, lit("2"))), kTrue);
  EXPECT_EQ(run(op(K::In, lit("2"), lit("3"), lit("\"x\"^^<http://u>"))), "error");
  EXPECT_EQ(run(op(K::In, lit("2"), var("u"), lit("2"))), kTrue);  // a match wins over errors
  EXPECT_EQ(run(op(K::In, lit("2"), var("u"), lit("3"))), "error");
  EXPECT_EQ(run(op(K::NotIn, lit("2"), lit("3"), lit("4"))), kTrue);
  EXPECT_EQ(run(op(K::NotIn, lit("2"), var("u"), lit("2"))), kFalse);
  EXPECT_EQ(run(op(K::NotIn, lit("2"), lit("<http://x>"))), kTrue);
  EXPECT_EQ(run(op(K::In, var("u"), lit("1"))), "error");
}

TEST(ExprCompare, SameTermIsExact) {
  EXPECT_EQ(run(call("SAMETERM", lit("1"), lit("1.0"))), kFalse);
  EXPECT_EQ(run(call("SAMETERM", lit("1"), lit("1"))), kTrue);
  EXPECT_EQ(run(call("SAMETERM", lit("\"a\""), lit("\"a\"^^xsd:string"))), kTrue);
  EXPECT_EQ(run(call("SAMETERM", lit("\"a\"^^<http://u>"), lit("\"b\"^^<http://u>"))), kFalse);
  EXPECT_EQ(run(call("SAMETERM", lit("_:a"), lit("_:a"))), kTrue);
}

TEST(ExprCompare, OrderByOrder) {
  std::vector<std::optional<rdf::Term>> terms = {term("\"b\""),
                                                 term("1e0"),
                                                 std::nullopt,
                                                 term("<http://b>"),
                                                 term("_:z"),
                                                 term("\"a\""),
                                                 term("0.5"),
                                                 term("10"),
                                                 term("<http://a>"),
                                                 term("_:a"),
                                                 term("\"a\"@en"),
                                                 term("false"),
                                                 term("\"2001-01-01T00:00:00Z\"^^xsd:dateTime"),
                                                 term("\"x\"^^<http://u>"),
                                                 term("-3")};
  std::stable_sort(terms.begin(), terms.end(), [](const auto& x, const auto& y) {
    return orderCompare(x ? &*x : nullptr, y ? &*y : nullptr) < 0;
  });
  std::vector<std::string> shown;
  shown.reserve(terms.size());
  for (const auto& t : terms) {
    shown.push_back(t ? show(t) : "unbound");
  }
  std::vector<std::string> expected = {"unbound",
                                       "_:a",
                                       "_:z",
                                       "<http://a>",
                                       "<http://b>",
                                       "\"-3\"^^xsd:integer",
                                       "\"0.5\"^^xsd:decimal",
                                       "\"1e0\"^^xsd:double",
                                       "\"10\"^^xsd:integer",
                                       "\"a\"",
                                       "\"b\"",
                                       "\"a\"@en",
                                       "\"false\"^^xsd:boolean",
                                       "\"2001-01-01T00:00:00Z\"^^xsd:dateTime",
                                       "\"x\"^^<http://u>"};
  EXPECT_EQ(shown, expected);
}

TEST(ExprCompare, OrderByIsATotalOrder) {
  rdf::Term one = term("1"), oneDec = term("1.0"), oneStr = term("\"01\"^^xsd:integer");
  EXPECT_NE(orderCompare(&one, &oneDec), 0);  // equal values, different terms: fixed order
  EXPECT_EQ(orderCompare(&one, &oneDec), -orderCompare(&oneDec, &one));
  EXPECT_NE(orderCompare(&one, &oneStr), 0);
  EXPECT_EQ(orderCompare(&one, &one), 0);
  EXPECT_EQ(orderCompare(nullptr, nullptr), 0);
  rdf::Term nan = term("\"NaN\"^^xsd:double"), minusInf = term("\"-INF\"^^xsd:double");
  EXPECT_LT(orderCompare(&nan, &minusInf), 0);
  rdf::Term zoned = term("\"2002-10-10T12:00:00Z\"^^xsd:dateTime");
  rdf::Term local = term("\"2002-10-10T12:00:00\"^^xsd:dateTime");
  EXPECT_EQ(orderCompare(&zoned, &local), -orderCompare(&local, &zoned));
  EXPECT_NE(orderCompare(&zoned, &local), 0);
}

}  // namespace
}  // namespace bdis::sparql::expr
