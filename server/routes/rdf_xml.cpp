#include "server/routes/rdf_xml.h"

#include <cctype>
#include <map>
#include <stdexcept>

namespace bdis::server {

namespace {

const std::string kRdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

bool nameStart(unsigned char c) { return std::isalpha(c) || c == '_' || c >= 0x80; }
bool nameChar(unsigned char c) {
  return nameStart(c) || std::isdigit(c) || c == '-' || c == '.';
}

/// Escapes for XML text (quote = false) or a double-quoted attribute (quote = true).
std::string xmlEscape(const std::string& s, bool quote) {
  std::string out;
  out.reserve(s.size());
  for (unsigned char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += quote ? "&quot;" : "\""; break;
      case '\r': out += "&#13;"; break;
      case '\n': out += quote ? "&#10;" : "\n"; break;
      case '\t': out += quote ? "&#9;" : "\t"; break;
      default:
        if (c < 0x20) throw std::invalid_argument("RDF/XML cannot carry control character U+00" +
                                                  std::string(1, "0123456789ABCDEF"[c >> 4]) +
                                                  std::string(1, "0123456789ABCDEF"[c & 15]));
        out += static_cast<char>(c);
    }
  }
  return out;
}

/// A blank label usable as rdf:nodeID (an NCName): letters and digits kept, others hex.
std::string nodeId(const std::string& label) {
  std::string out = "b";
  for (unsigned char c : label) {
    if (std::isalnum(c)) {
      out += static_cast<char>(c);
    } else {
      out += '_';
      out += "0123456789abcdef"[c >> 4];
      out += "0123456789abcdef"[c & 15];
    }
  }
  return out;
}

/// Splits a predicate into (namespace, local name) with an NCName local part.
std::pair<std::string, std::string> split(const std::string& iri) {
  size_t cut = iri.size();
  while (cut > 0 && nameChar(static_cast<unsigned char>(iri[cut - 1]))) --cut;
  while (cut < iri.size() && !nameStart(static_cast<unsigned char>(iri[cut]))) ++cut;
  if (cut == 0 || cut >= iri.size())
    throw std::invalid_argument("RDF/XML cannot write the predicate <" + iri + ">");
  return {iri.substr(0, cut), iri.substr(cut)};
}

std::string subjectKey(const rdf::Term& t) { return (t.isBlank() ? "_:" : "<") + t.value; }

}  // namespace

void writeRdfXml(std::ostream& out, const std::vector<rdf::Quad>& quads,
                 const std::vector<std::pair<std::string, std::string>>& prefixes) {
  // Namespaces: the given prefixes, then generated ones for the other predicates.
  std::map<std::string, std::string> nsName;  // namespace -> prefix
  std::vector<std::pair<std::string, std::string>> declared;
  auto declare = [&](const std::string& name, const std::string& ns) {
    if (nsName.count(ns)) return;
    nsName[ns] = name;
    declared.emplace_back(name, ns);
  };
  declare("rdf", kRdf);
  for (const auto& [name, ns] : prefixes) {
    bool taken = false;
    for (const auto& d : declared) taken = taken || d.first == name;
    if (!taken) declare(name, ns);
  }
  std::vector<std::pair<std::string, std::string>> names;  // per quad: qualified name
  names.reserve(quads.size());
  int generated = 0;
  std::map<std::string, std::vector<size_t>> bySubject;
  std::vector<std::string> order;
  for (size_t i = 0; i < quads.size(); ++i) {
    auto [ns, local] = split(quads[i].p.value);
    if (!nsName.count(ns)) declare("ns" + std::to_string(++generated), ns);
    names.emplace_back(nsName[ns], local);
    auto key = subjectKey(quads[i].s);
    auto& list = bySubject[key];
    if (list.empty()) order.push_back(key);
    list.push_back(i);
  }

  out << "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rdf:RDF";
  for (const auto& [name, ns] : declared)
    out << "\n    xmlns:" << name << "=\"" << xmlEscape(ns, true) << '"';
  out << ">\n";
  for (const auto& key : order) {
    const auto& list = bySubject[key];
    const rdf::Term& s = quads[list.front()].s;
    out << "  <rdf:Description "
        << (s.isBlank() ? "rdf:nodeID=\"" + nodeId(s.value) : "rdf:about=\"" + xmlEscape(s.value, true))
        << "\">\n";
    for (size_t i : list) {
      const auto& o = quads[i].o;
      std::string element = names[i].first + ":" + names[i].second;
      out << "    <" << element;
      if (o.isIri()) {
        out << " rdf:resource=\"" << xmlEscape(o.value, true) << "\"/>\n";
      } else if (o.isBlank()) {
        out << " rdf:nodeID=\"" << nodeId(o.value) << "\"/>\n";
      } else {
        if (!o.lang.empty()) out << " xml:lang=\"" << xmlEscape(o.lang, true) << '"';
        else if (!o.datatype.empty()) out << " rdf:datatype=\"" << xmlEscape(o.datatype, true) << '"';
        out << '>' << xmlEscape(o.value, false) << "</" << element << ">\n";
      }
    }
    out << "  </rdf:Description>\n";
  }
  out << "</rdf:RDF>\n";
}

}  // namespace bdis::server
