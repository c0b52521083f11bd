#include "loaders/generator/model.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unordered_set>

#include "loaders/generator/names.h"
#include "loaders/identifiers.h"
#include "loaders/text.h"

namespace bdis::gen {

uint64_t Random::next() {
  uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

CommunePicker::CommunePicker(const loaders::Territories& t) {
  uint64_t total = 0;
  for (const auto& c : t.communes) {
    // Paris, Lyon and Marseille are drawn through their arrondissements, as Sirene addresses them.
    bool cityWithArrondissements = c.code == "75056" || c.code == "69123" || c.code == "13055";
    if (c.type == "COMD" || cityWithArrondissements || !c.hasCoordinates || c.postcodes.empty())
      continue;
    total += std::max<uint64_t>(c.population, 1);
    communes_.push_back(&c);
    cumulative_.push_back(total);
  }
}

const loaders::Commune& CommunePicker::pick(Random& r) const {
  uint64_t x = r.below(cumulative_.back());
  size_t i = static_cast<size_t>(std::upper_bound(cumulative_.begin(), cumulative_.end(), x) -
                                 cumulative_.begin());
  return *communes_[i];
}

std::string makeSiret(Random& r) {
  std::string siren;
  // Sirene numbers of associations and companies mostly start with 3..9.
  siren.push_back(static_cast<char>('3' + r.below(7)));
  for (int i = 0; i < 7; ++i) siren.push_back(static_cast<char>('0' + r.below(10)));
  siren.push_back(loaders::luhnCheckDigit(siren));
  if (siren == "356000000") return makeSiret(r);
  std::string nic = "000";
  nic.push_back(static_cast<char>('1' + r.below(3)));
  std::string partial = siren + nic;
  return partial + loaders::luhnCheckDigit(partial);
}

namespace {

std::string fixed5(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.5f", v);
  return buf;
}

std::string phonePrefix(const std::string& region, Random& r) {
  if (r.chance(0.25)) return r.chance(0.5) ? "06" : "07";
  if (region == "11") return "01";
  if (region == "28" || region == "32" || region == "53" || region == "52" || region == "24")
    return "02";
  if (region == "44" || region == "27") return "03";
  if (region == "84" || region == "93" || region == "94") return "04";
  if (region == "01") return "0590";
  if (region == "02") return "0596";
  if (region == "03") return "0594";
  if (region == "04") return "0262";
  if (region == "06") return "0269";
  return "05";
}

std::string digitsOf(const std::string& dep) {
  if (dep == "2A") return "201";
  if (dep == "2B") return "202";
  std::string d = dep;
  while (d.size() < 3) d.push_back('0' + static_cast<char>(d.size()));
  return d.substr(0, 3);
}

bool isAssociation(const std::string& cj) { return cj.rfind("92", 0) == 0; }

std::vector<std::string> pickLabels(const std::string& kind, Random& r) {
  std::vector<std::string> out;
  auto maybe = [&](const char* label, double p) {
    if (r.chance(p)) out.push_back(label);
  };
  if (kind == "scop-batiment" || kind == "cae" || kind == "ressourcerie" || kind == "recyclerie" ||
      kind == "tiers-lieu" || kind == "energie-citoyenne") {
    maybe("esus", 0.35);
  }
  if (kind == "chantier-insertion") out.push_back("siae");
  if (kind == "commerce-equitable") out.push_back("commerce-equitable");
  if (kind == "amap" || kind == "magasin-producteurs") maybe("agriculture-biologique", 0.4);
  if (kind == "amap") maybe("nature-et-progres", 0.1);
  if (kind == "energie-citoyenne") maybe("finansol", 0.3);
  if (kind == "education-populaire") maybe("jeunesse-education-populaire", 0.6);
  if (kind == "banque-alimentaire" || kind == "education-populaire") maybe("rup", 0.2);
  if (kind == "aide-domicile") maybe("entreprise-adaptee", 0.05);
  return out;
}

}  // namespace

OrganisationMaker::OrganisationMaker(const CommunePicker& communes, Random& r)
    : communes_(communes), r_(r) {
  for (const auto& k : kindProfiles()) totalWeight_ += k.weight;
}

Organisation OrganisationMaker::next() {
  const auto& kinds = kindProfiles();
  const CommunePicker& communes = communes_;
  Random& r = r_;
  auto& namesAtPostcode = namesAtPostcode_;
  auto& sirets = sirets_;
  double totalWeight = totalWeight_;
  uint64_t n = ++made_;
  {
    double x = r.unit() * totalWeight;
    size_t ki = 0;
    while (ki + 1 < kinds.size() && x >= kinds[ki].weight) x -= kinds[ki++].weight;
    const KindProfile& k = kinds[ki];
    const loaders::Commune& c = communes.pick(r);
    Organisation o;
    o.number = n;
    o.kind = k.kind;
    o.communeCode = c.code;
    o.communeName = c.name;
    o.postcode = c.postcodes[r.below(c.postcodes.size())];
    for (int attempt = 0;; ++attempt) {
      o.name = makeName(k, c.name, r);
      if (attempt >= 4) o.name += " " + std::to_string(n);
      if (namesAtPostcode.insert(loaders::slugify(o.name) + "|" + o.postcode).second) break;
    }
    // The first legal category is the most frequent.
    o.legalCategory = r.chance(0.7) ? k.legalCategories[0] : r.pick(k.legalCategories);
    o.naf = r.pick(k.naf);
    if (o.legalCategory != "9210" && r.chance(k.siretRate)) {
      do o.siret = makeSiret(r);
      while (!sirets.insert(o.siret).second);
    }
    if (isAssociation(o.legalCategory) && o.legalCategory != "9210" && r.chance(0.7)) {
      o.rna = "W" + digitsOf(c.departement);
      for (int i = 0; i < 6; ++i) o.rna.push_back(static_cast<char>('0' + r.below(10)));
    }
    o.description = makeDescription(k, o.name, c.name, r);
    o.street = makeStreet(r);
    o.lat = fixed5(c.lat + (r.unit() - 0.5) * 0.016);
    o.lon = fixed5(c.lon + (r.unit() - 0.5) * 0.022);
    std::string slug = loaders::slugify(o.name);
    if (slug.size() > 40) slug.resize(40);
    while (!slug.empty() && slug.back() == '-') slug.pop_back();
    if (r.chance(0.8))
      o.email = (r.chance(0.5) ? "contact@" + slug + ".fr" : slug + "@framalistes.org");
    if (r.chance(0.7)) {
      std::string p = phonePrefix(c.region, r);
      while (p.size() < 10) p.push_back(static_cast<char>('0' + r.below(10)));
      o.telephone = p.substr(0, 2) + " " + p.substr(2, 2) + " " + p.substr(4, 2) + " " +
                    p.substr(6, 2) + " " + p.substr(8, 2);
    }
    if (r.chance(0.55)) o.website = "https://www." + slug + ".fr/";
    o.openingHours = makeOpeningHours(k, r);
    int year = 1975 + static_cast<int>(r.below(50));
    if (k.kind == "amap" && year < 2001) year = 2001 + static_cast<int>(r.below(24));
    char date[48];
    std::snprintf(date, sizeof date, "%04d-%02d-%02d", year, 1 + static_cast<int>(r.below(12)),
                  1 + static_cast<int>(r.below(28)));
    o.foundingDate = date;
    bool employer = o.legalCategory.rfind("92", 0) != 0 || r.chance(0.45);
    o.employees = employer ? static_cast<int>(1 + std::pow(r.unit(), 2.5) * 80) : 0;
    o.members = static_cast<int>(10 + r.below(300));
    o.labels = pickLabels(k.kind, r);
    return o;
  }
}

}  // namespace bdis::gen
