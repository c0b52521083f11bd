#pragma once
// WKT geometries through the GEOS C API (reentrant handles, one per thread), in
// longitude/latitude degrees (OGC CRS84 axis order), and geodesic distances.

#include <memory>
#include <optional>
#include <string>
#include <string_view>

typedef struct GEOSGeom_t GEOSGeometry;

namespace bdis::rdf::geo {

/// A position in degrees: longitude (x) then latitude (y).
struct LonLat {
  double lon = 0;
  double lat = 0;
};

/// An axis-aligned box in degrees.
struct Box {
  LonLat min, max;
};

/// Mean Earth radius of WGS84 (IUGG R1), metres.
inline constexpr double kEarthRadiusMetres = 6371008.8;

/// Great-circle (haversine) distance in metres on the WGS84 mean sphere
/// (error under 0.5 % against the ellipsoid).
double haversineMetres(LonLat a, LonLat b);

/// A box holding every point within `metres` of `centre` (longitudes wrap to the
/// whole range near the poles or when the circle crosses the antimeridian).
Box boxAround(LonLat centre, double metres);

/// A parsed geometry, owned. Move-only.
class Geometry {
 public:
  Geometry() = default;
  explicit Geometry(GEOSGeometry* g);
  Geometry(Geometry&&) noexcept;
  Geometry& operator=(Geometry&&) noexcept;
  ~Geometry();
  GEOSGeometry* get() const { return g_; }
  explicit operator bool() const { return g_ != nullptr; }

 private:
  GEOSGeometry* g_ = nullptr;
};

/// Parses a geo:wktLiteral lexical form: optional CRS IRI (`<…CRS84>` or none:
/// lon lat; `<…EPSG/0/4326>`: lat lon, swapped here) then WKT. On failure returns
/// an empty Geometry and sets `error` to GEOS's message.
Geometry parseWkt(std::string_view literal, std::string* error = nullptr);
/// The geometry's WKT (CRS84, no CRS IRI), trimmed coordinates.
std::string toWkt(const Geometry& g);
/// Its envelope; nullopt for an empty geometry.
std::optional<Box> envelopeOf(const Geometry& g);
/// A point on the geometry: the point itself, or GEOS PointOnSurface of another one.
std::optional<LonLat> representativePoint(const Geometry& g);
/// Geodesic distance in metres between the nearest points of two geometries
/// (0 when they intersect); nullopt for empty ones.
std::optional<double> distanceMetres(const Geometry& a, const Geometry& b);

/// Simple-feature relations (planar, in degrees), nullopt on a GEOS error.
enum class Relation { Within, Contains, Intersects, Disjoint, Equals, Touches, Overlaps, Crosses };
std::optional<bool> relate(Relation r, const Geometry& a, const Geometry& b);
/// Buffer of `metres` around g (converted to degrees at g's latitude).
Geometry bufferMetres(const Geometry& g, double metres);
/// The envelope as a polygon (or a point).
Geometry envelopeGeometry(const Geometry& g);
/// A point geometry.
Geometry makePoint(LonLat p);

}  // namespace bdis::rdf::geo
