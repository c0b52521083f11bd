// GET /id/...: Linked Data. Every IRI under the id base (or the public base, see
// id_space.h) dereferences here, directly with 200 (slash IRIs; no 303), by content
// negotiation with `Vary: Accept`: HTML for browsers, Turtle (the default for */*),
// N-Triples, N-Quads and TriG (which keep the graphs), JSON-LD. `?format=` (html, ttl,
// nt, nq, trig, jsonld) overrides Accept. The body is the resource's description
// (resource_description.h): its triples, its blank nodes', and who links to it.

#include <optional>
#include <sstream>

#include "rdf/prefixes.h"
#include "rdf/rdf_writer.h"
#include "server/http/app.h"
#include "server/http/errors.h"
#include "server/http/negotiate.h"
#include "server/routes/id_space.h"
#include "server/routes/jsonld_compact.h"
#include "server/routes/resource_description.h"
#include "server/routes/resource_page.h"
#include "server/routes/routes.h"
#include "server/routes/vocabulary.h"

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
  if (mime == kJsonLd) return compactJsonLd(d);
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

/// The method check and the negotiated type of a dereferencing request; a response
/// (405, 406) when it cannot be served.
std::optional<HttpResponse> refuse(const HttpRequest& req, std::string& mime, std::string_view what) {
  if (req.method != "GET" && req.method != "HEAD") {
    auto r = errorBody(405, "only GET and HEAD on " + req.path);
    r.header("Allow", "GET, HEAD");
    return r;
  }
  if (auto f = req.param("format")) {
    mime = typeForFormatName(*f);
  } else {
    mime = negotiate(req.header("accept"), offered());
    if (mime == "application/xhtml+xml") mime = kHtml;
  }
  if (mime.empty()) {
    auto r = errorBody(406, "no acceptable type; " + std::string(what) +
                                " offers text/html, text/turtle, application/n-triples, "
                                "application/n-quads, application/trig, application/ld+json");
    r.header("Vary", "Accept");
    return r;
  }
  return std::nullopt;
}

/// The description `d` in type `mime`, with its validators.
HttpResponse respond(const HttpRequest& req, App& app, const rdf::ReadTxn& txn,
                     const ResourceDescription& d, const std::string& mime) {
  std::string etag = "\"g" + std::to_string(txn.generation()) + "-" +
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
    r.body = resourcePageHtml(app, txn, d);
  } else {
    r.contentType = mime == kJsonLd || mime == "text/turtle" ? mime + "; charset=utf-8" : mime;
    r.body = serialise(d, mime);
  }
  return r;
}

HttpResponse notFound(const std::string& iri) {
  auto r = errorBody(404, "nothing is known about <" + iri + ">");
  r.header("Vary", "Accept");
  return r;
}

HttpResponse dereference(const HttpRequest& req, App& app) {
  std::string mime;
  if (auto refused = refuse(req, mime, "/id/")) return *refused;
  std::string rest = req.path.substr(4);  // after "/id/"
  if (rest.empty()) throw HttpError(404, "/id/ names no resource: try /id/initiative/... or /");
  auto txn = app.store().beginRead();
  ResourceDescription d;
  for (const auto& iri : idCandidates(app.config(), rest)) {
    d = describeResource(*txn, iri);
    if (!d.empty()) break;
  }
  if (d.empty()) return notFound(idCandidates(app.config(), rest).front());
  return respond(req, app, *txn, d, mime);
}

/// /ess and /ess/...: the vocabulary's terms (<https://w3id.org/bdis/ess...>), from the
/// files built into the program, whatever the store holds.
HttpResponse vocabularyTerm(const HttpRequest& req, App& app) {
  std::string mime;
  if (auto refused = refuse(req, mime, "/ess")) return *refused;
  const std::string iri = std::string(kVocabularyBase) + req.path.substr(4);  // after "/ess"
  ResourceDescription d = describeVocabularyTerm(iri);
  if (d.empty()) return notFound(iri);
  auto txn = app.store().beginRead();
  return respond(req, app, *txn, d, mime);
}

}  // namespace

void registerLinkedDataRoutes(App& app) {
  app.add(Route{"/id/", true, "other", false, dereference});
  app.add(Route{"/ess", true, "other", false, vocabularyTerm});
}

}  // namespace bdis::server
