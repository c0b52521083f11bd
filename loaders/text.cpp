#include "loaders/text.h"

#include <utf8proc.h>

#include <cstdint>
#include <cstdlib>
#include <memory>

namespace bdis::loaders {

namespace {

// Length of the well-formed UTF-8 sequence at s[i], or 0 when it is ill-formed.
size_t utf8SequenceLength(std::string_view s, size_t i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = byte(i);
  if (c < 0x80) return 1;
  size_t n = s.size();
  auto cont = [&](size_t k) { return k < n && (byte(k) & 0xC0) == 0x80; };
  if (c >= 0xC2 && c <= 0xDF) return cont(i + 1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (!cont(i + 1) || !cont(i + 2)) return 0;
    unsigned char c1 = byte(i + 1);
    if (c == 0xE0 && c1 < 0xA0) return 0;  // overlong
    if (c == 0xED && c1 > 0x9F) return 0;  // surrogates
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (!cont(i + 1) || !cont(i + 2) || !cont(i + 3)) return 0;
    unsigned char c1 = byte(i + 1);
    if (c == 0xF0 && c1 < 0x90) return 0;  // overlong
    if (c == 0xF4 && c1 > 0x8F) return 0;  // above U+10FFFF
    return 4;
  }
  return 0;
}

}  // namespace

bool isValidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    // Fast path over ASCII, eight bytes at a time.
    while (i + 8 <= s.size()) {
      uint64_t w;
      __builtin_memcpy(&w, s.data() + i, 8);
      if (w & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= s.size()) break;
    size_t len = utf8SequenceLength(s, i);
    if (len == 0) return false;
    i += len;
  }
  return true;
}

std::string sanitizeUtf8(std::string_view s, bool& changed) {
  changed = false;
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    size_t len = utf8SequenceLength(s, i);
    if (len == 0) {
      out += "\xEF\xBF\xBD";
      changed = true;
      ++i;
    } else {
      out.append(s.data() + i, len);
      i += len;
    }
  }
  return out;
}

namespace {

// Base letters of U+00C0..U+00FF (Latin-1 letters with diacritics); 0 for the others.
constexpr char kLatin1Base[64] = {
    'a', 'a', 'a', 'a', 'a', 'a', 0,   'c', 'e', 'e', 'e', 'e', 'i', 'i', 'i', 'i',   // C0-CF
    'd', 'n', 'o', 'o', 'o', 'o', 'o', 0,   'o', 'u', 'u', 'u', 'u', 'y', 0,   0,     // D0-DF
    'a', 'a', 'a', 'a', 'a', 'a', 0,   'c', 'e', 'e', 'e', 'e', 'i', 'i', 'i', 'i',   // E0-EF
    'd', 'n', 'o', 'o', 'o', 'o', 'o', 0,   'o', 'u', 'u', 'u', 'u', 'y', 0,   'y'};  // F0-FF

// Folds `s` to lower-case ASCII where the fast table knows every character; false otherwise.
bool foldLatin(std::string_view s, std::string& out) {
  out.clear();
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c));
      continue;
    }
    unsigned char n = i + 1 < s.size() ? static_cast<unsigned char>(s[i + 1]) : 0;
    if (c == 0xC3 && n >= 0x80 && n <= 0xBF && kLatin1Base[n - 0x80]) {
      out.push_back(kLatin1Base[n - 0x80]);
    } else if (c == 0xC3 && (n == 0x86 || n == 0xA6)) {
      out += "ae";
    } else if (c == 0xC5 && (n == 0x92 || n == 0x93)) {
      out += "oe";
    } else if (c == 0xC2 && (n == 0xA0 || n == 0xAB || n == 0xBB)) {
      out.push_back(' ');  // no-break space, guillemets
    } else if (c == 0xE2 && n == 0x80 && i + 2 < s.size()) {
      out.push_back(' ');  // general punctuation: dashes, quotes, narrow spaces
      ++i;
    } else {
      return false;
    }
    ++i;
  }
  return true;
}

}  // namespace

std::string slugify(std::string_view s) {
  std::string folded;
  if (!foldLatin(s, folded)) {
    utf8proc_uint8_t* mapped = nullptr;
    auto options = static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK |
                                                  UTF8PROC_CASEFOLD | UTF8PROC_COMPAT);
    utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                                      static_cast<utf8proc_ssize_t>(s.size()), &mapped, options);
    if (n >= 0) {
      std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> guard(mapped, &std::free);
      folded.assign(reinterpret_cast<const char*>(mapped), static_cast<size_t>(n));
    } else {
      folded.assign(s);
    }
  }
  std::string out;
  out.reserve(folded.size());
  bool dash = false;
  for (size_t i = 0; i < folded.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(folded[i]);
    // Ligatures have no decomposition: œ (C5 93) -> "oe", æ (C3 A6) -> "ae".
    unsigned char next = i + 1 < folded.size() ? static_cast<unsigned char>(folded[i + 1]) : 0;
    if ((c == 0xC5 && next == 0x93) || (c == 0xC3 && next == 0xA6)) {
      if (dash && !out.empty()) out.push_back('-');
      dash = false;
      out += c == 0xC5 ? "oe" : "ae";
      ++i;
      continue;
    }
    bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<unsigned char>(c - 'A' + 'a');
      alnum = true;
    }
    if (alnum) {
      if (dash && !out.empty()) out.push_back('-');
      dash = false;
      out.push_back(static_cast<char>(c));
    } else {
      dash = true;
    }
  }
  return out;
}

void appendIriSegment(std::string& out, std::string_view value) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (char ch : value) {
    unsigned char c = static_cast<unsigned char>(ch);
    bool escape = c <= 0x20 || c == 0x7F || c == '<' || c == '>' || c == '"' || c == '{' ||
                  c == '}' || c == '|' || c == '\\' || c == '^' || c == '`' || c == '/' ||
                  c == '?' || c == '#' || c == '%';
    if (escape) {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    } else {
      out.push_back(ch);
    }
  }
}

bool isAbsoluteIri(std::string_view s) {
  size_t colon = s.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  auto isAlpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  if (!isAlpha(s[0])) return false;
  for (size_t i = 1; i < colon; ++i) {
    char c = s[i];
    if (!isAlpha(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') return false;
  }
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c <= 0x20 || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' || c == '|' ||
        c == '\\' || c == '^' || c == '`')
      return false;
  }
  return true;
}

std::string_view trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r' || s[b] == '\n')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r' || s[e - 1] == '\n'))
    --e;
  return s.substr(b, e - b);
}

}  // namespace bdis::loaders
