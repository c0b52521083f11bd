#pragma once
// French names, streets and descriptions for the synthetic organisations, per kind of initiative.

#include <string>
#include <vector>

#include "loaders/generator/model.h"

namespace bdis::gen {

/// What the generator knows about one kind of initiative.
struct KindProfile {
  std::string kind;                          ///< initiative-kinds.ttl notation
  std::string label;                         ///< French label, as networks write the category
  double weight;                             ///< relative frequency
  std::vector<std::string> legalCategories;  ///< INSEE codes, first most frequent
  std::vector<std::string> naf;              ///< NAF sub-classes
  double siretRate;                          ///< share registered in Sirene
};

/// Every kind the generator produces.
const std::vector<KindProfile>& kindProfiles();

/// A name for an organisation of `kind` in `commune`.
std::string makeName(const KindProfile& kind, const std::string& commune, Random& r);

/// A street address line ("12 rue des Lilas").
std::string makeStreet(Random& r);

/// Two or three sentences presenting the organisation.
std::string makeDescription(const KindProfile& kind, const std::string& name,
                            const std::string& commune, Random& r);

/// Opening hours in the schema.org form, or empty.
std::string makeOpeningHours(const KindProfile& kind, Random& r);

}  // namespace bdis::gen
