#pragma once
// The four synthetic network exports bdis-gen writes, each with its mapping file:
//   annuaire-ess.csv (+ .toml)   a general ESS directory, ';'-separated, French headers
//   cooperatives.csv (+ .toml)   a cooperatives federation, ','-separated, other headers
//   reemploi.geojson (+ .toml)   a reuse network's map (GeoJSON FeatureCollection)
//   reseau-amap.json (+ .toml)   an AMAP network's GoGoCarto export ({"data": [...]})
// An organisation belongs to one network by its kind; a share of them (`overlap`) is listed by a
// second network too, sometimes without its SIRET and with its name written differently, as real
// exports do. A share (`badRate`) of records carries one defect a loader must reject.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "loaders/generator/model.h"

namespace bdis::gen {

/// Output settings.
struct WriteOptions {
  std::string folder;
  double overlap = 0.15;
  double badRate = 0.0;
  /// Written as [source] retrieved_at in each mapping.
  std::string retrievedAt = "2026-12-01T09:00:00Z";
};

/// What was written.
struct WriteSummary {
  struct File {
    std::string name;
    uint64_t records = 0;
    uint64_t bad = 0;
  };
  std::vector<File> files;
  uint64_t overlapping = 0;
};

class Export;

/// Writes the exports and their mapping files into options.folder (created if missing), one
/// organisation at a time. Throws std::runtime_error when a file cannot be written.
class NetworkWriter {
 public:
  /// Opens the four exports and writes the mapping files. `options` and `r` must outlive it.
  NetworkWriter(const WriteOptions& options, Random& r);
  ~NetworkWriter();
  /// Lists `org` in its network, and with probability `overlap` in a second one.
  void add(const Organisation& org);
  /// Completes the files and says what was written.
  WriteSummary finish();

 private:
  void listing(int net, const Organisation& g, bool secondary);
  const WriteOptions& options_;
  Random& r_;
  std::unique_ptr<Export> exports_[4];
  WriteSummary summary_;
};

}  // namespace bdis::gen
