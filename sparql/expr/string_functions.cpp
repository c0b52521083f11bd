// Functions on strings (17.4.3) over Unicode code points: STRLEN, SUBSTR, UCASE,
// LCASE, ENCODE_FOR_URI, CONTAINS, STRSTARTS, STRENDS, STRBEFORE, STRAFTER, CONCAT,
// LANGMATCHES. "String literal" means a simple literal, an xsd:string or a
// language-tagged literal (17.4.3.1.1); results keep the language tag or datatype
// of their first argument where the specification says so.

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <cmath>

#include "sparql/expr/builtins.h"
#include "sparql/expr/numeric.h"
#include "sparql/expr/xsd.h"

namespace bdis::sparql::expr {

namespace {

bool isStringLike(const rdf::Term& t) { return isStringLiteral(t) || isLangLiteral(t); }

/// 17.4.3.1.2 argument compatibility: both simple/xsd:string, both with the same
/// language tag, or the first with a tag and the second simple/xsd:string.
bool compatible(const rdf::Term& a, const rdf::Term& b) {
  if (!isStringLike(a) || !isStringLike(b)) {
    return false;
  }
  if (isStringLiteral(b)) {
    return true;
  }
  if (!isLangLiteral(a) || a.lang.size() != b.lang.size()) {
    return false;
  }
  for (size_t i = 0; i < a.lang.size(); ++i) {  // language tags are case-insensitive
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    if (lower(a.lang[i]) != lower(b.lang[i])) {
      return false;
    }
  }
  return true;
}

/// A literal with `a`'s language tag or datatype and the lexical form `s`.
rdf::Term sameKind(const rdf::Term& a, std::string s) {
  return rdf::Term::literal(std::move(s), {}, a.lang);
}

bool isContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

int64_t codePointCount(std::string_view s) {
  int64_t n = 0;
  for (char c : s) {
    if (!isContinuation(c)) {
      ++n;
    }
  }
  return n;
}

/// XPath fn:round on a double (half toward positive infinity).
double roundHalfUp(double x) {
  if (!std::isfinite(x)) {
    return x;
  }
  double f = std::floor(x);
  return x - f >= 0.5 ? f + 1 : f;
}

std::optional<rdf::Term> caseMap(Args a, bool upper) {
  if (a.size() != 1 || !isStringLike(*a[0])) {
    return std::nullopt;
  }
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(a[0]->value);
  if (upper) {
    u.toUpper(icu::Locale::getRoot());
  } else {
    u.toLower(icu::Locale::getRoot());
  }
  std::string out;
  u.toUTF8String(out);
  return sameKind(*a[0], std::move(out));
}

enum class Position { Anywhere, Start, End };

std::optional<rdf::Term> containment(Args a, Position pos) {
  if (a.size() != 2 || !compatible(*a[0], *a[1])) {
    return std::nullopt;
  }
  std::string_view s = a[0]->value, p = a[1]->value;
  bool r = false;
  switch (pos) {
    case Position::Anywhere:
      r = s.find(p) != std::string_view::npos;
      break;
    case Position::Start:
      r = s.substr(0, p.size()) == p;
      break;
    case Position::End:
      r = s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
      break;
  }
  return booleanLiteral(r);
}

}  // namespace

std::optional<rdf::Term> fnStrlen(Args a, EvalContext&) {
  if (a.size() != 1 || !isStringLike(*a[0])) {
    return std::nullopt;
  }
  return numericTerm(Numeric::ofInteger(codePointCount(a[0]->value)));
}

std::optional<rdf::Term> fnSubstr(Args a, EvalContext&) {
  if (a.size() < 2 || a.size() > 3 || !isStringLike(*a[0])) {
    return std::nullopt;
  }
  auto start = numericValue(*a[1]);
  if (!start) {
    return std::nullopt;
  }
  double first = roundHalfUp(toDouble(*start));
  double end = INFINITY;
  if (a.size() == 3) {
    auto len = numericValue(*a[2]);
    if (!len) {
      return std::nullopt;
    }
    end = first + roundHalfUp(toDouble(*len));
  }
  // fn:substring: the characters at 1-based positions p with first <= p < end.
  const std::string& s = a[0]->value;
  size_t from = s.size(), to = s.size();
  double p = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (isContinuation(s[i])) {
      continue;
    }
    p += 1;
    bool in = p >= first && p < end;
    if (in && from == s.size()) {
      from = i;
    }
    if (!in && from != s.size()) {
      to = i;
      break;
    }
  }
  return sameKind(*a[0], from >= to ? std::string() : s.substr(from, to - from));
}

std::optional<rdf::Term> fnUcase(Args a, EvalContext&) { return caseMap(a, true); }
std::optional<rdf::Term> fnLcase(Args a, EvalContext&) { return caseMap(a, false); }

std::optional<rdf::Term> fnEncodeForUri(Args a, EvalContext&) {
  if (a.size() != 1 || !isStringLike(*a[0])) {
    return std::nullopt;
  }
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : a[0]->value) {
    bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '_' || c == '.' || c == '~';
    if (unreserved) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 0xF];
    }
  }
  return stringLiteral(std::move(out));
}

std::optional<rdf::Term> fnContains(Args a, EvalContext&) {
  return containment(a, Position::Anywhere);
}
std::optional<rdf::Term> fnStrStarts(Args a, EvalContext&) {
  return containment(a, Position::Start);
}
std::optional<rdf::Term> fnStrEnds(Args a, EvalContext&) { return containment(a, Position::End); }

std::optional<rdf::Term> fnStrBefore(Args a, EvalContext&) {
  if (a.size() != 2 || !compatible(*a[0], *a[1])) {
    return std::nullopt;
  }
  size_t at = a[0]->value.find(a[1]->value);
  if (at == std::string::npos) {
    return stringLiteral("");
  }
  return sameKind(*a[0], a[0]->value.substr(0, at));
}

std::optional<rdf::Term> fnStrAfter(Args a, EvalContext&) {
  if (a.size() != 2 || !compatible(*a[0], *a[1])) {
    return std::nullopt;
  }
  size_t at = a[0]->value.find(a[1]->value);
  if (at == std::string::npos) {
    return stringLiteral("");
  }
  return sameKind(*a[0], a[0]->value.substr(at + a[1]->value.size()));
}

std::optional<rdf::Term> fnConcat(Args a, EvalContext&) {
  std::string out;
  bool sameLang = !a.empty();
  for (const rdf::Term* t : a) {
    if (!isStringLike(*t)) {
      return std::nullopt;
    }
    out += t->value;
    if (t->lang.empty() || t->lang != a[0]->lang) {
      sameLang = false;
    }
  }
  return rdf::Term::literal(std::move(out), {}, sameLang ? a[0]->lang : std::string());
}

std::optional<rdf::Term> fnLangMatches(Args a, EvalContext&) {
  if (a.size() != 2 || !isStringLiteral(*a[0]) || !isStringLiteral(*a[1])) {
    return std::nullopt;
  }
  std::string_view tag = a[0]->value, range = a[1]->value;
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  bool match = false;
  if (range == "*") {
    match = !tag.empty();
  } else if (!tag.empty() && tag.size() >= range.size() && !range.empty()) {
    match = true;
    for (size_t i = 0; i < range.size(); ++i) {
      if (lower(tag[i]) != lower(range[i])) {
        match = false;
      }
    }
    if (match && tag.size() > range.size() && tag[range.size()] != '-') {
      match = false;
    }
  }
  return booleanLiteral(match);
}

}  // namespace bdis::sparql::expr
