#pragma once
// Resolving IRI references against a base IRI (RFC 3986, section 5.2).

#include <string>
#include <string_view>

namespace bdis::rdf {

/// Whether `iri` starts with a scheme (`[A-Za-z][A-Za-z0-9+.-]*:`).
bool hasScheme(std::string_view iri);

/// Appends to `out` the target IRI of reference `ref` resolved against the
/// absolute IRI `base` (RFC 3986 section 5.2, dot segments removed). A `ref`
/// with a scheme is appended unchanged.
void resolveIri(std::string_view base, std::string_view ref, std::string& out);

}  // namespace bdis::rdf
