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

std::string annuaireMapping(const std::string& retrievedAt) {
  return "# Mapping of annuaire-ess.csv (synthetic, written by bdis-gen) to the bdis ESS "
         "ontology.\n\n" +
         sourceSection("annuaire-ess", "Annuaire de l'ESS", "annuaire-ess.csv", retrievedAt) +
         "\n[csv]\ndelimiter = \";\"\n\n" +
         subjectSection("siret", "nom", "code_postal", "identifiant") + R"(
[[node]]
name = "adresse"
template = "{@subject}/address/{@source}"
types = ["ess:Address", "schema:PostalAddress", "essglobal:Address"]
link = ["ess:hasAddress", "schema:address", "essglobal:hasAddress"]

[[field]]
column = "nom"
property = ["ess:name", "schema:name"]
required = true

[[field]]
column = "siret"
property = "ess:siret"
check = "siret"

[[field]]
column = "rna"
property = "ess:rna"
check = "rna"

[[field]]
column = "categorie_juridique"
property = "ess:legalCategory"
codelist = "cj"

[[field]]
column = "code_naf"
property = "ess:activity"
codelist = "naf"

[[field]]
column = "type"
property = "ess:kind"
codelist = "kind"

[[field]]
column = "description"
property = ["ess:description", "schema:description"]
lang = "fr"

[[field]]
column = "adresse"
property = ["ess:streetAddress", "schema:streetAddress"]
node = "adresse"

[[field]]
column = "code_postal"
property = ["ess:postalCode", "schema:postalCode"]
check = "postcode"
node = "adresse"

[[field]]
column = "commune"
property = ["ess:locality", "schema:addressLocality"]
node = "adresse"

[[field]]
column = "code_insee"
property = "ess:commune"
template = "https://w3id.org/bdis/id/commune/{value}"

[[field]]
column = "courriel"
property = ["ess:email", "schema:email"]
check = "email"

[[field]]
column = "telephone"
property = ["ess:telephone", "schema:telephone"]

[[field]]
column = "site_web"
property = ["ess:website", "schema:url"]
check = "url"

[[field]]
column = "date_creation"
property = ["ess:foundingDate", "schema:foundingDate"]
check = "date"

[[field]]
column = "effectif"
property = "ess:employees"
check = "integer"

[[field]]
column = "labels"
property = "ess:hasLabel"
codelist = "label"
separator = "|"

[[field]]
column = "horaires"
property = ["ess:openingHours", "schema:openingHours"]

[geometry]
lat = "latitude"
lon = "longitude"

[membership]
since = "date_adhesion"

)" + codelistSections(false);
}

std::string cooperativesMapping(const std::string& retrievedAt) {
  return "# Mapping of cooperatives.csv (synthetic, written by bdis-gen) to the bdis ESS "
         "ontology.\n\n" +
         sourceSection("cooperatives", "Fédération des coopératives", "cooperatives.csv",
                       retrievedAt) +
         "\n[csv]\ndelimiter = \",\"\n\n" + subjectSection("siret", "raison_sociale", "cp", "id") +
         R"(
[[node]]
name = "siege"
template = "{@subject}/address/{@source}"
types = ["ess:Address", "schema:PostalAddress", "essglobal:Address"]
link = ["ess:hasAddress", "schema:address", "essglobal:hasAddress"]

[[field]]
column = "raison_sociale"
property = ["ess:name", "ess:legalName", "schema:name", "schema:legalName"]
required = true

[[field]]
column = "siret"
property = "ess:siret"
check = "siret"
required = true

[[field]]
column = "forme_juridique"
property = "ess:legalCategory"
codelist = "cj"
required = true

[[field]]
column = "ape"
property = "ess:activity"
codelist = "naf"

[[field]]
column = "activite"
property = "ess:kind"
codelist = "kind"

[[field]]
column = "presentation"
property = ["ess:description", "schema:description"]
lang = "fr"

[[field]]
column = "voie"
property = ["ess:streetAddress", "schema:streetAddress"]
node = "siege"

[[field]]
column = "cp"
property = ["ess:postalCode", "schema:postalCode"]
check = "postcode"
node = "siege"

[[field]]
column = "ville"
property = ["ess:locality", "schema:addressLocality"]
node = "siege"

[[field]]
column = "insee"
property = "ess:commune"
template = "https://w3id.org/bdis/id/commune/{value}"

[[field]]
column = "email"
property = ["ess:email", "schema:email"]
check = "email"

[[field]]
column = "tel"
property = ["ess:telephone", "schema:telephone"]

[[field]]
column = "web"
property = ["ess:website", "schema:url"]
check = "url"

[[field]]
column = "creation"
property = ["ess:foundingDate", "schema:foundingDate"]
check = "date"

[[field]]
column = "salaries"
property = "ess:employees"
check = "integer"

[[field]]
column = "societaires"
property = "ess:memberCount"
check = "integer"

[[field]]
column = "agrements"
property = "ess:hasLabel"
codelist = "label"
separator = ";"

[geometry]
lat = "lat"
lon = "lng"
required = true

[membership]
since = "adhesion"

)" + codelistSections(false);
}

std::string reemploiMapping(const std::string& retrievedAt) {
  return "# Mapping of reemploi.geojson (synthetic, written by bdis-gen) to the bdis ESS "
         "ontology.\n"
         "# Columns are paths in each feature's properties; the feature geometry gives "
         "geo:asWKT.\n\n" +
         sourceSection("reemploi", "Réseau du réemploi", "reemploi.geojson", retrievedAt) + "\n" +
         subjectSection("siret", "nom", "adresse.code_postal", "id") + R"(
[[node]]
name = "adresse"
template = "{@subject}/address/{@source}"
types = ["ess:Address", "schema:PostalAddress", "essglobal:Address"]
link = ["ess:hasAddress", "schema:address", "essglobal:hasAddress"]

[[field]]
column = "nom"
property = ["ess:name", "schema:name"]
required = true

[[field]]
column = "siret"
property = "ess:siret"
check = "siret"

[[field]]
column = "categorie_juridique"
property = "ess:legalCategory"
codelist = "cj"

[[field]]
column = "type"
property = "ess:kind"
codelist = "kind"

[[field]]
column = "description"
property = ["ess:description", "schema:description"]
lang = "fr"

[[field]]
column = "adresse.rue"
property = ["ess:streetAddress", "schema:streetAddress"]
node = "adresse"

[[field]]
column = "adresse.code_postal"
property = ["ess:postalCode", "schema:postalCode"]
check = "postcode"
node = "adresse"

[[field]]
column = "adresse.ville"
property = ["ess:locality", "schema:addressLocality"]
node = "adresse"

[[field]]
column = "adresse.code_insee"
property = "ess:commune"
template = "https://w3id.org/bdis/id/commune/{value}"

[[field]]
column = "contact.email"
property = ["ess:email", "schema:email"]
check = "email"

[[field]]
column = "contact.telephone"
property = ["ess:telephone", "schema:telephone"]

[[field]]
column = "site"
property = ["ess:website", "schema:url"]
check = "url"

[[field]]
column = "horaires"
property = ["ess:openingHours", "schema:openingHours"]

[[field]]
column = "labels"
property = "ess:hasLabel"
codelist = "label"

[membership]
since = "adhesion"

)" + codelistSections(true);
}

std::string amapMapping(const std::string& retrievedAt) {
  return "# Mapping of reseau-amap.json (synthetic GoGoCarto export, written by bdis-gen) to "
         "the bdis\n"
         "# ESS ontology. Columns are paths in each element of \"data\".\n\n" +
         sourceSection("reseau-amap", "Réseau des AMAP", "reseau-amap.json", retrievedAt) + "\n" +
         subjectSection("siret", "name", "address.postalCode", "id") + R"(
[[node]]
name = "address"
template = "{@subject}/address/{@source}"
types = ["ess:Address", "schema:PostalAddress", "essglobal:Address"]
link = ["ess:hasAddress", "schema:address", "essglobal:hasAddress"]

[[field]]
column = "name"
property = ["ess:name", "schema:name"]
required = true

[[field]]
column = "siret"
property = "ess:siret"
check = "siret"

[[field]]
column = "legal_category"
property = "ess:legalCategory"
codelist = "cj"

[[field]]
column = "categories"
property = "ess:kind"
codelist = "kind"

[[field]]
column = "description"
property = ["ess:description", "schema:description"]
lang = "fr"

[[field]]
column = "address.streetAddress"
property = ["ess:streetAddress", "schema:streetAddress"]
node = "address"

[[field]]
column = "address.postalCode"
property = ["ess:postalCode", "schema:postalCode"]
check = "postcode"
node = "address"

[[field]]
column = "address.addressLocality"
property = ["ess:locality", "schema:addressLocality"]
node = "address"

[[field]]
column = "email"
property = ["ess:email", "schema:email"]
check = "email"

[[field]]
column = "telephone"
property = ["ess:telephone", "schema:telephone"]

[[field]]
column = "website"
property = ["ess:website", "schema:url"]
check = "url"

[[field]]
column = "labels"
property = "ess:hasLabel"
codelist = "label"

[geometry]
lat = "geo.latitude"
lon = "geo.longitude"
required = true

[membership]
since = "createdAt"

)" + codelistSections(true);
}

}  // namespace bdis::gen
