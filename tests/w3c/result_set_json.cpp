// SPARQL 1.1 Query Results JSON reader (a small JSON parser).
#include <map>
#include <memory>
#include <stdexcept>

#include "tests/w3c/result_set.h"

namespace bdis::w3c {
namespace {

struct Json {
  enum Kind { Null, Bool, Number, String, Array, Object } kind = Null;
  bool b = false;
  std::string s;  // String, and Number's text
  std::vector<Json> items;
  std::vector<std::pair<std::string, Json>> members;
  const Json* get(std::string_view k) const {
    for (const auto& [n, v] : members)
      if (n == k) return &v;
    return nullptr;
  }
};

class Parser {
 public:
  explicit Parser(const std::string& t) : t_(t) {}
  Json value() {
    ws();
    if (i_ >= t_.size()) fail();
    char c = t_[i_];
    Json j;
    if (c == '{') {
      j.kind = Json::Object;
      ++i_;
      ws();
      if (peek('}')) return ++i_, j;
      while (true) {
        ws();
        std::string k = string();
        ws();
        expect(':');
        j.members.emplace_back(std::move(k), value());
        ws();
        if (peek(',')) {
          ++i_;
          continue;
        }
        expect('}');
        return j;
      }
    }
    if (c == '[') {
      j.kind = Json::Array;
      ++i_;
      ws();
      if (peek(']')) return ++i_, j;
      while (true) {
        j.items.push_back(value());
        ws();
        if (peek(',')) {
          ++i_;
          continue;
        }
        expect(']');
        return j;
      }
    }
    if (c == '"') {
      j.kind = Json::String;
      j.s = string();
      return j;
    }
    if (t_.compare(i_, 4, "true") == 0) {
      i_ += 4;
      j.kind = Json::Bool;
      j.b = true;
      return j;
    }
    if (t_.compare(i_, 5, "false") == 0) {
      i_ += 5;
      j.kind = Json::Bool;
      return j;
    }
    if (t_.compare(i_, 4, "null") == 0) {
      i_ += 4;
      return j;
    }
    j.kind = Json::Number;
    while (i_ < t_.size() && std::string_view("+-0123456789.eE").find(t_[i_]) != std::string_view::npos)
      j.s += t_[i_++];
    if (j.s.empty()) fail();
    return j;
  }

 private:
  [[noreturn]] void fail() { throw std::runtime_error("malformed JSON at " + std::to_string(i_)); }
  void ws() {
    while (i_ < t_.size() && (t_[i_] == ' ' || t_[i_] == '\n' || t_[i_] == '\r' || t_[i_] == '\t')) ++i_;
  }
  bool peek(char c) const { return i_ < t_.size() && t_[i_] == c; }
  void expect(char c) {
    if (!peek(c)) fail();
    ++i_;
  }
  static void utf8(std::string& out, uint32_t c) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (c >> 18));
      out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  std::string string() {
    expect('"');
    std::string out;
    while (i_ < t_.size() && t_[i_] != '"') {
      char c = t_[i_++];
      if (c != '\\') {
        out += c;
        continue;
      }
      char e = t_[i_++];
      switch (e) {
        case 'n': out += '\n'; break;
        case 't': out += '\t'; break;
        case 'r': out += '\r'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'u': {
          uint32_t cp = static_cast<uint32_t>(std::stoul(t_.substr(i_, 4), nullptr, 16));
          i_ += 4;
          if (cp >= 0xD800 && cp < 0xDC00 && t_.compare(i_, 2, "\\u") == 0) {
            uint32_t lo = static_cast<uint32_t>(std::stoul(t_.substr(i_ + 2, 4), nullptr, 16));
            i_ += 6;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          }
          utf8(out, cp);
          break;
        }
        default: out += e;
      }
    }
    expect('"');
    return out;
  }
  const std::string& t_;
  size_t i_ = 0;
};

}  // namespace

ResultSet parseSrj(const std::string& text) {
  Json doc = Parser(text).value();
  ResultSet rs;
  if (const Json* head = doc.get("head"))
    if (const Json* vars = head->get("vars"))
      for (const auto& v : vars->items) rs.vars.push_back(v.s);
  if (const Json* b = doc.get("boolean")) {
    rs.boolean = b->b;
    return rs;
  }
  const Json* results = doc.get("results");
  const Json* bindings = results ? results->get("bindings") : nullptr;
  if (!bindings) throw std::runtime_error("JSON results without results.bindings");
  for (const auto& b : bindings->items) {
    std::vector<rdf::Term> row(rs.vars.size());
    for (const auto& [name, v] : b.members) {
      size_t idx = 0;
      while (idx < rs.vars.size() && rs.vars[idx] != name) ++idx;
      if (idx == rs.vars.size()) {
        rs.vars.push_back(name);
        for (auto& r : rs.rows) r.emplace_back();
        row.emplace_back();
      }
      const Json* type = v.get("type");
      const Json* value = v.get("value");
      std::string t = type ? type->s : "";
      std::string val = value ? value->s : "";
      if (t == "uri") {
        row[idx] = rdf::Term::iri(val);
      } else if (t == "bnode") {
        row[idx] = rdf::Term::blank(val);
      } else {
        const Json* dt = v.get("datatype");
        const Json* lang = v.get("xml:lang");
        row[idx] = rdf::Term::literal(val, dt ? dt->s : "", lang ? lang->s : "");
      }
    }
    rs.rows.push_back(std::move(row));
  }
  rs.ordered = true;
  return rs;
}

}  // namespace bdis::w3c
