#include "rdf/namespace_table.h"

#include "rdf/error.h"
#include "rdf/lmdb.h"

namespace bdis::rdf {

namespace {

std::string numberKey(uint32_t n) {
  std::string k(4, '\0');
  for (int i = 3; i >= 0; --i) {
    k[static_cast<size_t>(i)] = static_cast<char>(n & 0xFF);
    n >>= 8;
  }
  return k;
}

uint32_t readNumberKey(std::string_view k) {
  uint32_t n = 0;
  for (char c : k) {
    n = (n << 8) | static_cast<uint8_t>(c);
  }
  return n;
}

}  // namespace

size_t namespaceLength(std::string_view iri) {
  size_t cut = iri.find_last_of("/#");
  return cut == std::string_view::npos ? 0 : cut + 1;
}

NamespaceTable::NamespaceTable(MDB_txn* txn, MDB_dbi dbi, bool writable)
    : txn_(txn), dbi_(dbi), writable_(writable) {}

void NamespaceTable::loadAll() const {
  loaded_ = true;
  lmdb::Cursor c(txn_, dbi_);
  MDB_val key{};
  MDB_val val{};
  for (bool ok = c.get(key, val, MDB_FIRST); ok; ok = c.get(key, val, MDB_NEXT)) {
    std::string_view k = lmdb::toView(key);
    if (k.size() != 4 || readNumberKey(k) != texts_.size()) {
      throw StorageError("malformed namespace table: run bdis check");
    }
    texts_.emplace_back(lmdb::toView(val));
    numbers_.emplace(texts_.back(), static_cast<uint32_t>(texts_.size() - 1));
  }
}

std::optional<uint32_t> NamespaceTable::numberOf(std::string_view ns) {
  if (!writable_ || ns.size() < kMinNamespaceLength || ns.size() > 400) {
    return std::nullopt;
  }
  if (!loaded_) {
    loadAll();
  }
  if (auto it = numbers_.find(std::string(ns)); it != numbers_.end()) {
    return it->second;
  }
  if (texts_.size() >= kMaxNamespaces) {
    return std::nullopt;
  }
  auto n = static_cast<uint32_t>(texts_.size());
  lmdb::put(txn_, dbi_, numberKey(n), ns, MDB_APPEND, "adding a namespace");
  texts_.emplace_back(ns);
  numbers_.emplace(texts_.back(), n);
  return n;
}

std::string_view NamespaceTable::text(uint32_t number) const {
  if (writable_) {
    if (!loaded_) {
      loadAll();
    }
    if (number >= texts_.size()) {
      throw StorageError("namespace " + std::to_string(number) + " is not in the table");
    }
    return texts_[number];
  }
  if (auto it = seen_.find(number); it != seen_.end()) {
    return it->second;
  }
  std::string_view v;
  if (!lmdb::get(txn_, dbi_, numberKey(number), v)) {
    throw StorageError("namespace " + std::to_string(number) + " is not in the table");
  }
  seen_.emplace(number, v);
  return v;
}

}  // namespace bdis::rdf
