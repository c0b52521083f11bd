#include "rdf/dictionary.h"

#include <cstring>

#include "rdf/error.h"
#include "rdf/lmdb.h"
#include "rdf/store_stats.h"
#include "rdf/term_codec.h"
#include "rdf/varint.h"

namespace bdis::rdf {

namespace {

/// Bound on the per-transaction cache so that huge loads keep bounded memory.
constexpr size_t kMaxCacheEntries = size_t{4} << 20;

}  // namespace

std::string idKey(TermId id) {
  std::string out;
  putBigEndian64(out, id.raw);
  return out;
}

Dictionary::Dictionary(MDB_txn* txn, DictionaryDbs dbs, bool writable)
    : txn_(txn), dbs_(dbs), writable_(writable) {}

std::optional<TermId> Dictionary::lookupKey(std::string_view key,
                                            std::string_view serialized) const {
  std::string_view value;
  if (!lmdb::get(txn_, dbs_.term2id, key, value)) {
    return std::nullopt;
  }
  if (value.size() != 8) {
    throw StorageError("malformed term2id entry");
  }
  TermId id(getBigEndian64(value.data()));
  if (key.size() != serialized.size()) {
    // Hashed key: make sure the stored term is this one.
    auto stored = this->serialized(id);
    if (!stored || *stored != serialized) {
      throw StorageError("dictionary hash collision or damaged entry for id " +
                         std::to_string(id.raw));
    }
  }
  return id;
}

std::optional<TermId> Dictionary::lookup(const TermView& term) const {
  BDIS_CHECK(!term.isNone(), InternalError, "lookup of a None term");
  if (auto inl = encodeInline(term)) {
    return inl;
  }
  serialBuf_.clear();
  serializeTerm(term, serialBuf_);
  dictionaryKey(serialBuf_, keyBuf_);
  return lookupKey(keyBuf_, serialBuf_);
}

TermId Dictionary::intern(const TermView& term) {
  BDIS_ASSERT(writable_);
  BDIS_CHECK(!term.isNone(), InternalError, "intern of a None term");
  if (auto inl = encodeInline(term)) {
    return *inl;
  }
  serialBuf_.clear();
  serializeTerm(term, serialBuf_);
  dictionaryKey(serialBuf_, keyBuf_);
  if (auto it = cache_.find(keyBuf_); it != cache_.end()) {
    return it->second;
  }
  if (auto found = lookupKey(keyBuf_, serialBuf_)) {
    if (cache_.size() >= kMaxCacheEntries) {
      cache_.clear();
    }
    cache_.emplace(keyBuf_, *found);
    return *found;
  }
  if (nextNumber_ == 0) {
    std::string_view v;
    nextNumber_ = lmdb::get(txn_, dbs_.meta, kMetaNextTerm, v) ? readLe64(v) : 1;
  }
  BDIS_CHECK(nextNumber_ < (uint64_t{1} << 60), StorageError, "dictionary numbers exhausted");
  TermId id = TermId::make(dictionaryTag(term), nextNumber_++);
  dirty_ = true;
  std::string idBytes = idKey(id);
  lmdb::put(txn_, dbs_.id2term, idBytes, serialBuf_, MDB_APPEND, "adding a term to the dictionary");
  lmdb::put(txn_, dbs_.term2id, keyBuf_, idBytes, MDB_NOOVERWRITE,
            "adding a term to the dictionary");
  if (cache_.size() >= kMaxCacheEntries) {
    cache_.clear();
  }
  cache_.emplace(keyBuf_, id);
  return id;
}

std::optional<std::string_view> Dictionary::serialized(TermId id) const {
  std::string_view value;
  if (!lmdb::get(txn_, dbs_.id2term, idKey(id), value)) {
    return std::nullopt;
  }
  return value;
}

TermView Dictionary::decodeView(TermId id, std::string& scratch) const {
  if (id.isInline()) {
    return decodeInline(id, scratch);
  }
  if (id.isDefaultGraph()) {
    return TermView{};
  }
  if (id.tag() == IdTag::Special) {
    throw StorageError("id " + std::to_string(id.raw) + " is not a term");
  }
  auto bytes = serialized(id);
  if (!bytes) {
    throw StorageError("term id " + std::to_string(id.raw) + " is not in the dictionary");
  }
  TermView v = deserializeTerm(*bytes);
  if (dictionaryTag(v) != id.tag()) {
    throw StorageError("dictionary entry " + std::to_string(id.raw) + " has the wrong kind");
  }
  return v;
}

void Dictionary::flush() {
  if (!dirty_) {
    return;
  }
  lmdb::put(txn_, dbs_.meta, kMetaNextTerm, le64(nextNumber_), 0, "saving the dictionary counter");
  dirty_ = false;
}

uint64_t Dictionary::size() const {
  MDB_stat st{};
  lmdb::check(mdb_stat(txn_, dbs_.id2term, &st), "reading dictionary statistics");
  return st.ms_entries;
}

}  // namespace bdis::rdf
