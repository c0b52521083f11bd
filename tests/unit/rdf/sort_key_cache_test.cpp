// SortKeyCache: keys that differ order their literals as ORDER BY does, whatever
// the bytes after the seventh; what is put is got back; the memory bound holds;
// write transactions get no cache, read transactions share the store's.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "rdf/sort_key_cache.h"
#include "rdf/store.h"
#include "tests/support/shared_path.h"

namespace bdis::rdf {
namespace {

TermView literal(std::string_view value, std::string_view lang = {}, std::string_view dt = {}) {
  TermView v;
  v.kind = TermKind::Literal;
  v.value = value;
  v.lang = lang;
  v.datatype = dt;
  return v;
}

int sign(int c) { return (c > 0) - (c < 0); }

TEST(SortKeyCache, DifferentKeysOrderAsLexicalForms) {
  // Random strings over a small alphabet with shared prefixes, multi-byte UTF-8,
  // NUL and high bytes, of lengths 0..12: wherever two keys differ, their order is
  // the lexical forms' bytewise order; equal keys are allowed for different forms.
  std::mt19937_64 rng(7);
  const std::vector<std::string> pieces = {"a", "b", "AMAP", " ", "é", "\xff", std::string(1, '\0'),
                                           "z", "Ressourcerie"};
  std::vector<std::string> words;
  for (int i = 0; i < 400; ++i) {
    std::string s;
    const int n = static_cast<int>(rng() % 4);
    for (int k = 0; k < n; ++k) s += pieces[rng() % pieces.size()];
    words.push_back(s.substr(0, rng() % 13));
  }
  int decided = 0;
  for (const auto& a : words)
    for (const auto& b : words) {
      const uint64_t ka = SortKeyCache::keyOf(literal(a));
      const uint64_t kb = SortKeyCache::keyOf(literal(b));
      EXPECT_EQ(SortKeyCache::kindOf(ka), 1);
      if (ka == kb) continue;
      ++decided;
      EXPECT_EQ(ka < kb ? -1 : 1, sign(a.compare(b))) << '"' << a << "\" vs \"" << b << '"';
    }
  EXPECT_GT(decided, 1000);
  // A shared 7-byte prefix decides nothing.
  EXPECT_EQ(SortKeyCache::keyOf(literal("AMAP Atelier")), SortKeyCache::keyOf(literal("AMAP At")));
}

TEST(SortKeyCache, KindsSeparateSimpleTaggedAndOther) {
  EXPECT_EQ(SortKeyCache::kindOf(SortKeyCache::keyOf(literal("x"))), 1);
  EXPECT_EQ(SortKeyCache::kindOf(SortKeyCache::keyOf(literal("x", {}, kXsdString))), 1);
  EXPECT_EQ(SortKeyCache::kindOf(SortKeyCache::keyOf(literal("x", "fr"))), 2);
  EXPECT_EQ(SortKeyCache::kindOf(
                SortKeyCache::keyOf(literal("1", {}, "http://www.w3.org/2001/XMLSchema#integer"))),
            3);
  TermView iri;
  iri.kind = TermKind::Iri;
  iri.value = "http://example.org/a";
  EXPECT_EQ(SortKeyCache::kindOf(SortKeyCache::keyOf(iri)), 3);
  EXPECT_NE(SortKeyCache::keyOf(literal("")), 0u);  // never "unknown"
}

TEST(SortKeyCache, RemembersDictionaryIdsOnlyWithinItsBound) {
  SortKeyCache cache(2 * 65536 * sizeof(uint64_t));  // two chunks
  const TermId a = TermId::make(IdTag::String, 5);
  const TermId b = TermId::make(IdTag::LangString, 70000);
  const TermId c = TermId::make(IdTag::Iri, 200000);  // a third chunk: over the bound
  EXPECT_EQ(cache.get(a), 0u);
  cache.put(a, 42);
  cache.put(b, 43);
  cache.put(c, 44);
  EXPECT_EQ(cache.get(a), 42u);
  EXPECT_EQ(cache.get(b), 43u);
  EXPECT_EQ(cache.get(c), 0u);
  EXPECT_EQ(cache.bytes(), 2 * 65536 * sizeof(uint64_t));
  // Inline and special ids are never remembered.
  const TermId inlineInt = TermId::make(IdTag::Integer, 9);
  cache.put(inlineInt, 45);
  EXPECT_EQ(cache.get(inlineInt), 0u);
  EXPECT_EQ(cache.get(kDefaultGraph), 0u);
}

TEST(SortKeyCache, ReadTransactionsShareItWriteTransactionsHaveNone) {
  test::TempDir dir;
  auto store = Store::open(dir.path());
  {
    auto w = store->beginWrite();
    EXPECT_EQ(w->sortKeyCache(), nullptr);  // its new terms may still be rolled back
    w->commit();
  }
  auto r1 = store->beginRead();
  auto r2 = store->beginRead();
  ASSERT_NE(r1->sortKeyCache(), nullptr);
  EXPECT_EQ(r1->sortKeyCache(), r2->sortKeyCache());
}

}  // namespace
}  // namespace bdis::rdf
