#pragma once
// The description of a loaded source, stated in the source's own graph (PROV, DCTERMS, ess:).

#include <string>
#include <string_view>

#include "loaders/load_report.h"
#include "rdf/quad_sink.h"

namespace bdis::loaders {

/// Emits into `source.graph`: the graph IRI typed ess:Source, prov:Entity and schema:Dataset, with
/// dcterms:title, dcterms:source, dcterms:license, dcterms:publisher, dcterms:format (`mediaType`),
/// ess:retrievedAt, ess:recordCount (report.loaded) and ess:rejectedCount (report.skipped); and the
/// network typed ess:Network with its name. Empty fields are left out. Returns the quads emitted.
uint64_t emitSourceDescription(const SourceInfo& source, const LoadReport& report,
                               std::string_view mediaType, rdf::QuadSink& sink);

/// The modification time of `path` as an xsd:dateTime in UTC ("2026-12-04T20:00:00Z"); the current
/// time when the file cannot be examined.
std::string fileTimestamp(const std::string& path);

}  // namespace bdis::loaders
