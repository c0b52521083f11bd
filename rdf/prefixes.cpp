#include "rdf/prefixes.h"

namespace bdis::rdf {

const std::vector<std::pair<std::string_view, std::string_view>>& wellKnownPrefixes() {
  static const std::vector<std::pair<std::string_view, std::string_view>> prefixes = {
      {"rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"},
      {"rdfs", "http://www.w3.org/2000/01/rdf-schema#"},
      {"xsd", "http://www.w3.org/2001/XMLSchema#"},
      {"owl", "http://www.w3.org/2002/07/owl#"},
      {"skos", "http://www.w3.org/2004/02/skos/core#"},
      {"dcterms", "http://purl.org/dc/terms/"},
      {"prov", "http://www.w3.org/ns/prov#"},
      {"schema", "http://schema.org/"},
      {"org", "http://www.w3.org/ns/org#"},
      {"vcard", "http://www.w3.org/2006/vcard/ns#"},
      {"geo", "http://www.opengis.net/ont/geosparql#"},
      {"wgs84", "http://www.w3.org/2003/01/geo/wgs84_pos#"},
      {"essglobal", "http://purl.org/essglobal/vocab/v2.0/"},
      {"ess", "https://w3id.org/bdis/ess#"},
  };
  return prefixes;
}

}  // namespace bdis::rdf
