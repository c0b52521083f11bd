#include <cstdio>

#include "rdf/store.h"
#include "server/cli/commands.h"

namespace bdis::server {

namespace {

rdf::StoreOptions readOnly() {
  rdf::StoreOptions o;
  o.create = false;
  o.readOnly = true;
  return o;
}

}  // namespace

int runStats(const StoreArgs& args) {
  auto store = rdf::Store::open(args.store, readOnly());
  auto txn = store->beginRead();
  auto st = txn->stats();
  auto u = [](uint64_t v) { return static_cast<unsigned long long>(v); };
  std::printf("store        %s\n", args.store.c_str());
  std::printf("format       %u\n", rdf::kStoreFormatVersion);
  std::printf("triples      %llu\n", u(st.quads));
  std::printf("graphs       %llu named (+ default)\n", u(st.namedGraphs));
  std::printf("terms        %llu in the dictionary\n", u(st.terms));
  std::printf("disk         %llu bytes", u(st.bytesOnDisk));
  if (st.quads) std::printf(" (%.1f bytes/triple)", double(st.bytesOnDisk) / double(st.quads));
  std::printf("\n");
  std::printf("dictionary   %llu bytes\n", u(st.dictionaryBytes));
  for (int i = 0; i < rdf::kIndexCount; ++i) {
    std::printf("index %-6s %llu bytes\n", rdf::indexName(static_cast<rdf::IndexOrder>(i)),
                u(st.indexBytes[i]));
  }
  return 0;
}

int runCheck(const StoreArgs& args) {
  auto store = rdf::Store::open(args.store, readOnly());
  auto txn = store->beginRead();
  auto problems = txn->check();
  for (auto& p : checkSearchIndexes(*store, *txn)) problems.push_back(std::move(p));
  auto st = txn->stats();
  if (problems.empty()) {
    std::printf("ok: %llu triples, %llu terms, %d indexes agree\n",
                static_cast<unsigned long long>(st.quads),
                static_cast<unsigned long long>(st.terms), rdf::kIndexCount);
    return 0;
  }
  for (const auto& p : problems) std::fprintf(stderr, "check: %s\n", p.c_str());
  std::fprintf(stderr, "check: %zu problem(s) found\n", problems.size());
  return 1;
}

}  // namespace bdis::server
