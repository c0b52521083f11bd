#include "sparql/results/escape.h"

#include <cstdio>

#include "rdf/term_codec.h"

namespace bdis::sparql::results {

void writeJsonString(std::ostream& out, std::string_view s) {
  for (char c : s) {
    switch (c) {
      case '"': out << "\\\""; break;
      case '\\': out << "\\\\"; break;
      case '\n': out << "\\n"; break;
      case '\r': out << "\\r"; break;
      case '\t': out << "\\t"; break;
      case '\b': out << "\\b"; break;
      case '\f': out << "\\f"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
          out << buf;
        } else {
          out << c;
        }
    }
  }
}

void writeXmlText(std::ostream& out, std::string_view s) {
  for (char c : s) {
    switch (c) {
      case '&': out << "&amp;"; break;
      case '<': out << "&lt;"; break;
      case '>': out << "&gt;"; break;
      case '"': out << "&quot;"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t' && c != '\r') {
          // XML 1.0 cannot carry these characters; write a visible escape.
          char buf[12];
          std::snprintf(buf, sizeof buf, "\\u%04X", static_cast<unsigned>(c));
          out << buf;
        } else if (c == '\r') {
          out << "&#13;";
        } else {
          out << c;
        }
    }
  }
}

void writeNTriplesTerm(std::ostream& out, const rdf::TermView& t) { out << rdf::toNTriples(t); }

namespace {
bool digits(std::string_view s, size_t& i) {
  size_t start = i;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  return i > start;
}
}  // namespace

bool isTurtleShortNumber(const rdf::TermView& t) {
  if (!t.isLiteral() || !t.lang.empty()) return false;
  std::string_view v = t.value;
  if (t.datatype == rdf::kXsdBoolean) return v == "true" || v == "false";
  bool isInt = t.datatype == rdf::kXsdInteger;
  bool isDec = t.datatype == rdf::kXsdDecimal;
  bool isDbl = t.datatype == "http://www.w3.org/2001/XMLSchema#double";
  if (!isInt && !isDec && !isDbl) return false;
  size_t i = 0;
  if (i < v.size() && (v[i] == '+' || v[i] == '-')) ++i;
  if (isInt) return digits(v, i) && i == v.size();
  if (isDec) {
    digits(v, i);
    if (i >= v.size() || v[i] != '.') return false;
    ++i;
    return digits(v, i) && i == v.size();
  }
  bool mant = digits(v, i);
  if (i < v.size() && v[i] == '.') {
    ++i;
    mant = digits(v, i) || mant;
  }
  if (!mant || i >= v.size() || (v[i] != 'e' && v[i] != 'E')) return false;
  ++i;
  if (i < v.size() && (v[i] == '+' || v[i] == '-')) ++i;
  return digits(v, i) && i == v.size();
}

}  // namespace bdis::sparql::results
