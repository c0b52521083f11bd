#include "server/http/wire.h"

#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <ctime>
#include <mutex>
#include <utility>
#include <vector>

namespace bdis::server {

using namespace Pistache;

namespace {

bool sameName(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  }
  return true;
}

void put(std::vector<std::pair<std::string_view, std::string_view>>& headers,
         std::string_view name, std::string_view value) {
  for (auto& h : headers) {
    if (sameName(h.first, name)) {
      h = {name, value};
      return;
    }
  }
  headers.emplace_back(name, value);
}

}  // namespace

std::string serializeResponse(const HttpResponse& response, std::string_view version,
                              bool keepAlive, std::string_view date, bool head) {
  std::vector<std::pair<std::string_view, std::string_view>> headers;
  headers.reserve(6 + response.headers.size());
  const bool knownLength = !head || response.headLength || !response.body.empty();
  std::string length = std::to_string(
      head && response.headLength ? *response.headLength : response.body.size());
  put(headers, "Content-Type", response.contentType);
  put(headers, "Date", date);
  put(headers, "Access-Control-Allow-Origin", "*");
  put(headers, "Server", "bdis");
  put(headers, "Connection", keepAlive ? "Keep-Alive" : "Close");
  for (const auto& [name, value] : response.headers) put(headers, name, value);
  if (knownLength) put(headers, "Content-Length", length);

  std::string out;
  size_t size = 64 + response.body.size();
  for (const auto& [name, value] : headers) size += name.size() + value.size() + 4;
  out.reserve(size);
  out.append(version);
  out += ' ';
  out += std::to_string(response.status);
  out += ' ';
  out += Http::codeString(static_cast<Http::Code>(response.status));
  out += "\r\n";
  for (const auto& [name, value] : headers) {
    out.append(name);
    out += ": ";
    out.append(value);
    out += "\r\n";
  }
  out += "\r\n";
  if (!head) out += response.body;
  return out;
}

std::string httpDate() {
  static std::mutex mutex;
  static std::time_t last = 0;
  static std::string text;
  std::time_t now = std::time(nullptr);
  std::lock_guard lock(mutex);
  if (now != last) {
    char buf[64];
    std::tm tm{};
    gmtime_r(&now, &tm);
    std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S GMT", &tm);
    text = buf;
    last = now;
  }
  return text;
}

SocketHandle::SocketHandle(const Http::ResponseWriter& writer) {
  if (auto peer = writer.getPeer()) fd_ = ::dup(peer->fd());
}

SocketHandle::~SocketHandle() {
  if (fd_ >= 0) ::close(fd_);
}

SocketHandle::SocketHandle(SocketHandle&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}

SocketHandle& SocketHandle::operator=(SocketHandle&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = std::exchange(other.fd_, -1);
  }
  return *this;
}

void writeResponse(Http::ResponseWriter& writer, int fd, std::string bytes) {
  auto peer = writer.getPeer();
  if (!peer) return;  // the client has gone
  size_t sent = 0;
  // Without a socket of its own (dup failed: no descriptor left), all goes through Pistache.
  while (fd >= 0 && sent < bytes.size()) {
    ssize_t n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL | MSG_DONTWAIT);
    if (n > 0) {
      sent += static_cast<size_t>(n);
    } else if (n < 0 && errno == EINTR) {
      continue;
    } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      break;  // the socket's buffer is full: the reactor finishes
    } else {
      return;  // reset or closed by the client
    }
  }
  peer->setIdle(true);
  if (sent < bytes.size()) {
    size_t rest = bytes.size() - sent;
    bytes.erase(0, sent);
    peer->send(RawBuffer(std::move(bytes), rest), MSG_NOSIGNAL);
  }
}

}  // namespace bdis::server
