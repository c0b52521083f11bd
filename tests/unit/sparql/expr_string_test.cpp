// String functions on Unicode code points, argument compatibility and the
// language tags of results, LANGMATCHES, REGEX/REPLACE with XPath flags, hashes.

#include <gtest/gtest.h>

#include "tests/unit/sparql/expr_test_util.h"

namespace bdis::sparql::expr {
namespace {

using namespace test;

const std::string kTrue = "\"true\"^^xsd:boolean";
const std::string kFalse = "\"false\"^^xsd:boolean";

TEST(ExprString, Strlen) {
  EXPECT_EQ(run(B("STRLEN", C("\"chat\""))), "\"4\"^^xsd:integer");
  EXPECT_EQ(run(B("STRLEN", C("\"chat\"@en"))), "\"4\"^^xsd:integer");
  EXPECT_EQ(run(B("STRLEN", C("\"食べ物\""))), "\"3\"^^xsd:integer");
  EXPECT_EQ(run(B("STRLEN", C("\"\xF0\x90\x80\x80" "ab\""))), "\"3\"^^xsd:integer");
  EXPECT_EQ(run(B("STRLEN", C("\"\""))), "\"0\"^^xsd:integer");
  EXPECT_EQ(run(B("STRLEN", C("12"))), "error");
  EXPECT_EQ(run(B("STRLEN", C("<http://x>"))), "error");
}

TEST(ExprString, Substr) {
  EXPECT_EQ(run(B("SUBSTR", C("\"foobar\""), C("4"))), "\"bar\"");
  EXPECT_EQ(run(B("SUBSTR", C("\"foobar\"@en"), C("4"), C("1"))), "\"b\"@en");
  EXPECT_EQ(run(B("SUBSTR", C("\"foobar\"^^xsd:string"), C("4"), C("1"))), "\"b\"");
  // XPath fn:substring edge cases.
  EXPECT_EQ(run(B("SUBSTR", C("\"12345\""), C("1.5"), C("2.6"))), "\"234\"");
  EXPECT_EQ(run(B("SUBSTR", C("\"12345\""), C("0"), C("3"))), "\"12\"");
  EXPECT_EQ(run(B("SUBSTR", C("\"12345\""), C("5"), C("-3"))), "\"\"");
  EXPECT_EQ(run(B("SUBSTR", C("\"12345\""), C("-3"), C("5"))), "\"1\"");
  EXPECT_EQ(run(B("SUBSTR", C("\"12345\""), C("\"NaN\"^^xsd:double"), C("3"))), "\"\"");
  EXPECT_EQ(run(B("SUBSTR", C("\"12345\""), C("-42"), C("\"INF\"^^xsd:double"))), "\"12345\"");
  EXPECT_EQ(run(B("SUBSTR", C("\"12345\""), C("10"))), "\"\"");
  // Code points, not bytes or UTF-16 units.
  EXPECT_EQ(run(B("SUBSTR", C("\"食べ物\""), C("2"), C("1"))), "\"べ\"");
  EXPECT_EQ(run(B("SUBSTR", C("\"\xF0\x90\x80\x80" "ab\""), C("1"), C("2"))),
            "\"\xF0\x90\x80\x80" "a\"");
  EXPECT_EQ(run(B("SUBSTR", C("\"foobar\""), C("\"4\""))), "error");
  EXPECT_EQ(run(B("SUBSTR", C("<http://x>"), C("1"))), "error");
}

TEST(ExprString, CaseMapping) {
  EXPECT_EQ(run(B("UCASE", C("\"foo\""))), "\"FOO\"");
  EXPECT_EQ(run(B("UCASE", C("\"foo\"@en"))), "\"FOO\"@en");
  EXPECT_EQ(run(B("LCASE", C("\"BAR\"^^xsd:string"))), "\"bar\"");
  EXPECT_EQ(run(B("UCASE", C("\"straße\""))), "\"STRASSE\"");
  EXPECT_EQ(run(B("LCASE", C("\"ÀÉÎ\""))), "\"àéî\"");
  EXPECT_EQ(run(B("UCASE", C("\"français\"@fr"))), "\"FRANÇAIS\"@fr");
  EXPECT_EQ(run(B("UCASE", C("1"))), "error");
}

TEST(ExprString, EncodeForUri) {
  EXPECT_EQ(run(B("ENCODE_FOR_URI", C("\"Los Angeles\""))), "\"Los%20Angeles\"");
  EXPECT_EQ(run(B("ENCODE_FOR_URI", C("\"Los Angeles\"@en"))), "\"Los%20Angeles\"");
  EXPECT_EQ(run(B("ENCODE_FOR_URI", C("\"100%\""))), "\"100%25\"");
  EXPECT_EQ(run(B("ENCODE_FOR_URI", C("\"食べ物\""))), "\"%E9%A3%9F%E3%81%B9%E7%89%A9\"");
  EXPECT_EQ(run(B("ENCODE_FOR_URI", C("\"a-b_c.d~e/f?\""))), "\"a-b_c.d~e%2Ff%3F\"");
}

TEST(ExprString, ContainsStartsEnds) {
  EXPECT_EQ(run(B("CONTAINS", C("\"foobar\""), C("\"bar\""))), kTrue);
  EXPECT_EQ(run(B("CONTAINS", C("\"foobar\"@en"), C("\"oba\"@en"))), kTrue);
  EXPECT_EQ(run(B("CONTAINS", C("\"foobar\"@en"), C("\"oba\""))), kTrue);
  EXPECT_EQ(run(B("CONTAINS", C("\"foobar\""), C("\"oba\"@en"))), "error");
  EXPECT_EQ(run(B("CONTAINS", C("\"foobar\"@en"), C("\"foo\"@fr"))), "error");
  EXPECT_EQ(run(B("CONTAINS", C("\"foobar\""), C("\"\""))), kTrue);
  EXPECT_EQ(run(B("CONTAINS", C("\"foobar\""), C("\"baz\""))), kFalse);
  EXPECT_EQ(run(B("STRSTARTS", C("\"foobar\"^^xsd:string"), C("\"foo\""))), kTrue);
  EXPECT_EQ(run(B("STRSTARTS", C("\"foobar\""), C("\"bar\""))), kFalse);
  EXPECT_EQ(run(B("STRENDS", C("\"foobar\"@en"), C("\"bar\""))), kTrue);
  EXPECT_EQ(run(B("STRENDS", C("\"r\""), C("\"bar\""))), kFalse);
  EXPECT_EQ(run(B("STRSTARTS", C("1"), C("\"1\""))), "error");
}

TEST(ExprString, StrBeforeAfter) {
  EXPECT_EQ(run(B("STRBEFORE", C("\"abc\""), C("\"b\""))), "\"a\"");
  EXPECT_EQ(run(B("STRBEFORE", C("\"abc\"@en"), C("\"bc\""))), "\"a\"@en");
  EXPECT_EQ(run(B("STRBEFORE", C("\"abc\"@en"), C("\"b\"@cy"))), "error");
  EXPECT_EQ(run(B("STRBEFORE", C("\"abc\"^^xsd:string"), C("\"\""))), "\"\"");
  EXPECT_EQ(run(B("STRBEFORE", C("\"abc\""), C("\"xyz\""))), "\"\"");
  EXPECT_EQ(run(B("STRBEFORE", C("\"abc\"@en"), C("\"z\"@en"))), "\"\"");
  EXPECT_EQ(run(B("STRBEFORE", C("\"abc\"@en"), C("\"\"@en"))), "\"\"@en");
  EXPECT_EQ(run(B("STRBEFORE", C("\"abc\"@en"), C("\"\""))), "\"\"@en");
  EXPECT_EQ(run(B("STRAFTER", C("\"abc\""), C("\"b\""))), "\"c\"");
  EXPECT_EQ(run(B("STRAFTER", C("\"abc\"@en"), C("\"ab\""))), "\"c\"@en");
  EXPECT_EQ(run(B("STRAFTER", C("\"abc\"@en"), C("\"\""))), "\"abc\"@en");
  EXPECT_EQ(run(B("STRAFTER", C("\"abc\""), C("\"xyz\""))), "\"\"");
  EXPECT_EQ(run(B("STRAFTER", C("\"食べ物\""), C("\"べ\""))), "\"物\"");
}

TEST(ExprString, Concat) {
  EXPECT_EQ(run(B("CONCAT", C("\"foo\""), C("\"bar\""))), "\"foobar\"");
  EXPECT_EQ(run(B("CONCAT", C("\"foo\"@en"), C("\"bar\"@en"))), "\"foobar\"@en");
  EXPECT_EQ(run(B("CONCAT", C("\"foo\"^^xsd:string"), C("\"bar\"^^xsd:string"))), "\"foobar\"");
  EXPECT_EQ(run(B("CONCAT", C("\"foo\""), C("\"bar\"^^xsd:string"))), "\"foobar\"");
  EXPECT_EQ(run(B("CONCAT", C("\"foo\"@en"), C("\"bar\""))), "\"foobar\"");
  EXPECT_EQ(run(B("CONCAT", C("\"foo\"@en"), C("\"bar\"@fr"))), "\"foobar\"");
  EXPECT_EQ(run(B("CONCAT", C("\"foo\"@en"))), "\"foo\"@en");
  EXPECT_EQ(run(B("CONCAT")), "\"\"");
  EXPECT_EQ(run(B("CONCAT", C("\"foo\""), C("1"))), "error");
  EXPECT_EQ(run(B("CONCAT", C("\"foo\""), V("unbound"))), "error");
}

TEST(ExprString, LangMatches) {
  auto lm = [](std::string_view tag, std::string_view range) {
    return run(B("LANGMATCHES", C("\"" + std::string(tag) + "\""), C("\"" + std::string(range) + "\"")));
  };
  EXPECT_EQ(lm("fr", "fr"), kTrue);
  EXPECT_EQ(lm("fr-BE", "fr"), kTrue);
  EXPECT_EQ(lm("fr", "FR"), kTrue);
  EXPECT_EQ(lm("fr", "fr-BE"), kFalse);
  EXPECT_EQ(lm("french", "fr"), kFalse);
  EXPECT_EQ(lm("en", "fr"), kFalse);
  EXPECT_EQ(lm("en-US", "*"), kTrue);
  EXPECT_EQ(lm("", "*"), kFalse);
  EXPECT_EQ(lm("", "en"), kFalse);
  EXPECT_EQ(run(B("LANGMATCHES", B("LANG", C("\"chat\"@fr")), C("\"FR\""))), kTrue);
  EXPECT_EQ(run(B("LANGMATCHES", C("\"fr\"@en"), C("\"fr\""))), "error");
}

TEST(ExprRegex, Flags) {
  EXPECT_EQ(run(B("REGEX", C("\"Alice\""), C("\"^ali\""), C("\"i\""))), kTrue);
  EXPECT_EQ(run(B("REGEX", C("\"Alice\""), C("\"^ali\""))), kFalse);
  EXPECT_EQ(run(B("REGEX", C("\"abc\""), C("\"b\""))), kTrue);
  EXPECT_EQ(run(B("REGEX", C("\"a\nb\""), C("\"a.b\""))), kFalse);
  EXPECT_EQ(run(B("REGEX", C("\"a\nb\""), C("\"a.b\""), C("\"s\""))), kTrue);
  EXPECT_EQ(run(B("REGEX", C("\"a\nb\""), C("\"^b$\""))), kFalse);
  EXPECT_EQ(run(B("REGEX", C("\"a\nb\""), C("\"^b$\""), C("\"m\""))), kTrue);
  EXPECT_EQ(run(B("REGEX", C("\"helloworld\""), C("\"hello world\""), C("\"x\""))), kTrue);
  EXPECT_EQ(run(B("REGEX", C("\"hello world\""), C("\"hello[ ]world\""), C("\"x\""))), kTrue);
  EXPECT_EQ(run(B("REGEX", C("\"a.c\""), C("\".\""), C("\"q\""))), kTrue);
  EXPECT_EQ(run(B("REGEX", C("\"abc\""), C("\".\""), C("\"q\""))), kFalse);
  EXPECT_EQ(run(B("REGEX", C("\"abc\""), C("\"b\""), C("\"g\""))), "error");
  EXPECT_EQ(run(B("REGEX", C("\"abc\""), C("\"(\""))), "error");
}

TEST(ExprRegex, Arguments) {
  EXPECT_EQ(run(B("REGEX", C("\"chat\"@en"), C("\"^c\""))), kTrue);
  EXPECT_EQ(run(B("REGEX", C("\"chat\"^^xsd:string"), C("\"t$\""))), kTrue);
  EXPECT_EQ(run(B("REGEX", C("<http://x>"), C("\"x\""))), "error");
  EXPECT_EQ(run(B("REGEX", C("\"x\""), C("\"x\"@en"))), "error");
  EXPECT_EQ(run(B("REGEX", C("1"), C("\"1\""))), "error");
  EXPECT_EQ(run(B("REGEX", C("\"食べ物\""), C("\"^.べ.$\""))), kTrue);
  EXPECT_EQ(run(B("REGEX", C("\"ÉCOLE\""), C("\"école\""), C("\"i\""))), kTrue);
  EXPECT_EQ(run(B("REGEX", C("\"a1\""), C("\"\\d\""))), kTrue);
}

TEST(ExprRegex, Replace) {
  auto rep = [](std::string_view s, std::string_view p, std::string_view r) {
    return run(B("REPLACE", C(s), C("\"" + std::string(p) + "\""), C("\"" + std::string(r) + "\"")));
  };
  EXPECT_EQ(rep("\"abcd\"", "b", "Z"), "\"aZcd\"");
  EXPECT_EQ(rep("\"abracadabra\"", "bra", "*"), "\"a*cada*\"");
  EXPECT_EQ(rep("\"abracadabra\"", "a.*a", "*"), "\"*\"");
  EXPECT_EQ(rep("\"abracadabra\"", "a.*?a", "*"), "\"*c*bra\"");
  EXPECT_EQ(rep("\"abracadabra\"", "a", ""), "\"brcdbr\"");
  EXPECT_EQ(rep("\"abracadabra\"", "a(.)", "a$1$1"), "\"abbraccaddabbra\"");
  EXPECT_EQ(rep("\"darted\"", "^(.*?)d(.*)$", "$1c$2"), "\"carted\"");
  EXPECT_EQ(rep("\"abcd\"", "(ab)|(a)", "[1=$1][2=$2]"), "\"[1=ab][2=]cd\"");
  EXPECT_EQ(rep("\"AAAA\"", "A+", "b"), "\"b\"");
  EXPECT_EQ(rep("\"français\"@fr", "[^a-z0-9]", "-"), "\"fran-ais\"@fr");
  EXPECT_EQ(rep("\"a$b\"", "\\$", "\\$\\$"), "\"a$$b\"");
  // Errors: zero-length matches (XPath FORX0003), bad replacement, bad pattern.
  EXPECT_EQ(rep("\"abracadabra\"", ".*?", "$1"), "error");
  EXPECT_EQ(rep("\"abc\"", "b*", "x"), "error");
  EXPECT_EQ(rep("\"abc\"", "b", "$x"), "error");
  EXPECT_EQ(rep("\"abc\"", "b", "\\n"), "error");
  EXPECT_EQ(rep("\"abc\"", "[", "x"), "error");
  EXPECT_EQ(run(B("REPLACE", C("\"abab\""), C("\"B\""), C("\"Z\""), C("\"i\""))), "\"aZaZ\"");
  EXPECT_EQ(run(B("REPLACE", C("\"a.b.c\""), C("\".\""), C("\"$\""), C("\"q\""))), "\"a$b$c\"");
  EXPECT_EQ(run(B("REPLACE", C("<http://x>"), C("\"x\""), C("\"y\""))), "error");
}

TEST(ExprHash, Digests) {
  EXPECT_EQ(run(B("MD5", C("\"abc\""))), "\"900150983cd24fb0d6963f7d28e17f72\"");
  EXPECT_EQ(run(B("MD5", C("\"foo\"^^xsd:string"))), "\"acbd18db4cc2f85cedef654fccc4a4d8\"");
  EXPECT_EQ(run(B("SHA1", C("\"abc\""))), "\"a9993e364706816aba3e25717850c26c9cd0d89d\"");
  EXPECT_EQ(run(B("SHA1", C("\"foo\""))), "\"0beec7b5ea3f0fdbc95d0dd47f3c5bc275da8a33\"");
  EXPECT_EQ(run(B("SHA256", C("\"abc\""))),
            "\"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\"");
  EXPECT_EQ(run(B("SHA384", C("\"abc\""))),
            "\"cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca"
            "134c825a7\"");
  EXPECT_EQ(run(B("SHA512", C("\"abc\""))),
            "\"ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c"
            "23a3feebbd454d4423643ce80e2a9ac94fa54ca49f\"");
  EXPECT_EQ(run(B("MD5", C("\"abc\"@en"))), "error");
  EXPECT_EQ(run(B("SHA1", C("1"))), "error");
  EXPECT_EQ(run(B("SHA256", C("<http://x>"))), "error");
}

TEST(ExprHash, Utf8Bytes) {
  // The W3C md5-02 case: the digest of the UTF-8 encoding.
  EXPECT_EQ(run(B("MD5", C("\"食べ物\""))).size(), 34u);
  EXPECT_NE(run(B("MD5", C("\"食べ物\""))), run(B("MD5", C("\"食べ\""))));
}

}  // namespace
}  // namespace bdis::sparql::expr
