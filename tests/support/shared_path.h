#pragma once
// Where tests find ../shared (W3C suites, reference data) and the built binaries.

#include <filesystem>
#include <optional>

namespace bdis::test {

/// The shared folder: $BDIS_SHARED if set, else ../shared beside the checkout.
/// Empty when it does not exist (a user's fresh clone): callers then GTEST_SKIP.
std::optional<std::filesystem::path> sharedDir();

/// Skips the current test, naming what is missing, when the shared folder is absent.
#define BDIS_REQUIRE_SHARED(var)                                                      \
  auto var##_opt = ::bdis::test::sharedDir();                                         \
  if (!var##_opt) {                                                                   \
    GTEST_SKIP() << "shared data folder not found (set BDIS_SHARED to the folder "    \
                    "holding w3c/ and data/; default ../shared beside the checkout)"; \
  }                                                                                   \
  const std::filesystem::path var = *var##_opt

/// The build folder (for the `bdis` binary: binaryDir() / "server/bdis").
std::filesystem::path binaryDir();

/// A fresh empty temporary folder, removed when the object dies.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace bdis::test
