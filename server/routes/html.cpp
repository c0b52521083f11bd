#include "server/routes/html.h"

#include <cstdio>

namespace bdis::server {

std::string htmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

namespace {

const char* kStyle = R"CSS(<style>
body{font-family:system-ui,sans-serif;margin:0;background:#f6f7f4;color:#222}
header{background:#2f6d3a;color:#fff;padding:.6em 1.2em}header a{color:#dfe;margin-right:.8em}
header b{margin-right:1.2em}main{padding:1em 1.2em;max-width:1200px}
table{border-collapse:collapse;background:#fff;margin:.4em 0 1em;font-size:.92em}
td,th{border:1px solid #ccc;padding:.25em .5em;vertical-align:top;text-align:left}
th{background:#e8efe6}code,.iri{font-family:ui-monospace,monospace;font-size:.9em;word-break:break-all}
.muted{color:#666;font-size:.85em}.lit{white-space:pre-wrap}
</style>
)CSS";

}  // namespace

std::string pageStart(std::string_view title, std::string_view extraHead) {
  std::string out =
      "<!doctype html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>";
  out += htmlEscape(title);
  out += "</title>\n";
  out += kStyle;
  out += extraHead;
  out +=
      "</head><body>\n<header><b>bdis</b><a href=\"/\">carte</a><a href=\"/sparql\">SPARQL</a>"
      "<a href=\"/dumps/\">téléchargements</a><a href=\"/catalog\">catalogue</a></header>\n"
      "<main>\n";
  return out;
}

std::string pageEnd() { return "</main>\n</body></html>\n"; }

std::string encodePathForHref(std::string_view path) {
  std::string out;
  out.reserve(path.size());
  for (unsigned char c : path) {
    if (c <= 0x20 || c == 0x7f || c == '%' || c == '?' || c == '#' || c == '"' || c == '\'' ||
        c == '<' || c == '>' || c == '\\' || c == '^' || c == '`' || c == '{' || c == '|' ||
        c == '}') {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

}  // namespace bdis::server
