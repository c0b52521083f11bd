#pragma once
// The checks behind the two RDF reader fuzz targets (fuzz_nquads, fuzz_turtle).

#include <string_view>

#include "rdf/rdf_format.h"

namespace bdis::fuzz {

/// Reads `text` as `format` with rdf::readBuffer and checks, besides "no crash and only
/// bdis::Error":
///  - when the strict read succeeds, a lax read (skipInvalid) gives the same statements and
///    skips nothing;
///  - when the strict read succeeds, writing its statements with rdf::RdfWriter (in `format`
///    and in N-Quads) and reading that text back gives the same statements, blank node labels
///    compared up to renaming.
/// A failed check is a finding (fuzz_check.h).
void checkRdf(std::string_view text, rdf::RdfFormat format);

}  // namespace bdis::fuzz
