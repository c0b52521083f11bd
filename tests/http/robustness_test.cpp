// Malformed HTTP and odd headers against a running `bdis serve`: whatever a
// client sends, the server keeps answering /health.

#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "tests/http/server_fixture.h"

namespace bdis::test {
namespace {

const char* kData = "<https://ex.org/s> <https://ex.org/p> \"v\" .\n";

/// A raw TCP connection to the server, for requests libcurl would not send.
class RawConnection {
 public:
  explicit RawConnection(int port) {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(static_cast<uint16_t>(port));
    connected_ = connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  }
  ~RawConnection() { close(fd_); }
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  bool connected() const { return connected_; }
  /// Sends everything it can; false when the server closed the connection.
  bool send(const std::string& bytes) {
    size_t done = 0;
    while (done < bytes.size()) {
      ssize_t n = ::send(fd_, bytes.data() + done, bytes.size() - done, MSG_NOSIGNAL);
      if (n <= 0) return false;
      done += static_cast<size_t>(n);
    }
    return true;
  }
  /// What arrives within `ms` milliseconds (until the server closes or goes quiet).
  std::string receive(int ms) {
    std::string out;
    char buf[4096];
    auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
    for (;;) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                      deadline - std::chrono::steady_clock::now())
                      .count();
      if (left <= 0) break;
      pollfd p{fd_, POLLIN, 0};
      if (poll(&p, 1, static_cast<int>(left)) <= 0) break;
      ssize_t n = recv(fd_, buf, sizeof buf, 0);
      if (n <= 0) break;
      out.append(buf, static_cast<size_t>(n));
      if (out.find("\r\n\r\n") != std::string::npos && out.size() > 12) break;
    }
    return out;
  }

 private:
  int fd_;
  bool connected_ = false;
};

/// Reads one whole response (headers and a Content-Length body) within `ms`.
std::string readResponse(RawConnection& c, int ms) {
  std::string out;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
  while (std::chrono::steady_clock::now() < deadline) {
    size_t end = out.find("\r\n\r\n");
    if (end != std::string::npos) {
      size_t cl = out.find("Content-Length: ");
      size_t want = cl == std::string::npos || cl > end
                        ? 0
                        : std::stoul(out.substr(cl + 16, out.find("\r\n", cl) - cl - 16));
      if (out.size() >= end + 4 + want) return out;
    }
    std::string more = c.receive(100);
    out += more;
  }
  return out;
}

/// The status code of a raw response ("HTTP/1.1 400 Bad Request" -> 400), 0 for none.
int statusOf(const std::string& response) {
  if (response.rfind("HTTP/1.", 0) != 0 || response.size() < 12) return 0;
  return std::atoi(response.c_str() + 9);
}

class RobustnessTest : public ServerTest {
 protected:
  void SetUp() override { startServer(kData, {"--max-body", "1M"}); }

  int port() const {
    std::string u = url("");
    return std::stoi(u.substr(u.rfind(':') + 1));
  }
  void expectHealthy() {
    auto h = httpRequest("GET", url("/health"), {}, {}, 5000);
    EXPECT_EQ(h.status, 200) << h.error << "\n" << logText();
    EXPECT_TRUE(server().running()) << logText();
  }
  /// Sends raw bytes on a fresh connection and returns what comes back.
  std::string exchange(const std::string& bytes, int waitMs = 2000) {
    RawConnection c(port());
    EXPECT_TRUE(c.connected());
    c.send(bytes);
    return c.receive(waitMs);
  }
};

TEST_F(RobustnessTest, GarbageRequestLines) {
  const std::string cases[] = {
      std::string("\x01\x02\x03\xff\xfe garbage\r\n\r\n", 17),
      "FROB /health HTTP/1.1\r\nHost: x\r\n\r\n",
      "GET /health HTTP/9.9\r\nHost: x\r\n\r\n",
      "GET\r\n\r\n",
      "GET /health\r\n\r\n",
      std::string("GET /he\0alth HTTP/1.1\r\nHost: x\r\n\r\n", 35),
      "GET /sparql?query=%zz%4 HTTP/1.1\r\nHost: x\r\n\r\n",
      "\r\n\r\n\r\n",
  };
  for (const auto& bytes : cases) {
    std::string reply = exchange(bytes, 1000);
    int status = statusOf(reply);
    EXPECT_TRUE(status == 0 || status >= 400 || bytes.find("%zz") != std::string::npos)
        << "unexpected success for " << bytes;
    expectHealthy();
  }
}

TEST_F(RobustnessTest, MalformedHeadersAndFraming) {
  const std::string cases[] = {
      "GET /health HTTP/1.1\r\nHost: x\r\nno colon on this line\r\n\r\n",
      "POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Length: banana\r\n\r\nquery=x",
      "POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\nquery=x",
      "POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: "
      "chunked\r\n\r\nabc",
      "POST /sparql HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: "
      "chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n",
      "POST /sparql HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\nabc",
      "GET /health HTTP/1.1\r\nHost: x\r\nContent-Type: ;;;/\r\n\r\n",
      "GET /health HTTP/1.1\r\nHost: x\r\nConnection: \x01\r\n\r\n",
      "GET /health HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer\r\n\r\n",
  };
  for (const auto& bytes : cases) {
    exchange(bytes, 1000);
    expectHealthy();
  }
}

// Each request on a kept-alive connection is read with its own query string, also
// after a request Pistache refused.
TEST_F(RobustnessTest, KeepAliveRequestsEachSeeTheirOwnQuery) {
  const std::string count = "query=" + urlEncode("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }");
  auto get = [&](const std::string& query) {
    return "GET /sparql?" + query +
           " HTTP/1.1\r\nHost: x\r\nAccept: text/csv\r\n"
           "Connection: keep-alive\r\n\r\n";
  };
  RawConnection c(port());
  ASSERT_TRUE(c.connected());
  c.send(get(count + "&default-graph-uri=urn:x&default-graph-uri=urn:y"));
  std::string first = readResponse(c, 5000);
  EXPECT_EQ(statusOf(first), 200) << first;
  EXPECT_NE(first.find("n\r\n0\r\n"), std::string::npos) << first;
  c.send(get(count));
  std::string second = readResponse(c, 5000);
  EXPECT_NE(second.find("n\r\n1\r\n"), std::string::npos) << second;
  c.send("FROB /sparql?" + count + "&default-graph-uri=urn:x HTTP/1.1\r\nHost: x\r\n\r\n");
  std::string refused = readResponse(c, 2000);
  EXPECT_GE(statusOf(refused), 400) << refused;
  if (c.send(get(count))) {
    std::string after = readResponse(c, 5000);
    if (!after.empty()) {
      EXPECT_NE(after.find("n\r\n1\r\n"), std::string::npos) << after;
    }
  }
  expectHealthy();
}

TEST_F(RobustnessTest, PipelinedRequestsAreAnsweredInOrder) {
  // Three requests sent one after the other on one connection without waiting for
  // answers: a slow query (a worker), /health (answered on the network thread) and a
  // quick query (another worker). The answers come back in the order of the requests
  // (RFC 9112 9.3.2), not as they finish (before: /health, the quick one, the slow one).
  // Each is its own write, a few milliseconds apart, so that each is read alone.
  std::string values;
  for (int i = 0; i < 40; ++i) values += " " + std::to_string(i);
  const std::string slow = "SELECT (COUNT(*) AS ?n) { VALUES ?a {" + values + "} VALUES ?b {" +
                           values + "} VALUES ?c {" + values + "} VALUES ?d {" + values + "} }";
  auto get = [](const std::string& target) {
    return "GET " + target + " HTTP/1.1\r\nHost: x\r\nAccept: text/csv\r\n\r\n";
  };
  RawConnection c(port());
  ASSERT_TRUE(c.connected());
  for (const std::string& request :
       {get("/sparql?query=" + urlEncode(slow)), get("/health"),
        get("/sparql?query=" + urlEncode("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"))}) {
    ASSERT_TRUE(c.send(request));
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  std::string all;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  auto responses = [&] {
    size_t n = 0;
    for (size_t at = all.find("HTTP/1.1 "); at != std::string::npos; at = all.find("HTTP/1.1 ", at + 1))
      ++n;
    return n;
  };
  while (std::chrono::steady_clock::now() < deadline &&
         (responses() < 3 || all.find("n\r\n1\r\n") == std::string::npos))
    all += c.receive(200);
  const size_t first = all.find("n\r\n2560000\r\n");
  const size_t health = all.find("\"triples\"");
  const size_t last = all.find("n\r\n1\r\n");
  ASSERT_NE(first, std::string::npos) << all;
  ASSERT_NE(health, std::string::npos) << all;
  ASSERT_NE(last, std::string::npos) << all;
  EXPECT_LT(first, health) << all;
  EXPECT_LT(health, last) << all;
  expectHealthy();
}

TEST_F(RobustnessTest, RequestsPipelinedInOneWriteAreEachAnswered) {
  // GETs and POSTs with bodies sent in one write (one TCP segment on loopback): each
  // reaches Pistache alone and is answered, in order.
  const std::string count = "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }";
  const std::string none = "SELECT (COUNT(*) AS ?n) { ?s <urn:none> ?o }";
  auto post = [](const std::string& q) {
    return "POST /sparql HTTP/1.1\r\nHost: x\r\nAccept: text/csv\r\nContent-Type: "
           "application/sparql-query\r\nContent-Length: " +
           std::to_string(q.size()) + "\r\n\r\n" + q;
  };
  RawConnection c(port());
  ASSERT_TRUE(c.connected());
  ASSERT_TRUE(c.send(post(count) + "GET /health HTTP/1.1\r\nHost: x\r\n\r\n" + post(none) +
                     post(count)));
  std::string all;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  auto count200 = [&] {
    size_t n = 0;
    for (size_t at = all.find("HTTP/1.1 200"); at != std::string::npos;
         at = all.find("HTTP/1.1 200", at + 1))
      ++n;
    return n;
  };
  while (std::chrono::steady_clock::now() < deadline &&
         (count200() < 4 || all.rfind("n\r\n1\r\n") < all.find("n\r\n0\r\n") ||
          all.find("n\r\n0\r\n") == std::string::npos))
    all += c.receive(200);
  EXPECT_EQ(count200(), 4u) << all;
  const size_t first = all.find("n\r\n1\r\n");
  const size_t health = all.find("\"triples\"");
  const size_t zero = all.find("n\r\n0\r\n");
  const size_t last = all.rfind("n\r\n1\r\n");
  EXPECT_LT(first, health) << all;
  EXPECT_LT(health, zero) << all;
  EXPECT_LT(zero, last) << all;
  EXPECT_NE(last, std::string::npos) << all;
  expectHealthy();
}

TEST_F(RobustnessTest, HugeHeaderIsRefused) {
  // Bigger than the request limit (--max-body 1M plus 64 KiB of headers).
  std::string req =
      "GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(3u << 20, 'a') + "\r\n\r\n";
  RawConnection c(port());
  ASSERT_TRUE(c.connected());
  c.send(req);  // the server may close before everything is sent
  std::string reply = c.receive(3000);
  int status = statusOf(reply);
  EXPECT_TRUE(status == 0 || status == 413 || status == 400) << reply.substr(0, 200);
  expectHealthy();
}

TEST_F(RobustnessTest, TruncatedBodyThenClose) {
  {
    RawConnection c(port());
    ASSERT_TRUE(c.connected());
    c.send(
        "POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
        "Content-Length: 900000\r\n\r\nSELECT * WHERE");
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }  // closed with 899,986 bytes missing
  expectHealthy();
  // The same, but the client stays and sends the rest much later: the request still works.
  RawConnection c(port());
  std::string q = "ASK {}";
  c.send(
      "POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
      "Accept: application/sparql-results+json\r\nContent-Length: " +
      std::to_string(q.size()) + "\r\n\r\nAS");
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  expectHealthy();
  c.send(q.substr(2));
  std::string reply = c.receive(5000);
  EXPECT_EQ(statusOf(reply), 200) << reply;
}

TEST_F(RobustnessTest, SlowlorisConnectionsDoNotStarveOthers) {
  std::vector<std::unique_ptr<RawConnection>> slow;
  for (int i = 0; i < 50; ++i) {
    slow.push_back(std::make_unique<RawConnection>(port()));
    ASSERT_TRUE(slow.back()->connected());
    slow.back()->send("GET /health HTTP/1.1\r\nHost: x\r\nX-Slow: ");
  }
  for (int round = 0; round < 3; ++round) {
    for (auto& c : slow) c->send("a");
    expectHealthy();
    EXPECT_EQ(query("ASK {}").status, 200);
  }
  slow.clear();  // all closed mid-header
  expectHealthy();
}

TEST_F(RobustnessTest, ManyConnectionsOpenedAndDropped) {
  for (int i = 0; i < 200; ++i) {
    RawConnection c(port());
    if (i % 2) c.send("GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: x\r\n\r\n");
  }
  expectHealthy();
}

// Accept values within RFC 9110 or common in the wild.
TEST_F(RobustnessTest, UnusualButValidAcceptHeaders) {
  struct Case {
    const char* accept;
    const char* expectedType;  // prefix of the Content-Type, or "" for 406
  };
  const Case cases[] = {
      {"*/*", "application/sparql-results+json"},
      {"*/*;q=0.1", "application/sparql-results+json"},
      {"application/*", "application/sparql-results+json"},
      {"text/*;q=0.5, */*;q=0.1", "text/csv"},
      {"application/sparql-results+json;q=0.9;charset=utf-8", "application/sparql-results+json"},
      {"application/sparql-results+xml;q=0.8,application/sparql-results+json;q=0.9",
       "application/sparql-results+json"},
      {"application/sparql-results+json, application/sparql-results+xml;q=0.9, "
       "text/tab-separated-values;q=0.7, text/csv;q=0.5, application/json;q=0.2, "
       "application/xml;q=0.2, */*;q=0.1",
       "application/sparql-results+json"},
      {"text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8",
       "application/sparql-results+xml"},
      {"application/json; q=0.9", "application/sparql-results+json"},
      {"*/*;level=1", "application/sparql-results+json"},
      {"APPLICATION/SPARQL-RESULTS+XML", "application/sparql-results+xml"},
      {"text/csv;q=0", ""},
      {"text/html;level=1;q=0.7", ""},
      {"image/png, image/*;q=0.5", ""},
  };
  for (const auto& c : cases) {
    auto r = query("SELECT (1 AS ?x) {}", c.accept);
    if (*c.expectedType) {
      EXPECT_EQ(r.status, 200) << c.accept << ": " << r.body;
      EXPECT_EQ(r.headers["content-type"].rfind(c.expectedType, 0), 0u)
          << c.accept << " -> " << r.headers["content-type"];
    } else {
      EXPECT_EQ(r.status, 406) << c.accept << ": " << r.body;
    }
  }
  expectHealthy();
}

// Values outside the Accept grammar, which Pistache 0.0.5 would refuse itself
// with 415 before bdis saw the request: bdis hands Pistache */* and negotiates
// on the value sent (server/http/raw_request.h), so every answer is bdis's own.
TEST_F(RobustnessTest, MalformedAcceptHeadersAreNegotiatedByBdis) {
  struct Case {
    const char* accept;
    int status;
  };
  const Case cases[] = {
      {"foo", 406},
      {";;;", 200},
      {",,,", 200},
      {"*", 200},
      {"a/b/c", 406},
      {"application/json;q=abc", 406},
      {"application/json;q=2", 200},
      {"application/json;q=.9", 200},
      {"application/json;q=-1", 406},
      {"x/y; charset=\"utf-8\"", 406},
      {"unknown/type, application/sparql-results+json;q=0.5", 200},
      {"application/sparql-results+json;profile=\"a,b\"", 200},
      {"text/csv;q=0.5;q=0.6", 200},
      {"/", 406},
      {"*/", 200},
      {"/json", 406},
      {"application/json;=;q", 200},
      {"\xc3\xa9/\xc3\xa9", 406},
  };
  for (const auto& c : cases) {
    auto r = query("ASK {}", c.accept);
    EXPECT_TRUE(r.error.empty()) << c.accept << ": " << r.error;
    EXPECT_EQ(r.status, c.status) << c.accept << ": " << r.body;
    if (r.status == 406) {
      EXPECT_NE(r.body.find("\"error\": 406"), std::string::npos) << r.body;
    }
  }
  // Two Accept headers count as one list.
  auto two = httpRequest("GET", url("/sparql?query=" + urlEncode("ASK {}")), {},
                         {"Accept: text/csv;q=0.1", "Accept: application/sparql-results+xml"});
  EXPECT_EQ(two.headers["content-type"].rfind("application/sparql-results+xml", 0), 0u);
  // A long list of unknown types.
  std::string longAccept;
  for (int i = 0; i < 2000; ++i) longAccept += "type" + std::to_string(i) + "/sub;q=0.5, ";
  longAccept += "*/*;q=0.1";
  EXPECT_EQ(query("ASK {}", longAccept).status, 200);
  // A real CRLF + "Accept:" inside the body (a Turtle long string) must reach the store intact.
  std::string body = "<https://ex.org/a> <https://ex.org/b> \"\"\"x\r\nAccept: foo\"\"\" .\n";
  auto put = httpRequest("PUT", url("/store?graph=https%3A%2F%2Fex.org%2Fg"), body,
                         {"Content-Type: text/turtle", authHeader(), "Accept: q"});
  EXPECT_EQ(put.status, 201) << put.body;
  auto get = httpRequest("GET", url("/store?graph=https%3A%2F%2Fex.org%2Fg"), {},
                         {"Accept: application/n-triples;q=.5"});
  EXPECT_EQ(get.status, 200) << get.body;
  EXPECT_EQ(get.body, "<https://ex.org/a> <https://ex.org/b> \"x\\r\\nAccept: foo\" .\n");
  expectHealthy();
}

}  // namespace
}  // namespace bdis::test
