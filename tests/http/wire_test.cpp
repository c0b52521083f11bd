// Responses written by bdis itself (server/http/wire.cpp): their bytes, and
// bodies larger than a socket takes at once, finished through Pistache's queue.

#include "server/http/wire.h"

#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "tests/http/server_fixture.h"

namespace bdis::test {
namespace {

using server::HttpResponse;
using server::serializeResponse;

TEST(Wire, StatusLineDefaultHeadersAndBody) {
  HttpResponse r = HttpResponse::json(404, "{}");
  std::string out = serializeResponse(r, "HTTP/1.1", true, "Sat, 05 Dec 2026 00:00:00 GMT");
  EXPECT_EQ(out.rfind("HTTP/1.1 404 Not Found\r\n", 0), 0u) << out;
  EXPECT_NE(out.find("\r\nContent-Type: application/json\r\n"), std::string::npos) << out;
  EXPECT_NE(out.find("\r\nDate: Sat, 05 Dec 2026 00:00:00 GMT\r\n"), std::string::npos) << out;
  EXPECT_NE(out.find("\r\nServer: bdis\r\n"), std::string::npos) << out;
  EXPECT_NE(out.find("\r\nAccess-Control-Allow-Origin: *\r\n"), std::string::npos) << out;
  EXPECT_NE(out.find("\r\nConnection: Keep-Alive\r\n"), std::string::npos) << out;
  EXPECT_NE(out.find("\r\nContent-Length: 2\r\n\r\n{}"), std::string::npos) << out;
  EXPECT_EQ(out.substr(out.size() - 6), "\r\n\r\n{}") << out;
}

TEST(Wire, ClosingAndHttp10) {
  HttpResponse r = HttpResponse::text(200, "ok");
  std::string out = serializeResponse(r, "HTTP/1.0", false, "d");
  EXPECT_EQ(out.rfind("HTTP/1.0 200 OK\r\n", 0), 0u) << out;
  EXPECT_NE(out.find("\r\nConnection: Close\r\n"), std::string::npos) << out;
}

TEST(Wire, ResponseHeadersReplaceDefaultsAndTheLastOfANameWins) {
  HttpResponse r = HttpResponse::text(200, "");
  r.header("content-type", "text/csv");
  r.header("Vary", "Accept");
  r.header("vary", "Accept, Origin");
  std::string out = serializeResponse(r, "HTTP/1.1", true, "d");
  EXPECT_EQ(out.find("Content-Type"), std::string::npos) << out;
  EXPECT_NE(out.find("\r\ncontent-type: text/csv\r\n"), std::string::npos) << out;
  EXPECT_EQ(out.find("Vary: Accept\r\n"), std::string::npos) << out;
  EXPECT_NE(out.find("\r\nvary: Accept, Origin\r\n"), std::string::npos) << out;
  EXPECT_NE(out.find("\r\nContent-Length: 0\r\n\r\n"), std::string::npos) << out;
}

TEST(Wire, HeadSendsTheGetLengthAndNoBody) {
  HttpResponse built = HttpResponse::text(200, "hello");
  std::string out = serializeResponse(built, "HTTP/1.1", true, "d", true);
  EXPECT_NE(out.find("\r\nContent-Length: 5\r\n\r\n"), std::string::npos) << out;
  EXPECT_EQ(out.substr(out.size() - 4), "\r\n\r\n") << out;
  HttpResponse known = HttpResponse::text(200, "");
  known.headLength = 123456;
  out = serializeResponse(known, "HTTP/1.1", true, "d", true);
  EXPECT_NE(out.find("\r\nContent-Length: 123456\r\n"), std::string::npos) << out;
  out = serializeResponse(known, "HTTP/1.1", true, "d", false);  // a GET sends what it has
  EXPECT_NE(out.find("\r\nContent-Length: 0\r\n"), std::string::npos) << out;
  HttpResponse none = HttpResponse::text(200, "");
  out = serializeResponse(none, "HTTP/1.1", true, "d", true);
  EXPECT_EQ(out.find("Content-Length"), std::string::npos) << out;
}

/// A store with one literal of `size` bytes, so that a query answers with more
/// than a loopback socket takes at once.
std::string bigLiteralData(size_t size) {
  return "<https://ex.org/s> <https://ex.org/p> \"" + std::string(size, 'x') + "\" .\n";
}

class LargeResponseTest : public ServerTest {
 protected:
  void SetUp() override { startServer(bigLiteralData(kLiteral)); }
  static constexpr size_t kLiteral = 8u << 20;

  int connectToServer() {
    std::string u = url("");
    int port = std::stoi(u.substr(u.rfind(':') + 1));
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    int small = 16 * 1024;  // a small receive window: the server's send stops short
    setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &small, sizeof small);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(static_cast<uint16_t>(port));
    EXPECT_EQ(connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
    return fd;
  }
  static void sendAll(int fd, const std::string& bytes) {
    size_t done = 0;
    while (done < bytes.size()) {
      ssize_t n = ::send(fd, bytes.data() + done, bytes.size() - done, MSG_NOSIGNAL);
      ASSERT_GT(n, 0);
      done += static_cast<size_t>(n);
    }
  }
  /// One whole response (head and Content-Length body), or what came before the
  /// connection ended or went quiet for 10 s.
  static std::string readOne(int fd, std::string& pending) {
    for (;;) {
      size_t end = pending.find("\r\n\r\n");
      if (end != std::string::npos) {
        size_t cl = pending.find("Content-Length: ");
        if (cl == std::string::npos || cl > end) return pending;
        size_t want = std::stoul(pending.substr(cl + 16, pending.find("\r\n", cl) - cl - 16));
        if (pending.size() >= end + 4 + want) {
          std::string one = pending.substr(0, end + 4 + want);
          pending.erase(0, end + 4 + want);
          return one;
        }
      }
      pollfd p{fd, POLLIN, 0};
      if (poll(&p, 1, 10000) <= 0) return pending;
      char buf[65536];
      ssize_t n = recv(fd, buf, sizeof buf, 0);
      if (n <= 0) return pending;
      pending.append(buf, static_cast<size_t>(n));
    }
  }
  static std::string get(const std::string& query) {
    return "GET /sparql?query=" + urlEncode(query) +
           " HTTP/1.1\r\nHost: x\r\nAccept: text/csv\r\nConnection: keep-alive\r\n\r\n";
  }
};

TEST_F(LargeResponseTest, ASlowReaderGetsTheWholeBodyThenTheNextResponse) {
  int fd = connectToServer();
  sendAll(fd, get("SELECT ?o { ?s ?p ?o }"));
  // Not reading yet: the server's one send() takes part of the body, the
  // reactor must finish the rest once the client reads.
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  std::string pending;
  std::string first = readOne(fd, pending);
  ASSERT_EQ(first.rfind("HTTP/1.1 200 OK\r\n", 0), 0u) << first.substr(0, 200);
  size_t body = first.find("\r\n\r\n") + 4;
  EXPECT_EQ(first.substr(body, 3), "o\r\n");
  EXPECT_EQ(first.size() - body, 3 + kLiteral + 2);
  EXPECT_EQ(first.find_first_not_of('x', body + 3), first.size() - 2);
  // The same connection goes on with the next request.
  sendAll(fd, get("SELECT (STRLEN(?o) AS ?n) { ?s ?p ?o }"));
  std::string second = readOne(fd, pending);
  EXPECT_NE(second.find("\r\n\r\nn\r\n" + std::to_string(kLiteral) + "\r\n"), std::string::npos)
      << second;
  close(fd);
}

TEST_F(LargeResponseTest, AClientLeavingMidResponseLeavesTheServerServing) {
  for (int i = 0; i < 4; ++i) {
    int fd = connectToServer();
    sendAll(fd, get("SELECT ?o { ?s ?p ?o }"));
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    close(fd);
  }
  auto h = httpRequest("GET", url("/health"), {}, {}, 5000);
  EXPECT_EQ(h.status, 200) << h.error << "\n" << logText();
  EXPECT_TRUE(server().running()) << logText();
  auto q = query("SELECT (STRLEN(?o) AS ?n) { ?s ?p ?o }", "text/csv");
  EXPECT_NE(q.body.find(std::to_string(kLiteral)), std::string::npos) << q.body.substr(0, 200);
}

}  // namespace
}  // namespace bdis::test
