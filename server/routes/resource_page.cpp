#include "server/routes/resource_page.h"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>
#include <vector>

#include "rdf/prefixes.h"
#include "server/routes/assets.h"
#include "server/routes/html.h"
#include "server/routes/id_space.h"
#include "server/routes/labels.h"

namespace bdis::server {

namespace {

constexpr std::string_view kRdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
constexpr std::string_view kLat = "http://www.w3.org/2003/01/geo/wgs84_pos#lat";
constexpr std::string_view kLong = "http://www.w3.org/2003/01/geo/wgs84_pos#long";

/// Renders terms as HTML.
class Render {
 public:
  Render(const App& app, Labels& labels) : app_(app), labels_(labels) {}

  /// A link to an IRI: its /id/ page when it has one, else the IRI itself; the label
  /// when known, with the IRI as a tooltip.
  std::string iri(const std::string& value) {
    std::string local = idPathFor(app_.config(), value);
    std::string href = local.empty() ? value : local;
    std::string label = labels_.of(value);
    if (local.empty() && !linkable(value)) {  // javascript:, data:… are shown, never linked
      return "<span class=\"iri\" title=\"" + htmlEscape(value) + "\">" +
             htmlEscape(label.empty() ? value : label) + "</span>";
    }
    std::string out = "<a href=\"" + htmlEscape(href) + "\" title=\"" + htmlEscape(value) + "\"";
    if (label.empty()) return out + " class=\"iri\">" + htmlEscape(compact(value)) + "</a>";
    return out + ">" + htmlEscape(label) + "</a>";
  }

  std::string term(const rdf::Term& t) {
    if (t.isIri()) return iri(t.value);
    if (t.isBlank()) {
      return "<a href=\"#b-" + htmlEscape(t.value) + "\" class=\"iri\">_:" + htmlEscape(t.value) +
             "</a>";
    }
    std::string out = "<span class=\"lit\">" + htmlEscape(t.value) + "</span>";
    if (!t.lang.empty()) out += " <span class=\"muted\">@" + htmlEscape(t.lang) + "</span>";
    else if (!t.datatype.empty())
      out += " <span class=\"muted\">" + htmlEscape(shortDatatype(t.datatype)) + "</span>";
    return out;
  }

  std::string graphs(const std::vector<rdf::Term>& gs) {
    std::string out;
    for (const auto& g : gs) {
      if (!out.empty()) out += "<br>";
      out += g.isNone() ? "<span class=\"muted\">graphe par défaut</span>" : iri(g.value);
    }
    return out;
  }

 private:
  /// Whether an IRI may be an href: http(s), ftp, mailto, tel, urn only.
  static bool linkable(const std::string& iri) {
    std::string scheme;
    for (char c : iri) {
      if (c == ':') break;
      scheme += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return scheme == "http" || scheme == "https" || scheme == "ftp" || scheme == "mailto" ||
           scheme == "tel" || scheme == "urn";
  }
  /// `prefix:local` for IRIs under a well-known namespace, else the IRI.
  static std::string compact(const std::string& iri) {
    for (const auto& [name, ns] : rdf::wellKnownPrefixes()) {
      if (iri.size() > ns.size() && iri.compare(0, ns.size(), ns) == 0)
        return std::string(name) + ":" + iri.substr(ns.size());
    }
    return iri;
  }
  static std::string shortDatatype(const std::string& dt) { return compact(dt); }
  const App& app_;
  Labels& labels_;
};

std::optional<double> number(const rdf::Term& t) {
  if (!t.isLiteral() || t.value.empty()) return std::nullopt;
  char* end = nullptr;
  double v = std::strtod(t.value.c_str(), &end);
  if (end != t.value.c_str() + t.value.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

std::string mapSection(const App& app, double lat, double lon) {
  char coords[96];
  std::snprintf(coords, sizeof coords, "%.6f, %.6f", lat, lon);
  char osm[160];
  std::snprintf(osm, sizeof osm,
                "https://www.openstreetmap.org/?mlat=%.6f&amp;mlon=%.6f#map=16/%.6f/%.6f", lat,
                lon, lat, lon);
  std::string out = "<h2>Localisation</h2>\n<p>" + std::string(coords) + " · <a href=\"" + osm +
                    "\">OpenStreetMap</a></p>\n";
  if (!haveAssets(app, "leaflet")) return out;
  char script[512];
  std::snprintf(script, sizeof script,
                "<div id=\"map\" style=\"height:280px;max-width:600px\"></div>\n<script>\n"
                "const m = L.map('map').setView([%.6f, %.6f], 14);\n"
                "L.tileLayer('https://tile.openstreetmap.org/{z}/{x}/{y}.png', {maxZoom: 19, "
                "attribution: '&copy; OpenStreetMap'}).addTo(m);\n"
                "L.marker([%.6f, %.6f]).addTo(m);\n</script>\n",
                lat, lon, lat, lon);
  return out + script;
}

std::string alternates(const std::string& self) {
  std::string base = htmlEscape(self);
  return "<p class=\"muted\">Aussi en <a href=\"" + base + "?format=ttl\">Turtle</a>, <a href=\"" +
         base + "?format=nt\">N-Triples</a>, <a href=\"" + base +
         "?format=nq\">N-Quads</a> (avec les graphes), <a href=\"" + base +
         "?format=jsonld\">JSON-LD</a>.</p>\n";
}

}  // namespace

std::string resourcePageHtml(const App& app, const rdf::ReadTxn& txn,
                             const ResourceDescription& d) {
  Labels labels(txn);
  Render render(app, labels);
  const std::string& iri = d.resource.value;
  std::string label = labels.of(iri);
  std::string out = pageStart(label.empty() ? iri : label + " — bdis",
                              haveAssets(app, "leaflet")
                                  ? "<link rel=\"stylesheet\" href=\"/assets/leaflet/leaflet.css\">\n"
                                    "<script src=\"/assets/leaflet/leaflet.js\"></script>\n"
                                  : "");
  out += "<h1>" + htmlEscape(label.empty() ? iri : label) + "</h1>\n";
  out += "<p><code class=\"iri\">" + htmlEscape(iri) + "</code></p>\n";

  std::vector<const DescribedTriple*> own, blanks;
  std::optional<double> lat, lon;
  std::vector<std::string> types;
  std::map<std::string, size_t> sources;  // graph IRI ("" = default) -> triples
  for (const auto& t : d.outbound) {
    bool mine = t.s.isIri() && t.s.value == iri;
    (mine ? own : blanks).push_back(&t);
    for (const auto& g : t.graphs) ++sources[g.isNone() ? "" : g.value];
    if (!mine) continue;
    if (t.p.value == kRdfType && t.o.isIri()) types.push_back(render.iri(t.o.value));
    if (t.p.value == kLat && !lat) lat = number(t.o);
    if (t.p.value == kLong && !lon) lon = number(t.o);
  }
  for (const auto& t : d.inbound)
    for (const auto& g : t.graphs) ++sources[g.isNone() ? "" : g.value];

  if (!types.empty()) {
    out += "<p>Type : ";
    for (size_t i = 0; i < types.size(); ++i) out += (i ? ", " : "") + types[i];
    out += "</p>\n";
  }
  out += alternates(idPathFor(app.config(), iri).empty() ? "" : idPathFor(app.config(), iri));

  std::erase_if(own, [](const DescribedTriple* t) { return t->p.value == kRdfType && t->o.isIri(); });
  if (!own.empty()) {
    out += "<h2>Propriétés</h2>\n<table><tr><th>propriété</th><th>valeur</th><th>source</th></tr>\n";
    for (const auto* t : own) {
      out += "<tr><td>" + render.iri(t->p.value) + "</td><td>" + render.term(t->o) + "</td><td>" +
             render.graphs(t->graphs) + "</td></tr>\n";
    }
    out += "</table>\n";
  }
  if (!blanks.empty()) {
    std::set<std::string> anchored;
    out += "<h2>Nœuds rattachés</h2>\n<table><tr><th>nœud</th><th>propriété</th><th>valeur</th></tr>\n";
    for (const auto* t : blanks) {
      bool firstRow = anchored.insert(t->s.value).second;
      std::string anchor =
          t->s.isBlank() && firstRow ? " id=\"b-" + htmlEscape(t->s.value) + "\"" : "";
      out += "<tr><td" + anchor + ">" + render.term(t->s) + "</td><td>" +
             render.iri(t->p.value) + "</td><td>" + render.term(t->o) + "</td></tr>\n";
    }
    out += "</table>\n";
  }
  if (lat && lon && std::abs(*lat) <= 90 && std::abs(*lon) <= 180) out += mapSection(app, *lat, *lon);
  if (!d.inbound.empty()) {
    out += "<h2>Liens entrants</h2>\n";
    if (d.inboundTotal > d.inbound.size()) {
      out += "<p class=\"muted\">" + std::to_string(d.inbound.size()) + " premiers sur " +
             std::to_string(d.inboundTotal) + "</p>\n";
    }
    out += "<table><tr><th>ressource</th><th>propriété</th><th>source</th></tr>\n";
    for (const auto& t : d.inbound) {
      out += "<tr><td>" + render.term(t.s) + "</td><td>" + render.iri(t.p.value) + "</td><td>" +
             render.graphs(t.graphs) + "</td></tr>\n";
    }
    out += "</table>\n";
  }
  out += "<h2>Sources</h2>\n<ul>\n";
  for (const auto& [g, n] : sources) {
    out += "<li>" +
           (g.empty() ? std::string("<span class=\"muted\">graphe par défaut</span>")
                      : render.iri(g)) +
           " <span class=\"muted\">(" + std::to_string(n) + " triplet" + (n > 1 ? "s" : "") +
           ")</span></li>\n";
  }
  out += "</ul>\n";
  if (d.truncated) out += "<p class=\"muted\">Description tronquée (limites du serveur).</p>\n";
  return out + pageEnd();
}

}  // namespace bdis::server
