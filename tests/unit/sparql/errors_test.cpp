// Syntax errors (position and what was expected) and the semantic rules.
#include <gtest/gtest.h>

#include "rdf/error.h"
#include "sparql/parser/parser.h"

namespace bdis::sparql {
namespace {

struct Failure {
  uint64_t line = 0, column = 0;
  std::string message;
};

/// The SyntaxError of parsing `text` as a query (or an update).
Failure syntaxError(const std::string& text, bool update = false) {
  try {
    if (update) {
      parseUpdate(text);
    } else {
      parseQuery(text);
    }
  } catch (const SyntaxError& e) {
    return {e.line(), e.column(), e.message()};
  }
  ADD_FAILURE() << "no SyntaxError for: " << text;
  return {};
}

/// The message of the SemanticError of parsing `text` as a query (or an update).
std::string semanticError(const std::string& text, bool update = false) {
  try {
    if (update) {
      parseUpdate(text);
    } else {
      parseQuery(text);
    }
  } catch (const SemanticError& e) {
    return e.what();
  }
  ADD_FAILURE() << "no SemanticError for: " << text;
  return {};
}

TEST(SparqlErrors, UnclosedGroupNamesLineColumnAndExpectation) {
  Failure f = syntaxError("SELECT *\nWHERE {\n  ?s ?p ?o\n");
  EXPECT_EQ(f.line, 4u);
  EXPECT_EQ(f.column, 1u);
  EXPECT_EQ(f.message, "expected '}' or a triple pattern, found end of input");
}

TEST(SparqlErrors, IncompleteTriple) {
  Failure f = syntaxError("SELECT * WHERE { ?s ?p }");
  EXPECT_EQ(f.line, 1u);
  EXPECT_EQ(f.column, 24u);
  EXPECT_EQ(f.message, "expected a variable, an IRI, a literal or a blank node, found '}'");
}

TEST(SparqlErrors, MissingDotBetweenTriples) {
  Failure f = syntaxError("SELECT * { <a> <b> <c> <d> <e> <f> }");
  EXPECT_EQ(f.column, 24u);
  EXPECT_EQ(f.message, "expected '.' between triple patterns, found <d>");
}

TEST(SparqlErrors, BadExpressionColumnCountsCodePoints) {
  Failure f = syntaxError("SELECT * {\n  ?s ?p \"é\" FILTER(?o > )\n}");
  EXPECT_EQ(f.line, 2u);
  EXPECT_EQ(f.column, 25u);
  EXPECT_EQ(f.message, "expected an expression, found ')'");
}

TEST(SparqlErrors, UnknownQueryForm) {
  Failure f = syntaxError("  SELEC * {}");
  EXPECT_EQ(f.column, 3u);
  EXPECT_EQ(f.message, "expected SELECT, CONSTRUCT, DESCRIBE or ASK, found 'SELEC'");
}

TEST(SparqlErrors, LexicalErrorsComeFromX3ExpectationPoints) {
  Failure f = syntaxError("SELECT * { ?s ?p \"abc\n}");
  EXPECT_EQ(f.line, 1u);
  EXPECT_EQ(f.column, 22u);
  EXPECT_EQ(f.message, "expected closing \" of the string");
  f = syntaxError("SELECT * { ?s ?p 'a\\qc' }");
  EXPECT_EQ(f.column, 21u);
  EXPECT_EQ(f.message.rfind("expected an escape sequence", 0), 0u);
  EXPECT_EQ(syntaxError("SELECT * { ?s ?p '''abc }").message, "expected closing ''' of the string");
  EXPECT_EQ(syntaxError("SELECT * { _: ?p 1 }").message, "expected a blank node label after _:");
  EXPECT_EQ(syntaxError("SELECT * { ?s ?p \"a\"@1 }").message, "expected a language tag after @");
  EXPECT_EQ(syntaxError("SELECT * { ?s ?p ?o ~ }").message, "unexpected character '~'");
  EXPECT_EQ(syntaxError("SELECT * { ?s ?p '\\uD800' }").message,
            "invalid code point in escape \\uD800");
}

TEST(SparqlErrors, UndefinedPrefixHasAPosition) {
  Failure f = syntaxError("SELECT ?x WHERE { ?x ex:p 1 }");
  EXPECT_EQ(f.column, 22u);
  EXPECT_EQ(f.message, "undefined prefix 'ex:'");
}

TEST(SparqlErrors, AggregatesOnlyWhereAllowed) {
  EXPECT_EQ(syntaxError("SELECT * { ?s ?p ?o FILTER(COUNT(?s) > 1) }").message,
            "aggregate COUNT is not allowed here");
  EXPECT_EQ(syntaxError("SELECT (SUM(COUNT(?s)) AS ?n) { ?s ?p ?o }").message,
            "aggregates cannot be nested");
  EXPECT_EQ(syntaxError("SELECT ?s { ?s ?p ?o } GROUP BY (COUNT(?s))").message,
            "aggregate COUNT is not allowed here");
}

TEST(SparqlErrors, BuiltinArity) {
  EXPECT_EQ(syntaxError("SELECT * { ?s ?p ?o FILTER(STRLEN(?o, 1)) }").message,
            "STRLEN takes 1 argument(s), not 2");
}

TEST(SparqlErrors, BlankNodeLabelsDoNotCrossBasicGraphPatterns) {
  Failure f = syntaxError("SELECT * { _:a ?p ?o OPTIONAL { _:a ?q ?r } }");
  EXPECT_EQ(f.column, 33u);
  EXPECT_EQ(f.message,
            "blank node label _:a is already used in another basic graph pattern or operation");
  // A FILTER does not end the basic graph pattern.
  EXPECT_NO_THROW(parseQuery("SELECT * { _:a ?p ?v . FILTER(true) . _:a ?q 1 }"));
}

TEST(SparqlErrors, UpdateDataRules) {
  EXPECT_EQ(syntaxError("DELETE DATA { _:a <http://p> 1 }", true).message,
            "blank nodes are not allowed in DELETE templates and data");
  EXPECT_EQ(syntaxError("DELETE { ?s <http://p> [] } WHERE { ?s ?p ?o }", true).message,
            "blank nodes are not allowed in DELETE templates and data");
  EXPECT_EQ(syntaxError("INSERT DATA { ?s <http://p> 1 }", true).message,
            "variables are not allowed in INSERT DATA / DELETE DATA");
  EXPECT_EQ(syntaxError("INSERT DATA { _:b <http://p> 1 } ; INSERT DATA { _:b <http://p> 2 }", true)
                .message,
            "blank node label _:b is already used in another basic graph pattern or operation");
  EXPECT_NO_THROW(
      parseUpdate("INSERT { _:b <http://p> 1 } WHERE {} ; INSERT { _:b <http://p> 2 } WHERE {}"));
  // Each operation's WHERE clause is its own scope.
  EXPECT_NO_THROW(
      parseUpdate("DELETE { ?s ?p ?o } WHERE { _:a ?p ?o ; <http://q> ?s } ;"
                  "DELETE { ?s ?p ?o } WHERE { _:a ?p ?o ; <http://r> ?s }"));
  EXPECT_EQ(
      syntaxError("DELETE { ?s ?p ?o } WHERE { _:a ?p ?o OPTIONAL { _:a ?q ?s } }", true).message,
      "blank node label _:a is already used in another basic graph pattern or operation");
}

TEST(SparqlErrors, ValuesRowArity) {
  EXPECT_EQ(syntaxError("SELECT * { VALUES (?a ?b) { (1) } }").message,
            "VALUES row has 1 values for 2 variables");
}

TEST(SparqlErrors, ProjectionReusesAVariableInScope) {
  EXPECT_EQ(semanticError("SELECT (1 AS ?s) { ?s ?p ?o }"),
            "1:8: SELECT: variable ?s in (... AS ?s) is already in scope");
  EXPECT_EQ(semanticError("SELECT (1 AS ?x) (2 AS ?x) {}"),
            "1:18: SELECT: variable ?x in (... AS ?x) is already in scope");
}

TEST(SparqlErrors, UngroupedVariables) {
  EXPECT_EQ(semanticError("SELECT ?s (COUNT(*) AS ?c) { ?s ?p ?o } GROUP BY ?p"),
            "1:8: SELECT: variable ?s is neither grouped nor aggregated");
  EXPECT_EQ(semanticError("SELECT (?o + 1 AS ?x) { ?s ?p ?o } GROUP BY ?s"),
            "1:8: SELECT: variable ?o is neither grouped nor aggregated");
  EXPECT_EQ(semanticError("SELECT * { ?s ?p ?o } GROUP BY ?s"),
            "1:1: SELECT * is not allowed with GROUP BY or aggregates");
  EXPECT_NO_THROW(parseQuery(
      "SELECT ?k (COUNT(*) AS ?c) ((?c + 1) AS ?d) { ?s ?p ?o } GROUP BY (STR(?s) AS ?k)"));
}

TEST(SparqlErrors, BindToAVariableInScope) {
  EXPECT_EQ(semanticError("SELECT * { ?s ?p ?o BIND(1 AS ?o) }"),
            "1:21: BIND: variable ?o is already in scope in this group");
  EXPECT_EQ(semanticError("SELECT * { ?s ?p ?o { ?a ?b ?c BIND(1 AS ?c) } }"),
            "1:32: BIND: variable ?c is already in scope in this group");
  // In a nested group the outer variables are not in scope.
  EXPECT_NO_THROW(parseQuery("SELECT * { ?s ?p ?o { BIND(1 AS ?o) } }"));
}

}  // namespace
}  // namespace bdis::sparql

namespace bdis::sparql {
namespace {

TEST(SparqlErrors, NestingIsBounded) {
  std::string deep =
      "SELECT * { FILTER(" + std::string(5000, '(') + "1" + std::string(5000, ')') + ") }";
  EXPECT_EQ(syntaxError(deep).message.rfind("query nested too deeply", 0), 0u);
  std::string chain = "SELECT * { FILTER(1";
  for (int i = 0; i < 5000; ++i) {
    chain += " || 1";
  }
  EXPECT_EQ(syntaxError(chain + ") }").message.rfind("query nested too deeply", 0), 0u);
  std::string fine =
      "SELECT * { FILTER(" + std::string(100, '(') + "1" + std::string(100, ')') + ") }";
  EXPECT_NO_THROW(parseQuery(fine));
}

TEST(SparqlErrors, GrammarExpectationsNameTheProductionAndTheToken) {
  Failure f = syntaxError("PREFIX ex: ex:x SELECT * {}");
  EXPECT_EQ(f.column, 12u);
  EXPECT_EQ(f.message, "expected an IRI after PREFIX ex:, found 'ex:x'");
  EXPECT_EQ(syntaxError("SELECT * { ?s ?p ?o } ORDER BY").message,
            "expected a variable, ASC, DESC, '(' or a function call after ORDER BY, found end of "
            "input");
  EXPECT_EQ(syntaxError("SELECT * { ?s ?p ?o FILTER(?o NOT IN 1) }").message,
            "expected '(' after IN, found '1'");
  EXPECT_EQ(syntaxError("SELECT * { ?s ?p ?o FILTER <http://f> }").message,
            "expected a function call or '(' after FILTER");
  EXPECT_EQ(syntaxError("INSERT DATA { <a> <b> <c> } DELETE", true).message,
            "expected ';' or end of update, found 'DELETE'");
  // Alternatives that share a first keyword backtrack without leaving anything behind.
  EXPECT_NO_THROW(
      parseUpdate("INSERT { <a> <b> ?o } WHERE { ?s ?p ?o } ; INSERT DATA { <a> <b> 1 }"));
  EXPECT_NO_THROW(
      parseQuery("SELECT * { ?s ?p ?o FILTER(?o NOT IN (1) && NOT EXISTS { ?o ?p ?s }) }"));
}

TEST(SparqlErrors, GroupByAsReusesAVariableInScope) {
  EXPECT_EQ(semanticError("SELECT ?s { ?s ?p ?o } GROUP BY (STR(?o) AS ?s)"),
            "1:33: GROUP BY: variable ?s in (... AS ?s) is already in scope");
}

}  // namespace
}  // namespace bdis::sparql
