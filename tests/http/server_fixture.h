#pragma once
// Starts a real `bdis serve` on a free loopback port over a store loaded from
// inline data, with a write token, and stops it after the test.

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "tests/http/http_client.h"
#include "tests/support/process.h"
#include "tests/support/shared_path.h"

namespace bdis::test {

class ServerTest : public ::testing::Test {
 protected:
  /// The bearer token the fixture's server accepts.
  static constexpr const char* kToken = "s3cret-token-for-tests";

  /// Loads `turtle` into a fresh store and starts the server with `extraArgs`.
  void startServer(const std::string& turtle, const std::vector<std::string>& extraArgs = {},
                   bool writable = true);
  void TearDown() override;

  std::string url(const std::string& pathAndQuery) const;
  /// GET /sparql?query=... with an Accept header.
  HttpResult query(const std::string& sparql, const std::string& accept =
                                                  "application/sparql-results+json");
  std::string authHeader() const { return std::string("Authorization: Bearer ") + kToken; }
  const std::string& storeDir() const { return store_; }
  Child& server() { return *server_; }
  std::string logText() const;

 private:
  TempDir dir_;
  std::string store_;
  std::string log_;
  int port_ = 0;
  std::unique_ptr<Child> server_;
};

/// A free TCP port on 127.0.0.1 (bound and released).
int freePort();

}  // namespace bdis::test
