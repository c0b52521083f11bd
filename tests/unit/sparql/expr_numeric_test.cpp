// Numeric operators and functions: type promotion, exact decimals, division rules,
// canonical forms, derived integer types, ABS/CEIL/FLOOR/ROUND.

#include <gtest/gtest.h>

#include "sparql/expr/decimal.h"
#include "sparql/expr/numeric.h"
#include "tests/unit/sparql/expr_test_util.h"

namespace bdis::sparql::expr {
namespace {

using namespace test;
using K = Expr::Kind;

std::string arith(K k, std::string_view a, std::string_view b) {
  return run(op(k, lit(a), lit(b)));
}

TEST(ExprNumeric, IntegerArithmeticStaysInteger) {
  EXPECT_EQ(arith(K::Add, "1", "2"), "\"3\"^^xsd:integer");
  EXPECT_EQ(arith(K::Subtract, "1", "5"), "\"-4\"^^xsd:integer");
  EXPECT_EQ(arith(K::Multiply, "-7", "6"), "\"-42\"^^xsd:integer");
  EXPECT_EQ(arith(K::Add, "\"+05\"^^xsd:integer", "1"), "\"6\"^^xsd:integer");
}

TEST(ExprNumeric, IntegerDivisionGivesDecimal) {
  EXPECT_EQ(arith(K::Divide, "5", "2"), "\"2.5\"^^xsd:decimal");
  EXPECT_EQ(arith(K::Divide, "4", "2"), "\"2\"^^xsd:decimal");
  EXPECT_EQ(arith(K::Divide, "1", "3"), "\"0.33333333333333333333\"^^xsd:decimal");
  EXPECT_EQ(arith(K::Divide, "-2", "3"), "\"-0.66666666666666666666\"^^xsd:decimal");
}

TEST(ExprNumeric, DivisionByZero) {
  EXPECT_EQ(arith(K::Divide, "1", "0"), "error");
  EXPECT_EQ(arith(K::Divide, "1.5", "0.0"), "error");
  EXPECT_EQ(arith(K::Divide, "1e0", "0"), "\"INF\"^^xsd:double");
  EXPECT_EQ(arith(K::Divide, "-1e0", "0"), "\"-INF\"^^xsd:double");
  EXPECT_EQ(arith(K::Divide, "0e0", "0"), "\"NaN\"^^xsd:double");
  EXPECT_EQ(arith(K::Divide, "\"1\"^^xsd:float", "0"), "\"INF\"^^xsd:float");
}

TEST(ExprNumeric, DecimalsAreExact) {
  EXPECT_EQ(arith(K::Add, "0.1", "0.2"), "\"0.3\"^^xsd:decimal");
  EXPECT_EQ(arith(K::Subtract, "1.10", "0.1"), "\"1\"^^xsd:decimal");
  EXPECT_EQ(arith(K::Multiply, "1.5", "1.5"), "\"2.25\"^^xsd:decimal");
  EXPECT_EQ(arith(K::Add, "123456789012345678901234567.5", "0.5"),
            "\"123456789012345678901234568\"^^xsd:decimal");
  EXPECT_EQ(arith(K::Multiply, "0.000000001", "0.000000001"),
            "\"0.000000000000000001\"^^xsd:decimal");
  EXPECT_EQ(arith(K::Divide, "2.2", "0.2"), "\"11\"^^xsd:decimal");
}

TEST(ExprNumeric, Promotion) {
  EXPECT_EQ(arith(K::Add, "1", "1.5"), "\"2.5\"^^xsd:decimal");
  EXPECT_EQ(arith(K::Add, "1", "\"1.5\"^^xsd:float"), "\"2.5E0\"^^xsd:float");
  EXPECT_EQ(arith(K::Add, "1.5", "1e0"), "\"2.5E0\"^^xsd:double");
  EXPECT_EQ(arith(K::Add, "\"1\"^^xsd:float", "1e0"), "\"2.0E0\"^^xsd:double");
  EXPECT_EQ(arith(K::Multiply, "\"0.1\"^^xsd:float", "3"), "\"3.0E-1\"^^xsd:float");
}

TEST(ExprNumeric, DerivedIntegerTypesAreIntegers) {
  EXPECT_EQ(arith(K::Add, "\"1\"^^xsd:int", "\"2\"^^xsd:short"), "\"3\"^^xsd:integer");
  EXPECT_EQ(arith(K::Add, "\"1\"^^xsd:nonNegativeInteger", "\"2\"^^xsd:positiveInteger"),
            "\"3\"^^xsd:integer");
  EXPECT_EQ(arith(K::Multiply, "\"3\"^^xsd:unsignedByte", "\"2\"^^xsd:long"), "\"6\"^^xsd:integer");
  EXPECT_EQ(arith(K::Add, "\"1\"^^xsd:byte", "0.5"), "\"1.5\"^^xsd:decimal");
  // Out of the derived type's range: not a valid numeric literal.
  EXPECT_EQ(arith(K::Add, "\"300\"^^xsd:byte", "1"), "error");
  EXPECT_EQ(arith(K::Add, "\"-1\"^^xsd:nonNegativeInteger", "1"), "error");
  EXPECT_EQ(arith(K::Add, "\"0\"^^xsd:positiveInteger", "1"), "error");
}

TEST(ExprNumeric, DoubleCanonicalForms) {
  EXPECT_EQ(arith(K::Add, "1e0", "0.5e0"), "\"1.5E0\"^^xsd:double");
  EXPECT_EQ(arith(K::Multiply, "1e10", "1e10"), "\"1.0E20\"^^xsd:double");
  EXPECT_EQ(arith(K::Multiply, "1e-3", "1e0"), "\"1.0E-3\"^^xsd:double");
  EXPECT_EQ(arith(K::Subtract, "0e0", "0e0"), "\"0.0E0\"^^xsd:double");
  EXPECT_EQ(run(op(K::UnaryMinus, lit("0e0"))), "\"-0.0E0\"^^xsd:double");
  EXPECT_EQ(arith(K::Add, "0.1e0", "0.2e0"), "\"3.0000000000000004E-1\"^^xsd:double");
}

TEST(ExprNumeric, InvalidOperandsAreErrors) {
  EXPECT_EQ(arith(K::Add, "\"1\"", "1"), "error");
  EXPECT_EQ(arith(K::Add, "\"abc\"^^xsd:integer", "1"), "error");
  EXPECT_EQ(arith(K::Add, "<http://x>", "1"), "error");
  EXPECT_EQ(arith(K::Add, "true", "1"), "error");
  EXPECT_EQ(arith(K::Add, "\"1.5\"^^xsd:integer", "1"), "error");
  EXPECT_EQ(arith(K::Add, "\"1e0\"^^xsd:decimal", "1"), "error");
  EXPECT_EQ(run(op(K::Add, var("unbound"), lit("1"))), "error");
}

TEST(ExprNumeric, Overflow) {
  std::string big = "170141183460469231731687303715884105727";  // 2^127 - 1
  EXPECT_EQ(arith(K::Add, big, "0"), "\"" + big + "\"^^xsd:integer");
  EXPECT_EQ(arith(K::Add, big, "1"), "error");
  EXPECT_EQ(arith(K::Multiply, big, "2"), "error");
}

TEST(ExprNumeric, UnaryOperators) {
  EXPECT_EQ(run(op(K::UnaryMinus, lit("5"))), "\"-5\"^^xsd:integer");
  EXPECT_EQ(run(op(K::UnaryMinus, lit("-2.50"))), "\"2.5\"^^xsd:decimal");
  EXPECT_EQ(run(op(K::UnaryPlus, lit("\"07\"^^xsd:int"))), "\"07\"^^xsd:int");
  EXPECT_EQ(run(op(K::UnaryMinus, lit("\"x\""))), "error");
}

TEST(ExprNumeric, Abs) {
  EXPECT_EQ(run(call("ABS", lit("-3"))), "\"3\"^^xsd:integer");
  EXPECT_EQ(run(call("ABS", lit("-1.5"))), "\"1.5\"^^xsd:decimal");
  EXPECT_EQ(run(call("ABS", lit("-1.5e0"))), "\"1.5E0\"^^xsd:double");
  EXPECT_EQ(run(call("ABS", lit("\"-2\"^^xsd:float"))), "\"2.0E0\"^^xsd:float");
  EXPECT_EQ(run(call("ABS", lit("\"-2\""))), "error");
}

TEST(ExprNumeric, CeilFloorRound) {
  EXPECT_EQ(run(call("CEIL", lit("1.1"))), "\"2\"^^xsd:decimal");
  EXPECT_EQ(run(call("CEIL", lit("-1.6"))), "\"-1\"^^xsd:decimal");
  EXPECT_EQ(run(call("FLOOR", lit("-1.1"))), "\"-2\"^^xsd:decimal");
  EXPECT_EQ(run(call("FLOOR", lit("2.9"))), "\"2\"^^xsd:decimal");
  EXPECT_EQ(run(call("ROUND", lit("2.5"))), "\"3\"^^xsd:decimal");
  EXPECT_EQ(run(call("ROUND", lit("-2.5"))), "\"-2\"^^xsd:decimal");
  EXPECT_EQ(run(call("ROUND", lit("-2.6"))), "\"-3\"^^xsd:decimal");
  EXPECT_EQ(run(call("ROUND", lit("2.4999"))), "\"2\"^^xsd:decimal");
  EXPECT_EQ(run(call("ROUND", lit("-2.5e0"))), "\"-2.0E0\"^^xsd:double");
  EXPECT_EQ(run(call("ROUND", lit("0.49999999999999994e0"))), "\"0.0E0\"^^xsd:double");
  EXPECT_EQ(run(call("CEIL", lit("-0.5e0"))), "\"-0.0E0\"^^xsd:double");
  EXPECT_EQ(run(call("FLOOR", lit("7"))), "\"7\"^^xsd:integer");
  EXPECT_EQ(run(call("ROUND", lit("\"NaN\"^^xsd:double"))), "\"NaN\"^^xsd:double");
}

TEST(ExprNumeric, DecimalPrimitives) {
  auto d = [](std::string_view s) { return *Decimal::parse(s); };
  EXPECT_EQ(d("00012.3400").toString(), "12.34");
  EXPECT_EQ(d("-.5").toString(), "-0.5");
  EXPECT_EQ(d("+3.").toString(), "3");
  EXPECT_EQ(d("-0.0").toString(), "0");
  EXPECT_FALSE(Decimal::parse("."));
  EXPECT_FALSE(Decimal::parse("1e3"));
  EXPECT_FALSE(Decimal::parse(" 1"));
  EXPECT_FALSE(Decimal::parse("1,5"));
  EXPECT_LT(decimalCompare(d("-1.5"), d("-1.25")), 0);
  EXPECT_GT(decimalCompare(d("0.3"), d("0.25")), 0);
  EXPECT_EQ(decimalCompare(d("2.50"), d("2.5")), 0);
  EXPECT_EQ(Decimal::fromDouble(0.1)->toString(), "0.1");
  EXPECT_EQ(Decimal::fromDouble(-1e20)->toString(), "-100000000000000000000");
  EXPECT_FALSE(Decimal::fromDouble(1e300));
}

TEST(ExprNumeric, LexicalValidity) {
  EXPECT_TRUE(isValidNumericLexical("-0", std::string(kXsdNs) + "integer"));
  EXPECT_TRUE(isValidNumericLexical("1.5E-3", std::string(kXsdNs) + "double"));
  EXPECT_TRUE(isValidNumericLexical("-INF", std::string(kXsdNs) + "float"));
  EXPECT_TRUE(isValidNumericLexical(".5", std::string(kXsdNs) + "double"));
  EXPECT_FALSE(isValidNumericLexical("inf", std::string(kXsdNs) + "double"));
  EXPECT_FALSE(isValidNumericLexical("1.5E", std::string(kXsdNs) + "double"));
  EXPECT_FALSE(isValidNumericLexical("0x10", std::string(kXsdNs) + "integer"));
  EXPECT_FALSE(isValidNumericLexical("", std::string(kXsdNs) + "integer"));
  EXPECT_TRUE(isValidNumericLexical("18446744073709551615", std::string(kXsdNs) + "unsignedLong"));
  EXPECT_FALSE(isValidNumericLexical("18446744073709551616", std::string(kXsdNs) + "unsignedLong"));
  EXPECT_FALSE(isValidNumericLexical("2147483648", std::string(kXsdNs) + "int"));
}

TEST(ExprNumeric, IsNumeric) {
  EXPECT_EQ(run(call("ISNUMERIC", lit("12"))), "\"true\"^^xsd:boolean");
  EXPECT_EQ(run(call("ISNUMERIC", lit("\"12\""))), "\"false\"^^xsd:boolean");
  EXPECT_EQ(run(call("ISNUMERIC", lit("\"1200\"^^xsd:byte"))), "\"false\"^^xsd:boolean");
  EXPECT_EQ(run(call("ISNUMERIC", lit("\"1\"^^xsd:nonNegativeInteger"))), "\"true\"^^xsd:boolean");
  EXPECT_EQ(run(call("ISNUMERIC", lit("\"abc\"^^xsd:double"))), "\"false\"^^xsd:boolean");
  EXPECT_EQ(run(call("ISNUMERIC", lit("<http://x>"))), "\"false\"^^xsd:boolean");
}

}  // namespace
}  // namespace bdis::sparql::expr
