#include "server/cli/ess_reader.h"

#include <memory>

#include "loaders/csv_loader.h"
#include "loaders/json_loaders.h"
#include "loaders/mapping.h"

namespace bdis::server {

bool isEssFormat(const std::string& format) {
  return format == "csv" || format == "geojson" || format == "gogocarto";
}

std::function<uint64_t(const std::string&, rdf::QuadSink&, std::ostream&)> makeEssReader(
    const std::string& format, const std::string& mappingPath,
    const std::optional<std::string>& graph, bool strict, std::string& targetGraph) {
  auto mapping = std::make_shared<loaders::Mapping>(loaders::loadMapping(mappingPath));
  loaders::SourceInfo source;
  if (graph) source.graph = *graph;
  targetGraph = graph ? *graph : mapping->source.graph;
  loaders::LoaderOptions options;
  options.strict = strict;
  return [format, mapping, source, options](const std::string& path, rdf::QuadSink& sink,
                                            std::ostream& log) -> uint64_t {
    loaders::LoadReport report;
    if (format == "csv") {
      report = loaders::loadCsv(path, *mapping, source, sink, options);
    } else if (format == "geojson") {
      report = loaders::loadGeoJson(path, *mapping, source, sink, options);
    } else {
      report = loaders::loadGogocarto(path, *mapping, source, sink, options);
    }
    log << path << ": " << report.summary() << "\n";
    log << report.details(path);
    return report.skipped;
  };
}

}  // namespace bdis::server
