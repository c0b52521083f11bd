#include "loaders/bulk/bulk_loader.h"

#include <tbb/parallel_pipeline.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <memory>
#include <random>
#include <thread>

#include "loaders/bulk/progress.h"
#include "loaders/bulk/term_arena.h"
#include "rdf/error.h"
#include "rdf/input_source.h"
#include "rdf/rdf_reader.h"

namespace bdis::loaders {

namespace {

constexpr size_t kChunkBytes = 4u << 20;

/// Interns quads into the write transaction and buffers their ids, merging the
/// buffer into the indexes whenever it reaches its share of the memory limit.
class QuadBuffer : public rdf::QuadSink {
 public:
  QuadBuffer(rdf::WriteTxn& txn, uint64_t memoryLimit, rdf::TermId graph)
      : txn_(txn), graph_(graph) {
    // A sixth of the limit for the dictionary's term cache, a sixth for the
    // buffer: insertBatch holds up to three more copies of it while merging
    // (the sorted new quads, the order being written, the next one being sorted).
    txn_.setTermCacheBudget(std::max<uint64_t>(4u << 20, memoryLimit / 6));
    capacity_ = std::max<uint64_t>(1u << 16, memoryLimit / 6 / sizeof(rdf::QuadIds));
    quads_.reserve(std::min<uint64_t>(capacity_, 1u << 20));
  }

  void quad(const rdf::QuadView& q) override {
    rdf::QuadIds ids;
    ids.s = txn_.intern(q.s);
    ids.p = txn_.intern(q.p);
    ids.o = txn_.intern(q.o);
    ids.g = q.g.isNone() ? graph_ : txn_.intern(q.g);
    add(ids);
  }

  /// A quad whose terms a parse thread prepared (s, p, o, g).
  void prepared(const PreparedTerm (&t)[4]) {
    rdf::QuadIds ids;
    ids.s = id(t[0]);
    ids.p = id(t[1]);
    ids.o = id(t[2]);
    ids.g = t[3].kind == PreparedTerm::Kind::None ? graph_ : id(t[3]);
    add(ids);
  }

  void flush() {
    if (quads_.empty()) return;
    inserted_ += txn_.insertBatch(quads_);
    quads_.clear();
  }

  uint64_t statements() const { return statements_; }
  uint64_t inserted() const { return inserted_; }

 private:
  rdf::TermId id(const PreparedTerm& t) {
    return t.kind == PreparedTerm::Kind::Inline ? t.inlineId
                                                : txn_.internSerialized(t.serialized, t.hash);
  }

  void add(const rdf::QuadIds& ids) {
    quads_.push_back(ids);
    ++statements_;
    if (quads_.size() >= capacity_) flush();
  }

  rdf::WriteTxn& txn_;
  rdf::TermId graph_;
  uint64_t capacity_;
  std::vector<rdf::QuadIds> quads_;
  uint64_t statements_ = 0;
  uint64_t inserted_ = 0;
};

/// One line-aligned piece of an N-Triples/N-Quads input and what parsing it gave.
struct Chunk {
  std::string text;
  uint64_t firstLine = 1;
  TermArena quads;
  std::vector<std::string> skipped;  // messages of skipped statements, in order
  uint64_t bytesRead = 0;
};

std::string fileIri(const std::string& path) {
  if (path == "-") return "file:///dev/stdin";
  std::error_code ec;
  auto abs = std::filesystem::absolute(path, ec);
  return "file://" + (ec ? path : abs.string());
}

/// The size of an uncompressed file (for the progress percentage), else 0.
uint64_t plainFileSize(const std::string& path) {
  if (path == "-" || path.ends_with(".gz") || path.ends_with(".zst")) return 0;
  std::error_code ec;
  auto size = std::filesystem::file_size(path, ec);
  return ec ? 0 : size;
}

/// Parallel parse of a line-based format: read (serial) -> parse (parallel) ->
/// intern (serial, in input order).
void loadLineBased(const std::string& path, const rdf::ReadOptions& base, QuadBuffer& buffer,
                   std::ostream& log, uint64_t& skipped, Progress& progress, unsigned threads) {
  auto input = rdf::InputSource::open(path);
  uint64_t line = 1;
  uint64_t bytesRead = 0;
  std::string carry;
  bool eof = false;
  const uint64_t total = plainFileSize(path);

  auto read = [&](tbb::flow_control& fc) -> Chunk* {
    if (eof && carry.empty()) {
      fc.stop();
      return nullptr;
    }
    auto chunk = std::make_unique<Chunk>();
    chunk->text = std::move(carry);
    carry.clear();
    while (!eof && chunk->text.size() < kChunkBytes) {
      size_t old = chunk->text.size();
      chunk->text.resize(old + kChunkBytes);
      size_t n = input->read(chunk->text.data() + old, kChunkBytes);
      chunk->text.resize(old + n);
      bytesRead += n;
      if (n == 0) eof = true;
    }
    if (!eof) {
      size_t cut = chunk->text.rfind('\n');
      if (cut != std::string::npos) {
        carry.assign(chunk->text, cut + 1, std::string::npos);
        chunk->text.resize(cut + 1);
      }
    }
    chunk->firstLine = line;
    line += static_cast<uint64_t>(std::count(chunk->text.begin(), chunk->text.end(), '\n'));
    chunk->bytesRead = bytesRead;
    if (chunk->text.empty() && eof) {
      fc.stop();
      return nullptr;
    }
    return chunk.release();
  };

  auto parse = [&base](Chunk* chunk) -> Chunk* {
    rdf::ReadOptions opts = base;
    opts.firstLine = chunk->firstLine;
    if (opts.skipInvalid) {
      opts.onSkipped = [chunk](const SyntaxError& e) { chunk->skipped.push_back(e.what()); };
    }
    ArenaSink sink(chunk->quads);
    try {
      rdf::readBuffer(chunk->text, opts, sink);
    } catch (...) {
      delete chunk;
      throw;
    }
    std::string().swap(chunk->text);
    return chunk;
  };

  auto intern = [&](Chunk* chunk) {
    std::unique_ptr<Chunk> owned(chunk);
    for (const auto& msg : chunk->skipped) log << "skipped: " << msg << "\n";
    skipped += chunk->skipped.size();
    TermArena::Reader reader(chunk->quads);
    PreparedTerm terms[4];
    while (reader.next(terms)) buffer.prepared(terms);
    progress.update(buffer.statements(), path, chunk->bytesRead, total);
  };

  tbb::parallel_pipeline(
      std::max(2u, threads) + 1,
      tbb::make_filter<void, Chunk*>(tbb::filter_mode::serial_in_order, read) &
          tbb::make_filter<Chunk*, Chunk*>(tbb::filter_mode::parallel, parse) &
          tbb::make_filter<Chunk*, void>(tbb::filter_mode::serial_in_order, intern));
}

}  // namespace

std::string newBlankScope() {
  static std::atomic<uint64_t> counter{0};
  std::random_device rd;
  uint64_t r = (static_cast<uint64_t>(rd()) << 32) ^ rd() ^
               static_cast<uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count());
  r ^= counter.fetch_add(1) * 0x9E3779B97F4A7C15ull;
  static const char* digits = "0123456789abcdefghijklmnopqrstuvwxyz";
  std::string out = "b";
  for (int i = 0; i < 10; ++i) {
    out += digits[r % 36];
    r /= 36;
  }
  return out + "_";
}

std::optional<uint64_t> parseByteSize(const std::string& text) {
  if (text.empty()) return std::nullopt;
  size_t pos = 0;
  uint64_t value = 0;
  while (pos < text.size() && std::isdigit(static_cast<unsigned char>(text[pos]))) {
    value = value * 10 + static_cast<uint64_t>(text[pos] - '0');
    ++pos;
  }
  if (pos == 0) return std::nullopt;
  std::string unit = text.substr(pos);
  if (!unit.empty() && (unit.back() == 'B' || unit.back() == 'b')) unit.pop_back();
  if (!unit.empty() && (unit.back() == 'i')) unit.pop_back();
  if (unit.empty()) return value;
  if (unit.size() != 1) return std::nullopt;
  switch (std::toupper(static_cast<unsigned char>(unit[0]))) {
    case 'K':
      return value << 10;
    case 'M':
      return value << 20;
    case 'G':
      return value << 30;
    case 'T':
      return value << 40;
    default:
      return std::nullopt;
  }
}

BulkLoadSummary bulkLoad(rdf::Store& store, const std::vector<std::string>& inputs,
                         const BulkLoadOptions& options, std::ostream& log) {
  auto start = std::chrono::steady_clock::now();
  BulkLoadSummary summary;
  unsigned threads = options.threads ? options.threads : std::thread::hardware_concurrency();

  // Resolve every input's format before touching the store.
  std::vector<rdf::RdfFormat> formats;
  for (const auto& in : inputs) {
    if (options.reader) {
      formats.push_back(rdf::RdfFormat::NTriples);  // unused: the reader decides
    } else if (options.format) {
      formats.push_back(*options.format);
    } else if (auto f = rdf::formatFromPath(in)) {
      formats.push_back(*f);
    } else {
      throw SemanticError("cannot tell the RDF format of '" + in +
                          "' from its name: give --format (nt, nq, ttl, trig)");
    }
  }

  auto txn = store.beginWrite();
  rdf::Term graphTerm;
  rdf::TermId graphId = rdf::kDefaultGraph;
  if (options.graph) {
    graphTerm = rdf::Term::iri(*options.graph);
    graphId = txn->intern(graphTerm.view());
  }
  if (options.replace) summary.removed = txn->clearGraph(graphId);

  Progress progress(options.progress);
  QuadBuffer buffer(*txn, options.memoryLimit, graphId);
  for (size_t i = 0; i < inputs.size(); ++i) {
    const auto& path = inputs[i];
    if (options.reader) {
      summary.skipped += options.reader(path, buffer, log);
      progress.update(buffer.statements(), path, 0, 0);
      continue;
    }
    rdf::ReadOptions ro;
    ro.format = formats[i];
    ro.baseIri = options.baseIri.empty() ? fileIri(path) : options.baseIri;
    ro.sourceName = path == "-" ? "<stdin>" : path;
    ro.blankPrefix = newBlankScope();
    ro.defaultGraph = graphTerm.view();
    ro.skipInvalid = options.skipInvalid;
    bool lineBased = formats[i] == rdf::RdfFormat::NTriples || formats[i] == rdf::RdfFormat::NQuads;
    if (lineBased && threads > 1) {
      loadLineBased(path, ro, buffer, log, summary.skipped, progress, threads);
    } else {
      if (ro.skipInvalid) {
        ro.onSkipped = [&](const SyntaxError& e) {
          log << "skipped: " << e.what() << "\n";
          ++summary.skipped;
        };
      }
      rdf::readFile(path, ro, buffer);
      progress.update(buffer.statements(), path, 0, 0);
    }
  }
  progress.phase("merging into the indexes...");
  buffer.flush();
  progress.phase("committing...");
  txn->commit();
  progress.finish();

  summary.statements = buffer.statements();
  summary.inserted = buffer.inserted();
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return summary;
}

}  // namespace bdis::loaders
