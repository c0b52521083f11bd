// The X3 grammar on its own: the syntax tree it builds (flat operator chains,
// tokens as written with their offsets) and alternatives that backtrack.
#include <gtest/gtest.h>

#include "rdf/error.h"
#include "sparql/parser/grammar/grammar.h"

namespace bdis::sparql::parser {
namespace {

using SK = syntax::Expression::Kind;

syntax::Query parse(const std::string& text) {
  Source src(text);
  return grammar::parseQuerySyntax(src, tokenize(src));
}

syntax::Update parseUpdateText(const std::string& text) {
  Source src(text);
  return grammar::parseUpdateSyntax(src, tokenize(src));
}

/// The expression of the first FILTER of the WHERE clause.
syntax::Expression filterOf(const syntax::Query& q) {
  for (const auto& e : q.where.at(0).elements) {
    if (e.kind == ast::PatternElement::Kind::Filter) {
      return e.expr;
    }
  }
  ADD_FAILURE() << "no FILTER";
  return {};
}

TEST(SparqlGrammar, OperatorChainsStayFlat) {
  syntax::Expression e = filterOf(parse("SELECT * { FILTER(?a + ?b -1 * ?c - 2) }"));
  ASSERT_EQ(e.kind, SK::Additive);
  ASSERT_EQ(e.args.size(), 4u);
  EXPECT_EQ(e.ops, (std::vector<std::string>{"+", "-", "-"}));
  // `-1 * ?c`: the sign of the number is the operator (rule 116).
  EXPECT_EQ(e.args[2].kind, SK::Multiplicative);
  EXPECT_EQ(e.args[2].args[0].term.token.text, "1");
  EXPECT_EQ(e.args[3].term.token.text, "2");

  e = filterOf(parse("SELECT * { FILTER((?a || ?b) || ?c && ?d) }"));
  ASSERT_EQ(e.kind, SK::Or);
  ASSERT_EQ(e.args.size(), 2u);
  EXPECT_TRUE(e.args[0].bracketed);
  EXPECT_EQ(e.args[0].kind, SK::Or);
  EXPECT_EQ(e.args[1].kind, SK::And);
}

TEST(SparqlGrammar, LeavesAreTokensAsWrittenWithOffsets) {
  syntax::Query q = parse("PREFIX ex: <x/>\nSELECT ?s { ?s ex:p \"v\"@en }");
  ASSERT_EQ(q.prologue.size(), 1u);
  EXPECT_EQ(q.prologue[0].name.text, "ex");
  EXPECT_EQ(q.prologue[0].iri.text, "x/");
  const auto& triple = q.where.at(0).elements.at(0).triples.at(0);
  EXPECT_EQ(triple.subject.term.token.offset, 28u);
  const auto& item = triple.properties.at(0);
  EXPECT_EQ(item.verb.path.at(0).args.at(0).args.at(0).args.at(0).iri.local, "p");
  EXPECT_EQ(item.objects.at(0).term.suffix.text, "en");
}

TEST(SparqlGrammar, AlternativesBacktrackCleanly) {
  syntax::Update u = parseUpdateText(
      "INSERT { <a> <b> ?o } WHERE { ?s ?p ?o } ; INSERT DATA { <a> <b> 1 } ;"
      "DELETE WHERE { ?s ?p ?o } ; DELETE { ?s ?p ?o } INSERT { ?s ?p 2 } WHERE { ?s ?p ?o }");
  ASSERT_EQ(u.steps.size(), 4u);
  using OK = ast::UpdateOperation::Kind;
  EXPECT_EQ(u.steps[0].operation.at(0).kind, OK::Modify);
  EXPECT_FALSE(u.steps[0].operation[0].hasDelete);
  EXPECT_EQ(u.steps[1].operation.at(0).kind, OK::InsertData);
  EXPECT_EQ(u.steps[2].operation.at(0).kind, OK::DeleteWhere);
  EXPECT_TRUE(u.steps[3].operation.at(0).hasDelete);
  EXPECT_TRUE(u.steps[3].operation[0].hasInsert);

  syntax::Expression e =
      filterOf(parse("SELECT * { FILTER(?o NOT IN (1, 2) && NOT EXISTS { ?o ?p ?s }) }"));
  ASSERT_EQ(e.kind, SK::And);
  EXPECT_EQ(e.args[0].kind, SK::In);
  EXPECT_TRUE(e.args[0].negated);
  EXPECT_EQ(e.args[0].args.size(), 3u);
  EXPECT_EQ(e.args[1].kind, SK::Exists);
  EXPECT_TRUE(e.args[1].negated);
}

TEST(SparqlGrammar, ExpectationFailureNamesLineColumnExpectedAndFound) {
  try {
    parse("SELECT *\n{ ?s ?p ?o FILTER(?o > ) }");
    FAIL() << "no SyntaxError";
  } catch (const SyntaxError& e) {
    EXPECT_EQ(e.line(), 2u);
    EXPECT_EQ(e.column(), 24u);
    EXPECT_EQ(e.message(), "expected an expression, found ')'");
  }
}

}  // namespace
}  // namespace bdis::sparql::parser
