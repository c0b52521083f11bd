#pragma once
// HTTP requests and responses as bdis sees them, independent of Pistache, so
// that routes are plain functions that tests can call directly.

#include <functional>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bdis::server {

/// A request with its query string and form body already percent-decoded.
struct HttpRequest {
  std::string method;                              ///< "GET", "POST", ...
  std::string path;                                ///< without the query string, percent-decoded
  std::multimap<std::string, std::string> params;  ///< query-string (and form-body) parameters
  std::map<std::string, std::string> headers;      ///< names lower-cased
  std::string body;

  /// The first value of a parameter.
  std::optional<std::string> param(const std::string& name) const;
  /// Every value of a parameter, in order.
  std::vector<std::string> params_all(const std::string& name) const;
  /// A header value (name in lower case), or empty.
  std::string header(const std::string& name) const;
  /// The media type of Content-Type, lower-cased, without parameters.
  std::string contentType() const;
  /// A parameter of Content-Type (`charset`, `boundary`; name lower-case), unquoted,
  /// or empty when absent.
  std::string contentTypeParam(const std::string& name) const;
  /// Whether the body is declared in UTF-8 (or US-ASCII, its subset) or declares no charset.
  bool bodyIsUtf8() const;
};

/// A response: either a whole body or a producer that streams it.
struct HttpResponse {
  int status = 200;
  std::string contentType = "text/plain; charset=utf-8";
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  /// When set, called on a worker thread to write the body; `body` is then
  /// ignored. The producer may change the status, content type and headers of the
  /// response it is given while it runs, and an exception it throws becomes a
  /// proper error response (the body is sent only once complete).
  std::function<void(std::ostream& out, HttpResponse& head)> stream;
  /// For HEAD: the length the GET body would have, when the route knows it without
  /// building the body (a dump file); else the server sends the built body's length,
  /// or no Content-Length when the route built none (a graph of the Graph Store).
  std::optional<uint64_t> headLength;

  static HttpResponse text(int status, std::string body);
  static HttpResponse json(int status, std::string body);
  void header(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
  }
};

/// Decodes %XX escapes; with `plusIsSpace`, '+' becomes ' ' (form encoding).
std::string percentDecode(std::string_view s, bool plusIsSpace);
/// Parses `a=1&b=2` (application/x-www-form-urlencoded) into `out`.
void parseForm(std::string_view s, std::multimap<std::string, std::string>& out);

/// One part of a multipart/form-data body (RFC 7578).
struct MultipartPart {
  std::string contentType;  ///< the part's Content-Type header, as sent (may be empty)
  std::string name;         ///< the `name` of its Content-Disposition
  std::string_view body;    ///< a view into the request body: valid while the body lives
};

/// Splits a multipart body on `boundary`. Throws std::invalid_argument when the
/// body does not hold the boundary or a part is malformed.
std::vector<MultipartPart> parseMultipart(std::string_view body, std::string_view boundary);

}  // namespace bdis::server
