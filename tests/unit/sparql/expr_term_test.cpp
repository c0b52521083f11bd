// Functions on terms (STR, LANG, DATATYPE, IRI, BNODE, STRDT, STRLANG, is*, UUID,
// STRUUID, RAND) and the special forms (BOUND, IF, COALESCE, EXISTS, NOT EXISTS).

#include <gtest/gtest.h>

#include <regex>

#include "sparql/algebra/table.h"
#include "tests/unit/sparql/expr_test_util.h"

namespace bdis::sparql::expr {
namespace {

using namespace test;
using K = Expr::Kind;

const std::string kTrue = "\"true\"^^xsd:boolean";
const std::string kFalse = "\"false\"^^xsd:boolean";

TEST(ExprTerm, StrLangDatatype) {
  EXPECT_EQ(run(B("STR", C("<http://x/y>"))), "\"http://x/y\"");
  EXPECT_EQ(run(B("STR", C("\"chat\"@fr"))), "\"chat\"");
  EXPECT_EQ(run(B("STR", C("\"07\"^^xsd:integer"))), "\"07\"");
  EXPECT_EQ(run(B("STR", C("_:b"))), "error");
  EXPECT_EQ(run(B("LANG", C("\"chat\"@fr-BE"))), "\"fr-BE\"");
  EXPECT_EQ(run(B("LANG", C("\"chat\""))), "\"\"");
  EXPECT_EQ(run(B("LANG", C("<http://x>"))), "error");
  EXPECT_EQ(run(B("DATATYPE", C("\"chat\""))), "<http://www.w3.org/2001/XMLSchema#string>");
  EXPECT_EQ(run(B("DATATYPE", C("\"chat\"^^xsd:string"))), "<http://www.w3.org/2001/XMLSchema#string>");
  EXPECT_EQ(run(B("DATATYPE", C("\"chat\"@fr"))),
            "<http://www.w3.org/1999/02/22-rdf-syntax-ns#langString>");
  EXPECT_EQ(run(B("DATATYPE", C("1"))), "<http://www.w3.org/2001/XMLSchema#integer>");
  EXPECT_EQ(run(B("DATATYPE", C("\"x\"^^<http://u>"))), "<http://u>");
  EXPECT_EQ(run(B("DATATYPE", C("<http://x>"))), "error");
}

TEST(ExprTerm, IriResolvesAgainstTheBase) {
  MapRow row;
  EvalContext ctx;
  ctx.baseIri = "http://example.org/dir/doc";
  EXPECT_EQ(run(B("IRI", C("\"http://a/b\"")), row, ctx), "<http://a/b>");
  EXPECT_EQ(run(B("IRI", C("\"other\"")), row, ctx), "<http://example.org/dir/other>");
  EXPECT_EQ(run(B("IRI", C("\"../up#f\"")), row, ctx), "<http://example.org/up#f>");
  EXPECT_EQ(run(B("IRI", C("<http://a/b>")), row, ctx), "<http://a/b>");
  EXPECT_EQ(run(B("URI", C("\"x\"^^xsd:string")), row, ctx), "<http://example.org/dir/x>");
  EXPECT_EQ(run(B("IRI", C("\"a b\"")), row, ctx), "error");
  EXPECT_EQ(run(B("IRI", C("\"x\"@en")), row, ctx), "error");
  EXPECT_EQ(run(B("IRI", C("1")), row, ctx), "error");
  EXPECT_EQ(run(B("IRI", C("_:b")), row, ctx), "error");
}

TEST(ExprTerm, BnodeFreshAndPerSolution) {
  MapRow row;
  EvalContext ctx;
  ctx.bnodeScope = "q1";
  std::string a = run(B("BNODE"), row, ctx), b = run(B("BNODE"), row, ctx);
  EXPECT_NE(a, b);
  EXPECT_EQ(a.substr(0, 4), "_:q1");
  ctx.solutionId = 1;
  std::string s1 = run(B("BNODE", C("\"foo\"")), row, ctx);
  EXPECT_EQ(s1, run(B("BNODE", C("\"foo\"")), row, ctx));
  EXPECT_NE(s1, run(B("BNODE", C("\"BAZ\"")), row, ctx));
  EXPECT_NE(s1, a);
  EXPECT_NE(s1, b);
  ctx.solutionId = 2;
  EXPECT_NE(s1, run(B("BNODE", C("\"foo\"")), row, ctx));
  EXPECT_EQ(run(B("BNODE", C("1")), row, ctx), "error");
  EXPECT_EQ(run(B("BNODE", C("\"foo\"@en")), row, ctx), "error");
}

TEST(ExprTerm, StrdtStrlang) {
  EXPECT_EQ(run(B("STRDT", C("\"123\""), C("<http://www.w3.org/2001/XMLSchema#integer>"))),
            "\"123\"^^xsd:integer");
  EXPECT_EQ(run(B("STRDT", C("\"iiii\""), C("<http://example/romanNumeral>"))),
            "\"iiii\"^^<http://example/romanNumeral>");
  EXPECT_EQ(run(B("STRDT", C("\"a\"@en"), C("<http://u>"))), "error");
  EXPECT_EQ(run(B("STRDT", C("\"a\""), C("\"http://u\""))), "error");
  EXPECT_EQ(run(B("STRLANG", C("\"chat\""), C("\"fr\""))), "\"chat\"@fr");
  EXPECT_EQ(run(B("STRLANG", C("\"chat\"^^xsd:string"), C("\"en-GB\""))), "\"chat\"@en-GB");
  EXPECT_EQ(run(B("STRLANG", C("\"chat\"@en"), C("\"fr\""))), "error");
  EXPECT_EQ(run(B("STRLANG", C("\"chat\""), C("\"\""))), "error");
  EXPECT_EQ(run(B("STRLANG", C("\"chat\""), C("\"not a tag\""))), "error");
  EXPECT_EQ(run(B("STRLANG", C("<http://x>"), C("\"fr\""))), "error");
}

TEST(ExprTerm, TypeTests) {
  EXPECT_EQ(run(B("ISIRI", C("<http://x>"))), kTrue);
  EXPECT_EQ(run(B("ISURI", C("\"http://x\""))), kFalse);
  EXPECT_EQ(run(B("ISBLANK", C("_:b"))), kTrue);
  EXPECT_EQ(run(B("ISBLANK", C("<http://x>"))), kFalse);
  EXPECT_EQ(run(B("ISLITERAL", C("\"x\"@en"))), kTrue);
  EXPECT_EQ(run(B("ISLITERAL", C("_:b"))), kFalse);
  EXPECT_EQ(run(B("ISIRI", V("unbound"))), "error");
}

TEST(ExprTerm, RandomValues) {
  std::regex uuid("<urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}>");
  std::string u1 = run(B("UUID")), u2 = run(B("UUID"));
  EXPECT_TRUE(std::regex_match(u1, uuid)) << u1;
  EXPECT_NE(u1, u2);
  std::regex struuid("\"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\"");
  EXPECT_TRUE(std::regex_match(run(B("STRUUID")), struuid));
  for (int i = 0; i < 20; ++i) {
    MapRow row;
    EvalContext ctx;
    auto r = evaluate(B("RAND"), row, ctx);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->datatype, std::string(kXsdNs) + "double");
    double d = std::stod(r->value);
    EXPECT_GE(d, 0.0);
    EXPECT_LT(d, 1.0);
  }
}

TEST(ExprTerm, BoundIfCoalesce) {
  MapRow row{{"x", T("1")}};
  EvalContext ctx;
  EXPECT_EQ(run(B("BOUND", V("x")), row, ctx), kTrue);
  EXPECT_EQ(run(B("BOUND", V("y")), row, ctx), kFalse);
  EXPECT_EQ(run(B("IF", C("true"), C("1"), V("y")), row, ctx), "\"1\"^^xsd:integer");
  EXPECT_EQ(run(B("IF", C("\"\""), V("y"), C("2")), row, ctx), "\"2\"^^xsd:integer");
  EXPECT_EQ(run(B("IF", V("y"), C("1"), C("2")), row, ctx), "error");
  EXPECT_EQ(run(B("IF", C("<http://x>"), C("1"), C("2")), row, ctx), "error");
  EXPECT_EQ(run(B("IF", C("false"), C("1"), V("y")), row, ctx), "error");
  EXPECT_EQ(run(B("COALESCE", V("y"), O(K::Divide, C("1"), C("0")), V("x"), C("3")), row, ctx),
            "\"1\"^^xsd:integer");
  EXPECT_EQ(run(B("COALESCE", V("y"), C("<http://x>")), row, ctx), "<http://x>");
  EXPECT_EQ(run(B("COALESCE", V("y")), row, ctx), "error");
  EXPECT_EQ(run(B("COALESCE"), row, ctx), "error");
}

TEST(ExprTerm, ExistsUsesTheContextCallback) {
  MapRow row{{"x", T("1")}};
  EvalContext ctx;
  Expr exists = Expr::call(K::Exists, {}, {});
  exists.op = std::make_unique<algebra::Table>();
  Expr notExists = Expr::call(K::NotExists, {}, {});
  notExists.op = std::make_unique<algebra::Table>();
  EXPECT_EQ(run(exists, row, ctx), "error");  // no executor callback
  int calls = 0;
  ctx.exists = [&calls](const algebra::Op& op, const Row& r) {
    ++calls;
    return op.kind == algebra::OpKind::Table && r.get("x") != nullptr;
  };
  EXPECT_EQ(run(exists, row, ctx), kTrue);
  EXPECT_EQ(run(notExists, row, ctx), kFalse);
  MapRow empty;
  EXPECT_EQ(run(exists, empty, ctx), kFalse);
  EXPECT_EQ(run(notExists, empty, ctx), kTrue);
  EXPECT_EQ(calls, 4);
}

TEST(ExprTerm, VariablesAndUnknownBuiltins) {
  MapRow row{{"x", T("\"v\"@en")}};
  EvalContext ctx;
  EXPECT_EQ(run(V("x"), row, ctx), "\"v\"@en");
  EXPECT_EQ(run(V("y"), row, ctx), "error");
  EXPECT_EQ(run(B("NO_SUCH_FUNCTION", C("1")), row, ctx), "error");
  EXPECT_EQ(run(Expr::call(K::Aggregate, "COUNT", {}), row, ctx), "error");
}

}  // namespace
}  // namespace bdis::sparql::expr
