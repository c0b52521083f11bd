#include "loaders/generator/mapping_files.h"

#include "loaders/generator/names.h"

namespace bdis::gen {

namespace {

const char* const kLegalCategories[] = {
    "5443", "5451", "5453", "5454", "5455", "5458", "5459", "5460", "5499", "5551",
    "5552", "5553", "5554", "5555", "5558", "5559", "5560", "5599", "5658", "5660",
    "5710", "5720", "6316", "6317", "6318", "6411", "8210", "8250", "8290", "9210",
    "9220", "9221", "9222", "9223", "9230", "9240", "9260", "9300"};

const char* const kLabels[] = {"esus",
                               "commerce-equitable",
                               "agriculture-biologique",
                               "nature-et-progres",
                               "finansol",
                               "siae",
                               "entreprise-adaptee",
                               "rup",
                               "jeunesse-education-populaire"};

bool isNafDivision(int d) {
  static const int kGaps[] = {4, 34, 40, 44, 48, 54, 57, 67, 76, 83, 89};
  if (d < 1 || d > 99) return false;
  for (int g : kGaps) {
    if (d == g) return false;
  }
  return true;
}

std::string quoteList(const std::vector<std::string>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) {
    out += (i ? ", \"" : "\"") + items[i] + "\"";
    if (i % 8 == 7 && i + 1 < items.size()) out += "\n  ";
  }
  return out + "]";
}

}  // namespace

std::string codelistSections(bool kindsByLabel) {
  std::string out;
  std::vector<std::string> cj(std::begin(kLegalCategories), std::end(kLegalCategories));
  out +=
      "# INSEE legal categories (ontology/legal-categories.ttl).\n[codelist.cj]\nbase = "
      "\"https://w3id.org/bdis/ess/cj/\"\n";
  out += "values = " + quoteList(cj) + "\n\n";
  out +=
      "# NAF rév. 2 sub-classes (\"88.99B\") -> their division "
      "(ontology/naf.ttl).\n[codelist.naf]\nmatch = \"prefix\"\n\n[codelist.naf.codes]\n";
  for (int d = 1; d <= 99; ++d) {
    if (!isNafDivision(d)) continue;
    char code[3] = {static_cast<char>('0' + d / 10), static_cast<char>('0' + d % 10), 0};
    out += "\"" + std::string(code) + "\" = \"naf:" + code + "\"\n";
  }
  out += "\n# Kinds of initiative (ontology/initiative-kinds.ttl).\n[codelist.kind]\n";
  if (kindsByLabel) {
    out += "case = \"insensitive\"\n\n[codelist.kind.codes]\n";
    for (const auto& k : kindProfiles()) out += "\"" + k.label + "\" = \"kind:" + k.kind + "\"\n";
  } else {
    std::vector<std::string> kinds;
    for (const auto& k : kindProfiles()) kinds.push_back(k.kind);
    out += "base = \"https://w3id.org/bdis/ess/kind/\"\nvalues = " + quoteList(kinds) + "\n";
  }
  std::vector<std::string> labels(std::begin(kLabels), std::end(kLabels));
  out +=
      "\n# Labels and accreditations (ontology/labels.ttl).\n[codelist.label]\nbase = "
      "\"https://w3id.org/bdis/ess/label/\"\n";
  out += "values = " + quoteList(labels) + "\n";
  return out;
}

std::string sourceSection(const std::string& id, const std::string& title, const std::string& file,
                          const std::string& retrievedAt) {
  return "[source]\nid = \"" + id + "\"\ngraph = \"https://w3id.org/bdis/id/source/" + id +
         "\"\ntitle = \"" + title +
         " (données synthétiques bdis-gen)\"\nurl = \"https://w3id.org/bdis/sample/" + file +
         "\"\nlicense = \"https://www.etalab.gouv.fr/licence-ouverte-open-licence\"\nnetwork = "
         "\"https://w3id.org/bdis/id/network/" +
         id + "\"\nnetwork_name = \"" + title + " (réseau fictif)\"\nretrieved_at = \"" +
         retrievedAt + "\"\n";
}

std::string subjectSection(const std::string& siretCol, const std::string& nameCol,
                           const std::string& postcodeCol, const std::string& idCol) {
  std::string np =
      "https://w3id.org/bdis/id/initiative/np/{" + postcodeCol + "}/{" + nameCol + "|slug}";
  return "# One canonical IRI per organisation: from its SIRET when it has one, else from its\n"
         "# normalised name and postcode; the SIRET IRI is linked to the name+postcode one by "
         "owl:sameAs\n"
         "# so that a network listing it without SIRET meets it (docs/ontology.md, "
         "deduplication).\n"
         "[subject]\ntemplate = \"https://w3id.org/bdis/id/initiative/siret/{" +
         siretCol +
         "}\"\n"
         "fallback = \"" +
         np + "\"\nsame_as = \"" + np +
         "\"\n"
         "types = [\"ess:Initiative\", \"essglobal:SSEInitiative\", \"schema:Organization\", "
         "\"org:Organization\"]\n"
         "id = \"" +
         idCol + "\"\n";
}

}  // namespace bdis::gen
