#include "rdf/store.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <system_error>

#include "rdf/store_internal.h"

namespace bdis::rdf {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kMetaMagic = "magic";
constexpr std::string_view kMagicValue = "bdis quad store";
constexpr std::string_view kMetaVersion = "format_version";
constexpr const char* kIndexNames[kIndexCount] = {"spog", "posg", "ospg", "gspo",
                                                   "gpos", "gosp", "psog"};
constexpr unsigned kMaxDbs = 16;

std::string quoted(const fs::path& p) { return "'" + p.string() + "'"; }

StoreDbs openDbs(MDB_txn* txn, unsigned flags) {
  StoreDbs d;
  d.meta = lmdb::openDbi(txn, "meta", flags);
  d.term2id = lmdb::openDbi(txn, "term2id", flags);
  d.id2term = lmdb::openDbi(txn, "id2term", flags);
  d.namespaces = lmdb::openDbi(txn, "namespaces", flags);
  d.stats = lmdb::openDbi(txn, "stats", flags);
  for (int i = 0; i < kIndexCount; ++i) {
    d.index[i] = lmdb::openDbi(txn, kIndexNames[i], flags);
  }
  return d;
}

void checkFolder(const fs::path& dir, const StoreOptions& options, bool& fresh) {
  std::error_code ec;
  fs::file_status st = fs::status(dir, ec);
  if (!fs::exists(st)) {
    if (!options.create || options.readOnly) {
      throw StorageError("store folder " + quoted(dir) + " does not exist");
    }
    fs::create_directories(dir, ec);
    if (ec) {
      throw StorageError("cannot create store folder " + quoted(dir) + ": " + ec.message());
    }
  } else if (!fs::is_directory(st)) {
    throw StorageError(quoted(dir) + " is not a folder, so it cannot be a bdis store");
  }
  if (!options.readOnly && ::access(dir.c_str(), W_OK) != 0) {
    throw StorageError("store folder " + quoted(dir) + " is read-only: " + std::strerror(errno));
  }
  fresh = !fs::exists(dir / "data.mdb", ec);
  if (!fresh) {
    return;
  }
  bool empty = fs::is_empty(dir, ec);
  if (!empty) {
    throw StorageError(quoted(dir) + " is not a bdis store (it holds other files but no data.mdb)");
  }
  if (!options.create || options.readOnly) {
    throw StorageError("store folder " + quoted(dir) + " is empty: no bdis store to open");
  }
}

uint32_t readVersion(std::string_view v) {
  if (v.size() != 4) {
    throw StorageError("malformed store format version");
  }
  uint32_t out = 0;
  for (int i = 3; i >= 0; --i) {
    out = (out << 8) | static_cast<uint8_t>(v[i]);
  }
  return out;
}

std::string le32(uint32_t v) {
  std::string out(4, '\0');
  for (int i = 0; i < 4; ++i) {
    out[i] = static_cast<char>((v >> (8 * i)) & 0xFF);
  }
  return out;
}

}  // namespace

const char* indexName(IndexOrder order) {
  static constexpr const char* kUpper[kIndexCount] = {"SPOG", "POSG", "OSPG", "GSPO",
                                                      "GPOS", "GOSP", "PSOG"};
  return kUpper[static_cast<int>(order)];
}

// ---------------------------------------------------------------- Store

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::~Store() = default;

std::unique_ptr<Store> Store::open(const fs::path& dir, const StoreOptions& options) {
  bool fresh = false;
  checkFolder(dir, options, fresh);
  auto impl = std::make_unique<Impl>();
  impl->path = dir;
  impl->readOnly = options.readOnly;
  unsigned flags = MDB_NOTLS | (options.readOnly ? MDB_RDONLY : 0);
  // Read-only media: no lock file can be written, and no writer can be running.
  if (options.readOnly && ::access(dir.c_str(), W_OK) != 0) {
    flags |= MDB_NOLOCK;
  }
  try {
    impl->env =
        std::make_unique<lmdb::Env>(dir, flags, options.mapSize, options.maxReaders, kMaxDbs);
  } catch (const StorageError& e) {
    throw StorageError("cannot open store " + quoted(dir) + " (" + e.what() +
                       "); is it a bdis store?");
  }
  if (!fresh && !options.readOnly) {
    // A process killed while creating the store leaves an LMDB file with nothing
    // committed in it: finish the creation instead of refusing the folder.
    lmdb::Txn txn(impl->env->get(), MDB_RDONLY);
    MDB_dbi main = 0;
    lmdb::check(mdb_dbi_open(txn.get(), nullptr, 0, &main), "opening the store");
    MDB_stat st{};
    lmdb::check(mdb_stat(txn.get(), main, &st), "reading the store");
    fresh = st.ms_entries == 0;
  }
  if (fresh) {
    lmdb::Txn txn(impl->env->get(), 0);
    impl->dbs = openDbs(txn.get(), MDB_CREATE);
    lmdb::put(txn.get(), impl->dbs.meta, kMetaMagic, kMagicValue, 0, "creating the store");
    lmdb::put(txn.get(), impl->dbs.meta, kMetaVersion, le32(kStoreFormatVersion), 0,
              "creating the store");
    lmdb::put(txn.get(), impl->dbs.meta, kMetaNextTerm, le64(1), 0, "creating the store");
    StatsTable(txn.get(), impl->dbs.stats, impl->dbs.meta).reset();
    txn.commit();
  } else {
    lmdb::Txn txn(impl->env->get(), MDB_RDONLY);
    MDB_dbi meta = 0;
    int rc = mdb_dbi_open(txn.get(), "meta", 0, &meta);
    std::string_view magic;
    if (rc == MDB_NOTFOUND ||
        (rc == MDB_SUCCESS &&
         (!lmdb::get(txn.get(), meta, kMetaMagic, magic) || magic != kMagicValue))) {
      throw StorageError(quoted(dir) + " is an LMDB environment but not a bdis store");
    }
    lmdb::check(rc, "opening the store metadata");
    std::string_view version;
    if (!lmdb::get(txn.get(), meta, kMetaVersion, version)) {
      throw StorageError(quoted(dir) + " is not a bdis store (no format version)");
    }
    uint32_t v = readVersion(version);
    if (v != kStoreFormatVersion) {
      throw StorageError("store " + quoted(dir) + ": store format version " + std::to_string(v) +
                         ", this bdis reads " + std::to_string(kStoreFormatVersion) +
                         (v < kStoreFormatVersion
                              ? " (format 3 adds the PSOG index, format 4 counts the "
                                "non-integer objects of each predicate, format 5 leaves out "
                                "a last component equal to the previous quad's)"
                              : "") +
                         ": dump with the old version and reload");
    }
    impl->dbs = openDbs(txn.get(), 0);
    txn.commit();  // keeps the database handles open
  }
  return std::unique_ptr<Store>(new Store(std::move(impl)));
}

std::unique_ptr<ReadTxn> Store::beginRead() const {
  return std::unique_ptr<ReadTxn>(new ReadTxn(std::make_unique<ReadTxn::Impl>(*impl_, false)));
}

std::unique_ptr<WriteTxn> Store::beginWrite() {
  BDIS_CHECK(!impl_->readOnly, StorageError,
             "store " + quoted(impl_->path) + " was opened read-only: no writes");
  return std::unique_ptr<WriteTxn>(new WriteTxn(std::make_unique<ReadTxn::Impl>(*impl_, true)));
}

const fs::path& Store::path() const { return impl_->path; }
bool Store::readOnly() const { return impl_->readOnly; }

void Store::setCommitCallback(std::function<void()> callback) {
  impl_->onCommit = std::move(callback);
}

// ---------------------------------------------------------------- ReadTxn

ReadTxn::ReadTxn(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ReadTxn::~ReadTxn() = default;

std::optional<TermId> ReadTxn::lookup(const TermView& term) const {
  impl_->live();
  return impl_->dictionary.lookup(term);
}

Term ReadTxn::decode(TermId id) const {
  std::string scratch;
  return Term(decodeView(id, scratch));
}

TermView ReadTxn::decodeView(TermId id, std::string& scratch) const {
  impl_->live();
  return impl_->dictionary.decodeView(id, scratch);
}

SortKeyCache* ReadTxn::sortKeyCache() const {
  return impl_->writable ? nullptr : &impl_->store.sortKeys;
}

IndexOrder ReadTxn::chooseIndex(const QuadPattern& pattern) {
  const bool bound[4] = {!pattern.s.isAny(), !pattern.p.isAny(), !pattern.o.isAny(),
                         !pattern.g.isAny() && pattern.g != kAnyNamedGraph};
  const bool namedRange = pattern.g == kAnyNamedGraph;
  IndexOrder best = IndexOrder::SPOG;
  int bestScore = -1;
  // PSOG is left out: its prefixes are SPOG's and POSG's; the planner asks for it.
  for (int i = 0; i < kIndexCount; ++i) {
    auto order = static_cast<IndexOrder>(i);
    if (order == IndexOrder::PSOG) continue;
    const auto& positions = orderPositions(order);
    int prefix = 0;
    while (prefix < 4 && bound[positions[prefix]]) {
      ++prefix;
    }
    // A "any named graph" range right after the prefix narrows the scan too.
    int score = 2 * prefix + (prefix < 4 && positions[prefix] == 3 && namedRange ? 1 : 0);
    // A whole quad is a prefix of every order: the one with the smaller blocks
    // decodes less.
    if (score > bestScore ||
        (score == bestScore && prefix == 4 && maxBlockBytes(order) < maxBlockBytes(best))) {
      bestScore = score;
      best = order;
    }
  }
  return best;
}

QuadCursor ReadTxn::scan(const QuadPattern& pattern, std::optional<IndexOrder> order) const {
  IndexOrder ord = order.value_or(chooseIndex(pattern));
  return QuadCursor(std::make_unique<QuadCursor::Impl>(impl_->index(ord), ord, pattern));
}

QuadCursor ReadTxn::scanObjectRange(TermId p, TermId oLo, TermId oHi, TermId g) const {
  const QuadPattern pattern{kAny, p, kAny, g};
  KeyRange range;
  range.lo = Key4{p.raw, oLo.raw, 0, 0};
  range.hi = Key4{p.raw, oHi.raw, ~uint64_t{0}, ~uint64_t{0}};
  range.exact = g.isAny();  // otherwise each quad's graph is checked (matches)
  return QuadCursor(std::make_unique<QuadCursor::Impl>(impl_->index(IndexOrder::POSG),
                                                       IndexOrder::POSG, pattern, range));
}

QuadCursor ReadTxn::scanSubjectRange(TermId p, TermId o, TermId sLo, TermId sHi,
                                     TermId g) const {
  const QuadPattern pattern{kAny, p, o, g};
  const IndexOrder order = o.isAny() ? IndexOrder::PSOG : IndexOrder::POSG;
  constexpr uint64_t kMax = ~uint64_t{0};
  KeyRange range;
  if (o.isAny()) {
    range.lo = Key4{p.raw, sLo.raw, 0, 0};
    range.hi = Key4{p.raw, sHi.raw, kMax, kMax};
  } else {
    range.lo = Key4{p.raw, o.raw, sLo.raw, 0};
    range.hi = Key4{p.raw, o.raw, sHi.raw, kMax};
  }
  range.exact = g.isAny();  // otherwise each quad's graph is checked (matches)
  return QuadCursor(
      std::make_unique<QuadCursor::Impl>(impl_->index(order), order, pattern, range));
}

std::optional<std::pair<TermId, TermId>> ReadTxn::subjectBounds(TermId p, TermId o) const {
  const IndexOrder order = o.isAny() ? IndexOrder::PSOG : IndexOrder::POSG;
  const KeyRange range = keyRange(QuadPattern{kAny, p, o, kAny}, order);
  const int subject = o.isAny() ? 1 : 2;  // the subject's place in the key
  const QuadIndex index = impl_->index(order);
  QuadIndex::Block first, last;
  if (!index.blockFor(range.lo, range.hi, first)) return std::nullopt;
  if (first.quads.empty()) {
    // The range starts in the next block (the located one ends before it).
    const Key4 after = first.key;
    if (first.endsRange || !index.blockAfter(after, range.lo, range.hi, first) ||
        first.quads.empty())
      return std::nullopt;
  }
  // The block with the greatest key <= hi holds the range's last quad: a later key
  // <= hi would be a quad of the range.
  if (!index.lastBlockFor(range.lo, range.hi, last) || last.quads.empty()) return std::nullopt;
  return std::make_pair(TermId(first.quads.front()[subject]), TermId(last.quads.back()[subject]));
}

std::unique_ptr<ReadTxn> ReadTxn::sibling() const {
  if (impl_->writable) return nullptr;
  std::unique_ptr<ReadTxn> t;
  try {
    t.reset(new ReadTxn(std::make_unique<Impl>(impl_->store, false)));
  } catch (const StorageError&) {
    return nullptr;  // no reader slot left (or the like): the caller works alone
  }
  if (mdb_txn_id(t->impl_->live()) != mdb_txn_id(impl_->live())) return nullptr;
  return t;
}

uint64_t ReadTxn::count(const QuadPattern& pattern) const {
  const bool s = !pattern.s.isAny();
  const bool p = !pattern.p.isAny();
  const bool o = !pattern.o.isAny();
  StatsTable stats = impl_->statsTable();
  if (!s && !o && pattern.g.isAny()) {
    return p ? stats.get(StatsTable::Kind::Predicate, pattern.p) : stats.quads();
  }
  if (!s && !p && !o && pattern.g != kAnyNamedGraph) {
    return stats.get(StatsTable::Kind::Graph, pattern.g);
  }
  IndexOrder order = chooseIndex(pattern);
  KeyRange range = keyRange(pattern, order);
  if (range.exact) {
    return impl_->index(order).countRange(range.lo, range.hi);
  }
  QuadCursor cursor = scan(pattern, order);
  uint64_t n = 0;
  QuadIds q;
  while (cursor.next(q)) {
    ++n;
  }
  return n;
}

std::vector<TermId> ReadTxn::namedGraphs() const {
  std::vector<TermId> out;
  for (auto [g, n] : impl_->statsTable().list(StatsTable::Kind::Graph)) {
    if (!g.isDefaultGraph() && n > 0) {
      out.push_back(g);
    }
  }
  return out;
}

uint64_t ReadTxn::predicateCount(TermId p) const {
  return impl_->statsTable().get(StatsTable::Kind::Predicate, p);
}

uint64_t ReadTxn::nonIntegerObjectCount(TermId p) const {
  return impl_->statsTable().get(StatsTable::Kind::NonIntegerObjects, p);
}

std::vector<std::pair<TermId, uint64_t>> ReadTxn::predicateCounts() const {
  return impl_->statsTable().list(StatsTable::Kind::Predicate);
}

uint64_t ReadTxn::graphCount(TermId g) const {
  return impl_->statsTable().get(StatsTable::Kind::Graph, g);
}

StoreStats ReadTxn::stats() const {
  MDB_txn* txn = impl_->live();
  const StoreDbs& dbs = impl_->store.dbs;
  StoreStats out;
  out.quads = impl_->statsTable().quads();
  out.namedGraphs = namedGraphs().size();
  out.terms = impl_->dictionary.size();
  std::error_code ec;
  auto size = fs::file_size(impl_->store.path / "data.mdb", ec);
  out.bytesOnDisk = ec ? 0 : size;
  auto pages = [&](MDB_dbi dbi) {
    MDB_stat st{};
    lmdb::check(mdb_stat(txn, dbi, &st), "reading index statistics");
    return (st.ms_branch_pages + st.ms_leaf_pages + st.ms_overflow_pages) * st.ms_psize;
  };
  for (int i = 0; i < kIndexCount; ++i) {
    out.indexBytes[i] = pages(dbs.index[i]);
  }
  out.dictionaryBytes = pages(dbs.term2id) + pages(dbs.id2term) + pages(dbs.namespaces);
  return out;
}

}  // namespace bdis::rdf
