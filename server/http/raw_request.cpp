#include "server/http/raw_query.h"

#include <pistache/peer.h>
#include <pistache/tcp.h>

namespace bdis::server {

using namespace Pistache;

namespace {

// Tcp::Handler::associateTransport is private (Transport is its friend); the inner
// handler must share the outer one's transport to answer. An explicit template
// instantiation may name a private member ([temp.spec.general]/6), which is how
// its address is taken here without touching Pistache.
using AssociateFn = void (Tcp::Handler::*)(Tcp::Transport*);
AssociateFn associateTransportFn();

template <AssociateFn F>
struct AssociateAccess {
  friend AssociateFn associateTransportFn() { return F; }
};
template struct AssociateAccess<&Tcp::Handler::associateTransport>;

constexpr const char* kLineData = "bdis.requestLine";
constexpr size_t kMaxLine = 16u << 20;

}  // namespace

/// The first line of the request in progress on one connection.
struct RawQueryHandler::RequestLine {
  std::string text;
  bool complete = false;
};

/// Runs Pistache's request parsing and hands finished requests back to the outer handler.
class RawQueryHandler::Inner : public Http::Handler {
 public:
  explicit Inner(RawQueryHandler* outer) : outer_(outer) {}
  std::shared_ptr<Tcp::Handler> clone() const override { return std::make_shared<Inner>(outer_); }
  void onRequest(const Http::Request& request, Http::ResponseWriter response) override {
    outer_->onRequest(request, std::move(response));
  }
  void onTimeout(const Http::Request& request, Http::ResponseWriter response) override {
    outer_->onTimeout(request, std::move(response));
  }

 private:
  RawQueryHandler* outer_;
};

RawQueryHandler::RawQueryHandler() : inner_(std::make_shared<Inner>(this)) {}

RawQueryHandler::RawQueryHandler(const RawQueryHandler& other)
    : Http::Handler(other), inner_(std::make_shared<Inner>(this)) {}

RawQueryHandler::~RawQueryHandler() = default;

void RawQueryHandler::onInput(const char* buffer, size_t len,
                              const std::shared_ptr<Tcp::Peer>& peer) {
  if (!associated_) {
    (inner_.get()->*associateTransportFn())(transport());
    inner_->setMaxRequestSize(getMaxRequestSize());
    inner_->setMaxResponseSize(getMaxResponseSize());
    associated_ = true;
  }
  auto line = std::static_pointer_cast<RequestLine>(peer->tryGetData(kLineData));
  if (!line) {
    line = std::make_shared<RequestLine>();
    peer->putData(kLineData, line);
  }
  auto parser = getParser(peer);
  bool atStart = parser->step()->id() == Http::Private::RequestLineStep::Id;
  // Pistache resets its parser after each request, answered or refused: a parser
  // back at the request line with a complete line kept means a new request.
  if (atStart && line->complete) *line = RequestLine{};
  if (atStart && !line->complete) {
    std::string_view bytes(buffer, len);
    size_t nl = bytes.find('\n');
    line->text.append(bytes.substr(0, nl == std::string_view::npos ? len : nl));
    line->complete = nl != std::string_view::npos;
    if (line->text.size() > kMaxLine) line->text.clear();
  }
  current_ = line.get();
  try {
    static_cast<Tcp::Handler&>(*inner_).onInput(buffer, len, peer);
  } catch (...) {
    current_ = nullptr;
    throw;
  }
  current_ = nullptr;
}

std::optional<std::string> RawQueryHandler::rawQuery(const Http::Request& request) const {
  if (!current_ || !current_->complete) return std::nullopt;
  return queryOfRequestLine(current_->text, Http::methodString(request.method()),
                            request.resource());
}

std::optional<std::string> queryOfRequestLine(const std::string& line, const std::string& method,
                                              const std::string& path) {
  size_t sp = line.find(' ');
  if (sp == std::string::npos || line.compare(0, sp, method) != 0) return std::nullopt;
  size_t start = sp + 1;
  size_t end = line.find(' ', start);
  if (end == std::string::npos) return std::nullopt;
  std::string_view target(line.data() + start, end - start);
  size_t q = target.find('?');
  if (target.substr(0, q) != path) return std::nullopt;
  return q == std::string_view::npos ? std::string() : std::string(target.substr(q + 1));
}

}  // namespace bdis::server
