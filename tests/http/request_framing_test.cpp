// RequestFraming: where pipelined requests end, whatever the bytes' cut.
#include "server/http/request_framing.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace bdis::test {
namespace {

using server::RequestFraming;

/// The requests `stream` splits into when it arrives in pieces of `step` bytes.
std::vector<std::string> split(const std::string& stream, size_t step) {
  RequestFraming f;
  std::vector<std::string> out(1);
  size_t pos = 0;
  while (pos < stream.size()) {
    std::string_view chunk = std::string_view(stream).substr(pos, step);
    while (!chunk.empty()) {
      auto piece = f.take(chunk);
      out.back().append(chunk.substr(0, piece.length));
      chunk.remove_prefix(piece.length);
      if (piece.ends) out.emplace_back();
      if (!piece.ends) break;
    }
    pos += step;
  }
  if (out.back().empty()) out.pop_back();
  return out;
}

TEST(RequestFraming, SplitsGetsAndBodiesAtEveryCut) {
  const std::vector<std::string> requests = {
      "GET /health HTTP/1.1\r\nHost: x\r\n\r\n",
      "POST /sparql HTTP/1.1\r\nHost: x\r\ncontent-LENGTH:  5 \r\n\r\nASK{}",
      "POST /update HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n",
      "GET /sparql?query=x HTTP/1.1\r\nAccept: */*\r\n\r\n",
  };
  std::string stream;
  for (const auto& r : requests) stream += r;
  for (size_t step : {1u, 2u, 3u, 5u, 17u, 64u, 1000u})
    EXPECT_EQ(split(stream, step), requests) << "pieces of " << step;
}

TEST(RequestFraming, UnframedBodiesPassThrough) {
  // Chunked or ill-announced bodies are not followed: from there, one piece.
  const std::string chunked =
      "POST /sparql HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n"
      "GET /health HTTP/1.1\r\n\r\n";
  EXPECT_EQ(split(chunked, 1000), std::vector<std::string>{chunked});
  const std::string twoLengths =
      "POST /sparql HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab";
  EXPECT_EQ(split(twoLengths, 1000), std::vector<std::string>{twoLengths});
  uint64_t n = 7;
  EXPECT_FALSE(RequestFraming::bodyLength("POST / HTTP/1.1\r\nContent-Length: -5\r\n\r\n", n));
  EXPECT_FALSE(RequestFraming::bodyLength("POST / HTTP/1.1\r\nContent-Length: banana\r\n\r\n", n));
  EXPECT_TRUE(RequestFraming::bodyLength("GET / HTTP/1.1\r\nHost: x\r\n\r\n", n));
  EXPECT_EQ(n, 0u);
  EXPECT_TRUE(RequestFraming::bodyLength("POST / HTTP/1.1\r\nX-Content-Length: 9\r\n"
                                         "Content-Length: 12\r\n\r\n", n));
  EXPECT_EQ(n, 12u);
}

TEST(RequestFraming, AnOverlongHeadStopsSplitting) {
  RequestFraming f;
  std::string head = "GET / HTTP/1.1\r\nX: " + std::string(200, 'a');
  auto piece = f.take(head, 100);
  EXPECT_EQ(piece.length, head.size());
  EXPECT_FALSE(piece.ends);
  piece = f.take("\r\n\r\nGET / HTTP/1.1\r\n\r\n", 100);
  EXPECT_FALSE(piece.ends);  // passed through whole: Pistache refuses the head
}

}  // namespace
}  // namespace bdis::test
