#pragma once
// A small RDF/XML reader for the few W3C SPARQL test files written in RDF/XML
// (the Serd-based reader has no RDF/XML). It covers what those files use:
// rdf:RDF, rdf:Description and typed node elements, rdf:about / rdf:nodeID /
// rdf:resource, rdf:datatype, xml:lang, rdf:parseType="Resource", nested node
// elements and property attributes. Not a general RDF/XML parser.

#include <string>
#include <vector>

#include "rdf/term.h"

namespace bdis::w3c {

/// The triples of an RDF/XML document (graph None); relative IRIs resolve
/// against `baseIri` by simple concatenation rules (empty reference = base,
/// `#frag` = base without fragment + frag). Throws std::runtime_error on
/// input outside the subset.
std::vector<rdf::Quad> readRdfXml(const std::string& text, const std::string& baseIri);

}  // namespace bdis::w3c
