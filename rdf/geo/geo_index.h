#pragma once
// The spatial index: an in-memory Boost.Geometry R-tree (R*, 16 per node) of the
// envelopes of geo:asWKT literals (points stay points) and of wgs84 lat/long
// pairs, built from a read snapshot, then kept in step by the changed quads of
// each commit (apply()), or rebuilt when it is behind the store (sync()).
// Thread safety: queries take a shared lock, sync, rebuild and apply an exclusive one.

#include <cstdint>
#include <memory>
#include <shared_mutex>
#include <span>
#include <string>
#include <vector>

#include "rdf/geo/wkt.h"
#include "rdf/store.h"

namespace bdis::rdf::geo {

inline constexpr std::string_view kAsWkt = "http://www.opengis.net/ont/geosparql#asWKT";
inline constexpr std::string_view kWktLiteral = "http://www.opengis.net/ont/geosparql#wktLiteral";
inline constexpr std::string_view kWgsLat = "http://www.w3.org/2003/01/geo/wgs84_pos#lat";
inline constexpr std::string_view kWgsLong = "http://www.w3.org/2003/01/geo/wgs84_pos#long";

/// One indexed geometry.
struct GeoEntry {
  TermId feature;  ///< subject of geo:asWKT, or of the lat/long pair
  TermId wkt;      ///< the wktLiteral's id; kAny for a lat/long pair
  Box box;         ///< its envelope (a point: min == max)
  LonLat point;    ///< the point, or the centroid
};

/// The R-tree of one store.
class GeoIndex {
 public:
  GeoIndex();
  ~GeoIndex();
  /// Rebuilds from `txn` when its mark differs from the one indexed; returns true if rebuilt.
  bool sync(const ReadTxn& txn);
  /// Rebuilds from `txn` unconditionally; returns the entry count.
  size_t rebuild(const ReadTxn& txn);
  /// After one commit that changed `touched` (any quads; those of geo:asWKT, wgs84:lat
  /// and wgs84:long count): re-derives the entries of their subjects from `txn`, the
  /// committed state. Only when the index reflected the snapshot just before that commit
  /// (generation - 1); otherwise, or for a change touching many subjects, rebuilds.
  /// Returns true when applied incrementally.
  bool apply(const ReadTxn& txn, std::span<const QuadIds> touched);

  /// Entries whose envelope meets `box`.
  std::vector<GeoEntry> intersecting(const Box& box) const;
  /// Entries whose point lies within `metres` of `centre` (haversine).
  std::vector<GeoEntry> withinRadius(LonLat centre, double metres) const;
  /// Entries whose envelope could hold a point within `metres` of `centre`: a superset
  /// of every geometry at that distance (the candidates of a distance filter).
  std::vector<GeoEntry> radiusCandidates(LonLat centre, double metres) const;
  /// The `k` entries nearest to `centre` by point distance (haversine), nearest first.
  std::vector<GeoEntry> nearest(LonLat centre, size_t k) const;
  size_t size() const;
  /// True when the index reflects exactly the snapshot `txn` (not an older or newer one).
  bool reflects(const ReadTxn& txn) const;
  /// WKT literals that failed to parse during the last rebuild.
  size_t badLiterals() const;
  /// Their ids (an ORDER BY on their distance sees an error, which sorts first).
  std::vector<TermId> badLiteralIds() const;
  /// Subjects with both wgs84:lat and wgs84:long whose entry (if any: the first numeric
  /// values) does not stand for every solution of `?s wgs84:lat ?la ; wgs84:long ?lo`:
  /// several values of either, or one that is not a literal written as a plain decimal
  /// ("-?digits[.digits]", which STR() and WKT read as the same number). Sorted by id.
  std::vector<TermId> irregularPairs() const;

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
  mutable std::shared_mutex mutex_;
};

}  // namespace bdis::rdf::geo
