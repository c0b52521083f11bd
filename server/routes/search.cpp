// GET /search: the map page's search (sparql/ext/map_search.h) as GeoJSON with
// facet counts. Parameters: q, near=LAT,LON, radius=KM (default 10), bbox=
// minLon,minLat,maxLon,maxLat, sector=, activity=, legal=, network=, territory=
// (repeatable or comma-separated), limit (default 50, at most 1000), offset.
// A bad parameter is a 400 naming the parameter and the column of the fault.

#include <nlohmann/json.hpp>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <mutex>

#include "rdf/error.h"
#include "server/http/app.h"
#include "server/routes/routes.h"
#include "sparql/ext/map_search.h"

namespace bdis::server {

namespace {

using nlohmann::json;

/// A 400 with {"error", "parameter", "column"}.
struct BadParameter {
  std::string parameter;
  size_t column;
  std::string message;
};

HttpResponse badRequest(const BadParameter& b) {
  json j{{"error", b.parameter + ": " +
                       (b.column ? "column " + std::to_string(b.column) + ": " : "") + b.message},
         {"parameter", b.parameter},
         {"column", b.column}};
  return HttpResponse::json(400, j.dump() + "\n");
}

/// Comma-separated numbers, exactly `count` of them.
std::vector<double> numbers(const std::string& name, const std::string& text, size_t count) {
  std::vector<double> out;
  size_t pos = 0;
  while (true) {
    size_t comma = text.find(',', pos);
    std::string_view part(text.data() + pos,
                          (comma == std::string::npos ? text.size() : comma) - pos);
    double v = 0;
    auto [p, ec] = std::from_chars(part.data(), part.data() + part.size(), v);
    if (ec != std::errc() || part.empty() || !std::isfinite(v))
      throw BadParameter{name, pos + 1, "expected a number"};
    if (p != part.data() + part.size())
      throw BadParameter{name, pos + 1 + static_cast<size_t>(p - part.data()),
                         "expected ',' or the end"};
    out.push_back(v);
    if (comma == std::string::npos) break;
    pos = comma + 1;
  }
  if (out.size() != count)
    throw BadParameter{name, text.size() + 1,
                       "expected " + std::to_string(count) + " comma-separated numbers"};
  return out;
}

uint64_t integer(const HttpRequest& req, const std::string& name, uint64_t fallback, uint64_t max) {
  auto v = req.param(name);
  if (!v) return fallback;
  uint64_t n = 0;
  auto [p, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
  if (ec != std::errc() || v->empty() || p != v->data() + v->size())
    throw BadParameter{name, static_cast<size_t>(p - v->data()) + 1,
                       "expected a non-negative integer"};
  return std::min(n, max);
}

sparql::ext::MapQuery parse(const HttpRequest& req) {
  sparql::ext::MapQuery q;
  q.text = req.param("q").value_or("");
  if (auto near = req.param("near")) {
    auto v = numbers("near", *near, 2);
    if (v[0] < -90 || v[0] > 90) throw BadParameter{"near", 1, "latitude out of [-90, 90]"};
    if (v[1] < -180 || v[1] > 180)
      throw BadParameter{"near", near->find(',') + 2, "longitude out of [-180, 180]"};
    q.near = rdf::geo::LonLat{v[1], v[0]};
  }
  if (auto radius = req.param("radius")) {
    auto v = numbers("radius", *radius, 1);
    if (v[0] <= 0 || v[0] > 20000)
      throw BadParameter{"radius", 1, "expected kilometres in (0, 20000]"};
    q.radiusMetres = v[0] * 1000;
    if (!q.near) throw BadParameter{"radius", 0, "needs near=LAT,LON"};
  }
  if (auto bbox = req.param("bbox")) {
    auto v = numbers("bbox", *bbox, 4);
    q.box = rdf::geo::Box{{v[0], v[1]}, {v[2], v[3]}};
  }
  for (const auto& facet : sparql::ext::mapFacetNames())
    for (const auto& value : req.params_all(facet)) {
      size_t pos = 0;
      while (pos <= value.size()) {
        size_t comma = value.find(',', pos);
        if (comma == std::string::npos) comma = value.size();
        if (comma > pos) q.filters[facet].push_back(value.substr(pos, comma - pos));
        pos = comma + 1;
      }
    }
  q.limit = integer(req, "limit", 50, 1000);
  q.offset = integer(req, "offset", 0, UINT64_MAX);
  return q;
}

json toGeoJson(const sparql::ext::MapResult& r, const sparql::ext::MapQuery& q) {
  json features = json::array();
  for (const auto& f : r.features) {
    json props{{"name", f.name}};
    if (f.score) props["score"] = *f.score;
    if (f.distance) props["distance_m"] = std::round(*f.distance * 10) / 10;
    if (!f.snippet.empty()) props["snippet"] = f.snippet;
    for (const auto& [facet, values] : f.facets) props[facet] = values;
    json geometry = nullptr;
    if (f.point) geometry = json{{"type", "Point"}, {"coordinates", {f.point->lon, f.point->lat}}};
    features.push_back(json{
        {"type", "Feature"}, {"id", f.iri.value}, {"geometry", geometry}, {"properties", props}});
  }
  json facets = json::object();
  for (const auto& name : sparql::ext::mapFacetNames()) {
    json counts = json::object();
    auto it = r.facets.find(name);
    if (it != r.facets.end())
      for (const auto& [value, n] : it->second) counts[value] = n;
    facets[name] = counts;
  }
  return json{{"type", "FeatureCollection"},
              {"total", r.total},
              {"offset", q.offset},
              {"limit", q.limit},
              {"facets", facets},
              {"features", features}};
}

}  // namespace

void registerSearchRoutes(App& app) {
  // Open (and bring in step) the indexes now, so that SPARQL text:query and the geo
  // rewrite find them from the first request.
  if (!sparql::ext::activeIndexes()) {
    try {
      auto indexes = sparql::ext::SearchIndexes::open(app.store());
      sparql::ext::followCommits(app.store(), indexes);
      sparql::ext::setActiveIndexes(std::move(indexes));
    } catch (const Error& e) {
      std::fprintf(stderr, "bdis: search indexes unavailable: %s\n", e.what());
    }
  }
  app.add(Route{"/search", false, "search", false, [](const HttpRequest& req, App& a) {
                  if (req.method != "GET" && req.method != "HEAD")
                    return HttpResponse::text(405, "GET /search\n");
                  sparql::ext::MapQuery q;
                  try {
                    q = parse(req);
                  } catch (const BadParameter& b) {
                    return badRequest(b);
                  }
                  auto indexes = sparql::ext::activeIndexes();
                  if (!indexes) return HttpResponse::text(503, "search indexes are not open\n");
                  auto txn = a.store().beginRead();
                  indexes->sync(*txn);
                  sparql::ext::MapResult result;
                  try {
                    result = sparql::ext::mapSearch(*txn, *indexes, q);
                  } catch (const SyntaxError& e) {
                    return badRequest(BadParameter{"q", e.column(), e.message()});
                  }
                  auto r = HttpResponse::json(200, toGeoJson(result, q).dump() + "\n");
                  r.contentType = "application/geo+json";
                  return r;
                }});
}

}  // namespace bdis::server
