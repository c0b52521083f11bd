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
  EXPECT_EQ(run(call("STR", lit("<http://x/y>"))), "\"http://x/y\"");
  EXPECT_EQ(run(call("STR", lit("\"chat\"@fr"))), "\"chat\"");
  EXPECT_EQ(run(call("STR", lit("\"07\"^^xsd:integer"))), "\"07\"");
  EXPECT_EQ(run(call("STR", lit("_:b"))), "error");
  EXPECT_EQ(run(call("LANG", lit("\"chat\"@fr-BE"))), "\"fr-BE\"");
  EXPECT_EQ(run(call("LANG", lit("\"chat\""))), "\"\"");
  EXPECT_EQ(run(call("LANG", lit("<http://x>"))), "error");
  EXPECT_EQ(run(call("DATATYPE", lit("\"chat\""))), "<http://www.w3.org/2001/XMLSchema#string>");
  EXPECT_EQ(run(call("DATATYPE", lit("\"chat\"^^xsd:string"))),
            "<http://www.w3.org/2001/XMLSchema#string>");
  EXPECT_EQ(run(call("DATATYPE", lit("\"chat\"@fr"))),
            "<http://www.w3.org/1999/02/22-rdf-syntax-ns#langString>");
  EXPECT_EQ(run(call("DATATYPE", lit("1"))), "<http://www.w3.org/2001/XMLSchema#integer>");
  EXPECT_EQ(run(call("DATATYPE", lit("\"x\"^^<http://u>"))), "<http://u>");
  EXPECT_EQ(run(call("DATATYPE", lit("<http://x>"))), "error");
}

TEST(ExprTerm, IriResolvesAgainstTheBase) {
  MapRow row;
  EvalContext ctx;
  ctx.baseIri = "http://example.org/dir/doc";
  EXPECT_EQ(run(call("IRI", lit("\"http://a/b\"")), row, ctx), "<http://a/b>");
  EXPECT_EQ(run(call("IRI", lit("\"other\"")), row, ctx), "<http://example.org/dir/other>");
  EXPECT_EQ(run(call("IRI", lit("\"../up#f\"")), row, ctx), "<http://example.org/up#f>");
  EXPECT_EQ(run(call("IRI", lit("<http://a/b>")), row, ctx), "<http://a/b>");
  EXPECT_EQ(run(call("URI", lit("\"x\"^^xsd:string")), row, ctx), "<http://example.org/dir/x>");
  EXPECT_EQ(run(call("IRI", lit("\"a b\"")), row, ctx), "error");
  EXPECT_EQ(run(call("IRI", lit("\"x\"@en")), row, ctx), "error");
  EXPECT_EQ(run(call("IRI", lit("1")), row, ctx), "error");
  EXPECT_EQ(run(call("IRI", lit("_:b")), row, ctx), "error");
}

TEST(ExprTerm, BnodeFreshAndPerSolution) {
  MapRow row;
  EvalContext ctx;
  ctx.bnodeScope = "q1";
  std::string a = run(call("BNODE"), row, ctx), b = run(call("BNODE"), row, ctx);
  EXPECT_NE(a, b);
  EXPECT_EQ(a.substr(0, 4), "_:q1");
  ctx.solutionId = 1;
  std::string s1 = run(call("BNODE", lit("\"foo\"")), row, ctx);
  EXPECT_EQ(s1, run(call("BNODE", lit("\"foo\"")), row, ctx));
  EXPECT_NE(s1, run(call("BNODE", lit("\"BAZ\"")), row, ctx));
  EXPECT_NE(s1, a);
  EXPECT_NE(s1, b);
  ctx.solutionId = 2;
  EXPECT_NE(s1, run(call("BNODE", lit("\"foo\"")), row, ctx));
  EXPECT_EQ(run(call("BNODE", lit("1")), row, ctx), "error");
  EXPECT_EQ(run(call("BNODE", lit("\"foo\"@en")), row, ctx), "error");
}

TEST(ExprTerm, StrdtStrlang) {
  EXPECT_EQ(run(call("STRDT", lit("\"123\""), lit("<http://www.w3.org/2001/XMLSchema#integer>"))),
            "\"123\"^^xsd:integer");
  EXPECT_EQ(run(call("STRDT", lit("\"iiii\""), lit("<http://example/romanNumeral>"))),
            "\"iiii\"^^<http://example/romanNumeral>");
  EXPECT_EQ(run(call("STRDT", lit("\"a\"@en"), lit("<http://u>"))), "error");
  EXPECT_EQ(run(call("STRDT", lit("\"a\""),
                     lit("<http://www.w3.org/1999/02/22-rdf-syntax-ns#langString>"))),
            "error");
  EXPECT_EQ(run(call("STRDT", lit("\"a\""), lit("<http://www.w3.org/2001/XMLSchema#string>"))),
            "\"a\"");
  EXPECT_EQ(run(call("STRDT", lit("\"a\""), lit("\"http://u\""))), "error");
  EXPECT_EQ(run(call("STRLANG", lit("\"chat\""), lit("\"fr\""))), "\"chat\"@fr");
  EXPECT_EQ(run(call("STRLANG", lit("\"chat\"^^xsd:string"), lit("\"en-GB\""))), "\"chat\"@en-GB");
  EXPECT_EQ(run(call("STRLANG", lit("\"chat\"@en"), lit("\"fr\""))), "error");
  EXPECT_EQ(run(call("STRLANG", lit("\"chat\""), lit("\"\""))), "error");
  EXPECT_EQ(run(call("STRLANG", lit("\"chat\""), lit("\"not a tag\""))), "error");
  EXPECT_EQ(run(call("STRLANG", lit("<http://x>"), lit("\"fr\""))), "error");
}

TEST(ExprTerm, TypeTests) {
  EXPECT_EQ(run(call("ISIRI", lit("<http://x>"))), kTrue);
  EXPECT_EQ(run(call("ISURI", lit("\"http://x\""))), kFalse);
  EXPECT_EQ(run(call("ISBLANK", lit("_:b"))), kTrue);
  EXPECT_EQ(run(call("ISBLANK", lit("<http://x>"))), kFalse);
  EXPECT_EQ(run(call("ISLITERAL", lit("\"x\"@en"))), kTrue);
  EXPECT_EQ(run(call("ISLITERAL", lit("_:b"))), kFalse);
  EXPECT_EQ(run(call("ISIRI", var("unbound"))), "error");
}

TEST(ExprTerm, RandomValues) {
  std::regex uuid("<urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}>");
  std::string u1 = run(call("UUID")), u2 = run(call("UUID"));
  EXPECT_TRUE(std::regex_match(u1, uuid)) << u1;
  EXPECT_NE(u1, u2);
  std::regex struuid("\"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\"");
  EXPECT_TRUE(std::regex_match(run(call("STRUUID")), struuid));
  for (int i = 0; i < 20; ++i) {
    MapRow row;
    EvalContext ctx;
    auto r = evaluate(call("RAND"), row, ctx);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->datatype, std::string(kXsdNs) + "double");
    double d = std::stod(r->value);
    EXPECT_GE(d, 0.0);
    EXPECT_LT(d, 1.0);
  }
}

TEST(ExprTerm, BoundIfCoalesce) {
  MapRow row{{"x", term("1")}};
  EvalContext ctx;
  EXPECT_EQ(run(call("BOUND", var("x")), row, ctx), kTrue);
  EXPECT_EQ(run(call("BOUND", var("y")), row, ctx), kFalse);
  EXPECT_EQ(run(call("IF", lit("true"), lit("1"), var("y")), row, ctx), "\"1\"^^xsd:integer");
  EXPECT_EQ(run(call("IF", lit("\"\""), var("y"), lit("2")), row, ctx), "\"2\"^^xsd:integer");
  EXPECT_EQ(run(call("IF", var("y"), lit("1"), lit("2")), row, ctx), "error");
  EXPECT_EQ(run(call("IF", lit("<http://x>"), lit("1"), lit("2")), row, ctx), "error");
  EXPECT_EQ(run(call("IF", lit("false"), lit("1"), var("y")), row, ctx), "error");
  EXPECT_EQ(run(call("COALESCE", var("y"), op(K::Divide, lit("1"), lit("0")), var("x"), lit("3")),
                row, ctx),
            "\"1\"^^xsd:integer");
  EXPECT_EQ(run(call("COALESCE", var("y"), lit("<http://x>")), row, ctx), "<http://x>");
  EXPECT_EQ(run(call("COALESCE", var("y")), row, ctx), "error");
  EXPECT_EQ(run(call("COALESCE"), row, ctx), "error");
}

TEST(ExprTerm, ExistsUsesTheContextCallback) {
  MapRow row{{"x", term("1")}};
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
  MapRow row{{"x", term("\"v\"@en")}};
  EvalContext ctx;
  EXPECT_EQ(run(var("x"), row, ctx), "\"v\"@en");
  EXPECT_EQ(run(var("y"), row, ctx), "error");
  EXPECT_EQ(run(call("NO_SUCH_FUNCTION", lit("1")), row, ctx), "error");
  EXPECT_EQ(run(Expr::call(K::Aggregate, "COUNT", {}), row, ctx), "error");
}

}  // namespace
}  // namespace bdis::sparql::expr
