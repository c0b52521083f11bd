#include "rdf/geo/wkt.h"

#include <geos_c.h>

#include <algorithm>
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <numbers>

namespace bdis::rdf::geo {

namespace {

/// One GEOS context per thread; its last error message kept for callers.
struct Context {
  GEOSContextHandle_t handle;
  std::string lastError;
  Context() {
    handle = GEOS_init_r();
    GEOSContext_setErrorMessageHandler_r(handle, &Context::onError, this);
    GEOSContext_setNoticeMessageHandler_r(handle, &Context::onNotice, this);
  }
  ~Context() { GEOS_finish_r(handle); }
  static void onError(const char* message, void* self) {
    static_cast<Context*>(self)->lastError = message;
  }
  static void onNotice(const char*, void*) {}
};

Context& ctx() {
  thread_local Context c;
  return c;
}

double toRad(double d) { return d * std::numbers::pi / 180.0; }
double toDeg(double r) { return r * 180.0 / std::numbers::pi; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

}  // namespace

double haversineMetres(LonLat a, LonLat b) {
  double dLat = toRad(b.lat - a.lat);
  double dLon = toRad(b.lon - a.lon);
  double h = std::sin(dLat / 2) * std::sin(dLat / 2) + std::cos(toRad(a.lat)) *
                                                           std::cos(toRad(b.lat)) *
                                                           std::sin(dLon / 2) * std::sin(dLon / 2);
  h = std::min(1.0, std::max(0.0, h));
  return 2 * kEarthRadiusMetres * std::asin(std::sqrt(h));
}

Box boxAround(LonLat c, double metres) {
  double angular = metres / kEarthRadiusMetres;
  double dLat = toDeg(angular);
  Box b{{-180, std::max(-90.0, c.lat - dLat)}, {180, std::min(90.0, c.lat + dLat)}};
  if (b.min.lat <= -90 || b.max.lat >= 90 || angular >= std::numbers::pi / 2) return b;
  double s = std::sin(angular) / std::cos(toRad(c.lat));
  if (s >= 1) return b;
  double dLon = toDeg(std::asin(s)) * 1.0000001 + 1e-9;
  if (c.lon - dLon < -180 || c.lon + dLon > 180) return b;
  b.min.lon = c.lon - dLon;
  b.max.lon = c.lon + dLon;
  b.min.lat -= 1e-9;
  b.max.lat += 1e-9;
  return b;
}

Geometry::Geometry(GEOSGeometry* g) : g_(g) {}
Geometry::Geometry(Geometry&& o) noexcept : g_(o.g_) { o.g_ = nullptr; }
Geometry& Geometry::operator=(Geometry&& o) noexcept {
  if (this != &o) {
    if (g_) GEOSGeom_destroy_r(ctx().handle, g_);
    g_ = o.g_;
    o.g_ = nullptr;
  }
  return *this;
}
Geometry::~Geometry() {
  if (g_) GEOSGeom_destroy_r(ctx().handle, g_);
}

Geometry parseWkt(std::string_view literal, std::string* error) {
  std::string_view s = trim(literal);
  bool swap = false;
  if (!s.empty() && s.front() == '<') {
    size_t close = s.find('>');
    if (close == std::string_view::npos) {
      if (error) *error = "unclosed CRS IRI";
      return {};
    }
    std::string_view crs = s.substr(1, close - 1);
    if (crs.ends_with("EPSG/0/4326"))
      swap = true;
    else if (!crs.ends_with("CRS84") && !crs.ends_with("OGC/1.3/CRS84")) {
      if (error)
        *error = "unsupported CRS <" + std::string(crs) + "> (CRS84 or EPSG:4326 expected)";
      return {};
    }
    s = trim(s.substr(close + 1));
  }
  Context& c = ctx();
  c.lastError.clear();
  GEOSWKTReader* reader = GEOSWKTReader_create_r(c.handle);
  std::string text(s);
  GEOSGeometry* g = GEOSWKTReader_read_r(c.handle, reader, text.c_str());
  GEOSWKTReader_destroy_r(c.handle, reader);
  if (!g) {
    if (error) *error = c.lastError.empty() ? "invalid WKT" : c.lastError;
    return {};
  }
  if (swap) {
    GEOSGeometry* flipped = GEOSGeom_transformXY_r(
        c.handle, g,
        [](double* x, double* y, void*) {
          std::swap(*x, *y);
          return 1;
        },
        nullptr);
    GEOSGeom_destroy_r(c.handle, g);
    g = flipped;
    if (!g) {
      if (error) *error = "cannot swap the axes of this geometry";
      return {};
    }
  }
  Geometry out(g);
  if (auto box = envelopeOf(out)) {
    if (!std::isfinite(box->min.lon) || !std::isfinite(box->min.lat) ||
        !std::isfinite(box->max.lon) || !std::isfinite(box->max.lat)) {
      if (error) *error = "coordinate out of range";
      return {};
    }
  }
  return out;
}

std::string toWkt(const Geometry& g) {
  Context& c = ctx();
  GEOSWKTWriter* w = GEOSWKTWriter_create_r(c.handle);
  GEOSWKTWriter_setTrim_r(c.handle, w, 1);
  char* text = GEOSWKTWriter_write_r(c.handle, w, g.get());
  GEOSWKTWriter_destroy_r(c.handle, w);
  std::string out = text ? text : "";
  if (text) GEOSFree_r(c.handle, text);
  return out;
}

std::optional<Box> envelopeOf(const Geometry& g) {
  Context& c = ctx();
  if (!g || GEOSisEmpty_r(c.handle, g.get()) != 0) return std::nullopt;
  Box b;
  if (!GEOSGeom_getXMin_r(c.handle, g.get(), &b.min.lon) ||
      !GEOSGeom_getYMin_r(c.handle, g.get(), &b.min.lat) ||
      !GEOSGeom_getXMax_r(c.handle, g.get(), &b.max.lon) ||
      !GEOSGeom_getYMax_r(c.handle, g.get(), &b.max.lat))
    return std::nullopt;
  return b;
}

std::optional<LonLat> representativePoint(const Geometry& g) {
  Context& c = ctx();
  if (!g || GEOSisEmpty_r(c.handle, g.get()) != 0) return std::nullopt;
  if (GEOSGeomTypeId_r(c.handle, g.get()) == GEOS_POINT) {
    LonLat p;
    if (GEOSGeomGetX_r(c.handle, g.get(), &p.lon) && GEOSGeomGetY_r(c.handle, g.get(), &p.lat))
      return p;
    return std::nullopt;
  }
  Geometry centroid(GEOSPointOnSurface_r(c.handle, g.get()));
  if (!centroid) return std::nullopt;
  return representativePoint(centroid);
}

std::optional<double> distanceMetres(const Geometry& a, const Geometry& b) {
  Context& c = ctx();
  if (!a || !b || GEOSisEmpty_r(c.handle, a.get()) || GEOSisEmpty_r(c.handle, b.get()))
    return std::nullopt;
  auto pa = representativePoint(a);
  auto pb = representativePoint(b);
  if (GEOSGeomTypeId_r(c.handle, a.get()) == GEOS_POINT &&
      GEOSGeomTypeId_r(c.handle, b.get()) == GEOS_POINT && pa && pb)
    return haversineMetres(*pa, *pb);
  if (GEOSIntersects_r(c.handle, a.get(), b.get()) == 1) return 0.0;
  GEOSCoordSequence* seq = GEOSNearestPoints_r(c.handle, a.get(), b.get());
  if (!seq) return std::nullopt;
  LonLat p, q;
  bool ok = GEOSCoordSeq_getXY_r(c.handle, seq, 0, &p.lon, &p.lat) &&
            GEOSCoordSeq_getXY_r(c.handle, seq, 1, &q.lon, &q.lat);
  GEOSCoordSeq_destroy_r(c.handle, seq);
  if (!ok) return std::nullopt;
  return haversineMetres(p, q);
}

std::optional<bool> relate(Relation r, const Geometry& a, const Geometry& b) {
  Context& c = ctx();
  if (!a || !b) return std::nullopt;
  char v = 2;
  switch (r) {
    case Relation::Within:
      v = GEOSWithin_r(c.handle, a.get(), b.get());
      break;
    case Relation::Contains:
      v = GEOSContains_r(c.handle, a.get(), b.get());
      break;
    case Relation::Intersects:
      v = GEOSIntersects_r(c.handle, a.get(), b.get());
      break;
    case Relation::Disjoint:
      v = GEOSDisjoint_r(c.handle, a.get(), b.get());
      break;
    case Relation::Equals:
      v = GEOSEquals_r(c.handle, a.get(), b.get());
      break;
    case Relation::Touches:
      v = GEOSTouches_r(c.handle, a.get(), b.get());
      break;
    case Relation::Overlaps:
      v = GEOSOverlaps_r(c.handle, a.get(), b.get());
      break;
    case Relation::Crosses:
      v = GEOSCrosses_r(c.handle, a.get(), b.get());
      break;
  }
  if (v == 2) return std::nullopt;
  return v == 1;
}

Geometry bufferMetres(const Geometry& g, double metres) {
  Context& c = ctx();
  auto p = representativePoint(g);
  if (!p) return {};
  double degrees = toDeg(metres / kEarthRadiusMetres);
  return Geometry(GEOSBuffer_r(c.handle, g.get(), degrees, 16));
}

Geometry envelopeGeometry(const Geometry& g) {
  if (!g) return {};
  return Geometry(GEOSEnvelope_r(ctx().handle, g.get()));
}

Geometry makePoint(LonLat p) {
  return Geometry(GEOSGeom_createPointFromXY_r(ctx().handle, p.lon, p.lat));
}

}  // namespace bdis::rdf::geo
