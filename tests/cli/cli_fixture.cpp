#include "tests/cli/cli_fixture.h"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace bdis::test {

std::string CliTest::file(const std::string& name, const std::string& text) {
  auto p = dir_.path() / name;
  std::ofstream(p, std::ios::binary) << text;
  return p.string();
}

std::vector<std::string> CliTest::dumpLines(const std::string& storeDir) {
  auto r = bdis({"dump", "--store", storeDir, "--format", "nq"});
  EXPECT_EQ(r.exitCode, 0) << r.err;
  std::vector<std::string> lines;
  std::istringstream in(r.out);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) lines.push_back(line);
  }
  std::sort(lines.begin(), lines.end());
  return lines;
}

uint64_t CliTest::tripleCount(const std::string& storeDir) {
  auto r = bdis({"stats", "--store", storeDir});
  EXPECT_EQ(r.exitCode, 0) << r.err;
  auto pos = r.out.find("triples");
  if (pos == std::string::npos) return UINT64_MAX;
  return std::stoull(r.out.substr(pos + 7));
}

}  // namespace bdis::test
