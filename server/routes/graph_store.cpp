// SPARQL 1.1 Graph Store HTTP Protocol on /store (https://www.w3.org/TR/sparql11-http-rdf-update/):
// GET, HEAD, PUT, POST, DELETE on ?default or ?graph=IRI.

#include <chrono>
#include <cstdio>
#include <memory>
#include <random>
#include <stdexcept>

#include "loaders/bulk/bulk_loader.h"
#include "rdf/error.h"
#include "rdf/prefixes.h"
#include "rdf/rdf_format.h"
#include "rdf/rdf_reader.h"
#include "rdf/rdf_writer.h"
#include "rdf/store.h"
#include "server/http/app.h"
#include "server/http/errors.h"
#include "server/http/negotiate.h"
#include "server/routes/routes.h"

namespace bdis::server {

namespace {

const std::vector<std::string>& rdfMimeTypes() {
  static const std::vector<std::string> types = {"text/turtle", "application/n-triples",
                                                 "application/n-quads", "application/trig"};
  return types;
}

/// Whether a request names no graph at all (POST to the store creates one).
bool namesNoGraph(const HttpRequest& req) {
  return req.params.count("default") == 0 && req.params.count("graph") == 0;
}

/// The graph a request names: nullopt for ?default, an IRI for ?graph=.
std::optional<std::string> targetGraph(const HttpRequest& req) {
  bool isDefault = req.params.count("default") > 0;
  auto graph = req.param("graph");
  if (isDefault == graph.has_value()) {
    throw HttpError(400, "give exactly one of ?default or ?graph=IRI");
  }
  if (req.params.count("graph") > 1) throw HttpError(400, "more than one graph parameter");
  if (graph && graph->find(':') == std::string::npos) {
    throw HttpError(400, "?graph must be an absolute IRI, got '" + *graph + "'");
  }
  return graph;
}

/// Collects parsed quads, owning their terms.
class Collect : public rdf::QuadSink {
 public:
  void quad(const rdf::QuadView& q) override {
    quads.push_back(rdf::Quad{rdf::Term(q.s), rdf::Term(q.p), rdf::Term(q.o), rdf::Term()});
  }
  std::vector<rdf::Quad> quads;
};

/// The RDF syntax of a Content-Type value; 415 when we cannot read it.
rdf::RdfFormat bodyFormat(const std::string& contentType) {
  auto format = rdf::formatFromMimeType(contentType);
  if (!format) {
    throw HttpError(415, "unsupported Content-Type '" + contentType +
                             "' (expected text/turtle, application/n-triples, "
                             "application/n-quads or application/trig)");
  }
  return *format;
}

/// Parses one RDF document into `sink`; relative IRIs resolve against `base`.
void parseDocument(std::string_view text, rdf::RdfFormat format, const std::string& source,
                   const std::string& base, Collect& sink) {
  rdf::ReadOptions opts;
  opts.format = format;
  opts.sourceName = source;
  opts.blankPrefix = loaders::newBlankScope();
  opts.baseIri = base;
  rdf::readBuffer(text, opts, sink);
}

/// The triples of a request body: one RDF document, or (RFC 7578) a
/// multipart/form-data body whose parts are RDF documents, merged.
std::vector<rdf::Quad> parseBody(const HttpRequest& req, const std::string& base) {
  if (!req.bodyIsUtf8()) {
    throw HttpError(415, "RDF bodies must be UTF-8, not " + req.contentTypeParam("charset"));
  }
  Collect sink;
  std::string ct = req.contentType();
  if (ct == "multipart/form-data") {
    std::vector<MultipartPart> parts;
    try {
      parts = parseMultipart(req.body, req.contentTypeParam("boundary"));
    } catch (const std::invalid_argument& e) {
      throw HttpError(400, std::string("bad multipart/form-data body: ") + e.what());
    }
    for (const auto& part : parts) {
      parseDocument(part.body, bodyFormat(part.contentType), "request part '" + part.name + "'",
                    base, sink);
    }
  } else {
    parseDocument(req.body, bodyFormat(ct), "request body", base, sink);
  }
  return std::move(sink.quads);
}

/// A fresh graph IRI under the public base for POST /store without a graph.
std::string newGraphIri(const App& app) {
  static thread_local std::mt19937_64 rng(
      std::random_device{}() ^
      static_cast<uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count()));
  char id[40];
  std::snprintf(id, sizeof id, "%016llx%08llx", static_cast<unsigned long long>(rng()),
                static_cast<unsigned long long>(rng() & 0xffffffffu));
  std::string base = app.config().publicBase;
  if (base.empty() || base.back() != '/') base += '/';
  return base + "graphs/" + id;
}

rdf::TermId graphIdForWrite(rdf::WriteTxn& txn, const std::optional<std::string>& graph) {
  if (!graph) return rdf::kDefaultGraph;
  return txn.intern(rdf::Term::iri(*graph).view());
}

bool graphExists(const rdf::ReadTxn& txn, const std::optional<std::string>& graph,
                 rdf::TermId* id) {
  if (!graph) {
    *id = rdf::kDefaultGraph;
    return true;  // the default graph always exists
  }
  auto found = txn.lookup(rdf::Term::iri(*graph).view());
  if (!found) return false;
  *id = *found;
  return txn.count(rdf::QuadPattern{rdf::kAny, rdf::kAny, rdf::kAny, *found}) > 0;
}

HttpResponse getGraph(const HttpRequest& req, App& app, bool head) {
  auto graph = targetGraph(req);
  std::shared_ptr<rdf::ReadTxn> txn = app.store().beginRead();
  rdf::TermId id;
  if (!graphExists(*txn, graph, &id)) throw HttpError(404, "no graph <" + *graph + ">");
  std::string mime = negotiate(req.header("accept"), rdfMimeTypes());
  if (mime.empty()) throw HttpError(406, "no acceptable RDF syntax: offered " + rdfMimeTypes()[0]);
  auto format = *rdf::formatFromMimeType(mime);
  HttpResponse r;
  r.contentType = mime + "; charset=utf-8";
  r.header("Vary", "Accept");
  // The same write generation, graph and syntax give the same bytes.
  const std::string etag = "\"g" + std::to_string(txn->generation()) + "-" +
                           std::to_string(std::hash<std::string>{}(mime + " " + graph.value_or(""))) + "\"";
  r.header("ETag", etag);
  r.header("Cache-Control", "no-cache");
  if (ifNoneMatch(req.header("if-none-match"), etag)) {
    r.status = 304;
    return r;
  }
  if (head) return r;
  r.stream = [txn, id, format](std::ostream& out, HttpResponse&) {
    rdf::WriterOptions wo;
    for (auto [name, iri] : rdf::wellKnownPrefixes()) wo.prefixes.emplace_back(name, iri);
    rdf::RdfWriter writer(out, format, wo);
    auto cursor =
        txn->scan(rdf::QuadPattern{rdf::kAny, rdf::kAny, rdf::kAny, id}, rdf::IndexOrder::GSPO);
    std::vector<rdf::QuadIds> batch(4096);
    std::string scratch[3];
    while (size_t n = cursor.nextBatch(batch)) {
      for (size_t i = 0; i < n; ++i) {
        rdf::QuadView v;
        v.s = txn->decodeView(batch[i].s, scratch[0]);
        v.p = txn->decodeView(batch[i].p, scratch[1]);
        v.o = txn->decodeView(batch[i].o, scratch[2]);
        writer.write(v);
      }
    }
    writer.finish();
  };
  return r;
}

HttpResponse writeGraph(const HttpRequest& req, App& app, bool replace) {
  app.auth().requireWrite(req);
  bool create = !replace && namesNoGraph(req);
  std::optional<std::string> graph =
      create ? std::optional<std::string>(newGraphIri(app)) : targetGraph(req);
  // A bad body fails before the store is touched.
  auto quads = parseBody(req, graph ? *graph : app.config().publicBase);
  auto txn = app.store().beginWrite();
  rdf::TermId existing;
  bool existed = graphExists(*txn, graph, &existing);
  rdf::TermId g = graphIdForWrite(*txn, graph);
  if (replace) txn->clearGraph(g);
  std::vector<rdf::QuadIds> ids;
  ids.reserve(quads.size());
  for (const auto& q : quads) {
    ids.push_back({txn->intern(q.s.view()), txn->intern(q.p.view()), txn->intern(q.o.view()), g});
  }
  txn->insertBatch(ids);
  txn->commit();
  HttpResponse r;
  r.status = graph && !existed ? 201 : 204;
  if (create) r.header("Location", *graph);
  return r;
}

HttpResponse deleteGraph(const HttpRequest& req, App& app) {
  app.auth().requireWrite(req);
  auto graph = targetGraph(req);
  auto txn = app.store().beginWrite();
  rdf::TermId id;
  if (!graphExists(*txn, graph, &id)) throw HttpError(404, "no graph <" + *graph + ">");
  txn->clearGraph(id);
  txn->commit();
  HttpResponse r;
  r.status = 204;
  return r;
}

}  // namespace

void registerGraphStoreRoutes(App& app) {
  app.add(Route{"/store", false, "store", false, [](const HttpRequest& req, App& a) {
                  if (req.method == "GET") return getGraph(req, a, false);
                  if (req.method == "HEAD") return getGraph(req, a, true);
                  if (req.method == "PUT") return writeGraph(req, a, true);
                  if (req.method == "POST") return writeGraph(req, a, false);
                  if (req.method == "DELETE") return deleteGraph(req, a);
                  HttpResponse r = errorBody(405, "method not allowed on /store");
                  r.header("Allow", "GET, HEAD, PUT, POST, DELETE");
                  return r;
                }});
}

}  // namespace bdis::server
