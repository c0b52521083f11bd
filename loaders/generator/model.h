#pragma once
// The synthetic world bdis-gen writes out: organisations of the social and solidarity economy,
// placed in real communes, and the networks that list them. Everything is drawn from one seeded
// generator (SplitMix64, identical on every platform), so a seed always gives the same files.

#include <cstdint>
#include <string>
#include <unordered_set>
#include <vector>

#include "loaders/territories.h"

namespace bdis::gen {

/// A deterministic pseudo-random source (SplitMix64).
class Random {
 public:
  explicit Random(uint64_t seed) : state_(seed) {}
  uint64_t next();
  /// Uniform in [0, n).
  uint64_t below(uint64_t n) { return n ? next() % n : 0; }
  /// Uniform in [0, 1).
  double unit() { return static_cast<double>(next() >> 11) * (1.0 / 9007199254740992.0); }
  bool chance(double p) { return unit() < p; }
  template <typename T>
  const T& pick(const std::vector<T>& v) {
    return v[below(v.size())];
  }

 private:
  uint64_t state_;
};

/// One organisation as the world knows it (networks may list it with fewer details).
struct Organisation {
  uint64_t number = 0;  ///< 1-based, stable for a seed.
  std::string kind;     ///< initiative-kinds.ttl notation ("amap", "ressourcerie"...).
  std::string name;
  std::string siret;          ///< Empty for informal groups.
  std::string rna;            ///< Associations only (some).
  std::string legalCategory;  ///< INSEE code ("9220").
  std::string naf;            ///< NAF rév. 2 sub-class ("88.99B").
  std::string description;
  std::string street;
  std::string postcode;
  std::string communeCode;
  std::string communeName;
  std::string lat, lon;  ///< Decimal degrees, 5 decimals.
  std::string email, telephone, website;
  std::string openingHours;  ///< schema.org form ("Tu 18:00-19:30").
  std::string foundingDate;  ///< YYYY-MM-DD.
  int employees = 0;
  int members = 0;
  std::vector<std::string> labels;  ///< labels.ttl notations.
};

/// Draws communes in proportion to their population (COM and ARM rows with coordinates).
class CommunePicker {
 public:
  explicit CommunePicker(const loaders::Territories& t);
  const loaders::Commune& pick(Random& r) const;
  size_t size() const { return communes_.size(); }

 private:
  std::vector<const loaders::Commune*> communes_;
  std::vector<uint64_t> cumulative_;
};

/// Makes organisations one at a time (so that a million need no more memory than one), with
/// names unique per postcode and SIRETs unique. `communes` and `r` must outlive the maker.
class OrganisationMaker {
 public:
  OrganisationMaker(const CommunePicker& communes, Random& r);
  /// The next organisation (numbered from 1).
  Organisation next();

 private:
  const CommunePicker& communes_;
  Random& r_;
  double totalWeight_ = 0;
  uint64_t made_ = 0;
  std::unordered_set<std::string> namesAtPostcode_;
  std::unordered_set<std::string> sirets_;
};

/// A valid SIRET (Luhn on the SIREN and on all 14 digits).
std::string makeSiret(Random& r);

}  // namespace bdis::gen
