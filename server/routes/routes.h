#pragma once
// Route families, one file each; registerRoutes (routes.cpp) adds them in order.

namespace bdis::server {

class App;

void registerBasicRoutes(App& app);       ///< /health, /metrics
void registerGraphStoreRoutes(App& app);  ///< /store (Graph Store HTTP Protocol)
void registerSparqlRoutes(App& app);      ///< /sparql (SPARQL 1.1 Protocol)
void registerUpdateRoutes(App& app);      ///< /update
void registerAssetRoutes(App& app);       ///< /assets/ (Yasgui, Leaflet from npm)
void registerSearchRoutes(App& app);      ///< /search (map search, GeoJSON with facets)
void registerLinkedDataRoutes(App& app);  ///< /id/... (Linked Data dereferencing)
void registerPublicPageRoutes(App& app);  ///< / (map and search page)
void registerCatalogRoutes(App& app);     ///< /catalog, /.well-known/void (DCAT-AP, VoID)
void registerDumpRoutes(App& app);        ///< /dumps/ (published dump files)

}  // namespace bdis::server
