#pragma once
// Test helper: a QuadSink that keeps every quad as an N-Quads line, to compare with expected text.

#include <algorithm>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "rdf/quad_sink.h"

namespace bdis::test {

class QuadCollector : public rdf::QuadSink {
 public:
  void quad(const rdf::QuadView& q) override {
    std::string line =
        rdf::toNTriples(q.s) + " " + rdf::toNTriples(q.p) + " " + rdf::toNTriples(q.o);
    if (!q.g.isNone()) line += " " + rdf::toNTriples(q.g);
    lines.push_back(line + " .");
  }
  /// The distinct lines, sorted.
  std::set<std::string> set() const { return {lines.begin(), lines.end()}; }
  /// Lines whose subject starts with `<prefix`.
  std::set<std::string> about(const std::string& prefix) const {
    std::set<std::string> out;
    for (const auto& l : lines) {
      if (l.rfind("<" + prefix, 0) == 0) out.insert(l);
    }
    return out;
  }
  /// Lines containing `needle`.
  size_t count(const std::string& needle) const {
    return static_cast<size_t>(std::count_if(lines.begin(), lines.end(), [&](const std::string& l) {
      return l.find(needle) != std::string::npos;
    }));
  }
  std::vector<std::string> lines;
};

/// The non-empty lines of `text`, as a set.
inline std::set<std::string> linesOf(const std::string& text) {
  std::set<std::string> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) out.insert(line);
  }
  return out;
}

}  // namespace bdis::test
