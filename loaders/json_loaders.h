#pragma once
// GeoJSON and GoGoCarto/Transiscope JSON -> RDF, with the same mapping files as CSV (mapping.h).
//
// A mapping "column" is a property path: "name", "address.postalCode", "geo.latitude" (dots walk
// into objects; an array on the way maps every element). Strings are taken as they are, numbers
// and booleans in their JSON spelling, arrays as several values, null as absent.
// Bytes that are not UTF-8 are replaced before parsing and the records holding them skipped as
// bad-encoding. Positions in reports are 1-based feature / element indexes.

#include <string>
#include <string_view>

#include "loaders/load_report.h"
#include "loaders/mapping.h"
#include "rdf/quad_sink.h"

namespace bdis::loaders {

/// Loads a GeoJSON FeatureCollection (RFC 7946): columns are paths in each feature's "properties"
/// ("id" also finds the feature's own id when properties lack it); the feature's geometry becomes
/// geo:hasGeometry/geo:asWKT (CRS84 WKT; Points also wgs84:lat/long), unless the mapping's
/// [geometry] names lat/lon properties. Throws SyntaxError for JSON that does not parse or is no
/// FeatureCollection, StorageError when the file cannot be read, SemanticError in strict mode.
LoadReport loadGeoJson(const std::string& path, const Mapping& mapping, const SourceInfo& source,
                       rdf::QuadSink& sink, const LoaderOptions& options = {});

/// Same, from text in memory; `name` stands for the file in messages.
LoadReport loadGeoJsonBuffer(std::string_view text, const std::string& name, const Mapping& mapping,
                             const SourceInfo& source, rdf::QuadSink& sink,
                             const LoaderOptions& options = {});

/// Loads a GoGoCarto / Transiscope export: the API's {"data": [element, ...]} object (or a bare
/// array of elements). An element carries id, name, geo {latitude, longitude}, address
/// {streetAddress, postalCode, addressLocality, addressCountry}, categories, description,
/// email, telephone, website, openHours...; columns are paths in it
/// (loaders/mappings/gogocarto.toml is a ready mapping). Throws as loadGeoJson does.
LoadReport loadGogocarto(const std::string& path, const Mapping& mapping, const SourceInfo& source,
                         rdf::QuadSink& sink, const LoaderOptions& options = {});

/// Same, from text in memory; `name` stands for the file in messages.
LoadReport loadGogocartoBuffer(std::string_view text, const std::string& name,
                               const Mapping& mapping, const SourceInfo& source,
                               rdf::QuadSink& sink, const LoaderOptions& options = {});

}  // namespace bdis::loaders
