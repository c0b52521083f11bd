#pragma once
// Write authorisation: bearer tokens checked against hashes held in memory
// (the tokens themselves are never kept), compared in constant time.

#include <array>
#include <string>
#include <vector>

#include "server/http/message.h"

namespace bdis::server {

class TokenAuth {
 public:
  /// No tokens: every write is refused (read-only server).
  TokenAuth() = default;
  /// Reads a token file: one token per line; blank lines and lines starting with
  /// '#' are ignored; a line `blake2b:<64 hex digits>` gives a token's hash instead
  /// of the token. Throws StorageError when the file cannot be read or holds no token.
  static TokenAuth fromFile(const std::string& path);
  /// The hash line for a token, for token files that should not hold tokens.
  static std::string hashLine(const std::string& token);

  /// Whether writes are possible at all.
  bool writable() const { return !hashes_.empty(); }
  /// Throws HttpError 403 when the server is read-only, 401 when the request
  /// carries no valid `Authorization: Bearer` token.
  void requireWrite(const HttpRequest& request) const;

 private:
  using Hash = std::array<unsigned char, 32>;
  static Hash hash(const std::string& token);
  std::vector<Hash> hashes_;
};

}  // namespace bdis::server
