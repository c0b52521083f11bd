// `bdis demo`: build a store from the sample shipped with bdis (once), then serve it.

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <algorithm>

#include "loaders/bulk/bulk_loader.h"
#include "loaders/bulk/progress.h"
#include "loaders/territories.h"
#include "rdf/error.h"
#include "rdf/store.h"
#include "server/cli/commands.h"
#include "server/cli/ess_reader.h"

namespace bdis::server {

namespace fs = std::filesystem;

namespace {

/// Bumped whenever the demo content changes, so that an old demo store is rebuilt.
constexpr const char* kDemoVersion = "bdis-demo-2";
constexpr const char* kOntologyGraph = "https://w3id.org/bdis/ess";
constexpr const char* kTerritoryGraph = "https://w3id.org/bdis/id/source/territories";

std::string defaultStore() {
  const char* xdg = std::getenv("XDG_DATA_HOME");
  const char* home = std::getenv("HOME");
  fs::path base = xdg && *xdg ? fs::path(xdg) : fs::path(home ? home : ".") / ".local" / "share";
  return (base / "bdis" / "demo-store").string();
}

std::string formatOf(const fs::path& data) {
  auto ext = data.extension().string();
  if (ext == ".csv") return "csv";
  if (ext == ".geojson") return "geojson";
  return "gogocarto";
}

std::optional<fs::path> sharedCommunes() {
  std::vector<fs::path> candidates;
  if (const char* env = std::getenv("BDIS_SHARED"); env && *env) candidates.emplace_back(env);
  candidates.emplace_back(fs::path(BDIS_SOURCE_DIR) / ".." / "shared");
  for (const auto& c : candidates) {
    std::error_code ec;
    if (fs::is_regular_file(c / "data" / "communes" / "communes.csv", ec)) {
      return c / "data" / "communes";
    }
  }
  return std::nullopt;
}

/// Sends the territories to the load's sink.
uint64_t loadTerritories(const fs::path& folder, rdf::QuadSink& sink) {
  auto t = loaders::readTerritories(folder.string());
  loaders::emitTerritories(t, kTerritoryGraph, sink);
  return 0;
}

void build(const std::string& storeDir, const fs::path& data) {
  std::error_code ec;
  fs::remove_all(storeDir, ec);
  auto store = rdf::Store::open(storeDir);
  auto quiet = loaders::BulkLoadOptions{};
  quiet.progress = loaders::stderrIsTerminal();

  // The ontology and its concept schemes.
  // The files of the ontology proper (not the test-only declarations of external terms).
  std::vector<std::string> ontology;
  std::string list = BDIS_ONTOLOGY_LIST;
  for (size_t pos = 0; pos < list.size();) {
    size_t comma = list.find(',', pos);
    if (comma == std::string::npos) comma = list.size();
    ontology.push_back((fs::path(BDIS_SOURCE_DIR) / "ontology" / list.substr(pos, comma - pos)).string());
    pos = comma + 1;
  }
  auto opts = quiet;
  opts.graph = kOntologyGraph;
  auto s = loaders::bulkLoad(*store, ontology, opts, std::cerr);
  std::cerr << "demo: ontology, " << s.statements << " triples\n";

  // Territories, when the reference data is at hand.
  if (auto communes = sharedCommunes()) {
    auto topts = quiet;
    topts.graph = kTerritoryGraph;
    topts.reader = [](const std::string& folder, rdf::QuadSink& sink, std::ostream&) {
      return loadTerritories(folder, sink);
    };
    s = loaders::bulkLoad(*store, {communes->string()}, topts, std::cerr);
    std::cerr << "demo: territories, " << s.statements << " triples\n";
  } else {
    std::cerr << "demo: no communes data (set BDIS_SHARED): territories left out\n";
  }

  // Each network export into its own graph.
  std::vector<fs::path> mappings;
  for (const auto& e : fs::directory_iterator(data)) {
    if (e.path().extension() == ".toml") mappings.push_back(e.path());
  }
  std::sort(mappings.begin(), mappings.end());
  for (const auto& m : mappings) {
    fs::path exportFile;
    for (const char* ext : {".csv", ".geojson", ".json"}) {
      auto candidate = fs::path(m).replace_extension(ext);
      if (fs::exists(candidate)) exportFile = candidate;
    }
    if (exportFile.empty()) continue;
    std::string target;
    auto eopts = quiet;
    eopts.reader = makeEssReader(formatOf(exportFile), m.string(), std::nullopt, false, target);
    if (!target.empty()) eopts.graph = target;
    std::ostringstream log;
    s = loaders::bulkLoad(*store, {exportFile.string()}, eopts, log);
    std::cerr << "demo: " << exportFile.filename().string() << ", " << s.statements
              << " triples, " << s.skipped << " records skipped (synthetic defects)\n";
  }
  std::ofstream(fs::path(storeDir) / "demo.version") << kDemoVersion << "\n";
}

/// Whether the demo store was built by this version of the demo and opens with
/// this build (a store of an older on-disk format is rebuilt).
bool upToDate(const std::string& storeDir) {
  std::ifstream in(fs::path(storeDir) / "demo.version");
  std::string v;
  std::getline(in, v);
  if (v != kDemoVersion) return false;
  try {
    rdf::StoreOptions o;
    o.create = false;
    o.readOnly = true;
    rdf::Store::open(storeDir, o);
    return true;
  } catch (const StorageError& e) {
    std::cerr << "demo: rebuilding: " << e.what() << "\n";
    return false;
  }
}

}  // namespace

int runDemo(const DemoArgs& args) {
  std::string storeDir = args.store.empty() ? defaultStore() : args.store;
  fs::path data = args.data.empty() ? fs::path(BDIS_SOURCE_DIR) / "loaders" / "sample"
                                    : fs::path(args.data);
  if (!fs::is_directory(data)) throw StorageError("demo data folder " + data.string() + " not found");
  if (args.rebuild || !upToDate(storeDir)) {
    std::cerr << "demo: building " << storeDir << " from " << data.string() << "\n";
    fs::create_directories(fs::path(storeDir).parent_path());
    try {
      build(storeDir, data);
    } catch (...) {
      std::error_code ec;
      fs::remove_all(storeDir, ec);
      throw;
    }
  }
  ServeArgs serve;
  serve.store = storeDir;
  serve.host = args.host;
  serve.port = args.port;
  // The sample keeps each network in its own named graph: queries without GRAPH or
  // FROM should find the initiatives, as on Virtuoso.
  serve.unionDefaultGraph = true;
  return runServe(serve);
}

}  // namespace bdis::server
