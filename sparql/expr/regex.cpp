// REGEX and REPLACE (17.4.3.14, 17.4.3.15) with the XPath flags i, s, m, x and q,
// on ICU regular expressions, whose syntax is close to XPath's. Compiled patterns
// are cached per thread, since a query applies the same pattern to every row.

#include <unicode/regex.h>
#include <unicode/unistr.h>

#include <memory>
#include <string>
#include <unordered_map>

#include "sparql/expr/builtins.h"
#include "sparql/expr/xsd.h"

namespace bdis::sparql::expr {

namespace {

/// XPath flag "x": whitespace outside character classes is removed from the pattern.
std::string stripWhitespace(std::string_view p) {
  std::string out;
  int classDepth = 0;
  for (size_t i = 0; i < p.size(); ++i) {
    char c = p[i];
    if (c == '\\' && i + 1 < p.size()) {
      out += c;
      out += p[++i];
      continue;
    }
    if (c == '[') {
      ++classDepth;
    }
    if (c == ']' && classDepth > 0) {
      --classDepth;
    }
    if (classDepth == 0 && (c == ' ' || c == '\t' || c == '\n' || c == '\r')) {
      continue;
    }
    out += c;
  }
  return out;
}

/// A compiled pattern and a matcher kept with it (reset for each input).
struct Compiled {
  std::unique_ptr<icu::RegexPattern> pattern;
  std::unique_ptr<icu::RegexMatcher> matcher;
};

/// Compiles (pattern, flags); an empty Compiled for an invalid pattern or flag.
Compiled compileRegex(std::string_view pattern, std::string_view flags) {
  uint32_t icuFlags = 0;
  bool stripSpaces = false;
  for (char f : flags) {
    switch (f) {
      case 'i':
        icuFlags |= UREGEX_CASE_INSENSITIVE;
        break;
      case 's':
        icuFlags |= UREGEX_DOTALL;
        break;
      case 'm':
        icuFlags |= UREGEX_MULTILINE;
        break;
      case 'x':
        stripSpaces = true;
        break;
      case 'q':
        icuFlags |= UREGEX_LITERAL;
        break;
      default:
        return {};
    }
  }
  std::string source =
      stripSpaces && !(icuFlags & UREGEX_LITERAL) ? stripWhitespace(pattern) : std::string(pattern);
  UErrorCode status = U_ZERO_ERROR;
  UParseError perr;
  Compiled c;
  c.pattern.reset(
      icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(source), icuFlags, perr, status));
  if (U_FAILURE(status)) {
    return {};
  }
  c.matcher.reset(c.pattern->matcher(status));
  if (U_FAILURE(status)) {
    return {};
  }
  return c;
}

/// The matcher for (pattern, flags), or nullptr for an invalid pattern or flag. Valid
/// on this thread until the next call; the caller resets it to its input.
icu::RegexMatcher* matcherFor(std::string_view pattern, std::string_view flags) {
  thread_local std::unordered_map<std::string, Compiled> cache;
  thread_local std::string lastPattern, lastFlags;
  thread_local icu::RegexMatcher* last = nullptr;
  thread_local bool haveLast = false;
  if (haveLast && pattern == lastPattern && flags == lastFlags) {
    return last;  // the same pattern as the previous row: no key to build
  }
  std::string key(flags);
  key += '\0';
  key += pattern;
  auto it = cache.find(key);
  if (it == cache.end()) {
    if (cache.size() >= 256) {
      cache.clear();
    }
    it = cache.emplace(std::move(key), compileRegex(pattern, flags)).first;
  }
  lastPattern.assign(pattern);
  lastFlags.assign(flags);
  last = it->second.matcher.get();
  haveLast = true;
  return last;
}

bool isStringLike(const rdf::Term& t) { return isStringLiteral(t) || isLangLiteral(t); }

/// Validates an XPath replacement string: `\` only before `\` or `$`, `$` only before a digit.
bool validReplacement(std::string_view r) {
  for (size_t i = 0; i < r.size(); ++i) {
    if (r[i] == '\\') {
      if (i + 1 >= r.size() || (r[i + 1] != '\\' && r[i + 1] != '$')) {
        return false;
      }
      ++i;
    } else if (r[i] == '$') {
      if (i + 1 >= r.size() || r[i + 1] < '0' || r[i + 1] > '9') {
        return false;
      }
    }
  }
  return true;
}

}  // namespace

std::optional<rdf::Term> fnRegex(Args a, EvalContext&) {
  if (a.size() < 2 || a.size() > 3 || !isStringLike(*a[0]) || !isStringLiteral(*a[1])) {
    return std::nullopt;
  }
  if (a.size() == 3 && !isStringLiteral(*a[2])) {
    return std::nullopt;
  }
  icu::RegexMatcher* m = matcherFor(a[1]->value, a.size() == 3 ? a[2]->value : "");
  if (!m) {
    return std::nullopt;
  }
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(a[0]->value);
  UErrorCode status = U_ZERO_ERROR;
  m->reset(text);
  bool found = m->find(0, status);
  if (U_FAILURE(status)) {
    return std::nullopt;
  }
  return booleanLiteral(found);
}

std::optional<rdf::Term> fnReplace(Args a, EvalContext&) {
  if (a.size() < 3 || a.size() > 4 || !isStringLike(*a[0]) || !isStringLiteral(*a[1]) ||
      !isStringLiteral(*a[2])) {
    return std::nullopt;
  }
  if (a.size() == 4 && !isStringLiteral(*a[3])) {
    return std::nullopt;
  }
  std::string_view flags = a.size() == 4 ? std::string_view(a[3]->value) : std::string_view();
  icu::RegexMatcher* m = matcherFor(a[1]->value, flags);
  if (!m) {
    return std::nullopt;
  }
  bool literal = flags.find('q') != std::string_view::npos;
  if (!literal && !validReplacement(a[2]->value)) {
    return std::nullopt;
  }
  UErrorCode status = U_ZERO_ERROR;
  // XPath (FORX0003): a pattern that matches the empty string is an error.
  icu::UnicodeString empty;
  m->reset(empty);
  if (m->matches(status) || U_FAILURE(status)) {
    return std::nullopt;
  }
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(a[0]->value);
  m->reset(text);
  std::string rep = a[2]->value;
  if (literal) {
    // Flag "q": the replacement is taken literally; ICU needs `\` and `$` escaped.
    std::string escaped;
    for (char c : rep) {
      if (c == '\\' || c == '$') {
        escaped += '\\';
      }
      escaped += c;
    }
    rep = std::move(escaped);
  }
  icu::UnicodeString replacement = icu::UnicodeString::fromUTF8(rep);
  icu::UnicodeString result = m->replaceAll(replacement, status);
  if (U_FAILURE(status)) {
    return std::nullopt;
  }
  std::string out;
  result.toUTF8String(out);
  return rdf::Term::literal(std::move(out), {}, a[0]->lang);
}

}  // namespace bdis::sparql::expr
