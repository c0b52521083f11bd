#pragma once
// Result formats of the query engine and how to name them: by a short name
// (--format, ?format=) or a MIME type (Accept), and the writers that produce them.

#include <memory>
#include <optional>
#include <ostream>
#include <string_view>

#include "sparql/engine.h"

namespace bdis::sparql {

/// A result serialisation. Json/Xml/Csv/Tsv/Table serve SELECT and ASK;
/// NTriples/NQuads/Turtle/JsonLd serve CONSTRUCT and DESCRIBE.
enum class ResultFormat { Json, Xml, Csv, Tsv, Table, NTriples, NQuads, Turtle, JsonLd };

/// `json`, `xml`, `csv`, `tsv`, `table`, `nt`/`ntriples`, `nq`/`nquads`,
/// `ttl`/`turtle`, `jsonld`/`json-ld` (ASCII case-insensitive); empty otherwise.
std::optional<ResultFormat> resultFormatFromName(std::string_view name);

/// The format for a MIME type (parameters and case ignored), e.g.
/// `application/sparql-results+json`, `text/csv`, `text/turtle`; empty otherwise.
std::optional<ResultFormat> resultFormatFromMime(std::string_view mime);

/// The MIME type written in Content-Type for a format (a static string).
std::string_view mimeType(ResultFormat format);

/// Whether the format serialises graphs (CONSTRUCT / DESCRIBE) rather than solutions.
bool isGraphFormat(ResultFormat format);

/// A streaming writer of `format` to `out`, which must outlive the writer.
/// The writer throws ExecutionError from begin() when the format cannot
/// carry the query form (e.g. CSV for CONSTRUCT). Output is flushed by end().
std::unique_ptr<ResultSink> makeResultWriter(ResultFormat format, std::ostream& out);

}  // namespace bdis::sparql
