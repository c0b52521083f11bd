#pragma once
// The search behind GET /search (the map page): ESS initiatives (rdf:type
// ess:Initiative) by text, distance or box, and by sector (ess:kind), activity
// (ess:activity), legal category (ess:legalCategory), network (ess:memberOf) and
// territory (département of ess:commune), with facet counts over every match.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "rdf/geo/wkt.h"
#include "rdf/store.h"
#include "sparql/ext/search_indexes.h"

namespace bdis::sparql::ext {

/// The ESS ontology namespace.
inline constexpr std::string_view kEss = "https://w3id.org/bdis/ess#";

/// What to look for; every given criterion must hold.
struct MapQuery {
  std::string text;                      ///< text query (text_query.h); empty: any
  std::optional<rdf::geo::LonLat> near;  ///< with radiusMetres
  double radiusMetres = 10000;
  std::optional<rdf::geo::Box> box;
  /// Facet filters: facet name (sector, activity, legal, network, territory) -> accepted
  /// values, each a full IRI or its last path segment ("amap", "5458", "13").
  std::map<std::string, std::vector<std::string>> filters;
  uint64_t limit = 50;
  uint64_t offset = 0;
};

/// One initiative found.
struct MapFeature {
  rdf::Term iri;
  std::optional<rdf::geo::LonLat> point;
  std::string name;
  std::optional<double> score;     ///< text score when text was given
  std::optional<double> distance;  ///< metres from `near` when given
  std::string snippet;             ///< best matching literal, highlighted, when text was given
  std::map<std::string, std::vector<std::string>> facets;  ///< facet -> IRIs
};

/// The page asked for and the counts over all matches.
struct MapResult {
  uint64_t total = 0;
  std::vector<MapFeature> features;
  /// facet -> value IRI -> count of matching initiatives.
  std::map<std::string, std::map<std::string, uint64_t>> facets;
};

/// The facet names, in output order.
const std::vector<std::string>& mapFacetNames();

/// Runs `q` on the snapshot with the indexes. Order: text score, else distance, else IRI.
/// Throws SyntaxError for a bad text query.
MapResult mapSearch(const rdf::ReadTxn& txn, SearchIndexes& indexes, const MapQuery& q);

}  // namespace bdis::sparql::ext
