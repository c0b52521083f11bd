#include "rdf/text/text_config.h"

#include <filesystem>
#include <fstream>

namespace bdis::rdf::text {

TextConfig TextConfig::defaults() {
  const std::string rdfs = "http://www.w3.org/2000/01/rdf-schema#";
  const std::string skos = "http://www.w3.org/2004/02/skos/core#";
  const std::string schema = "http://schema.org/";
  const std::string ess = "https://w3id.org/bdis/ess#";
  return TextConfig{{rdfs + "label", skos + "prefLabel", skos + "altLabel", schema + "name",
                     schema + "description", schema + "keywords", schema + "streetAddress",
                     schema + "addressLocality", ess + "name", ess + "legalName",
                     ess + "description", ess + "mission", ess + "streetAddress",
                     ess + "locality"}};
}

TextConfig TextConfig::forStore(const std::string& storeDir) {
  std::filesystem::path file = std::filesystem::path(storeDir) / "text-predicates.txt";
  std::ifstream in(file);
  if (!in) return defaults();
  TextConfig config;
  std::string line;
  while (std::getline(in, line)) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    size_t start = line.find_first_not_of(" \t");
    if (start == std::string::npos || line[start] == '#') continue;
    config.predicates.push_back(line.substr(start));
  }
  return config;
}

}  // namespace bdis::rdf::text
