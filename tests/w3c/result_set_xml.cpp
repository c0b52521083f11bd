// SPARQL Query Results XML Format reader (a small XML tokenizer: elements,
// attributes, text, entity and character references, comments, declarations).
#include <stdexcept>

#include "tests/w3c/result_set.h"

namespace bdis::w3c {
namespace {

void appendUtf8(std::string& out, uint32_t c) {
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

std::string unescape(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out += s[i];
      continue;
    }
    size_t semi = s.find(';', i);
    if (semi == std::string_view::npos) throw std::runtime_error("bad XML entity");
    std::string_view ent = s.substr(i + 1, semi - i - 1);
    if (ent == "lt") out += '<';
    else if (ent == "gt") out += '>';
    else if (ent == "amp") out += '&';
    else if (ent == "quot") out += '"';
    else if (ent == "apos") out += '\'';
    else if (!ent.empty() && ent[0] == '#') {
      uint32_t c = ent.size() > 1 && (ent[1] == 'x' || ent[1] == 'X')
                       ? static_cast<uint32_t>(std::stoul(std::string(ent.substr(2)), nullptr, 16))
                       : static_cast<uint32_t>(std::stoul(std::string(ent.substr(1))));
      appendUtf8(out, c);
    } else {
      throw std::runtime_error("unknown XML entity &" + std::string(ent) + ";");
    }
    i = semi;
  }
  return out;
}

struct Tag {
  std::string name;  // without prefix
  std::vector<std::pair<std::string, std::string>> attrs;
  bool closing = false;
  bool selfClosing = false;
  std::string attr(std::string_view n) const {
    for (const auto& [k, v] : attrs)
      if (k == n) return v;
    return {};
  }
  bool has(std::string_view n) const {
    for (const auto& [k, v] : attrs)
      if (k == n) return true;
    return false;
  }
};

class XmlReader {
 public:
  explicit XmlReader(const std::string& t) : t_(t) {}
  /// Next tag; text before it is stored in text(). False at the end.
  bool next(Tag& tag) {
    text_.clear();
    while (pos_ < t_.size()) {
      size_t lt = t_.find('<', pos_);
      if (lt == std::string::npos) {
        pos_ = t_.size();
        return false;
      }
      text_ += t_.substr(pos_, lt - pos_);
      if (t_.compare(lt, 4, "<!--") == 0) {
        pos_ = t_.find("-->", lt) + 3;
        continue;
      }
      if (t_.compare(lt, 2, "<?") == 0 || t_.compare(lt, 2, "<!") == 0) {
        pos_ = t_.find('>', lt) + 1;
        continue;
      }
      size_t gt = t_.find('>', lt);
      if (gt == std::string::npos) throw std::runtime_error("unterminated XML tag");
      parseTag(std::string_view(t_).substr(lt + 1, gt - lt - 1), tag);
      pos_ = gt + 1;
      return true;
    }
    return false;
  }
  std::string text() const { return unescape(text_); }

 private:
  static std::string local(std::string_view n) {
    size_t c = n.find(':');
    if (c != std::string_view::npos && n.substr(0, c) != "xml") return std::string(n.substr(c + 1));
    return std::string(n);
  }
  static void parseTag(std::string_view s, Tag& tag) {
    tag = Tag();
    if (!s.empty() && s[0] == '/') {
      tag.closing = true;
      s.remove_prefix(1);
    }
    if (!s.empty() && s.back() == '/') {
      tag.selfClosing = true;
      s.remove_suffix(1);
    }
    size_t i = 0;
    auto ws = [&] {
      while (i < s.size() && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r')) ++i;
    };
    size_t st = i;
    while (i < s.size() && s[i] != ' ' && s[i] != '\n' && s[i] != '\t' && s[i] != '\r') ++i;
    tag.name = local(s.substr(st, i - st));
    while (true) {
      ws();
      if (i >= s.size()) break;
      size_t eq = s.find('=', i);
      if (eq == std::string_view::npos) break;
      std::string key(s.substr(i, eq - i));
      while (!key.empty() && (key.back() == ' ' || key.back() == '\n')) key.pop_back();
      i = eq + 1;
      ws();
      char q = s[i];
      size_t end = s.find(q, i + 1);
      tag.attrs.emplace_back(key, unescape(s.substr(i + 1, end - i - 1)));
      i = end + 1;
    }
  }

  const std::string& t_;
  size_t pos_ = 0;
  std::string text_;
};

}  // namespace

ResultSet parseSrx(const std::string& text) {
  ResultSet rs;
  XmlReader r(text);
  Tag tag;
  std::vector<rdf::Term>* row = nullptr;
  int cell = -1;
  while (r.next(tag)) {
    if (tag.closing) {
      if (tag.name == "boolean") {
        std::string v = r.text();
        rs.boolean = v.find("true") != std::string::npos;
      } else if (tag.name == "uri") {
        (*row)[cell] = rdf::Term::iri(r.text());
      } else if (tag.name == "bnode") {
        (*row)[cell] = rdf::Term::blank(r.text());
      } else if (tag.name == "literal") {
        (*row)[cell].value = r.text();
      }
      continue;
    }
    if (tag.name == "variable") {
      rs.vars.push_back(tag.attr("name"));
    } else if (tag.name == "result") {
      rs.rows.emplace_back(rs.vars.size());
      row = &rs.rows.back();
    } else if (tag.name == "binding") {
      std::string name = tag.attr("name");
      cell = -1;
      for (size_t i = 0; i < rs.vars.size(); ++i)
        if (rs.vars[i] == name) cell = static_cast<int>(i);
      if (cell < 0) throw std::runtime_error("binding of an undeclared variable " + name);
    } else if (tag.name == "literal") {
      (*row)[cell] = rdf::Term::literal("", tag.attr("datatype"), tag.attr("xml:lang"));
    } else if (tag.name == "bnode" && tag.selfClosing) {
      (*row)[cell] = rdf::Term::blank("");
    }
  }
  rs.ordered = true;
  return rs;
}

}  // namespace bdis::w3c
