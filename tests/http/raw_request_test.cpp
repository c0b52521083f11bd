// Byte-level pieces of the HTTP glue, without a server: request-line query
// recovery, Accept masking however the bytes are split, multipart bodies and
// Content-Type parameters.

#include <gtest/gtest.h>

#include "server/http/message.h"
#include "server/http/raw_request.h"

namespace bdis::server {
namespace {

TEST(QueryOfRequestLine, KeepsTheRawQueryWhenMethodAndPathAgree) {
  const std::string line = "GET /sparql?a=1&a=2&b HTTP/1.1\r";
  EXPECT_EQ(queryOfRequestLine(line, "GET", "/sparql"), "a=1&a=2&b");
  EXPECT_EQ(queryOfRequestLine("GET /sparql HTTP/1.1", "GET", "/sparql"), "");
  EXPECT_EQ(queryOfRequestLine(line, "POST", "/sparql"), std::nullopt);
  EXPECT_EQ(queryOfRequestLine(line, "GET", "/store"), std::nullopt);
  EXPECT_EQ(queryOfRequestLine("GET", "GET", "/sparql"), std::nullopt);
  EXPECT_EQ(queryOfRequestLine("GET /sparql?x", "GET", "/sparql"), std::nullopt);
}

TEST(QueryOfRequestLine, RepeatedParametersSurviveParseForm) {
  std::multimap<std::string, std::string> params;
  parseForm("default-graph-uri=http%3A%2F%2Fa&default-graph-uri=http://b&query=ASK+%7B%7D&default",
            params);
  HttpRequest r;
  r.params = params;
  EXPECT_EQ(r.params_all("default-graph-uri"), (std::vector<std::string>{"http://a", "http://b"}));
  EXPECT_EQ(r.param("query"), "ASK {}");
  EXPECT_EQ(r.params.count("default"), 1u);
}

const std::string kHead =
    "GET /sparql?query=ASK HTTP/1.1\r\nHost: x\r\naccept: foo;q=.9 \r\nX-A: accept: no\r\n"
    "ACCEPT:text/csv\r\n\r\n";
const std::string kBody = "body\r\nAccept: untouched\r\n\r\n";
const std::string kMasked =
    "GET /sparql?query=ASK HTTP/1.1\r\nHost: x\r\naccept: */*\r\nX-A: accept: no\r\n"
    "ACCEPT: */*\r\n\r\n";

TEST(AcceptMasker, WholeHead) {
  AcceptMasker m;
  EXPECT_EQ(m.feed(kHead + kBody, 1 << 20), kMasked + kBody);
  EXPECT_TRUE(m.headEnded());
  EXPECT_EQ(m.accept(), "foo;q=.9, text/csv");
  EXPECT_EQ(m.feed("more body", 1 << 20), "more body");
}

TEST(AcceptMasker, EverySplitGivesTheSameBytes) {
  const std::string all = kHead + kBody;
  for (size_t i = 0; i <= all.size(); ++i) {
    for (size_t j = i; j <= all.size(); j += 3) {
      AcceptMasker m;
      std::string out = m.feed(all.substr(0, i), 1 << 20);
      out += m.feed(all.substr(i, j - i), 1 << 20);
      out += m.feed(all.substr(j), 1 << 20);
      ASSERT_EQ(out, kMasked + kBody) << "split at " << i << " and " << j;
      ASSERT_EQ(m.accept(), "foo;q=.9, text/csv") << i << " " << j;
    }
  }
}

TEST(AcceptMasker, PartialLinesWaitUnlessTooLong) {
  AcceptMasker m;
  EXPECT_EQ(m.feed("GET / HTTP/1.1\r\nAcc", 1 << 20), "GET / HTTP/1.1\r\n");
  EXPECT_EQ(m.feed("ept: a/b", 1 << 20), "");
  EXPECT_EQ(m.feed("\r\n\r\n", 1 << 20), "Accept: */*\r\n\r\n");
  EXPECT_EQ(m.accept(), "a/b");
  AcceptMasker big;
  EXPECT_EQ(big.feed(std::string(50, 'x'), 10), std::string(50, 'x'));
  AcceptMasker none;
  EXPECT_EQ(none.feed("GET / HTTP/1.0\r\n\r\n", 100), "GET / HTTP/1.0\r\n\r\n");
  EXPECT_EQ(none.accept(), std::nullopt);
}

TEST(Multipart, PartsWithTheirTypes) {
  std::string body =
      "preamble\r\n--b\r\nContent-Disposition: form-data; name=\"one\"; filename=\"1.ttl\"\r\n"
      "Content-Type: text/turtle\r\n\r\n<a> <b> <c> .\r\n--b\r\n\r\nbare\r\n--b--\r\n";
  auto parts = parseMultipart(body, "b");
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(parts[0].name, "one");
  EXPECT_EQ(parts[0].contentType, "text/turtle");
  EXPECT_EQ(parts[0].body, "<a> <b> <c> .");
  EXPECT_EQ(parts[1].contentType, "");
  EXPECT_EQ(parts[1].body, "bare");
  EXPECT_THROW(parseMultipart(body, ""), std::invalid_argument);
  EXPECT_THROW(parseMultipart("no delimiter", "b"), std::invalid_argument);
  EXPECT_THROW(parseMultipart("--b\r\nX: y\r\n\r\nnever closed", "b"), std::invalid_argument);
}

TEST(ContentType, ParametersAndCharset) {
  HttpRequest r;
  r.headers["content-type"] = "Multipart/Form-Data; boundary=\"a b\" ; Charset=UTF-8";
  EXPECT_EQ(r.contentType(), "multipart/form-data");
  EXPECT_EQ(r.contentTypeParam("boundary"), "a b");
  EXPECT_EQ(r.contentTypeParam("charset"), "UTF-8");
  EXPECT_TRUE(r.bodyIsUtf8());
  r.headers["content-type"] = "application/sparql-query; charset=UTF-16";
  EXPECT_FALSE(r.bodyIsUtf8());
  r.headers["content-type"] = "application/sparql-query";
  EXPECT_TRUE(r.bodyIsUtf8());
}

}  // namespace
}  // namespace bdis::server
