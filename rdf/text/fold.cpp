#include "rdf/text/fold.h"

#include <utf8proc.h>

#include <array>
#include <cstdlib>
#include <memory>

namespace bdis::rdf::text {

namespace {

/// Replaces every invalid UTF-8 sequence by U+FFFD.
std::string sanitize(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(in.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(in.size());
  while (left > 0) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) {
      out += "\xEF\xBF\xBD";
      ++p;
      --left;
      continue;
    }
    out.append(reinterpret_cast<const char*>(p), static_cast<size_t>(n));
    p += n;
    left -= n;
  }
  return out;
}

bool isOperator(std::string_view word) {
  static constexpr std::array<std::string_view, 5> kOps = {"AND", "OR", "NOT", "XOR", "NEAR"};
  for (auto op : kOps)
    if (word == op) return true;
  return false;
}

/// Ligatures that Unicode does not decompose (œ, æ) spelled out, and French
/// elisions split: apostrophes (' and U+2019) become spaces ("l'île" -> "l ile").
std::string expandLigatures(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    if (in.compare(i, 2, "\xC5\x93") == 0) {
      out += "oe";
      ++i;
    } else if (in.compare(i, 2, "\xC3\xA6") == 0) {
      out += "ae";
      ++i;
    } else if (in.compare(i, 3, "\xE2\x80\x99") == 0) {
      out += ' ';
      i += 2;
    } else {
      out += in[i] == '\'' ? ' ' : in[i];
    }
  }
  return out;
}

}  // namespace

std::string foldText(std::string_view text) {
  if (text.empty()) return {};
  std::string clean = sanitize(text);
  utf8proc_uint8_t* mapped = nullptr;
  auto options =
      static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
                                     UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK);
  utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(clean.data()),
                                    static_cast<utf8proc_ssize_t>(clean.size()), &mapped, options);
  if (n < 0) return clean;
  std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owner(mapped, &std::free);
  return expandLigatures(
      std::string_view(reinterpret_cast<const char*>(mapped), static_cast<size_t>(n)));
}

std::string foldQuery(std::string_view query) {
  std::string out;
  size_t i = 0;
  while (i < query.size()) {
    size_t j = i;
    bool space = query[i] == ' ' || query[i] == '\t' || query[i] == '\n' || query[i] == '\r';
    while (j < query.size() &&
           (query[j] == ' ' || query[j] == '\t' || query[j] == '\n' || query[j] == '\r') == space)
      ++j;
    std::string_view chunk = query.substr(i, j - i);
    if (space || isOperator(chunk))
      out += chunk;
    else
      out += foldText(chunk);
    i = j;
  }
  return out;
}

}  // namespace bdis::rdf::text
