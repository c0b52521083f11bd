// Geo FILTERs and ORDER BY distance LIMIT k -> Tables of R-tree candidates.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <set>

#include "rdf/geo/geo_index.h"
#include "rdf/geo/wkt.h"
#include "sparql/ext/geof.h"
#include "sparql/ext/rewrite_internal.h"

namespace bdis::sparql::ext::detail {

namespace {

using rdf::geo::Box;
using rdf::geo::LonLat;

bool isGeof(const Expr& e, std::string_view name) {
  return e.kind == Expr::Kind::Function && e.name.size() == kGeof.size() + name.size() &&
         e.name.starts_with(kGeof) && e.name.ends_with(name);
}

std::optional<double> numericConstant(const Expr& e) {
  if (e.kind != Expr::Kind::Constant || !e.term.isLiteral()) return std::nullopt;
  double v = 0;
  const std::string& s = e.term.value;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

rdf::geo::Geometry constantGeometry(const Expr& e) {
  if (e.kind != Expr::Kind::Constant || !e.term.isLiteral()) return {};
  return rdf::geo::parseWkt(e.term.value);
}

}  // namespace

std::optional<DistanceCall> geoDistanceCall(const Expr& e, const GeometryKey& key) {
  if (!isGeof(e, "distance") || e.args.size() != 3) return std::nullopt;
  const Expr* v = &e.args[0];
  const Expr* c = &e.args[1];
  auto k = key(*v);
  if (!k) {
    std::swap(v, c);
    k = key(*v);
  }
  if (!k || e.args[2].kind != Expr::Kind::Constant) return std::nullopt;
  auto unit = metresPerUnit(e.args[2].term.value);
  rdf::geo::Geometry g = constantGeometry(*c);
  if (!unit || !g) return std::nullopt;
  auto box = rdf::geo::envelopeOf(g);
  if (!box || box->min.lon != box->max.lon || box->min.lat != box->max.lat) return std::nullopt;
  return DistanceCall{*k, box->min, *unit};
}

std::optional<GeoBound> geoBoundOf(const Expr& e, const GeometryKey& key) {
  using K = Expr::Kind;
  if (e.kind == K::And) {
    for (const auto& a : e.args)
      if (auto b = geoBoundOf(a, key)) return b;
    return std::nullopt;
  }
  if ((e.kind == K::Less || e.kind == K::LessEq || e.kind == K::Greater ||
       e.kind == K::GreaterEq) &&
      e.args.size() == 2) {
    bool fnLeft = e.kind == K::Less || e.kind == K::LessEq;
    const Expr& fn = e.args[fnLeft ? 0 : 1];
    auto limit = numericConstant(e.args[fnLeft ? 1 : 0]);
    auto call = geoDistanceCall(fn, key);
    if (!limit || !call || *limit < 0) return std::nullopt;
    return GeoBound{call->key, true, call->centre, *limit * call->unit, {}};
  }
  if (e.kind != K::Function || e.args.size() != 2) return std::nullopt;
  const Expr *v = nullptr, *c = nullptr;
  if (isGeof(e, "sfWithin") || isGeof(e, "sfIntersects")) {
    v = &e.args[0];
    c = &e.args[1];
    if (isGeof(e, "sfIntersects") && !key(*v)) std::swap(v, c);
  } else if (isGeof(e, "sfContains")) {
    v = &e.args[1];
    c = &e.args[0];
  } else {
    return std::nullopt;
  }
  auto k = key(*v);
  if (!k) return std::nullopt;
  auto box = rdf::geo::envelopeOf(constantGeometry(*c));
  if (!box) return std::nullopt;
  return GeoBound{*k, false, {}, 0, *box};
}

namespace {

std::optional<std::string> varKey(const Expr& e) {
  if (e.kind != Expr::Kind::Var) return std::nullopt;
  return e.name;
}

std::optional<DistanceCall> distanceCall(const Expr& e) { return geoDistanceCall(e, varKey); }
std::optional<GeoBound> boundOf(const Expr& e) { return geoBoundOf(e, varKey); }

/// True when every solution of `op` binds `var` to an object of geo:asWKT.
bool bindsByAsWkt(const algebra::Op& op, const std::string& var) {
  using namespace algebra;
  switch (op.kind) {
    case OpKind::Bgp:
      for (const auto& t : as<Bgp>(op).triples)
        if (!t.p.isVar() && t.p.term.value == rdf::geo::kAsWkt && t.o.isVar() && t.o.var == var)
          return true;
      return false;
    case OpKind::Join:
      return bindsByAsWkt(*as<Join>(op).left, var) || bindsByAsWkt(*as<Join>(op).right, var);
    case OpKind::LeftJoin:
      return bindsByAsWkt(*as<LeftJoin>(op).left, var);
    case OpKind::Filter:
      return bindsByAsWkt(*as<Filter>(op).input, var);
    case OpKind::Graph:
      return bindsByAsWkt(*as<Graph>(op).input, var);
    default:
      return false;
  }
}

algebra::OpPtr candidateTable(const std::string& var,
                              const std::vector<rdf::geo::GeoEntry>& entries, Rewriter& r) {
  auto table = std::make_unique<algebra::Table>();
  table->vars.push_back(var);
  std::set<uint64_t> seen;
  for (const auto& e : entries)
    if (!e.wkt.isAny() && seen.insert(e.wkt.raw).second) {
      table->rows.push_back({r.txn.decode(e.wkt)});
      table->ids.push_back({e.wkt});
    }
  return table;
}

}  // namespace

/// The scope of the pattern under `graph` (null: the default graph); nullopt when
/// the rewrite should not apply (GRAPH <g> of a graph outside the dataset: no solution).
bool GeoScope::holds(const rdf::ReadTxn& txn, rdf::TermId feature, rdf::TermId asWkt,
                     rdf::TermId wkt) const {
  if (anyNamed)
    return txn.count(rdf::QuadPattern{feature, asWkt, wkt, rdf::kAny}) >
           txn.count(rdf::QuadPattern{feature, asWkt, wkt, rdf::kDefaultGraph});
  for (rdf::TermId g : graphs)
    if (txn.count(rdf::QuadPattern{feature, asWkt, wkt, g}) > 0) return true;
  return false;
}

bool GeoScope::holdsPair(const rdf::ReadTxn& txn, rdf::TermId s, rdf::TermId lat,
                         rdf::TermId lon, bool named) const {
  auto in = [&](rdf::TermId p, rdf::TermId g) {
    return txn.count(rdf::QuadPattern{s, p, rdf::kAny, g}) > 0;
  };
  if (anyNamed) {
    std::set<uint64_t> latGraphs;
    rdf::QuadIds q;
    auto cur = txn.scan(rdf::QuadPattern{s, lat, rdf::kAny, rdf::kAnyNamedGraph});
    while (cur.next(q)) latGraphs.insert(q.g.raw);
    for (uint64_t g : latGraphs)
      if (in(lon, rdf::TermId(g))) return true;
    return false;
  }
  if (named) {  // GRAPH ?g over the dataset's named graphs, or GRAPH <g>: one graph holds both
    for (rdf::TermId g : graphs)
      if (in(lat, g) && in(lon, g)) return true;
    return false;
  }
  bool hasLat = false, hasLon = false;  // the default graph is the merge of `graphs`
  for (rdf::TermId g : graphs) {
    hasLat = hasLat || in(lat, g);
    hasLon = hasLon || in(lon, g);
  }
  return hasLat && hasLon;
}

std::optional<GeoScope> scopeOf(const algebra::Graph* graph, Rewriter& r) {
  GeoScope scope;
  if (!graph) {
    if (r.dataset)
      scope.graphs = r.dataset->defaultGraphs;
    else
      scope.graphs = {rdf::kDefaultGraph};
    return scope;
  }
  bool all = !r.dataset || r.dataset->allNamed;
  if (graph->name.isVar()) {
    if (all)
      scope.anyNamed = true;
    else
      scope.graphs = r.dataset->namedGraphs;
    return scope;
  }
  const rdf::Term& name = graph->name.term;
  if (!name.isIri()) return std::nullopt;
  auto id = r.txn.lookup(rdf::TermView{rdf::TermKind::Iri, name.value, {}, {}});
  if (!id || *id == rdf::kDefaultGraph) return std::nullopt;
  if (!all && !std::binary_search(r.dataset->namedGraphs.begin(), r.dataset->namedGraphs.end(),
                                  *id))
    return std::nullopt;
  scope.graphs = {*id};
  return scope;
}

namespace {

/// When the filtered group is a BGP holding `?x geo:asWKT ?wkt`, every triple is in
/// the default graph it reads (Rewriter::defaultGraphOnly) and the index reflects the
/// query's snapshot: the candidates are exactly the (feature, literal) pairs of that
/// pattern whose geometry the FILTER can accept, so a Table(?x ?wkt) replaces the
/// pattern (no index join per candidate). Returns false to use the plain rewrite.
bool bindDirectly(algebra::Filter& filter, const std::string& var,
                  const std::vector<rdf::geo::GeoEntry>& entries, Rewriter& r) {
  using namespace algebra;
  if (filter.input->kind != OpKind::Bgp) return false;
  auto& bgp = as<Bgp>(*filter.input);
  size_t j = 0;
  for (; j < bgp.triples.size(); ++j) {
    const auto& t = bgp.triples[j];
    if (!t.p.isVar() && t.p.term.value == rdf::geo::kAsWkt && t.o.isVar() && t.o.var == var &&
        t.s.isVar() && t.s.var != var)
      break;
  }
  if (j == bgp.triples.size() || !r.defaultGraphOnly() || !r.indexes()->geo().reflects(r.txn))
    return false;
  auto table = std::make_unique<Table>();
  std::string subject = bgp.triples[j].s.var;
  table->vars = {subject, var};
  std::set<std::pair<uint64_t, uint64_t>> seen;
  for (const auto& e : entries) {
    if (e.wkt.isAny() || !seen.insert({e.feature.raw, e.wkt.raw}).second) continue;
    table->rows.push_back({r.txn.decode(e.feature), r.txn.decode(e.wkt)});
    table->ids.push_back({e.feature, e.wkt});
  }
  r.notes.push_back("geo filter on ?" + var + ": " + std::to_string(table->rows.size()) +
                    " candidate(s), bound with ?" + subject);
  bgp.triples.erase(bgp.triples.begin() + static_cast<std::ptrdiff_t>(j));
  if (bgp.triples.empty())
    filter.input = std::move(table);
  else
    filter.input = makeJoin(std::move(table), std::move(filter.input));
  return true;
}

}  // namespace

void rewriteGeoFilter(algebra::Filter& filter, Rewriter& r) {
  for (const Expr& e : filter.exprs) {
    auto bound = boundOf(e);
    if (!bound || !bindsByAsWkt(*filter.input, bound->key)) continue;
    if (!r.indexes()) return;
    auto& geo = r.indexes()->geo();
    auto entries = bound->radius ? geo.radiusCandidates(bound->centre, bound->metres)
                                 : geo.intersecting(bound->box);
    if (bindDirectly(filter, bound->key, entries, r)) return;
    algebra::OpPtr table = candidateTable(bound->key, entries, r);
    r.notes.push_back("geo filter on ?" + bound->key + ": " +
                      std::to_string(algebra::as<algebra::Table>(*table).rows.size()) +
                      " candidate(s)");
    filter.input = makeJoin(std::move(table), std::move(filter.input));
    return;
  }
}

void rewriteGeoNearest(algebra::Slice& slice, Rewriter& r) {
  using namespace algebra;
  OrderBy* found = limitedAscendingOrder(slice);
  if (!found) return;
  auto& order = *found;
  auto call = distanceCall(order.keys[0].expr);
  if (!call) return;
  // Only the lone pattern `?x geo:asWKT ?wkt`, alone or as `GRAPH <g>|?g { ... }`:
  // another pattern could drop candidates.
  const Graph* graph = nullptr;
  const Op* inner = order.input.get();
  if (inner->kind == OpKind::Graph) {
    graph = &as<Graph>(*inner);
    inner = graph->input.get();
  }
  if (inner->kind != OpKind::Bgp || as<Bgp>(*inner).triples.size() != 1) return;
  const auto& t = as<Bgp>(*inner).triples[0];
  if (!t.s.isVar() || t.s.var == call->key || !bindsByAsWkt(*inner, call->key)) return;
  if (graph && graph->name.isVar() &&
      (graph->name.var == t.s.var || graph->name.var == call->key))
    return;
  auto scope = scopeOf(graph, r);
  if (!scope) return;
  if (!r.indexes()) return;
  auto asWkt = r.txn.lookup(rdf::TermView{rdf::TermKind::Iri, rdf::geo::kAsWkt, {}, {}});
  if (!asWkt) return;

  // The index spans every graph. Ask it for more neighbours until k distinct (feature,
  // literal) pairs of the scope are among them: each is at least one solution, so the
  // k-th nearest solution lies within the farthest of them, and every index entry
  // within that distance is a candidate (the join with the pattern keeps the graphs).
  size_t k = static_cast<size_t>(*slice.length + slice.start.value_or(0));
  auto& geo = r.indexes()->geo();
  std::vector<rdf::geo::GeoEntry> entries;
  bool bounded = false;
  for (size_t ask = std::max<size_t>(k, 1);; ask *= 4) {
    auto nearest = geo.nearest(call->centre, ask);
    std::set<std::pair<uint64_t, uint64_t>> inScope;
    double bound = 0;
    for (const auto& e : nearest) {
      if (inScope.size() >= k) break;
      if (e.wkt.isAny() || !scope->holds(r.txn, e.feature, *asWkt, e.wkt)) continue;
      inScope.insert({e.feature.raw, e.wkt.raw});
      bound = std::max(bound, rdf::geo::haversineMetres(call->centre, e.point));
    }
    if (inScope.size() >= k) {
      entries = geo.radiusCandidates(call->centre, bound * 1.000001 + 1e-6);
      bounded = true;
      break;
    }
    if (nearest.size() < ask) break;  // the whole index seen: fewer than k in scope
  }
  if (!bounded) entries = geo.intersecting(Box{{-180, -90}, {180, 90}});
  // Unparsable literals have an error distance, which ORDER BY puts first: keep them.
  for (rdf::TermId bad : geo.badLiteralIds())
    entries.push_back(rdf::geo::GeoEntry{{}, bad, {}, {}});
  OpPtr table = candidateTable(call->key, entries, r);
  r.notes.push_back("geo nearest " + std::to_string(k) + " on ?" + call->key +
                    (graph ? " in GRAPH" : "") + ": " +
                    std::to_string(as<Table>(*table).rows.size()) + " candidate(s)");
  order.input = makeJoin(std::move(table), std::move(order.input));
}

}  // namespace bdis::sparql::ext::detail
