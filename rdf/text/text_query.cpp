#include "rdf/text/text_query.h"

#include <cctype>
#include <vector>

#include "rdf/error.h"

namespace bdis::rdf::text {

namespace {

struct Token {
  std::string text;
  size_t column;  ///< 1-based, code points
  bool quoted;
};

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool isBinaryOp(const Token& t) {
  return !t.quoted && (t.text == "AND" || t.text == "OR" || t.text == "XOR" || t.text == "NEAR");
}

[[noreturn]] void fail(size_t column, const std::string& what) {
  throw SyntaxError("", 1, column, "text query: " + what);
}

/// Splits into words, quoted phrases and parentheses, tracking code-point columns.
std::vector<Token> tokenize(std::string_view q) {
  std::vector<Token> out;
  size_t col = 1;
  size_t i = 0;
  auto advance = [&](size_t n) {
    for (size_t k = 0; k < n; ++k, ++i)
      if ((static_cast<unsigned char>(q[i]) & 0xC0) != 0x80) ++col;
  };
  while (i < q.size()) {
    if (isSpace(q[i])) {
      advance(1);
      continue;
    }
    size_t start = col;
    if (q[i] == '(' || q[i] == ')') {
      out.push_back({std::string(1, q[i]), start, false});
      advance(1);
      continue;
    }
    if (q[i] == '"') {
      size_t close = q.find('"', i + 1);
      if (close == std::string_view::npos) fail(start, "unclosed '\"'");
      out.push_back({std::string(q.substr(i + 1, close - i - 1)), start, true});
      advance(close + 1 - i);
      continue;
    }
    size_t j = i;
    while (j < q.size() && !isSpace(q[j]) && q[j] != '(' && q[j] != ')' && q[j] != '"') ++j;
    out.push_back({std::string(q.substr(i, j - i)), start, false});
    advance(j - i);
  }
  return out;
}

}  // namespace

void validateQuery(std::string_view query) {
  std::vector<Token> tokens = tokenize(query);
  if (tokens.empty()) fail(1, "empty query, expected a word or a \"phrase\"");
  std::vector<size_t> open;
  bool needOperand = true;  // at the start, after '(' and after a binary operator
  size_t lastOpColumn = 0;
  for (const Token& t : tokens) {
    if (!t.quoted && t.text == "(") {
      open.push_back(t.column);
      needOperand = true;
      continue;
    }
    if (!t.quoted && t.text == ")") {
      if (open.empty()) fail(t.column, "')' without '('");
      if (needOperand) fail(t.column, "expected a word or a \"phrase\" before ')'");
      open.pop_back();
      continue;
    }
    if (isBinaryOp(t)) {
      if (needOperand) fail(t.column, "expected a word or a \"phrase\" before " + t.text);
      needOperand = true;
      lastOpColumn = t.column;
      continue;
    }
    if (!t.quoted && t.text == "NOT") {
      needOperand = true;
      lastOpColumn = t.column;
      continue;
    }
    if (!t.quoted && (t.text == "*" || t.text == "+" || t.text == "-"))
      fail(t.column, "expected a word after '" + t.text + "'");
    needOperand = false;
  }
  if (!open.empty()) fail(open.back(), "'(' without ')'");
  if (needOperand) fail(lastOpColumn, "operator without a right-hand operand");
}

std::string fromVirtuoso(std::string_view expr) {
  std::string out;
  size_t i = 0;
  while (i < expr.size()) {
    char c = expr[i];
    if (c == '\'' || c == '"') {
      size_t close = expr.find(c, i + 1);
      if (close == std::string_view::npos) close = expr.size();
      std::string_view inner = expr.substr(i + 1, close - i - 1);
      bool phrase = inner.find(' ') != std::string_view::npos;
      if (phrase) out += '"';
      out += inner;
      if (phrase) out += '"';
      i = close + 1;
      continue;
    }
    if (std::isalpha(static_cast<unsigned char>(c)) != 0) {
      // Virtuoso's operators may be written in lower case: "'a' and 'b'".
      size_t j = i;
      while (j < expr.size() && std::isalpha(static_cast<unsigned char>(expr[j])) != 0) ++j;
      std::string word(expr.substr(i, j - i));
      std::string upper = word;
      for (char& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
      out += upper == "AND" || upper == "OR" || upper == "NOT" || upper == "NEAR" ? upper : word;
      i = j;
      continue;
    }
    out += c;
    ++i;
  }
  return out;
}

}  // namespace bdis::rdf::text
