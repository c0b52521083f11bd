#pragma once
// The one place where failures become HTTP statuses.

#include <exception>
#include <stdexcept>
#include <string>

#include "server/http/message.h"

namespace bdis::server {

/// A request refused for a reason the client can fix; carries its status.
class HttpError : public std::runtime_error {
 public:
  HttpError(int status, const std::string& message) : std::runtime_error(message), status_(status) {}
  int status() const { return status_; }

 private:
  int status_;
};

/// The response for an exception thrown while serving a request: 400 for bad
/// queries (with line and column), 401/403/413/415 for HttpError, 504 for a
/// query deadline, 503 for a memory budget, 500 otherwise. Never throws.
HttpResponse errorResponse(std::exception_ptr error, const HttpRequest& request);

/// A JSON error body {"error": status, "message": ...} (with "line"/"column" when known).
HttpResponse errorBody(int status, const std::string& message, uint64_t line = 0,
                       uint64_t column = 0);

/// JSON string escaping.
std::string jsonEscape(const std::string& s);

}  // namespace bdis::server
