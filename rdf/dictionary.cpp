#include "rdf/dictionary.h"

#include <algorithm>
#include <cstring>

#include "rdf/error.h"
#include "rdf/lmdb.h"
#include "rdf/store_stats.h"
#include "rdf/term_codec.h"
#include "rdf/varint.h"

namespace bdis::rdf {

namespace {

/// Set in the first byte of an id2term entry whose namespace or datatype is a number.
constexpr uint8_t kNumberedFlag = 0x80;

void putHashKey(std::string& out, uint64_t hash) {
  out.clear();
  putBigEndian64(out, hash);
}

}  // namespace

std::string idKey(TermId id) {
  std::string out;
  putBigEndian64(out, id.raw);
  return out;
}

std::string term2idKey(uint64_t hash, TermId id) {
  std::string out;
  putHashKey(out, hash);
  int bytes = 1;
  while (bytes < 8 && (id.raw >> (8 * bytes)) != 0) {
    ++bytes;
  }
  for (int i = bytes - 1; i >= 0; --i) {
    out.push_back(static_cast<char>((id.raw >> (8 * i)) & 0xFF));
  }
  return out;
}

Dictionary::Dictionary(MDB_txn* txn, DictionaryDbs dbs, bool writable)
    : txn_(txn),
      dbs_(dbs),
      writable_(writable),
      namespaces_(txn, dbs.namespaces, writable),
      cache_(kDefaultTermCacheBytes) {}

std::string_view Dictionary::storedForm(std::string_view serialized) {
  auto tag = static_cast<IdTag>(static_cast<uint8_t>(serialized[0]));
  storedBuf_.clear();
  if (tag == IdTag::Iri) {
    std::string_view iri = serialized.substr(1);
    size_t cut = namespaceLength(iri);
    if (auto n = namespaces_.numberOf(iri.substr(0, cut))) {
      storedBuf_.push_back(static_cast<char>(static_cast<uint8_t>(tag) | kNumberedFlag));
      putVarint(storedBuf_, *n);
      storedBuf_.append(iri.substr(cut));
      return storedBuf_;
    }
  } else if (tag == IdTag::Typed) {
    size_t pos = 1;
    uint64_t len = 0;
    if (getVarint(serialized, pos, len) && len <= serialized.size() - pos) {
      if (auto n = namespaces_.numberOf(serialized.substr(pos, len))) {
        storedBuf_.push_back(static_cast<char>(static_cast<uint8_t>(tag) | kNumberedFlag));
        putVarint(storedBuf_, *n);
        storedBuf_.append(serialized.substr(pos + len));
        return storedBuf_;
      }
    }
  }
  return serialized;
}

void Dictionary::expand(std::string_view stored, std::string& out) const {
  auto first = static_cast<uint8_t>(stored[0]);
  auto tag = static_cast<IdTag>(first & ~kNumberedFlag);
  size_t pos = 1;
  uint64_t number = 0;
  if (!getVarint(stored, pos, number) || number >= kMaxNamespaces) {
    throw StorageError("malformed dictionary entry: bad namespace number");
  }
  std::string_view ns = namespaces_.text(static_cast<uint32_t>(number));
  out.clear();
  out.push_back(static_cast<char>(tag));
  if (tag == IdTag::Iri) {
    out.append(ns);
  } else if (tag == IdTag::Typed) {
    putVarint(out, ns.size());
    out.append(ns);
  } else {
    throw StorageError("malformed dictionary entry: numbered namespace on kind " +
                       std::to_string(static_cast<int>(tag)));
  }
  out.append(stored.substr(pos));
}

bool Dictionary::serializedInto(TermId id, std::string& out) const {
  std::string_view value;
  if (!lmdb::get(txn_, dbs_.id2term, idKey(id), value)) {
    return false;
  }
  if (value.empty()) {
    throw StorageError("malformed dictionary entry: empty");
  }
  if (static_cast<uint8_t>(value[0]) & kNumberedFlag) {
    expand(value, out);
  } else {
    out.assign(value);
  }
  return true;
}

std::optional<TermId> Dictionary::lookupStored(std::string_view serialized, uint64_t hash) const {
  std::string key;
  putHashKey(key, hash);
  lmdb::Cursor c(txn_, dbs_.term2id);
  MDB_val k = lmdb::toVal(key);
  MDB_val v{};
  for (bool ok = c.get(k, v, MDB_SET_RANGE); ok; ok = c.get(k, v, MDB_NEXT)) {
    std::string_view found = lmdb::toView(k);
    if (found.size() <= 8 || found.substr(0, 8) != key) {
      break;
    }
    uint64_t raw = 0;
    for (char ch : found.substr(8)) {
      raw = (raw << 8) | static_cast<uint8_t>(ch);
    }
    TermId id(raw);
    if (serializedInto(id, verifyBuf_) && verifyBuf_ == serialized) {
      return id;
    }
  }
  return std::nullopt;
}

std::optional<TermId> Dictionary::lookupSerialized(std::string_view serialized,
                                                   uint64_t hash) const {
  if (auto id = cache_.find(hash, serialized)) {
    return id;
  }
  return lookupStored(serialized, hash);
}

std::optional<TermId> Dictionary::lookup(const TermView& term) const {
  BDIS_CHECK(!term.isNone(), InternalError, "lookup of a None term");
  if (auto inl = encodeInline(term)) {
    return inl;
  }
  serialBuf_.clear();
  serializeTerm(term, serialBuf_);
  return lookupSerialized(serialBuf_, termHash(serialBuf_));
}

TermId Dictionary::intern(const TermView& term) {
  BDIS_CHECK(!term.isNone(), InternalError, "intern of a None term");
  if (auto inl = encodeInline(term)) {
    return *inl;
  }
  serialBuf_.clear();
  serializeTerm(term, serialBuf_);
  std::string serialized = serialBuf_;
  return internSerialized(serialized, termHash(serialized));
}

void Dictionary::remember(uint64_t hash, std::string_view serialized, TermId id) {
  if (cache_.full()) {
    flushPending();
    cache_.clear();
  }
  cache_.insert(hash, serialized, id);
}

TermId Dictionary::internSerialized(std::string_view serialized, uint64_t hash) {
  BDIS_ASSERT(writable_);
  if (auto id = cache_.find(hash, serialized)) {
    return *id;
  }
  if (auto found = lookupStored(serialized, hash)) {
    remember(hash, serialized, *found);
    return *found;
  }
  if (nextNumber_ == 0) {
    std::string_view v;
    nextNumber_ = lmdb::get(txn_, dbs_.meta, kMetaNextTerm, v) ? readLe64(v) : 1;
  }
  BDIS_CHECK(nextNumber_ < (uint64_t{1} << 60), StorageError, "dictionary numbers exhausted");
  auto tag = static_cast<IdTag>(static_cast<uint8_t>(serialized[0]));
  TermId id = TermId::make(tag, nextNumber_++);
  dirty_ = true;
  lmdb::put(txn_, dbs_.id2term, idKey(id), storedForm(serialized), MDB_APPEND,
            "adding a term to the dictionary");
  // Cleared first (if full) so that the new entry is never flushed twice.
  if (cache_.full()) {
    flushPending();
    cache_.clear();
  }
  pending_.emplace_back(hash, id.raw);
  cache_.insert(hash, serialized, id);
  return id;
}

void Dictionary::flushPending() {
  if (pending_.empty()) {
    return;
  }
  std::sort(pending_.begin(), pending_.end());
  lmdb::Cursor c(txn_, dbs_.term2id);
  MDB_val k{};
  MDB_val v{};
  std::string first = term2idKey(pending_.front().first, TermId(pending_.front().second));
  // Appending (full pages, no search) is possible when every new key sorts last.
  bool append = !c.get(k, v, MDB_LAST) || lmdb::toView(k) < std::string_view(first);
  for (const auto& [hash, raw] : pending_) {
    std::string key = term2idKey(hash, TermId(raw));
    MDB_val kv = lmdb::toVal(key);
    MDB_val empty{0, nullptr};
    lmdb::check(mdb_cursor_put(c.raw(), &kv, &empty, append ? MDB_APPEND : 0),
                "adding a term to the dictionary");
  }
  std::vector<std::pair<uint64_t, uint64_t>>().swap(pending_);
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
  std::string_view bytes;
  if (!lmdb::get(txn_, dbs_.id2term, idKey(id), bytes)) {
    throw StorageError("term id " + std::to_string(id.raw) + " is not in the dictionary");
  }
  if (!bytes.empty() && (static_cast<uint8_t>(bytes[0]) & kNumberedFlag)) {
    expand(bytes, scratch);
    bytes = scratch;
  }
  TermView v = deserializeTerm(bytes);
  if (dictionaryTag(v) != id.tag()) {
    throw StorageError("dictionary entry " + std::to_string(id.raw) + " has the wrong kind");
  }
  return v;
}

void Dictionary::flush() {
  flushPending();
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
