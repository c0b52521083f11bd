// The public entry points: parse, check, translate.

#include "sparql/parser/parser.h"

#include "sparql/algebra/translate.h"
#include "sparql/parser/checks.h"
#include "sparql/parser/lexer.h"
#include "sparql/parser/parser_impl.h"

namespace bdis::sparql {

ParsedQuery parseQuery(std::string_view text, std::string_view baseIri) {
  parser::Source src(text);
  parser::Parser p(src, std::string(baseIri));
  ParsedQuery out;
  out.ast = p.parseQueryUnit();
  parser::checkQuery(out.ast);
  out.algebra = algebra::translateQuery(out.ast);
  return out;
}

ParsedUpdate parseUpdate(std::string_view text, std::string_view baseIri) {
  parser::Source src(text);
  parser::Parser p(src, std::string(baseIri));
  ParsedUpdate out;
  out.ast = p.parseUpdateUnit();
  parser::checkUpdate(out.ast);
  for (const auto& op : out.ast.operations) {
    out.where.push_back(op.where ? algebra::translatePattern(*op.where) : nullptr);
  }
  return out;
}

}  // namespace bdis::sparql
