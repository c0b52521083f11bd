#include "rdf/quad_block.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>

#include "rdf/error.h"

namespace bdis::rdf {
namespace {

std::vector<Key4> randomSorted(size_t n, uint64_t range, std::mt19937_64& rng) {
  std::set<Key4> set;
  while (set.size() < n) {
    set.insert(Key4{rng() % range, rng() % range, rng() % range, rng() % range});
  }
  return {set.begin(), set.end()};
}

std::string encode(const std::vector<Key4>& quads) {
  BlockEncoder enc;
  for (const Key4& k : quads) {
    enc.add(k);
  }
  return std::string(enc.bytes());
}

TEST(QuadBlock, RoundTripSmallAndLargeValues) {
  std::mt19937_64 rng(1);
  for (uint64_t range : {uint64_t{3}, uint64_t{50}, uint64_t{1} << 20, ~uint64_t{0}}) {
    auto quads = randomSorted(300, range == 3 ? 81 : range, rng);
    if (range == 3) {
      quads = randomSorted(81, 3, rng);  // every quad of a 3^4 cube
    }
    std::string bytes = encode(quads);
    EXPECT_EQ(blockCount(bytes), quads.size());
    std::vector<Key4> back;
    decodeBlock(bytes, back);
    EXPECT_EQ(back, quads);
  }
}

TEST(QuadBlock, DecodeRangeKeepsOnlyTheRange) {
  std::mt19937_64 rng(11);
  auto quads = randomSorted(500, 6, rng);
  std::string bytes = encode(quads);
  for (int i = 0; i < 300; ++i) {
    Key4 lo{rng() % 7, rng() % 7, rng() % 7, rng() % 7};
    Key4 hi{rng() % 7, rng() % 7, rng() % 7, rng() % 7};
    if (i % 3 == 0) {
      hi = Key4{lo[0], lo[1], ~uint64_t{0}, ~uint64_t{0}};  // a prefix range
    }
    std::vector<Key4> expected;
    for (const Key4& k : quads) {
      if (!(k < lo) && !(hi < k)) {
        expected.push_back(k);
      }
    }
    std::vector<Key4> got;
    bool past = decodeRange(bytes, lo, hi, got);
    EXPECT_EQ(got, expected);
    EXPECT_EQ(past, hi < quads.back());  // true exactly when the block goes beyond the range
  }
}

TEST(QuadBlock, HugeDeltasUseTheLongForm) {
  std::vector<Key4> quads = {{0, 0, 0, 0},
                             {0, 0, 0, ~uint64_t{0}},
                             {1, 0, 0, 0},
                             {~uint64_t{0} - 1, 5, 5, 5},
                             {~uint64_t{0}, ~uint64_t{0}, ~uint64_t{0}, ~uint64_t{0}}};
  std::string bytes = encode(quads);
  std::vector<Key4> back;
  decodeBlock(bytes, back);
  EXPECT_EQ(back, quads);
}

TEST(QuadBlock, DenseQuadsCompressWell) {
  std::vector<Key4> quads;
  for (uint64_t o = 0; o < 1000; ++o) {
    quads.push_back(Key4{17, 33, 1000 + o * 3, 16});
  }
  std::string bytes = encode(quads);
  EXPECT_LT(bytes.size(), 1000u + 64);  // one token byte per quad: the graph is kept
  std::vector<Key4> back;
  decodeBlock(bytes, back);
  EXPECT_EQ(back, quads);
}

TEST(QuadBlock, UndoLastRestoresTheEncoding) {
  BlockEncoder enc;
  enc.add(Key4{1, 2, 3, 4});
  enc.add(Key4{1, 2, 5, 4});
  std::string before(enc.bytes());
  enc.add(Key4{9, 9, 9, 9});
  enc.undoLast();
  EXPECT_EQ(enc.count(), 2u);
  EXPECT_EQ(std::string(enc.bytes()), before);
  enc.add(Key4{1, 3, 0, 0});
  std::vector<Key4> back;
  decodeBlock(enc.bytes(), back);
  EXPECT_EQ(back, (std::vector<Key4>{{1, 2, 3, 4}, {1, 2, 5, 4}, {1, 3, 0, 0}}));
  EXPECT_EQ(enc.first(), (Key4{1, 2, 3, 4}));
  EXPECT_EQ(enc.last(), (Key4{1, 3, 0, 0}));
}

TEST(QuadBlock, MalformedBlocksThrow) {
  std::vector<Key4> back;
  EXPECT_THROW(decodeBlock("", back), StorageError);
  EXPECT_THROW(decodeBlock(std::string(4, '\0'), back), StorageError);  // empty block
  std::string bytes = encode({{1, 2, 3, 4}, {1, 2, 3, 5}, {2, 0, 0, 0}});
  EXPECT_THROW(decodeBlock(bytes.substr(0, bytes.size() - 1), back), StorageError);
  EXPECT_THROW(decodeBlock(bytes + "x", back), StorageError);
  std::string wrongCount = bytes;
  wrongCount[0] = 4;
  EXPECT_THROW(decodeBlock(wrongCount, back), StorageError);
  // A zero delta would repeat a quad.
  std::string repeat = bytes.substr(0, 4 + 4);
  repeat[0] = 2;
  repeat += '\x06';  // token: delta 0, component 3
  repeat += '\x00';
  EXPECT_THROW(decodeBlock(repeat, back), StorageError);
  // "Same last component" after a change in the last component.
  std::string keep = bytes.substr(0, 4 + 4);
  keep[0] = 2;
  keep += '\x1E';  // token: delta 1, same, component 3
  EXPECT_THROW(decodeBlock(keep, back), StorageError);
}

TEST(QuadBlock, LastComponentKeptOrChanged) {
  // Runs where the graph stays, changes with the subject, or changes alone.
  std::vector<Key4> quads = {{1, 1, 1, 16}, {1, 1, 2, 16}, {1, 2, 0, 17}, {1, 2, 0, 40},
                             {2, 0, 0, 40}, {2, 0, 1, 16}, {3, 0, 0, 16}, {3, 0, 0, 17}};
  std::vector<Key4> back;
  decodeBlock(encode(quads), back);
  EXPECT_EQ(back, quads);
}

TEST(QuadBlock, PermutationsAreInverses) {
  QuadIds q{TermId(11), TermId(22), TermId(33), TermId(44)};
  for (int i = 0; i < kIndexCount; ++i) {
    auto order = static_cast<IndexOrder>(i);
    EXPECT_EQ(unpermute(permute(q, order), order), q) << indexName(order);
  }
  EXPECT_EQ(permute(q, IndexOrder::SPOG), (Key4{11, 22, 33, 44}));
  EXPECT_EQ(permute(q, IndexOrder::POSG), (Key4{22, 33, 11, 44}));
  EXPECT_EQ(permute(q, IndexOrder::OSPG), (Key4{33, 11, 22, 44}));
  EXPECT_EQ(permute(q, IndexOrder::GSPO), (Key4{44, 11, 22, 33}));
  EXPECT_EQ(permute(q, IndexOrder::GPOS), (Key4{44, 22, 33, 11}));
  EXPECT_EQ(permute(q, IndexOrder::GOSP), (Key4{44, 33, 11, 22}));
  EXPECT_EQ(permute(q, IndexOrder::PSOG), (Key4{22, 11, 33, 44}));
}

TEST(QuadBlock, KeysSortLikeQuads) {
  std::mt19937_64 rng(3);
  for (int i = 0; i < 2000; ++i) {
    Key4 a{rng() % 4, rng(), rng() % 3, rng()};
    Key4 b{rng() % 4, rng(), rng() % 3, rng()};
    EXPECT_EQ(a < b, blockKey(a) < blockKey(b));
    EXPECT_EQ(parseBlockKey(blockKey(a)), a);
    std::array<char, kBlockKeyBytes> buf;
    blockKeyInto(a, buf);
    EXPECT_EQ(std::string(buf.data(), buf.size()), blockKey(a));
  }
  EXPECT_EQ(blockKey(Key4{}).size(), kBlockKeyBytes);
  EXPECT_THROW(parseBlockKey("short"), StorageError);
}

}  // namespace
}  // namespace bdis::rdf
