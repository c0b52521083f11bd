#pragma once
// The ESS vocabulary bdis is published with (ontology/*.ttl, built into the
// program), for dereferencing its terms: the ontology document
// <https://w3id.org/bdis/ess> with every ess: class and property, and each concept
// of its schemes (<https://w3id.org/bdis/ess/cj/5458>, .../naf/..., .../family/...,
// .../kind/..., .../label/...). Served at /ess and /ess/... by the Linked Data routes.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "server/routes/resource_description.h"

namespace bdis::server {

/// The namespace of the vocabulary's IRIs: "https://w3id.org/bdis/ess".
inline constexpr std::string_view kVocabularyBase = "https://w3id.org/bdis/ess";

/// The prefixes of the vocabulary's concept schemes ("cj" -> ".../ess/cj/", naf, fam,
/// kind, lbl), as the ontology files declare them.
const std::vector<std::pair<std::string, std::string>>& vocabularySchemePrefixes();

/// The Turtle files of the vocabulary, as built into the program (generated source).
const std::vector<std::string_view>& vocabularyFiles();

/// The description of `iri` from the vocabulary: for the ontology document, its own
/// triples and those of every term in its namespace (`ess:` hash IRIs); for any other
/// IRI, its triples; with the blank nodes they reach. Empty when the vocabulary does
/// not describe it.
ResourceDescription describeVocabularyTerm(const std::string& iri);

}  // namespace bdis::server
