#include "tests/w3c/skip_list.h"

#include <filesystem>
#include <fstream>
#include <utility>
#include <vector>

namespace bdis::w3c {

namespace {

std::vector<std::pair<std::string, std::string>> load() {
  std::vector<std::pair<std::string, std::string>> out;
  std::ifstream in(std::filesystem::path(BDIS_W3C_SOURCE_DIR) / "skip.txt");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#' || line[0] != '<') {
      continue;
    }
    const auto close = line.find('>');
    if (close == std::string::npos) {
      continue;
    }
    std::string reason = line.substr(close + 1);
    while (!reason.empty() && (reason.front() == ' ' || reason.front() == '\t')) {
      reason.erase(0, 1);
    }
    out.emplace_back(line.substr(1, close - 1), std::move(reason));
  }
  return out;
}

}  // namespace

const std::string* skipReason(std::string_view testIri) {
  static const auto entries = load();
  for (const auto& [iri, reason] : entries) {
    if (testIri == iri || (testIri.size() > iri.size() && testIri.ends_with(iri) &&
                           testIri[testIri.size() - iri.size() - 1] == '/')) {
      return &reason;
    }
  }
  return nullptr;
}

}  // namespace bdis::w3c
