#include "server/http/raw_request.h"

#include <pistache/peer.h>
#include <pistache/tcp.h>

#include <algorithm>
#include <cctype>

#include "server/http/request_framing.h"

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

constexpr const char* kHeadData = "bdis.requestHead";
constexpr const char* kFramingData = "bdis.requestFraming";
constexpr size_t kMaxLine = 16u << 20;

}  // namespace

/// The head of the request in progress on one connection.
struct RawRequestHandler::RequestHead {
  std::string line;  // the request line, as it arrives
  bool lineComplete = false;
  AcceptMasker masker;
};

/// Runs Pistache's request parsing and hands finished requests back to the outer handler.
class RawRequestHandler::Inner : public Http::Handler {
 public:
  explicit Inner(RawRequestHandler* outer) : outer_(outer) {}
  std::shared_ptr<Tcp::Handler> clone() const override { return std::make_shared<Inner>(outer_); }
  void onRequest(const Http::Request& request, Http::ResponseWriter response) override {
    outer_->onRequest(request, std::move(response));
  }
  void onTimeout(const Http::Request& request, Http::ResponseWriter response) override {
    outer_->onTimeout(request, std::move(response));
  }

 private:
  RawRequestHandler* outer_;
};

RawRequestHandler::RawRequestHandler() : inner_(std::make_shared<Inner>(this)) {}

RawRequestHandler::RawRequestHandler(const RawRequestHandler& other)
    : Http::Handler(other), inner_(std::make_shared<Inner>(this)) {}

RawRequestHandler::~RawRequestHandler() = default;

void RawRequestHandler::onInput(const char* buffer, size_t len,
                                const std::shared_ptr<Tcp::Peer>& peer) {
  // Requests pipelined into one read go to Pistache one at a time: it parses one
  // request per call and drops what follows it.
  auto framing = std::static_pointer_cast<RequestFraming>(peer->tryGetData(kFramingData));
  if (!framing) {
    framing = std::make_shared<RequestFraming>();
    peer->putData(kFramingData, framing);
  }
  std::string_view rest(buffer, len);
  while (!rest.empty()) {
    // A head past 1 MiB is not followed (Pistache refuses it anyway past its own limit).
    const RequestFraming::Piece piece =
        framing->take(rest, std::min<size_t>(getMaxRequestSize(), size_t{1} << 20));
    feedOne(rest.substr(0, piece.length), peer);
    rest.remove_prefix(piece.length);
    if (!piece.ends) break;
  }
}

void RawRequestHandler::feedOne(std::string_view input, const std::shared_ptr<Tcp::Peer>& peer) {
  const char* buffer = input.data();
  const size_t len = input.size();
  if (len == 0) return;
  if (!associated_) {
    (inner_.get()->*associateTransportFn())(transport());
    inner_->setMaxRequestSize(getMaxRequestSize());
    inner_->setMaxResponseSize(getMaxResponseSize());
    associated_ = true;
  }
  auto head = std::static_pointer_cast<RequestHead>(peer->tryGetData(kHeadData));
  if (!head) {
    head = std::make_shared<RequestHead>();
    peer->putData(kHeadData, head);
  }
  auto parser = getParser(peer);
  auto step = parser->step()->id();
  bool atStart = step == Http::Private::RequestLineStep::Id;
  // Pistache resets its parser after each request, answered or refused: a parser
  // back at the request line with a complete line kept means a new request.
  if (atStart && head->lineComplete) *head = RequestHead{};
  std::string_view bytes(buffer, len);
  if (atStart && !head->lineComplete) {
    size_t nl = bytes.find('\n');
    head->line.append(bytes.substr(0, nl == std::string_view::npos ? len : nl));
    head->lineComplete = nl != std::string_view::npos;
    if (head->line.size() > kMaxLine) head->line.clear();
  }
  std::string masked;
  if ((atStart || step == Http::Private::HeadersStep::Id) && !head->masker.headEnded()) {
    masked = head->masker.feed(bytes, getMaxRequestSize());
    bytes = masked;
    if (bytes.empty()) return;  // only part of a line so far
  }
  current_ = head.get();
  try {
    static_cast<Tcp::Handler&>(*inner_).onInput(bytes.data(), bytes.size(), peer);
  } catch (...) {
    current_ = nullptr;
    throw;
  }
  current_ = nullptr;
}

std::optional<std::string> RawRequestHandler::rawQuery(const Http::Request& request) const {
  if (!current_ || !current_->lineComplete) return std::nullopt;
  return queryOfRequestLine(current_->line, Http::methodString(request.method()),
                            request.resource());
}

std::optional<std::string> RawRequestHandler::rawAccept() const {
  if (!current_) return std::nullopt;
  return current_->masker.accept();
}

MaskedHead maskAcceptHeaders(std::string_view before, std::string_view text,
                             std::optional<std::string>& accepted) {
  std::string all = std::string(before) + std::string(text);
  MaskedHead result;
  size_t blank = all.find("\r\n\r\n");
  size_t cut;  // end of the complete lines of the head within `all`
  if (blank != std::string::npos) {
    result.headEnded = true;
    cut = blank + 4;
  } else {
    size_t last = all.rfind("\r\n");
    cut = last == std::string::npos ? 0 : last + 2;
  }
  if (cut < before.size()) cut = before.size();
  std::string out;
  out.reserve(all.size());
  size_t copied = 0;  // bytes of `all` handled so far
  static constexpr std::string_view kName = "\r\naccept:";
  for (size_t p = all.find("\r\n"); p != std::string::npos && p + 2 < cut;
       p = all.find("\r\n", p + 2)) {
    if (p + 2 < before.size() || p + kName.size() > cut) continue;
    bool match = true;
    for (size_t i = 2; i < kName.size() && match; ++i) {
      match = std::tolower(static_cast<unsigned char>(all[p + i])) == kName[i];
    }
    if (!match) continue;
    size_t valueStart = p + kName.size();
    size_t valueEnd = all.find("\r\n", valueStart);  // before `cut`: lines there are whole
    std::string_view value(all.data() + valueStart, valueEnd - valueStart);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t'))
      value.remove_prefix(1);
    while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
    accepted = accepted ? *accepted + ", " + std::string(value) : std::string(value);
    out.append(all, copied, valueStart - copied);
    out += " */*";
    copied = valueEnd;
    p = valueEnd - 2;
  }
  size_t end = result.headEnded ? all.size() : cut;
  out.append(all, copied, end - copied);
  result.feed = out.substr(before.size());
  result.consumed = end - before.size();
  return result;
}

std::string AcceptMasker::feed(std::string_view bytes, size_t limit) {
  if (headEnded_) return std::string(bytes);
  // Pistache gets the head line by line, so that each Accept line is masked whole.
  pending_.append(bytes);
  auto m = maskAcceptHeaders(tail_, pending_, accept_);
  if (!m.headEnded && pending_.size() > limit) {
    m.feed = pending_;  // Pistache refuses it as too large
    m.consumed = pending_.size();
  }
  headEnded_ = m.headEnded;
  pending_.erase(0, m.consumed);
  std::string seen = tail_ + m.feed;
  tail_ = seen.substr(seen.size() > 3 ? seen.size() - 3 : 0);
  return std::move(m.feed);
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
