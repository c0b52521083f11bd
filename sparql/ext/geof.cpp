#include "sparql/ext/geof.h"

#include <charconv>
#include <cmath>
#include <exception>
#include <numbers>
#include <string>

#include "rdf/geo/geo_index.h"
#include "rdf/geo/wkt.h"

namespace bdis::sparql::ext {

namespace {

using rdf::geo::Geometry;
using rdf::geo::Relation;

constexpr std::string_view kXsdDouble = "http://www.w3.org/2001/XMLSchema#double";
constexpr std::string_view kXsdBoolean = "http://www.w3.org/2001/XMLSchema#boolean";

Geometry geometryArg(const rdf::Term& t) {
  if (!t.isLiteral()) return {};
  if (!t.datatype.empty() && t.datatype != rdf::geo::kWktLiteral) return {};
  if (!t.lang.empty()) return {};
  return rdf::geo::parseWkt(t.value);
}

std::optional<double> numberArg(const rdf::Term& t) {
  if (!t.isLiteral()) return std::nullopt;
  double v = 0;
  const std::string& s = t.value;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

rdf::Term doubleTerm(double v) {
  char buf[64];
  auto [p, ec] = std::to_chars(buf, buf + sizeof buf, v);
  std::string s(buf, ec == std::errc() ? p : buf);
  if (s.find_first_of(".eEn") == std::string::npos) s += ".0";
  return rdf::Term::literal(s, std::string(kXsdDouble));
}

rdf::Term boolTerm(bool b) {
  return rdf::Term::literal(b ? "true" : "false", std::string(kXsdBoolean));
}

rdf::Term wktTerm(const Geometry& g) {
  return rdf::Term::literal(rdf::geo::toWkt(g), std::string(rdf::geo::kWktLiteral));
}

std::optional<Relation> relationOf(std::string_view name) {
  if (name == "sfWithin") return Relation::Within;
  if (name == "sfContains") return Relation::Contains;
  if (name == "sfIntersects") return Relation::Intersects;
  if (name == "sfDisjoint") return Relation::Disjoint;
  if (name == "sfEquals") return Relation::Equals;
  if (name == "sfTouches") return Relation::Touches;
  if (name == "sfOverlaps") return Relation::Overlaps;
  if (name == "sfCrosses") return Relation::Crosses;
  return std::nullopt;
}

std::optional<rdf::Term> call(std::string_view name, const std::vector<rdf::Term>& args) {
  if (auto rel = relationOf(name)) {
    if (args.size() != 2) return std::nullopt;
    Geometry a = geometryArg(args[0]), b = geometryArg(args[1]);
    auto v = rdf::geo::relate(*rel, a, b);
    if (!v) return std::nullopt;
    return boolTerm(*v);
  }
  if (name == "distance") {
    if (args.size() != 3 || (!args[2].isIri() && !args[2].isLiteral())) return std::nullopt;
    Geometry a = geometryArg(args[0]), b = geometryArg(args[1]);
    auto metres = rdf::geo::distanceMetres(a, b);
    if (!metres) return std::nullopt;
    if (args[2].value == std::string(kUom) + "degree")
      return doubleTerm(*metres / rdf::geo::kEarthRadiusMetres * 180.0 / std::numbers::pi);
    auto unit = metresPerUnit(args[2].value);
    if (!unit) return std::nullopt;
    return doubleTerm(*metres / *unit);
  }
  if (name == "buffer") {
    if (args.size() != 3) return std::nullopt;
    Geometry g = geometryArg(args[0]);
    auto radius = numberArg(args[1]);
    auto unit = metresPerUnit(args[2].value);
    if (!g || !radius || !unit || *radius < 0) return std::nullopt;
    Geometry out = rdf::geo::bufferMetres(g, *radius * *unit);
    if (!out) return std::nullopt;
    return wktTerm(out);
  }
  if (name == "envelope") {
    if (args.size() != 1) return std::nullopt;
    Geometry out = rdf::geo::envelopeGeometry(geometryArg(args[0]));
    if (!out) return std::nullopt;
    return wktTerm(out);
  }
  return std::nullopt;
}

}  // namespace

std::optional<double> metresPerUnit(std::string_view uomIri) {
  if (!uomIri.starts_with(kUom)) return std::nullopt;
  std::string_view u = uomIri.substr(kUom.size());
  if (u == "metre" || u == "meter") return 1.0;
  if (u == "kilometre" || u == "kilometer") return 1000.0;
  if (u == "mile" || u == "statuteMile") return 1609.344;
  if (u == "foot") return 0.3048;
  return std::nullopt;
}

std::optional<rdf::Term> callExtension(std::string_view iri, const std::vector<rdf::Term>& args) {
  if (!iri.starts_with(kGeof)) return std::nullopt;
  try {
    return call(iri.substr(kGeof.size()), args);
  } catch (const std::exception&) {
    return std::nullopt;  // GEOS or allocation failure: the error value, never a crash
  }
}

}  // namespace bdis::sparql::ext
