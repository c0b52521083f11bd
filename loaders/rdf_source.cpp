#include "loaders/rdf_source.h"

#include <chrono>

#include "loaders/provenance.h"
#include "loaders/text.h"
#include "rdf/error.h"
#include "rdf/rdf_reader.h"

namespace bdis::loaders {

namespace {

constexpr std::string_view kRdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
constexpr std::string_view kSseInitiative = "http://purl.org/essglobal/vocab/SSEInitiative";
constexpr std::string_view kEssInitiative = "https://w3id.org/bdis/ess#Initiative";

// Puts every quad in one graph and counts statements and initiatives.
class GraphSink : public rdf::QuadSink {
 public:
  GraphSink(rdf::QuadSink& inner, std::string_view graph)
      : inner_(inner), graph_{rdf::TermKind::Iri, graph, {}, {}} {}
  void quad(const rdf::QuadView& q) override {
    rdf::QuadView out = q;
    out.g = graph_;
    inner_.quad(out);
    ++quads_;
    if (q.p.isIri() && q.p.value == kRdfType && q.o.isIri() &&
        (q.o.value == kSseInitiative || q.o.value == kEssInitiative)) {
      ++initiatives_;
    }
  }
  void prefix(std::string_view name, std::string_view iri) override { inner_.prefix(name, iri); }
  uint64_t quads() const { return quads_; }
  uint64_t initiatives() const { return initiatives_; }

 private:
  rdf::QuadSink& inner_;
  rdf::TermView graph_;
  uint64_t quads_ = 0;
  uint64_t initiatives_ = 0;
};

}  // namespace

LoadReport loadEssGlobalRdf(const std::string& path, const SourceInfo& source, rdf::QuadSink& sink,
                            const LoaderOptions& options) {
  auto format = rdf::formatFromPath(path);
  if (!format) {
    throw SemanticError("cannot tell the RDF format of " + path +
                        " from its extension (.nt, .nq, .ttl, .trig)");
  }
  return loadEssGlobalRdf(path, *format, source, sink, options);
}

LoadReport loadEssGlobalRdf(const std::string& path, rdf::RdfFormat format, const SourceInfo& given,
                            rdf::QuadSink& sink, const LoaderOptions& options) {
  if (given.graph.empty()) throw SemanticError("no graph for the source " + path);
  auto start = std::chrono::steady_clock::now();
  SourceInfo source = given;
  if (source.retrievedAt.empty()) source.retrievedAt = fileTimestamp(path);
  if (source.id.empty()) source.id = "rdf";
  LoadReport report;
  GraphSink graphSink(sink, source.graph);
  rdf::ReadOptions ro;
  ro.format = format;
  ro.sourceName = path;
  ro.blankPrefix = "src_" + slugify(source.id) + "_";
  for (auto& c : ro.blankPrefix) {
    if (c == '-') c = '_';
  }
  ro.defaultGraph = rdf::TermView{rdf::TermKind::Iri, source.graph, {}, {}};
  ro.skipInvalid = !options.strict;
  ro.onSkipped = [&](const SyntaxError& e) {
    ++report.skipped;
    ++report.byProblem[static_cast<size_t>(Problem::Malformed)];
    if (report.issues.size() < options.maxIssues) {
      report.issues.push_back(RecordIssue{e.line(), Problem::Malformed, {}, e.message()});
    }
  };
  rdf::readFile(path, ro, graphSink);
  report.records = graphSink.initiatives() + report.skipped;
  report.loaded = graphSink.initiatives();
  report.quads = graphSink.quads();
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (options.provenance) {
    report.quads += emitSourceDescription(source, report, rdf::mimeType(format), sink);
  }
  return report;
}

}  // namespace bdis::loaders
