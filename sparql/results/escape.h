#pragma once
// Escaping helpers shared by the result writers (internal to sparql/results).

#include <ostream>
#include <string_view>

#include "rdf/term.h"

namespace bdis::sparql::results {

/// Writes `s` as the contents of a JSON string (RFC 8259 escapes, no quotes).
void writeJsonString(std::ostream& out, std::string_view s);

/// Writes `s` with XML character escapes (&, <, >, " and control characters).
void writeXmlText(std::ostream& out, std::string_view s);

/// The N-Triples / Turtle spelling of a term (kind None writes nothing).
void writeNTriplesTerm(std::ostream& out, const rdf::TermView& t);

/// True when a literal's lexical form may be written bare in Turtle (integer,
/// decimal, double in Turtle's grammar, or boolean true/false of those datatypes).
bool isTurtleShortNumber(const rdf::TermView& t);

}  // namespace bdis::sparql::results
