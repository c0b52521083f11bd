// SPARQL 1.1 Protocol on /sparql (https://www.w3.org/TR/sparql11-protocol/):
// query by GET, POST form or POST application/sparql-query; results by Accept or
// ?format=; the Service Description when no query is given.

#include <cctype>
#include <memory>
#include <optional>

#include "rdf/error.h"
#include "server/http/app.h"
#include "server/http/errors.h"
#include "server/http/negotiate.h"
#include "server/query/result_chooser.h"
#include "server/routes/routes.h"
#include "server/routes/service_description.h"
#include "sparql/engine.h"
#include "sparql/results/result_format.h"

namespace bdis::server {

namespace {

const std::vector<std::string>& solutionTypes() {
  static const std::vector<std::string> types = {"application/sparql-results+json",
                                                 "application/sparql-results+xml",
                                                 "text/csv",
                                                 "text/tab-separated-values",
                                                 "application/json",
                                                 "application/xml",
                                                 "text/plain"};
  return types;
}

const std::vector<std::string>& graphTypes() {
  static const std::vector<std::string> types = {"text/turtle",         "application/n-triples",
                                                 "application/n-quads", "application/ld+json",
                                                 "application/json",    "text/plain"};
  return types;
}

/// A `format=` name for a query form; nullopt when the name does not suit the
/// form and Accept should decide instead (SPARQLWrapper sends `format=xml` with
/// CONSTRUCT, meaning RDF/XML, which bdis does not write).
std::optional<sparql::ResultFormat> namedFormat(const std::string& name, bool graph) {
  std::string n = name;
  for (auto& c : n) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (n == "n3" || n == "text/n3" || n == "text/rdf+n3") n = "turtle";  // Turtle is N3
  if (graph && n == "json") n = "json-ld";
  auto f = sparql::resultFormatFromName(n);
  if (!f) f = sparql::resultFormatFromMime(n);
  if (!f) {
    if (graph && (n == "xml" || n == "rdf" || n == "rdf/xml" || n == "application/rdf+xml")) {
      return std::nullopt;
    }
    throw HttpError(400, "unknown format '" + name + "'");
  }
  if (sparql::isGraphFormat(*f) != graph) {
    throw HttpError(406, "format '" + name + "' cannot carry the results of this query");
  }
  return f;
}

/// The result format for a query form: ?format= (or ?output=, as Joseki and
/// SPARQLWrapper name it) first, then Accept.
sparql::ResultFormat chooseFormat(sparql::QueryForm form, const std::string& formatParam,
                                  const std::string& accept) {
  bool graph = form == sparql::QueryForm::Construct || form == sparql::QueryForm::Describe;
  if (!formatParam.empty()) {
    if (auto f = namedFormat(formatParam, graph)) return *f;
  }
  const auto& offered = graph ? graphTypes() : solutionTypes();
  std::string mime = negotiate(accept, offered);
  if (mime.empty()) {
    throw HttpError(406, "none of the acceptable types can carry these results; offered: " +
                             offered[0] + ", " + offered[1]);
  }
  if (mime == "application/json")
    return graph ? sparql::ResultFormat::JsonLd : sparql::ResultFormat::Json;
  if (mime == "application/xml") return sparql::ResultFormat::Xml;
  if (mime == "text/plain")
    return graph ? sparql::ResultFormat::NTriples : sparql::ResultFormat::Tsv;
  return *sparql::resultFormatFromMime(mime);
}

/// The Content-Type of a result format, always with a charset.
std::string resultContentType(sparql::ResultFormat f) {
  std::string mime(sparql::mimeType(f));
  if (mime.find("charset=") == std::string::npos) mime += "; charset=utf-8";
  return mime;
}

/// Stops a result past the configured number of rows.
class RowLimit : public sparql::ResultSink {
 public:
  RowLimit(sparql::ResultSink& inner, uint64_t max) : inner_(inner), max_(max) {}
  void begin(sparql::QueryForm f, const std::vector<std::string>& v) override {
    inner_.begin(f, v);
  }
  void row(std::span<const rdf::TermView> values) override {
    check();
    inner_.row(values);
  }
  void boolean(bool b) override { inner_.boolean(b); }
  void triple(const rdf::QuadView& q) override {
    check();
    inner_.triple(q);
  }
  void end() override { inner_.end(); }

 private:
  void check() {
    if (++count_ > max_) {
      throw ExecutionError("result larger than the server's limit of " + std::to_string(max_) +
                           " rows: add LIMIT or page with OFFSET");
    }
  }
  sparql::ResultSink& inner_;
  uint64_t max_;
  uint64_t count_ = 0;
};

HttpResponse runQuery(const HttpRequest& req, App& app, std::string text) {
  sparql::QueryRequest q;
  q.text = std::move(text);
  q.baseIri = app.config().publicBase;
  q.limits.timeout = app.config().timeout;
  q.limits.memoryBytes = app.config().queryMemoryBytes;
  auto defaults = req.params_all("default-graph-uri");
  auto named = req.params_all("named-graph-uri");
  if (!defaults.empty() || !named.empty()) q.dataset = sparql::Dataset{defaults, named};
  q.unionDefaultGraph = app.config().unionDefaultGraph;
  if (!app.config().parallelQuery) {
    q.plan.parallelCountMinQuads = 0;
    q.plan.parallelProbeMinRows = 0;
  }

  std::shared_ptr<rdf::ReadTxn> txn = app.store().beginRead();
  std::string formatParam = req.param("format").value_or(req.param("output").value_or(""));
  std::string accept = req.header("accept");
  uint64_t maxRows = app.config().maxResultRows;
  HttpResponse r;
  r.header("Vary", "Accept");
  r.stream = [txn, q = std::move(q), formatParam, accept, maxRows](std::ostream& out,
                                                                   HttpResponse& head) {
    ResultChooser chooser(out, [&](sparql::QueryForm form) {
      auto f = chooseFormat(form, formatParam, accept);
      head.contentType = resultContentType(f);
      return f;
    });
    RowLimit limited(chooser, maxRows);
    auto stats = sparql::executeQuery(*txn, q, limited);
    // Server-side time (parse, plan, run, serialise), for clients and benchmarks.
    head.header("Server-Timing", "query;dur=" + std::to_string(stats.seconds * 1000.0));
  };
  return r;
}

}  // namespace

void registerSparqlRoutes(App& app) {
  app.add(Route{"/sparql", false, "sparql", false, [](const HttpRequest& req, App& a) {
                  if (req.method == "OPTIONS") {
                    HttpResponse r;
                    r.status = 204;
                    r.header("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
                    r.header("Access-Control-Allow-Headers", "Content-Type, Accept, Authorization");
                    return r;
                  }
                  if (req.method != "GET" && req.method != "POST") {
                    HttpResponse r = errorBody(405, "use GET or POST on /sparql");
                    r.header("Allow", "GET, POST, OPTIONS");
                    return r;
                  }
                  std::string ct = req.contentType();
                  if (req.method == "POST" && ct != "application/sparql-query" &&
                      ct != "application/x-www-form-urlencoded" &&
                      ct != "application/sparql-update") {
                    throw HttpError(415,
                                    "POST a query as application/sparql-query, an update as "
                                    "application/sparql-update, or either as an "
                                    "application/x-www-form-urlencoded form");
                  }
                  if (req.method == "POST" && !req.bodyIsUtf8()) {
                    throw HttpError(415, "the request body must be UTF-8, not " +
                                             req.contentTypeParam("charset"));
                  }
                  auto queries = req.params_all("query");
                  bool update = ct == "application/sparql-update" || req.param("update");
                  if (update && (!queries.empty() || ct == "application/sparql-query")) {
                    throw HttpError(400, "a request carries either a query or an update, not both");
                  }
                  if (update && req.method != "POST") {
                    throw HttpError(400, "updates must be sent with POST");
                  }
                  if (update) return handleUpdate(req, a);
                  if (req.method == "POST" && ct == "application/sparql-query") {
                    if (!queries.empty()) {
                      throw HttpError(400, "a query both in the body and in the query parameter");
                    }
                    return runQuery(req, a, req.body);
                  }
                  if (queries.size() > 1) throw HttpError(400, "more than one query parameter");
                  if (queries.empty()) return serviceDescriptionOrPage(req, a);
                  return runQuery(req, a, queries[0]);
                }});
}

}  // namespace bdis::server
