// Runs the top rules of the grammar and turns X3 expectation failures into
// SyntaxError with line, column, what was expected and what was found.

#include <string>

#include "rdf/error.h"
#include "sparql/parser/grammar/grammar.h"
#include "sparql/parser/grammar/rules.h"

namespace bdis::sparql::parser::grammar {
namespace {

std::string describe(const Token& t) {
  switch (t.type) {
    case Tok::End:
      return "end of input";
    case Tok::IriRef:
      return "<" + t.text + ">";
    case Tok::PNameNs:
      return "'" + t.text + ":'";
    case Tok::PNameLn:
      return "'" + t.text + ":" + t.local + "'";
    case Tok::BNodeLabel:
      return "'_:" + t.text + "'";
    case Tok::Var:
      return "variable ?" + t.text;
    case Tok::LangTag:
      return "'@" + t.text + "'";
    case Tok::String:
      return "a string";
    case Tok::Nil:
      return "'()'";
    case Tok::Anon:
      return "'[]'";
    default:
      return "'" + t.text + "'";
  }
}

/// A token as written, for messages that quote it (a prefix with its colon).
std::string describeWritten(const Token& t) {
  return t.type == Tok::PNameNs ? t.text + ":" : t.text;
}

[[noreturn]] void failAt(const Source& src, size_t offset, const std::string& message) {
  auto [line, col] = src.lineColumn(offset);
  throw SyntaxError("", line, col, message);
}

template <typename Rule, typename Attr>
void run(const Rule& rule, const Source& src, const std::vector<Token>& tokens, Attr& attr) {
  int level = 0;
  Context ctx(level);
  TokIt first = tokens.begin();
  try {
    if (!rule.parse(first, tokens.end(), ctx, x3::unused, attr)) {
      failAt(src, first->offset, "unexpected " + describe(*first));
    }
  } catch (const x3::expectation_failure<TokIt>& e) {
    // "%p" in what was expected stands for the token before the failure point.
    std::string what = e.which();
    if (size_t at = what.find("%p"); at != std::string::npos && e.where() != tokens.begin()) {
      what.replace(at, 2, describeWritten(*std::prev(e.where())));
    }
    failAt(src, e.where()->offset, "expected " + what + ", found " + describe(*e.where()));
  } catch (const TooDeep& e) {
    failAt(src, e.offset,
           "query nested too deeply (more than " + std::to_string(kMaxNest) +
               " levels of groups, brackets, unary operators, paths or triples nodes)");
  }
}

}  // namespace

syntax::Query parseQuerySyntax(const Source& src, const std::vector<Token>& tokens) {
  syntax::Query q;
  run(queryUnit, src, tokens, q);
  return q;
}

syntax::Update parseUpdateSyntax(const Source& src, const std::vector<Token>& tokens) {
  syntax::Update u;
  run(updateUnit, src, tokens, u);
  return u;
}

}  // namespace bdis::sparql::parser::grammar
