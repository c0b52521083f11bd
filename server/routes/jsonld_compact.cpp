#include "server/routes/jsonld_compact.h"

#include <map>
#include <nlohmann/json.hpp>
#include <utility>
#include <vector>

#include "rdf/prefixes.h"
#include "rdf/term.h"

namespace bdis::server {
namespace {

constexpr std::string_view kRdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

using Json = nlohmann::ordered_json;

/// The prefixes of the context: the well-known ones and the vocabulary's schemes.
const std::vector<std::pair<std::string, std::string>>& prefixes() {
  static const std::vector<std::pair<std::string, std::string>> all = [] {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& [name, ns] : rdf::wellKnownPrefixes()) out.emplace_back(name, ns);
    for (const auto& [name, ns] : std::vector<std::pair<std::string, std::string>>{
             {"cj", "https://w3id.org/bdis/ess/cj/"},
             {"naf", "https://w3id.org/bdis/ess/naf/"},
             {"fam", "https://w3id.org/bdis/ess/family/"},
             {"kind", "https://w3id.org/bdis/ess/kind/"},
             {"lbl", "https://w3id.org/bdis/ess/label/"}}) {
      bool known = false;
      for (const auto& p : out) known = known || p.first == name;
      if (!known) out.emplace_back(name, ns);
    }
    return out;
  }();
  return all;
}

/// `iri` as "prefix:local" with the longest namespace it starts with, else whole. A local
/// part starting with "//" would read as a full IRI, so it stays whole then.
std::string compact(const std::string& iri) {
  const std::pair<std::string, std::string>* best = nullptr;
  for (const auto& p : prefixes())
    if (iri.size() > p.second.size() && iri.compare(0, p.second.size(), p.second) == 0 &&
        (!best || p.second.size() > best->second.size()))
      best = &p;
  if (!best || iri.compare(best->second.size(), 2, "//") == 0) return iri;
  return best->first + ":" + iri.substr(best->second.size());
}

std::string nodeId(const rdf::Term& t) {
  return t.kind == rdf::TermKind::Blank ? "_:" + t.value : compact(t.value);
}

Json valueOf(const rdf::Term& o) {
  if (o.kind != rdf::TermKind::Literal) return Json{{"@id", nodeId(o)}};
  Json v{{"@value", o.value}};
  if (!o.lang.empty()) {
    v["@language"] = o.lang;
  } else if (!o.datatype.empty() && o.datatype != rdf::kXsdString) {
    v["@type"] = compact(o.datatype);
  }
  return v;
}

}  // namespace

std::string compactJsonLd(const ResourceDescription& d) {
  Json context = Json::object();
  for (const auto& [name, ns] : prefixes()) context[name] = ns;
  std::vector<Json> nodes;
  std::map<std::string, size_t> at;  // subject -> its node
  auto add = [&](const DescribedTriple& t) {
    const std::string id = nodeId(t.s);
    auto [it, fresh] = at.emplace(id, nodes.size());
    if (fresh) nodes.push_back(Json{{"@id", id}});
    Json& node = nodes[it->second];
    if (t.p.value == kRdfType && t.o.kind != rdf::TermKind::Literal) {
      node["@type"].push_back(nodeId(t.o));
    } else {
      node[compact(t.p.value)].push_back(valueOf(t.o));
    }
  };
  for (const auto& t : d.outbound) add(t);
  for (const auto& t : d.inbound) add(t);
  Json doc{{"@context", std::move(context)}, {"@graph", Json::array()}};
  for (auto& n : nodes) doc["@graph"].push_back(std::move(n));
  return doc.dump(2) + "\n";
}

}  // namespace bdis::server
