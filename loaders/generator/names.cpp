#include "loaders/generator/names.h"

namespace bdis::gen {

const std::vector<KindProfile>& kindProfiles() {
  static const std::vector<KindProfile> kProfiles = {
      {"amap", "AMAP", 14, {"9220", "9210"}, {"01.13Z", "94.99Z"}, 0.55},
      {"ressourcerie", "Ressourcerie", 6, {"9220", "5560", "5710"}, {"38.32Z", "47.79Z"}, 1.0},
      {"recyclerie", "Recyclerie", 5, {"9220", "9221"}, {"47.79Z", "38.32Z"}, 1.0},
      {"epicerie-solidaire", "Épicerie solidaire", 7, {"9220"}, {"47.11C", "88.99B"}, 0.95},
      {"cafe-associatif", "Café associatif", 7, {"9220"}, {"56.30Z", "94.99Z"}, 0.85},
      {"scop-batiment",
       "SCOP du bâtiment",
       5,
       {"5458", "5558", "5658"},
       {"43.32A", "43.21A", "43.31Z", "41.20A"},
       1.0},
      {"cooperative-habitants", "Coopérative d'habitants", 2, {"5460", "5710"}, {"68.20A"}, 1.0},
      {"tiers-lieu",
       "Tiers-lieu",
       5,
       {"9220", "5560", "5710"},
       {"82.11Z", "94.99Z", "68.20B"},
       0.9},
      {"atelier-velo", "Atelier vélo participatif", 4, {"9220"}, {"95.29Z", "94.99Z"}, 0.8},
      {"repair-cafe", "Repair café", 4, {"9220", "9210"}, {"95.29Z"}, 0.5},
      {"jardin-partage", "Jardin partagé", 5, {"9220", "9210"}, {"01.19Z", "94.99Z"}, 0.45},
      {"chantier-insertion",
       "Atelier et chantier d'insertion",
       4,
       {"9221", "9220"},
       {"88.99B", "81.30Z"},
       1.0},
      {"creche-parentale", "Crèche parentale", 4, {"9220"}, {"88.91A"}, 1.0},
      {"monnaie-locale", "Monnaie locale complémentaire", 1, {"9220"}, {"94.99Z"}, 0.9},
      {"energie-citoyenne",
       "Coopérative d'énergie citoyenne",
       2,
       {"5560", "5710"},
       {"35.11Z"},
       1.0},
      {"magasin-producteurs",
       "Magasin de producteurs",
       3,
       {"5460", "6317", "5710"},
       {"47.21Z", "47.11C"},
       1.0},
      {"commerce-equitable",
       "Boutique de commerce équitable",
       3,
       {"9220", "5460"},
       {"47.19B", "47.79Z"},
       1.0},
      {"compagnie-theatre",
       "Compagnie de théâtre associative",
       5,
       {"9220"},
       {"90.01Z", "90.02Z"},
       0.9},
      {"club-sportif", "Club sportif associatif", 7, {"9220"}, {"93.12Z"}, 0.9},
      {"mutuelle-sante", "Mutuelle de santé", 1, {"8210", "8290"}, {"65.12Z"}, 1.0},
      {"cae", "Coopérative d'activité et d'emploi", 2, {"5458", "5560"}, {"70.22Z", "78.30Z"}, 1.0},
      {"education-populaire",
       "Association d'éducation populaire",
       5,
       {"9220", "9230"},
       {"85.59B", "94.99Z", "88.91B"},
       0.9},
      {"aide-domicile", "Service d'aide à domicile", 3, {"9220", "9230"}, {"88.10A"}, 1.0},
      {"banque-alimentaire", "Banque alimentaire", 1, {"9230", "9220"}, {"88.99B"}, 1.0},
  };
  return kProfiles;
}

namespace {

const std::vector<std::string> kNature = {
    "Les Paniers", "Le Potager",      "La Grange",  "Les Champs",  "La Ruche",
    "Le Verger",   "Les Semailles",   "La Graine",  "Les Jardins", "Le Fournil",
    "La Fourche",  "Les Coquelicots", "Le Pré",     "La Source",   "Les Tournesols",
    "Le Sillon",   "Les Lucioles",    "La Cerisaie"};
const std::vector<std::string> kAdjective = {
    "Solidaires", "Partagés", "Paysans", "du Coin", "Bio",       "Voisins",   "en Fête",
    "Citoyens",   "Heureux",  "Vivants", "d'Ici",   "Gourmands", "Vagabonds", "Ouverts"};
const std::vector<std::string> kFigure = {
    "Louise Michel", "Jean Jaurès",  "Olympe de Gouges", "Germaine Tillion",  "Victor Hugo",
    "Rosa Parks",    "Charles Gide", "Flora Tristan",    "Lucie Aubrac",      "Abbé Pierre",
    "Simone Veil",   "Jules Verne",  "Marie Curie",      "Pierre Kropotkine", "George Sand"};
const std::vector<std::string> kThing = {"La Boussole",      "L'Escale",
                                         "Le Trait d'Union", "La Passerelle",
                                         "Le Relais",        "L'Atelier",
                                         "La Fabrique",      "Le Chaudron",
                                         "La Marmite",       "Le Lien",
                                         "L'Étincelle",      "La Clé",
                                         "Le Phare",         "La Cabane",
                                         "Le Nid",           "La Bricole",
                                         "Le Local",         "La Manufacture",
                                         "Le Bazar",         "La Remise",
                                         "La Navette",       "L'Arbre à Palabres",
                                         "Le Grain de Sel",  "La Tisserie",
                                         "Les Mains Vertes", "Le Comptoir",
                                         "La Brouette",      "Le Pas de Côté"};
const std::vector<std::string> kTrade = {
    "Menuiserie", "Charpente",  "Couverture", "Électricité",      "Plomberie", "Peinture",
    "Maçonnerie", "Rénovation", "Isolation",  "Éco-construction", "Bâti"};
const std::vector<std::string> kStreetType = {"rue",     "rue",    "rue",       "avenue",
                                              "place",   "chemin", "boulevard", "allée",
                                              "impasse", "route",  "quai",      "cours"};
const std::vector<std::string> kStreetName = {
    "de la République", "Jean Jaurès",    "Victor Hugo", "des Écoles",    "du Moulin",
    "de la Gare",       "Pasteur",        "des Lilas",   "de la Liberté", "du Général de Gaulle",
    "des Tilleuls",     "de l'Église",    "du Stade",    "des Peupliers", "Gambetta",
    "du Marché",        "de la Fontaine", "des Acacias", "Jules Ferry",   "du Port",
    "des Vignes",       "de la Mairie",   "Émile Zola",  "du 8 Mai 1945", "des Prés",
    "du Château",       "Carnot",         "de la Paix",  "des Artisans",  "Louis Pasteur",
    "des Jardins",      "de Verdun",      "Voltaire"};
const std::vector<std::string> kDay = {"lundi", "mardi", "mercredi", "jeudi", "vendredi"};

std::string de(const std::string& commune) {
  // "de Lyon", "d'Annecy", "du Mans" (Le Mans), "des Ulis" (Les Ulis), "de La Rochelle".
  if (commune.rfind("Le ", 0) == 0) return "du " + commune.substr(3);
  if (commune.rfind("Les ", 0) == 0) return "des " + commune.substr(4);
  unsigned char c = static_cast<unsigned char>(commune.empty() ? 'x' : commune[0]);
  bool vowel = c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U' || c == 'Y' || c == 'H' ||
               commune.rfind("É", 0) == 0 || commune.rfind("Î", 0) == 0;
  return vowel ? "d'" + commune : "de " + commune;
}

}  // namespace

std::string makeName(const KindProfile& k, const std::string& commune, Random& r) {
  const std::string& kind = k.kind;
  uint64_t v = r.below(3);
  if (kind == "amap") {
    if (v == 0) return "AMAP " + de(commune);
    if (v == 1) return "AMAP " + r.pick(kNature) + " " + r.pick(kAdjective);
    return "AMAP " + r.pick(kNature) + " " + de(commune);
  }
  if (kind == "ressourcerie")
    return v == 0 ? "Ressourcerie " + r.pick(kThing) : "La Ressourcerie " + de(commune);
  if (kind == "recyclerie")
    return v == 0 ? "Recyclerie " + r.pick(kThing) : "La Recyclerie " + de(commune);
  if (kind == "epicerie-solidaire") {
    return v == 0 ? "Épicerie solidaire " + r.pick(kThing)
                  : "Épicerie sociale et solidaire " + de(commune);
  }
  if (kind == "cafe-associatif")
    return v == 0 ? "Café associatif " + r.pick(kThing) : r.pick(kThing) + " – café associatif";
  if (kind == "scop-batiment") {
    return v == 0 ? r.pick(kTrade) + " " + r.pick(kThing) + " SCOP"
                  : "SCOP " + r.pick(kTrade) + " " + de(commune);
  }
  if (kind == "cooperative-habitants") return "Coopérative d'habitants " + r.pick(kThing);
  if (kind == "tiers-lieu")
    return v == 0 ? "Tiers-lieu " + r.pick(kThing)
                  : r.pick(kThing) + " (tiers-lieu " + de(commune) + ")";
  if (kind == "atelier-velo")
    return v == 0 ? "Atelier vélo " + r.pick(kThing) : "La Roue Libre " + de(commune);
  if (kind == "repair-cafe") return "Repair Café " + de(commune);
  if (kind == "jardin-partage")
    return v == 0 ? "Jardin partagé " + r.pick(kNature) : "Les Jardins Partagés " + de(commune);
  if (kind == "chantier-insertion")
    return v == 0 ? "Chantier d'insertion " + r.pick(kThing)
                  : "ACI " + r.pick(kThing) + " " + de(commune);
  if (kind == "creche-parentale") return "Crèche parentale " + r.pick(kThing);
  if (kind == "monnaie-locale") return "Monnaie locale " + de(commune);
  if (kind == "energie-citoyenne")
    return v == 0 ? "Énergie citoyenne " + de(commune) : "Centrale villageoise " + de(commune);
  if (kind == "magasin-producteurs")
    return v == 0 ? "Magasin de producteurs " + r.pick(kNature)
                  : "Le Panier Fermier " + de(commune);
  if (kind == "commerce-equitable")
    return v == 0 ? "Boutique équitable " + r.pick(kThing) : "Artisans du Monde " + commune;
  if (kind == "compagnie-theatre") return "Compagnie " + r.pick(kThing);
  if (kind == "club-sportif")
    return v == 0 ? "Union sportive " + de(commune) : "Club " + r.pick(kThing) + " " + de(commune);
  if (kind == "mutuelle-sante") return "Mutuelle " + r.pick(kFigure);
  if (kind == "cae") return "CAE " + r.pick(kThing);
  if (kind == "education-populaire")
    return v == 0 ? "Maison des jeunes et de la culture " + de(commune)
                  : "Foyer " + r.pick(kFigure);
  if (kind == "aide-domicile") return "Aide à domicile " + de(commune);
  if (kind == "banque-alimentaire") return "Banque alimentaire " + de(commune);
  return k.label + " " + r.pick(kThing);
}

std::string makeStreet(Random& r) {
  return std::to_string(1 + r.below(120)) + (r.chance(0.08) ? " bis " : " ") + r.pick(kStreetType) +
         " " + r.pick(kStreetName);
}

std::string makeDescription(const KindProfile& k, const std::string& name,
                            const std::string& commune, Random& r) {
  const std::string& kind = k.kind;
  std::string day = r.pick(kDay);
  std::string in = "à " + commune;
  if (kind == "amap") {
    return name + " réunit " + std::to_string(20 + r.below(80)) +
           " familles autour de producteurs " + "installés près de " + commune +
           ". Distribution des paniers de légumes chaque " + day +
           " soir ; contrats de saison, œufs, pain et fromages en complément.";
  }
  if (kind == "ressourcerie" || kind == "recyclerie") {
    return "Collecte, tri, réparation et revente d'objets de seconde main " + in +
           ". Ateliers de sensibilisation à la réduction des déchets et boutique solidaire ouverte "
           "au public.";
  }
  if (kind == "epicerie-solidaire") {
    return "Épicerie ouverte aux personnes orientées par les services sociaux, avec des produits à "
           "10 à 30 % "
           "de leur prix. Ateliers cuisine et accompagnement budgétaire " +
           in + ".";
  }
  if (kind == "cafe-associatif") {
    return "Café associatif " + in +
           " : concerts, débats, jeux, soirées thématiques et petite restauration "
           "de produits locaux, géré par ses bénévoles.";
  }
  if (kind == "scop-batiment") {
    return "Société coopérative de " + std::to_string(5 + r.below(40)) +
           " salariés associés : rénovation "
           "énergétique, éco-construction et travaux " +
           in + " et dans les environs.";
  }
  if (kind == "cooperative-habitants") {
    return "Habitat participatif de " + std::to_string(6 + r.below(20)) +
           " logements en propriété collective, avec salle commune, buanderie et jardin partagés.";
  }
  if (kind == "tiers-lieu") {
    return "Tiers-lieu " + in +
           " : espace de travail partagé, atelier de fabrication numérique, "
           "café et programmation culturelle.";
  }
  if (kind == "atelier-velo" || kind == "repair-cafe") {
    return "Atelier participatif " + in +
           " : on apprend à réparer soi-même, outils et conseils de bénévoles, "
           "pièces de réemploi. Le " +
           day + " de 17 h à 20 h.";
  }
  if (kind == "jardin-partage") {
    return "Jardin cultivé collectivement par les habitants du quartier, parcelles individuelles "
           "et "
           "collectives, compost partagé " +
           in + ".";
  }
  if (kind == "chantier-insertion") {
    return "Atelier et chantier d'insertion : " + std::to_string(10 + r.below(40)) +
           " salariés en parcours d'insertion, entretien d'espaces verts, maraîchage et "
           "accompagnement "
           "socioprofessionnel.";
  }
  if (kind == "creche-parentale") {
    return "Crèche parentale de " + std::to_string(12 + r.below(20)) + " places " + in +
           ", gérée par les parents avec une équipe de professionnelles de la petite enfance.";
  }
  if (kind == "energie-citoyenne") {
    return "Production d'électricité renouvelable (toitures photovoltaïques) financée par " +
           std::to_string(50 + r.below(400)) + " citoyens et collectivités " + in + ".";
  }
  if (kind == "magasin-producteurs" || kind == "commerce-equitable") {
    return "Point de vente collectif " + in +
           " : produits locaux et équitables, vendus au juste prix "
           "par les producteurs et les bénévoles.";
  }
  if (kind == "mutuelle-sante") {
    return "Mutuelle de santé à but non lucratif, gouvernée par ses adhérents : complémentaire "
           "santé, "
           "prévention et action sociale.";
  }
  return name + " (" + k.label + ") agit " + in +
         " au service des habitants, avec ses adhérents et bénévoles.";
}

std::string makeOpeningHours(const KindProfile& k, Random& r) {
  const std::string& kind = k.kind;
  if (kind == "amap") {
    static const std::vector<std::string> kDays = {"Mo", "Tu", "We", "Th", "Fr"};
    return r.pick(kDays) + " 18:00-19:30";
  }
  if (kind == "ressourcerie" || kind == "recyclerie" || kind == "epicerie-solidaire" ||
      kind == "magasin-producteurs" || kind == "commerce-equitable") {
    return r.chance(0.5) ? "We-Sa 10:00-18:00" : "Tu-Fr 14:00-18:30, Sa 10:00-17:00";
  }
  if (kind == "cafe-associatif") return "We-Su 16:00-23:00";
  if (kind == "atelier-velo" || kind == "repair-cafe") return "Th 17:00-20:00";
  if (kind == "creche-parentale") return "Mo-Fr 07:30-18:30";
  return {};
}

}  // namespace bdis::gen
