// GET /id/...: Linked Data. Every IRI under the id base (or the public base, see
// id_space.h) dereferences here, directly with 200 (slash IRIs; no 303), by content
// negotiation with `Vary: Accept`: HTML for browsers, Turtle (the default for */*),
// N-Triples, N-Quads and TriG (which keep the graphs), JSON-LD. `?format=` (html, ttl,
// nt, nq, trig, jsonld) overrides Accept. The body is the resource's description
// (resource_description.h): its triples, its blank nodes', and who links to it.

#include <sstream>

#include "rdf/prefixes.h"
#include "rdf/rdf_writer.h"
#include "server/http/app.h"
#include "server/http/errors.h"
#include "server/http/negotiate.h"
#include "server/routes/id_space.h"
#include "server/routes/resource_description.h"
#include "server/routes/resource_page.h"
#include "server/routes/routes.h"
#include "sparql/results/result_format.h"

namespace bdis::server {

namespace {

constexpr std::string_view kHtml = "text/html";
constexpr std::string_view kJsonLd = "application/ld+json";

/// What /id/ offers, in the order chosen for */* (Turtle first: a machine asked).
const std::vector<std::string>& offered() {
  static const std::vector<std::string> types = {
      "text/turtle",         std::string(kHtml),     "application/n-triples",
      "application/n-quads", "application/trig",     std::string(kJsonLd),
      "application/xhtml+xml"};
  return types;
}

std::string typeForFormatName(const std::string& name) {
  if (name == "html") return std::string(kHtml);
  if (name == "ttl" || name == "turtle") return "text/turtle";
  if (name == "nt" || name == "ntriples") return "application/n-triples";
  if (name == "nq" || name == "nquads") return "application/n-quads";
  if (name == "trig") return "application/trig";
  if (name == "jsonld" || name == "json-ld" || name == "json") return std::string(kJsonLd);
  throw HttpError(400, "format: expected html, ttl, nt, nq, trig or jsonld, got '" + name + "'");
}

rdf::WriterOptions turtleOptions() {
  rdf::WriterOptions o;
  for (const auto& [name, ns] : rdf::wellKnownPrefixes()) o.prefixes.emplace_back(name, ns);
  return o;
}

void writeAll(const ResourceDescription& d, const std::function<void(const DescribedTriple&)>& f) {
  for (const auto& t : d.outbound) f(t);
  for (const auto& t : d.inbound) f(t);
}

std::string serialise(const ResourceDescription& d, const std::string& mime) {
  std::ostringstream out;
  if (mime == kJsonLd) {
    auto sink = sparql::makeResultWriter(sparql::ResultFormat::JsonLd, out);
    sink->begin(sparql::QueryForm::Describe, {});
    writeAll(d, [&](const DescribedTriple& t) {
      sink->triple(rdf::QuadView{t.s.view(), t.p.view(), t.o.view(), {}});
    });
    sink->end();
    return out.str();
  }
  auto format = rdf::formatFromMimeType(mime);
  bool quads = *format == rdf::RdfFormat::NQuads || *format == rdf::RdfFormat::TriG;
  rdf::RdfWriter writer(out, *format,
                        quads || *format == rdf::RdfFormat::Turtle ? turtleOptions()
                                                                   : rdf::WriterOptions{});
  writeAll(d, [&](const DescribedTriple& t) {
    if (!quads) {
      writer.write(rdf::QuadView{t.s.view(), t.p.view(), t.o.view(), {}});
      return;
    }
    for (const auto& g : t.graphs) writer.write(rdf::QuadView{t.s.view(), t.p.view(), t.o.view(), g.view()});
  });
  writer.finish();
  return out.str();
}

HttpResponse dereference(const HttpRequest& req, App& app) {
  if (req.method != "GET" && req.method != "HEAD") {
    auto r = errorBody(405, "only GET and HEAD on " + req.path);
    r.header("Allow", "GET, HEAD");
    return r;
  }
  std::string rest = req.path.substr(4);  // after "/id/"
  if (rest.empty()) throw HttpError(404, "/id/ names no resource: try /id/initiative/... or /");

  std::string mime;
  if (auto f = req.param("format")) {
    mime = typeForFormatName(*f);
  } else {
    mime = negotiate(req.header("accept"), offered());
    if (mime == "application/xhtml+xml") mime = kHtml;
  }
  if (mime.empty()) {
    auto r = errorBody(406, "no acceptable type; /id/ offers text/html, text/turtle, "
                            "application/n-triples, application/n-quads, application/trig, "
                            "application/ld+json");
    r.header("Vary", "Accept");
    return r;
  }

  auto txn = app.store().beginRead();
  ResourceDescription d;
  for (const auto& iri : idCandidates(app.config(), rest)) {
    d = describeResource(*txn, iri);
    if (!d.empty()) break;
  }
  if (d.empty()) {
    auto r = errorBody(404, "nothing is known about <" + idCandidates(app.config(), rest).front() + ">");
    r.header("Vary", "Accept");
    return r;
  }

  std::string etag = "\"g" + std::to_string(txn->generation()) + "-" +
                     std::to_string(std::hash<std::string>{}(mime + d.resource.value)) + "\"";
  HttpResponse r;
  r.header("Vary", "Accept");
  r.header("ETag", etag);
  r.header("Cache-Control", "no-cache");
  r.header("Link", "<" + d.resource.value + ">; rel=\"canonical\"");
  if (ifNoneMatch(req.header("if-none-match"), etag)) {
    r.status = 304;
    r.contentType = mime;
    return r;
  }
  if (mime == kHtml) {
    r.contentType = "text/html; charset=utf-8";
    r.body = resourcePageHtml(app, *txn, d);
  } else {
    r.contentType = mime == kJsonLd || mime == "text/turtle" ? mime + "; charset=utf-8" : mime;
    r.body = serialise(d, mime);
  }
  return r;
}

}  // namespace

void registerLinkedDataRoutes(App& app) {
  app.add(Route{"/id/", true, "other", false, dereference});
}

}  // namespace bdis::server
