#include "server/routes/catalog_graph.h"

#include <algorithm>
#include <map>
#include <set>

#include "rdf/prefixes.h"
#include "server/routes/id_space.h"
#include "server/routes/labels.h"
#include "server/routes/store_summary.h"

namespace bdis::server {

namespace {

const std::string kRdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
const std::string kXsd = "http://www.w3.org/2001/XMLSchema#";
const std::string kDct = "http://purl.org/dc/terms/";
const std::string kDcat = "http://www.w3.org/ns/dcat#";
const std::string kVoid = "http://rdfs.org/ns/void#";
const std::string kFoaf = "http://xmlns.com/foaf/0.1/";
const std::string kSpdx = "http://spdx.org/rdf/terms#";
const std::string kVcard = "http://www.w3.org/2006/vcard/ns#";
const std::string kEss = "https://w3id.org/bdis/ess#";
const std::string kEuCountry = "http://publications.europa.eu/resource/authority/country/FRA";
const std::string kEuLanguage = "http://publications.europa.eu/resource/authority/language/FRA";

/// What one source graph says about itself.
struct Source {
  std::string iri;
  std::string title, license, publisher, retrievedAt, origin, format;
  uint64_t quads = 0;
};

class Builder {
 public:
  std::vector<rdf::Quad> quads;

  void add(const rdf::Term& s, const std::string& p, rdf::Term o) {
    quads.push_back(rdf::Quad{s, rdf::Term::iri(p), std::move(o), {}});
  }
  void iri(const rdf::Term& s, const std::string& p, const std::string& o) {
    add(s, p, rdf::Term::iri(o));
  }
  void text(const rdf::Term& s, const std::string& p, const std::string& o,
            const std::string& lang = {}) {
    add(s, p, rdf::Term::literal(o, {}, lang));
  }
  void typed(const rdf::Term& s, const std::string& p, const std::string& o,
             const std::string& type) {
    add(s, p, rdf::Term::literal(o, kXsd + type));
  }
  void count(const rdf::Term& s, const std::string& p, uint64_t n) {
    typed(s, p, std::to_string(n), "integer");
  }
};

/// The first literal (or IRI) value of `p` on `s`, in any graph; empty when none.
std::string valueOf(const rdf::ReadTxn& txn, rdf::TermId s, const std::string& p) {
  auto pid = txn.lookup(rdf::Term::iri(p).view());
  if (!pid) return {};
  auto cursor = txn.scan(rdf::QuadPattern{s, *pid, rdf::kAny, rdf::kAny});
  rdf::QuadIds q;
  return cursor.next(q) ? txn.decode(q.o).value : std::string();
}

std::vector<Source> sources(const rdf::ReadTxn& txn, const StoreSummary& summary) {
  std::vector<Source> out;
  auto type = txn.lookup(rdf::Term::iri(kRdf + "type").view());
  auto source = txn.lookup(rdf::Term::iri(kEss + "Source").view());
  if (!type || !source) return out;
  for (const auto& [g, n] : summary.graphs) {
    auto id = txn.lookup(rdf::Term::iri(g).view());
    if (!id || txn.count(rdf::QuadPattern{*id, *type, *source, rdf::kAny}) == 0) continue;
    Source s;
    s.iri = g;
    s.quads = n;
    s.title = valueOf(txn, *id, kDct + "title");
    s.license = valueOf(txn, *id, kDct + "license");
    s.publisher = valueOf(txn, *id, kDct + "publisher");
    s.retrievedAt = valueOf(txn, *id, kEss + "retrievedAt");
    s.origin = valueOf(txn, *id, kDct + "source");
    s.format = valueOf(txn, *id, kDct + "format");
    out.push_back(std::move(s));
  }
  return out;
}

std::string withSlash(std::string base) {
  if (base.empty() || base.back() != '/') base += '/';
  return base;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> catalogPrefixes() {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [name, ns] : rdf::wellKnownPrefixes()) out.emplace_back(name, ns);
  out.emplace_back("dcat", kDcat);
  out.emplace_back("void", kVoid);
  out.emplace_back("foaf", kFoaf);
  out.emplace_back("spdx", kSpdx);
  out.emplace_back("vcard", kVcard);
  return out;
}

std::vector<rdf::Quad> catalogGraph(const ServerConfig& config, const rdf::ReadTxn& txn,
                                    const std::vector<CatalogDistribution>& dumps) {
  auto summary = storeSummary(txn);
  auto srcs = sources(txn, *summary);
  Labels labels(txn);
  const std::string base = withSlash(config.publicBase);
  const auto catalog = rdf::Term::iri(base + "catalog");
  const auto dataset = rdf::Term::iri(base + "catalog#dataset");
  const auto publisher = rdf::Term::iri(config.publisherIri.empty() ? base + "catalog#publisher"
                                                                    : config.publisherIri);
  const auto contact = rdf::Term::iri(base + "catalog#contact");
  const auto service = rdf::Term::iri(base + "sparql");
  const auto endpointDistribution = rdf::Term::iri(base + "catalog#sparql");
  Builder b;

  std::string first, last;  // retrievedAt range
  std::set<std::string> licenses;
  for (const auto& s : srcs) {
    if (!s.retrievedAt.empty()) {
      if (first.empty() || s.retrievedAt < first) first = s.retrievedAt;
      if (last.empty() || s.retrievedAt > last) last = s.retrievedAt;
    }
    licenses.insert(s.license);
  }

  // The catalog.
  b.iri(catalog, kRdf + "type", kDcat + "Catalog");
  b.text(catalog, kDct + "title", "bdis — initiatives de l'économie sociale et solidaire", "fr");
  b.text(catalog, kDct + "title", "bdis — social and solidarity economy initiatives", "en");
  b.text(catalog, kDct + "description",
         "Catalogue des données publiées par ce serveur bdis : le jeu de données des initiatives "
         "de l'ESS, ses téléchargements et son point d'accès SPARQL.",
         "fr");
  b.iri(catalog, kDct + "publisher", publisher.value);
  b.iri(catalog, kFoaf + "homepage", base);
  b.iri(catalog, kDct + "language", kEuLanguage);
  b.iri(catalog, kDcat + "dataset", dataset.value);
  b.iri(catalog, kDcat + "service", service.value);
  if (!last.empty()) b.typed(catalog, kDct + "modified", last, "dateTime");

  b.iri(publisher, kRdf + "type", kFoaf + "Agent");
  b.text(publisher, kFoaf + "name", config.publisherName.empty() ? "bdis" : config.publisherName);
  if (!config.contactEmail.empty()) {
    for (const auto& subject : {catalog, dataset}) b.iri(subject, kDcat + "contactPoint", contact.value);
    b.iri(contact, kRdf + "type", kVcard + "Kind");
    b.text(contact, kVcard + "fn", config.publisherName.empty() ? "bdis" : config.publisherName);
    b.iri(contact, kVcard + "hasEmail", "mailto:" + config.contactEmail);
  }

  // The dataset, DCAT-AP then VoID.
  b.iri(dataset, kRdf + "type", kDcat + "Dataset");
  b.iri(dataset, kRdf + "type", kVoid + "Dataset");
  b.text(dataset, kDct + "title", "Initiatives de l'économie sociale et solidaire", "fr");
  b.text(dataset, kDct + "title", "Social and solidarity economy initiatives", "en");
  b.text(dataset, kDct + "description",
         "Les initiatives de l'ESS (associations, coopératives, mutuelles, fondations, AMAP, "
         "ressourceries…) rassemblées depuis " + std::to_string(srcs.size()) +
             " source(s) de réseaux, en RDF (ontologie ess: alignée sur ESSGlobal, schema.org, "
             "ORG) : " + std::to_string(summary->quads) + " triplets.",
         "fr");
  b.iri(dataset, kDct + "publisher", publisher.value);
  for (const char* k : {"économie sociale et solidaire", "ESS", "initiatives", "associations",
                        "coopératives", "données ouvertes"})
    b.text(dataset, kDcat + "keyword", k, "fr");
  b.iri(dataset, kDct + "spatial", kEuCountry);
  b.iri(dataset, kDct + "language", kEuLanguage);
  if (!first.empty()) {
    auto period = rdf::Term::blank("period");
    b.add(dataset, kDct + "temporal", period);
    b.iri(period, kRdf + "type", kDct + "PeriodOfTime");
    b.typed(period, kDcat + "startDate", first, "dateTime");
    b.typed(period, kDcat + "endDate", last, "dateTime");
    b.typed(dataset, kDct + "modified", last, "dateTime");
  }
  if (licenses.size() == 1 && !licenses.begin()->empty())
    b.iri(dataset, kDct + "license", *licenses.begin());
  b.iri(dataset, kDcat + "distribution", endpointDistribution.value);
  for (const auto& d : dumps) b.iri(dataset, kDcat + "distribution", d.url);
  b.count(dataset, kVoid + "triples", summary->quads);
  b.count(dataset, kVoid + "distinctSubjects", summary->distinctSubjects);
  b.count(dataset, kVoid + "distinctObjects", summary->distinctObjects);
  b.count(dataset, kVoid + "properties", summary->properties.size());
  b.count(dataset, kVoid + "classes", summary->classes.size());
  b.iri(dataset, kVoid + "sparqlEndpoint", service.value);
  b.text(dataset, kVoid + "uriSpace",
         config.idBase.empty() ? std::string(kDefaultIdBase) : config.idBase);
  b.iri(dataset, kVoid + "vocabulary", kEss);
  for (const auto& d : dumps) b.iri(dataset, kVoid + "dataDump", d.url);
  for (const auto& s : srcs) b.iri(dataset, kDct + "hasPart", s.iri);
  for (const auto& [g, n] : summary->graphs) b.iri(dataset, kVoid + "subset", g);
  size_t i = 0;
  for (const auto& [cls, counts] : summary->classes) {
    auto part = rdf::Term::blank("class" + std::to_string(i++));
    b.add(dataset, kVoid + "classPartition", part);
    b.iri(part, kVoid + "class", cls);
    b.count(part, kVoid + "triples", counts.first);
    b.count(part, kVoid + "entities", counts.second);
  }
  i = 0;
  for (const auto& [property, n] : summary->properties) {
    auto part = rdf::Term::blank("property" + std::to_string(i++));
    b.add(dataset, kVoid + "propertyPartition", part);
    b.iri(part, kVoid + "property", property);
    b.count(part, kVoid + "triples", n);
  }

  // The ESS sources, each a dataset of its own and a VoID subset (its named graph).
  for (const auto& s : srcs) {
    auto src = rdf::Term::iri(s.iri);
    b.iri(src, kRdf + "type", kDcat + "Dataset");
    b.iri(src, kRdf + "type", kVoid + "Dataset");
    if (!s.title.empty()) b.text(src, kDct + "title", s.title);
    if (!s.license.empty()) b.iri(src, kDct + "license", s.license);
    if (!s.publisher.empty()) {
      b.iri(src, kDct + "publisher", s.publisher);
      auto name = labels.of(s.publisher);
      b.iri(rdf::Term::iri(s.publisher), kRdf + "type", kFoaf + "Agent");
      if (!name.empty()) b.text(rdf::Term::iri(s.publisher), kFoaf + "name", name);
    }
    if (!s.retrievedAt.empty()) b.typed(src, kDct + "modified", s.retrievedAt, "dateTime");
    if (!s.origin.empty()) b.iri(src, kDct + "source", s.origin);
    b.iri(src, kDct + "isPartOf", dataset.value);
    b.count(src, kVoid + "triples", s.quads);
    b.iri(src, kVoid + "sparqlEndpoint", service.value);
    if (auto page = idUrlFor(config, s.iri); !page.empty()) b.iri(src, kDcat + "landingPage", page);
  }

  // The other named graphs (ontology, territories…): VoID subsets with their size.
  for (const auto& [g, n] : summary->graphs) {
    if (std::any_of(srcs.begin(), srcs.end(), [&](const Source& s) { return s.iri == g; })) continue;
    auto graph = rdf::Term::iri(g);
    b.iri(graph, kRdf + "type", kVoid + "Dataset");
    b.count(graph, kVoid + "triples", n);
  }

  // Distributions: the endpoint, then each dump.
  b.iri(endpointDistribution, kRdf + "type", kDcat + "Distribution");
  b.text(endpointDistribution, kDct + "title", "Point d'accès SPARQL 1.1", "fr");
  b.iri(endpointDistribution, kDcat + "accessURL", service.value);
  b.iri(endpointDistribution, kDcat + "accessService", service.value);
  if (licenses.size() == 1 && !licenses.begin()->empty())
    b.iri(endpointDistribution, kDct + "license", *licenses.begin());
  for (const auto& d : dumps) {
    auto dist = rdf::Term::iri(d.url);
    b.iri(dist, kRdf + "type", kDcat + "Distribution");
    b.text(dist, kDct + "title", d.title, "fr");
    b.iri(dist, kDcat + "accessURL", withSlash(config.publicBase) + "dumps/");
    b.iri(dist, kDcat + "downloadURL", d.url);
    b.iri(dist, kDcat + "mediaType",
          "http://www.iana.org/assignments/media-types/" + d.mediaType);
    if (!d.compressFormat.empty())
      b.iri(dist, kDcat + "compressFormat",
            "http://www.iana.org/assignments/media-types/" + d.compressFormat);
    b.count(dist, kDcat + "byteSize", d.bytes);
    if (!d.modified.empty()) b.typed(dist, kDct + "modified", d.modified, "dateTime");
    if (licenses.size() == 1 && !licenses.begin()->empty())
      b.iri(dist, kDct + "license", *licenses.begin());
    if (!d.sha256.empty()) {
      auto sum = rdf::Term::blank("checksum" + std::to_string(&d - dumps.data()));
      b.add(dist, kSpdx + "checksum", sum);
      b.iri(sum, kRdf + "type", kSpdx + "Checksum");
      b.iri(sum, kSpdx + "algorithm", kSpdx + "checksumAlgorithm_sha256");
      b.typed(sum, kSpdx + "checksumValue", d.sha256, "hexBinary");
    }
  }

  // The data service.
  b.iri(service, kRdf + "type", kDcat + "DataService");
  b.text(service, kDct + "title", "Point d'accès SPARQL 1.1 de bdis", "fr");
  b.iri(service, kDcat + "endpointURL", service.value);
  b.iri(service, kDcat + "endpointDescription", service.value);
  b.iri(service, kDcat + "servesDataset", dataset.value);
  b.iri(service, kDct + "conformsTo", "https://www.w3.org/TR/sparql11-protocol/");
  b.iri(service, kDct + "publisher", publisher.value);
  return std::move(b.quads);
}

}  // namespace bdis::server
