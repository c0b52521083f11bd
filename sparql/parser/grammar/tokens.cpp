// Token predicates of the grammar's primitive parsers.

#include <cctype>

#include "sparql/parser/grammar/builtins.h"
#include "sparql/parser/grammar/primitives.h"

namespace bdis::sparql::parser::grammar {

bool isKeyword(const Token& t, std::string_view kw) {
  if (t.type != Tok::Word || t.text.size() != kw.size()) {
    return false;
  }
  if (kw == "a") {
    return t.text == "a";  // 'a' is case-sensitive
  }
  for (size_t i = 0; i < kw.size(); ++i) {
    if (std::toupper(static_cast<unsigned char>(t.text[i])) !=
        std::toupper(static_cast<unsigned char>(kw[i]))) {
      return false;
    }
  }
  return true;
}

bool isVarToken(const Token& t) { return t.type == Tok::Var; }
bool isIriToken(const Token& t) {
  return t.type == Tok::IriRef || t.type == Tok::PNameNs || t.type == Tok::PNameLn;
}
bool isIriRefToken(const Token& t) { return t.type == Tok::IriRef; }
bool isPNameNsToken(const Token& t) { return t.type == Tok::PNameNs; }
bool isBlankToken(const Token& t) { return t.type == Tok::BNodeLabel || t.type == Tok::Anon; }
bool isNilToken(const Token& t) { return t.type == Tok::Nil; }
bool isStringToken(const Token& t) { return t.type == Tok::String; }
bool isLangTagToken(const Token& t) { return t.type == Tok::LangTag; }
bool isNumberToken(const Token& t) {
  return t.type == Tok::Integer || t.type == Tok::Decimal || t.type == Tok::Double;
}
bool isSignedNumberToken(const Token& t) {
  return isNumberToken(t) && (t.text[0] == '+' || t.text[0] == '-');
}
bool isUnsignedIntegerToken(const Token& t) {
  return t.type == Tok::Integer && t.text[0] != '+' && t.text[0] != '-';
}
bool isEndToken(const Token& t) { return t.type == Tok::End; }
bool isBuiltinToken(const Token& t) {
  return t.type == Tok::Word && !isKeyword(t, "BOUND") && findBuiltin(t.text) != nullptr;
}
bool isAggregateToken(const Token& t) { return t.type == Tok::Word && isAggregateName(t.text); }

bool startsTriples(const Token& t) {
  return isVarToken(t) || isIriToken(t) || isBlankToken(t) || isNilToken(t) || isStringToken(t) ||
         isNumberToken(t) || isKeyword(t, "true") || isKeyword(t, "false") ||
         (t.type == Tok::Punct && (t.text == "(" || t.text == "["));
}
bool isTriplesStartToken(const Token& t) { return startsTriples(t); }
bool isBooleanToken(const Token& t) { return isKeyword(t, "true") || isKeyword(t, "false"); }
bool isVarOrIriToken(const Token& t) { return isVarToken(t) || isIriToken(t); }
bool isIriOrAToken(const Token& t) { return isIriToken(t) || isKeyword(t, "a"); }
bool isVerbToken(const Token& t) { return isVarOrIriToken(t) || isKeyword(t, "a"); }

}  // namespace bdis::sparql::parser::grammar
