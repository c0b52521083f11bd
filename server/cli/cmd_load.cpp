#include <cstdio>
#include <iostream>

#include "loaders/bulk/bulk_loader.h"
#include "loaders/bulk/progress.h"
#include "rdf/store.h"
#include "server/cli/commands.h"
#include "server/cli/ess_reader.h"

namespace bdis::server {

int runLoad(const LoadArgs& args) {
  loaders::BulkLoadOptions opts;
  opts.graph = args.graph;
  opts.replace = args.replace;
  opts.baseIri = args.base;
  opts.skipInvalid = args.skipInvalid;
  opts.threads = args.threads;
  opts.progress = loaders::stderrIsTerminal();
  if (auto limit = loaders::parseByteSize(args.memoryLimit)) {
    opts.memoryLimit = *limit;
  } else {
    throw UsageError("--memory-limit: expected a size such as 512M or 2G, got '" +
                     args.memoryLimit + "'");
  }
  if (isEssFormat(args.format)) {
    if (args.mapping.empty()) {
      throw UsageError("--format " + args.format + " needs --mapping FILE (see docs/ontology.md)");
    }
    std::string target;
    opts.reader = makeEssReader(args.format, args.mapping, args.graph, args.strict, target);
    // The records go to the source's own graph; --replace empties that one.
    if (target.empty()) opts.graph.reset();
    else opts.graph = target;
  } else if (!args.mapping.empty()) {
    throw UsageError("--mapping applies to --format csv, geojson or gogocarto");
  } else if (!args.format.empty()) {
    opts.format = rdf::formatFromName(args.format);
    if (!opts.format) {
      throw UsageError("--format: unknown format '" + args.format +
                       "' (expected nt, nq, ttl, trig, csv, geojson, gogocarto)");
    }
  }

  auto store = rdf::Store::open(args.store);
  auto summary = loaders::bulkLoad(*store, args.files, opts, std::cerr);
  double rate = summary.seconds > 0 ? summary.statements / summary.seconds : 0;
  std::printf("loaded %llu triples in %.2f s (%.0f triples/s)",
              static_cast<unsigned long long>(summary.statements), summary.seconds, rate);
  if (summary.statements != summary.inserted) {
    std::printf(", %llu new", static_cast<unsigned long long>(summary.inserted));
  }
  if (summary.skipped) std::printf(", %llu skipped", static_cast<unsigned long long>(summary.skipped));
  if (args.replace) {
    std::printf(", %llu replaced", static_cast<unsigned long long>(summary.removed));
  }
  std::printf("\n");
  return 0;
}

}  // namespace bdis::server
