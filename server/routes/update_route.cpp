// SPARQL 1.1 Update over the Protocol: POST /update (and update= on /sparql).
// Writes need the bearer token; one request is one transaction.

#include "rdf/error.h"
#include "server/http/app.h"
#include "server/http/errors.h"
#include "server/routes/routes.h"
#include "server/routes/service_description.h"
#include "sparql/update.h"

namespace bdis::server {

HttpResponse handleUpdate(const HttpRequest& req, App& app) {
  if (req.method != "POST") throw HttpError(405, "updates must be sent with POST");
  app.auth().requireWrite(req);
  std::string text;
  std::string ct = req.contentType();
  if (ct == "application/sparql-update") {
    text = req.body;
  } else if (ct == "application/x-www-form-urlencoded") {
    auto updates = req.params_all("update");
    if (updates.size() != 1) throw HttpError(400, "expected exactly one update parameter");
    text = updates[0];
  } else {
    throw HttpError(415, "POST an update as application/sparql-update or as a form");
  }
  sparql::UpdateRequest update;
  update.text = std::move(text);
  update.baseIri = app.config().publicBase;
  update.allowHttpLoad = app.config().allowHttpLoad;
  update.allowFileLoad = app.config().allowFileLoad;
  update.limits.timeout = app.config().timeout;
  update.limits.memoryBytes = app.config().queryMemoryBytes;
  auto usingGraphs = req.params_all("using-graph-uri");
  auto usingNamed = req.params_all("using-named-graph-uri");
  if (!usingGraphs.empty() || !usingNamed.empty()) {
    update.dataset = sparql::Dataset{usingGraphs, usingNamed};
  }
  auto txn = app.store().beginWrite();  // writes are serialised here
  auto stats = sparql::executeUpdate(*txn, update);  // an exception aborts the transaction
  txn->commit();
  return HttpResponse::json(200, "{\"operations\": " + std::to_string(stats.operations) +
                                     ", \"inserted\": " + std::to_string(stats.inserted) +
                                     ", \"deleted\": " + std::to_string(stats.deleted) + "}\n");
}

void registerUpdateRoutes(App& app) {
  app.add(Route{"/update", false, "update", false,
                [](const HttpRequest& req, App& a) { return handleUpdate(req, a); }});
}

}  // namespace bdis::server
