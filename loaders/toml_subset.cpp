#include "loaders/toml_subset.h"

#include <charconv>
#include <set>

#include "rdf/error.h"

namespace bdis::loaders {

const TomlEntry* TomlTable::find(std::string_view key) const {
  for (const auto& e : entries) {
    if (e.key == key) return &e;
  }
  return nullptr;
}

namespace {

class Parser {
 public:
  Parser(std::string_view text, const std::string& file) : text_(text), file_(file) {}

  TomlDocument parse() {
    TomlDocument doc;
    doc.tables.emplace_back();
    doc.tables.back().line = 1;
    std::set<std::string> definedTables;
    while (true) {
      skipBlankAndComments();
      if (atEnd()) break;
      char c = peek();
      if (c == '[') {
        uint32_t line = line_;
        bool isArray = text_.substr(pos_, 2) == "[[";
        advance(isArray ? 2 : 1);
        skipSpaces();
        std::string name = parseTableName();
        skipSpaces();
        expect(']');
        if (isArray) expect(']');
        endOfLine();
        if (!isArray && !definedTables.insert(name).second) {
          fail(line, 1, "table [" + name + "] is defined twice");
        }
        if (isArray && definedTables.count(name)) {
          fail(line, 1, "[[" + name + "]] names a table already defined as [" + name + "]");
        }
        TomlTable t;
        t.name = std::move(name);
        t.arrayElement = isArray;
        t.line = line;
        doc.tables.push_back(std::move(t));
      } else {
        TomlEntry e;
        e.line = line_;
        e.column = column();
        e.key = parseKey();
        skipSpaces();
        expect('=');
        skipSpaces();
        e.value = parseValue();
        endOfLine();
        TomlTable& t = doc.tables.back();
        if (t.find(e.key))
          fail(e.line, e.column, "key '" + e.key + "' is defined twice in this table");
        t.entries.push_back(std::move(e));
      }
    }
    return doc;
  }

 private:
  [[noreturn]] void fail(uint32_t line, uint32_t col, const std::string& what) const {
    throw SyntaxError(file_, line, col, what);
  }
  [[noreturn]] void fail(const std::string& what) const { fail(line_, column(), what); }

  bool atEnd() const { return pos_ >= text_.size(); }
  char peek() const { return atEnd() ? '\0' : text_[pos_]; }
  uint32_t column() const { return static_cast<uint32_t>(pos_ - lineStart_ + 1); }
  void advance(size_t n = 1) { pos_ += n; }
  void newline() {
    ++line_;
    lineStart_ = pos_;
  }

  void skipSpaces() {
    while (!atEnd() && (peek() == ' ' || peek() == '\t')) advance();
  }

  void skipComment() {
    if (peek() != '#') return;
    while (!atEnd() && peek() != '\n') advance();
  }

  bool consumeNewline() {
    if (peek() == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') advance();
    if (peek() == '\n') {
      advance();
      newline();
      return true;
    }
    return false;
  }

  void skipBlankAndComments() {
    while (!atEnd()) {
      skipSpaces();
      skipComment();
      if (!consumeNewline()) {
        if (!atEnd() && peek() != ' ' && peek() != '\t') return;
      }
    }
  }

  void endOfLine() {
    skipSpaces();
    skipComment();
    if (atEnd()) return;
    if (!consumeNewline())
      fail(std::string("expected the end of the line, found '") + peek() + "'");
  }

  void expect(char c) {
    if (peek() != c) {
      if (atEnd()) fail(std::string("expected '") + c + "', found the end of the file");
      fail(std::string("expected '") + c + "', found '" + peek() + "'");
    }
    advance();
  }

  static bool isBare(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
  }

  std::string parseKey() {
    if (peek() == '"') return parseBasicString();
    if (peek() == '\'') return parseLiteralString();
    size_t start = pos_;
    while (!atEnd() && isBare(peek())) advance();
    if (pos_ == start) fail("expected a key (letters, digits, '_' or '-'), a [table] or a comment");
    return std::string(text_.substr(start, pos_ - start));
  }

  std::string parseTableName() {
    std::string name = parseKey();
    while (true) {
      skipSpaces();
      if (peek() != '.') break;
      advance();
      skipSpaces();
      name += '.';
      name += parseKey();
    }
    return name;
  }

  static void appendUtf8(std::string& out, uint32_t cp) {
    if (cp < 0x80) {
      out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
  }

  std::string parseBasicString() {
    expect('"');
    std::string out;
    while (true) {
      if (atEnd() || peek() == '\n')
        fail("unterminated string (strings end on the line they start)");
      char c = peek();
      if (c == '"') {
        advance();
        return out;
      }
      if (c == '\\') {
        advance();
        char e = peek();
        advance();
        switch (e) {
          case '"':
            out.push_back('"');
            break;
          case '\\':
            out.push_back('\\');
            break;
          case 'b':
            out.push_back('\b');
            break;
          case 't':
            out.push_back('\t');
            break;
          case 'n':
            out.push_back('\n');
            break;
          case 'f':
            out.push_back('\f');
            break;
          case 'r':
            out.push_back('\r');
            break;
          case 'u':
          case 'U': {
            size_t n = e == 'u' ? 4 : 8;
            if (pos_ + n > text_.size()) fail("truncated \\u escape");
            uint32_t cp = 0;
            auto hex = text_.substr(pos_, n);
            auto r = std::from_chars(hex.data(), hex.data() + n, cp, 16);
            if (r.ptr != hex.data() + n || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
              fail("invalid unicode escape \\" + std::string(1, e) + std::string(hex));
            }
            advance(n);
            appendUtf8(out, cp);
            break;
          }
          default:
            pos_ -= 2;
            fail(std::string("unknown escape \\") + e);
        }
        continue;
      }
      if (static_cast<unsigned char>(c) < 0x20 && c != '\t') fail("control character in a string");
      out.push_back(c);
      advance();
    }
  }

  std::string parseLiteralString() {
    expect('\'');
    size_t start = pos_;
    while (!atEnd() && peek() != '\'' && peek() != '\n') advance();
    if (peek() != '\'') fail("unterminated literal string");
    std::string out(text_.substr(start, pos_ - start));
    advance();
    return out;
  }

  TomlValue parseValue() {
    TomlValue v;
    v.line = line_;
    v.column = column();
    char c = peek();
    if (c == '"') {
      v.string = parseBasicString();
    } else if (c == '\'') {
      v.string = parseLiteralString();
    } else if (c == '[') {
      v.kind = TomlValue::Kind::Array;
      advance();
      while (true) {
        skipBlankAndComments();
        if (peek() == ']') {
          advance();
          break;
        }
        if (atEnd()) fail("unterminated array");
        v.items.push_back(parseValue());
        skipBlankAndComments();
        if (peek() == ',') {
          advance();
        } else if (peek() != ']') {
          fail("expected ',' or ']' in the array");
        }
      }
    } else if (text_.substr(pos_, 4) == "true" &&
               !isBare(pos_ + 4 < text_.size() ? text_[pos_ + 4] : ' ')) {
      v.kind = TomlValue::Kind::Boolean;
      v.boolean = true;
      advance(4);
    } else if (text_.substr(pos_, 5) == "false" &&
               !isBare(pos_ + 5 < text_.size() ? text_[pos_ + 5] : ' ')) {
      v.kind = TomlValue::Kind::Boolean;
      advance(5);
    } else if (c == '+' || c == '-' || (c >= '0' && c <= '9')) {
      size_t start = pos_;
      advance();
      bool isFloat = false;
      while (!atEnd()) {
        char d = peek();
        if (d >= '0' && d <= '9') {
        } else if (d == '.' || d == 'e' || d == 'E') {
          isFloat = true;
        } else if ((d == '+' || d == '-') && (text_[pos_ - 1] == 'e' || text_[pos_ - 1] == 'E')) {
        } else if (d == '_') {
        } else {
          break;
        }
        advance();
      }
      std::string num;
      for (char d : text_.substr(start, pos_ - start)) {
        if (d != '_') num.push_back(d);
      }
      if (num[0] == '+') num.erase(0, 1);
      const char* b = num.data();
      const char* e = num.data() + num.size();
      std::from_chars_result r;
      if (isFloat) {
        v.kind = TomlValue::Kind::Float;
        r = std::from_chars(b, e, v.number);
      } else {
        v.kind = TomlValue::Kind::Integer;
        r = std::from_chars(b, e, v.integer);
      }
      if (r.ptr != e || r.ec != std::errc()) fail(v.line, v.column, "invalid number '" + num + "'");
    } else if (atEnd() || c == '\n' || c == '\r') {
      fail("expected a value after '='");
    } else {
      fail(
          "expected a value (a \"string\", a number, true, false or an [array]); inline tables and "
          "bare words are not supported");
    }
    return v;
  }

  std::string_view text_;
  const std::string& file_;
  size_t pos_ = 0;
  size_t lineStart_ = 0;
  uint32_t line_ = 1;
};

}  // namespace

TomlDocument parseToml(std::string_view text, const std::string& file) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  return Parser(text, file).parse();
}

}  // namespace bdis::loaders
