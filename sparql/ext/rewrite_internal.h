#pragma once
// Shared by the rewrite files (text_rewrite.cpp, geo_rewrite.cpp). Internal.

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "rdf/geo/wkt.h"
#include "rdf/store.h"
#include "sparql/algebra/all.h"
#include "sparql/exec/exec_context.h"
#include "sparql/ext/search_indexes.h"

namespace bdis::sparql::ext::detail {

/// State of one rewrite run. The indexes are fetched on first need only, so that
/// queries without search patterns never open them.
struct Rewriter {
  Rewriter(const rdf::ReadTxn& t, std::function<std::shared_ptr<SearchIndexes>()> p,
           const exec::DatasetIds* d)
      : txn(t), provider(std::move(p)), dataset(d) {}
  const rdf::ReadTxn& txn;
  std::function<std::shared_ptr<SearchIndexes>()> provider;
  /// The query's dataset; null: the store's default graph and every named graph.
  const exec::DatasetIds* dataset;
  std::vector<std::string> notes;
  /// How many GRAPH operators surround the operator being rewritten.
  int graphDepth = 0;

  /// True when every triple a pattern here can match is in the store's default graph
  /// and the pattern reads that graph: not under GRAPH, the dataset's default graph is
  /// the store's, and the store has no named graph. An index entry then stands for
  /// exactly one solution of its pattern (a rewrite may drop the pattern).
  bool defaultGraphOnly() const {
    if (graphDepth > 0) return false;
    if (dataset && (dataset->defaultGraphs.size() != 1 ||
                    dataset->defaultGraphs[0] != rdf::kDefaultGraph))
      return false;
    return txn.stats().namedGraphs == 0;
  }

  /// The indexes, or null when none are attached.
  SearchIndexes* indexes() {
    if (!fetched_) {
      held_ = provider ? provider() : nullptr;
      fetched_ = true;
    }
    return held_.get();
  }

 private:
  std::shared_ptr<SearchIndexes> held_;
  bool fetched_ = false;
};

/// Replaces text:query / bif:contains patterns of the Bgp `op` (op may become a Join or a Table).
void rewriteTextBgp(algebra::OpPtr& op, Rewriter& r);
/// Adds candidate Tables to a Filter that bounds a geo:asWKT variable.
void rewriteGeoFilter(algebra::Filter& filter, Rewriter& r);
/// Adds kNN candidates under an ORDER BY distance below a LIMIT (`slice`).
void rewriteGeoNearest(algebra::Slice& slice, Rewriter& r);

/// Replaces wgs84 lat/long FILTERs (box on the numbers, or geof functions on the
/// pair's WKT) by a join with a Table of candidate subjects (latlong_rewrite.cpp).
void rewriteLatLongFilter(algebra::Filter& filter, Rewriter& r);
/// Same for ORDER BY geof:distance(pair's WKT, POINT, unit) LIMIT k over the pair.
void rewriteLatLongNearest(algebra::Slice& slice, Rewriter& r);

/// Names the geometry an expression stands for (a ?wkt variable, a lat/long pair),
/// or nullopt when the index does not know it.
using GeometryKey = std::function<std::optional<std::string>(const Expr&)>;

/// A bound on one geometry that the R-tree can answer with a superset.
struct GeoBound {
  std::string key;      ///< GeometryKey's name
  bool radius = false;  ///< true: within `metres` of `centre`; false: envelope meets `box`
  rdf::geo::LonLat centre;
  double metres = 0;
  rdf::geo::Box box;
};
/// The bound that `e` (one FILTER conjunct: geof:distance(G, POINT, unit) < or <= d,
/// reversed too, geof:sfWithin(G, C), sfIntersects, sfContains(C, G)) puts on a geometry.
std::optional<GeoBound> geoBoundOf(const Expr& e, const GeometryKey& key);

/// geof:distance(G, POINT, unit) as (key, centre, metres per unit).
struct DistanceCall {
  std::string key;
  rdf::geo::LonLat centre;
  double unit = 1;
};
std::optional<DistanceCall> geoDistanceCall(const Expr& e, const GeometryKey& key);

/// The graphs a nearest-k pattern reads: the dataset's default graph, or its named
/// graphs under GRAPH ?g, or one of them under GRAPH <g>.
struct GeoScope {
  std::vector<rdf::TermId> graphs;  ///< the graphs to look in, unless anyNamed
  bool anyNamed = false;            ///< every named graph of the store

  /// Whether `feature geo:asWKT wkt` is in one of the graphs.
  bool holds(const rdf::ReadTxn& txn, rdf::TermId feature, rdf::TermId asWkt,
             rdf::TermId wkt) const;
  /// Whether `s lat ?la . s long ?lo` has a solution in the scope: both in one of
  /// the named graphs, or each in one of the default graphs (their merge).
  bool holdsPair(const rdf::ReadTxn& txn, rdf::TermId s, rdf::TermId lat, rdf::TermId lon,
                 bool named) const;
};
/// The scope of a pattern under `graph` (null: the default graph); nullopt when the
/// rewrite should not apply (GRAPH <g> of a graph outside the dataset: no solution).
std::optional<GeoScope> scopeOf(const algebra::Graph* graph, Rewriter& r);

/// Join(left, right).
algebra::OpPtr makeJoin(algebra::OpPtr left, algebra::OpPtr right);

/// The OrderBy right under `slice` (or under its Project) when the slice has a LIMIT
/// and the first sort key is ascending: what a nearest-k rewrite can start from. Null
/// otherwise. Valid as long as `slice` and its input are.
algebra::OrderBy* limitedAscendingOrder(algebra::Slice& slice);

}  // namespace bdis::sparql::ext::detail
