#pragma once
// RequestFraming: where one HTTP/1.1 request ends in a connection's byte stream,
// so that requests a client pipelines into one TCP segment reach Pistache one at
// a time (Pistache 0.0.5 parses one request per read and drops the rest of the
// bytes). A request ends after the blank line of its head and Content-Length
// bytes of body. A chunked (or otherwise unframed) body is not followed: from
// there on the bytes go through as they come, as before this class.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace bdis::server {

class RequestFraming {
 public:
  /// How many of `bytes` (the next bytes of the connection) belong to the current
  /// request, and whether they complete it (the rest then starts the next one).
  struct Piece {
    size_t length = 0;
    bool ends = false;
  };
  /// `maxHead` bounds the head kept to find its end; past it, everything goes through.
  Piece take(std::string_view bytes, size_t maxHead = 64 * 1024);

  /// The body length a request head announces: Content-Length's value, 0 when it has
  /// none; nothing when the body cannot be framed (chunked or another transfer
  /// coding, a malformed or repeated length). `head` ends with its blank line.
  static bool bodyLength(std::string_view head, uint64_t& length);

 private:
  std::string head_;      ///< the current head so far (until its blank line)
  uint64_t bodyLeft_ = 0;  ///< body bytes still to come
  bool inBody_ = false;
  bool passThrough_ = false;  ///< framing lost: no more splitting on this connection
};

}  // namespace bdis::server
