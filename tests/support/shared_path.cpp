#include "tests/support/shared_path.h"

#include <cstdlib>
#include <random>
#include <string>

namespace bdis::test {

std::optional<std::filesystem::path> sharedDir() {
  std::filesystem::path p;
  if (const char* env = std::getenv("BDIS_SHARED"); env && *env) {
    p = env;
  } else {
    p = BDIS_SHARED_DEFAULT;
  }
  std::error_code ec;
  if (!std::filesystem::is_directory(p, ec)) return std::nullopt;
  return std::filesystem::canonical(p, ec);
}

std::filesystem::path binaryDir() { return BDIS_BINARY_DIR; }

TempDir::TempDir() {
  std::random_device rd;
  auto base = std::filesystem::temp_directory_path();
  for (;;) {
    path_ = base / ("bdis-test-" + std::to_string(rd()) + std::to_string(rd()));
    if (std::filesystem::create_directory(path_)) break;
  }
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

}  // namespace bdis::test
