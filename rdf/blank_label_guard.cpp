#include "rdf/blank_label_guard.h"

#include <algorithm>
#include <cstring>

namespace bdis::rdf::detail {

namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

/// The letter ('b' or 'B') of a `_:b<digit>` pattern starting at `p`, or 0.
char patternAt(std::string_view s, size_t p) {
  if (p + 3 >= s.size() || s[p] != '_' || s[p + 1] != ':' || !isDigit(s[p + 3])) {
    return 0;
  }
  return (s[p + 2] == 'b' || s[p + 2] == 'B') ? s[p + 2] : 0;
}

}  // namespace

bool BlankLabelGuard::mark(char letter, uint64_t line, uint64_t column) {
  (letter == 'b' ? lower_ : upper_) = true;
  if (lower_ && upper_) {
    hitLine_ = line;
    hitColumn_ = column;
    return true;
  }
  return false;
}

bool BlankLabelGuard::scan(std::string_view bytes) {
  if (bytes.empty()) {
    return false;
  }
  // A pattern split between the previous piece and this one.
  if (!tail_.empty()) {
    const std::string window = tail_ + std::string(bytes.substr(0, 3));
    for (size_t p = 0; p < tail_.size(); ++p) {
      if (const char letter = patternAt(window, p)) {
        if (mark(letter, line_, column_ - (tail_.size() - p) + 1)) {
          return true;
        }
      }
    }
  }
  const char* const data = bytes.data();
  size_t pos = 0;
  uint64_t line = line_;
  size_t lineStart = 0;        // offset of the current line's start in this piece
  size_t counted = 0;          // line breaks are counted up to here
  uint64_t carried = column_;  // columns carried from the previous piece on the first line
  while (pos < bytes.size()) {
    const void* hit = std::memchr(data + pos, '_', bytes.size() - pos);
    if (!hit) {
      break;
    }
    const size_t at = static_cast<size_t>(static_cast<const char*>(hit) - data);
    if (const char letter = patternAt(bytes, at)) {
      for (; counted < at; ++counted) {
        if (data[counted] == '\n') {
          ++line;
          lineStart = counted + 1;
          carried = 0;
        }
      }
      if (mark(letter, line, carried + (at - lineStart) + 1)) {
        return true;
      }
    }
    pos = at + 1;
  }
  const auto breaks = static_cast<uint64_t>(std::count(bytes.begin(), bytes.end(), '\n'));
  const size_t lastBreak = bytes.rfind('\n');
  line_ += breaks;
  column_ =
      lastBreak == std::string_view::npos ? column_ + bytes.size() : bytes.size() - lastBreak - 1;
  tail_.append(bytes.substr(bytes.size() > 3 ? bytes.size() - 3 : 0));
  if (tail_.size() > 3) {
    tail_.erase(0, tail_.size() - 3);
  }
  return false;
}

}  // namespace bdis::rdf::detail
