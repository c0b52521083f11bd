#pragma once
// A small blocking HTTP client for the end-to-end tests (libcurl).

#include <map>
#include <string>
#include <vector>

namespace bdis::test {

struct HttpResult {
  long status = 0;
  std::string body;
  std::map<std::string, std::string> headers;  ///< names lower-cased
  std::string error;                            ///< libcurl's message when no response came
};

/// One request. `headers` are "Name: value" lines.
HttpResult httpRequest(const std::string& method, const std::string& url,
                       const std::string& body = {},
                       const std::vector<std::string>& headers = {}, long timeoutMs = 30000);

/// Percent-encodes for a query string or form value.
std::string urlEncode(const std::string& s);

}  // namespace bdis::test
