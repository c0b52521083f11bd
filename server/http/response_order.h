#pragma once
// ResponseOrder: the responses of one connection leave in the order of its
// requests (RFC 9112 9.3.2), whichever thread finishes first. A client that
// pipelines a slow query and a quick one gets the slow one's answer first.
//
// The network thread numbers each request as it reads it (take()); whoever has
// a response ready hands it over with its number: it is written at once when
// every earlier response is out, else parked and written, in order, by the
// thread that writes the last one before it. Writing happens under the lock,
// so two responses of one connection never interleave.

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>

namespace Pistache::Http {
class ResponseWriter;
}

namespace bdis::server {

class ResponseOrder {
 public:
  /// Writes a response on a socket descriptor (the connection's own on the network
  /// thread, a duplicate elsewhere); must not throw.
  using Write = std::function<void(int fd)>;

  /// The number of the next request read on the connection. Network thread only.
  uint64_t take() { return issued_++; }
  /// From a worker holding its own duplicate `fd` of the socket: writes response
  /// `seq` (write(fd)) now, or once the responses before it are out.
  void deliver(uint64_t seq, int fd, Write write);
  /// From the network thread serving the connection: writes response `seq` on the
  /// connection's own descriptor now when nothing before it is pending, else parks
  /// it with a duplicate of the socket taken now (the descriptor number could name
  /// another connection by the time it is written).
  void deliverFromNetwork(uint64_t seq, const Pistache::Http::ResponseWriter& writer,
                          Write write);

  /// The order of the connection of `writer`, made on its first request (kept in
  /// Pistache's per-connection data); null when the client is gone. Network thread only.
  static std::shared_ptr<ResponseOrder> of(const Pistache::Http::ResponseWriter& writer);

 private:
  /// Writes what is now in order after `sent_` moved on. Holds mutex_.
  void flushParked();

  uint64_t issued_ = 0;  ///< network thread only
  std::mutex mutex_;
  uint64_t sent_ = 0;                           ///< responses written
  std::map<uint64_t, std::function<void()>> parked_;  ///< ready, waiting for earlier ones
};

}  // namespace bdis::server
