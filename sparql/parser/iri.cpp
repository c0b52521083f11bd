#include "sparql/parser/iri.h"

#include <cctype>

namespace bdis::sparql::parser {
namespace {

struct Parts {
  std::string scheme, authority, path, query, fragment;
  bool hasAuthority = false, hasQuery = false, hasFragment = false;
};

Parts split(std::string_view s) {
  Parts p;
  if (hasScheme(s)) {
    size_t c = s.find(':');
    p.scheme = std::string(s.substr(0, c));
    s.remove_prefix(c + 1);
  }
  if (size_t h = s.find('#'); h != std::string_view::npos) {
    p.hasFragment = true;
    p.fragment = std::string(s.substr(h + 1));
    s = s.substr(0, h);
  }
  if (size_t q = s.find('?'); q != std::string_view::npos) {
    p.hasQuery = true;
    p.query = std::string(s.substr(q + 1));
    s = s.substr(0, q);
  }
  if (s.substr(0, 2) == "//") {
    p.hasAuthority = true;
    s.remove_prefix(2);
    size_t e = s.find('/');
    p.authority = std::string(s.substr(0, e));
    s = e == std::string_view::npos ? std::string_view{} : s.substr(e);
  }
  p.path = std::string(s);
  return p;
}

std::string removeDotSegments(std::string in) {
  std::string out;
  while (!in.empty()) {
    if (in.rfind("../", 0) == 0) {
      in.erase(0, 3);
    } else if (in.rfind("./", 0) == 0 || in.rfind("/./", 0) == 0) {
      in.erase(0, 2);
    } else if (in == "/.") {
      in = "/";
    } else if (in.rfind("/../", 0) == 0 || in == "/..") {
      in = in == "/.." ? "/" : in.substr(3);
      size_t k = out.rfind('/');
      out.erase(k == std::string::npos ? 0 : k);
    } else if (in == "." || in == "..") {
      in.clear();
    } else {
      size_t start = in[0] == '/' ? 1 : 0;
      size_t k = in.find('/', start);
      out += in.substr(0, k);
      in = k == std::string::npos ? std::string() : in.substr(k);
    }
  }
  return out;
}

}  // namespace

bool hasScheme(std::string_view iri) {
  if (iri.empty() || !std::isalpha(static_cast<unsigned char>(iri[0]))) {
    return false;
  }
  for (char c : iri.substr(1)) {
    if (c == ':') {
      return true;
    }
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') {
      return false;
    }
  }
  return false;
}

std::string resolveIri(std::string_view base, std::string_view ref) {
  if (base.empty() || hasScheme(ref)) {
    return std::string(ref);
  }
  Parts b = split(base), r = split(ref), t;
  t.scheme = b.scheme;
  if (r.hasAuthority) {
    t.hasAuthority = true;
    t.authority = r.authority;
    t.path = removeDotSegments(r.path);
    t.hasQuery = r.hasQuery;
    t.query = r.query;
  } else {
    t.hasAuthority = b.hasAuthority;
    t.authority = b.authority;
    if (r.path.empty()) {
      t.path = b.path;
      t.hasQuery = r.hasQuery || b.hasQuery;
      t.query = r.hasQuery ? r.query : b.query;
    } else {
      if (r.path[0] == '/') {
        t.path = removeDotSegments(r.path);
      } else {
        std::string merged;
        if (b.hasAuthority && b.path.empty()) {
          merged = "/" + r.path;
        } else {
          size_t k = b.path.rfind('/');
          merged = (k == std::string::npos ? std::string() : b.path.substr(0, k + 1)) + r.path;
        }
        t.path = removeDotSegments(merged);
      }
      t.hasQuery = r.hasQuery;
      t.query = r.query;
    }
  }
  std::string out = t.scheme + ":";
  if (t.hasAuthority) {
    out += "//" + t.authority;
  }
  out += t.path;
  if (t.hasQuery) {
    out += "?" + t.query;
  }
  if (r.hasFragment) {
    out += "#" + r.fragment;
  }
  return out;
}

}  // namespace bdis::sparql::parser
