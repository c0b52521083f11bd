#include "loaders/provenance.h"

#include <sys/stat.h>

#include <ctime>

namespace bdis::loaders {

namespace {

constexpr std::string_view kRdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
constexpr std::string_view kXsdInteger = "http://www.w3.org/2001/XMLSchema#integer";
constexpr std::string_view kXsdDateTime = "http://www.w3.org/2001/XMLSchema#dateTime";

class Emitter {
 public:
  Emitter(rdf::QuadSink& sink, std::string_view graph)
      : sink_(sink), graph_{rdf::TermKind::Iri, graph, {}, {}} {}
  void iri(std::string_view s, std::string_view p, std::string_view o) {
    if (o.empty()) return;
    put(s, p, rdf::TermView{rdf::TermKind::Iri, o, {}, {}});
  }
  void literal(std::string_view s, std::string_view p, std::string_view o,
               std::string_view dt = {}) {
    if (o.empty()) return;
    put(s, p, rdf::TermView{rdf::TermKind::Literal, o, dt, {}});
  }
  uint64_t count() const { return count_; }

 private:
  void put(std::string_view s, std::string_view p, rdf::TermView o) {
    sink_.quad(
        rdf::QuadView{{rdf::TermKind::Iri, s, {}, {}}, {rdf::TermKind::Iri, p, {}, {}}, o, graph_});
    ++count_;
  }
  rdf::QuadSink& sink_;
  rdf::TermView graph_;
  uint64_t count_ = 0;
};

std::string formatUtc(std::time_t t) {
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace

std::string fileTimestamp(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0) return formatUtc(st.st_mtime);
  return formatUtc(std::time(nullptr));
}

uint64_t emitSourceDescription(const SourceInfo& source, const LoadReport& report,
                               std::string_view mediaType, rdf::QuadSink& sink) {
  Emitter e(sink, source.graph);
  const std::string& g = source.graph;
  e.iri(g, kRdfType, "https://w3id.org/bdis/ess#Source");
  e.iri(g, kRdfType, "http://www.w3.org/ns/prov#Entity");
  e.iri(g, kRdfType, "http://schema.org/Dataset");
  e.literal(g, "http://purl.org/dc/terms/title", source.title);
  e.iri(g, "http://purl.org/dc/terms/source", source.url);
  e.iri(g, "http://purl.org/dc/terms/license", source.license);
  e.iri(g, "http://purl.org/dc/terms/publisher", source.network);
  e.literal(g, "http://purl.org/dc/terms/format", mediaType);
  e.literal(g, "https://w3id.org/bdis/ess#retrievedAt", source.retrievedAt, kXsdDateTime);
  e.literal(g, "https://w3id.org/bdis/ess#recordCount", std::to_string(report.loaded), kXsdInteger);
  e.literal(g, "https://w3id.org/bdis/ess#rejectedCount", std::to_string(report.skipped),
            kXsdInteger);
  if (!source.network.empty()) {
    e.iri(source.network, kRdfType, "https://w3id.org/bdis/ess#Network");
    e.iri(source.network, kRdfType, "http://purl.org/essglobal/vocab/Network");
    e.literal(source.network, "https://w3id.org/bdis/ess#name", source.networkName);
    e.literal(source.network, "http://schema.org/name", source.networkName);
  }
  return e.count();
}

}  // namespace bdis::loaders
