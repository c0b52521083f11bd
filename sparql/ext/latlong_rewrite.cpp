// wgs84 lat/long pairs: box FILTERs on the numbers, geof FILTERs and ORDER BY distance
// LIMIT k on the pair's WKT -> Tables of candidate subjects from the R-tree.
//
// The pair's WKT is written as users write it for GeoSPARQL functions:
//   STRDT(CONCAT("POINT(", STR(?lon), " ", STR(?lat), ")"), geo:wktLiteral)
// directly as the function's argument or through BIND(... AS ?w) in the same group.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <set>

#include "rdf/geo/geo_index.h"
#include "sparql/ext/geof.h"
#include "sparql/ext/rewrite_internal.h"

namespace bdis::sparql::ext::detail {

namespace {

using rdf::geo::Box;

/// `?s wgs84:lat ?la . ?s wgs84:long ?lo`, required by every solution of a group.
struct Pair {
  std::string s, lat, lon;
};

/// The group's required patterns and BIND definitions, as far as they are certain.
struct GroupFacts {
  std::vector<Pair> pairs;
  std::map<std::string, const Expr*> binds;  ///< ?w -> its BIND expression
};

void collect(const algebra::Op& op, std::map<std::string, std::vector<std::string>>& lats,
             std::map<std::string, std::vector<std::string>>& lons, GroupFacts& facts) {
  using namespace algebra;
  switch (op.kind) {
    case OpKind::Bgp:
      for (const auto& t : as<Bgp>(op).triples) {
        if (t.p.isVar() || !t.s.isVar() || !t.o.isVar() || t.s.var == t.o.var) continue;
        if (t.p.term.value == rdf::geo::kWgsLat) lats[t.s.var].push_back(t.o.var);
        if (t.p.term.value == rdf::geo::kWgsLong) lons[t.s.var].push_back(t.o.var);
      }
      return;
    case OpKind::Join:
      collect(*as<Join>(op).left, lats, lons, facts);
      collect(*as<Join>(op).right, lats, lons, facts);
      return;
    case OpKind::LeftJoin:
      collect(*as<LeftJoin>(op).left, lats, lons, facts);
      return;
    case OpKind::Filter:
      collect(*as<Filter>(op).input, lats, lons, facts);
      return;
    case OpKind::Graph:
      collect(*as<Graph>(op).input, lats, lons, facts);
      return;
    case OpKind::Extend:
      facts.binds.emplace(as<Extend>(op).var, &as<Extend>(op).expr);
      collect(*as<Extend>(op).input, lats, lons, facts);
      return;
    default:
      return;
  }
}

GroupFacts factsOf(const algebra::Op& op) {
  std::map<std::string, std::vector<std::string>> lats, lons;
  GroupFacts facts;
  collect(op, lats, lons, facts);
  for (const auto& [s, las] : lats) {
    auto it = lons.find(s);
    if (it == lons.end()) continue;
    for (const auto& la : las)
      for (const auto& lo : it->second)
        if (la != lo) facts.pairs.push_back(Pair{s, la, lo});
  }
  return facts;
}

bool isStringConstant(const Expr& e, std::string_view value) {
  return e.kind == Expr::Kind::Constant && e.term.isLiteral() && e.term.value == value;
}

bool isStrOf(const Expr& e, std::string* var) {
  if (e.kind != Expr::Kind::Builtin || e.name != "STR" || e.args.size() != 1 ||
      e.args[0].kind != Expr::Kind::Var)
    return false;
  *var = e.args[0].name;
  return true;
}

/// "lon lat" variable names when `e` is the pair's WKT (or a ?w bound to it).
std::optional<std::string> pairWkt(const Expr& e, const GroupFacts& facts, int depth = 0) {
  if (e.kind == Expr::Kind::Var) {
    auto it = facts.binds.find(e.name);
    if (it == facts.binds.end() || depth > 0) return std::nullopt;
    return pairWkt(*it->second, facts, depth + 1);
  }
  if (e.kind != Expr::Kind::Builtin || e.name != "STRDT" || e.args.size() != 2) return std::nullopt;
  const Expr& dt = e.args[1];
  if (dt.kind != Expr::Kind::Constant || !dt.term.isIri() ||
      dt.term.value != rdf::geo::kWktLiteral)
    return std::nullopt;
  const Expr& c = e.args[0];
  if (c.kind != Expr::Kind::Builtin || c.name != "CONCAT" || c.args.size() != 5) return std::nullopt;
  std::string lon, lat;
  if (!(isStringConstant(c.args[0], "POINT(") || isStringConstant(c.args[0], "POINT (")) ||
      !isStrOf(c.args[1], &lon) || !isStringConstant(c.args[2], " ") ||
      !isStrOf(c.args[3], &lat) || !isStringConstant(c.args[4], ")"))
    return std::nullopt;
  return lon + " " + lat;
}

const Pair* pairOfKey(const GroupFacts& facts, const std::string& key) {
  for (const auto& p : facts.pairs)
    if (p.lon + " " + p.lat == key) return &p;
  return nullptr;
}

std::optional<double> numberOf(const Expr& e) {
  if (e.kind == Expr::Kind::UnaryMinus && e.args.size() == 1) {
    auto v = numberOf(e.args[0]);
    return v ? std::optional<double>(-*v) : std::nullopt;
  }
  if (e.kind != Expr::Kind::Constant || !e.term.isLiteral()) return std::nullopt;
  double v = 0;
  const std::string& s = e.term.value;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

void flatten(const Expr& e, std::vector<const Expr*>& out) {
  if (e.kind == Expr::Kind::And) {
    for (const auto& a : e.args) flatten(a, out);
  } else {
    out.push_back(&e);
  }
}

/// The box that comparisons of ?lat / ?lon with constants put on the pair, if any.
std::optional<Box> numericBox(const std::vector<const Expr*>& conjuncts, const Pair& pair) {
  using K = Expr::Kind;
  constexpr double kFar = 1e300;
  Box box{{-kFar, -kFar}, {kFar, kFar}};
  bool any = false;
  for (const Expr* e : conjuncts) {
    if (e->args.size() != 2) continue;
    bool less = e->kind == K::Less || e->kind == K::LessEq;
    bool greater = e->kind == K::Greater || e->kind == K::GreaterEq;
    if (!less && !greater) continue;
    const Expr* v = &e->args[0];
    const Expr* c = &e->args[1];
    if (v->kind != K::Var) {  // constant on the left: flip the comparison
      std::swap(v, c);
      std::swap(less, greater);
    }
    auto value = numberOf(*c);
    if (v->kind != K::Var || !value) continue;
    double* lo = nullptr;
    double* hi = nullptr;
    if (v->name == pair.lat) {
      lo = &box.min.lat;
      hi = &box.max.lat;
    } else if (v->name == pair.lon) {
      lo = &box.min.lon;
      hi = &box.max.lon;
    } else {
      continue;
    }
    if (less) *hi = std::min(*hi, *value);
    if (greater) *lo = std::max(*lo, *value);
    any = true;
  }
  if (!any) return std::nullopt;
  return box;
}

/// Table(?s) of the pair entries among `entries` and every irregular pair subject.
algebra::OpPtr subjectTable(const std::string& var, const std::vector<rdf::geo::GeoEntry>& entries,
                            const rdf::geo::GeoIndex& geo, Rewriter& r) {
  std::set<uint64_t> ids;
  for (const auto& e : entries)
    if (e.wkt.isAny()) ids.insert(e.feature.raw);
  for (rdf::TermId s : geo.irregularPairs()) ids.insert(s.raw);
  auto table = std::make_unique<algebra::Table>();
  table->vars.push_back(var);
  for (uint64_t id : ids) {
    table->rows.push_back({r.txn.decode(rdf::TermId(id))});
    table->ids.push_back({rdf::TermId(id)});
  }
  return table;
}

}  // namespace

void rewriteLatLongFilter(algebra::Filter& filter, Rewriter& r) {
  GroupFacts facts = factsOf(*filter.input);
  if (facts.pairs.empty()) return;
  GeometryKey key = [&facts](const Expr& e) -> std::optional<std::string> {
    auto k = pairWkt(e, facts);
    if (!k || !pairOfKey(facts, *k)) return std::nullopt;
    return k;
  };
  std::vector<const Expr*> conjuncts;
  for (const Expr& e : filter.exprs) flatten(e, conjuncts);
  const Pair* pair = nullptr;
  std::optional<GeoBound> bound;
  for (const Expr* e : conjuncts) {
    if ((bound = geoBoundOf(*e, key))) {
      pair = pairOfKey(facts, bound->key);
      break;
    }
  }
  if (!bound) {
    for (const auto& p : facts.pairs) {
      if (auto box = numericBox(conjuncts, p)) {
        pair = &p;
        bound = GeoBound{"", false, {}, 0, *box};
        break;
      }
    }
  }
  if (!bound || !r.indexes()) return;
  auto& geo = r.indexes()->geo();
  auto entries = bound->radius ? geo.radiusCandidates(bound->centre, bound->metres)
                               : geo.intersecting(bound->box);
  algebra::OpPtr table = subjectTable(pair->s, entries, geo, r);
  r.notes.push_back("geo filter on the wgs84 pair of ?" + pair->s + ": " +
                    std::to_string(algebra::as<algebra::Table>(*table).rows.size()) +
                    " candidate subject(s)");
  filter.input = makeJoin(std::move(table), std::move(filter.input));
}

void rewriteLatLongNearest(algebra::Slice& slice, Rewriter& r) {
  using namespace algebra;
  OrderBy* found = limitedAscendingOrder(slice);
  if (!found) return;
  auto& order = *found;
  // Only the pair alone (BINDs around it keep every row), or in GRAPH <g>|?g: another
  // pattern could drop candidates.
  const Graph* graph = nullptr;
  const Op* inner = order.input.get();
  while (inner->kind == OpKind::Extend || (inner->kind == OpKind::Graph && !graph)) {
    if (inner->kind == OpKind::Graph) {
      graph = &as<Graph>(*inner);
      inner = graph->input.get();
    } else {
      inner = as<Extend>(*inner).input.get();
    }
  }
  if (inner->kind != OpKind::Bgp || as<Bgp>(*inner).triples.size() != 2) return;
  GroupFacts facts = factsOf(*order.input);
  if (facts.pairs.size() != 1) return;
  const Pair pair = facts.pairs[0];
  GeometryKey key = [&facts](const Expr& e) -> std::optional<std::string> {
    auto k = pairWkt(e, facts);
    if (!k || !pairOfKey(facts, *k)) return std::nullopt;
    return k;
  };
  auto call = geoDistanceCall(order.keys[0].expr, key);
  if (!call) return;
  if (graph && graph->name.isVar() &&
      (graph->name.var == pair.s || graph->name.var == pair.lat || graph->name.var == pair.lon))
    return;
  auto scope = scopeOf(graph, r);
  if (!scope || !r.indexes()) return;
  auto lat = r.txn.lookup(rdf::TermView{rdf::TermKind::Iri, rdf::geo::kWgsLat, {}, {}});
  auto lon = r.txn.lookup(rdf::TermView{rdf::TermKind::Iri, rdf::geo::kWgsLong, {}, {}});
  if (!lat || !lon) return;

  // As for geo:asWKT (geo_rewrite.cpp): more and more neighbours until k regular pair
  // subjects of the scope are among them (each one point, at least one solution); the
  // k-th nearest solution lies within the farthest. Irregular subjects always join in.
  size_t k = static_cast<size_t>(*slice.length + slice.start.value_or(0));
  auto& geo = r.indexes()->geo();
  std::vector<rdf::TermId> irregular = geo.irregularPairs();
  std::vector<rdf::geo::GeoEntry> entries;
  bool bounded = false;
  for (size_t ask = std::max<size_t>(k, 1);; ask *= 4) {
    auto nearest = geo.nearest(call->centre, ask);
    size_t inScope = 0;
    double bound = 0;
    for (const auto& e : nearest) {
      if (inScope >= k) break;
      if (!e.wkt.isAny() || std::binary_search(irregular.begin(), irregular.end(), e.feature) ||
          !scope->holdsPair(r.txn, e.feature, *lat, *lon, graph != nullptr))
        continue;
      ++inScope;
      bound = std::max(bound, rdf::geo::haversineMetres(call->centre, e.point));
    }
    if (inScope >= k) {
      entries = geo.radiusCandidates(call->centre, bound * 1.000001 + 1e-6);
      bounded = true;
      break;
    }
    if (nearest.size() < ask) break;  // the whole index seen: fewer than k in scope
  }
  if (!bounded) entries = geo.intersecting(Box{{-1e300, -1e300}, {1e300, 1e300}});
  OpPtr table = subjectTable(pair.s, entries, geo, r);
  r.notes.push_back("geo nearest " + std::to_string(k) + " on the wgs84 pair of ?" + pair.s +
                    (graph ? " in GRAPH" : "") + ": " +
                    std::to_string(as<Table>(*table).rows.size()) + " candidate subject(s)");
  order.input = makeJoin(std::move(table), std::move(order.input));
}

}  // namespace bdis::sparql::ext::detail
