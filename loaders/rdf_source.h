#pragma once
// ESSGlobal RDF (the maps of other countries' SSE networks, published with the ESSGlobal
// vocabulary) through the ordinary RDF reader, into the source's own named graph, with the same
// source description and report as the tabular loaders.

#include <string>

#include "loaders/load_report.h"
#include "rdf/quad_sink.h"
#include "rdf/rdf_format.h"

namespace bdis::loaders {

/// Reads `path` (N-Triples, N-Quads, Turtle or TriG, `.gz`/`.zst` too; the format from the
/// extension) and sends every statement to `sink` in `source.graph` (graph names in the input are
/// replaced: one source, one graph). Blank nodes are scoped to the source. A malformed statement
/// is skipped and reported as malformed with its line (strict mode: the load stops). The report's
/// `records` are the resources typed essglobal:SSEInitiative or ess:Initiative, `quads` every
/// statement. Then the source description is emitted. Throws SemanticError when source.graph is
/// empty or the format unknown, StorageError when the file cannot be read.
LoadReport loadEssGlobalRdf(const std::string& path, const SourceInfo& source, rdf::QuadSink& sink,
                            const LoaderOptions& options = {});

/// Same, with the format given.
LoadReport loadEssGlobalRdf(const std::string& path, rdf::RdfFormat format,
                            const SourceInfo& source, rdf::QuadSink& sink,
                            const LoaderOptions& options = {});

}  // namespace bdis::loaders
