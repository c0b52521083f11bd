#pragma once
// GeoSPARQL 1.1 functions (http://www.opengis.net/def/function/geosparql/) for
// the expression evaluator's extension hook (EvalContext::extension):
// distance, sfWithin, sfContains, sfIntersects, sfDisjoint, sfEquals, sfTouches,
// sfOverlaps, sfCrosses, buffer, envelope. Geometries are geo:wktLiteral (CRS84,
// or EPSG:4326 with its axis order); distances are geodesic (haversine on the
// WGS84 mean sphere) in the unit asked: uom:metre, uom:kilometre, uom:mile,
// uom:degree (great-circle angle). A bad argument (unparsable WKT, unknown unit)
// gives nullopt, the SPARQL error value; nothing here throws.

#include <optional>
#include <string_view>
#include <vector>

#include "rdf/term.h"

namespace bdis::sparql::ext {

inline constexpr std::string_view kGeof = "http://www.opengis.net/def/function/geosparql/";
inline constexpr std::string_view kUom = "http://www.opengis.net/def/uom/OGC/1.0/";

/// The value of the extension function `iri` on `args`; nullopt for an error or
/// an IRI this module does not know.
std::optional<rdf::Term> callExtension(std::string_view iri, const std::vector<rdf::Term>& args);

/// Metres per unit for a uom IRI (metre, kilometre, mile, foot); nullopt otherwise.
std::optional<double> metresPerUnit(std::string_view uomIri);

}  // namespace bdis::sparql::ext
