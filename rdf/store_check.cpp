// ReadTxn::check(): a full consistency check of indexes, dictionary and counters.
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "rdf/store_internal.h"
#include "rdf/term_codec.h"
#include "rdf/varint.h"

namespace bdis::rdf {

namespace {

constexpr size_t kMaxProblems = 200;

uint64_t mix64(uint64_t x) {
  x ^= x >> 30;
  x *= 0xBF58476D1CE4E5B9ull;
  x ^= x >> 27;
  x *= 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

uint64_t quadHash(const QuadIds& q) {
  uint64_t h = mix64(q.s.raw);
  h = mix64(h ^ q.p.raw);
  h = mix64(h ^ q.o.raw);
  return mix64(h ^ q.g.raw);
}

std::string quadText(const QuadIds& q) {
  return "(" + std::to_string(q.s.raw) + " " + std::to_string(q.p.raw) + " " +
         std::to_string(q.o.raw) + " " + std::to_string(q.g.raw) + ")";
}

struct Problems {
  std::vector<std::string> list;
  void add(std::string s) {
    if (list.size() < kMaxProblems) {
      list.push_back(std::move(s));
    }
    if (list.size() == kMaxProblems) {
      list.emplace_back("too many problems: stopped listing");
    }
  }
};

struct IndexSummary {
  uint64_t quads = 0;
  uint64_t hash = 0;
};

/// Walks every block of one index; `perQuad` sees each quad in SPOG form.
template <typename F>
IndexSummary walkIndex(MDB_txn* txn, MDB_dbi dbi, IndexOrder order, Problems& problems,
                       F&& perQuad) {
  IndexSummary sum;
  lmdb::Cursor c(txn, dbi);
  MDB_val key{};
  MDB_val val{};
  std::vector<Key4> quads;
  std::optional<Key4> prevLast;
  const std::string name = indexName(order);
  for (bool ok = c.get(key, val, MDB_FIRST); ok; ok = c.get(key, val, MDB_NEXT)) {
    quads.clear();
    Key4 blockFirst{};
    try {
      blockFirst = parseBlockKey(lmdb::toView(key));
      decodeBlock(lmdb::toView(val), quads);
    } catch (const StorageError& e) {
      problems.add("index " + name + ": block " + std::to_string(blockFirst[0]) +
                   "...: " + e.what());
      continue;
    }
    if (quads.front() != blockFirst) {
      problems.add("index " + name + ": a block key differs from its first quad " +
                   quadText(unpermute(quads.front(), order)));
    }
    if (prevLast && !(*prevLast < quads.front())) {
      problems.add("index " + name + ": blocks overlap or are out of order at " +
                   quadText(unpermute(quads.front(), order)));
    }
    prevLast = quads.back();
    for (const Key4& k : quads) {
      QuadIds q = unpermute(k, order);
      ++sum.quads;
      sum.hash += quadHash(q);
      perQuad(q);
    }
  }
  return sum;
}

void checkId(const Dictionary& dict, TermId id, bool graphPosition, Problems& problems) {
  if (graphPosition && id.isDefaultGraph()) {
    return;
  }
  if (id.tag() == IdTag::Special || id.tag() > IdTag::Decimal) {
    problems.add("id " + std::to_string(id.raw) + " in a quad is not a term");
    return;
  }
  if (graphPosition && !id.isIri() && !id.isBlank()) {
    problems.add("graph id " + std::to_string(id.raw) + " is neither an IRI nor a blank node");
  }
  try {
    std::string scratch;
    dict.decodeView(id, scratch);
  } catch (const StorageError& e) {
    problems.add(std::string("id in a quad does not decode: ") + e.what());
  }
}

void checkDictionary(MDB_txn* txn, const StoreDbs& dbs, Problems& problems) {
  std::string_view next;
  uint64_t nextNumber = lmdb::get(txn, dbs.meta, kMetaNextTerm, next) ? readLe64(next) : 0;
  Dictionary dict(txn, DictionaryDbs{dbs.meta, dbs.term2id, dbs.id2term, dbs.namespaces}, false);
  lmdb::Cursor c(txn, dbs.id2term);
  MDB_val key{};
  MDB_val val{};
  std::string serialized;
  uint64_t entries = 0;
  for (bool ok = c.get(key, val, MDB_FIRST); ok; ok = c.get(key, val, MDB_NEXT)) {
    ++entries;
    std::string_view k = lmdb::toView(key);
    if (k.size() != 8) {
      problems.add("id2term: a key is not 8 bytes");
      continue;
    }
    TermId id(getBigEndian64(k.data()));
    try {
      dict.serializedInto(id, serialized);
      TermView t = deserializeTerm(serialized);
      if (dictionaryTag(t) != id.tag()) {
        problems.add("id2term: entry " + std::to_string(id.raw) + " has the wrong kind");
      }
    } catch (const StorageError& e) {
      problems.add("id2term: entry " + std::to_string(id.raw) + ": " + e.what());
      continue;
    }
    if (id.payload() >= nextNumber) {
      problems.add("id2term: id " + std::to_string(id.raw) + " is beyond the next-number counter");
    }
    auto back = dict.lookupSerialized(serialized, termHash(serialized));
    if (!back) {
      problems.add("term2id lacks the term of id " + std::to_string(id.raw));
    } else if (*back != id) {
      problems.add("term2id maps the term of id " + std::to_string(id.raw) + " elsewhere");
    }
  }
  MDB_stat st{};
  lmdb::check(mdb_stat(txn, dbs.term2id, &st), "reading dictionary statistics");
  if (st.ms_entries != entries) {
    problems.add("term2id has " + std::to_string(st.ms_entries) + " entries, id2term " +
                 std::to_string(entries));
  }
}

void compareCounts(const char* what, const std::unordered_map<uint64_t, uint64_t>& actual,
                   const std::vector<std::pair<TermId, uint64_t>>& stored, Problems& problems) {
  std::map<uint64_t, uint64_t> kept;
  for (auto [id, n] : stored) {
    kept[id.raw] = n;
  }
  for (auto [id, n] : actual) {
    auto it = kept.find(id);
    uint64_t k = it == kept.end() ? 0 : it->second;
    if (k != n) {
      problems.add(std::string("stats: ") + what + " " + std::to_string(id) + " has " +
                   std::to_string(n) + " quads, the counter says " + std::to_string(k));
    }
  }
  for (auto [id, n] : kept) {
    if (actual.find(id) == actual.end()) {
      problems.add(std::string("stats: ") + what + " " + std::to_string(id) +
                   " has no quads, the counter says " + std::to_string(n));
    }
  }
}

}  // namespace

std::vector<std::string> ReadTxn::check() const {
  MDB_txn* txn = impl_->live();
  const StoreDbs& dbs = impl_->store.dbs;
  Problems problems;
  std::unordered_map<uint64_t, uint64_t> byPredicate;
  std::unordered_map<uint64_t, uint64_t> byGraph;
  std::unordered_map<uint64_t, uint64_t> nonInteger;
  std::unordered_set<uint64_t> seen;
  TermId last[4] = {};
  const Dictionary& dict = impl_->dictionary;
  IndexSummary spog =
      walkIndex(txn, dbs.index[0], IndexOrder::SPOG, problems, [&](const QuadIds& q) {
        ++byPredicate[q.p.raw];
        ++byGraph[q.g.raw];
        if (q.o.tag() != IdTag::Integer) {
          ++nonInteger[q.p.raw];
        }
        const TermId ids[4] = {q.s, q.p, q.o, q.g};
        for (int i = 0; i < 4; ++i) {
          if (ids[i] == last[i]) {
            continue;  // common in SPOG order
          }
          last[i] = ids[i];
          if (seen.insert(ids[i].raw).second) {
            checkId(dict, ids[i], i == 3, problems);
          }
        }
      });
  for (int i = 1; i < kIndexCount; ++i) {
    auto order = static_cast<IndexOrder>(i);
    IndexSummary other = walkIndex(txn, dbs.index[i], order, problems, [](const QuadIds&) {});
    if (other.quads != spog.quads || other.hash != spog.hash) {
      problems.add(std::string("index ") + indexName(order) + " holds " +
                   std::to_string(other.quads) + " quads, SPOG " + std::to_string(spog.quads) +
                   (other.quads == spog.quads ? " (same count, different quads)" : ""));
    }
  }
  StatsTable stats = impl_->statsTable();
  if (stats.quads() != spog.quads) {
    problems.add("stats: the quad counter says " + std::to_string(stats.quads()) + ", SPOG holds " +
                 std::to_string(spog.quads));
  }
  compareCounts("predicate", byPredicate, stats.list(StatsTable::Kind::Predicate), problems);
  compareCounts("graph", byGraph, stats.list(StatsTable::Kind::Graph), problems);
  compareCounts("non-integer objects of predicate", nonInteger,
                stats.list(StatsTable::Kind::NonIntegerObjects), problems);
  checkDictionary(txn, dbs, problems);
  return std::move(problems.list);
}

}  // namespace bdis::rdf
