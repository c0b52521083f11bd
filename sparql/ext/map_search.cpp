#include "sparql/ext/map_search.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "rdf/geo/geo_index.h"

namespace bdis::sparql::ext {

namespace {

constexpr std::string_view kRdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
constexpr std::string_view kHasGeometry = "http://www.opengis.net/ont/geosparql#hasGeometry";

/// Ids of the IRIs the search needs (absent ones stay kAny).
struct Vocab {
  rdf::TermId type, initiative, hasAddress, hasGeometry, name, commune, departement, lat, lon;
  std::map<std::string, rdf::TermId> facetPredicates;

  explicit Vocab(const rdf::ReadTxn& txn) {
    auto id = [&](std::string iri) {
      return txn.lookup(rdf::TermView{rdf::TermKind::Iri, iri, {}, {}}).value_or(rdf::kAny);
    };
    std::string ess(kEss);
    type = id(std::string(kRdfType));
    initiative = id(ess + "Initiative");
    hasAddress = id(ess + "hasAddress");
    hasGeometry = id(std::string(kHasGeometry));
    name = id(ess + "name");
    commune = id(ess + "commune");
    departement = id(ess + "departement");
    lat = id(std::string(rdf::geo::kWgsLat));
    lon = id(std::string(rdf::geo::kWgsLong));
    facetPredicates = {{"sector", id(ess + "kind")},
                       {"activity", id(ess + "activity")},
                       {"legal", id(ess + "legalCategory")},
                       {"network", id(ess + "memberOf")}};
  }
};

std::vector<rdf::TermId> objects(const rdf::ReadTxn& txn, rdf::TermId s, rdf::TermId p) {
  std::vector<rdf::TermId> out;
  if (p.isAny()) return out;
  rdf::QuadIds q;
  rdf::QuadCursor cur = txn.scan(rdf::QuadPattern{s, p, rdf::kAny, rdf::kAny});
  while (cur.next(q)) out.push_back(q.o);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<rdf::TermId> subjects(const rdf::ReadTxn& txn, rdf::TermId p, rdf::TermId o) {
  std::vector<rdf::TermId> out;
  if (p.isAny()) return out;
  rdf::QuadIds q;
  rdf::QuadCursor cur = txn.scan(rdf::QuadPattern{rdf::kAny, p, o, rdf::kAny});
  while (cur.next(q)) out.push_back(q.s);
  return out;
}

bool isInitiative(const rdf::ReadTxn& txn, const Vocab& v, rdf::TermId s) {
  return !v.initiative.isAny() &&
         txn.count(rdf::QuadPattern{s, v.type, v.initiative, rdf::kAny}) > 0;
}

/// The initiatives a hit subject stands for: itself, or those pointing at it by
/// ess:hasAddress or geo:hasGeometry.
std::vector<rdf::TermId> owners(const rdf::ReadTxn& txn, const Vocab& v, rdf::TermId s) {
  if (isInitiative(txn, v, s)) return {s};
  std::vector<rdf::TermId> out;
  for (rdf::TermId p : {v.hasAddress, v.hasGeometry})
    for (rdf::TermId o : subjects(txn, p, s))
      if (isInitiative(txn, v, o)) out.push_back(o);
  return out;
}

/// The wgs84 lat/long of an initiative, when it has a numeric pair.
std::optional<rdf::geo::LonLat> pointOf(const rdf::ReadTxn& txn, const Vocab& v, rdf::TermId s) {
  auto lats = objects(txn, s, v.lat);
  auto lons = objects(txn, s, v.lon);
  if (lats.empty() || lons.empty()) return std::nullopt;
  try {
    return rdf::geo::LonLat{std::stod(txn.decode(lons.front()).value),
                            std::stod(txn.decode(lats.front()).value)};
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

bool valueMatches(const std::string& iri, const std::vector<std::string>& accepted) {
  for (const auto& a : accepted) {
    if (iri == a) return true;
    if (iri.size() > a.size() && iri.ends_with(a) && iri[iri.size() - a.size() - 1] == '/')
      return true;
  }
  return false;
}

struct Candidate {
  std::optional<double> score, distance;
  rdf::TermId literal;  ///< best text hit
  std::optional<rdf::geo::LonLat> point;
};

}  // namespace

const std::vector<std::string>& mapFacetNames() {
  static const std::vector<std::string> names{"sector", "activity", "legal", "network",
                                              "territory"};
  return names;
}

MapResult mapSearch(const rdf::ReadTxn& txn, SearchIndexes& indexes, const MapQuery& q) {
  Vocab v(txn);
  std::unordered_map<rdf::TermId, Candidate> cands;
  bool restricted = false;
  auto intersect = [&](std::unordered_map<rdf::TermId, Candidate> next) {
    if (!restricted) {
      cands = std::move(next);
      restricted = true;
      return;
    }
    std::unordered_map<rdf::TermId, Candidate> kept;
    for (auto& [id, c] : cands) {
      auto it = next.find(id);
      if (it == next.end()) continue;
      if (it->second.distance) c.distance = it->second.distance;
      if (it->second.point) c.point = it->second.point;
      kept.emplace(id, c);
    }
    cands = std::move(kept);
  };
  if (!q.text.empty()) {
    std::unordered_map<rdf::TermId, Candidate> next;
    rdf::text::TextSearch req;
    req.query = q.text;
    for (const auto& hit : indexes.text().search(req))
      for (rdf::TermId owner : owners(txn, v, hit.subject)) {
        Candidate& c = next[owner];
        if (!c.score) {
          c.score = hit.score;
          c.literal = hit.literal;
        }
      }
    intersect(std::move(next));
  }
  auto addGeo = [&](const std::vector<rdf::geo::GeoEntry>& entries) {
    std::unordered_map<rdf::TermId, Candidate> next;
    for (const auto& e : entries)
      for (rdf::TermId owner : owners(txn, v, e.feature)) {
        Candidate& c = next[owner];
        double d = q.near ? rdf::geo::haversineMetres(*q.near, e.point) : 0;
        if (!c.point || (q.near && d < *c.distance)) {
          c.point = e.point;
          if (q.near) c.distance = d;
        }
      }
    intersect(std::move(next));
  };
  if (q.near) addGeo(indexes.geo().withinRadius(*q.near, q.radiusMetres));
  if (q.box) addGeo(indexes.geo().intersecting(*q.box));
  if (!restricted)
    for (rdf::TermId s : subjects(txn, v.type, v.initiative)) cands.emplace(s, Candidate{});

  MapResult result;
  struct Row {
    rdf::TermId id;
    Candidate c;
    std::map<std::string, std::vector<rdf::TermId>> facets;
  };
  std::vector<Row> rows;
  for (auto& [id, c] : cands) {
    Row row{id, c, {}};
    for (const auto& [facet, p] : v.facetPredicates) row.facets[facet] = objects(txn, id, p);
    std::vector<rdf::TermId> deps;
    for (rdf::TermId commune : objects(txn, id, v.commune))
      for (rdf::TermId d : objects(txn, commune, v.departement)) deps.push_back(d);
    std::sort(deps.begin(), deps.end());
    deps.erase(std::unique(deps.begin(), deps.end()), deps.end());
    row.facets["territory"] = deps;
    bool ok = true;
    for (const auto& [facet, accepted] : q.filters) {
      if (accepted.empty()) continue;
      bool any = false;
      for (rdf::TermId value : row.facets[facet])
        any = any || valueMatches(txn.decode(value).value, accepted);
      ok = ok && any;
    }
    if (ok) rows.push_back(std::move(row));
  }
  for (const auto& row : rows)
    for (const auto& [facet, values] : row.facets)
      for (rdf::TermId value : values) ++result.facets[facet][txn.decode(value).value];
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    if (a.c.score && b.c.score && *a.c.score != *b.c.score) return *a.c.score > *b.c.score;
    if (a.c.distance && b.c.distance && *a.c.distance != *b.c.distance)
      return *a.c.distance < *b.c.distance;
    return a.id < b.id;
  });
  result.total = rows.size();
  for (uint64_t i = q.offset; i < rows.size() && i < q.offset + q.limit; ++i) {
    const Row& row = rows[i];
    MapFeature f;
    f.iri = txn.decode(row.id);
    f.score = row.c.score;
    f.distance = row.c.distance;
    f.point = row.c.point;
    if (!f.point) f.point = pointOf(txn, v, row.id);
    auto names = objects(txn, row.id, v.name);
    if (!names.empty()) f.name = txn.decode(names.front()).value;
    if (row.c.score) f.snippet = indexes.text().snippet(txn.decode(row.c.literal).value, q.text);
    for (const auto& [facet, values] : row.facets)
      for (rdf::TermId value : values) f.facets[facet].push_back(txn.decode(value).value);
    result.features.push_back(std::move(f));
  }
  return result;
}

}  // namespace bdis::sparql::ext
