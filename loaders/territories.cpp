#include "loaders/territories.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <map>
#include <memory>
#include <unordered_map>

#include "loaders/csv_reader.h"
#include "rdf/error.h"

namespace bdis::loaders {

namespace {

using FilePtr = std::unique_ptr<std::FILE, int (*)(std::FILE*)>;

FilePtr open(const std::string& path) {
  FilePtr f(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!f) throw StorageError("cannot read " + path);
  return f;
}

// Reads a CSV file with a header; calls row(cells-by-name accessor, line).
template <typename RowFn>
void readCsv(const std::string& path, RowFn row) {
  FilePtr f = open(path);
  CsvReader reader(f.get(), {}, ',');
  CsvReader::Record rec;
  if (reader.next(rec) != CsvReader::Status::Record) throw SyntaxError(path, 1, 1, "empty file");
  std::unordered_map<std::string, size_t> header;
  for (size_t i = 0; i < rec.cells.size(); ++i) header.emplace(std::string(rec.cells[i]), i);
  size_t width = rec.cells.size();
  while (reader.next(rec) == CsvReader::Status::Record) {
    if (rec.malformed || rec.cells.size() != width) {
      throw SyntaxError(path, rec.line, 1,
                        "malformed row (expected " + std::to_string(width) + " cells)");
    }
    auto get = [&](const char* name) -> std::string {
      auto it = header.find(name);
      if (it == header.end()) throw SyntaxError(path, 1, 1, std::string("missing column ") + name);
      return std::string(rec.cells[it->second]);
    };
    row(get, rec.line);
  }
}

bool parseDouble(const std::string& s, double& v) {
  if (s.empty()) return false;
  auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

uint64_t parseCount(const std::string& s) {
  uint64_t v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

template <typename Get>
Area readArea(Get& get, const char* codeCol, const char* nameCol) {
  Area a;
  a.code = get(codeCol);
  a.name = get(nameCol);
  a.hasCoordinates = parseDouble(get("lat"), a.lat) && parseDouble(get("lng"), a.lon);
  return a;
}

}  // namespace

Territories readTerritories(const std::string& folder) {
  Territories t;
  readCsv(folder + "/regions.csv", [&](auto& get, uint64_t) {
    t.regions.push_back(readArea(get, "insee_reg", "region_article"));
  });
  readCsv(folder + "/departements.csv", [&](auto& get, uint64_t) {
    Area a = readArea(get, "insee_dep", "departement_article");
    a.region = get("insee_reg");
    t.departements.push_back(std::move(a));
  });
  // (type, code) -> index: one commune per code and type, postcodes gathered.
  std::map<std::pair<std::string, std::string>, size_t> index;
  std::string path = folder + "/communes.csv";
  readCsv(path, [&](auto& get, uint64_t line) {
    std::string type = get("commune_type");
    std::string code = get("insee_com");
    if (type != "COM" && type != "COMD" && type != "ARM") {
      throw SyntaxError(path, line, 1, "unknown commune_type '" + type + "'");
    }
    auto key = std::make_pair(type, code);
    auto it = index.find(key);
    if (it == index.end()) {
      Commune c;
      c.code = code;
      c.type = type;
      c.name = get("commune_article");
      if (c.name.empty()) c.name = get("commune");
      c.parent = get("insee_parente");
      c.departement = get("insee_dep");
      c.region = get("insee_reg");
      c.hasCoordinates = parseDouble(get("lat"), c.lat) && parseDouble(get("lng"), c.lon);
      c.population = parseCount(get("population_2021"));
      it = index.emplace(key, t.communes.size()).first;
      t.communes.push_back(std::move(c));
    }
    std::string pc = get("code_postal");
    auto& pcs = t.communes[it->second].postcodes;
    if (!pc.empty() && std::find(pcs.begin(), pcs.end(), pc) == pcs.end()) pcs.push_back(pc);
  });
  // The three cities with arrondissements have no COM row: build them from their ARM rows.
  static const std::pair<const char*, const char*> kCities[] = {
      {"75056", "Paris"}, {"69123", "Lyon"}, {"13055", "Marseille"}};
  for (const auto& [code, name] : kCities) {
    if (index.count({"COM", code})) continue;
    Commune city;
    city.code = code;
    city.name = name;
    city.type = "COM";
    double wsum = 0;
    for (const auto& c : t.communes) {
      if (c.type != "ARM" || c.parent != code) continue;
      city.departement = c.departement;
      city.region = c.region;
      city.population += c.population;
      for (const auto& pc : c.postcodes) {
        if (std::find(city.postcodes.begin(), city.postcodes.end(), pc) == city.postcodes.end())
          city.postcodes.push_back(pc);
      }
      if (c.hasCoordinates) {
        double w = static_cast<double>(std::max<uint64_t>(c.population, 1));
        city.lat += c.lat * w;
        city.lon += c.lon * w;
        wsum += w;
      }
    }
    if (city.departement.empty()) continue;  // a reduced file without the city
    if (wsum > 0) {
      city.lat /= wsum;
      city.lon /= wsum;
      city.hasCoordinates = true;
    }
    std::sort(city.postcodes.begin(), city.postcodes.end());
    index.emplace(std::make_pair(std::string("COM"), std::string(code)), t.communes.size());
    t.communes.push_back(std::move(city));
  }
  // COMD rows have no département / région: take the parent's.
  for (auto& c : t.communes) {
    if (c.type != "COMD" || !c.departement.empty()) continue;
    auto it = index.find({"COM", c.parent});
    if (it != index.end()) {
      c.departement = t.communes[it->second].departement;
      c.region = t.communes[it->second].region;
    }
  }
  std::sort(t.communes.begin(), t.communes.end(), [](const Commune& a, const Commune& b) {
    return a.type != b.type ? a.type > b.type : a.code < b.code;  // COM, COMD, ARM
  });
  return t;
}

namespace {

class TerritoryEmitter {
 public:
  TerritoryEmitter(rdf::QuadSink& sink, const std::string& graph) : sink_(sink) {
    if (!graph.empty()) graph_ = rdf::TermView{rdf::TermKind::Iri, graph, {}, {}};
  }
  void iri(std::string_view s, std::string_view p, std::string_view o) {
    put(s, p, rdf::TermView{rdf::TermKind::Iri, o, {}, {}});
  }
  void lit(std::string_view s, std::string_view p, std::string_view o, std::string_view dt = {}) {
    put(s, p, rdf::TermView{rdf::TermKind::Literal, o, dt, {}});
  }
  void place(const std::string& s, std::string_view cls, const std::string& code,
             const std::string& name, bool hasCoords, double lat, double lon) {
    iri(s, kType, cls);
    iri(s, kType, "http://schema.org/AdministrativeArea");
    lit(s, "https://w3id.org/bdis/ess#inseeCode", code);
    lit(s, "https://w3id.org/bdis/ess#name", name);
    lit(s, "http://schema.org/name", name);
    if (!hasCoords) return;
    std::string la = num(lat), lo = num(lon);
    lit(s, "http://www.w3.org/2003/01/geo/wgs84_pos#lat", la, kDecimal);
    lit(s, "http://www.w3.org/2003/01/geo/wgs84_pos#long", lo, kDecimal);
    std::string g = s + "/geometry";
    iri(s, "http://www.opengis.net/ont/geosparql#hasGeometry", g);
    iri(g, kType, "http://www.opengis.net/ont/geosparql#Geometry");
    lit(g, "http://www.opengis.net/ont/geosparql#asWKT", "POINT(" + lo + " " + la + ")",
        "http://www.opengis.net/ont/geosparql#wktLiteral");
  }
  uint64_t count() const { return count_; }

  static constexpr std::string_view kType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
  static constexpr std::string_view kDecimal = "http://www.w3.org/2001/XMLSchema#decimal";

 private:
  static std::string num(double d) {
    char buf[32];
    auto r = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::fixed);
    return std::string(buf, r.ptr);
  }
  void put(std::string_view s, std::string_view p, rdf::TermView o) {
    sink_.quad(
        rdf::QuadView{{rdf::TermKind::Iri, s, {}, {}}, {rdf::TermKind::Iri, p, {}, {}}, o, graph_});
    ++count_;
  }
  rdf::QuadSink& sink_;
  rdf::TermView graph_;
  uint64_t count_ = 0;
};

}  // namespace

uint64_t emitTerritories(const Territories& t, const std::string& graph, rdf::QuadSink& sink,
                         const TerritoryIris& iris) {
  TerritoryEmitter e(sink, graph);
  constexpr std::string_view kEss = "https://w3id.org/bdis/ess#";
  const std::string region = std::string(kEss) + "region";
  const std::string departement = std::string(kEss) + "departement";
  for (const auto& r : t.regions) {
    e.place(iris.region(r.code), "https://w3id.org/bdis/ess#Region", r.code, r.name,
            r.hasCoordinates, r.lat, r.lon);
  }
  for (const auto& d : t.departements) {
    std::string s = iris.departement(d.code);
    e.place(s, "https://w3id.org/bdis/ess#Departement", d.code, d.name, d.hasCoordinates, d.lat,
            d.lon);
    if (!d.region.empty()) e.iri(s, region, iris.region(d.region));
  }
  for (const auto& c : t.communes) {
    std::string s = c.type == "COMD" ? iris.communeDeleguee(c.code) : iris.commune(c.code);
    e.place(s, "https://w3id.org/bdis/ess#Commune", c.code, c.name, c.hasCoordinates, c.lat, c.lon);
    if (!c.departement.empty()) e.iri(s, departement, iris.departement(c.departement));
    if (!c.region.empty()) e.iri(s, region, iris.region(c.region));
    // A commune déléguée may share its parent's code; its own IRI keeps them apart.
    if (c.type != "COM" && !c.parent.empty()) {
      e.iri(s, "https://w3id.org/bdis/ess#parentCommune", iris.commune(c.parent));
    }
    for (const auto& pc : c.postcodes) e.lit(s, "https://w3id.org/bdis/ess#postalCode", pc);
  }
  return e.count();
}

}  // namespace bdis::loaders
