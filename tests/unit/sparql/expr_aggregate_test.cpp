// Aggregates (18.5.1): COUNT (with *), SUM, AVG, MIN, MAX, SAMPLE, GROUP_CONCAT,
// each with DISTINCT, empty groups and errors.

#include <gtest/gtest.h>

#include "rdf/error.h"
#include "sparql/expr/aggregate.h"
#include "tests/unit/sparql/expr_test_util.h"

namespace bdis::sparql::expr {
namespace {

using namespace test;

Expr agg(std::string name, bool distinct = false) {
  Expr e = Expr::call(Expr::Kind::Aggregate, std::move(name), exprList(var("x")));
  e.distinct = distinct;
  return e;
}

/// Runs the aggregate over values given in the compact spelling ("error" adds an error).
std::string over(const Expr& e, std::initializer_list<std::string_view> values) {
  auto a = makeAggregator(e);
  for (std::string_view v : values) {
    a->add(v == "error" ? std::nullopt : std::optional(term(v)));
  }
  return show(a->result());
}

TEST(ExprAggregate, Count) {
  EXPECT_EQ(over(agg("COUNT"), {"1", "1", "\"a\"", "error"}), "\"3\"^^xsd:integer");
  EXPECT_EQ(over(agg("COUNT", true), {"1", "1", "\"a\"", "1.0"}), "\"3\"^^xsd:integer");
  EXPECT_EQ(over(agg("COUNT"), {}), "\"0\"^^xsd:integer");
  Expr star = Expr::call(Expr::Kind::Aggregate, "COUNT", {});
  EXPECT_EQ(over(star, {"true", "true", "true"}), "\"3\"^^xsd:integer");
}

TEST(ExprAggregate, Sum) {
  EXPECT_EQ(over(agg("SUM"), {"1", "2", "3"}), "\"6\"^^xsd:integer");
  EXPECT_EQ(over(agg("SUM"), {"1", "2.5"}), "\"3.5\"^^xsd:decimal");
  EXPECT_EQ(over(agg("SUM"), {"1", "2.5", "1e0"}), "\"4.5E0\"^^xsd:double");
  EXPECT_EQ(over(agg("SUM"), {"0.1", "0.2"}), "\"0.3\"^^xsd:decimal");
  EXPECT_EQ(over(agg("SUM", true), {"1", "1", "2"}), "\"3\"^^xsd:integer");
  EXPECT_EQ(over(agg("SUM"), {}), "\"0\"^^xsd:integer");
  EXPECT_EQ(over(agg("SUM"), {"1", "\"a\""}), "error");
  EXPECT_EQ(over(agg("SUM"), {"1", "error"}), "error");
}

TEST(ExprAggregate, Avg) {
  EXPECT_EQ(over(agg("AVG"), {"1", "2", "3", "4"}), "\"2.5\"^^xsd:decimal");
  EXPECT_EQ(over(agg("AVG"), {"1.0", "2.0", "3.0", "4"}), "\"2.5\"^^xsd:decimal");
  EXPECT_EQ(over(agg("AVG"), {"1", "2", "3"}), "\"2\"^^xsd:decimal");
  EXPECT_EQ(over(agg("AVG"), {"1e0", "2"}), "\"1.5E0\"^^xsd:double");
  EXPECT_EQ(over(agg("AVG", true), {"1", "1", "4"}), "\"2.5\"^^xsd:decimal");
  EXPECT_EQ(over(agg("AVG"), {}), "\"0\"^^xsd:integer");
  EXPECT_EQ(over(agg("AVG"), {"1", "_:b", "3"}), "error");
}

TEST(ExprAggregate, MinMaxUseTheOrderByOrder) {
  EXPECT_EQ(over(agg("MIN"), {"3", "1.5", "2e0"}), "\"1.5\"^^xsd:decimal");
  EXPECT_EQ(over(agg("MAX"), {"3", "1.5", "2e0"}), "\"3\"^^xsd:integer");
  EXPECT_EQ(over(agg("MIN"), {"1", "_:b", "3"}), "_:b");
  EXPECT_EQ(over(agg("MAX"), {"1", "_:b", "\"z\""}), "\"z\"");
  EXPECT_EQ(over(agg("MAX"), {"\"a\"", "\"b\"", "error"}), "\"b\"");
  EXPECT_EQ(over(agg("MIN", true), {"2", "2", "1"}), "\"1\"^^xsd:integer");
  EXPECT_EQ(over(agg("MIN"), {}), "error");
  EXPECT_EQ(over(agg("MAX"), {"error"}), "error");
}

TEST(ExprAggregate, Sample) {
  EXPECT_EQ(over(agg("SAMPLE"), {"error", "\"x\"", "\"y\""}), "\"x\"");
  EXPECT_EQ(over(agg("SAMPLE", true), {"1", "1"}), "\"1\"^^xsd:integer");
  EXPECT_EQ(over(agg("SAMPLE"), {}), "error");
}

TEST(ExprAggregate, GroupConcat) {
  Expr e = agg("GROUP_CONCAT");
  EXPECT_EQ(over(e, {"\"a\"", "\"b\"", "\"c\""}), "\"a b c\"");
  EXPECT_EQ(over(e, {"1", "\"x\"^^xsd:string", "2.5"}), "\"1 x 2.5\"");
  EXPECT_EQ(over(e, {}), "\"\"");
  EXPECT_EQ(over(e, {"\"a\"@en", "\"b\"@en"}),
            "\"a b\"");  // W3C agg-groupconcat-04: no language tag
  EXPECT_EQ(over(e, {"\"a\"@en", "\"b\"@fr"}), "\"a b\"");
  EXPECT_EQ(over(e, {"\"a\"@en", "\"b\""}), "\"a b\"");
  EXPECT_EQ(over(e, {"\"a\"", "<http://x>"}), "error");
  EXPECT_EQ(over(e, {"\"a\"", "error"}), "error");
  Expr sep = agg("GROUP_CONCAT", true);
  sep.hasSeparator = true;
  sep.separator = ", ";
  EXPECT_EQ(over(sep, {"\"a\"", "\"b\"", "\"a\""}), "\"a, b\"");
  Expr empty = agg("GROUP_CONCAT");
  empty.hasSeparator = true;
  EXPECT_EQ(over(empty, {"\"a\"", "\"b\""}), "\"ab\"");
}

TEST(ExprAggregate, UnknownNameIsASemanticError) {
  EXPECT_THROW(makeAggregator(agg("MEDIAN")), SemanticError);
}

}  // namespace
}  // namespace bdis::sparql::expr
