#include "server/http/negotiate.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>

namespace bdis::server {

namespace {

struct Range {
  std::string type, subtype;
  double q = 1.0;
};

std::string trim(std::string_view s) {
  size_t a = 0, b = s.size();
  while (a < b && std::isspace(static_cast<unsigned char>(s[a]))) ++a;
  while (b > a && std::isspace(static_cast<unsigned char>(s[b - 1]))) --b;
  std::string out(s.substr(a, b - a));
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::vector<Range> parse(std::string_view accept) {
  std::vector<Range> out;
  size_t pos = 0;
  while (pos <= accept.size()) {
    size_t comma = accept.find(',', pos);
    if (comma == std::string_view::npos) comma = accept.size();
    std::string_view item = accept.substr(pos, comma - pos);
    pos = comma + 1;
    size_t semi = item.find(';');
    std::string mt = trim(item.substr(0, semi));
    if (mt.empty()) continue;
    Range r;
    size_t slash = mt.find('/');
    r.type = mt.substr(0, slash);
    r.subtype = slash == std::string::npos ? "*" : mt.substr(slash + 1);
    while (semi != std::string_view::npos) {
      size_t next = item.find(';', semi + 1);
      std::string param = trim(item.substr(semi + 1, next == std::string_view::npos
                                                         ? std::string_view::npos
                                                         : next - semi - 1));
      if (param.rfind("q=", 0) == 0) r.q = std::strtod(param.c_str() + 2, nullptr);
      semi = next;
    }
    out.push_back(r);
  }
  return out;
}

}  // namespace

std::string negotiate(std::string_view accept, const std::vector<std::string>& offered) {
  if (offered.empty()) return {};
  auto ranges = parse(accept);
  if (ranges.empty()) return offered.front();
  std::string best;
  double bestQ = 0;
  int bestSpecificity = -1;
  for (const auto& o : offered) {
    size_t slash = o.find('/');
    std::string type = o.substr(0, slash), subtype = o.substr(slash + 1);
    double q = -1;
    int specificity = -1;
    for (const auto& r : ranges) {
      int s = -1;
      if (r.type == type && r.subtype == subtype) s = 2;
      else if (r.type == type && r.subtype == "*") s = 1;
      else if (r.type == "*") s = 0;
      if (s > specificity) {
        specificity = s;
        q = r.q;
      }
    }
    if (specificity < 0 || q <= 0) continue;
    if (q > bestQ || (q == bestQ && specificity > bestSpecificity)) {
      best = o;
      bestQ = q;
      bestSpecificity = specificity;
    }
  }
  return best;
}

bool ifNoneMatch(std::string_view header, std::string_view etag) {
  size_t pos = 0;
  while (pos < header.size()) {
    size_t comma = header.find(',', pos);
    if (comma == std::string_view::npos) comma = header.size();
    std::string_view item = header.substr(pos, comma - pos);
    while (!item.empty() && (item.front() == ' ' || item.front() == '\t')) item.remove_prefix(1);
    while (!item.empty() && (item.back() == ' ' || item.back() == '\t')) item.remove_suffix(1);
    if (item.substr(0, 2) == "W/") item.remove_prefix(2);
    if (item == "*" || item == etag) return true;
    pos = comma + 1;
  }
  return false;
}

}  // namespace bdis::server
