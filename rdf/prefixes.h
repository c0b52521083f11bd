#pragma once
// The prefixes bdis writes in Turtle/TriG output and offers in its query page:
// the vocabularies ESS data is published with.

#include <string_view>
#include <utility>
#include <vector>

namespace bdis::rdf {

/// (prefix name, namespace IRI) pairs, in the order they are written.
const std::vector<std::pair<std::string_view, std::string_view>>& wellKnownPrefixes();

}  // namespace bdis::rdf
