#include <unistd.h>

#include <fstream>
#include <iostream>
#include <sstream>

#include "loaders/bulk/bulk_loader.h"
#include "rdf/error.h"
#include "rdf/store.h"
#include "server/cli/commands.h"
#include "server/query/result_chooser.h"
#include "sparql/engine.h"
#include "sparql/ext/search_indexes.h"

namespace bdis::server {

namespace {

std::string readQueryText(const QueryArgs& args) {
  if (!args.file.empty()) {
    std::ifstream in(args.file == "-" ? "/dev/stdin" : args.file, std::ios::binary);
    if (!in) throw StorageError("cannot read query file " + args.file);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }
  if (args.text.empty()) throw UsageError("give a query, or -f FILE");
  return args.text;
}

}  // namespace

int runQuery(const QueryArgs& args) {
  if (!args.file.empty() && !args.text.empty()) {
    throw UsageError("give the query either inline or with -f, not both");
  }
  std::optional<sparql::ResultFormat> forced;
  if (!args.format.empty()) {
    forced = sparql::resultFormatFromName(args.format);
    if (!forced) throw UsageError("--format: unknown format '" + args.format + "'");
  }
  rdf::StoreOptions so;
  so.create = false;
  so.readOnly = true;
  auto store = rdf::Store::open(args.store, so);
  sparql::ext::attachIndexesLazily(*store);
  auto txn = store->beginRead();

  sparql::QueryRequest request;
  request.text = readQueryText(args);
  request.explain = args.explain;
  request.limits.timeout = std::chrono::milliseconds(static_cast<int64_t>(args.timeout * 1000));
  if (auto mem = loaders::parseByteSize(args.memoryLimit)) request.limits.memoryBytes = *mem;
  else throw UsageError("--memory-limit: expected a size such as 1G, got '" + args.memoryLimit + "'");

  bool terminal = isatty(STDOUT_FILENO) == 1;
  ResultChooser sink(std::cout, [&](sparql::QueryForm form) {
    if (forced) return *forced;
    if (form == sparql::QueryForm::Select || form == sparql::QueryForm::Ask) {
      return terminal ? sparql::ResultFormat::Table : sparql::ResultFormat::Json;
    }
    return terminal ? sparql::ResultFormat::Turtle : sparql::ResultFormat::NTriples;
  });
  auto stats = sparql::executeQuery(*txn, request, sink);
  std::cout.flush();
  if (args.explain) std::cerr << stats.explain;
  return 0;
}

}  // namespace bdis::server
