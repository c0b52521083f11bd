#pragma once
// The SPARQL 1.1 grammar (Boost.Spirit X3, in grammar/*.cpp) behind a plain
// header: tokens in, syntax tree out. Internal to the parser.

#include <vector>

#include "sparql/parser/grammar/syntax.h"
#include "sparql/parser/lexer.h"

namespace bdis::sparql::parser::grammar {

/// Parses the tokens of `src` (from tokenize(), ending with End) as a QueryUnit.
/// Throws SyntaxError at the first token the grammar cannot take, naming what it
/// expected and what it found, or when groups and brackets nest too deeply.
syntax::Query parseQuerySyntax(const Source& src, const std::vector<Token>& tokens);

/// Parses the tokens of `src` as an UpdateUnit; errors as parseQuerySyntax().
syntax::Update parseUpdateSyntax(const Source& src, const std::vector<Token>& tokens);

}  // namespace bdis::sparql::parser::grammar
