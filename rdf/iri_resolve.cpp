#include "rdf/iri_resolve.h"

#include <optional>

namespace bdis::rdf {

namespace {

/// The five components of a URI reference (RFC 3986 section 3); views into the input.
struct Parts {
  std::optional<std::string_view> scheme, authority, query, fragment;
  std::string_view path;
};

Parts split(std::string_view s) {
  Parts p;
  if (hasScheme(s)) {
    const auto colon = s.find(':');
    p.scheme = s.substr(0, colon);
    s.remove_prefix(colon + 1);
  }
  if (const auto hash = s.find('#'); hash != std::string_view::npos) {
    p.fragment = s.substr(hash + 1);
    s = s.substr(0, hash);
  }
  if (const auto q = s.find('?'); q != std::string_view::npos) {
    p.query = s.substr(q + 1);
    s = s.substr(0, q);
  }
  if (s.starts_with("//")) {
    s.remove_prefix(2);
    const auto slash = s.find('/');
    p.authority = s.substr(0, slash);
    s = slash == std::string_view::npos ? std::string_view{} : s.substr(slash);
  }
  p.path = s;
  return p;
}

/// remove_dot_segments (RFC 3986 section 5.2.4), appending the result to `out`.
void removeDotSegments(std::string_view in, std::string& out) {
  const size_t start = out.size();
  while (!in.empty()) {
    if (in.starts_with("../")) {
      in.remove_prefix(3);
    } else if (in.starts_with("./") || in.starts_with("/./")) {
      in.remove_prefix(2);
    } else if (in == "/.") {
      in = "/";
    } else if (in.starts_with("/../") || in == "/..") {
      in = in.size() == 3 ? std::string_view("/") : in.substr(3);
      const auto last = out.rfind('/');
      out.resize(last == std::string::npos || last < start ? start : last);
    } else if (in == "." || in == "..") {
      in = {};
    } else {
      const auto next = in.find('/', 1);
      const std::string_view seg = in.substr(0, next);
      out.append(seg);
      in.remove_prefix(seg.size());
    }
  }
}

}  // namespace

bool hasScheme(std::string_view iri) {
  if (iri.empty()) {
    return false;
  }
  const char c0 = iri[0];
  if (!((c0 >= 'a' && c0 <= 'z') || (c0 >= 'A' && c0 <= 'Z'))) {
    return false;
  }
  for (size_t i = 1; i < iri.size(); ++i) {
    const char c = iri[i];
    if (c == ':') {
      return true;
    }
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '+' || c == '-' || c == '.';
    if (!ok) {
      return false;
    }
  }
  return false;
}

void resolveIri(std::string_view base, std::string_view ref, std::string& out) {
  if (hasScheme(ref)) {
    out.append(ref);
    return;
  }
  const Parts r = split(ref);
  const Parts b = split(base);
  if (b.scheme) {
    out.append(*b.scheme).append(":");
  }
  if (r.authority) {
    out.append("//").append(*r.authority);
    removeDotSegments(r.path, out);
    if (r.query) {
      out.append("?").append(*r.query);
    }
  } else {
    if (b.authority) {
      out.append("//").append(*b.authority);
    }
    if (r.path.empty()) {
      out.append(b.path);
      if (r.query) {
        out.append("?").append(*r.query);
      } else if (b.query) {
        out.append("?").append(*b.query);
      }
    } else {
      if (r.path.front() == '/') {
        removeDotSegments(r.path, out);
      } else {
        std::string merged;
        if (b.authority && b.path.empty()) {
          merged = "/";
        } else {
          const auto slash = b.path.rfind('/');
          if (slash != std::string_view::npos) {
            merged.assign(b.path.substr(0, slash + 1));
          }
        }
        merged.append(r.path);
        removeDotSegments(merged, out);
      }
      if (r.query) {
        out.append("?").append(*r.query);
      }
    }
  }
  if (r.fragment) {
    out.append("#").append(*r.fragment);
  }
}

}  // namespace bdis::rdf
