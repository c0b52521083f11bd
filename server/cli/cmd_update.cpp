#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "rdf/error.h"
#include "rdf/store.h"
#include "server/cli/commands.h"
#include "sparql/update.h"

namespace bdis::server {

int runUpdate(const UpdateArgs& args) {
  if (!args.file.empty() && !args.text.empty()) {
    throw UsageError("give the update either inline or with -f, not both");
  }
  sparql::UpdateRequest request;
  if (!args.file.empty()) {
    std::ifstream in(args.file == "-" ? "/dev/stdin" : args.file, std::ios::binary);
    if (!in) throw StorageError("cannot read update file " + args.file);
    std::stringstream ss;
    ss << in.rdbuf();
    request.text = ss.str();
  } else if (!args.text.empty()) {
    request.text = args.text;
  } else {
    throw UsageError("give an update, or -f FILE");
  }
  request.allowHttpLoad = args.allowHttpLoad;
  request.limits.timeout = std::chrono::milliseconds(static_cast<int64_t>(args.timeout * 1000));

  auto store = rdf::Store::open(args.store);
  auto txn = store->beginWrite();
  auto stats = sparql::executeUpdate(*txn, request);  // an exception aborts: nothing changes
  txn->commit();
  std::printf("updated: %llu operation(s), %llu quad(s) inserted, %llu deleted in %.3f s\n",
              static_cast<unsigned long long>(stats.operations),
              static_cast<unsigned long long>(stats.inserted),
              static_cast<unsigned long long>(stats.deleted), stats.seconds);
  return 0;
}

}  // namespace bdis::server
