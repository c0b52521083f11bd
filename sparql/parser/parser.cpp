// The public entry points: tokens (lexer.cpp) -> syntax tree (the X3 grammar,
// grammar/) -> AST (lower/) -> checks -> algebra.

#include "sparql/parser/parser.h"

#include "sparql/algebra/translate.h"
#include "sparql/parser/checks.h"
#include "sparql/parser/grammar/grammar.h"
#include "sparql/parser/lexer.h"
#include "sparql/parser/lower/lowering.h"

namespace bdis::sparql {

ParsedQuery parseQuery(std::string_view text, std::string_view baseIri) {
  parser::Source src(text);
  std::vector<parser::Token> tokens = parser::tokenize(src);
  parser::syntax::Query syntax = parser::grammar::parseQuerySyntax(src, tokens);
  parser::Lowering lowering(src, std::string(baseIri));
  ParsedQuery out;
  out.ast = lowering.query(syntax);
  parser::checkQuery(out.ast);
  out.algebra = algebra::translateQuery(out.ast);
  return out;
}

ParsedUpdate parseUpdate(std::string_view text, std::string_view baseIri) {
  parser::Source src(text);
  std::vector<parser::Token> tokens = parser::tokenize(src);
  parser::syntax::Update syntax = parser::grammar::parseUpdateSyntax(src, tokens);
  parser::Lowering lowering(src, std::string(baseIri));
  ParsedUpdate out;
  out.ast = lowering.update(syntax);
  parser::checkUpdate(out.ast);
  for (const auto& op : out.ast.operations) {
    out.where.push_back(op.where ? algebra::translatePattern(*op.where) : nullptr);
  }
  return out;
}

}  // namespace bdis::sparql
