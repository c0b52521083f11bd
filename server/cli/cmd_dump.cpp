#include <fstream>
#include <iostream>
#include <memory>

#include "rdf/error.h"
#include "rdf/prefixes.h"
#include "rdf/rdf_format.h"
#include "rdf/rdf_writer.h"
#include "rdf/store.h"
#include "server/cli/commands.h"
#include "server/routes/dump_files.h"

namespace bdis::server {

int runDump(const DumpArgs& args) {
  rdf::StoreOptions so;
  so.create = false;
  so.readOnly = true;
  auto store = rdf::Store::open(args.store, so);
  auto txn = store->beginRead();

  if (args.publish) {
    auto set = publishDumps(*txn, dumpsRoot(args.store));
    for (const auto& f : set.files) {
      std::cout << (set.folder / f.name).string() << "  " << f.bytes << " bytes  sha256 "
                << f.sha256 << "\n";
    }
    return 0;
  }

  auto format = rdf::formatFromName(args.format);
  if (!format) throw UsageError("--format: unknown format '" + args.format + "'");
  bool tripleFormat = *format == rdf::RdfFormat::NTriples || *format == rdf::RdfFormat::Turtle;

  rdf::QuadPattern pattern{rdf::kAny, rdf::kAny, rdf::kAny, rdf::kAny};
  if (args.graph) {
    if (*args.graph == "default") {
      pattern.g = rdf::kDefaultGraph;
    } else {
      auto id = txn->lookup(rdf::Term::iri(*args.graph).view());
      // An unknown graph is empty: dump nothing rather than fail.
      pattern.g = id ? *id : rdf::TermId::make(rdf::IdTag::Special, 3);
    }
  } else if (tripleFormat) {
    if (!txn->namedGraphs().empty()) {
      throw UsageError("the store has named graphs, which --format " + args.format +
                       " cannot hold: use --format nq or trig, or choose one with --graph");
    }
    pattern.g = rdf::kDefaultGraph;
  }

  std::unique_ptr<std::ofstream> file;
  std::ostream* out = &std::cout;
  if (!args.output.empty()) {
    file = std::make_unique<std::ofstream>(args.output, std::ios::binary | std::ios::trunc);
    if (!*file) throw StorageError("cannot write " + args.output);
    out = file.get();
  }

  rdf::WriterOptions wo;
  for (auto [name, iri] : rdf::wellKnownPrefixes()) wo.prefixes.emplace_back(name, iri);
  rdf::RdfWriter writer(*out, *format, wo);

  // Graph-major order groups TriG blocks and Turtle subjects.
  auto cursor = txn->scan(pattern, rdf::IndexOrder::GSPO);
  std::vector<rdf::QuadIds> batch(4096);
  std::string scratch[4];
  while (size_t n = cursor.nextBatch(batch)) {
    for (size_t i = 0; i < n; ++i) {
      const auto& q = batch[i];
      rdf::QuadView v;
      v.s = txn->decodeView(q.s, scratch[0]);
      v.p = txn->decodeView(q.p, scratch[1]);
      v.o = txn->decodeView(q.o, scratch[2]);
      if (!q.g.isDefaultGraph() && !tripleFormat) v.g = txn->decodeView(q.g, scratch[3]);
      writer.write(v);
    }
  }
  writer.finish();
  out->flush();
  if (!*out) throw StorageError("write error on " + (args.output.empty() ? "stdout" : args.output));
  return 0;
}

}  // namespace bdis::server
