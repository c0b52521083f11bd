#include "tests/w3c/rdfxml_reader.h"

#include <map>
#include <memory>
#include <stdexcept>

namespace bdis::w3c {
namespace {

constexpr std::string_view kRdfNs = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
constexpr std::string_view kXmlNs = "http://www.w3.org/XML/1998/namespace";

struct Element {
  std::string iri;  // namespace + local name
  std::vector<std::pair<std::string, std::string>> attrs;  // expanded name -> value
  std::vector<std::unique_ptr<Element>> children;
  std::string text;
  const std::string* attr(std::string_view name) const {
    for (const auto& [k, v] : attrs)
      if (k == name) return &v;
    return nullptr;
  }
};

std::string unescape(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out += s[i];
      continue;
    }
    size_t semi = s.find(';', i);
    std::string_view e = s.substr(i + 1, semi - i - 1);
    if (e == "lt") out += '<';
    else if (e == "gt") out += '>';
    else if (e == "amp") out += '&';
    else if (e == "quot") out += '"';
    else if (e == "apos") out += '\'';
    else throw std::runtime_error("RDF/XML: unsupported entity");
    i = semi;
  }
  return out;
}

class Parser {
 public:
  explicit Parser(const std::string& t) : t_(t) {}

  std::unique_ptr<Element> document() {
    std::map<std::string, std::string> ns{{"xml", std::string(kXmlNs)}};
    while (true) {
      size_t lt = t_.find('<', pos_);
      if (lt == std::string::npos) throw std::runtime_error("RDF/XML: no root element");
      pos_ = lt;
      if (t_.compare(lt, 2, "<?") == 0 || t_.compare(lt, 2, "<!") == 0) {
        pos_ = t_.find('>', lt) + 1;
        continue;
      }
      return element(ns);
    }
  }

 private:
  std::string expand(const std::string& qname, const std::map<std::string, std::string>& ns,
                     bool isAttr) const {
    size_t c = qname.find(':');
    if (c == std::string::npos) {
      if (isAttr) return qname;
      auto it = ns.find("");
      return (it == ns.end() ? std::string() : it->second) + qname;
    }
    auto it = ns.find(qname.substr(0, c));
    if (it == ns.end()) throw std::runtime_error("RDF/XML: unknown prefix in " + qname);
    return it->second + qname.substr(c + 1);
  }

  std::unique_ptr<Element> element(std::map<std::string, std::string> ns) {
    size_t gt = t_.find('>', pos_);
    std::string tag = t_.substr(pos_ + 1, gt - pos_ - 1);
    pos_ = gt + 1;
    bool empty = !tag.empty() && tag.back() == '/';
    if (empty) tag.pop_back();
    size_t i = 0;
    auto ws = [&] {
      while (i < tag.size() && std::isspace(static_cast<unsigned char>(tag[i]))) ++i;
    };
    size_t st = i;
    while (i < tag.size() && !std::isspace(static_cast<unsigned char>(tag[i]))) ++i;
    std::string name = tag.substr(st, i - st);
    std::vector<std::pair<std::string, std::string>> raw;
    while (true) {
      ws();
      if (i >= tag.size()) break;
      size_t eq = tag.find('=', i);
      std::string key = tag.substr(i, eq - i);
      while (!key.empty() && std::isspace(static_cast<unsigned char>(key.back()))) key.pop_back();
      i = eq + 1;
      ws();
      char q = tag[i];
      size_t end = tag.find(q, i + 1);
      std::string value = unescape(std::string_view(tag).substr(i + 1, end - i - 1));
      i = end + 1;
      if (key == "xmlns") ns[""] = value;
      else if (key.rfind("xmlns:", 0) == 0) ns[key.substr(6)] = value;
      else raw.emplace_back(key, value);
    }
    auto el = std::make_unique<Element>();
    el->iri = expand(name, ns, false);
    for (auto& [k, v] : raw) el->attrs.emplace_back(expand(k, ns, true), v);
    if (empty) return el;
    while (true) {
      size_t lt = t_.find('<', pos_);
      if (lt == std::string::npos) throw std::runtime_error("RDF/XML: unterminated element");
      el->text += unescape(std::string_view(t_).substr(pos_, lt - pos_));
      pos_ = lt;
      if (t_.compare(lt, 4, "<!--") == 0) {
        pos_ = t_.find("-->", lt) + 3;
        continue;
      }
      if (t_.compare(lt, 2, "</") == 0) {
        pos_ = t_.find('>', lt) + 1;
        return el;
      }
      el->children.push_back(element(ns));
    }
  }

  const std::string& t_;
  size_t pos_ = 0;
};

class Builder {
 public:
  explicit Builder(std::string base) : base_(std::move(base)) {}
  std::vector<rdf::Quad> quads;

  void nodes(const Element& root) {
    for (const auto& c : root.children) node(*c);
  }

  rdf::Term node(const Element& e) {
    std::string rdf(kRdfNs);
    rdf::Term subject;
    if (const auto* about = e.attr(rdf + "about")) subject = rdf::Term::iri(resolve(*about));
    else if (const auto* id = e.attr(rdf + "nodeID")) subject = rdf::Term::blank("x" + *id);
    else subject = fresh();
    if (e.iri != rdf + "Description")
      add(subject, rdf::Term::iri(rdf + "type"), rdf::Term::iri(e.iri));
    for (const auto& [k, v] : e.attrs) {
      if (k.rfind(rdf, 0) == 0 || k.rfind(std::string(kXmlNs), 0) == 0) continue;
      add(subject, rdf::Term::iri(k), rdf::Term::literal(v, "", lang(e)));
    }
    properties(subject, e);
    return subject;
  }

 private:
  std::string lang(const Element& e) const {
    const auto* l = e.attr(std::string(kXmlNs) + "lang");
    return l ? *l : std::string();
  }
  void properties(const rdf::Term& subject, const Element& e) {
    std::string rdf(kRdfNs);
    for (const auto& c : e.children) {
      const Element& p = *c;
      rdf::Term pred = rdf::Term::iri(p.iri);
      const auto* parseType = p.attr(rdf + "parseType");
      if (parseType && *parseType == "Resource") {
        rdf::Term b = fresh();
        add(subject, pred, b);
        properties(b, p);
      } else if (const auto* res = p.attr(rdf + "resource")) {
        add(subject, pred, rdf::Term::iri(resolve(*res)));
      } else if (const auto* id = p.attr(rdf + "nodeID")) {
        add(subject, pred, rdf::Term::blank("x" + *id));
      } else if (!p.children.empty()) {
        add(subject, pred, node(*p.children[0]));
      } else {
        const auto* dt = p.attr(rdf + "datatype");
        add(subject, pred, rdf::Term::literal(p.text, dt ? *dt : "", lang(p)));
      }
    }
  }
  std::string resolve(const std::string& ref) const {
    if (ref.find(':') != std::string::npos) return ref;
    std::string base = base_.substr(0, base_.find('#'));
    if (ref.empty()) return base;
    if (ref[0] == '#') return base + ref;
    return base.substr(0, base.rfind('/') + 1) + ref;
  }
  rdf::Term fresh() { return rdf::Term::blank("g" + std::to_string(counter_++)); }
  void add(const rdf::Term& s, const rdf::Term& p, const rdf::Term& o) {
    quads.push_back(rdf::Quad{s, p, o, {}});
  }

  std::string base_;
  int counter_ = 0;
};

}  // namespace

std::vector<rdf::Quad> readRdfXml(const std::string& text, const std::string& baseIri) {
  auto root = Parser(text).document();
  Builder b(baseIri);
  if (root->iri == std::string(kRdfNs) + "RDF") {
    b.nodes(*root);
  } else {
    b.node(*root);
  }
  return b.quads;
}

}  // namespace bdis::w3c
