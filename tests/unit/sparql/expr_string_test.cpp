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
  EXPECT_EQ(run(call("STRLEN", lit("\"chat\""))), "\"4\"^^xsd:integer");
  EXPECT_EQ(run(call("STRLEN", lit("\"chat\"@en"))), "\"4\"^^xsd:integer");
  EXPECT_EQ(run(call("STRLEN", lit("\"食べ物\""))), "\"3\"^^xsd:integer");
  EXPECT_EQ(run(call("STRLEN", lit("\"\xF0\x90\x80\x80"
                                   "ab\""))),
            "\"3\"^^xsd:integer");
  EXPECT_EQ(run(call("STRLEN", lit("\"\""))), "\"0\"^^xsd:integer");
  EXPECT_EQ(run(call("STRLEN", lit("12"))), "error");
  EXPECT_EQ(run(call("STRLEN", lit("<http://x>"))), "error");
}

TEST(ExprString, Substr) {
  EXPECT_EQ(run(call("SUBSTR", lit("\"foobar\""), lit("4"))), "\"bar\"");
  EXPECT_EQ(run(call("SUBSTR", lit("\"foobar\"@en"), lit("4"), lit("1"))), "\"b\"@en");
  EXPECT_EQ(run(call("SUBSTR", lit("\"foobar\"^^xsd:string"), lit("4"), lit("1"))), "\"b\"");
  // XPath fn:substring edge cases.
  EXPECT_EQ(run(call("SUBSTR", lit("\"12345\""), lit("1.5"), lit("2.6"))), "\"234\"");
  EXPECT_EQ(run(call("SUBSTR", lit("\"12345\""), lit("0"), lit("3"))), "\"12\"");
  EXPECT_EQ(run(call("SUBSTR", lit("\"12345\""), lit("5"), lit("-3"))), "\"\"");
  EXPECT_EQ(run(call("SUBSTR", lit("\"12345\""), lit("-3"), lit("5"))), "\"1\"");
  EXPECT_EQ(run(call("SUBSTR", lit("\"12345\""), lit("\"NaN\"^^xsd:double"), lit("3"))), "\"\"");
  EXPECT_EQ(run(call("SUBSTR", lit("\"12345\""), lit("-42"), lit("\"INF\"^^xsd:double"))),
            "\"12345\"");
  EXPECT_EQ(run(call("SUBSTR", lit("\"12345\""), lit("10"))), "\"\"");
  // Code points, not bytes or UTF-16 units.
  EXPECT_EQ(run(call("SUBSTR", lit("\"食べ物\""), lit("2"), lit("1"))), "\"べ\"");
  EXPECT_EQ(run(call("SUBSTR",
                     lit("\"\xF0\x90\x80\x80"
                         "ab\""),
                     lit("1"), lit("2"))),
            "\"\xF0\x90\x80\x80"
            "a\"");
  EXPECT_EQ(run(call("SUBSTR", lit("\"foobar\""), lit("\"4\""))), "error");
  EXPECT_EQ(run(call("SUBSTR", lit("<http://x>"), lit("1"))), "error");
}

TEST(ExprString, CaseMapping) {
  EXPECT_EQ(run(call("UCASE", lit("\"foo\""))), "\"FOO\"");
  EXPECT_EQ(run(call("UCASE", lit("\"foo\"@en"))), "\"FOO\"@en");
  EXPECT_EQ(run(call("LCASE", lit("\"BAR\"^^xsd:string"))), "\"bar\"");
  EXPECT_EQ(run(call("UCASE", lit("\"straße\""))), "\"STRASSE\"");
  EXPECT_EQ(run(call("LCASE", lit("\"ÀÉÎ\""))), "\"àéî\"");
  EXPECT_EQ(run(call("UCASE", lit("\"français\"@fr"))), "\"FRANÇAIS\"@fr");
  EXPECT_EQ(run(call("UCASE", lit("1"))), "error");
}

TEST(ExprString, EncodeForUri) {
  EXPECT_EQ(run(call("ENCODE_FOR_URI", lit("\"Los Angeles\""))), "\"Los%20Angeles\"");
  EXPECT_EQ(run(call("ENCODE_FOR_URI", lit("\"Los Angeles\"@en"))), "\"Los%20Angeles\"");
  EXPECT_EQ(run(call("ENCODE_FOR_URI", lit("\"100%\""))), "\"100%25\"");
  EXPECT_EQ(run(call("ENCODE_FOR_URI", lit("\"食べ物\""))), "\"%E9%A3%9F%E3%81%B9%E7%89%A9\"");
  EXPECT_EQ(run(call("ENCODE_FOR_URI", lit("\"a-b_c.d~e/f?\""))), "\"a-b_c.d~e%2Ff%3F\"");
}

TEST(ExprString, ContainsStartsEnds) {
  EXPECT_EQ(run(call("CONTAINS", lit("\"foobar\""), lit("\"bar\""))), kTrue);
  EXPECT_EQ(run(call("CONTAINS", lit("\"foobar\"@en"), lit("\"oba\"@en"))), kTrue);
  EXPECT_EQ(run(call("CONTAINS", lit("\"foobar\"@en"), lit("\"oba\""))), kTrue);
  EXPECT_EQ(run(call("CONTAINS", lit("\"foobar\""), lit("\"oba\"@en"))), "error");
  EXPECT_EQ(run(call("CONTAINS", lit("\"foobar\"@en"), lit("\"foo\"@fr"))), "error");
  EXPECT_EQ(run(call("CONTAINS", lit("\"foobar\""), lit("\"\""))), kTrue);
  EXPECT_EQ(run(call("CONTAINS", lit("\"foobar\""), lit("\"baz\""))), kFalse);
  EXPECT_EQ(run(call("STRSTARTS", lit("\"foobar\"^^xsd:string"), lit("\"foo\""))), kTrue);
  EXPECT_EQ(run(call("STRSTARTS", lit("\"foobar\""), lit("\"bar\""))), kFalse);
  EXPECT_EQ(run(call("STRENDS", lit("\"foobar\"@en"), lit("\"bar\""))), kTrue);
  EXPECT_EQ(run(call("STRENDS", lit("\"r\""), lit("\"bar\""))), kFalse);
  EXPECT_EQ(run(call("STRSTARTS", lit("1"), lit("\"1\""))), "error");
}

TEST(ExprString, LanguageTagsCompareCaseInsensitively) {
  EXPECT_EQ(run(call("CONTAINS", lit("\"foobar\"@en-GB"), lit("\"oba\"@EN-gb"))), kTrue);
  EXPECT_EQ(run(call("STRBEFORE", lit("\"abc\"@en"), lit("\"c\"@EN"))), "\"ab\"@en");
}

TEST(ExprString, StrBeforeAfter) {
  EXPECT_EQ(run(call("STRBEFORE", lit("\"abc\""), lit("\"b\""))), "\"a\"");
  EXPECT_EQ(run(call("STRBEFORE", lit("\"abc\"@en"), lit("\"bc\""))), "\"a\"@en");
  EXPECT_EQ(run(call("STRBEFORE", lit("\"abc\"@en"), lit("\"b\"@cy"))), "error");
  EXPECT_EQ(run(call("STRBEFORE", lit("\"abc\"^^xsd:string"), lit("\"\""))), "\"\"");
  EXPECT_EQ(run(call("STRBEFORE", lit("\"abc\""), lit("\"xyz\""))), "\"\"");
  EXPECT_EQ(run(call("STRBEFORE", lit("\"abc\"@en"), lit("\"z\"@en"))), "\"\"");
  EXPECT_EQ(run(call("STRBEFORE", lit("\"abc\"@en"), lit("\"\"@en"))), "\"\"@en");
  EXPECT_EQ(run(call("STRBEFORE", lit("\"abc\"@en"), lit("\"\""))), "\"\"@en");
  EXPECT_EQ(run(call("STRAFTER", lit("\"abc\""), lit("\"b\""))), "\"c\"");
  EXPECT_EQ(run(call("STRAFTER", lit("\"abc\"@en"), lit("\"ab\""))), "\"c\"@en");
  EXPECT_EQ(run(call("STRAFTER", lit("\"abc\"@en"), lit("\"\""))), "\"abc\"@en");
  EXPECT_EQ(run(call("STRAFTER", lit("\"abc\""), lit("\"xyz\""))), "\"\"");
  EXPECT_EQ(run(call("STRAFTER", lit("\"食べ物\""), lit("\"べ\""))), "\"物\"");
}

TEST(ExprString, Concat) {
  EXPECT_EQ(run(call("CONCAT", lit("\"foo\""), lit("\"bar\""))), "\"foobar\"");
  EXPECT_EQ(run(call("CONCAT", lit("\"foo\"@en"), lit("\"bar\"@en"))), "\"foobar\"@en");
  EXPECT_EQ(run(call("CONCAT", lit("\"foo\"^^xsd:string"), lit("\"bar\"^^xsd:string"))),
            "\"foobar\"");
  EXPECT_EQ(run(call("CONCAT", lit("\"foo\""), lit("\"bar\"^^xsd:string"))), "\"foobar\"");
  EXPECT_EQ(run(call("CONCAT", lit("\"foo\"@en"), lit("\"bar\""))), "\"foobar\"");
  EXPECT_EQ(run(call("CONCAT", lit("\"foo\"@en"), lit("\"bar\"@fr"))), "\"foobar\"");
  EXPECT_EQ(run(call("CONCAT", lit("\"foo\"@en"))), "\"foo\"@en");
  EXPECT_EQ(run(call("CONCAT")), "\"\"");
  EXPECT_EQ(run(call("CONCAT", lit("\"foo\""), lit("1"))), "error");
  EXPECT_EQ(run(call("CONCAT", lit("\"foo\""), var("unbound"))), "error");
}

TEST(ExprString, LangMatches) {
  auto lm = [](std::string_view tag, std::string_view range) {
    return run(call("LANGMATCHES", lit("\"" + std::string(tag) + "\""),
                    lit("\"" + std::string(range) + "\"")));
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
  EXPECT_EQ(run(call("LANGMATCHES", call("LANG", lit("\"chat\"@fr")), lit("\"FR\""))), kTrue);
  EXPECT_EQ(run(call("LANGMATCHES", lit("\"fr\"@en"), lit("\"fr\""))), "error");
}

TEST(ExprRegex, Flags) {
  EXPECT_EQ(run(call("REGEX", lit("\"Alice\""), lit("\"^ali\""), lit("\"i\""))), kTrue);
  EXPECT_EQ(run(call("REGEX", lit("\"Alice\""), lit("\"^ali\""))), kFalse);
  EXPECT_EQ(run(call("REGEX", lit("\"abc\""), lit("\"b\""))), kTrue);
  EXPECT_EQ(run(call("REGEX", lit("\"a\nb\""), lit("\"a.b\""))), kFalse);
  EXPECT_EQ(run(call("REGEX", lit("\"a\nb\""), lit("\"a.b\""), lit("\"s\""))), kTrue);
  EXPECT_EQ(run(call("REGEX", lit("\"a\nb\""), lit("\"^b$\""))), kFalse);
  EXPECT_EQ(run(call("REGEX", lit("\"a\nb\""), lit("\"^b$\""), lit("\"m\""))), kTrue);
  EXPECT_EQ(run(call("REGEX", lit("\"helloworld\""), lit("\"hello world\""), lit("\"x\""))), kTrue);
  EXPECT_EQ(run(call("REGEX", lit("\"hello world\""), lit("\"hello[ ]world\""), lit("\"x\""))),
            kTrue);
  EXPECT_EQ(run(call("REGEX", lit("\"a.c\""), lit("\".\""), lit("\"q\""))), kTrue);
  EXPECT_EQ(run(call("REGEX", lit("\"abc\""), lit("\".\""), lit("\"q\""))), kFalse);
  EXPECT_EQ(run(call("REGEX", lit("\"abc\""), lit("\"b\""), lit("\"g\""))), "error");
  EXPECT_EQ(run(call("REGEX", lit("\"abc\""), lit("\"(\""))), "error");
}

TEST(ExprRegex, Arguments) {
  EXPECT_EQ(run(call("REGEX", lit("\"chat\"@en"), lit("\"^c\""))), kTrue);
  EXPECT_EQ(run(call("REGEX", lit("\"chat\"^^xsd:string"), lit("\"t$\""))), kTrue);
  EXPECT_EQ(run(call("REGEX", lit("<http://x>"), lit("\"x\""))), "error");
  EXPECT_EQ(run(call("REGEX", lit("\"x\""), lit("\"x\"@en"))), "error");
  EXPECT_EQ(run(call("REGEX", lit("1"), lit("\"1\""))), "error");
  EXPECT_EQ(run(call("REGEX", lit("\"食べ物\""), lit("\"^.べ.$\""))), kTrue);
  EXPECT_EQ(run(call("REGEX", lit("\"ÉCOLE\""), lit("\"école\""), lit("\"i\""))), kTrue);
  EXPECT_EQ(run(call("REGEX", lit("\"a1\""), lit("\"\\d\""))), kTrue);
}

TEST(ExprRegex, Replace) {
  auto rep = [](std::string_view s, std::string_view p, std::string_view r) {
    return run(call("REPLACE", lit(s), lit("\"" + std::string(p) + "\""),
                    lit("\"" + std::string(r) + "\"")));
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
  EXPECT_EQ(run(call("REPLACE", lit("\"abab\""), lit("\"B\""), lit("\"Z\""), lit("\"i\""))),
            "\"aZaZ\"");
  EXPECT_EQ(run(call("REPLACE", lit("\"a.b.c\""), lit("\".\""), lit("\"$\""), lit("\"q\""))),
            "\"a$b$c\"");
  EXPECT_EQ(run(call("REPLACE", lit("<http://x>"), lit("\"x\""), lit("\"y\""))), "error");
}

TEST(ExprHash, Digests) {
  EXPECT_EQ(run(call("MD5", lit("\"abc\""))), "\"900150983cd24fb0d6963f7d28e17f72\"");
  EXPECT_EQ(run(call("MD5", lit("\"foo\"^^xsd:string"))), "\"acbd18db4cc2f85cedef654fccc4a4d8\"");
  EXPECT_EQ(run(call("SHA1", lit("\"abc\""))), "\"a9993e364706816aba3e25717850c26c9cd0d89d\"");
  EXPECT_EQ(run(call("SHA1", lit("\"foo\""))), "\"0beec7b5ea3f0fdbc95d0dd47f3c5bc275da8a33\"");
  EXPECT_EQ(run(call("SHA256", lit("\"abc\""))),
            "\"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\"");
  EXPECT_EQ(
      run(call("SHA384", lit("\"abc\""))),
      "\"cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca"
      "134c825a7\"");
  EXPECT_EQ(
      run(call("SHA512", lit("\"abc\""))),
      "\"ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c"
      "23a3feebbd454d4423643ce80e2a9ac94fa54ca49f\"");
  EXPECT_EQ(run(call("MD5", lit("\"abc\"@en"))), "error");
  EXPECT_EQ(run(call("SHA1", lit("1"))), "error");
  EXPECT_EQ(run(call("SHA256", lit("<http://x>"))), "error");
}

TEST(ExprHash, Utf8Bytes) {
  // The W3C md5-02 case: the digest of the UTF-8 encoding.
  EXPECT_EQ(run(call("MD5", lit("\"食べ物\""))).size(), 34u);
  EXPECT_NE(run(call("MD5", lit("\"食べ物\""))), run(call("MD5", lit("\"食べ\""))));
}

}  // namespace
}  // namespace bdis::sparql::expr
