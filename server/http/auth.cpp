#include "server/http/auth.h"

#include <sodium.h>

#include <fstream>

#include "rdf/error.h"
#include "server/http/errors.h"

namespace bdis::server {

TokenAuth::Hash TokenAuth::hash(const std::string& token) {
  Hash h;
  crypto_generichash(h.data(), h.size(), reinterpret_cast<const unsigned char*>(token.data()),
                     token.size(), nullptr, 0);
  return h;
}

std::string TokenAuth::hashLine(const std::string& token) {
  Hash h = hash(token);
  char hex[65];
  sodium_bin2hex(hex, sizeof hex, h.data(), h.size());
  return std::string("blake2b:") + hex;
}

TokenAuth TokenAuth::fromFile(const std::string& path) {
  if (sodium_init() < 0) throw StorageError("libsodium could not initialise");
  std::ifstream in(path);
  if (!in) throw StorageError("cannot read the write token file " + path);
  TokenAuth auth;
  std::string line;
  int lineNo = 0;
  while (std::getline(in, line)) {
    ++lineNo;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) {
      line.pop_back();
    }
    if (line.empty() || line[0] == '#') continue;
    if (line.rfind("blake2b:", 0) == 0) {
      Hash h;
      size_t len = 0;
      std::string hex = line.substr(8);
      if (hex.size() != 64 || sodium_hex2bin(h.data(), h.size(), hex.c_str(), hex.size(), nullptr,
                                             &len, nullptr) != 0 || len != h.size()) {
        throw StorageError(path + ":" + std::to_string(lineNo) +
                           ": expected blake2b: followed by 64 hex digits");
      }
      auth.hashes_.push_back(h);
    } else {
      auth.hashes_.push_back(hash(line));
    }
    sodium_memzero(line.data(), line.size());
  }
  if (auth.hashes_.empty()) throw StorageError("the write token file " + path + " holds no token");
  return auth;
}

void TokenAuth::requireWrite(const HttpRequest& request) const {
  if (hashes_.empty()) {
    throw HttpError(403, "this endpoint is read-only (start bdis serve with --write-token-file)");
  }
  std::string value = request.header("authorization");
  const std::string prefix = "Bearer ";
  if (value.size() <= prefix.size() || value.compare(0, prefix.size(), prefix) != 0) {
    throw HttpError(401, "writes need an Authorization: Bearer token");
  }
  Hash h = hash(value.substr(prefix.size()));
  bool ok = false;
  for (const auto& known : hashes_) {
    // Constant time per comparison; every known hash is compared.
    ok |= sodium_memcmp(h.data(), known.data(), h.size()) == 0;
  }
  if (!ok) throw HttpError(401, "invalid bearer token");
}

}  // namespace bdis::server
