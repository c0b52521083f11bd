#include "server/http/request_framing.h"

#include <algorithm>
#include <cctype>

namespace bdis::server {
namespace {

/// The value of each header line named `name` (lower case), in order, in `head`.
template <typename F>
void forEachHeader(std::string_view head, std::string_view name, F&& f) {
  size_t p = head.find("\r\n");
  while (p != std::string_view::npos && p + 2 < head.size()) {
    const size_t start = p + 2;
    const size_t end = head.find("\r\n", start);
    if (end == std::string_view::npos) break;
    std::string_view line = head.substr(start, end - start);
    if (line.size() > name.size() && line[name.size()] == ':' &&
        std::equal(name.begin(), name.end(), line.begin(),
                   [](char a, char b) { return a == std::tolower(static_cast<unsigned char>(b)); })) {
      std::string_view value = line.substr(name.size() + 1);
      while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
      while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
      f(value);
    }
    p = end;
  }
}

}  // namespace

bool RequestFraming::bodyLength(std::string_view head, uint64_t& length) {
  bool coded = false;
  forEachHeader(head, "transfer-encoding", [&](std::string_view) { coded = true; });
  if (coded) return false;
  int seen = 0;
  bool ok = true;
  length = 0;
  forEachHeader(head, "content-length", [&](std::string_view v) {
    ++seen;
    if (v.empty() || v.size() > 18 ||
        !std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      ok = false;
      return;
    }
    length = std::stoull(std::string(v));
  });
  return ok && seen <= 1;
}

RequestFraming::Piece RequestFraming::take(std::string_view bytes, size_t maxHead) {
  if (passThrough_) return {bytes.size(), false};
  if (inBody_) {
    const uint64_t n = std::min<uint64_t>(bodyLeft_, bytes.size());
    bodyLeft_ -= n;
    if (bodyLeft_ > 0) return {static_cast<size_t>(n), false};
    inBody_ = false;
    return {static_cast<size_t>(n), true};
  }
  // In the head: find its blank line, which may straddle the previous bytes.
  const size_t before = head_.size();
  const size_t from = before >= 3 ? before - 3 : 0;
  head_.append(bytes);
  const size_t blank = head_.find("\r\n\r\n", from);
  if (blank == std::string::npos) {
    if (head_.size() > maxHead) passThrough_ = true;  // Pistache refuses it as too large
    return {bytes.size(), false};
  }
  const size_t headEnd = blank + 4;
  const size_t used = headEnd - before;  // of `bytes`
  uint64_t body = 0;
  const bool framed = bodyLength(std::string_view(head_).substr(0, headEnd), body);
  head_.clear();
  if (!framed) {
    passThrough_ = true;
    return {bytes.size(), false};
  }
  if (body == 0) return {used, true};
  inBody_ = true;
  bodyLeft_ = body;
  Piece rest = take(bytes.substr(used), maxHead);
  return {used + rest.length, rest.ends};
}

}  // namespace bdis::server
