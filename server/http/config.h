#pragma once
// What `bdis serve` is configured with.

#include <chrono>
#include <cstdint>
#include <string>

namespace bdis::server {

struct ServerConfig {
  std::string host = "127.0.0.1";
  uint16_t port = 7373;
  unsigned networkThreads = 2;            ///< Pistache reactor threads
  unsigned queryThreads = 0;              ///< query workers; 0 = cores
  size_t maxQueued = 64;                  ///< queries waiting beyond the running ones, then 503
  std::chrono::milliseconds timeout{30000};  ///< per-query deadline
  uint64_t queryMemoryBytes = 1ull << 30;    ///< per-query memory budget
  uint64_t maxResultRows = 10'000'000;    ///< rows beyond this end the result, flagged
  size_t maxBodyBytes = 64u << 20;        ///< request bodies beyond this get 413
  size_t maxResponseBytes = 512u << 20;   ///< responses are built whole; beyond this, an error
  std::string writeTokenFile;             ///< empty: read-only server
  bool allowHttpLoad = false;             ///< SPARQL LOAD of http(s) IRIs
  bool allowFileLoad = false;             ///< SPARQL LOAD of the server's local files
  std::string publicBase;                 ///< base URL of minted IRIs
  bool unionDefaultGraph = false;         ///< queries without a dataset read every graph
  bool parallelQuery = true;              ///< a query may use a helper thread (PlanOptions)
  std::string publisherName = "bdis";     ///< the catalog's dct:publisher, foaf:name
  std::string publisherIri;               ///< its IRI; empty: <public base>catalog#publisher
  std::string contactEmail;               ///< dcat:contactPoint of catalog and dataset; empty: none
  std::string idBase;                     ///< IRIs under it dereference at /id/; empty: https://w3id.org/bdis/id/
  std::string storePath;
  std::string webDir;                     ///< node_modules of the browser assets; empty: none
};

}  // namespace bdis::server
