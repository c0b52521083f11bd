#pragma once
// Relative IRI resolution (RFC 3986 section 5.2), for BASE and relative IRIREFs.

#include <string>
#include <string_view>

namespace bdis::sparql::parser {

/// True when `iri` starts with a scheme (`[A-Za-z][A-Za-z0-9+.-]*:`).
bool hasScheme(std::string_view iri);

/// `ref` resolved against `base` (returned unchanged when absolute or when base is empty).
std::string resolveIri(std::string_view base, std::string_view ref);

}  // namespace bdis::sparql::parser
