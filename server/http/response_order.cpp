#include "server/http/response_order.h"

#include <pistache/http.h>

#include "server/http/wire.h"

namespace bdis::server {

void ResponseOrder::deliver(uint64_t seq, int fd, Write write) {
  std::lock_guard lock(mutex_);
  if (seq != sent_) {
    parked_.emplace(seq, [fd, w = std::move(write)] { w(fd); });
    return;
  }
  write(fd);
  ++sent_;
  flushParked();
}

void ResponseOrder::deliverFromNetwork(uint64_t seq, const Pistache::Http::ResponseWriter& writer,
                                       Write write) {
  std::lock_guard lock(mutex_);
  if (seq != sent_) {
    auto socket = std::make_shared<SocketHandle>(writer);
    parked_.emplace(seq, [socket, w = std::move(write)] { w(socket->fd()); });
    return;
  }
  auto peer = writer.getPeer();
  write(peer ? peer->fd() : -1);
  ++sent_;
  flushParked();
}

void ResponseOrder::flushParked() {
  for (auto it = parked_.begin(); it != parked_.end() && it->first == sent_;
       it = parked_.erase(it)) {
    it->second();
    ++sent_;
  }
}

std::shared_ptr<ResponseOrder> ResponseOrder::of(const Pistache::Http::ResponseWriter& writer) {
  auto peer = writer.getPeer();
  if (!peer) return nullptr;
  static const std::string kKey = "bdis.response-order";
  if (auto data = peer->tryGetData(kKey)) return std::static_pointer_cast<ResponseOrder>(data);
  auto order = std::make_shared<ResponseOrder>();
  peer->putData(kKey, order);
  return order;
}

}  // namespace bdis::server
