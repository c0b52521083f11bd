#pragma once
// The DCAT-AP catalog and VoID description of the store, as RDF built from a live
// snapshot: a dcat:Catalog with one dcat:Dataset (also a void:Dataset: counts,
// class and property partitions, uriSpace, SPARQL endpoint, dumps), one
// dcat:Dataset (and void:subset) per named graph that is an ess:Source, a
// dcat:Distribution per published dump and one for the endpoint, and a
// dcat:DataService for /sparql. IRIs of the catalog live under the public base
// (`<base>catalog`, `<base>catalog#dataset`, `<base>sparql`).

#include <cstdint>
#include <string>
#include <vector>

#include "rdf/store.h"
#include "rdf/term.h"
#include "server/http/config.h"

namespace bdis::server {

/// One downloadable file of the dataset (a dump).
struct CatalogDistribution {
  std::string url;        ///< absolute download URL
  std::string title;      ///< e.g. "N-Quads, gzip"
  std::string mediaType;  ///< IANA media type of the content, e.g. application/n-quads
  std::string compressFormat;  ///< e.g. application/gzip; empty when not compressed
  uint64_t bytes = 0;
  std::string sha256;     ///< hex
  std::string modified;   ///< xsd:dateTime (UTC)
};

/// The catalog's statements (default graph), in the order they are best written.
std::vector<rdf::Quad> catalogGraph(const ServerConfig& config, const rdf::ReadTxn& txn,
                                    const std::vector<CatalogDistribution>& dumps);

/// The namespaces the catalog uses, for Turtle and RDF/XML (name, IRI).
std::vector<std::pair<std::string, std::string>> catalogPrefixes();

}  // namespace bdis::server
