// Date/time accessors, TIMEZONE/TZ, NOW, lexical validity and normalisation.

#include <gtest/gtest.h>

#include <chrono>

#include "sparql/expr/datetime.h"
#include "tests/unit/sparql/expr_test_util.h"

namespace bdis::sparql::expr {
namespace {

using namespace test;

Expr dt(std::string_view s) { return lit("\"" + std::string(s) + "\"^^xsd:dateTime"); }

TEST(ExprDateTime, Accessors) {
  const char* v = "2011-01-10T14:45:13.815-05:00";
  EXPECT_EQ(run(call("YEAR", dt(v))), "\"2011\"^^xsd:integer");
  EXPECT_EQ(run(call("MONTH", dt(v))), "\"1\"^^xsd:integer");
  EXPECT_EQ(run(call("DAY", dt(v))), "\"10\"^^xsd:integer");
  EXPECT_EQ(run(call("HOURS", dt(v))), "\"14\"^^xsd:integer");
  EXPECT_EQ(run(call("MINUTES", dt(v))), "\"45\"^^xsd:integer");
  EXPECT_EQ(run(call("SECONDS", dt(v))), "\"13.815\"^^xsd:decimal");
  EXPECT_EQ(run(call("SECONDS", dt("2011-01-10T14:45:05Z"))), "\"5\"^^xsd:decimal");
  EXPECT_EQ(run(call("YEAR", dt("-0044-03-15T12:00:00"))), "\"-44\"^^xsd:integer");
  EXPECT_EQ(run(call("YEAR", dt("12345-03-15T12:00:00"))), "\"12345\"^^xsd:integer");
}

TEST(ExprDateTime, AccessorsOnDatesAndTimes) {
  EXPECT_EQ(run(call("YEAR", lit("\"2001-05-07\"^^xsd:date"))), "\"2001\"^^xsd:integer");
  EXPECT_EQ(run(call("DAY", lit("\"2001-05-07Z\"^^xsd:date"))), "\"7\"^^xsd:integer");
  EXPECT_EQ(run(call("HOURS", lit("\"2001-05-07\"^^xsd:date"))), "error");
  EXPECT_EQ(run(call("HOURS", lit("\"13:20:00\"^^xsd:time"))), "\"13\"^^xsd:integer");
  EXPECT_EQ(run(call("YEAR", lit("\"13:20:00\"^^xsd:time"))), "error");
  EXPECT_EQ(run(call("YEAR", lit("\"2011-01-10T14:45:13Z\""))), "error");
  EXPECT_EQ(run(call("YEAR", lit("\"2011-02-30T14:45:13Z\"^^xsd:dateTime"))), "error");
  EXPECT_EQ(run(call("MONTH", lit("2011"))), "error");
}

TEST(ExprDateTime, TimezoneAndTz) {
  EXPECT_EQ(run(call("TIMEZONE", dt("2011-01-10T14:45:13.815-05:00"))),
            "\"-PT5H\"^^xsd:dayTimeDuration");
  EXPECT_EQ(run(call("TIMEZONE", dt("2011-01-10T14:45:13Z"))), "\"PT0S\"^^xsd:dayTimeDuration");
  EXPECT_EQ(run(call("TIMEZONE", dt("2011-01-10T14:45:13+05:30"))),
            "\"PT5H30M\"^^xsd:dayTimeDuration");
  EXPECT_EQ(run(call("TIMEZONE", dt("2011-01-10T14:45:13-00:45"))),
            "\"-PT45M\"^^xsd:dayTimeDuration");
  EXPECT_EQ(run(call("TIMEZONE", dt("2011-01-10T14:45:13"))), "error");
  EXPECT_EQ(run(call("TZ", dt("2011-01-10T14:45:13.815-05:00"))), "\"-05:00\"");
  EXPECT_EQ(run(call("TZ", dt("2011-01-10T14:45:13Z"))), "\"Z\"");
  EXPECT_EQ(run(call("TZ", dt("2011-01-10T14:45:13+00:00"))), "\"+00:00\"");
  EXPECT_EQ(run(call("TZ", dt("2011-01-10T14:45:13"))), "\"\"");
  EXPECT_EQ(run(call("TZ", lit("\"2011-01-10\"^^xsd:date"))), "\"\"");
  EXPECT_EQ(run(call("TZ", lit("\"x\""))), "error");
}

TEST(ExprDateTime, NowIsTheContextInstant) {
  using namespace std::chrono;
  EvalContext ctx;
  ctx.now =
      sys_days(year(2026) / 12 / 4) + hours(21) + minutes(30) + seconds(5) + milliseconds(250);
  MapRow row;
  EXPECT_EQ(run(call("NOW"), row, ctx), "\"2026-12-04T21:30:05.25Z\"^^xsd:dateTime");
  EXPECT_EQ(run(call("NOW"), row, ctx), "\"2026-12-04T21:30:05.25Z\"^^xsd:dateTime");
  ctx.now = sys_days(year(1969) / 7 / 20) + hours(20) + minutes(17);
  EXPECT_EQ(run(call("NOW"), row, ctx), "\"1969-07-20T20:17:00Z\"^^xsd:dateTime");
  EXPECT_EQ(run(call("YEAR", call("NOW")), row, ctx), "\"1969\"^^xsd:integer");
}

TEST(ExprDateTime, LexicalValidity) {
  auto valid = [](std::string_view s, DateKind k) { return parseDateTime(s, k).has_value(); };
  EXPECT_TRUE(valid("2000-02-29T00:00:00", DateKind::DateTime));
  EXPECT_FALSE(valid("2001-02-29T00:00:00", DateKind::DateTime));
  EXPECT_FALSE(valid("1900-02-29", DateKind::Date));
  EXPECT_FALSE(valid("2001-13-01", DateKind::Date));
  EXPECT_FALSE(valid("01-01-01", DateKind::Date));
  EXPECT_FALSE(valid("02001-01-01", DateKind::Date));
  EXPECT_FALSE(valid("2001-01-01T10:00", DateKind::DateTime));
  EXPECT_FALSE(valid("2001-01-01T10:00:00.", DateKind::DateTime));
  EXPECT_FALSE(valid("2001-01-01T10:60:00", DateKind::DateTime));
  EXPECT_FALSE(valid("2001-01-01T24:00:01", DateKind::DateTime));
  EXPECT_FALSE(valid("2001-01-01T10:00:00+14:01", DateKind::DateTime));
  EXPECT_FALSE(valid("2001-01-01T10:00:00+5:00", DateKind::DateTime));
  EXPECT_FALSE(valid("2001-01-01 10:00:00", DateKind::DateTime));
  EXPECT_TRUE(valid("2001-01-01T10:00:00-14:00", DateKind::DateTime));
  EXPECT_TRUE(valid("23:59:59.999999", DateKind::Time));
  EXPECT_FALSE(valid("2001-01-01", DateKind::Time));
}

TEST(ExprDateTime, EndOfDayAndCanonicalForm) {
  auto v = parseDateTime("1999-12-31T24:00:00Z", DateKind::DateTime);
  ASSERT_TRUE(v);
  EXPECT_EQ(formatDateTime(*v), "2000-01-01T00:00:00Z");
  EXPECT_EQ(formatDateTime(*parseDateTime("2002-10-10T17:00:00.500+00:00", DateKind::DateTime)),
            "2002-10-10T17:00:00.5Z");
  EXPECT_EQ(formatDateTime(*parseDateTime("0001-01-01-03:30", DateKind::Date)), "0001-01-01-03:30");
  EXPECT_EQ(formatDateTime(*parseDateTime("09:05:03.25", DateKind::Time)), "09:05:03.25");
  EXPECT_EQ(formatDateTime(*parseDateTime("-0044-03-15T12:00:00", DateKind::DateTime)),
            "-0044-03-15T12:00:00");
  rdf::Term a = term("\"1999-12-31T24:00:00Z\"^^xsd:dateTime");
  rdf::Term b = term("\"2000-01-01T00:00:00Z\"^^xsd:dateTime");
  EXPECT_EQ(equalTerms(a, b), std::optional<bool>(true));
}

TEST(ExprDateTime, Durations) {
  rdf::Term h = term("\"PT1H\"^^xsd:dayTimeDuration"), m = term("\"PT60M\"^^xsd:dayTimeDuration");
  EXPECT_EQ(equalTerms(h, m), std::optional<bool>(true));
  rdf::Term y = term("\"P1Y\"^^xsd:yearMonthDuration"),
            mo = term("\"P12M\"^^xsd:yearMonthDuration");
  EXPECT_EQ(equalTerms(y, mo), std::optional<bool>(true));
  rdf::Term bad = term("\"P1Y\"^^xsd:dayTimeDuration");
  EXPECT_EQ(equalTerms(bad, h), std::nullopt);
  EXPECT_EQ(run(op(Expr::Kind::Equal, call("TIMEZONE", dt("2011-01-10T14:45:13-05:00")),
                   lit("\"-PT5H\"^^xsd:dayTimeDuration"))),
            "\"true\"^^xsd:boolean");
}

}  // namespace
}  // namespace bdis::sparql::expr
