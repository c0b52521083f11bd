#include "rdf/turtle_lexical.h"

#include "rdf/term.h"

namespace bdis::rdf {

namespace {

bool isAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool isDigit(char c) { return c >= '0' && c <= '9'; }

/// Consumes [0-9]* from `s` at `i`; returns how many digits.
size_t digits(std::string_view s, size_t& i) {
  const size_t start = i;
  while (i < s.size() && isDigit(s[i])) {
    ++i;
  }
  return i - start;
}

bool isInteger(std::string_view s) {
  size_t i = (!s.empty() && (s[0] == '+' || s[0] == '-')) ? 1 : 0;
  return digits(s, i) > 0 && i == s.size();
}

bool isDecimal(std::string_view s) {
  size_t i = (!s.empty() && (s[0] == '+' || s[0] == '-')) ? 1 : 0;
  digits(s, i);
  if (i >= s.size() || s[i] != '.') {
    return false;
  }
  ++i;
  return digits(s, i) > 0 && i == s.size();
}

bool isDouble(std::string_view s) {
  size_t i = (!s.empty() && (s[0] == '+' || s[0] == '-')) ? 1 : 0;
  const size_t intDigits = digits(s, i);
  size_t fracDigits = 0;
  if (i < s.size() && s[i] == '.') {
    ++i;
    fracDigits = digits(s, i);
  }
  if (intDigits == 0 && fracDigits == 0) {
    return false;
  }
  if (i >= s.size() || (s[i] != 'e' && s[i] != 'E')) {
    return false;
  }
  ++i;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
    ++i;
  }
  return digits(s, i) > 0 && i == s.size();
}

}  // namespace

bool isTurtlePrefixName(std::string_view name) {
  if (name.empty()) {
    return true;
  }
  if (!isAlpha(name.front()) || name.back() == '.') {
    return false;
  }
  for (char c : name) {
    if (!isAlpha(c) && !isDigit(c) && c != '_' && c != '-' && c != '.') {
      return false;
    }
  }
  return true;
}

bool isTurtleLocalName(std::string_view local) {
  if (local.empty()) {
    return true;
  }
  const char first = local.front();
  if (!isAlpha(first) && !isDigit(first) && first != '_') {
    return false;
  }
  if (local.back() == '.') {
    return false;
  }
  for (char c : local) {
    if (!isAlpha(c) && !isDigit(c) && c != '_' && c != '-' && c != '.') {
      return false;
    }
  }
  return true;
}

bool isTurtleBlankLabel(std::string_view label) {
  if (label.empty()) {
    return false;
  }
  const char first = label.front();
  if (!isAlpha(first) && !isDigit(first) && first != '_') {
    return false;
  }
  if (label.back() == '.') {
    return false;
  }
  for (char c : label) {
    if (!isAlpha(c) && !isDigit(c) && c != '_' && c != '-' && c != '.') {
      return false;
    }
  }
  return true;
}

bool isBareLiteral(std::string_view lexical, std::string_view datatype) {
  if (!datatype.starts_with(kXsd)) {
    return false;
  }
  const std::string_view local = datatype.substr(kXsd.size());
  if (local == "integer") {
    return isInteger(lexical);
  }
  if (local == "decimal") {
    return isDecimal(lexical);
  }
  if (local == "double") {
    return isDouble(lexical);
  }
  if (local == "boolean") {
    return lexical == "true" || lexical == "false";
  }
  return false;
}

}  // namespace bdis::rdf
