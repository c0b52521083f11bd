// /health and /metrics: answered on the network thread, never queued behind queries.

#include "rdf/store.h"
#include "server/http/app.h"
#include "server/routes/routes.h"

namespace bdis::server {

void registerBasicRoutes(App& app) {
  app.add(Route{"/health", false, "health", true, [](const HttpRequest&, App& a) {
                  auto txn = a.store().beginRead();
                  auto st = txn->stats();
                  return HttpResponse::json(
                      200, "{\"status\": \"ok\", \"triples\": " + std::to_string(st.quads) +
                               ", \"writable\": " + (a.auth().writable() ? "true" : "false") + "}\n");
                }});
  app.add(Route{"/metrics", false, "health", true, [](const HttpRequest&, App& a) {
                  auto txn = a.store().beginRead();
                  auto r = HttpResponse::text(200, a.metrics().render(txn->stats().quads));
                  r.contentType = "text/plain; version=0.0.4; charset=utf-8";
                  return r;
                }});
}

}  // namespace bdis::server
