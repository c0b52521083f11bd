// The SPARQL terminals as Boost.Spirit X3 parsers (no attributes: each rule only
// recognises; the token text is the matched range, decoded afterwards).

#include "sparql/parser/lexer.h"

#include <boost/spirit/home/x3.hpp>
#include <functional>

#include "rdf/error.h"

namespace bdis::sparql::parser {
namespace {

namespace x3 = boost::spirit::x3;

/// One byte satisfying the predicate P (a captureless lambda type).
template <typename P>
struct ByteIf : x3::parser<ByteIf<P>> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;
  template <typename It, typename Ctx, typename RCtx, typename Attr>
  bool parse(It& first, It const& last, Ctx const&, RCtx&, Attr&) const {
    if (first != last && P{}(static_cast<unsigned char>(*first))) {
      ++first;
      return true;
    }
    return false;
  }
};

inline bool isAlpha(unsigned char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
inline bool isDigit(unsigned char c) { return c >= '0' && c <= '9'; }
inline bool isHex(unsigned char c) {
  return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// Non-ASCII bytes count as PN_CHARS_BASE: the code point ranges of the grammar
// cover almost all of Unicode above U+00BF.
constexpr auto pnBaseP = [](unsigned char c) { return isAlpha(c) || c >= 0x80; };
constexpr auto pnUP = [](unsigned char c) { return isAlpha(c) || c >= 0x80 || c == '_'; };
constexpr auto pnP = [](unsigned char c) {
  return isAlpha(c) || c >= 0x80 || c == '_' || c == '-' || isDigit(c);
};
constexpr auto varP = [](unsigned char c) {
  return isAlpha(c) || c >= 0x80 || c == '_' || isDigit(c);
};
constexpr auto digitP = [](unsigned char c) { return isDigit(c); };
constexpr auto hexP = [](unsigned char c) { return isHex(c); };
constexpr auto alphaP = [](unsigned char c) { return isAlpha(c); };
constexpr auto alnumP = [](unsigned char c) { return isAlpha(c) || isDigit(c); };
constexpr auto iriP = [](unsigned char c) {
  return c > 0x20 && c != '<' && c != '>' && c != '"' && c != '{' && c != '}' && c != '|' &&
         c != '^' && c != '`' && c != '\\';
};
constexpr auto str1P = [](unsigned char c) {
  return c != '\'' && c != '\\' && c != '\n' && c != '\r';
};
constexpr auto str2P = [](unsigned char c) {
  return c != '"' && c != '\\' && c != '\n' && c != '\r';
};
constexpr auto long1P = [](unsigned char c) { return c != '\'' && c != '\\'; };
constexpr auto long2P = [](unsigned char c) { return c != '"' && c != '\\'; };
constexpr auto echarP = [](unsigned char c) {
  return c == 't' || c == 'b' || c == 'n' || c == 'r' || c == 'f' || c == '"' || c == '\'' ||
         c == '\\';
};
constexpr auto localEscP = [](unsigned char c) {
  return std::string_view("_~.!$&'()*+,;=/?#@%-").find(static_cast<char>(c)) !=
         std::string_view::npos;
};

ByteIf<decltype(pnBaseP)> const pnBase{};
ByteIf<decltype(pnUP)> const pnU{};
ByteIf<decltype(pnP)> const pn{};
ByteIf<decltype(varP)> const varChar{};
ByteIf<decltype(digitP)> const digit{};
ByteIf<decltype(hexP)> const hex{};
ByteIf<decltype(alphaP)> const alpha{};
ByteIf<decltype(alnumP)> const alnum{};
ByteIf<decltype(iriP)> const iriChar{};
ByteIf<decltype(str1P)> const str1Char{};
ByteIf<decltype(str2P)> const str2Char{};
ByteIf<decltype(long1P)> const long1Char{};
ByteIf<decltype(long2P)> const long2Char{};
ByteIf<decltype(echarP)> const echarChar{};
ByteIf<decltype(localEscP)> const localEscChar{};

using x3::lit;
using It = std::string::const_iterator;

/// The context entry through which error handlers reach the Source.
struct SourceTag;

/// X3 error handler shared by the terminal rules: an expectation failure inside
/// a terminal (an unclosed string, a bad escape, `_:` without a label, `@`
/// without a tag) becomes a SyntaxError at the failure point, naming what the
/// failed expectation wanted (the rule name, e.g. "closing \" of the string").
struct TerminalErrorHandler {
  template <typename Iterator, typename Exception, typename Context>
  x3::error_handler_result on_error(  // NOLINT(readability-identifier-naming): X3 name
      Iterator&, Iterator const&, Exception const& x, Context const& ctx) {
    const Source& src = x3::get<SourceTag>(ctx).get();
    auto [line, col] = src.lineColumn(static_cast<size_t>(x.where() - src.text().begin()));
    throw SyntaxError("", line, col, "expected " + x.which());
  }
};

// Rule IDs: one type per rule (the terminals that can fail half-way carry the handler).
struct IriRefId;
struct PNameNsId;
struct PNameLocalId;
struct BlankLabelId : TerminalErrorHandler {};
struct VarId;
struct LangTagId : TerminalErrorHandler {};
struct DoubleId;
struct DecimalId;
struct IntegerId;
struct EcharId;
struct String1Id : TerminalErrorHandler {};
struct String2Id : TerminalErrorHandler {};
struct Long1Id : TerminalErrorHandler {};
struct Long2Id : TerminalErrorHandler {};
struct EscapeCharId;
struct Close1Id;
struct Close2Id;
struct CloseLong1Id;
struct CloseLong2Id;
struct LabelStartId;
struct TagLettersId;

// Named sub-rules: their names are the "expected ..." of error messages.
x3::rule<EscapeCharId> const escapeChar =
    "an escape sequence (\\t \\b \\n \\r \\f \\\" \\' \\\\ \\uXXXX)";
x3::rule<Close1Id> const close1 = "closing ' of the string";
x3::rule<Close2Id> const close2 = "closing \" of the string";
x3::rule<CloseLong1Id> const closeLong1 = "closing \'\'\' of the string";
x3::rule<CloseLong2Id> const closeLong2 = "closing \"\"\" of the string";
x3::rule<LabelStartId> const labelStart = "a blank node label after _:";
x3::rule<TagLettersId> const tagLetters = "a language tag after @";

x3::rule<IriRefId> const iriRef = "IRIREF";
x3::rule<PNameNsId> const pnameNs = "PNAME_NS";
x3::rule<PNameLocalId> const pnLocal = "PN_LOCAL";
x3::rule<BlankLabelId> const blankLabel = "BLANK_NODE_LABEL";
x3::rule<VarId> const varRule = "VAR";
x3::rule<LangTagId> const langTag = "LANGTAG";
x3::rule<DoubleId> const doubleRule = "DOUBLE";
x3::rule<DecimalId> const decimalRule = "DECIMAL";
x3::rule<IntegerId> const integerRule = "INTEGER";
x3::rule<EcharId> const echar = "ECHAR";
x3::rule<String1Id> const string1 = "STRING_LITERAL1";
x3::rule<String2Id> const string2 = "STRING_LITERAL2";
x3::rule<Long1Id> const long1 = "STRING_LITERAL_LONG1";
x3::rule<Long2Id> const long2 = "STRING_LITERAL_LONG2";

auto const plx = (lit('%') >> hex >> hex) | (lit('\\') >> localEscChar);
auto const pnPrefix = pnBase >> *(pn | (+lit('.') >> &pn));
auto const localChar = pn | lit(':') | plx;
auto const exponent = (lit('e') | lit('E')) >> -(lit('+') | lit('-')) >> +digit;

auto const escapeChar_def = echarChar;
auto const close1_def = lit('\'');
auto const close2_def = lit('"');
auto const closeLong1_def = lit("'''");
auto const closeLong2_def = lit("\"\"\"");
auto const labelStart_def = pnU | digit;
auto const tagLetters_def = +alpha;

auto const iriRef_def = lit('<') >> *iriChar >> lit('>');
auto const pnameNs_def = -pnPrefix >> lit(':');
auto const pnLocal_def = (pnU | lit(':') | digit | plx) >> *(localChar | (+lit('.') >> &localChar));
// After "_:" a label must follow: an expectation point.
auto const blankLabel_def = (lit("_:") > labelStart) >> *(pn | (+lit('.') >> &pn));
auto const varRule_def = (lit('?') | lit('$')) >> varChar >> *varChar;
auto const langTag_def = (lit('@') > tagLetters) >> *(lit('-') >> +alnum);
auto const doubleRule_def = (+digit >> lit('.') >> *digit >> exponent) |
                            (lit('.') >> +digit >> exponent) | (+digit >> exponent);
auto const decimalRule_def = *digit >> lit('.') >> +digit;
auto const integerRule_def = +digit;
auto const echar_def = lit('\\') > escapeChar;
// Once a quote opened a string, its end is an expectation point.
auto const string1_def = lit('\'') > *(str1Char | echar) > close1;
auto const string2_def = lit('"') > *(str2Char | echar) > close2;
auto const long1_def = lit("'''") > *(-(lit("''") | lit('\'')) >> (long1Char | echar)) > closeLong1;
auto const long2_def = lit("\"\"\"") >
                       *(-(lit("\"\"") | lit('"')) >> (long2Char | echar)) > closeLong2;

BOOST_SPIRIT_DEFINE(escapeChar, close1, close2, closeLong1, closeLong2, labelStart, tagLetters)
BOOST_SPIRIT_DEFINE(iriRef, pnameNs, pnLocal, blankLabel, varRule, langTag)
BOOST_SPIRIT_DEFINE(doubleRule, decimalRule, integerRule, echar, string1, string2, long1, long2)

/// Runs `p` at `it` (with `src` in the context for error handlers); on success
/// advances `it` and returns true, otherwise leaves `it` unchanged.
template <typename P>
bool match(const Source& src, const P& p, It& it, It end) {
  It save = it;
  if (x3::parse(it, end, x3::with<SourceTag>(std::cref(src))[p])) {
    return true;
  }
  it = save;
  return false;
}

std::string decodeString(std::string_view body) {
  std::string out;
  out.reserve(body.size());
  for (size_t i = 0; i < body.size(); ++i) {
    char c = body[i];
    if (c != '\\' || i + 1 == body.size()) {
      out += c;
      continue;
    }
    switch (body[++i]) {
      case 't':
        out += '\t';
        break;
      case 'b':
        out += '\b';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 'f':
        out += '\f';
        break;
      default:
        out += body[i];
        break;
    }
  }
  return out;
}

std::string unescapeLocal(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size()) {
      ++i;
    }
    out += s[i];
  }
  return out;
}

const char* const kPuncts[] = {"^^", "&&", "||", "!=", "<=", ">=", "{", "}", "(",
                               ")",  "[",  "]",  ".",  ";",  ",",  "*", "/", "|",
                               "^",  "!",  "?",  "+",  "-",  "=",  "<", ">"};

}  // namespace

void appendUtf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

Source::Source(std::string_view original) : original_(original) {
  if (original.find("\\u") == std::string_view::npos &&
      original.find("\\U") == std::string_view::npos) {
    text_ = std::string(original);
    return;
  }
  text_.reserve(original.size());
  toOriginal_.reserve(original.size() + 1);
  for (size_t i = 0; i < original.size();) {
    size_t digits = 0;
    if (original[i] == '\\' && i + 1 < original.size()) {
      if (original[i + 1] == 'u') {
        digits = 4;
      }
      if (original[i + 1] == 'U') {
        digits = 8;
      }
    }
    bool ok = digits != 0 && i + 2 + digits <= original.size();
    for (size_t k = 0; ok && k < digits; ++k) {
      ok = isHex(original[i + 2 + k]);
    }
    if (ok) {
      uint32_t cp = std::stoul(std::string(original.substr(i + 2, digits)), nullptr, 16);
      if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
        text_ = std::string(original.substr(0, i));
        toOriginal_.clear();
        auto [line, col] = lineColumn(i);
        throw SyntaxError(
            "", line, col,
            "invalid code point in escape \\" + std::string(original.substr(i + 1, digits + 1)));
      }
      size_t before = text_.size();
      appendUtf8(text_, cp);
      for (size_t k = before; k < text_.size(); ++k) {
        toOriginal_.push_back(i);
      }
      i += 2 + digits;
    } else {
      text_ += original[i];
      toOriginal_.push_back(i);
      ++i;
    }
  }
  toOriginal_.push_back(original.size());
}

std::pair<uint64_t, uint64_t> Source::lineColumn(size_t offset) const {
  size_t orig = offset;
  if (!toOriginal_.empty()) {
    orig = offset < toOriginal_.size() ? toOriginal_[offset] : original_.size();
  }
  if (orig > original_.size()) {
    orig = original_.size();
  }
  uint64_t line = 1, col = 1;
  size_t i = 0;
  if (orig >= cacheOffset_) {
    i = cacheOffset_;
    line = cacheLine_;
    col = cacheColumn_;
  }
  for (; i < orig; ++i) {
    unsigned char c = static_cast<unsigned char>(original_[i]);
    if (c == '\n') {
      ++line;
      col = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++col;
    }
  }
  cacheOffset_ = orig;
  cacheLine_ = line;
  cacheColumn_ = col;
  return {line, col};
}

std::vector<Token> tokenize(const Source& src) {
  const std::string& s = src.text();
  std::vector<Token> out;
  It begin = s.begin(), end = s.end(), it = begin;
  auto fail = [&](It at, const std::string& what) {
    auto [line, col] = src.lineColumn(static_cast<size_t>(at - begin));
    throw SyntaxError("", line, col, what);
  };
  auto skipSpace = [&](It& p) {
    while (p != end) {
      char c = *p;
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        ++p;
      } else if (c == '#') {
        while (p != end && *p != '\n' && *p != '\r') {
          ++p;
        }
      } else {
        break;
      }
    }
  };
  while (true) {
    skipSpace(it);
    Token t;
    t.offset = static_cast<size_t>(it - begin);
    if (it == end) {
      out.push_back(std::move(t));
      return out;
    }
    It start = it;
    char c = *it;
    auto text = [&]() { return std::string(start, it); };
    auto next = (it + 1 != end) ? *(it + 1) : '\0';
    bool numberStart = isDigit(c) || (c == '.' && isDigit(next)) ||
                       ((c == '+' || c == '-') &&
                        (isDigit(next) || (next == '.' && it + 2 != end && isDigit(*(it + 2)))));
    if (c == '<' && match(src, iriRef, it, end)) {
      t.type = Tok::IriRef;
      t.text = std::string(start + 1, it - 1);
    } else if ((c == '?' || c == '$') && match(src, varRule, it, end)) {
      t.type = Tok::Var;
      t.text = std::string(start + 1, it);
    } else if (c == '_' && next == ':') {
      match(src, blankLabel, it, end);
      t.type = Tok::BNodeLabel;
      t.text = std::string(start + 2, it);
    } else if (c == '"' || c == '\'') {
      bool isLong = s.compare(static_cast<size_t>(it - begin), 3, std::string(3, c)) == 0;
      if (isLong) {
        c == '"' ? match(src, long2, it, end) : match(src, long1, it, end);
      } else {
        c == '"' ? match(src, string2, it, end) : match(src, string1, it, end);
      }
      size_t q = isLong ? 3 : 1;
      t.type = Tok::String;
      t.text = decodeString(std::string_view(&*(start + q), (it - start) - 2 * q));
    } else if (c == '@') {
      match(src, langTag, it, end);
      t.type = Tok::LangTag;
      t.text = std::string(start + 1, it);
    } else if (numberStart) {
      if (c == '+' || c == '-') {
        ++it;
      }
      if (match(src, doubleRule, it, end)) {
        t.type = Tok::Double;
      } else if (match(src, decimalRule, it, end)) {
        t.type = Tok::Decimal;
      } else {
        match(src, integerRule, it, end);
        t.type = Tok::Integer;
      }
      t.text = text();
    } else if (isAlpha(c) || c == ':' || static_cast<unsigned char>(c) >= 0x80) {
      It nsEnd = it;
      if (match(src, pnameNs, nsEnd, end)) {
        t.text = std::string(start, nsEnd - 1);
        it = nsEnd;
        It lnStart = it;
        if (match(src, pnLocal, it, end)) {
          t.type = Tok::PNameLn;
          t.local = unescapeLocal(std::string_view(&*lnStart, it - lnStart));
        } else {
          t.type = Tok::PNameNs;
        }
      } else if (isAlpha(c)) {
        while (it != end && (isAlpha(*it) || isDigit(*it) || *it == '_')) {
          ++it;
        }
        t.type = Tok::Word;
        t.text = text();
      } else {
        fail(start, "unexpected character");
      }
    } else if (c == '(' || c == '[') {
      It p = it + 1;
      skipSpace(p);
      if (p != end && *p == (c == '(' ? ')' : ']')) {
        t.type = c == '(' ? Tok::Nil : Tok::Anon;
        it = p + 1;
      } else {
        t.type = Tok::Punct;
        ++it;
      }
      t.text = std::string(1, c);
    } else {
      for (const char* p : kPuncts) {
        std::string_view pv(p);
        if (s.compare(static_cast<size_t>(it - begin), pv.size(), pv) == 0) {
          t.type = Tok::Punct;
          t.text = std::string(pv);
          it += static_cast<std::ptrdiff_t>(pv.size());
          break;
        }
      }
      if (t.type != Tok::Punct) {
        fail(start, std::string("unexpected character '") + c + "'");
      }
    }
    out.push_back(std::move(t));
  }
}

}  // namespace bdis::sparql::parser
