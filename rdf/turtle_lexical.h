#pragma once
// Lexical checks the Turtle / TriG writer needs: when a prefixed name, a bare
// number or a bare boolean is valid Turtle, and when a blank label is.

#include <string_view>

namespace bdis::rdf {

/// Whether `name` is a valid PN_PREFIX (possibly empty), ASCII subset.
bool isTurtlePrefixName(std::string_view name);

/// Whether `local` can be written unescaped as the local part of a prefixed
/// name (PN_LOCAL, conservative ASCII subset; the empty local part is valid).
bool isTurtleLocalName(std::string_view local);

/// Whether `label` is a valid BLANK_NODE_LABEL body (after "_:"), ASCII subset.
bool isTurtleBlankLabel(std::string_view label);

/// Whether a literal of `datatype` with lexical form `lexical` can be written
/// bare (`42`, `4.2`, `4.2e1`, `true`) and read back as the same literal.
bool isBareLiteral(std::string_view lexical, std::string_view datatype);

}  // namespace bdis::rdf
