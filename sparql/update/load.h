#pragma once
// LOAD of SPARQL 1.1 Update (section 3.1.4): reads an RDF document into the
// store (internal to sparql/update).

#include <cstdint>
#include <string>

#include "rdf/store.h"

namespace bdis::sparql::update {

/// Where and how to load.
struct LoadRequest {
  std::string source;       ///< The document IRI: file:..., an absolute path, or http(s)://...
  std::string into;         ///< INTO GRAPH iri; empty: the default graph.
  bool allowFile = true;    ///< Read file: IRIs and absolute paths; refused otherwise.
  bool allowHttp = false;   ///< Fetch http(s) IRIs (libcurl); refused otherwise.
  long timeoutSeconds = 0;  ///< For http(s): 0 means 300 seconds.
};

/// Reads the document (syntax from the extension for files, from the
/// Content-Type or else the extension for http(s)) with a fresh blank-node
/// scope, and adds its quads to `txn` all at once: on any failure nothing is
/// added. Triples (and TriG's default-graph triples) go to `into`. Returns how
/// many quads were new. Throws ExecutionError saying why the load failed.
uint64_t loadDocument(rdf::WriteTxn& txn, const LoadRequest& request);

/// The local path of a `file:` IRI (file:/p, file:///p, file://localhost/p;
/// percent-decoded) or of an absolute path; empty for anything else.
std::string localPathOf(const std::string& iri);

}  // namespace bdis::sparql::update
