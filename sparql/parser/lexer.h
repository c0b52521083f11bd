#pragma once
// Tokens of SPARQL 1.1 (grammar section 19.8, terminals), read with
// Boost.Spirit X3 in lexer.cpp. Internal to the parser.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace bdis::sparql::parser {

/// Token classes.
enum class Tok : uint8_t {
  End,         ///< end of input
  IriRef,      ///< text: the IRI between < >
  PNameNs,     ///< text: the prefix (without ':')
  PNameLn,     ///< text: the prefix; local: the local part, PN_LOCAL_ESC removed
  BNodeLabel,  ///< text: the label without "_:"
  Var,         ///< text: the name without ?/$
  LangTag,     ///< text: the tag without '@'
  Integer,     ///< text: lexical form (sign included)
  Decimal,
  Double,
  String,  ///< text: the value, escapes decoded
  Word,    ///< a keyword, `a`, `true`/`false` or a built-in name; text as written
  Punct,   ///< text: the punctuation ("{", "^^", "&&", ...)
  Nil,     ///< ( ) with only white space inside
  Anon,    ///< [ ] with only white space inside
};

/// One token with its byte offset in the pre-processed text.
struct Token {
  Tok type = Tok::End;
  std::string text;
  std::string local;
  size_t offset = 0;
};

/// The query text after the \u / \U pre-processing step (19.2), with the way back
/// to line and column of the original text.
class Source {
 public:
  /// Pre-processes `original` (which must outlive this object).
  explicit Source(std::string_view original);
  /// The text to tokenize.
  const std::string& text() const { return text_; }
  /// 1-based line and column (in code points) of a byte offset of text().
  /// Not thread-safe (a Source belongs to one parse).
  std::pair<uint64_t, uint64_t> lineColumn(size_t offset) const;

 private:
  std::string_view original_;
  std::string text_;
  std::vector<size_t> toOriginal_;  ///< Empty when no escape was replaced.
  /// The last position computed: lookups in increasing order (as the parser
  /// makes them) scan the text once in all.
  mutable size_t cacheOffset_ = 0;
  mutable uint64_t cacheLine_ = 1, cacheColumn_ = 1;
};

/// Splits the whole text into tokens, ending with one End token. Throws
/// bdis::SyntaxError at the first character that starts no token.
std::vector<Token> tokenize(const Source& src);

/// Appends the UTF-8 encoding of code point `cp`.
void appendUtf8(std::string& out, uint32_t cp);

}  // namespace bdis::sparql::parser
