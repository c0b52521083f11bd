// Writes, tokens, limits and shutdown of a running `bdis serve`.

#include <signal.h>

#include <atomic>
#include <chrono>
#include <future>
#include <thread>

#include "tests/http/server_fixture.h"

namespace bdis::test {
namespace {

const char* kData = "<https://ex.org/s> <https://ex.org/p> \"v\" .\n";
const char* kNamed = "http%3A%2F%2Fex.org%2Fg";

class WriteTest : public ServerTest {
 protected:
  void SetUp() override { startServer(kData, {"--max-body", "1M"}); }
};

TEST_F(WriteTest, GraphStoreRequiresTheToken) {
  std::string body = "<https://ex.org/a> <https://ex.org/b> \"c\" .\n";
  auto noToken = httpRequest("PUT", url(std::string("/store?graph=") + kNamed), body,
                             {"Content-Type: application/n-triples"});
  EXPECT_EQ(noToken.status, 401);
  EXPECT_NE(noToken.headers["www-authenticate"].find("Bearer"), std::string::npos);
  auto wrong = httpRequest("PUT", url(std::string("/store?graph=") + kNamed), body,
                           {"Content-Type: application/n-triples", "Authorization: Bearer nope"});
  EXPECT_EQ(wrong.status, 401);
  auto created = httpRequest("PUT", url(std::string("/store?graph=") + kNamed), body,
                             {"Content-Type: application/n-triples", authHeader()});
  EXPECT_EQ(created.status, 201) << created.body;
  auto again = httpRequest("POST", url(std::string("/store?graph=") + kNamed),
                           "<https://ex.org/a> <https://ex.org/b> \"d\" .",
                           {"Content-Type: text/turtle", authHeader()});
  EXPECT_EQ(again.status, 204) << again.body;
  auto get = httpRequest("GET", url(std::string("/store?graph=") + kNamed), {},
                         {"Accept: application/n-triples"});
  EXPECT_EQ(get.status, 200);
  EXPECT_NE(get.body.find("\"c\""), std::string::npos) << get.body;
  EXPECT_NE(get.body.find("\"d\""), std::string::npos) << get.body;
  auto head = httpRequest("HEAD", url(std::string("/store?graph=") + kNamed));
  EXPECT_EQ(head.status, 200);
  auto del = httpRequest("DELETE", url(std::string("/store?graph=") + kNamed), {}, {authHeader()});
  EXPECT_EQ(del.status, 204);
  EXPECT_EQ(httpRequest("GET", url(std::string("/store?graph=") + kNamed)).status, 404);
  auto def = httpRequest("GET", url("/store?default"), {}, {"Accept: application/n-triples"});
  EXPECT_EQ(def.body, "<https://ex.org/s> <https://ex.org/p> \"v\" .\n");
}

TEST_F(WriteTest, BadBodiesAreRefusedAndChangeNothing) {
  auto bad = httpRequest("PUT", url("/store?default"), "<https://ex.org/a> <oops",
                         {"Content-Type: application/n-triples", authHeader()});
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("line"), std::string::npos) << bad.body;
  auto type = httpRequest("PUT", url("/store?default"), "{}",
                          {"Content-Type: application/x-unknown", authHeader()});
  EXPECT_EQ(type.status, 415);
  std::string huge(2u << 20, 'x');
  auto big = httpRequest("POST", url("/store?default"), huge,
                         {"Content-Type: application/n-triples", authHeader()});
  EXPECT_TRUE(big.status == 413 || !big.error.empty()) << big.status;
  auto def = httpRequest("GET", url("/store?default"), {}, {"Accept: application/n-triples"});
  EXPECT_EQ(def.body, "<https://ex.org/s> <https://ex.org/p> \"v\" .\n");
  EXPECT_TRUE(server().running());
}

TEST_F(WriteTest, ReadersSeeBeforeOrAfterAWriteNeverAMix) {
  std::string body;
  for (int i = 0; i < 20000; ++i) {
    body += "<https://ex.org/n/" + std::to_string(i) + "> <https://ex.org/p> \"" +
            std::to_string(i) + "\" .\n";
  }
  std::atomic<bool> done{false};
  std::atomic<int> bad{0}, seen{0};
  auto reader = [&] {
    while (!done) {
      auto r = query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", "text/csv");
      if (r.status != 200) continue;
      ++seen;
      if (r.body != "n\r\n0\r\n" && r.body != "n\r\n20000\r\n") ++bad;
    }
  };
  std::thread r1(reader), r2(reader);
  auto w = httpRequest("PUT", url(std::string("/store?graph=") + kNamed), body,
                       {"Content-Type: application/n-triples", authHeader()});
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  done = true;
  r1.join();
  r2.join();
  EXPECT_EQ(w.status, 201) << w.body;
  EXPECT_GT(seen.load(), 0);
  EXPECT_EQ(bad.load(), 0);
}

class ReadOnlyTest : public ServerTest {
 protected:
  void SetUp() override { startServer(kData, {}, false); }
};

TEST_F(ReadOnlyTest, WritesAreForbidden) {
  auto r = httpRequest("PUT", url("/store?default"), "<https://a> <https://b> <https://c> .",
                       {"Content-Type: application/n-triples", authHeader()});
  EXPECT_EQ(r.status, 403);
  auto u = httpRequest("POST", url("/update"), "CLEAR ALL",
                       {"Content-Type: application/sparql-update", authHeader()});
  EXPECT_EQ(u.status, 403);
  auto sd = httpRequest("GET", url("/sparql"), {}, {"Accept: text/turtle"});
  EXPECT_EQ(sd.body.find("SPARQL11Update"), std::string::npos);
}

class LimitsTest : public ServerTest {
 protected:
  void SetUp() override {
    std::string data;
    for (int i = 0; i < 300; ++i) {
      data += "<https://ex.org/" + std::to_string(i) + "> <https://ex.org/p> " + std::to_string(i) + " .\n";
    }
    startServer(data, {"--timeout", "0.5", "--threads", "1", "--max-queued", "1"});
  }
};

const char* kSlow =
    "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?x . ?b ?q ?y . ?c ?r ?z . ?d ?s ?w }";

TEST_F(LimitsTest, SlowQueryTimesOutWith504AndServerStaysUp) {
  auto t0 = std::chrono::steady_clock::now();
  auto r = query(kSlow);
  auto secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_EQ(r.status, 504) << r.body;
  EXPECT_LT(secs, 10.0);
  EXPECT_EQ(httpRequest("GET", url("/health")).status, 200);
}

TEST_F(LimitsTest, SaturationGives503WithRetryAfter) {
  std::vector<std::future<HttpResult>> slow;
  for (int i = 0; i < 6; ++i) {
    slow.push_back(std::async(std::launch::async, [&] { return query(kSlow); }));
  }
  int busy = 0;
  for (auto& f : slow) {
    auto r = f.get();
    if (r.status == 503) {
      ++busy;
      EXPECT_FALSE(r.headers["retry-after"].empty());
    }
  }
  EXPECT_GT(busy, 0);
  // /health never waits behind queries.
  EXPECT_EQ(httpRequest("GET", url("/health")).status, 200);
}

TEST_F(LimitsTest, SigtermLetsTheRunningQueryFinish) {
  auto pending = std::async(std::launch::async, [&] {
    return query("SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?x . ?b ?q ?y }");
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  server().signal(SIGTERM);
  auto r = pending.get();
  EXPECT_EQ(r.status, 200) << r.body << r.error;
  EXPECT_NE(r.body.find("90000"), std::string::npos) << r.body;
  EXPECT_EQ(server().wait(), 0);
}

}  // namespace
}  // namespace bdis::test

namespace bdis::test {
namespace {

class UpdateTest : public ServerTest {
 protected:
  void SetUp() override { startServer(kData); }
};

TEST_F(UpdateTest, UpdatesNeedTheTokenAndAreAllOrNothing) {
  const std::string insert = "INSERT DATA { <https://ex.org/n> <https://ex.org/p> \"new\" }";
  auto noToken = httpRequest("POST", url("/update"), insert,
                             {"Content-Type: application/sparql-update"});
  EXPECT_EQ(noToken.status, 401);
  auto ok = httpRequest("POST", url("/update"), insert,
                        {"Content-Type: application/sparql-update", authHeader()});
  EXPECT_EQ(ok.status, 200) << ok.body;
  EXPECT_NE(ok.body.find("\"inserted\": 1"), std::string::npos) << ok.body;
  // update= on /sparql as a form, too.
  auto form = httpRequest("POST", url("/sparql"),
                          "update=" + urlEncode("INSERT DATA { <https://ex.org/m> <https://ex.org/p> 1 }"),
                          {"Content-Type: application/x-www-form-urlencoded", authHeader()});
  EXPECT_EQ(form.status, 200) << form.body;
  // The second operation fails: the first must not stay.
  auto failing = httpRequest(
      "POST", url("/update"),
      "INSERT DATA { <https://ex.org/x> <https://ex.org/p> 2 } ; LOAD <file:///nonexistent/file.ttl>",
      {"Content-Type: application/sparql-update", authHeader()});
  EXPECT_GE(failing.status, 400);
  auto count = query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "text/csv");
  EXPECT_EQ(count.body, "n\r\n3\r\n");
  auto bad = httpRequest("POST", url("/update"), "INSERT DATA { oops",
                         {"Content-Type: application/sparql-update", authHeader()});
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("\"line\""), std::string::npos) << bad.body;
  EXPECT_EQ(httpRequest("GET", url("/update?update=" + urlEncode(insert)), {}, {authHeader()}).status, 405);
}

}  // namespace
}  // namespace bdis::test
