// The SPARQL parser: the AST it builds (terms, prologue, query forms, updates).
#include <gtest/gtest.h>

#include "rdf/error.h"
#include "sparql/parser/parser.h"

namespace bdis::sparql {
namespace {

const std::string kXsd(rdf::kXsd);

/// The object of the only triple of the first triples block of `q`'s WHERE.
VarOrTerm firstObject(const ast::Query& q, size_t i = 0) {
  return q.where->elements.at(0).triples.at(i).o;
}

TEST(SparqlParser, PrefixedNamesAndRelativeIrisAreResolved) {
  auto q = parseQuery(
      "BASE <http://ex.org/a/b/>\n"
      "PREFIX : <../c#>\n"
      "PREFIX ex: <http://example.org/ns#>\n"
      "SELECT * { <d> :p ex:o , ex: , <#f> , <//h.org/x> }");
  EXPECT_EQ(q.ast.prologue.base, "http://ex.org/a/b/");
  EXPECT_EQ(q.ast.prologue.prefixes.at(""), "http://ex.org/a/c#");
  const auto& t = q.ast.where->elements.at(0).triples;
  ASSERT_EQ(t.size(), 4u);
  EXPECT_EQ(t[0].s.term, rdf::Term::iri("http://ex.org/a/b/d"));
  EXPECT_EQ(t[0].p.term, rdf::Term::iri("http://ex.org/a/c#p"));
  EXPECT_EQ(t[0].o.term, rdf::Term::iri("http://example.org/ns#o"));
  EXPECT_EQ(t[1].o.term, rdf::Term::iri("http://example.org/ns#"));
  EXPECT_EQ(t[2].o.term, rdf::Term::iri("http://ex.org/a/b/#f"));
  EXPECT_EQ(t[3].o.term, rdf::Term::iri("http://h.org/x"));
}

TEST(SparqlParser, BaseIriArgumentResolvesBeforeAnyBase) {
  auto q = parseQuery("SELECT * { <x> ?p ?o }", "http://base.org/dir/file");
  EXPECT_EQ(q.ast.where->elements[0].triples[0].s.term, rdf::Term::iri("http://base.org/dir/x"));
}

TEST(SparqlParser, NumericLiteralsKeepTheirLexicalForm) {
  auto q = parseQuery("SELECT * { ?s ?p 42 , -7 , +3 , 1.50 , .5 , 1e3 , -2.5E-2 , true , false }");
  const std::vector<std::pair<std::string, std::string>> want = {
      {"42", "integer"},     {"-7", "integer"},   {"+3", "integer"},
      {"1.50", "decimal"},   {".5", "decimal"},   {"1e3", "double"},
      {"-2.5E-2", "double"}, {"true", "boolean"}, {"false", "boolean"}};
  for (size_t i = 0; i < want.size(); ++i) {
    EXPECT_EQ(firstObject(q.ast, i).term, rdf::Term::literal(want[i].first, kXsd + want[i].second))
        << i;
  }
}

TEST(SparqlParser, StringLiteralsEscapesLanguageTagsAndDatatypes) {
  auto q = parseQuery(
      "PREFIX x: <http://x/>\n"
      "SELECT * { ?s ?p 'a\\tb\\'c' , \"q\\\"\\n\"@en-GB , '''l\n'l''' , \"\"\"d\"e\"\"\" , "
      "\"5\"^^x:t , \"caf\\u00E9\" }");
  EXPECT_EQ(firstObject(q.ast, 0).term, rdf::Term::literal("a\tb'c"));
  EXPECT_EQ(firstObject(q.ast, 1).term, rdf::Term::literal("q\"\n", "", "en-GB"));
  EXPECT_EQ(firstObject(q.ast, 2).term, rdf::Term::literal("l\n'l"));
  EXPECT_EQ(firstObject(q.ast, 3).term, rdf::Term::literal("d\"e"));
  EXPECT_EQ(firstObject(q.ast, 4).term, rdf::Term::literal("5", "http://x/t"));
  EXPECT_EQ(firstObject(q.ast, 5).term, rdf::Term::literal("caf\xC3\xA9"));
}

TEST(SparqlParser, CodepointEscapesApplyToTheWholeQueryText) {
  auto q = parseQuery("SELECT * { ?s <http://x/\\u00E9> ?\\u006F }");
  const auto& t = q.ast.where->elements[0].triples[0];
  EXPECT_EQ(t.p.term, rdf::Term::iri("http://x/\xC3\xA9"));
  EXPECT_EQ(t.o.var, "o");
}

TEST(SparqlParser, TurtleAbbreviations) {
  auto q = parseQuery(
      "PREFIX : <http://e/>\n"
      "SELECT * { ?s a :C ; :p 1 , 2 ; :q [ :r ?x ] ; :l ( 1 ?y ) . [] :z () }");
  const auto& t = q.ast.where->elements[0].triples;
  // a, p 1, p 2, [ r x ], q [], 4 list triples, l list, [] z nil
  ASSERT_EQ(t.size(), 11u);
  EXPECT_EQ(t[0].p.term, rdf::Term::iri(std::string(rdf::kRdf) + "type"));
  EXPECT_EQ(t[3].p.term, rdf::Term::iri("http://e/r"));
  EXPECT_TRUE(t[3].s.term.isBlank());
  EXPECT_EQ(t[4].o.term, t[3].s.term);
  EXPECT_EQ(t[5].p.term, rdf::Term::iri(std::string(rdf::kRdf) + "first"));
  EXPECT_EQ(t[8].o.term, rdf::Term::iri(std::string(rdf::kRdf) + "nil"));
  EXPECT_EQ(t[9].o.term, t[5].s.term);
  EXPECT_EQ(t[10].o.term, rdf::Term::iri(std::string(rdf::kRdf) + "nil"));
}

TEST(SparqlParser, SelectClauseForms) {
  auto q = parseQuery("SELECT DISTINCT ?a (STR(?b) AS ?c) ?d { ?a ?b ?d }");
  EXPECT_TRUE(q.ast.select.distinct);
  ASSERT_EQ(q.ast.select.items.size(), 3u);
  EXPECT_EQ(q.ast.select.items[1].var, "c");
  ASSERT_TRUE(q.ast.select.items[1].expr);
  EXPECT_EQ(q.ast.select.items[1].expr->kind, Expr::Kind::Builtin);
  EXPECT_EQ(q.ast.select.items[1].expr->name, "STR");
  EXPECT_TRUE(parseQuery("SELECT REDUCED * {}").ast.select.reduced);
}

TEST(SparqlParser, DatasetAndModifiers) {
  auto q = parseQuery(
      "SELECT ?s FROM <http://g1> FROM NAMED <http://g2> WHERE { ?s ?p ?o } "
      "ORDER BY DESC(?s) ?p OFFSET 3 LIMIT 7 VALUES ?s { <http://a> UNDEF }");
  EXPECT_EQ(q.ast.from.size(), 1u);
  EXPECT_EQ(q.ast.fromNamed.at(0), rdf::Term::iri("http://g2"));
  ASSERT_EQ(q.ast.orderBy.size(), 2u);
  EXPECT_TRUE(q.ast.orderBy[0].descending);
  EXPECT_EQ(q.ast.limit, 7u);
  EXPECT_EQ(q.ast.offset, 3u);
  ASSERT_TRUE(q.ast.values);
  EXPECT_TRUE(q.ast.values->rows.at(1).at(0).isNone());
}

TEST(SparqlParser, ConstructTemplateKeepsBlankNodes) {
  auto q = parseQuery("CONSTRUCT { ?s <http://p> _:b , [] } WHERE { ?s ?p ?o }");
  EXPECT_EQ(q.ast.form, ast::QueryForm::Construct);
  ASSERT_EQ(q.ast.constructTemplate.size(), 2u);
  EXPECT_EQ(q.ast.constructTemplate[0].o.term, rdf::Term::blank("b"));
  EXPECT_TRUE(q.ast.constructTemplate[1].o.term.isBlank());

  auto w = parseQuery("CONSTRUCT WHERE { ?s <http://p> ?o }");
  EXPECT_TRUE(w.ast.constructWhere);
  EXPECT_EQ(w.ast.constructTemplate.size(), 1u);
}

TEST(SparqlParser, AskAndDescribe) {
  EXPECT_EQ(parseQuery("ASK { ?s ?p ?o }").ast.form, ast::QueryForm::Ask);
  auto d = parseQuery("DESCRIBE <http://x> ?y");
  EXPECT_EQ(d.ast.form, ast::QueryForm::Describe);
  EXPECT_EQ(d.ast.describe.size(), 2u);
  EXPECT_EQ(d.ast.where, nullptr);
  EXPECT_TRUE(parseQuery("DESCRIBE * WHERE { ?s ?p ?o }").ast.describeStar);
}

TEST(SparqlParser, ExtensionFunctionsAreIriCalls) {
  auto q = parseQuery(
      "PREFIX geof: <http://www.opengis.net/def/function/geosparql/>\n"
      "SELECT * { ?a ?p ?b FILTER(geof:distance(?a, ?b, <http://u/metre>) < 5) }");
  const Expr& f = q.ast.where->elements.at(1).expr;
  ASSERT_EQ(f.kind, Expr::Kind::Less);
  EXPECT_EQ(f.args[0].kind, Expr::Kind::Function);
  EXPECT_EQ(f.args[0].name, "http://www.opengis.net/def/function/geosparql/distance");
  EXPECT_EQ(f.args[0].args.size(), 3u);
}

TEST(SparqlParser, UpdateOperations) {
  auto u = parseUpdate(
      "PREFIX : <http://e/>\n"
      "INSERT DATA { :a :b 1 GRAPH :g { :c :d _:x } } ;\n"
      "DELETE DATA { :a :b 1 } ;\n"
      "DELETE WHERE { ?s :p ?o } ;\n"
      "WITH :g DELETE { ?s :p ?o } INSERT { ?s :q [] } USING :u USING NAMED :n WHERE { ?s :p ?o } "
      ";\n"
      "LOAD SILENT <http://doc> INTO GRAPH :g ;\n"
      "CLEAR NAMED ; DROP SILENT GRAPH :g ; CREATE GRAPH :h ;\n"
      "ADD DEFAULT TO :g ; MOVE GRAPH :g TO DEFAULT ; COPY SILENT :a TO :b ;");
  using K = ast::UpdateOperation::Kind;
  const auto& ops = u.ast.operations;
  ASSERT_EQ(ops.size(), 11u);
  EXPECT_EQ(ops[0].kind, K::InsertData);
  ASSERT_EQ(ops[0].insertQuads.size(), 2u);
  EXPECT_EQ(ops[0].insertQuads[1].g.term, rdf::Term::iri("http://e/g"));
  EXPECT_EQ(ops[1].kind, K::DeleteData);
  EXPECT_EQ(ops[2].kind, K::DeleteWhere);
  EXPECT_EQ(ops[3].kind, K::Modify);
  EXPECT_EQ(ops[3].with, "http://e/g");
  EXPECT_EQ(ops[3].usingClauses.size(), 2u);
  EXPECT_TRUE(ops[3].usingClauses[1].named);
  EXPECT_TRUE(ops[3].insertQuads.at(0).o.term.isBlank());
  EXPECT_EQ(ops[4].kind, K::Load);
  EXPECT_TRUE(ops[4].silent);
  EXPECT_EQ(ops[4].into, "http://e/g");
  EXPECT_EQ(ops[5].target.kind, ast::GraphRef::Kind::Named);
  EXPECT_EQ(ops[6].kind, K::Drop);
  EXPECT_EQ(ops[7].kind, K::Create);
  EXPECT_EQ(ops[8].kind, K::Add);
  EXPECT_EQ(ops[8].from.kind, ast::GraphRef::Kind::Default);
  EXPECT_EQ(ops[9].kind, K::Move);
  EXPECT_EQ(ops[9].target.kind, ast::GraphRef::Kind::Default);
  EXPECT_EQ(ops[10].kind, K::Copy);
  ASSERT_EQ(u.where.size(), 11u);
  EXPECT_NE(u.where[2], nullptr);
  EXPECT_NE(u.where[3], nullptr);
  EXPECT_EQ(u.where[0], nullptr);
}

TEST(SparqlParser, EmptyUpdateIsValid) {
  EXPECT_TRUE(parseUpdate("").ast.operations.empty());
  EXPECT_TRUE(parseUpdate("PREFIX : <http://e/>").ast.operations.empty());
}

}  // namespace
}  // namespace bdis::sparql
