#pragma once
// Which predicates the text index covers.

#include <string>
#include <vector>

namespace bdis::rdf::text {

/// The predicates whose literal objects are indexed (full IRIs).
struct TextConfig {
  std::vector<std::string> predicates;

  /// Names, labels, descriptions, keywords and addresses: rdfs:label, skos:prefLabel,
  /// skos:altLabel, schema:name, schema:description, schema:keywords,
  /// schema:streetAddress, schema:addressLocality, and the ESS ontology's ess:name,
  /// ess:legalName, ess:description, ess:mission, ess:streetAddress, ess:locality.
  static TextConfig defaults();

  /// Reads one predicate IRI per line from `<storeDir>/text-predicates.txt` when that
  /// file exists (blank lines and lines starting with '#' skipped); defaults() otherwise.
  static TextConfig forStore(const std::string& storeDir);
};

}  // namespace bdis::rdf::text
