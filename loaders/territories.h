#pragma once
// French territories (communes, départements, régions) from the INSEE-derived CSV files of
// ../shared/data/communes/ (communes.csv, departements.csv, regions.csv), read at load or test time
// from a folder the caller names, and their RDF. The files themselves are never copied into bdis.
//
// communes.csv quirks handled: one row per (commune, postcode) -> one commune with several
// postcodes; COMD rows (communes déléguées) have no département/région -> taken from the parent,
// and get their own IRI (.../commune-deleguee/CODE) since many share the parent's code; Paris
// (75056), Lyon (69123) and Marseille (13055) have only their ARM (arrondissement) rows -> the
// parent commune is built from them (population summed, coordinates population-weighted);
// rows with empty coordinates keep the commune without coordinates. Codes stay strings (2A004).

#include <cstdint>
#include <string>
#include <vector>

#include "rdf/quad_sink.h"

namespace bdis::loaders {

/// One commune (COM), commune déléguée (COMD) or municipal arrondissement (ARM).
struct Commune {
  std::string code;
  std::string name;    ///< Official display name, with its article ("La Garenne-Colombes").
  std::string type;    ///< "COM", "COMD" or "ARM".
  std::string parent;  ///< COMD / ARM: the parent commune's code.
  std::string departement;
  std::string region;
  std::vector<std::string> postcodes;
  bool hasCoordinates = false;
  double lat = 0;
  double lon = 0;
  uint64_t population = 0;  ///< 2021 municipal population (0 when unknown).
};

/// One département or région.
struct Area {
  std::string code;
  std::string name;
  std::string region;  ///< Départements: their région's code.
  bool hasCoordinates = false;
  double lat = 0;
  double lon = 0;
};

/// The territories read from the folder.
struct Territories {
  std::vector<Commune>
      communes;  ///< COM (Paris, Lyon, Marseille included), COMD, ARM; sorted by type then code.
  std::vector<Area> departements;
  std::vector<Area> regions;
};

/// Reads communes.csv, departements.csv and regions.csv in `folder`. Throws StorageError when a
/// file is missing, SyntaxError (file, line) when a row is malformed.
Territories readTerritories(const std::string& folder);

/// Where territory IRIs live: BASE + "commune/01001", "commune-deleguee/...", "departement/2A",
/// "region/84". The default base is https://w3id.org/bdis/id/.
struct TerritoryIris {
  std::string base = "https://w3id.org/bdis/id/";
  std::string commune(const std::string& code) const { return base + "commune/" + code; }
  std::string communeDeleguee(const std::string& code) const {
    return base + "commune-deleguee/" + code;
  }
  std::string departement(const std::string& code) const { return base + "departement/" + code; }
  std::string region(const std::string& code) const { return base + "region/" + code; }
};

/// Emits the territories into `graph` (empty: default graph): each typed ess:Commune /
/// ess:Departement / ess:Region and schema:AdministrativeArea, with ess:inseeCode, ess:name,
/// schema:name, ess:postalCode, wgs84:lat/long and a geo:hasGeometry point, and the links
/// ess:departement, ess:region, ess:parentCommune. Returns the number of quads.
uint64_t emitTerritories(const Territories& t, const std::string& graph, rdf::QuadSink& sink,
                         const TerritoryIris& iris = {});

}  // namespace bdis::loaders
