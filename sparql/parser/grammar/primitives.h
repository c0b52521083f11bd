#pragma once
// Boost.Spirit X3 parsers over the token stream (internal to grammar/*.cpp):
// token classes, keywords, punctuation, positions, the expectation directive
// `must` and the nesting bound `nest`, and the attribute actions the rules use.
// Every action writes only into the attribute of its own rule (_val), so that
// backtracking over an alternative leaves nothing behind.

#include <boost/spirit/home/x3.hpp>
#include <string_view>
#include <utility>
#include <vector>

#include "sparql/parser/grammar/syntax.h"

namespace bdis::sparql::parser::grammar {

namespace x3 = boost::spirit::x3;

/// The iterator every rule runs on.
using TokIt = std::vector<Token>::const_iterator;

/// Context entry holding the current nesting level.
struct NestTag;
/// The context every rule is instantiated with: the nesting counter.
using Context = x3::context<NestTag, int>;

/// Nesting (groups, brackets, paths, triples nodes) bounded so that a hostile
/// query cannot exhaust the stack of the recursive rules.
constexpr int kMaxNest = 400;

/// Thrown by `nest` past kMaxNest; the entry points make it a SyntaxError.
struct TooDeep {
  size_t offset;
};

/// True for a Word token equal to `kw` (ignoring case; `a` is case-sensitive).
bool isKeyword(const Token& t, std::string_view kw);

/// True for a token that can start a triple (VarOrTerm, '(' or '[').
bool startsTriples(const Token& t);

/// Consumes one token satisfying `pred`; its attribute is the token.
struct TokenIf : x3::parser<TokenIf> {
  using attribute_type = Token;
  static bool const has_attribute = true;
  bool (*pred)(const Token&);
  constexpr explicit TokenIf(bool (*p)(const Token&)) : pred(p) {}
  template <typename It, typename Ctx, typename RCtx, typename Attr>
  bool parse(It& first, It const& last, Ctx const&, RCtx&, Attr& attr) const {
    if (first == last || !pred(*first)) {
      return false;
    }
    x3::traits::move_to(Token(*first), attr);
    ++first;
    return true;
  }
};

/// Consumes the keyword `word` (no attribute).
struct Keyword : x3::parser<Keyword> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;
  std::string_view word;
  constexpr explicit Keyword(std::string_view w) : word(w) {}
  template <typename It, typename Ctx, typename RCtx, typename Attr>
  bool parse(It& first, It const& last, Ctx const&, RCtx&, Attr&) const {
    if (first == last || !isKeyword(*first, word)) {
      return false;
    }
    ++first;
    return true;
  }
};

/// Consumes the keyword `word`; its attribute is the token.
struct KeywordToken : x3::parser<KeywordToken> {
  using attribute_type = Token;
  static bool const has_attribute = true;
  std::string_view word;
  constexpr explicit KeywordToken(std::string_view w) : word(w) {}
  template <typename It, typename Ctx, typename RCtx, typename Attr>
  bool parse(It& first, It const& last, Ctx const&, RCtx&, Attr& attr) const {
    if (first == last || !isKeyword(*first, word)) {
      return false;
    }
    x3::traits::move_to(Token(*first), attr);
    ++first;
    return true;
  }
};

/// Consumes the punctuation `text`; its attribute is the text.
struct Punct : x3::parser<Punct> {
  using attribute_type = std::string;
  static bool const has_attribute = true;
  std::string_view text;
  constexpr explicit Punct(std::string_view t) : text(t) {}
  template <typename It, typename Ctx, typename RCtx, typename Attr>
  bool parse(It& first, It const& last, Ctx const&, RCtx&, Attr& attr) const {
    if (first == last || first->type != Tok::Punct || first->text != text) {
      return false;
    }
    x3::traits::move_to(std::string(text), attr);
    ++first;
    return true;
  }
};

/// Consumes one of the punctuations listed in `list` (separated by spaces); its
/// attribute is the text.
struct PunctIn : x3::parser<PunctIn> {
  using attribute_type = std::string;
  static bool const has_attribute = true;
  std::string_view list;
  constexpr explicit PunctIn(std::string_view l) : list(l) {}
  template <typename It, typename Ctx, typename RCtx, typename Attr>
  bool parse(It& first, It const& last, Ctx const&, RCtx&, Attr& attr) const {
    if (first == last || first->type != Tok::Punct || !listed(first->text)) {
      return false;
    }
    x3::traits::move_to(std::string(first->text), attr);
    ++first;
    return true;
  }
  bool listed(std::string_view t) const {
    for (size_t i = 0; i < list.size();) {
      size_t end = list.find(' ', i);
      if (end == std::string_view::npos) {
        end = list.size();
      }
      if (list.substr(i, end - i) == t) {
        return true;
      }
      i = end + 1;
    }
    return false;
  }
};

/// Consumes nothing; its attribute is a byte offset: of the next token (Next),
/// of the previous one (Previous) or just past the previous one's first byte (After).
struct Here : x3::parser<Here> {
  enum Mode : uint8_t { Next, Previous, After };
  using attribute_type = size_t;
  static bool const has_attribute = true;
  Mode mode;
  constexpr explicit Here(Mode m) : mode(m) {}
  template <typename It, typename Ctx, typename RCtx, typename Attr>
  bool parse(It& first, It const&, Ctx const&, RCtx&, Attr& attr) const {
    size_t at = mode == Next ? first->offset : std::prev(first)->offset + (mode == After ? 1 : 0);
    x3::traits::move_to(at, attr);
    return true;
  }
};

/// `must(what)[p]`: p, or an expectation failure naming `what` at the next token.
template <typename Subject>
struct Must : x3::unary_parser<Subject, Must<Subject>> {
  using base_type = x3::unary_parser<Subject, Must<Subject>>;
  static bool const is_pass_through_unary = true;
  const char* what;
  constexpr Must(Subject const& s, const char* w) : base_type(s), what(w) {}
  template <typename It, typename Ctx, typename RCtx, typename Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx& rctx, Attr& attr) const {
    if (this->subject.parse(first, last, ctx, rctx, attr)) {
      return true;
    }
    boost::throw_exception(x3::expectation_failure<It>(first, what));
  }
};

/// The generator of `must`.
struct MustGen {
  const char* what;
  template <typename Subject>
  constexpr Must<typename x3::extension::as_parser<Subject>::value_type> operator[](
      Subject const& s) const {
    return {x3::as_parser(s), what};
  }
};
constexpr MustGen must(const char* what) { return MustGen{what}; }

/// `nest[p]`: p one nesting level deeper (see kMaxNest).
template <typename Subject>
struct Nest : x3::unary_parser<Subject, Nest<Subject>> {
  using base_type = x3::unary_parser<Subject, Nest<Subject>>;
  static bool const is_pass_through_unary = true;
  constexpr explicit Nest(Subject const& s) : base_type(s) {}
  template <typename It, typename Ctx, typename RCtx, typename Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx& rctx, Attr& attr) const {
    int& level = x3::get<NestTag>(ctx);
    if (++level > kMaxNest) {
      throw TooDeep{first->offset};
    }
    bool ok = this->subject.parse(first, last, ctx, rctx, attr);
    --level;
    return ok;
  }
};

/// The generator of `nest`.
struct NestGen {
  template <typename Subject>
  constexpr Nest<typename x3::extension::as_parser<Subject>::value_type> operator[](
      Subject const& s) const {
    return Nest<typename x3::extension::as_parser<Subject>::value_type>{x3::as_parser(s)};
  }
};
constexpr NestGen nest{};

// Token predicates.
bool isVarToken(const Token& t);
bool isIriToken(const Token& t);
bool isIriRefToken(const Token& t);
bool isPNameNsToken(const Token& t);
bool isBlankToken(const Token& t);
bool isNilToken(const Token& t);
bool isStringToken(const Token& t);
bool isLangTagToken(const Token& t);
bool isNumberToken(const Token& t);
bool isSignedNumberToken(const Token& t);
bool isUnsignedIntegerToken(const Token& t);
bool isEndToken(const Token& t);
bool isBuiltinToken(const Token& t);
bool isAggregateToken(const Token& t);
bool isTriplesStartToken(const Token& t);
bool isBooleanToken(const Token& t);
bool isVarOrIriToken(const Token& t);
bool isIriOrAToken(const Token& t);
bool isVerbToken(const Token& t);

inline constexpr TokenIf varTok{isVarToken};
inline constexpr TokenIf iriTok{isIriToken};
inline constexpr TokenIf iriRefTok{isIriRefToken};
inline constexpr TokenIf pnameNsTok{isPNameNsToken};
inline constexpr TokenIf blankTok{isBlankToken};
inline constexpr TokenIf nilTok{isNilToken};
inline constexpr TokenIf stringTok{isStringToken};
inline constexpr TokenIf langTagTok{isLangTagToken};
inline constexpr TokenIf numberTok{isNumberToken};
inline constexpr TokenIf signedNumberTok{isSignedNumberToken};
inline constexpr TokenIf unsignedIntegerTok{isUnsignedIntegerToken};
inline constexpr TokenIf endTok{isEndToken};
inline constexpr TokenIf builtinTok{isBuiltinToken};
inline constexpr TokenIf aggregateTok{isAggregateToken};
inline constexpr TokenIf triplesStartTok{isTriplesStartToken};
inline constexpr TokenIf booleanTok{isBooleanToken};
inline constexpr TokenIf varOrIriTok{isVarOrIriToken};
inline constexpr TokenIf iriOrATok{isIriOrAToken};
inline constexpr TokenIf verbTok{isVerbToken};
inline constexpr Here here{Here::Next};
inline constexpr Here previous{Here::Previous};
inline constexpr Here after{Here::After};

constexpr Keyword kw(std::string_view w) { return Keyword{w}; }
constexpr KeywordToken kwTok(std::string_view w) { return KeywordToken{w}; }
constexpr Punct punct(std::string_view p) { return Punct{p}; }
constexpr PunctIn punctIn(std::string_view list) { return PunctIn{list}; }

// Actions (on _val, the attribute of the enclosing rule).

/// _val = _attr.
inline constexpr auto assign = [](auto& ctx) { x3::_val(ctx) = std::move(x3::_attr(ctx)); };
/// _val.*M = _attr.
template <auto M>
inline constexpr auto set = [](auto& ctx) { x3::_val(ctx).*M = std::move(x3::_attr(ctx)); };
/// _val.*M.push_back(_attr).
template <auto M>
inline constexpr auto push =
    [](auto& ctx) { (x3::_val(ctx).*M).push_back(std::move(x3::_attr(ctx))); };
/// _val.push_back(_attr) for a vector attribute.
inline constexpr auto pushBack = [](auto& ctx) {
  x3::_val(ctx).push_back(std::move(x3::_attr(ctx)));
};
/// _val.*M = V.
template <auto M, auto V>
inline constexpr auto put = [](auto& ctx) { x3::_val(ctx).*M = V; };

}  // namespace bdis::sparql::parser::grammar
