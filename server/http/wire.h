#pragma once
// A response as bytes on the wire, and how they reach the client without a
// round trip through Pistache's reactor.
//
// Pistache 0.0.5 queues every write (ResponseWriter::send -> Transport::asyncWrite)
// and wakes the connection's reactor thread through an eventfd; the reactor then
// arms EPOLLOUT, waits for it and only then calls send(): from a query worker that
// is one more thread wake-up and five more system calls per response. bdis builds
// each response whole anyway, so it writes it itself with one send() on the
// connection's socket, and hands Pistache only what the socket did not take.

#include <pistache/http.h>
#include <pistache/peer.h>

#include <string>
#include <string_view>

#include "server/http/message.h"

namespace bdis::server {

/// The status line and headers of `response`, then its body, as HTTP/1.x bytes.
/// Sends Content-Type, Date, Access-Control-Allow-Origin, Server, Connection
/// (keep-alive or close) and Content-Length, then the response's own headers; a
/// response header named like one of these (case-insensitive) replaces it, and of
/// several headers with one name the last is sent. For a HEAD request (`head`), no body
/// is sent and Content-Length is the GET body's: `headLength`, else the body's
/// size when it was built, else none.
std::string serializeResponse(const HttpResponse& response, std::string_view version,
                              bool keepAlive, std::string_view date, bool head = false);

/// The current time as an HTTP date (RFC 9110 IMF-fixdate); computed once a second.
std::string httpDate();

/// A connection's socket, duplicated on the network thread that owns it, so that a
/// query worker can write to it later even if Pistache has closed its descriptor
/// meanwhile (its number could then name another connection).
class SocketHandle {
 public:
  /// Duplicates the writer's socket; empty (invalid) when the client is gone.
  /// Call on the network thread serving the request.
  explicit SocketHandle(const Pistache::Http::ResponseWriter& writer);
  SocketHandle() = default;
  ~SocketHandle();
  SocketHandle(SocketHandle&& other) noexcept;
  SocketHandle& operator=(SocketHandle&& other) noexcept;
  SocketHandle(const SocketHandle&) = delete;
  SocketHandle& operator=(const SocketHandle&) = delete;

  int fd() const { return fd_; }

 private:
  int fd_ = -1;
};

/// Writes `bytes` to the client of `writer`: one non-blocking send() on `fd` (the
/// connection's socket: Pistache's own descriptor on its network thread, or a
/// SocketHandle's elsewhere); what the socket does not take at once (a slow
/// reader, a large body) goes through Pistache's write queue, which finishes it
/// from the reactor, as does everything when `fd` is -1. A client that has gone
/// away is ignored. Marks the connection
/// idle, as ResponseWriter::send does, for Pistache's keep-alive timeout.
void writeResponse(Pistache::Http::ResponseWriter& writer, int fd, std::string bytes);

}  // namespace bdis::server
