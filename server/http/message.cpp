#include "server/http/message.h"

#include <algorithm>
#include <cctype>
#include <stdexcept>

namespace bdis::server {

std::optional<std::string> HttpRequest::param(const std::string& name) const {
  auto it = params.find(name);
  if (it == params.end()) return std::nullopt;
  return it->second;
}

std::vector<std::string> HttpRequest::params_all(const std::string& name) const {
  std::vector<std::string> out;
  auto [lo, hi] = params.equal_range(name);
  for (auto it = lo; it != hi; ++it) out.push_back(it->second);
  return out;
}

std::string HttpRequest::header(const std::string& name) const {
  auto it = headers.find(name);
  return it == headers.end() ? std::string() : it->second;
}

std::string HttpRequest::contentType() const {
  std::string ct = header("content-type");
  auto semi = ct.find(';');
  if (semi != std::string::npos) ct.resize(semi);
  while (!ct.empty() && std::isspace(static_cast<unsigned char>(ct.back()))) ct.pop_back();
  size_t start = 0;
  while (start < ct.size() && std::isspace(static_cast<unsigned char>(ct[start]))) ++start;
  ct.erase(0, start);
  std::transform(ct.begin(), ct.end(), ct.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ct;
}

namespace {

std::string lowerAscii(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

std::string_view trimView(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

/// The value of parameter `name` in a header value such as `type; a=1; b="2"`.
std::string headerParam(std::string_view value, const std::string& name) {
  size_t pos = value.find(';');
  while (pos != std::string_view::npos) {
    size_t next = value.find(';', pos + 1);
    std::string_view item = trimView(value.substr(
        pos + 1, next == std::string_view::npos ? std::string_view::npos : next - pos - 1));
    size_t eq = item.find('=');
    if (eq != std::string_view::npos &&
        lowerAscii(std::string(trimView(item.substr(0, eq)))) == name) {
      std::string_view v = trimView(item.substr(eq + 1));
      if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
      return std::string(v);
    }
    pos = next;
  }
  return {};
}

}  // namespace

std::string HttpRequest::contentTypeParam(const std::string& name) const {
  return headerParam(header("content-type"), name);
}

bool HttpRequest::bodyIsUtf8() const {
  std::string cs = lowerAscii(contentTypeParam("charset"));
  return cs.empty() || cs == "utf-8" || cs == "utf8" || cs == "us-ascii";
}

HttpResponse HttpResponse::text(int status, std::string body) {
  HttpResponse r;
  r.status = status;
  r.body = std::move(body);
  return r;
}

HttpResponse HttpResponse::json(int status, std::string body) {
  HttpResponse r;
  r.status = status;
  r.contentType = "application/json";
  r.body = std::move(body);
  return r;
}

namespace {

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string percentDecode(std::string_view s, bool plusIsSpace) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '%' && i + 2 < s.size()) {
      int hi = hexValue(s[i + 1]), lo = hexValue(s[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
        continue;
      }
    }
    out += (plusIsSpace && c == '+') ? ' ' : c;
  }
  return out;
}

void parseForm(std::string_view s, std::multimap<std::string, std::string>& out) {
  size_t pos = 0;
  while (pos <= s.size()) {
    size_t amp = s.find('&', pos);
    if (amp == std::string_view::npos) amp = s.size();
    std::string_view pair = s.substr(pos, amp - pos);
    if (!pair.empty()) {
      size_t eq = pair.find('=');
      std::string_view key = pair.substr(0, eq);
      std::string_view value =
          eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1);
      out.emplace(percentDecode(key, true), percentDecode(value, true));
    }
    pos = amp + 1;
  }
}

std::vector<MultipartPart> parseMultipart(std::string_view body, std::string_view boundary) {
  if (boundary.empty()) throw std::invalid_argument("multipart body without a boundary parameter");
  const std::string delimiter = "--" + std::string(boundary);
  size_t pos = body.find(delimiter);
  if (pos == std::string_view::npos) throw std::invalid_argument("multipart boundary not found");
  std::vector<MultipartPart> parts;
  for (;;) {
    pos += delimiter.size();
    if (body.substr(pos, 2) == "--") return parts;  // closing delimiter
    size_t lineEnd = body.find("\r\n", pos);
    if (lineEnd == std::string_view::npos) throw std::invalid_argument("truncated multipart body");
    size_t headersEnd = body.find("\r\n\r\n", lineEnd);
    if (headersEnd == std::string_view::npos) {
      throw std::invalid_argument("multipart part without a blank line after its headers");
    }
    MultipartPart part;
    std::string_view headers = headersEnd > lineEnd
                                   ? body.substr(lineEnd + 2, headersEnd - lineEnd - 2)
                                   : std::string_view();
    size_t h = 0;
    while (h < headers.size()) {
      size_t e = headers.find("\r\n", h);
      if (e == std::string_view::npos) e = headers.size();
      std::string_view line = headers.substr(h, e - h);
      size_t colon = line.find(':');
      if (colon != std::string_view::npos) {
        std::string name = lowerAscii(std::string(trimView(line.substr(0, colon))));
        std::string_view value = trimView(line.substr(colon + 1));
        if (name == "content-type") part.contentType = std::string(value);
        if (name == "content-disposition") part.name = headerParam(value, "name");
      }
      h = e + 2;
    }
    size_t start = headersEnd + 4;
    size_t next = body.find("\r\n" + delimiter, start);
    if (next == std::string_view::npos) throw std::invalid_argument("multipart part not closed");
    part.body = body.substr(start, next - start);
    parts.push_back(part);
    pos = next + 2;
  }
}

}  // namespace bdis::server
