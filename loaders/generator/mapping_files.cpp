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

/// The postal-address node `name` each organisation links to.
std::string addressNode(const std::string& name) {
  return "\n[[node]]\nname = \"" + name +
         "\"\ntemplate = \"{@subject}/address/{@source}\"\n"
         "types = [\"ess:Address\", \"schema:PostalAddress\", \"essglobal:Address\"]\n"
         "link = [\"ess:hasAddress\", \"schema:address\", \"essglobal:hasAddress\"]\n";
}

/// One [[field]] block: `column` mapped to `property` (a TOML value), then `extra` lines.
std::string field(const std::string& column, const std::string& property,
                  const std::string& extra = "") {
  return "\n[[field]]\ncolumn = \"" + column + "\"\nproperty = " + property + "\n" + extra;
}

/// The French description field.
std::string descriptionField(const std::string& column) {
  return field(column, R"(["ess:description", "schema:description"])", "lang = \"fr\"\n");
}

/// Street, postcode and locality, on the address node `node`.
std::string addressFields(const std::string& node, const std::string& street,
                          const std::string& postcode, const std::string& locality) {
  const std::string onNode = "node = \"" + node + "\"\n";
  return field(street, R"(["ess:streetAddress", "schema:streetAddress"])", onNode) +
         field(postcode, R"(["ess:postalCode", "schema:postalCode"])",
               "check = \"postcode\"\n" + onNode) +
         field(locality, R"(["ess:locality", "schema:addressLocality"])", onNode);
}

/// The INSEE commune code, linked to the commune's IRI.
std::string communeField(const std::string& column) {
  return field(column, R"("ess:commune")",
               "template = \"https://w3id.org/bdis/id/commune/{value}\"\n");
}

/// E-mail, telephone and web site.
std::string contactFields(const std::string& email, const std::string& telephone,
                          const std::string& website) {
  return field(email, R"(["ess:email", "schema:email"])", "check = \"email\"\n") +
         field(telephone, R"(["ess:telephone", "schema:telephone"])") +
         field(website, R"(["ess:website", "schema:url"])", "check = \"url\"\n");
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
         subjectSection("siret", "nom", "code_postal", "identifiant") + addressNode("adresse") + R"(
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
)" + descriptionField("description") +
         addressFields("adresse", "adresse", "code_postal", "commune") +
         communeField("code_insee") + contactFields("courriel", "telephone", "site_web") + R"(
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
         addressNode("siege") + R"(
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
)" + descriptionField("presentation") +
         addressFields("siege", "voie", "cp", "ville") + communeField("insee") +
         contactFields("email", "tel", "web") + R"(
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
         subjectSection("siret", "nom", "adresse.code_postal", "id") + addressNode("adresse") + R"(
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
)" + descriptionField("description") +
         addressFields("adresse", "adresse.rue", "adresse.code_postal", "adresse.ville") +
         communeField("adresse.code_insee") +
         contactFields("contact.email", "contact.telephone", "site") + R"(
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
         subjectSection("siret", "name", "address.postalCode", "id") + addressNode("address") + R"(
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
)" + descriptionField("description") +
         addressFields("address", "address.streetAddress", "address.postalCode",
                       "address.addressLocality") +
         contactFields("email", "telephone", "website") + R"(
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
