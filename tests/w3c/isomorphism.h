#pragma once
// Isomorphism of RDF datasets with blank nodes (W3C eval tests, CONSTRUCT results).

#include <string>
#include <vector>

#include "rdf/term.h"

namespace bdis::w3c {

/// Whether a bijection between the blank nodes of `a` and those of `b` maps the
/// quads of `a` exactly onto those of `b`. Quads are compared as multisets
/// when `asMultisets`, otherwise as sets (duplicates ignored, as RDF graphs
/// are sets). Blank nodes may appear in any position, graph names included.
/// Exact: colour refinement prunes, backtracking decides, and every candidate
/// bijection is verified quad by quad. When not isomorphic and `why` is given,
/// it receives a short explanation (quads of one side missing from the other).
bool isomorphic(const std::vector<rdf::Quad>& a, const std::vector<rdf::Quad>& b,
                std::string* why = nullptr, bool asMultisets = false);

/// The quads in N-Quads, one per line, sorted (for failure messages).
std::string toNQuads(const std::vector<rdf::Quad>& quads);

}  // namespace bdis::w3c
