// GET /catalog and GET /.well-known/void: the DCAT-AP catalog and VoID description
// of the store (catalog_graph.h), by content negotiation: Turtle (default),
// JSON-LD (expanded), N-Triples, RDF/XML, or an HTML view of the Turtle for
// browsers; `?format=ttl|jsonld|nt|rdfxml|html` overrides Accept.

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "rdf/rdf_writer.h"
#include "server/http/app.h"
#include "server/http/errors.h"
#include "server/http/negotiate.h"
#include "server/routes/catalog_graph.h"
#include "server/routes/dump_files.h"
#include "server/routes/html.h"
#include "server/routes/rdf_xml.h"
#include "server/routes/routes.h"
#include "server/routes/jsonld_compact.h"

namespace bdis::server {

namespace {

const std::vector<std::string>& offered() {
  static const std::vector<std::string> types = {
      "text/turtle", "text/html", "application/ld+json", "application/n-triples",
      "application/rdf+xml", "application/xhtml+xml"};
  return types;
}

std::string typeForFormatName(const std::string& name) {
  if (name == "ttl" || name == "turtle") return "text/turtle";
  if (name == "jsonld" || name == "json-ld" || name == "json") return "application/ld+json";
  if (name == "nt" || name == "ntriples") return "application/n-triples";
  if (name == "rdfxml" || name == "xml" || name == "rdf") return "application/rdf+xml";
  if (name == "html") return "text/html";
  throw HttpError(400, "format: expected ttl, jsonld, nt, rdfxml or html, got '" + name + "'");
}

/// The quads grouped by subject (first-seen order), exact duplicates dropped.
std::vector<rdf::Quad> grouped(std::vector<rdf::Quad> quads) {
  std::map<std::string, size_t> firstSeen;
  std::set<std::string> seen;
  std::vector<std::pair<size_t, size_t>> keys;  // (subject rank, position)
  std::vector<rdf::Quad> kept;
  for (auto& q : quads) {
    std::string line = rdf::toNTriples(q.s) + rdf::toNTriples(q.p) + rdf::toNTriples(q.o);
    if (!seen.insert(line).second) continue;
    auto key = rdf::toNTriples(q.s);
    auto rank = firstSeen.emplace(key, firstSeen.size()).first->second;
    keys.emplace_back(rank, kept.size());
    kept.push_back(std::move(q));
  }
  std::stable_sort(keys.begin(), keys.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<rdf::Quad> out;
  out.reserve(kept.size());
  for (const auto& k : keys) out.push_back(std::move(kept[k.second]));
  return out;
}

std::string serialise(const std::vector<rdf::Quad>& quads, const std::string& mime) {
  std::ostringstream out;
  if (mime == "application/rdf+xml") {
    writeRdfXml(out, quads, catalogPrefixes());
  } else if (mime == "application/ld+json") {
    out << compactJsonLd(quads, catalogPrefixes());
  } else {
    rdf::WriterOptions options;
    bool turtle = mime == "text/turtle" || mime == "text/html";
    if (turtle) options.prefixes = catalogPrefixes();
    rdf::RdfWriter writer(out, turtle ? rdf::RdfFormat::Turtle : rdf::RdfFormat::NTriples,
                          options);
    for (const auto& q : quads) writer.write(q.view());
    writer.finish();
  }
  return out.str();
}

std::string htmlView(const std::string& path, const std::string& turtle) {
  std::string out = pageStart("bdis — catalogue DCAT-AP et VoID");
  out += "<h1>Catalogue des données (DCAT-AP, VoID)</h1>\n<p>Aussi en <a href=\"" + path +
         "?format=ttl\">Turtle</a>, <a href=\"" + path + "?format=jsonld\">JSON-LD</a>, <a href=\"" +
         path + "?format=nt\">N-Triples</a>, <a href=\"" + path +
         "?format=rdfxml\">RDF/XML</a>. Téléchargements : <a href=\"/dumps/\">/dumps/</a>.</p>\n"
         "<pre>" + htmlEscape(turtle) + "</pre>\n";
  return out + pageEnd();
}

HttpResponse catalog(const HttpRequest& req, App& app) {
  if (req.method != "GET" && req.method != "HEAD") {
    auto r = errorBody(405, "only GET and HEAD on " + req.path);
    r.header("Allow", "GET, HEAD");
    return r;
  }
  std::string mime;
  if (auto f = req.param("format")) {
    mime = typeForFormatName(*f);
  } else {
    mime = negotiate(req.header("accept"), offered());
    if (mime == "application/xhtml+xml") mime = "text/html";
  }
  if (mime.empty()) {
    auto r = errorBody(406, "no acceptable type; " + req.path +
                                " offers text/turtle, application/ld+json, application/n-triples, "
                                "application/rdf+xml, text/html");
    r.header("Vary", "Accept");
    return r;
  }
  auto txn = app.store().beginRead();
  auto quads = grouped(catalogGraph(app.config(), *txn, publishedDistributions(app, *txn)));
  HttpResponse r;
  r.header("Vary", "Accept");
  r.header("Cache-Control", "no-cache");
  if (mime == "text/html") {
    r.contentType = "text/html; charset=utf-8";
    r.body = htmlView(req.path, serialise(quads, mime));
  } else {
    r.contentType = mime == "application/n-triples" ? mime : mime + "; charset=utf-8";
    r.body = serialise(quads, mime);
  }
  return r;
}

}  // namespace

void registerCatalogRoutes(App& app) {
  app.add(Route{"/catalog", false, "other", false, catalog});
  app.add(Route{"/.well-known/void", false, "other", false, catalog});
}

}  // namespace bdis::server
