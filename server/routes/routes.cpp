#include "server/routes/routes.h"

#include "server/http/app.h"

namespace bdis::server {

void registerRoutes(App& app) {
  registerBasicRoutes(app);
  registerGraphStoreRoutes(app);
  registerSparqlRoutes(app);
  registerUpdateRoutes(app);
  registerAssetRoutes(app);
  registerSearchRoutes(app);
  registerLinkedDataRoutes(app);
  registerPublicPageRoutes(app);
  registerCatalogRoutes(app);
  registerDumpRoutes(app);
}

}  // namespace bdis::server
