#include "server/http/errors.h"

#include <cstdio>

#include "rdf/error.h"

namespace bdis::server {

std::string jsonEscape(const std::string& s) {
  std::string out;
  out.reserve(s.size() + 2);
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out;
}

HttpResponse errorBody(int status, const std::string& message, uint64_t line, uint64_t column) {
  std::string body = "{\"error\": " + std::to_string(status) + ", \"message\": \"" +
                     jsonEscape(message) + "\"";
  if (line) {
    body += ", \"line\": " + std::to_string(line) + ", \"column\": " + std::to_string(column);
  }
  body += "}\n";
  return HttpResponse::json(status, body);
}

HttpResponse errorResponse(std::exception_ptr error, const HttpRequest& request) {
  (void)request;
  try {
    std::rethrow_exception(error);
  } catch (const HttpError& e) {
    auto r = errorBody(e.status(), e.what());
    if (e.status() == 401) r.header("WWW-Authenticate", "Bearer realm=\"bdis\"");
    if (e.status() == 503) r.header("Retry-After", "1");
    return r;
  } catch (const SyntaxError& e) {
    return errorBody(400, e.what(), e.line(), e.column());
  } catch (const SemanticError& e) {
    return errorBody(400, e.what());
  } catch (const ExecutionError& e) {
    std::string m = e.what();
    if (m.find("timed out") != std::string::npos) return errorBody(504, m);
    if (m.find("memory") != std::string::npos) {
      auto r = errorBody(503, m);
      r.header("Retry-After", "5");
      return r;
    }
    return errorBody(400, m);
  } catch (const StorageError& e) {
    return errorBody(500, e.what());
  } catch (const std::bad_alloc&) {
    return errorBody(503, "out of memory");
  } catch (const std::exception& e) {
    return errorBody(500, std::string("internal error: ") + e.what());
  } catch (...) {
    return errorBody(500, "internal error");
  }
}

}  // namespace bdis::server
