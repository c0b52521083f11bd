#pragma once
// A network's CSV export -> RDF, following a mapping file (mapping.h).
//
// CSV as RFC 4180 writes it, with the mapping's delimiter: quoted cells may hold delimiters,
// doubled quotes and line breaks; CRLF or LF line ends; a UTF-8 byte-order mark is ignored. The
// first record is the header; every column the mapping names must be in it. Each record is checked
// (UTF-8, cell count) and mapped; bad records are counted and skipped (or stop the load in strict
// mode) and never reach the sink.

#include <string>
#include <string_view>

#include "loaders/load_report.h"
#include "loaders/mapping.h"
#include "rdf/quad_sink.h"

namespace bdis::loaders {

/// Loads the CSV file at `path` into `sink`: the records in `source.graph` (or the mapping's), then
/// the source description. Positions in the report are 1-based lines (a record's first line).
/// Throws StorageError when the file cannot be read, SemanticError when a mapped column is missing
/// from the header or (strict mode) at the first bad record, and whatever the sink throws.
LoadReport loadCsv(const std::string& path, const Mapping& mapping, const SourceInfo& source,
                   rdf::QuadSink& sink, const LoaderOptions& options = {});

/// Same, from text in memory; `name` stands for the file in messages.
LoadReport loadCsvBuffer(std::string_view text, const std::string& name, const Mapping& mapping,
                         const SourceInfo& source, rdf::QuadSink& sink,
                         const LoaderOptions& options = {});

}  // namespace bdis::loaders
