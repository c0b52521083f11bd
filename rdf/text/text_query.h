#pragma once
// Text query syntax: validation with positions, and Virtuoso bif:contains syntax.
//
// The query language is Xapian's (https://xapian.org/docs/queryparser.html) with
// AND as the default operator: words, "phrases", prefix*, AND / OR / NOT / XOR,
// parentheses, +required and -excluded words.

#include <string>
#include <string_view>

namespace bdis::rdf::text {

/// Throws bdis::SyntaxError (line 1, 1-based column in code points) for an empty
/// query, an unbalanced quote or parenthesis, or an operator without an operand.
void validateQuery(std::string_view query);

/// Turns a Virtuoso bif:contains expression (`'ressourc*' AND "vélo"`, `'a b'` as
/// a phrase; operators in any case) into the text query language above. Validation is
/// left to validateQuery().
std::string fromVirtuoso(std::string_view expr);

}  // namespace bdis::rdf::text
