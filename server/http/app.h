#pragma once
// The HTTP application: routes, the store, authorisation and metrics, with no
// knowledge of Pistache (http_server.cpp adapts it to the network).

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "rdf/store.h"
#include "server/http/auth.h"
#include "server/http/config.h"
#include "server/http/message.h"
#include "server/http/metrics.h"

namespace bdis::server {

class App;

/// A route: requests whose path equals `path` (or starts with it when `prefix`).
struct Route {
  std::string path;
  bool prefix = false;
  std::string family;  ///< metrics label: sparql, update, store, search, health, other
  bool light = false;  ///< cheap enough to answer on the network thread
  std::function<HttpResponse(const HttpRequest&, App&)> handler;
};

class App {
 public:
  App(rdf::Store& store, ServerConfig config, TokenAuth auth);

  /// Adds a route; the first matching route in insertion order serves a request.
  void add(Route route);
  /// The route for a request, or nullptr (404).
  const Route* find(const HttpRequest& request) const;
  /// Serves one request synchronously. Never throws: failures become error responses.
  HttpResponse handle(const HttpRequest& request);

  rdf::Store& store() { return store_; }
  const ServerConfig& config() const { return config_; }
  const TokenAuth& auth() const { return auth_; }
  Metrics& metrics() { return metrics_; }

 private:
  rdf::Store& store_;
  ServerConfig config_;
  TokenAuth auth_;
  Metrics metrics_;
  std::vector<Route> routes_;
};

/// Registers every route of bdis (routes/*.cpp) on the app.
void registerRoutes(App& app);

}  // namespace bdis::server
