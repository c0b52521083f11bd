#include "rdf/term.h"

#include <tuple>

namespace bdis::rdf {

bool operator<(const Term& a, const Term& b) {
  return std::tie(a.kind, a.value, a.datatype, a.lang) <
         std::tie(b.kind, b.value, b.datatype, b.lang);
}

namespace {

void appendHex(std::string& out, char32_t c, int digits) {
  static const char* hex = "0123456789ABCDEF";
  for (int i = digits - 1; i >= 0; --i) out += hex[(c >> (4 * i)) & 0xF];
}

void escapeIri(std::string& out, std::string_view v) {
  for (unsigned char c : v) {
    if (c <= 0x20 || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' || c == '|' ||
        c == '^' || c == '`' || c == '\\') {
      out += "\\u";
      appendHex(out, c, 4);
    } else {
      out += static_cast<char>(c);
    }
  }
}

void escapeString(std::string& out, std::string_view v) {
  for (unsigned char c : v) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      default:
        if (c < 0x20 || c == 0x7F) {
          out += "\\u";
          appendHex(out, c, 4);
        } else {
          out += static_cast<char>(c);
        }
    }
  }
}

}  // namespace

std::string toNTriples(const TermView& t) {
  std::string out;
  switch (t.kind) {
    case TermKind::None: break;
    case TermKind::Iri:
      out += '<';
      escapeIri(out, t.value);
      out += '>';
      break;
    case TermKind::Blank:
      out += "_:";
      out += t.value;
      break;
    case TermKind::Literal:
      out += '"';
      escapeString(out, t.value);
      out += '"';
      if (!t.lang.empty()) {
        out += '@';
        out += t.lang;
      } else if (!t.datatype.empty() && t.datatype != kXsdString) {
        out += "^^<";
        escapeIri(out, t.datatype);
        out += '>';
      }
      break;
  }
  return out;
}

}  // namespace bdis::rdf
