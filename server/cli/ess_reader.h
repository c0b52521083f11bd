#pragma once
// `bdis load --format csv|geojson|gogocarto --mapping M`: the ESS loaders as a
// bulk-loader reader.

#include <cstdint>
#include <functional>
#include <optional>
#include <ostream>
#include <string>

#include "rdf/quad_sink.h"

namespace bdis::server {

/// Whether `format` names an ESS export format.
bool isEssFormat(const std::string& format);

/// A reader for the bulk loader that maps each input with the mapping file.
/// `graph` overrides the mapping's target graph. Throws SyntaxError/SemanticError
/// for a bad mapping file (before anything is loaded).
/// `targetGraph` receives the graph the records go to (`graph`, else the mapping's).
std::function<uint64_t(const std::string&, rdf::QuadSink&, std::ostream&)> makeEssReader(
    const std::string& format, const std::string& mappingPath,
    const std::optional<std::string>& graph, bool strict, std::string& targetGraph);

}  // namespace bdis::server
