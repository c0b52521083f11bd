#include "server/http/app.h"

#include <chrono>

#include "server/http/errors.h"

namespace bdis::server {

App::App(rdf::Store& store, ServerConfig config, TokenAuth auth)
    : store_(store), config_(std::move(config)), auth_(std::move(auth)) {}

void App::add(Route route) { routes_.push_back(std::move(route)); }

const Route* App::find(const HttpRequest& request) const {
  for (const auto& r : routes_) {
    if (r.prefix ? request.path.rfind(r.path, 0) == 0 : request.path == r.path) return &r;
  }
  return nullptr;
}

HttpResponse App::handle(const HttpRequest& request) {
  auto start = std::chrono::steady_clock::now();
  const Route* route = find(request);
  HttpResponse response;
  if (!route) {
    response = errorBody(404, "no such resource: " + request.path);
  } else {
    try {
      response = route->handler(request, *this);
    } catch (...) {
      response = errorResponse(std::current_exception(), request);
    }
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  metrics_.request(route ? route->family : "other", response.status, secs);
  return response;
}

}  // namespace bdis::server
