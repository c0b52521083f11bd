#include "server/routes/jsonld_compact.h"

#include <map>
#include <nlohmann/json.hpp>
#include <utility>
#include <vector>

#include "rdf/prefixes.h"
#include "rdf/term.h"
#include "server/routes/vocabulary.h"

namespace bdis::server {
namespace {

constexpr std::string_view kRdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

using Json = nlohmann::ordered_json;

/// The prefixes of the context: the well-known ones, the vocabulary's schemes and `extra`.
Prefixes prefixesWith(const Prefixes& extra) {
  Prefixes out;
  auto add = [&](const std::string& name, const std::string& ns) {
    for (const auto& p : out)
      if (p.first == name) return;
    out.emplace_back(name, ns);
  };
  for (const auto& [name, ns] : rdf::wellKnownPrefixes()) add(std::string(name), std::string(ns));
  for (const auto& [name, ns] : vocabularySchemePrefixes()) add(name, ns);
  for (const auto& [name, ns] : extra) add(name, ns);
  return out;
}

/// Writes triples as one compacted document.
class Compactor {
 public:
  explicit Compactor(Prefixes prefixes) : prefixes_(std::move(prefixes)) {}

  void add(const rdf::Term& s, const rdf::Term& p, const rdf::Term& o) {
    const std::string id = nodeId(s);
    auto [it, fresh] = at_.emplace(id, nodes_.size());
    if (fresh) nodes_.push_back(Json{{"@id", id}});
    Json& node = nodes_[it->second];
    if (p.value == kRdfType && o.kind != rdf::TermKind::Literal) {
      node["@type"].push_back(nodeId(o));
    } else {
      node[compact(p.value)].push_back(valueOf(o));
    }
  }

  std::string document() {
    Json context = Json::object();
    for (const auto& [name, ns] : prefixes_) context[name] = ns;
    Json doc{{"@context", std::move(context)}, {"@graph", Json::array()}};
    for (auto& n : nodes_) doc["@graph"].push_back(std::move(n));
    return doc.dump(2) + "\n";
  }

 private:
  /// `iri` as "prefix:local" with the longest namespace it starts with, else whole. A
  /// local part starting with "//" would read as a full IRI, so it stays whole then.
  std::string compact(const std::string& iri) const {
    const std::pair<std::string, std::string>* best = nullptr;
    for (const auto& p : prefixes_)
      if (iri.size() > p.second.size() && iri.compare(0, p.second.size(), p.second) == 0 &&
          (!best || p.second.size() > best->second.size()))
        best = &p;
    if (!best || iri.compare(best->second.size(), 2, "//") == 0) return iri;
    return best->first + ":" + iri.substr(best->second.size());
  }
  std::string nodeId(const rdf::Term& t) const {
    return t.kind == rdf::TermKind::Blank ? "_:" + t.value : compact(t.value);
  }
  Json valueOf(const rdf::Term& o) const {
    if (o.kind != rdf::TermKind::Literal) return Json{{"@id", nodeId(o)}};
    Json v{{"@value", o.value}};
    if (!o.lang.empty()) {
      v["@language"] = o.lang;
    } else if (!o.datatype.empty() && o.datatype != rdf::kXsdString) {
      v["@type"] = compact(o.datatype);
    }
    return v;
  }

  Prefixes prefixes_;
  std::vector<Json> nodes_;
  std::map<std::string, size_t> at_;  ///< subject -> its node
};

}  // namespace

std::string compactJsonLd(const ResourceDescription& d) {
  Compactor c(prefixesWith({}));
  for (const auto& t : d.outbound) c.add(t.s, t.p, t.o);
  for (const auto& t : d.inbound) c.add(t.s, t.p, t.o);
  return c.document();
}

std::string compactJsonLd(const std::vector<rdf::Quad>& quads, const Prefixes& extra) {
  Compactor c(prefixesWith(extra));
  for (const auto& q : quads) c.add(q.s, q.p, q.o);
  return c.document();
}

}  // namespace bdis::server
