#include "sparql/results/result_format.h"

#include <string>

#include "rdf/error.h"
#include "sparql/results/writer_base.h"

namespace bdis::sparql {

namespace {
std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}
std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}
}  // namespace

std::optional<ResultFormat> resultFormatFromName(std::string_view name) {
  std::string n = lower(name);
  if (n == "json" || n == "srj") return ResultFormat::Json;
  if (n == "xml" || n == "srx") return ResultFormat::Xml;
  if (n == "csv") return ResultFormat::Csv;
  if (n == "tsv") return ResultFormat::Tsv;
  if (n == "table" || n == "text") return ResultFormat::Table;
  if (n == "nt" || n == "ntriples" || n == "n-triples") return ResultFormat::NTriples;
  if (n == "nq" || n == "nquads" || n == "n-quads") return ResultFormat::NQuads;
  if (n == "ttl" || n == "turtle") return ResultFormat::Turtle;
  if (n == "jsonld" || n == "json-ld") return ResultFormat::JsonLd;
  return std::nullopt;
}

std::optional<ResultFormat> resultFormatFromMime(std::string_view mime) {
  size_t semi = mime.find(';');
  std::string m = lower(trim(mime.substr(0, semi)));
  if (m == "application/sparql-results+json" || m == "application/json") return ResultFormat::Json;
  if (m == "application/sparql-results+xml" || m == "application/xml" || m == "text/xml")
    return ResultFormat::Xml;
  if (m == "text/csv") return ResultFormat::Csv;
  if (m == "text/tab-separated-values") return ResultFormat::Tsv;
  if (m == "text/plain") return ResultFormat::Table;
  if (m == "application/n-triples") return ResultFormat::NTriples;
  if (m == "application/n-quads") return ResultFormat::NQuads;
  if (m == "text/turtle" || m == "application/x-turtle") return ResultFormat::Turtle;
  if (m == "application/ld+json") return ResultFormat::JsonLd;
  return std::nullopt;
}

std::string_view mimeType(ResultFormat format) {
  switch (format) {
    case ResultFormat::Json: return "application/sparql-results+json";
    case ResultFormat::Xml: return "application/sparql-results+xml";
    case ResultFormat::Csv: return "text/csv; charset=utf-8";
    case ResultFormat::Tsv: return "text/tab-separated-values; charset=utf-8";
    case ResultFormat::Table: return "text/plain; charset=utf-8";
    case ResultFormat::NTriples: return "application/n-triples";
    case ResultFormat::NQuads: return "application/n-quads";
    case ResultFormat::Turtle: return "text/turtle";
    case ResultFormat::JsonLd: return "application/ld+json";
  }
  return "application/octet-stream";
}

bool isGraphFormat(ResultFormat format) {
  return format == ResultFormat::NTriples || format == ResultFormat::NQuads ||
         format == ResultFormat::Turtle || format == ResultFormat::JsonLd;
}

std::unique_ptr<ResultSink> makeResultWriter(ResultFormat format, std::ostream& out) {
  switch (format) {
    case ResultFormat::Json: return results::makeJsonWriter(out);
    case ResultFormat::Xml: return results::makeXmlWriter(out);
    case ResultFormat::Csv: return results::makeCsvWriter(out);
    case ResultFormat::Tsv: return results::makeTsvWriter(out);
    case ResultFormat::Table: return results::makeTableWriter(out);
    case ResultFormat::NTriples: return results::makeNTriplesWriter(out, false);
    case ResultFormat::NQuads: return results::makeNTriplesWriter(out, true);
    case ResultFormat::Turtle: return results::makeTurtleWriter(out);
    case ResultFormat::JsonLd: return results::makeJsonLdWriter(out);
  }
  BDIS_ASSERT(false);
}

namespace results {
void throwFormMismatch(const char* format, QueryForm form) {
  const char* f = form == QueryForm::Select      ? "SELECT"
                  : form == QueryForm::Ask       ? "ASK"
                  : form == QueryForm::Construct ? "CONSTRUCT"
                                                 : "DESCRIBE";
  throw ExecutionError(std::string("the ") + format + " result format cannot carry " + f +
                       " results");
}
}  // namespace results

}  // namespace bdis::sparql
