#pragma once
// The mapping files bdis-gen writes beside its exports: the ESS code lists (INSEE legal categories,
// NAF divisions, kinds, labels) and one [source]/[subject]/[[field]] block per network.

#include <string>

namespace bdis::gen {

/// The code list sections shared by every generated mapping. `kindsByLabel`: kinds keyed by their
/// French label (as GoGoCarto categories name them) instead of their notation.
std::string codelistSections(bool kindsByLabel);

/// The [source] section of network `id`.
std::string sourceSection(const std::string& id, const std::string& title, const std::string& file,
                          const std::string& retrievedAt);

/// The [subject] section: SIRET-based canonical IRI, else name + postcode; `nameCol`/`postcodeCol`
/// /`siretCol`/`idCol` name the columns (or JSON paths).
std::string subjectSection(const std::string& siretCol, const std::string& nameCol,
                           const std::string& postcodeCol, const std::string& idCol);

/// The complete mapping file of annuaire-ess (see writers.h).
std::string annuaireMapping(const std::string& retrievedAt);

/// The complete mapping file of cooperatives (see writers.h).
std::string cooperativesMapping(const std::string& retrievedAt);

/// The complete mapping file of reemploi (see writers.h).
std::string reemploiMapping(const std::string& retrievedAt);

/// The complete mapping file of reseau-amap (see writers.h).
std::string amapMapping(const std::string& retrievedAt);

}  // namespace bdis::gen
