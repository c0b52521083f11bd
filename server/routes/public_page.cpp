// GET /: the public page (public_page.h). The markup and script are static
// (public_page_text.cpp); the server adds the id bases and the labels of the facet
// values: concepts (skos:Concept: kinds, NAF, legal categories), networks
// (ess:Network) and départements (ess:Departement), read from the store.

#include "server/routes/public_page.h"

#include <nlohmann/json.hpp>

#include "server/http/errors.h"
#include "server/routes/assets.h"
#include "server/routes/html.h"
#include "server/routes/labels.h"
#include "server/routes/routes.h"

namespace bdis::server {

namespace {

constexpr const char* kRdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
/// Classes whose instances are facet values.
constexpr const char* kFacetClasses[] = {
    "http://www.w3.org/2004/02/skos/core#Concept",
    "https://w3id.org/bdis/ess#Network",
    "https://w3id.org/bdis/ess#Departement",
};
/// Labels embedded in the page at most (the rest show their last path segment).
constexpr size_t kMaxLabels = 2000;

nlohmann::json facetLabels(const rdf::ReadTxn& txn) {
  nlohmann::json out = nlohmann::json::object();
  Labels labels(txn, kMaxLabels);
  auto type = txn.lookup(rdf::Term::iri(kRdfType).view());
  if (!type) return out;
  for (const char* cls : kFacetClasses) {
    auto c = txn.lookup(rdf::Term::iri(cls).view());
    if (!c) continue;
    auto cursor = txn.scan(rdf::QuadPattern{rdf::kAny, *type, *c, rdf::kAny});
    rdf::QuadIds q;
    while (out.size() < kMaxLabels && cursor.next(q)) {
      auto s = txn.decode(q.s);
      if (!s.isIri() || out.contains(s.value)) continue;
      std::string label = labels.of(s.value);
      if (!label.empty()) out[s.value] = label;
    }
  }
  return out;
}

/// JSON safe inside a <script> element: no '<' at all (so no "</script>").
std::string scriptSafe(const std::string& json) {
  std::string out;
  out.reserve(json.size());
  for (char c : json) {
    if (c == '<') out += "\\u003c";
    else out += c;
  }
  return out;
}

}  // namespace

std::string publicPageHtml(const App& app, const rdf::ReadTxn& txn) {
  bool leaflet = haveAssets(app, "leaflet");
  const auto& cfg = app.config();
  std::string publicId = cfg.publicBase;
  if (!publicId.empty() && publicId.back() != '/') publicId += '/';
  nlohmann::json config{
      {"idBases", {cfg.idBase.empty() ? "https://w3id.org/bdis/id/" : cfg.idBase}},
      {"leaflet", leaflet},
      {"labels", facetLabels(txn)}};
  if (!publicId.empty()) config["idBases"].push_back(publicId + "id/");
  std::string head =
      "<style>\n#f input,#f select,#f button{font-size:1em;padding:.25em .4em;margin:.2em .3em .2em 0}\n"
      "#q{width:22em;max-width:95%}#layout{display:flex;flex-wrap:wrap;gap:1em;margin-top:.6em}\n"
      "#map{flex:1 1 480px;height:70vh;min-height:360px}#results{flex:1 1 320px;max-height:70vh;"
      "overflow:auto;margin:0;padding-left:1.6em}\n#results li{margin:.2em 0 .7em}.snippet{font-size:.9em}\n"
      "#facets label{display:inline-block;margin-right:.8em}</style>\n";
  if (leaflet) {
    head += "<link rel=\"stylesheet\" href=\"/assets/leaflet/leaflet.css\">\n"
            "<script src=\"/assets/leaflet/leaflet.js\"></script>\n";
  }
  std::string out = pageStart("bdis — initiatives de l'économie sociale et solidaire", head);
  out += kPublicPageBody;
  out += "<script type=\"application/json\" id=\"bdis-config\">" + scriptSafe(config.dump()) +
         "</script>\n";
  out += kPublicPageScript;
  return out + pageEnd();
}

void registerPublicPageRoutes(App& app) {
  app.add(Route{"/", false, "other", false, [](const HttpRequest& req, App& a) {
                  if (req.method != "GET" && req.method != "HEAD") {
                    auto r = errorBody(405, "only GET and HEAD on /");
                    r.header("Allow", "GET, HEAD");
                    return r;
                  }
                  auto txn = a.store().beginRead();
                  HttpResponse r;
                  r.contentType = "text/html; charset=utf-8";
                  if (req.method == "GET") r.body = publicPageHtml(a, *txn);
                  return r;
                }});
}

}  // namespace bdis::server
