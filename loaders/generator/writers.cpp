#include "loaders/generator/writers.h"

#include <charconv>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "loaders/generator/mapping_files.h"
#include "loaders/generator/names.h"

namespace bdis::gen {

// One listing of an organisation by a network (the network's own copy of the facts).
struct Listing {
  const Organisation* org;
  std::string id;
  std::string name;
  std::string siret;
  std::string legalCategory;
  std::string lat, lon;
  std::string memberSince;
  bool bad = false;
};

// A network export being written, one record at a time.
class Export {
 public:
  virtual ~Export() = default;
  virtual void row(const Listing& l) = 0;
  virtual void close() {}
};

namespace {

using ojson = nlohmann::ordered_json;

enum Net { kAnnuaire, kCooperatives, kReemploi, kAmap, kNetCount };
const char* const kNetIds[] = {"annuaire-ess", "cooperatives", "reemploi", "reseau-amap"};
const char* const kIdPrefix[] = {"AE", "CO", "RE", "AM"};

Net primaryNetwork(const std::string& kind) {
  if (kind == "amap" || kind == "magasin-producteurs" || kind == "jardin-partage" ||
      kind == "commerce-equitable")
    return kAmap;
  if (kind == "ressourcerie" || kind == "recyclerie" || kind == "atelier-velo" ||
      kind == "repair-cafe")
    return kReemploi;
  if (kind == "scop-batiment" || kind == "cooperative-habitants" || kind == "cae" ||
      kind == "energie-citoyenne" || kind == "mutuelle-sante")
    return kCooperatives;
  return kAnnuaire;
}

// Upper-cases ASCII letters and the accented lower-case letters of French.
std::string upperFrench(const std::string& s) {
  static const std::pair<const char*, const char*> kMap[] = {
      {"é", "É"}, {"è", "È"}, {"ê", "Ê"}, {"ë", "Ë"}, {"à", "À"}, {"â", "Â"}, {"ç", "Ç"},
      {"î", "Î"}, {"ï", "Ï"}, {"ô", "Ô"}, {"û", "Û"}, {"ù", "Ù"}, {"œ", "Œ"}};
  std::string out;
  for (size_t i = 0; i < s.size();) {
    bool done = false;
    for (const auto& [lo, up] : kMap) {
      size_t n = std::char_traits<char>::length(lo);
      if (s.compare(i, n, lo) == 0) {
        out += up;
        i += n;
        done = true;
        break;
      }
    }
    if (done) continue;
    char c = s[i++];
    out.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
  }
  return out;
}

std::string memberDate(const Organisation& o, Random& r) {
  int founded = std::stoi(o.foundingDate.substr(0, 4));
  int year = std::max(founded, 2005) +
             static_cast<int>(r.below(static_cast<uint64_t>(2026 - std::max(founded, 2005))));
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-01", year, 1 + static_cast<int>(r.below(12)));
  return buf;
}

// Gives one record a defect a loader must reject.
void spoil(Listing& l, Random& r) {
  l.bad = true;
  switch (r.below(4)) {
    case 0:
      if (!l.siret.empty()) {
        l.siret[13] = static_cast<char>('0' + (l.siret[13] - '0' + 1) % 10);
        return;
      }
      [[fallthrough]];
    case 1:
      l.lat = r.chance(0.5) ? "95.2" : "quarante-cinq";
      return;
    case 2:
      l.legalCategory = "9999";
      return;
    default:
      l.name.clear();
      return;
  }
}

class CsvOut {
 public:
  CsvOut(const std::string& path, char delimiter) : out_(path, std::ios::binary), d_(delimiter) {
    if (!out_) throw std::runtime_error("cannot write " + path);
  }
  CsvOut& cell(const std::string& v) {
    if (!first_) out_ << d_;
    first_ = false;
    if (v.find_first_of(std::string("\"\n\r") + d_) != std::string::npos) {
      out_ << '"';
      for (char c : v) {
        if (c == '"') out_ << '"';
        out_ << c;
      }
      out_ << '"';
    } else {
      out_ << v;
    }
    return *this;
  }
  void end() {
    out_ << "\n";
    first_ = true;
  }
  /// Writes the header row: one cell per name.
  void header(std::initializer_list<const char*> names) {
    for (const char* h : names) cell(h);
    end();
  }

 private:
  std::ofstream out_;
  char d_;
  bool first_ = true;
};

std::string join(const std::vector<std::string>& v, const std::string& sep) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) out += (i ? sep : "") + v[i];
  return out;
}

// A JSON number from the lexical form, or the text itself when it is not one (a spoiled record).
ojson coordinate(const std::string& s) {
  double d;
  auto r = std::from_chars(s.data(), s.data() + s.size(), d);
  if (r.ec == std::errc() && r.ptr == s.data() + s.size()) return d;
  return s;
}

void writeFile(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  if (!out) throw std::runtime_error("cannot write " + path);
  out << text;
}

const std::string& kindLabel(const std::string& kind) {
  for (const auto& k : kindProfiles()) {
    if (k.kind == kind) return k.label;
  }
  return kind;
}

// --- the four exports ---

std::ofstream open(const std::string& path) {
  std::ofstream out(path, std::ios::binary);
  if (!out) throw std::runtime_error("cannot write " + path);
  return out;
}

/// The run of cells both CSV exports share, in this order: description, street, postcode,
/// commune name and code, latitude, longitude, e-mail, telephone, web site, founding date.
void descriptionToFoundingDate(CsvOut& csv, const Listing& l) {
  const Organisation& g = *l.org;
  csv.cell(g.description).cell(g.street).cell(g.postcode).cell(g.communeName).cell(g.communeCode);
  csv.cell(l.lat).cell(l.lon).cell(g.email).cell(g.telephone).cell(g.website).cell(g.foundingDate);
}

class AnnuaireExport : public Export {
 public:
  AnnuaireExport(const std::string& dir, const WriteOptions& o)
      : csv(dir + "/annuaire-ess.csv", ';') {
    csv.header({"identifiant", "nom",          "siret",         "rna",       "categorie_juridique",
                "code_naf",    "type",         "description",   "adresse",   "code_postal",
                "commune",     "code_insee",   "latitude",      "longitude", "courriel",
                "telephone",   "site_web",     "date_creation", "effectif",  "labels",
                "horaires",    "date_adhesion"});

    writeFile(dir + "/annuaire-ess.toml", annuaireMapping(o.retrievedAt));
  }
  void row(const Listing& l) override {
    const Organisation& g = *l.org;
    csv.cell(l.id)
        .cell(l.name)
        .cell(l.siret)
        .cell(g.rna)
        .cell(l.legalCategory)
        .cell(g.naf)
        .cell(g.kind);
    descriptionToFoundingDate(csv, l);
    csv.cell(g.employees ? std::to_string(g.employees) : "")
        .cell(join(g.labels, "|"))
        .cell(g.openingHours);
    csv.cell(l.memberSince).end();
  }

 private:
  CsvOut csv;
};

class CooperativesExport : public Export {
 public:
  CooperativesExport(const std::string& dir, const WriteOptions& o)
      : csv(dir + "/cooperatives.csv", ',') {
    csv.header({"id",       "raison_sociale", "siret",        "forme_juridique",
                "ape",      "activite",       "presentation", "voie",
                "cp",       "ville",          "insee",        "lat",
                "lng",      "email",          "tel",          "web",
                "creation", "salaries",       "societaires",  "agrements",
                "adhesion"});

    writeFile(dir + "/cooperatives.toml", cooperativesMapping(o.retrievedAt));
  }
  void row(const Listing& l) override {
    const Organisation& g = *l.org;
    csv.cell(l.id).cell(l.name).cell(l.siret).cell(l.legalCategory).cell(g.naf).cell(g.kind);
    descriptionToFoundingDate(csv, l);
    csv.cell(g.employees ? std::to_string(g.employees) : "").cell(std::to_string(g.members));
    csv.cell(join(g.labels, ";")).cell(l.memberSince).end();
  }

 private:
  CsvOut csv;
};

class ReemploiExport : public Export {
 public:
  ReemploiExport(const std::string& dir, const WriteOptions& o)
      : out_(open(dir + "/reemploi.geojson")) {
    out_ << "{\"type\": \"FeatureCollection\", \"name\": \"Réseau du réemploi (données "
            "synthétiques bdis-gen)\", "
            "\"features\": [\n";
    writeFile(dir + "/reemploi.toml", reemploiMapping(o.retrievedAt));
  }
  void row(const Listing& l) override {
    const Organisation& g = *l.org;
    ojson props = {{"id", l.id}, {"nom", l.name}};
    if (!l.siret.empty()) props["siret"] = l.siret;
    props["categorie_juridique"] = l.legalCategory;
    props["type"] = kindLabel(g.kind);
    props["description"] = g.description;
    props["adresse"] = {{"rue", g.street},
                        {"code_postal", g.postcode},
                        {"ville", g.communeName},
                        {"code_insee", g.communeCode}};
    props["contact"] = {{"email", g.email.empty() ? ojson(nullptr) : ojson(g.email)},
                        {"telephone", g.telephone.empty() ? ojson(nullptr) : ojson(g.telephone)}};
    if (!g.website.empty()) props["site"] = g.website;
    if (!g.openingHours.empty()) props["horaires"] = g.openingHours;
    props["labels"] = g.labels;
    props["adhesion"] = l.memberSince;
    ojson f = {
        {"type", "Feature"},
        {"geometry", {{"type", "Point"}, {"coordinates", {coordinate(l.lon), coordinate(l.lat)}}}},
        {"properties", props}};
    out_ << (first_ ? "" : ",\n") << f.dump();
    first_ = false;
  }
  void close() override { out_ << "\n]}\n"; }

 private:
  std::ofstream out_;
  bool first_ = true;
};

class AmapExport : public Export {
 public:
  AmapExport(const std::string& dir, const WriteOptions& o)
      : out_(open(dir + "/reseau-amap.json")) {
    out_ << "{\"licence\": \"https://www.etalab.gouv.fr/licence-ouverte-open-licence\", "
            "\"ontology\": \"gogofull\", "
            "\"data\": [\n";
    writeFile(dir + "/reseau-amap.toml", amapMapping(o.retrievedAt));
  }
  void row(const Listing& l) override {
    static const char* const kDays[] = {"Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"};
    const Organisation& g = *l.org;
    uint64_t n = ++count_;
    ojson e = {{"id", l.id},
               {"name", l.name},
               {"geo", {{"latitude", coordinate(l.lat)}, {"longitude", coordinate(l.lon)}}}};
    e["sourceKey"] = "reseau-amap";
    e["address"] = {{"streetAddress", g.street},
                    {"addressLocality", g.communeName},
                    {"postalCode", g.postcode},
                    {"addressCountry", "FR"},
                    {"customFormatedAddress", nullptr}};
    e["createdAt"] = l.memberSince + "T10:00:00+01:00";
    e["updatedAt"] = "2026-11-" + std::to_string(10 + n % 19) + "T12:00:00+01:00";
    e["status"] = 1;
    const std::string& label = kindLabel(g.kind);
    e["categories"] = ojson::array({label});
    e["categoriesFull"] = ojson::array(
        {{{"id", 100 + static_cast<int>(label.size())}, {"name", label}, {"index", 0}}});
    e["description"] = g.description;
    e["email"] = g.email.empty() ? ojson(nullptr) : ojson(g.email);
    e["telephone"] = g.telephone.empty() ? ojson(nullptr) : ojson(g.telephone);
    e["website"] = g.website.empty() ? ojson(nullptr) : ojson(g.website);
    if (!g.openingHours.empty() && g.kind == "amap") {
      e["openHours"] = {{kDays[n % 5], g.openingHours.substr(3)}};
    }
    e["siret"] = l.siret;
    e["legal_category"] = l.legalCategory;
    e["labels"] = g.labels;
    out_ << (n == 1 ? "" : ",\n") << e.dump();
  }
  void close() override { out_ << "\n]}\n"; }

 private:
  std::ofstream out_;
  uint64_t count_ = 0;
};

}  // namespace

NetworkWriter::NetworkWriter(const WriteOptions& options, Random& r) : options_(options), r_(r) {
  std::filesystem::create_directories(options.folder);
  exports_[kAnnuaire] = std::make_unique<AnnuaireExport>(options.folder, options);
  exports_[kCooperatives] = std::make_unique<CooperativesExport>(options.folder, options);
  exports_[kReemploi] = std::make_unique<ReemploiExport>(options.folder, options);
  exports_[kAmap] = std::make_unique<AmapExport>(options.folder, options);
  const char* files[] = {"annuaire-ess.csv", "cooperatives.csv", "reemploi.geojson",
                         "reseau-amap.json"};
  for (const char* f : files) summary_.files.push_back(WriteSummary::File{f, 0, 0});
}

NetworkWriter::~NetworkWriter() = default;

void NetworkWriter::listing(int net, const Organisation& g, bool secondary) {
  Random& r = r_;
  auto& file = summary_.files[static_cast<size_t>(net)];
  Listing l;
  l.org = &g;
  l.id = std::string(kIdPrefix[net]) + "-" + std::to_string(100000 + file.records + 1).substr(1);
  l.name = g.name;
  l.siret = g.siret;
  l.legalCategory = g.legalCategory;
  l.lat = g.lat;
  l.lon = g.lon;
  l.memberSince = memberDate(g, r);
  if (secondary) {
    // A second network's copy: often without the SIRET, sometimes written in capitals.
    if (r.chance(0.35)) l.siret.clear();
    if (r.chance(0.3)) l.name = upperFrench(l.name);
  }
  if (net == kCooperatives && l.siret.empty()) l.siret = g.siret;
  if (r.chance(options_.badRate)) spoil(l, r);
  exports_[net]->row(l);
  ++file.records;
  file.bad += l.bad;
}

void NetworkWriter::add(const Organisation& g) {
  Net primary = primaryNetwork(g.kind);
  // The cooperatives federation lists registered cooperatives only.
  if (primary == kCooperatives && g.siret.empty()) primary = kAnnuaire;
  listing(primary, g, false);
  if (r_.chance(options_.overlap)) {
    Net second = primary == kAnnuaire ? (g.siret.empty() ? kAmap : kCooperatives) : kAnnuaire;
    if (second == kCooperatives && g.legalCategory.rfind("92", 0) == 0) second = kReemploi;
    listing(second, g, true);
    ++summary_.overlapping;
  }
}

WriteSummary NetworkWriter::finish() {
  for (auto& e : exports_) {
    if (!e) continue;
    e->close();
    e.reset();
  }
  return summary_;
}

}  // namespace bdis::gen
