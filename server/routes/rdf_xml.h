#pragma once
// A small RDF/XML writer (https://www.w3.org/TR/rdf-syntax-grammar/) for the
// catalog: one rdf:Description per subject (rdf:about or rdf:nodeID), property
// elements with rdf:resource, rdf:nodeID, or text with xml:lang / rdf:datatype.

#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "rdf/term.h"

namespace bdis::server {

/// Writes the triples of `quads` (graphs ignored; statements of one subject are
/// gathered in one element, in first-seen order). `prefixes` (name, namespace) are
/// declared and used for predicates under them; other predicates get generated
/// `ns1`, `ns2`… declarations. Throws std::invalid_argument for a predicate that
/// cannot be an XML element name (no NCName after its last '#' or '/') and for
/// text XML 1.0 cannot carry (control characters other than tab, newline, carriage return).
void writeRdfXml(std::ostream& out, const std::vector<rdf::Quad>& quads,
                 const std::vector<std::pair<std::string, std::string>>& prefixes);

}  // namespace bdis::server
