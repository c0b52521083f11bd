#pragma once
// Serves an App over HTTP with Pistache: network threads parse requests and
// answer light routes; everything else runs on the query thread pool.

#include <cstdint>
#include <memory>

#include "server/http/app.h"

namespace bdis::server {

class HttpServer {
 public:
  explicit HttpServer(App& app);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  /// Binds and starts serving in background threads. Throws StorageError when
  /// the address cannot be bound.
  void start();
  /// The bound port (useful with port 0).
  uint16_t port() const;
  /// Stops taking queries, lets running ones finish and answer, then closes.
  void stop();

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

/// Runs the server until SIGTERM or SIGINT, then drains and stops. Returns 0.
int serveUntilSignal(App& app);

}  // namespace bdis::server
