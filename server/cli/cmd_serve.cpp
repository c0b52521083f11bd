#include <chrono>

#include "loaders/bulk/bulk_loader.h"
#include "rdf/store.h"
#include "server/cli/commands.h"
#include "server/http/app.h"
#include "server/http/http_server.h"
#include "server/routes/assets.h"

namespace bdis::server {

int runServe(const ServeArgs& args) {
  ServerConfig cfg;
  cfg.host = args.host;
  cfg.port = args.port;
  cfg.queryThreads = args.threads;
  cfg.maxQueued = args.maxQueued;
  cfg.allowHttpLoad = args.allowHttpLoad;
  cfg.allowFileLoad = args.allowFileLoad;
  cfg.storePath = args.store;
  cfg.webDir = defaultWebDir();
  cfg.timeout = std::chrono::milliseconds(static_cast<int64_t>(args.timeout * 1000));
  cfg.writeTokenFile = args.writeTokenFile;
  cfg.publicBase = args.publicBase.empty()
                       ? "http://" + args.host + ":" + std::to_string(args.port) + "/"
                       : args.publicBase;
  cfg.idBase = args.idBase;
  cfg.unionDefaultGraph = args.unionDefaultGraph;
  cfg.parallelQuery = !args.noParallelQuery;
  cfg.publisherName = args.publisher;
  cfg.publisherIri = args.publisherIri;
  cfg.contactEmail = args.contactEmail;
  if (auto size = loaders::parseByteSize(args.maxBody)) {
    cfg.maxBodyBytes = *size;
  } else {
    throw UsageError("--max-body: expected a size such as 64M, got '" + args.maxBody + "'");
  }
  TokenAuth auth;
  if (!args.writeTokenFile.empty()) auth = TokenAuth::fromFile(args.writeTokenFile);

  rdf::StoreOptions so;
  so.readOnly = !auth.writable();
  so.create = auth.writable();
  auto store = rdf::Store::open(args.store, so);
  App app(*store, cfg, std::move(auth));
  registerRoutes(app);
  return serveUntilSignal(app);
}

}  // namespace bdis::server
