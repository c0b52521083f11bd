// bdis reindex (rebuild the text index from scratch, rebuild the R-tree) and the
// search-index part of bdis check. See docs/search.md.

#include <chrono>
#include <cstdio>
#include <filesystem>

#include "rdf/store.h"
#include "rdf/text/text_config.h"
#include "rdf/text/text_index.h"
#include "server/cli/commands.h"
#include "sparql/ext/search_indexes.h"

namespace bdis::server {

int runReindex(const StoreArgs& args) {
  rdf::StoreOptions o;
  o.create = false;
  o.readOnly = true;
  auto store = rdf::Store::open(args.store, o);
  auto txn = store->beginRead();
  auto start = std::chrono::steady_clock::now();
  auto text = rdf::text::TextIndex::open(store->path(), true,
                                         rdf::text::TextConfig::forStore(store->path().string()));
  uint64_t docs = text->rebuild(*txn);
  double textSeconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  start = std::chrono::steady_clock::now();
  rdf::geo::GeoIndex geo;
  size_t points = geo.rebuild(*txn);
  double geoSeconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("text index: %llu documents in %.2f s (%.0f documents/s)\n",
              static_cast<unsigned long long>(docs), textSeconds,
              textSeconds > 0 ? docs / textSeconds : 0.0);
  std::printf("geo index: %zu geometries in %.2f s, %zu unparsable WKT literal(s)\n", points,
              geoSeconds, geo.badLiterals());
  return 0;
}

std::vector<std::string> checkSearchIndexes(const rdf::Store& store, const rdf::ReadTxn& txn) {
  if (!std::filesystem::exists(store.path() / "text")) return {};  // built on first use
  auto text = rdf::text::TextIndex::open(store.path(), false,
                                         rdf::text::TextConfig::forStore(store.path().string()));
  return text->check(txn);
}

}  // namespace bdis::server
