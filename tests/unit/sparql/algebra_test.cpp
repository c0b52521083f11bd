// Translation to the algebra (section 18.2), checked through the SSE printer.
#include <gtest/gtest.h>

#include "sparql/algebra/all.h"
#include "sparql/algebra/sse.h"
#include "sparql/parser/parser.h"

namespace bdis::sparql {
namespace {

const std::string kPrefix = "PREFIX : <http://e/>\n";

/// The algebra of `query` (with the `:` prefix declared) as one-line SSE.
std::string sse(const std::string& query) {
  return algebra::squashSse(algebra::toSse(*parseQuery(kPrefix + query).algebra));
}

/// The algebra of the WHERE clause of update operation `i`.
std::string updateSse(const std::string& update, size_t i = 0) {
  auto u = parseUpdate(kPrefix + update);
  return algebra::squashSse(algebra::toSse(*u.where.at(i)));
}

TEST(SparqlAlgebra, BasicGraphPatternAndProjection) {
  EXPECT_EQ(sse("SELECT * { ?s :p ?o . ?o :q 1 }"),
            "(project (?s ?o) (bgp (triple ?s <http://e/p> ?o) (triple ?o <http://e/q> 1)))");
  EXPECT_EQ(sse("SELECT * {}"), "(project () (table unit))");
}

TEST(SparqlAlgebra, FiltersApplyToTheWholeGroup) {
  EXPECT_EQ(sse("SELECT ?s { FILTER(?o > 1) ?s :p ?o . ?s :q ?r }"),
            "(project (?s) (filter (> ?o 1) (bgp (triple ?s <http://e/p> ?o) "
            "(triple ?s <http://e/q> ?r))))");
  // Two filters: a conjunction over the group.
  EXPECT_EQ(sse("SELECT ?s { ?s :p ?o FILTER(?o) FILTER(bound(?s)) }"),
            "(project (?s) (filter (exprlist ?o (bound ?s)) (bgp (triple ?s <http://e/p> ?o))))");
}

TEST(SparqlAlgebra, OptionalWithFilterIsLeftJoinWithExpression) {
  EXPECT_EQ(sse("SELECT * { ?s :p ?o OPTIONAL { ?o :q ?v FILTER(?v < 3) } }"),
            "(project (?s ?o ?v) (leftjoin (bgp (triple ?s <http://e/p> ?o)) "
            "(bgp (triple ?o <http://e/q> ?v)) (< ?v 3)))");
  EXPECT_EQ(sse("SELECT * { OPTIONAL { ?s :q ?v } }"),
            "(project (?s ?v) (leftjoin (table unit) (bgp (triple ?s <http://e/q> ?v))))");
  // A FILTER of a group nested in the OPTIONAL stays on the right operand
  // (dawg-optional-filter-005-not-simplified).
  EXPECT_EQ(sse("SELECT * { ?s :p ?o OPTIONAL { { ?o :q ?v FILTER(?s = 3) } } }"),
            "(project (?s ?o ?v) (leftjoin (bgp (triple ?s <http://e/p> ?o)) "
            "(filter (= ?s 3) (bgp (triple ?o <http://e/q> ?v)))))");
}

TEST(SparqlAlgebra, BindEndsTheBasicGraphPattern) {
  EXPECT_EQ(sse("SELECT * { ?s :p ?o BIND(?o + 1 AS ?n) ?s :q ?z }"),
            "(project (?s ?o ?n ?z) (join (extend ((?n (+ ?o 1))) "
            "(bgp (triple ?s <http://e/p> ?o))) (bgp (triple ?s <http://e/q> ?z))))");
}

TEST(SparqlAlgebra, InlineAndTrailingValuesAreTables) {
  EXPECT_EQ(sse("SELECT * { ?s :p ?o VALUES (?o ?x) { (1 :a) (UNDEF 2) } }"),
            "(project (?s ?o ?x) (join (bgp (triple ?s <http://e/p> ?o)) "
            "(table (vars ?o ?x) (row [?o 1] [?x <http://e/a>]) (row [?x 2]))))");
  EXPECT_EQ(sse("SELECT ?s { ?s :p ?o } VALUES ?s { :a }"),
            "(project (?s) (join (bgp (triple ?s <http://e/p> ?o)) "
            "(table (vars ?s) (row [?s <http://e/a>]))))");
}

TEST(SparqlAlgebra, UnionMinusGraphService) {
  EXPECT_EQ(sse("SELECT ?s { { ?s :a ?o } UNION { ?s :b ?o } MINUS { ?s :c 1 } }"),
            "(project (?s) (minus (union (bgp (triple ?s <http://e/a> ?o)) "
            "(bgp (triple ?s <http://e/b> ?o))) (bgp (triple ?s <http://e/c> 1))))");
  EXPECT_EQ(sse("SELECT * { GRAPH ?g { ?s ?p ?o } }"),
            "(project (?g ?s ?p ?o) (graph ?g (bgp (triple ?s ?p ?o))))");
  EXPECT_EQ(sse("SELECT * { SERVICE SILENT <http://remote/sparql> { ?s ?p ?o } }"),
            "(project (?s ?p ?o) (service silent <http://remote/sparql> (bgp (triple ?s ?p ?o))))");
}

TEST(SparqlAlgebra, PropertyPaths) {
  // Simple links and inverses become triple patterns; sequences get fresh variables.
  EXPECT_EQ(sse("SELECT ?s ?o { ?s :a/^:b/:c ?o }"),
            "(project (?s ?o) (bgp (triple ?s <http://e/a> ??P0) (triple ??P1 <http://e/b> ??P0) "
            "(triple ??P1 <http://e/c> ?o)))");
}

TEST(SparqlAlgebra, OtherPathsStayPaths) {
  EXPECT_EQ(sse("SELECT * { ?s :a|:b ?o }"),
            "(project (?s ?o) (path ?s (alt <http://e/a> <http://e/b>) ?o))");
  EXPECT_EQ(sse("SELECT * { ?s :a* ?o }"), "(project (?s ?o) (path ?s (path* <http://e/a>) ?o))");
  EXPECT_EQ(sse("SELECT * { ?s (:a/:b)+ ?o }"),
            "(project (?s ?o) (path ?s (path+ (seq <http://e/a> <http://e/b>)) ?o))");
  EXPECT_EQ(sse("SELECT * { ?s :a? ?o }"), "(project (?s ?o) (path ?s (path? <http://e/a>) ?o))");
  EXPECT_EQ(sse("SELECT * { ?s !(:a|^:b) ?o }"),
            "(project (?s ?o) (path ?s (notoneof <http://e/a> (reverse <http://e/b>)) ?o))");
  // An inverse of a non-link flips subject and object.
  EXPECT_EQ(sse("SELECT * { ?s ^(:a|:b) ?o }"),
            "(project (?s ?o) (path ?o (alt <http://e/a> <http://e/b>) ?s))");
}

TEST(SparqlAlgebra, BlankNodesBecomeHiddenVariables) {
  EXPECT_EQ(sse("SELECT * { _:x :p ?o }"), "(project (?o) (bgp (triple ??x <http://e/p> ?o)))");
  EXPECT_EQ(sse("SELECT * { ?s :p [ :q 1 ] }"),
            "(project (?s) (bgp (triple ??.b0 <http://e/q> 1) (triple ?s <http://e/p> ??.b0)))");
}

TEST(SparqlAlgebra, AggregationHavingAndOrderBy) {
  EXPECT_EQ(sse("SELECT ?g (SUM(?v) * 2 AS ?t) { ?g :v ?v } GROUP BY ?g "
                "HAVING (AVG(?v) > 1) ORDER BY DESC(MAX(?v)) LIMIT 2"),
            "(slice _ 2 (project (?g ?t) (order ((desc ?.2)) (extend ((?t (* ?.0 2))) "
            "(filter (> ?.1 1) (group (?g) ((?.0 (sum ?v)) (?.1 (avg ?v)) (?.2 (max ?v))) "
            "(bgp (triple ?g <http://e/v> ?v))))))))");
}

TEST(SparqlAlgebra, ImplicitGroupAndGroupByExpression) {
  EXPECT_EQ(sse("SELECT (COUNT(DISTINCT ?s) AS ?n) { ?s ?p ?o }"),
            "(project (?n) (extend ((?n ?.0)) (group () ((?.0 (count distinct ?s))) "
            "(bgp (triple ?s ?p ?o)))))");
  EXPECT_EQ(sse("SELECT ?k (GROUP_CONCAT(?o; SEPARATOR='|') AS ?c) { ?s ?p ?o } "
                "GROUP BY (STR(?s) AS ?k)"),
            "(project (?k ?c) (extend ((?c ?.0)) (group ((?k (str ?s))) "
            "((?.0 (group_concat (separator \"|\") ?o))) (bgp (triple ?s ?p ?o)))))");
}

TEST(SparqlAlgebra, SameAggregateIsComputedOnce) {
  EXPECT_EQ(sse("SELECT (COUNT(*) AS ?a) { ?s ?p ?o } HAVING (COUNT(*) > 1)"),
            "(project (?a) (extend ((?a ?.0)) (filter (> ?.0 1) (group () ((?.0 (count))) "
            "(bgp (triple ?s ?p ?o))))))");
}

TEST(SparqlAlgebra, SubqueryDistinctSlice) {
  EXPECT_EQ(sse("SELECT DISTINCT ?s { { SELECT ?s { ?s :p ?o } LIMIT 3 } } OFFSET 1"),
            "(slice 1 _ (distinct (project (?s) (slice _ 3 (project (?s) "
            "(bgp (triple ?s <http://e/p> ?o)))))))");
}

TEST(SparqlAlgebra, ExistsHoldsItsAlgebra) {
  EXPECT_EQ(sse("SELECT ?s { ?s :p ?o FILTER NOT EXISTS { ?o :q ?s } }"),
            "(project (?s) (filter (notexists (bgp (triple ?o <http://e/q> ?s))) "
            "(bgp (triple ?s <http://e/p> ?o))))");
}

TEST(SparqlAlgebra, AskConstructDescribeHaveNoProjection) {
  EXPECT_EQ(sse("ASK { ?s ?p ?o }"), "(bgp (triple ?s ?p ?o))");
  EXPECT_EQ(sse("CONSTRUCT { ?s :q _:b } WHERE { ?s :p _:b }"),
            "(bgp (triple ?s <http://e/p> ??b))");
  EXPECT_EQ(sse("DESCRIBE :x"), "(table unit)");
}

TEST(SparqlAlgebra, ExpressionsPrint) {
  EXPECT_EQ(sse("SELECT ?s { ?s ?p ?o FILTER(?o IN (1, 2) && ?o NOT IN (3) || !isIRI(?s)) }"),
            "(project (?s) (filter (|| (&& (in ?o 1 2) (notin ?o 3)) (! (isiri ?s))) "
            "(bgp (triple ?s ?p ?o))))");
  EXPECT_EQ(sse("SELECT ?s { ?s ?p ?o FILTER(?o-1 > -2) }"),
            "(project (?s) (filter (> (- ?o 1) -2) (bgp (triple ?s ?p ?o))))");
}

TEST(SparqlAlgebra, UpdateWherePatterns) {
  EXPECT_EQ(updateSse("DELETE WHERE { ?s :p ?o GRAPH :g { ?s :q ?x } }"),
            "(join (bgp (triple ?s <http://e/p> ?o)) (graph <http://e/g> "
            "(bgp (triple ?s <http://e/q> ?x))))");
  EXPECT_EQ(updateSse("DELETE { ?s :p ?o } WHERE { ?s :p ?o OPTIONAL { ?o :r ?z } }"),
            "(leftjoin (bgp (triple ?s <http://e/p> ?o)) (bgp (triple ?o <http://e/r> ?z)))");
}

}  // namespace
}  // namespace bdis::sparql

namespace bdis::sparql {
namespace {

TEST(SparqlAlgebra, ServiceCarriesTheQueryToSend) {
  auto q = parseQuery(
      "PREFIX : <http://e/>\nSELECT * { ?s :p ?o SERVICE <http://remote/sparql> { ?o :q \"x\" } }");
  const auto& project = algebra::as<algebra::Project>(*q.algebra);
  const auto& join = algebra::as<algebra::Join>(*project.input);
  ASSERT_EQ(join.right->kind, algebra::OpKind::Service);
  EXPECT_EQ(algebra::as<algebra::Service>(*join.right).query,
            "PREFIX : <http://e/>\nSELECT * WHERE { ?o :q \"x\" }");
}

}  // namespace
}  // namespace bdis::sparql
