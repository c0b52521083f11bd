#pragma once
// Route families, one file each; registerRoutes (routes.cpp) adds them in order.

namespace bdis::server {

class App;

void registerBasicRoutes(App& app);       ///< /health, /metrics
void registerGraphStoreRoutes(App& app);  ///< /store (Graph Store HTTP Protocol)

}  // namespace bdis::server
