#include "rdf/quad_index.h"

#include <algorithm>

#include "rdf/error.h"
#include "rdf/lmdb.h"

namespace bdis::rdf {

namespace {

/// Positions `c` on the block with the greatest key <= k, else on the first
/// block; false when the database is empty.
bool locate(lmdb::Cursor& c, const Key4& k, MDB_val& key, MDB_val& val) {
  std::array<char, kBlockKeyBytes> buf;
  blockKeyInto(k, buf);
  const std::string_view wanted(buf.data(), buf.size());
  key = lmdb::toVal(wanted);
  if (c.get(key, val, MDB_SET_RANGE)) {
    if (lmdb::toView(key) == wanted) {
      return true;
    }
    if (c.get(key, val, MDB_PREV)) {
      return true;
    }
    return c.get(key, val, MDB_FIRST);
  }
  return c.get(key, val, MDB_LAST);
}

void decodeChecked(std::string_view key, std::string_view val, std::vector<Key4>& out) {
  out.clear();
  decodeBlock(val, out);
  if (parseBlockKey(key) != out.front()) {
    throw StorageError("malformed index: block key differs from its first quad");
  }
}

/// What a batch operation touches next: one block (if any) and the bound
/// below which keys belong to it.
struct Target {
  bool have = false;
  std::string oldKey;
  std::vector<Key4> quads;
  std::optional<Key4> nextKey;
};

void loadTarget(MDB_txn* txn, MDB_dbi dbi, const Key4& k, Target& t) {
  lmdb::Cursor c(txn, dbi);
  MDB_val key{};
  MDB_val val{};
  t.have = locate(c, k, key, val);
  t.nextKey.reset();
  t.quads.clear();
  if (!t.have) {
    return;
  }
  t.oldKey.assign(lmdb::toView(key));
  decodeChecked(t.oldKey, lmdb::toView(val), t.quads);
  if (c.get(key, val, MDB_NEXT)) {
    t.nextKey = parseBlockKey(lmdb::toView(key));
  }
}

size_t groupEnd(std::span<const Key4> keys, size_t i, const std::optional<Key4>& nextKey) {
  if (!nextKey) {
    return keys.size();
  }
  auto it = std::lower_bound(keys.begin() + static_cast<std::ptrdiff_t>(i), keys.end(), *nextKey);
  return static_cast<size_t>(it - keys.begin());
}

}  // namespace

void QuadIndex::writeBlocks(std::span<const Key4> head, std::span<const Key4> tail, bool append) {
  BlockEncoder enc;
  size_t limit = maxBlock_;
  if (!append) {
    for (const Key4& k : head) {
      enc.add(k);
    }
    for (const Key4& k : tail) {
      enc.add(k);
    }
    size_t total = enc.size();
    if (total > maxBlock_) {
      size_t blocks = (total + maxBlock_ - 1) / maxBlock_;
      limit = std::min(maxBlock_, total / blocks + 64);
    }
    enc.clear();
  }
  const unsigned flags = append ? MDB_APPEND : 0;
  auto flush = [&] {
    lmdb::put(txn_, dbi_, blockKey(enc.first()), enc.bytes(), flags, "writing an index block");
    enc.clear();
  };
  auto feed = [&](const Key4& k) {
    enc.add(k);
    if (enc.size() > limit && enc.count() > 1) {
      enc.undoLast();
      flush();
      enc.add(k);
    }
  };
  for (const Key4& k : head) {
    feed(k);
  }
  for (const Key4& k : tail) {
    feed(k);
  }
  if (enc.count() > 0) {
    flush();
  }
}

uint64_t QuadIndex::insertSorted(std::span<const Key4> keys, std::vector<Key4>* added) {
  uint64_t total = 0;
  Target t;
  std::vector<Key4> merged;
  size_t i = 0;
  while (i < keys.size()) {
    loadTarget(txn_, dbi_, keys[i], t);
    size_t j = groupEnd(keys, i, t.nextKey);
    BDIS_ASSERT(j > i);
    std::span<const Key4> group = keys.subspan(i, j - i);
    const bool append = !t.nextKey;
    // Keys beyond the last quad of the last block need no merging.
    size_t split = group.size();
    if (append) {
      split =
          t.have ? static_cast<size_t>(
                       std::upper_bound(group.begin(), group.end(), t.quads.back()) - group.begin())
                 : 0;
    }
    merged.clear();
    merged.reserve(t.quads.size() + split);
    uint64_t fresh = 0;
    size_t a = 0;
    size_t b = 0;
    while (a < t.quads.size() || b < split) {
      if (b == split || (a < t.quads.size() && t.quads[a] < group[b])) {
        merged.push_back(t.quads[a++]);
      } else if (a == t.quads.size() || group[b] < t.quads[a]) {
        if (added != nullptr) {
          added->push_back(group[b]);
        }
        merged.push_back(group[b++]);
        ++fresh;
      } else {
        merged.push_back(t.quads[a++]);
        ++b;
      }
    }
    std::span<const Key4> tail = group.subspan(split);
    if (added != nullptr) {
      added->insert(added->end(), tail.begin(), tail.end());
    }
    fresh += tail.size();
    if (fresh > 0) {
      if (t.have) {
        lmdb::del(txn_, dbi_, t.oldKey, "rewriting an index block");
      }
      writeBlocks(merged, tail, append);
      total += fresh;
    }
    i = j;
  }
  return total;
}

uint64_t QuadIndex::eraseSorted(std::span<const Key4> keys, std::vector<Key4>* removed) {
  uint64_t total = 0;
  Target t;
  std::vector<Key4> kept;
  size_t i = 0;
  while (i < keys.size()) {
    loadTarget(txn_, dbi_, keys[i], t);
    if (!t.have) {
      break;
    }
    size_t j = groupEnd(keys, i, t.nextKey);
    BDIS_ASSERT(j > i);
    kept.clear();
    uint64_t gone = 0;
    size_t b = i;
    for (const Key4& q : t.quads) {
      while (b < j && keys[b] < q) {
        ++b;
      }
      if (b < j && keys[b] == q) {
        if (removed != nullptr) {
          removed->push_back(q);
        }
        ++gone;
        ++b;
      } else {
        kept.push_back(q);
      }
    }
    if (gone > 0) {
      total += gone;
      if (kept.empty() || kept.front() != t.quads.front()) {
        lmdb::del(txn_, dbi_, t.oldKey, "rewriting an index block");
      }
      if (!kept.empty()) {
        BlockEncoder enc;
        for (const Key4& q : kept) {
          enc.add(q);
        }
        lmdb::put(txn_, dbi_, blockKey(enc.first()), enc.bytes(), 0, "writing an index block");
      }
    }
    i = j;
  }
  return total;
}

uint64_t QuadIndex::countRange(const Key4& lo, const Key4& hi) const {
  if (hi < lo) {
    return 0;
  }
  lmdb::Cursor c(txn_, dbi_);
  MDB_val key{};
  MDB_val val{};
  if (!locate(c, lo, key, val)) {
    return 0;
  }
  uint64_t total = 0;
  std::vector<Key4> quads;
  for (;;) {
    Key4 blockFirst = parseBlockKey(lmdb::toView(key));
    if (hi < blockFirst) {
      break;
    }
    std::string_view block = lmdb::toView(val);
    bool more = c.get(key, val, MDB_NEXT);
    std::optional<Key4> nextKey;
    if (more) {
      nextKey = parseBlockKey(lmdb::toView(key));
    }
    if (!(blockFirst < lo) && nextKey && !(hi < *nextKey)) {
      total += blockCount(block);
    } else {
      quads.clear();
      decodeRange(block, lo, hi, quads);
      total += quads.size();
    }
    if (!more) {
      break;
    }
  }
  return total;
}

bool QuadIndex::blockAt(const Key4& at, const Key4& lo, const Key4& hi, Block& out) const {
  lmdb::Cursor c(txn_, dbi_);
  MDB_val key{};
  MDB_val val{};
  if (!locate(c, at, key, val)) {
    return false;
  }
  out.key = parseBlockKey(lmdb::toView(key));
  out.quads.clear();
  out.endsRange = decodeRange(lmdb::toView(val), lo, hi, out.quads);
  return true;
}

bool QuadIndex::blockFor(const Key4& lo, const Key4& hi, Block& out) const {
  return blockAt(lo, lo, hi, out);
}

bool QuadIndex::lastBlockFor(const Key4& lo, const Key4& hi, Block& out) const {
  return blockAt(hi, lo, hi, out);
}

bool QuadIndex::blockAfter(const Key4& after, const Key4& lo, const Key4& hi, Block& out) const {
  lmdb::Cursor c(txn_, dbi_);
  std::array<char, kBlockKeyBytes> buf;
  blockKeyInto(after, buf);
  const std::string_view wanted(buf.data(), buf.size());
  MDB_val key = lmdb::toVal(wanted);
  MDB_val val{};
  if (!c.get(key, val, MDB_SET_RANGE)) {
    return false;
  }
  if (lmdb::toView(key) == wanted && !c.get(key, val, MDB_NEXT)) {
    return false;
  }
  out.key = parseBlockKey(lmdb::toView(key));
  out.quads.clear();
  out.endsRange = decodeRange(lmdb::toView(val), lo, hi, out.quads);
  return true;
}

}  // namespace bdis::rdf
