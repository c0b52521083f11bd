// Hash functions (17.4.6): MD5, SHA1, SHA256, SHA384, SHA512 of the UTF-8 bytes of
// a simple literal or xsd:string, as lowercase hexadecimal (OpenSSL EVP).

#include <openssl/evp.h>

#include "sparql/expr/builtins.h"
#include "sparql/expr/xsd.h"

namespace bdis::sparql::expr {

namespace {

std::optional<rdf::Term> digest(Args a, const EVP_MD* md) {
  if (a.size() != 1 || !isStringLiteral(*a[0]) || md == nullptr) {
    return std::nullopt;
  }
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  const std::string& s = a[0]->value;
  if (EVP_Digest(s.data(), s.size(), out, &len, md, nullptr) != 1) {
    return std::nullopt;
  }
  static const char* hex = "0123456789abcdef";
  std::string text;
  text.reserve(size_t{len} * 2);
  for (unsigned int i = 0; i < len; ++i) {
    text += hex[out[i] >> 4];
    text += hex[out[i] & 0xF];
  }
  return stringLiteral(std::move(text));
}

}  // namespace

std::optional<rdf::Term> fnMd5(Args a, EvalContext&) { return digest(a, EVP_md5()); }
std::optional<rdf::Term> fnSha1(Args a, EvalContext&) { return digest(a, EVP_sha1()); }
std::optional<rdf::Term> fnSha256(Args a, EvalContext&) { return digest(a, EVP_sha256()); }
std::optional<rdf::Term> fnSha384(Args a, EvalContext&) { return digest(a, EVP_sha384()); }
std::optional<rdf::Term> fnSha512(Args a, EvalContext&) { return digest(a, EVP_sha512()); }

}  // namespace bdis::sparql::expr
