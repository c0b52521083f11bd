#include "rdf/store_stats.h"

#include <string>
#include <unordered_map>

#include "rdf/error.h"
#include "rdf/lmdb.h"
#include "rdf/varint.h"

namespace bdis::rdf {

namespace {

std::string statsKey(StatsTable::Kind kind, uint64_t id) {
  std::string key(1, static_cast<char>(kind));
  putBigEndian64(key, id);
  return key;
}

}  // namespace

std::string le64(uint64_t v) {
  std::string out(8, '\0');
  for (int i = 0; i < 8; ++i) {
    out[i] = static_cast<char>((v >> (8 * i)) & 0xFF);
  }
  return out;
}

uint64_t readLe64(std::string_view v) {
  if (v.size() != 8) {
    throw StorageError("malformed store counter (size " + std::to_string(v.size()) + ")");
  }
  uint64_t out = 0;
  for (int i = 7; i >= 0; --i) {
    out = (out << 8) | static_cast<uint8_t>(v[i]);
  }
  return out;
}

uint64_t StatsTable::quads() const {
  std::string_view v;
  return lmdb::get(txn_, meta_, kMetaQuads, v) ? readLe64(v) : 0;
}

uint64_t StatsTable::get(Kind kind, TermId id) const {
  std::string_view v;
  return lmdb::get(txn_, stats_, statsKey(kind, id.raw), v) ? readLe64(v) : 0;
}

std::vector<std::pair<TermId, uint64_t>> StatsTable::list(Kind kind) const {
  std::vector<std::pair<TermId, uint64_t>> out;
  lmdb::Cursor c(txn_, stats_);
  std::string start(1, static_cast<char>(kind));
  MDB_val key = lmdb::toVal(start);
  MDB_val val{};
  for (bool ok = c.get(key, val, MDB_SET_RANGE); ok; ok = c.get(key, val, MDB_NEXT)) {
    std::string_view k = lmdb::toView(key);
    if (k.empty() || k[0] != static_cast<char>(kind)) {
      break;
    }
    if (k.size() != 9) {
      throw StorageError("malformed stats key");
    }
    out.emplace_back(TermId(getBigEndian64(k.data() + 1)), readLe64(lmdb::toView(val)));
  }
  return out;
}

void StatsTable::apply(std::span<const QuadIds> quads, int sign) {
  if (quads.empty()) {
    return;
  }
  std::unordered_map<uint64_t, uint64_t> byPredicate;
  std::unordered_map<uint64_t, uint64_t> byGraph;
  std::unordered_map<uint64_t, uint64_t> nonInteger;
  for (const QuadIds& q : quads) {
    ++byPredicate[q.p.raw];
    ++byGraph[q.g.raw];
    if (q.o.tag() != IdTag::Integer) {
      ++nonInteger[q.p.raw];
    }
  }
  auto update = [&](Kind kind, const std::unordered_map<uint64_t, uint64_t>& deltas) {
    for (auto [id, n] : deltas) {
      std::string key = statsKey(kind, id);
      std::string_view v;
      uint64_t cur = lmdb::get(txn_, stats_, key, v) ? readLe64(v) : 0;
      if (sign < 0) {
        BDIS_ASSERT(cur >= n);
        cur -= n;
      } else {
        cur += n;
      }
      if (cur == 0) {
        lmdb::del(txn_, stats_, key, "updating statistics");
      } else {
        lmdb::put(txn_, stats_, key, le64(cur), 0, "updating statistics");
      }
    }
  };
  update(Kind::Predicate, byPredicate);
  update(Kind::Graph, byGraph);
  update(Kind::NonIntegerObjects, nonInteger);
  uint64_t total = this->quads();
  if (sign < 0) {
    BDIS_ASSERT(total >= quads.size());
    total -= quads.size();
  } else {
    total += quads.size();
  }
  lmdb::put(txn_, meta_, kMetaQuads, le64(total), 0, "updating statistics");
}

void StatsTable::reset() {
  lmdb::check(mdb_drop(txn_, stats_, 0), "clearing statistics");
  lmdb::put(txn_, meta_, kMetaQuads, le64(0), 0, "initialising statistics");
}

}  // namespace bdis::rdf
