#include "rdf/quad_block.h"

#include "rdf/error.h"
#include "rdf/varint.h"

namespace bdis::rdf {

namespace {

constexpr std::array<std::array<int, 4>, kIndexCount> kPositions = {{
    {0, 1, 2, 3},  // SPOG
    {1, 2, 0, 3},  // POSG
    {2, 0, 1, 3},  // OSPG
    {3, 0, 1, 2},  // GSPO
    {3, 1, 2, 0},  // GPOS
    {3, 2, 0, 1},  // GOSP
    {1, 0, 2, 3},  // PSOG
}};

constexpr size_t kHeaderBytes = 4;
constexpr uint64_t kSmallDeltaLimit = uint64_t{1} << 60;

uint64_t component(const QuadIds& q, int pos) {
  switch (pos) {
    case 0:
      return q.s.raw;
    case 1:
      return q.p.raw;
    case 2:
      return q.o.raw;
    default:
      return q.g.raw;
  }
}

void writeHeader(std::string& bytes, uint32_t count) {
  for (size_t i = 0; i < kHeaderBytes; ++i) {
    bytes[i] = static_cast<char>((count >> (8 * i)) & 0xFF);
  }
}

[[noreturn]] void malformed(const char* why) {
  throw StorageError(std::string("malformed index block: ") + why);
}

}  // namespace

const std::array<int, 4>& orderPositions(IndexOrder order) {
  return kPositions[static_cast<size_t>(order)];
}

Key4 permute(const QuadIds& q, IndexOrder order) {
  const auto& pos = orderPositions(order);
  return Key4{component(q, pos[0]), component(q, pos[1]), component(q, pos[2]),
              component(q, pos[3])};
}

QuadIds unpermute(const Key4& k, IndexOrder order) {
  const auto& pos = orderPositions(order);
  uint64_t v[4] = {};
  for (int i = 0; i < 4; ++i) {
    v[pos[i]] = k[i];
  }
  return QuadIds{TermId(v[0]), TermId(v[1]), TermId(v[2]), TermId(v[3])};
}

std::string blockKey(const Key4& k) {
  std::string out;
  out.reserve(kBlockKeyBytes);
  for (uint64_t c : k) {
    putBigEndian64(out, c);
  }
  return out;
}

void blockKeyInto(const Key4& k, std::array<char, kBlockKeyBytes>& out) {
  for (size_t c = 0; c < 4; ++c) {
    for (size_t i = 0; i < 8; ++i) {
      out[c * 8 + i] = static_cast<char>((k[c] >> (8 * (7 - i))) & 0xFF);
    }
  }
}

Key4 parseBlockKey(std::string_view key) {
  if (key.size() != kBlockKeyBytes) {
    malformed("key is not 32 bytes");
  }
  Key4 k{};
  for (int i = 0; i < 4; ++i) {
    k[i] = getBigEndian64(key.data() + static_cast<ptrdiff_t>(8) * i);
  }
  return k;
}

void BlockEncoder::clear() {
  bytes_.assign(kHeaderBytes, '\0');
  count_ = 0;
}

void BlockEncoder::add(const Key4& k) {
  prevSize_ = bytes_.size();
  prevLast_ = last_;
  if (count_ == 0) {
    first_ = k;
    for (uint64_t c : k) {
      putVarint(bytes_, c);
    }
  } else {
    int d = 0;
    while (d < 4 && k[d] == last_[d]) {
      ++d;
    }
    BDIS_ASSERT(d < 4 && k[d] > last_[d]);
    uint64_t delta = k[d] - last_[d];
    const bool same = d < 3 && k[3] == last_[3];
    const uint64_t flags = (same ? uint64_t{8} : 0) | (static_cast<uint64_t>(d) << 1);
    if (delta < kSmallDeltaLimit) {
      putVarint(bytes_, (delta << 4) | flags);
    } else {
      putVarint(bytes_, flags | 1);
      putVarint(bytes_, delta);
    }
    for (int i = d + 1; i < (same ? 3 : 4); ++i) {
      putVarint(bytes_, k[i]);
    }
  }
  last_ = k;
  ++count_;
}

void BlockEncoder::undoLast() {
  BDIS_ASSERT(count_ > 0);
  bytes_.resize(prevSize_);
  last_ = prevLast_;
  --count_;
}

std::string_view BlockEncoder::bytes() {
  writeHeader(bytes_, count_);
  return bytes_;
}

uint32_t blockCount(std::string_view block) {
  if (block.size() < kHeaderBytes) {
    malformed("shorter than its header");
  }
  uint32_t count = 0;
  for (size_t i = 0; i < kHeaderBytes; ++i) {
    count |= static_cast<uint32_t>(static_cast<uint8_t>(block[i])) << (8 * i);
  }
  return count;
}

namespace {

/// Reads a varint at `p`, advancing it; false when the bytes end early or it is
/// over 10 bytes. One-byte varints (most deltas) take the first branch.
inline bool readVarint(const uint8_t*& p, const uint8_t* end, uint64_t& v) {
  if (p < end && *p < 0x80) {
    v = *p++;
    return true;
  }
  v = 0;
  for (int shift = 0; shift < 70; shift += 7) {
    if (p >= end) {
      return false;
    }
    uint8_t byte = *p++;
    v |= static_cast<uint64_t>(byte & 0x7F) << shift;
    if ((byte & 0x80) == 0) {
      return true;
    }
  }
  return false;
}

/// Decodes a block, handing each quad to `sink` until it returns false.
/// Checks the whole encoding only when it runs to the end.
template <typename Sink>
void decodeEach(std::string_view block, Sink&& sink) {
  uint32_t count = blockCount(block);
  if (count == 0) {
    malformed("empty block");
  }
  const auto* p = reinterpret_cast<const uint8_t*>(block.data()) + kHeaderBytes;
  const auto* end = reinterpret_cast<const uint8_t*>(block.data()) + block.size();
  // The current quad lives in four scalars, not an array indexed by the entry's
  // first changed component: stores into such an array, read back whole for the
  // sink, stalled store forwarding on every quad.
  uint64_t c0 = 0, c1 = 0, c2 = 0, c3 = 0;
  if (!readVarint(p, end, c0) || !readVarint(p, end, c1) || !readVarint(p, end, c2) ||
      !readVarint(p, end, c3)) {
    malformed("truncated first quad");
  }
  if (!sink(Key4{c0, c1, c2, c3}, count)) {
    return;
  }
  for (uint32_t n = 1; n < count; ++n) {
    uint64_t token = 0;
    if (!readVarint(p, end, token)) {
      malformed("truncated entry");
    }
    const auto d = static_cast<int>((token >> 1) & 3);
    const bool same = (token & 8) != 0;
    uint64_t delta = 0;
    if ((token & 1) != 0) {
      if ((token >> 4) != 0 || !readVarint(p, end, delta)) {
        malformed("bad long delta");
      }
    } else {
      delta = token >> 4;
    }
    if (delta == 0) {
      malformed("quads not increasing");
    }
    bool ok = true;
    switch (d) {
      case 0:
        if (c0 + delta < c0) malformed("quads not increasing");
        c0 += delta;
        ok = readVarint(p, end, c1) && readVarint(p, end, c2) && (same || readVarint(p, end, c3));
        break;
      case 1:
        if (c1 + delta < c1) malformed("quads not increasing");
        c1 += delta;
        ok = readVarint(p, end, c2) && (same || readVarint(p, end, c3));
        break;
      case 2:
        if (c2 + delta < c2) malformed("quads not increasing");
        c2 += delta;
        ok = same || readVarint(p, end, c3);
        break;
      default:
        if (same) malformed("a kept last component after a change in it");
        if (c3 + delta < c3) malformed("quads not increasing");
        c3 += delta;
        break;
    }
    if (!ok) {
      malformed("truncated entry");
    }
    if (!sink(Key4{c0, c1, c2, c3}, count)) {
      return;
    }
  }
  if (p != end) {
    malformed("trailing bytes");
  }
}

}  // namespace

void decodeBlock(std::string_view block, std::vector<Key4>& out) {
  bool first = true;
  decodeEach(block, [&](const Key4& k, uint32_t count) __attribute__((always_inline)) {
    if (first) {
      out.reserve(out.size() + count);
      first = false;
    }
    out.push_back(k);
    return true;
  });
}

bool decodeRange(std::string_view block, const Key4& lo, const Key4& hi, std::vector<Key4>& out) {
  Key4Less less;
  bool past = false;
  // Kept quads go through a small buffer: one vector insert per 64 quads (a
  // push_back per quad showed in long scans, zero-filling the block's size in probes).
  constexpr size_t kRun = 64;
  Key4 run[kRun];
  size_t n = 0;
  bool reachedLo = false;  // quads are sorted: once one is >= lo, all later ones are
  decodeEach(block, [&](const Key4& k, uint32_t count) __attribute__((always_inline)) {
    if (less(hi, k)) {
      past = true;
      return false;
    }
    if (reachedLo || !less(k, lo)) {
      reachedLo = true;
      if (n == kRun) {
        if (out.empty()) out.reserve(count);
        out.insert(out.end(), run, run + n);
        n = 0;
      }
      run[n++] = k;
    }
    return true;
  });
  out.insert(out.end(), run, run + n);
  return past;
}

}  // namespace bdis::rdf
