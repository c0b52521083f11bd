#include "loaders/load_report.h"

#include <cstdio>

namespace bdis::loaders {

std::string_view problemName(Problem p) {
  switch (p) {
    case Problem::MissingRequired:
      return "missing-required";
    case Problem::InvalidIdentifier:
      return "invalid-identifier";
    case Problem::UnknownCode:
      return "unknown-code";
    case Problem::BadCoordinates:
      return "bad-coordinates";
    case Problem::BadEncoding:
      return "bad-encoding";
    case Problem::BadValue:
      return "bad-value";
    case Problem::Malformed:
      return "malformed";
  }
  return "unknown";
}

std::string LoadReport::summary() const {
  char buf[160];
  std::snprintf(buf, sizeof buf, "loaded %llu of %llu records (%llu quads) in %.3f s",
                static_cast<unsigned long long>(loaded), static_cast<unsigned long long>(records),
                static_cast<unsigned long long>(quads), seconds);
  std::string out = buf;
  if (skipped) {
    out += "; skipped " + std::to_string(skipped) + ":";
    bool first = true;
    for (size_t i = 0; i < kProblemCount; ++i) {
      if (!byProblem[i]) continue;
      out += first ? " " : ", ";
      first = false;
      out += std::to_string(byProblem[i]) + " " + std::string(problemName(static_cast<Problem>(i)));
    }
  }
  return out;
}

std::string LoadReport::details(const std::string& file) const {
  std::string out;
  for (const auto& i : issues) {
    out += file + ":" + (positionUnit == "line" ? "" : positionUnit + " ") +
           std::to_string(i.position) + ": " + std::string(problemName(i.problem)) + ": ";
    if (!i.column.empty()) out += "column '" + i.column + "': ";
    out += i.reason + "\n";
  }
  return out;
}

}  // namespace bdis::loaders
