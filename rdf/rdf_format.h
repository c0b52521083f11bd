#pragma once
// The RDF syntaxes bdis reads and writes, and how to name them: by a short
// name (--format), by a file name extension, by a MIME type.

#include <optional>
#include <string_view>

namespace bdis::rdf {

/// A concrete RDF syntax read by the Serd-based reader and written by RdfWriter.
enum class RdfFormat { NTriples, NQuads, Turtle, TriG };

/// The format for a user-supplied name: `nt`, `ntriples`, `n-triples`, `nq`,
/// `nquads`, `n-quads`, `ttl`, `turtle`, `trig` (ASCII case-insensitive).
/// Empty when the name is none of these.
std::optional<RdfFormat> formatFromName(std::string_view name);

/// The format for a file path, from its extension (`.nt`, `.nq`, `.ttl`, `.trig`,
/// case-insensitive), looking through a trailing `.gz` or `.zst`
/// (`data.nt.gz` is N-Triples). Empty when the extension is unknown.
std::optional<RdfFormat> formatFromPath(std::string_view path);

/// The format for a MIME type (`application/n-triples`, `application/n-quads`,
/// `text/turtle`, `application/trig`; parameters such as `; charset=utf-8`
/// and case are ignored). Empty when the type is none of these.
std::optional<RdfFormat> formatFromMimeType(std::string_view mimeType);

/// The registered MIME type of a format (a static string).
std::string_view mimeType(RdfFormat format);

/// The usual file extension of a format, without the dot (`nt`, `nq`, `ttl`, `trig`).
std::string_view fileExtension(RdfFormat format);

/// Whether the format can name graphs (N-Quads, TriG).
bool isQuadFormat(RdfFormat format);

}  // namespace bdis::rdf
