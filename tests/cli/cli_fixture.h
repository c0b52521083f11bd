#pragma once
// Shared helpers for the command-line tests: a temporary store folder, files
// written from strings, and the store's content as sorted N-Quads lines.

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "tests/support/process.h"
#include "tests/support/shared_path.h"

namespace bdis::test {

class CliTest : public ::testing::Test {
 protected:
  /// Writes `text` to a file in the temporary folder; returns its path.
  std::string file(const std::string& name, const std::string& text);
  /// The store folder of this test.
  std::string store() const { return (dir_.path() / "store").string(); }
  /// `bdis dump --format nq` of the store, as sorted lines; fails the test on error.
  std::vector<std::string> dumpLines(const std::string& storeDir);
  std::vector<std::string> dumpLines() { return dumpLines(store()); }
  /// The "triples" figure of `bdis stats`.
  uint64_t tripleCount(const std::string& storeDir);
  uint64_t tripleCount() { return tripleCount(store()); }
  const std::filesystem::path& dir() const { return dir_.path(); }

 private:
  TempDir dir_;
};

}  // namespace bdis::test
